package pipeline

import (
	"encoding/json"
	"html"
	"net/url"
	"strconv"
	"strings"
)

// Inline markup (links, emphasis, footnote references) travels through segmentation, machine
// translation and review as placeholders inside the segment text: a pair <g1>…</g1> around
// linked or emphasised words, and an empty <x1/> for a footnote reference. Providers keep such
// XML-like tags (DeepL with tag_handling, LLMs when told, the pseudo provider always), the markup
// check compares them between source and translation, and the real element behind each
// placeholder (the link's address, the note's number) stays on the segment, out of the
// translator's reach. Render turns the placeholders back into a short list of safe elements.

// InlineKind is the element a placeholder stands for.
type InlineKind string

const (
	InlineLink     InlineKind = "link"     // <a href>, only http, https and mailto addresses
	InlineEmphasis InlineKind = "em"       // <em>
	InlineStrong   InlineKind = "strong"   // <strong>
	InlineFootnote InlineKind = "footnote" // a reference to a note: <sup>, self-closing placeholder
)

// Inline is the element behind one placeholder of a segment or block text.
type Inline struct {
	ID   int        `json:"id"`
	Kind InlineKind `json:"kind"`
	Href string     `json:"href,omitempty"` // links: the address, already checked by SafeHref
	Note int        `json:"note,omitempty"` // footnote references: the note's number, from 1
}

// InlineMarkup is a list of Inline elements kept as its JSON text, so that blocks and segments
// stay comparable values and the store keeps it as it is. The empty string is no markup.
type InlineMarkup string

// NewInlineMarkup encodes a list of elements; an empty list is "".
func NewInlineMarkup(list []Inline) InlineMarkup {
	if len(list) == 0 {
		return ""
	}
	b, err := json.Marshal(list)
	if err != nil {
		return ""
	}
	return InlineMarkup(b)
}

// List decodes the elements; malformed markup is no markup, so that its placeholders stay text.
func (m InlineMarkup) List() []Inline {
	if m == "" {
		return nil
	}
	var out []Inline
	if json.Unmarshal([]byte(m), &out) != nil {
		return nil
	}
	return out
}

// Paired reports whether the placeholder of this kind wraps text (<gN>…</gN>) rather than
// standing alone (<xN/>).
func (k InlineKind) Paired() bool { return k != InlineFootnote }

// PlaceholderOpen, PlaceholderClose and PlaceholderEmpty write the placeholder tags for id.
func PlaceholderOpen(id int) string  { return "<g" + strconv.Itoa(id) + ">" }
func PlaceholderClose(id int) string { return "</g" + strconv.Itoa(id) + ">" }
func PlaceholderEmpty(id int) string { return "<x" + strconv.Itoa(id) + "/>" }

// TokenKind tells a placeholder tag from text.
type TokenKind int

const (
	TokenText  TokenKind = iota
	TokenOpen            // <gN>
	TokenClose           // </gN>
	TokenEmpty           // <xN/>
)

// Token is a run of text or one placeholder tag of a segment text.
type Token struct {
	Kind TokenKind
	ID   int    // placeholders only
	Text string // the text, or the tag as written
}

// Tokens splits text into text runs and placeholder tags. Anything that only looks like a tag
// (<b>, <g>, <g1 x>) is text.
func Tokens(text string) []Token {
	var out []Token
	start := 0
	for i := 0; i < len(text); {
		if text[i] != '<' {
			i++
			continue
		}
		tok, n := placeholderAt(text[i:])
		if n == 0 {
			i++
			continue
		}
		if start < i {
			out = append(out, Token{Kind: TokenText, Text: text[start:i]})
		}
		out = append(out, tok)
		i += n
		start = i
	}
	if start < len(text) {
		out = append(out, Token{Kind: TokenText, Text: text[start:]})
	}
	return out
}

// placeholderAt reads a placeholder tag at the start of s and returns it with its length, or a
// zero length when s does not start with one.
func placeholderAt(s string) (Token, int) {
	i := 1
	kind := TokenOpen
	if strings.HasPrefix(s, "</") {
		i, kind = 2, TokenClose
	}
	if i >= len(s) || (s[i] != 'g' && s[i] != 'x') {
		return Token{}, 0
	}
	letter := s[i]
	i++
	j := i
	for j < len(s) && s[j] >= '0' && s[j] <= '9' && j-i < 6 {
		j++
	}
	if j == i || s[i] == '0' {
		return Token{}, 0
	}
	id, _ := strconv.Atoi(s[i:j])
	switch {
	case letter == 'g' && strings.HasPrefix(s[j:], ">"):
		return Token{Kind: kind, ID: id, Text: s[:j+1]}, j + 1
	case letter == 'x' && kind == TokenOpen && strings.HasPrefix(s[j:], "/>"):
		return Token{Kind: TokenEmpty, ID: id, Text: s[:j+2]}, j + 2
	}
	return Token{}, 0
}

// StripPlaceholders returns text without its placeholder tags: the words a reader sees, without
// footnote numbers.
func StripPlaceholders(text string) string {
	if !strings.Contains(text, "<") {
		return text
	}
	var b strings.Builder
	for _, t := range Tokens(text) {
		if t.Kind == TokenText {
			b.WriteString(t.Text)
		}
	}
	return b.String()
}

// SafeHref returns the address when it is an absolute http or https URL with a host, or a
// mailto address, and false for anything else (javascript:, data:, relative paths, ...). The
// result is the URL re-encoded, so it holds no raw spaces, quotes or angle brackets.
func SafeHref(href string) (string, bool) {
	href = strings.TrimSpace(href)
	if href == "" || len(href) > 2048 || strings.ContainsAny(href, "\x00\r\n\t") {
		return "", false
	}
	u, err := url.Parse(href)
	if err != nil {
		return "", false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" || u.User != nil {
			return "", false
		}
	case "mailto":
		if u.Opaque == "" || strings.ContainsAny(u.Opaque, "<>\"'") {
			return "", false
		}
	default:
		return "", false
	}
	u.Scheme = strings.ToLower(u.Scheme)
	// net/url keeps a query as it came; quotes and brackets in it are encoded here.
	return hrefEscaper.Replace(u.String()), true
}

var hrefEscaper = strings.NewReplacer(`"`, "%22", "'", "%27", "<", "%3C", ">", "%3E", " ", "%20", "`", "%60")

// renderInline turns one segment text into HTML: the text escaped, each known placeholder replaced
// by its element. Only <a href> (with an address SafeHref accepts), <em>, <strong> and <sup>
// footnote references are ever written; a placeholder the segment does not know, or one whose
// element is unsafe, leaves only its text. Tags are balanced whatever order the translation put
// the placeholders in: a closing placeholder closes the elements opened after it and opens them
// again, and everything still open is closed at the end.
func renderInline(text string, markup InlineMarkup) string {
	inline := markup.List()
	if len(inline) == 0 || !strings.Contains(text, "<") {
		return html.EscapeString(text)
	}
	byID := make(map[int]Inline, len(inline))
	for _, in := range inline {
		byID[in.ID] = in
	}
	var b strings.Builder
	var open []Inline
	inLink := func() bool {
		for _, o := range open {
			if o.Kind == InlineLink {
				return true
			}
		}
		return false
	}
	for _, t := range Tokens(text) {
		in, known := byID[t.ID]
		switch {
		case t.Kind == TokenText:
			b.WriteString(html.EscapeString(t.Text))
		case !known:
			// A placeholder the source never had: drop it, the markup check reports it.
		case t.Kind == TokenEmpty && in.Kind == InlineFootnote && in.Note > 0:
			n := strconv.Itoa(in.Note)
			if inLink() {
				b.WriteString("<sup>" + n + "</sup>")
			} else {
				b.WriteString(`<sup class="footnote-ref"><a href="#fn-` + n + `">` + n + `</a></sup>`)
			}
		case t.Kind == TokenOpen && in.Kind.Paired():
			if isOpen(open, in.ID) || (in.Kind == InlineLink && inLink()) {
				continue
			}
			tag, ok := openTag(in)
			if !ok {
				continue
			}
			b.WriteString(tag)
			open = append(open, in)
		case t.Kind == TokenClose:
			at := -1
			for i := len(open) - 1; i >= 0; i-- {
				if open[i].ID == t.ID {
					at = i
					break
				}
			}
			if at < 0 {
				continue
			}
			for i := len(open) - 1; i >= at; i-- {
				b.WriteString(closeTag(open[i]))
			}
			reopen := append([]Inline(nil), open[at+1:]...)
			open = open[:at]
			for _, o := range reopen {
				tag, _ := openTag(o)
				b.WriteString(tag)
				open = append(open, o)
			}
		}
	}
	for i := len(open) - 1; i >= 0; i-- {
		b.WriteString(closeTag(open[i]))
	}
	return b.String()
}

func isOpen(open []Inline, id int) bool {
	for _, o := range open {
		if o.ID == id {
			return true
		}
	}
	return false
}

// openTag writes the opening tag of a paired element, re-checking a link's address: what reaches
// a page is decided here, not by whoever stored the segment.
func openTag(in Inline) (string, bool) {
	switch in.Kind {
	case InlineEmphasis:
		return "<em>", true
	case InlineStrong:
		return "<strong>", true
	case InlineLink:
		href, ok := SafeHref(in.Href)
		if !ok {
			return "", false
		}
		return `<a href="` + html.EscapeString(href) + `" rel="nofollow noopener">`, true
	}
	return "", false
}

func closeTag(in Inline) string {
	switch in.Kind {
	case InlineEmphasis:
		return "</em>"
	case InlineStrong:
		return "</strong>"
	case InlineLink:
		return "</a>"
	}
	return ""
}

// StripPlaceholdersOf is StripPlaceholders for a segment: only the placeholders the segment
// knows are markup, anything else that looks like one is its text.
func StripPlaceholdersOf(text string, markup InlineMarkup) string {
	if markup == "" || !strings.Contains(text, "<") {
		return text
	}
	inline := markup.List()
	known := make(map[int]bool, len(inline))
	for _, in := range inline {
		known[in.ID] = true
	}
	var b strings.Builder
	for _, t := range Tokens(text) {
		if t.Kind == TokenText || !known[t.ID] {
			b.WriteString(t.Text)
		}
	}
	return b.String()
}
