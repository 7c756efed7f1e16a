package document

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// CommonMark reads a block that starts with an HTML tag (a paragraph opened by "<p>" or "<div>",
// say) as raw HTML up to the next blank line, and raw HTML carries no article text: read as it
// is, its sentences and the footnote references in them would vanish without a word. So the
// Markdown readers keep the text of every HTML block: its tags are taken out (block-level ones
// leave a space, so that words do not run together), its text and entities stay, and the text is
// read again as Markdown, where its emphasis, links and footnote references count. A "<" that
// does not open a tag is kept as a character. Only what is not text goes: comments,
// declarations, and the code inside <script> and <style>, as when a web page is imported.

// withHTMLBlocksAsText returns source with the lines of every HTML block under root replaced by
// their text, and whether there was any.
func withHTMLBlocksAsText(source []byte, root ast.Node) ([]byte, bool) {
	type span struct{ start, stop int }
	var blocks [][]span
	ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) { //nolint:errcheck // the walker returns no error
		b, ok := n.(*ast.HTMLBlock)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		var lines []span
		segs := b.Lines()
		for i := range segs.Len() {
			s := segs.At(i)
			lines = append(lines, span{s.Start, s.Stop})
		}
		if b.HasClosure() {
			lines = append(lines, span{b.ClosureLine.Start, b.ClosureLine.Stop})
		}
		if len(lines) > 0 {
			blocks = append(blocks, lines)
		}
		return ast.WalkSkipChildren, nil
	})
	if len(blocks) == 0 {
		return source, false
	}
	type replacement struct {
		span
		text []byte
	}
	var reps []replacement
	for _, lines := range blocks {
		// The block's lines are read as one text, so that a tag may span lines; each line then
		// gets its share of the result, and the lines around (a quote's ">", a list's
		// indentation) stay as they are.
		contents := make([]string, len(lines))
		ends := make([]string, len(lines))
		for i, l := range lines {
			v := string(source[l.start:l.stop])
			body := strings.TrimRight(v, "\r\n")
			contents[i], ends[i] = body, v[len(body):]
		}
		joined := strings.Join(contents, "\n")
		if isFurnitureHTMLBlock(joined) {
			// A box of the page's (a sign-up box, a row of share links) set in the Markdown as
			// HTML: no text of the article, as on a web page.
			for i, l := range lines {
				reps = append(reps, replacement{l, []byte(ends[i])})
			}
			continue
		}
		text := htmlText(joined)
		if m := htmlHeadingBlock.FindStringSubmatch(joined); m != nil && !strings.Contains(text, "\n") {
			// A heading set in HTML to centre it (Typora, GitHub READMEs): a heading.
			text = strings.Repeat("#", int(m[1][0]-'0')) + " " + strings.TrimSpace(text)
		}
		if strings.HasPrefix(strings.ToLower(strings.TrimSpace(joined)), "<aside") {
			text = withoutPictogram(text) // a callout's 💡 marks the box, it says nothing
		}
		if loc := imageTag.FindStringIndex(joined); loc != nil && strings.TrimSpace(htmlText(joined[:loc[0]])) == "" &&
			!strings.Contains(strings.ToLower(joined), "<figcaption") && !onlyBadgeImages(joined) {
			// An image sized or placed with an <img> tag opens the block: an image without a
			// description, so that the caption beside or under it is read as the figure's (a
			// figure with a <figcaption> says which its caption is).
			at := strings.Count(joined[:loc[0]], "\n")
			lines := strings.Split(text, "\n")
			lines[at] = "![]() " + strings.TrimLeft(lines[at], " \t")
			text = strings.Join(lines, "\n")
		}
		out := strings.Split(text, "\n")
		if len(out) != len(lines) { // htmlText keeps every line break; should it not, keep the text
			out = append([]string{strings.Join(out, " ")}, make([]string, len(lines)-1)...)
		}
		for i, l := range lines {
			line := strings.TrimLeft(out[i], " \t") // no indented code block made of a tag's indentation
			reps = append(reps, replacement{l, []byte(line + ends[i])})
		}
	}
	slices.SortFunc(reps, func(a, b replacement) int { return a.start - b.start })
	var buf bytes.Buffer
	at := 0
	for _, r := range reps {
		if r.start < at {
			continue // overlapping spans do not occur; never write a byte twice
		}
		buf.Write(source[at:r.start])
		buf.Write(r.text)
		at = r.stop
	}
	buf.Write(source[at:])
	return buf.Bytes(), true
}

// htmlHeadingBlock matches an HTML block that is one heading element on one line.
var htmlHeadingBlock = regexp.MustCompile(`(?is)^\s*<h([1-6])\b[^>]*>[^\n]*</h[1-6]>\s*$`)

// imageSource matches the address of an <img> tag.
var imageSource = regexp.MustCompile(`(?i)<img\b[^>]*?\bsrc\s*=\s*["']([^"']*)["']`)

// onlyBadgeImages reports HTML whose pictures are all a project's badges (shields.io and the
// like: build status, licence, DOI), which are no figure and caption nothing.
func onlyBadgeImages(s string) bool {
	srcs := imageSource.FindAllStringSubmatch(s, -1)
	if len(srcs) == 0 || len(srcs) < len(imageTag.FindAllStringIndex(s, -1)) {
		return false
	}
	for _, m := range srcs {
		if src := strings.ToLower(m[1]); !strings.Contains(src, "badge") && !strings.Contains(src, "shields.io") {
			return false
		}
	}
	return true
}

// imageTag matches an HTML <img> tag.
var imageTag = regexp.MustCompile(`(?i)<img\b`)

// maxFurnitureHTMLBytes bounds the HTML blocks looked at as page furniture: boxes are short.
const maxFurnitureHTMLBytes = 4000

// withoutPictogram drops the pictogram (and the spaces after it) that the first words of text
// open with.
func withoutPictogram(text string) string {
	i := strings.IndexFunc(text, func(r rune) bool { return !unicode.IsSpace(r) })
	if i < 0 {
		return text
	}
	r, size := utf8.DecodeRuneInString(text[i:])
	if !unicode.Is(unicode.So, r) {
		return text
	}
	rest := text[i+size:]
	rest = strings.TrimLeftFunc(rest, func(r rune) bool { return r == '\uFE0F' || r == ' ' || r == '\t' })
	return text[:i] + rest
}

// calloutClass matches the class names of a box an author sets in the text to stress a point.
var calloutClass = regexp.MustCompile(`(?i)(^|[\s_-])(callout|admonition|tip|warning|hint)($|[\s_-])`)

// isCallout reports an <aside> named as a callout, or one that opens with a pictogram: Notion
// exports the boxes an author sets in the text to stress a point ("💡 The grant covers
// tuition…") as such asides, and they are the author's words, not the site's.
func isCallout(el *html.Node) bool {
	if el.DataAtom != atom.Aside {
		return false
	}
	if calloutClass.MatchString(attr(el, "class")) {
		return true // <aside class="callout">: a box the author set in the text (MDX, Gatsby)
	}
	text, short := boundedText(el, maxFurnitureHTMLBytes)
	r, _ := utf8.DecodeRuneInString(strings.TrimSpace(text))
	return short && unicode.Is(unicode.So, r)
}

// isFurnitureHTMLBlock reports an HTML block of a Markdown file that the web page reader would
// leave out whole: an element named as furniture, an aside or navigation, a call to action, a
// block of links.
func isFurnitureHTMLBlock(s string) bool {
	if len(s) > maxFurnitureHTMLBytes {
		return false
	}
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return false
	}
	body := findFirst(doc, atom.Body)
	if body == nil {
		return false
	}
	var el *html.Node
	for ch := body.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type == html.ElementNode {
			if el != nil {
				return false // several elements: judged by their text
			}
			el = ch
		} else if ch.Type == html.TextNode && strings.TrimSpace(ch.Data) != "" {
			return false
		}
	}
	if el == nil || !isBlockElement(el) {
		return false
	}
	switch el.DataAtom {
	case atom.Aside, atom.Nav:
		return !isQuoteClass(attr(el, "class")) && !isCallout(el)
	}
	return isFurnitureClass(attr(el, "class")) || isFurnitureClass(attr(el, "id")) || isCallToAction(el) || isLinkBlock(el)
}

// parseKeepingHTMLText parses source with parse, and again with its HTML blocks turned into
// text when it has any.
func parseKeepingHTMLText(source []byte, parse func([]byte) ast.Node) ([]byte, ast.Node) {
	root := parse(source)
	if again, ok := withHTMLBlocksAsText(source, root); ok {
		return again, parse(again)
	}
	return source, root
}

// htmlText is s, a piece of HTML, as Markdown text: tags out, text in, line breaks where they
// were. A "<" that opens no tag is escaped, so that it is read as the character it is.
//
// Every search for the end of a construct (a comment's "-->", a tag's ">", a script's closing
// tag) goes through a scanner that remembers what it found, so that a text of many unclosed
// "<!--" or "<a '" is read in time linear in its length, not once more for every "<".
func htmlText(s string) string {
	var b strings.Builder
	sc := htmlScanner{s: s}
	sc.init()
	keepNewlines := func(t string) {
		b.WriteString(strings.Repeat("\n", strings.Count(t, "\n")))
	}
	for i := 0; i < len(s); {
		if s[i] != '<' {
			b.WriteByte(s[i])
			i++
			continue
		}
		rest := s[i:]
		switch {
		case strings.HasPrefix(rest, "<!--"):
			if end := sc.commentEnd.next(s, i+4); end >= 0 {
				keepNewlines(s[i : end+3])
				i = end + 3
				continue
			}
		case strings.HasPrefix(rest, "<![CDATA["):
			if end := sc.cdataEnd.next(s, i); end >= 0 {
				b.WriteString(escapeLT(s[i+len("<![CDATA[") : end]))
				i = end + 3
				continue
			}
		case strings.HasPrefix(rest, "<?"), len(rest) > 2 && rest[1] == '!' && isASCIILetter(rest[2]):
			if end := sc.gt.next(s, i); end >= 0 {
				keepNewlines(s[i : end+1])
				i = end + 1
				continue
			}
		default:
			if name, closing, end, ok := sc.tag(i); ok {
				keepNewlines(rest[:end])
				if htmlBreakingTags[name] {
					b.WriteByte(' ')
				}
				i += end
				if !closing && (name == "script" || name == "style") {
					// The code inside is no text; it ends at its closing tag, or with the block.
					stop := sc.closing(name, i)
					if stop < 0 {
						stop = len(s)
					}
					keepNewlines(s[i:stop])
					i = stop
				}
				continue
			}
		}
		b.WriteString(`\<`)
		i++
	}
	return b.String()
}

// htmlScanner remembers, for one text, where constructs end.
type htmlScanner struct {
	s                    string
	commentEnd, cdataEnd finder
	gt                   finder
	script, style        finder
	// tagEnd[p] is the offset just after the first ">" outside quotes from p on, -1 without one;
	// filled in once, when a tag's attributes first run to the end of the text.
	tagEnd []int32
}

// finder finds the next occurrence of a pattern from a position on, remembering its last answer.
// Positions asked about only grow, so all searches together read the text about once.
type finder struct {
	pat      string
	fold     bool // ASCII case does not matter
	searched bool
	from, at int // the last search started at from and found at (-1: nowhere after from)
}

func (f *finder) next(s string, p int) int {
	if f.pat == "" {
		panic("finder without a pattern")
	}
	if f.searched && p >= f.from && (f.at < 0 || f.at >= p) {
		return f.at
	}
	f.searched, f.from, f.at = true, p, -1
	if !f.fold {
		if k := strings.Index(s[p:], f.pat); k >= 0 {
			f.at = p + k
		}
		return f.at
	}
	for k := p; ; k++ {
		j := strings.IndexByte(s[k:], f.pat[0])
		if j < 0 {
			return -1
		}
		k += j
		if k+len(f.pat) <= len(s) && strings.EqualFold(s[k:k+len(f.pat)], f.pat) {
			f.at = k
			return k
		}
	}
}

func (sc *htmlScanner) init() {
	if sc.commentEnd.pat != "" {
		return
	}
	sc.commentEnd.pat, sc.cdataEnd.pat, sc.gt.pat = "-->", "]]>", ">"
	sc.script = finder{pat: "</script", fold: true}
	sc.style = finder{pat: "</style", fold: true}
}

// closing returns the offset of the closing tag of a script or style element from p on, or -1.
func (sc *htmlScanner) closing(name string, p int) int {
	sc.init()
	if name == "script" {
		return sc.script.next(sc.s, p)
	}
	return sc.style.next(sc.s, p)
}

// tag is htmlTag on the text from offset i, with the search for the tag's end made once for the
// whole text when a search runs to its end: attributes whose quotes never close would otherwise
// be read to the end of the text from every "<".
func (sc *htmlScanner) tag(i int) (name string, closing bool, end int, ok bool) {
	sc.init()
	if sc.tagEnd == nil {
		name, closing, end, ok, attrs := htmlTagAt(sc.s[i:])
		if ok || attrs < 0 {
			return name, closing, end, ok
		}
		sc.fillTagEnd() // it ran to the end: from now on, look the end up
		return "", false, 0, false
	}
	name, closing, _, _, attrs := htmlTagAt(sc.s[i : i+min(len(sc.s)-i, tagNameScan(sc.s[i:]))])
	if attrs < 0 {
		return "", false, 0, false
	}
	e := sc.tagEnd[i+attrs]
	if e < 0 {
		return "", false, 0, false
	}
	return name, closing, int(e) - i, true
}

// fillTagEnd computes tagEnd from the end of the text backwards, in one pass.
func (sc *htmlScanner) fillTagEnd() {
	s := sc.s
	sc.tagEnd = make([]int32, len(s)+1)
	none := int32(-1)
	sc.tagEnd[len(s)] = none
	single, double := none, none // the same, from inside a quote of each kind
	for p := len(s) - 1; p >= 0; p-- {
		next := sc.tagEnd[p+1]
		switch s[p] {
		case '>':
			sc.tagEnd[p] = int32(p + 1)
		case '\'':
			sc.tagEnd[p] = single
			single = next
		case '"':
			sc.tagEnd[p] = double
			double = next
		default:
			sc.tagEnd[p] = next
		}
	}
}

// tagNameScan is how far htmlTagAt must read to find where a tag's attributes start: past the
// name and one character.
func tagNameScan(s string) int {
	i := 1
	if i < len(s) && s[i] == '/' {
		i++
	}
	for i < len(s) && (isASCIILetter(s[i]) || s[i] >= '0' && s[i] <= '9' || s[i] == '-') {
		i++
	}
	return i + 1
}

// escapeLT escapes every "<" of s for Markdown.
func escapeLT(s string) string { return strings.ReplaceAll(s, "<", `\<`) }

// htmlTag reads an opening or closing tag at the start of s: its lower-case name, whether it
// closes, and its length. Quoted attribute values may hold ">".
func htmlTag(s string) (name string, closing bool, end int, ok bool) {
	name, closing, end, ok, _ = htmlTagAt(s)
	return name, closing, end, ok
}

// htmlTagAt is htmlTag that also returns where the attributes start (-1 when s opens no tag):
// when ok is false but attrs is not -1, the attributes ran to the end of s without a ">", and
// name and closing are those of the tag begun.
func htmlTagAt(s string) (name string, closing bool, end int, ok bool, attrs int) {
	i := 1
	if i < len(s) && s[i] == '/' {
		closing = true
		i++
	}
	start := i
	for i < len(s) && (isASCIILetter(s[i]) || i > start && (s[i] >= '0' && s[i] <= '9' || s[i] == '-')) {
		i++
	}
	if i == start {
		return "", false, 0, false, -1
	}
	name = strings.ToLower(s[start:i])
	if i < len(s) && !strings.ContainsRune(" \t\n/>", rune(s[i])) {
		return "", false, 0, false, -1 // "<a1b" is a tag name; "<abc!" is text
	}
	attrs = i
	var quote byte
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return name, closing, i + 1, true, attrs
		}
	}
	return name, closing, 0, false, attrs
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// htmlBreakingTags are the elements that separate words: CommonMark's block-level tags (an HTML
// block of type 6), and br.
var htmlBreakingTags = func() map[string]bool {
	m := map[string]bool{"br": true, "pre": true, "textarea": true}
	for _, t := range strings.Fields(`address article aside base basefont blockquote body caption center
		col colgroup dd details dialog dir div dl dt fieldset figcaption figure footer form frame frameset
		h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem nav noframes ol
		optgroup option p param search section summary table tbody td tfoot th thead title tr track ul`) {
		m[t] = true
	}
	return m
}()

// rawHTMLSeparates reports an inline HTML tag that separates the words around it (br, a
// block-level tag): the reader writes a space for it.
func rawHTMLSeparates(n *ast.RawHTML, source []byte) bool {
	segs := n.Segments
	if segs.Len() == 0 {
		return false
	}
	var raw []byte
	for i := range segs.Len() {
		seg := segs.At(i)
		raw = append(raw, seg.Value(source)...)
	}
	name, _, _, ok := htmlTag(string(raw))
	return ok && htmlBreakingTags[name]
}
