package checks

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/pipeline"
)

// markupKind tells what a piece of markup is.
type markupKind int

const (
	markupLink        markupKind = iota // [text](url) or <a href="url">
	markupURL                           // a bare http(s) URL
	markupTag                           // another HTML tag: <em>, </em>, <sup>…
	markupFootnote                      // [^1] or superscript digits ¹²
	markupPlaceholder                   // {1}, {{name}}, ⟨1⟩, %s, %1$s
	markupEmphasis                      // *x*, **x**, __x__
)

// markupItem is one piece of markup. key identifies it across languages: the URL of a link, the
// tag name, the placeholder itself. blank lists the byte ranges that are not prose (for a link,
// the brackets and the URL but not the link text).
type markupItem struct {
	kind       markupKind
	key        string
	start, end int
	blank      [][2]int
}

var (
	reMDLink      = regexp.MustCompile(`\[([^\[\]\n]*)\]\(\s*([^()\s]+)(?:\s+"[^"]*")?\s*\)`)
	reFootnote    = regexp.MustCompile(`\[\^[^\]\s]+\]`)
	reHTMLTag     = regexp.MustCompile(`</?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*?/?>`)
	reHref        = regexp.MustCompile(`(?i)\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))`)
	rePlaceholder = regexp.MustCompile(`\{\{\s*[\w.]+\s*\}\}|\{[\w.:]+\}|⟨/?[\w.]+⟩|%(?:\d+\$)?[sdfvqx]|%\([\w]+\)[sd]`)
	reURL         = regexp.MustCompile(`(?i)\b(?:https?://|www\.)[^\s<>()\[\]«»"“”，。]+`)
	reEmphasis    = regexp.MustCompile(`\*\*[^*\n]+?\*\*|__[^_\n]+?__|\*[^*\s][^*\n]*?\*`)
	reSuperscript = regexp.MustCompile(`[¹²³⁰⁴⁵⁶⁷⁸⁹]+`)
)

// findMarkup lists the markup in s in text order. Earlier patterns win where matches overlap:
// a URL inside a Markdown link counts once, as the link. Each pattern runs only on a text that
// holds the literal every match of it needs ("](" for a link, "<" for a tag, "://" or "www." for
// a URL…): those literal scans are far cheaper than the patterns, and most prose has none of them.
func findMarkup(s string) []markupItem { return findMarkupGated(s, markupGates(s)) }

// findMarkupGated is findMarkup running the patterns whose gates g opens.
func findMarkupGated(s string, g markupGate) []markupItem {
	if g == 0 {
		return nil
	}
	var items []markupItem
	// taken marks the bytes that earlier items cover. Checking an item costs its own length, and
	// the matches of one pattern do not overlap, so all checks together stay linear in s (a list
	// of taken ranges would be searched once per item: quadratic in a text of many links).
	taken := make([]bool, len(s))
	free := func(a, b int) bool {
		for i := a; i < b; i++ {
			if taken[i] {
				return false
			}
		}
		return true
	}
	add := func(it markupItem) {
		if !free(it.start, it.end) {
			return
		}
		for i := it.start; i < it.end; i++ {
			taken[i] = true
		}
		if it.blank == nil {
			it.blank = [][2]int{{it.start, it.end}}
		}
		items = append(items, it)
	}
	for _, m := range g.find(gateFootnote, reFootnote, s) {
		add(markupItem{kind: markupFootnote, key: s[m[0]:m[1]], start: m[0], end: m[1]})
	}
	for _, m := range g.findSub(gateMDLink, reMDLink, s) {
		url := s[m[4]:m[5]]
		add(markupItem{kind: markupLink, key: "link " + url, start: m[0], end: m[1],
			blank: [][2]int{{m[0], m[2]}, {m[3], m[1]}}})
	}
	for _, m := range g.findSub(gateTag, reHTMLTag, s) {
		tag := s[m[0]:m[1]]
		name := strings.ToLower(s[m[2]:m[3]])
		closing := strings.HasPrefix(tag, "</")
		switch {
		case name == "a" && !closing:
			href := ""
			if h := reHref.FindStringSubmatch(tag); h != nil {
				href = h[1] + h[2] + h[3]
			}
			add(markupItem{kind: markupLink, key: "link " + href, start: m[0], end: m[1]})
		case closing && name == "a":
			add(markupItem{kind: markupTag, key: "", start: m[0], end: m[1]}) // part of the link
		case closing:
			add(markupItem{kind: markupTag, key: "</" + name + ">", start: m[0], end: m[1]})
		default:
			add(markupItem{kind: markupTag, key: "<" + name + ">", start: m[0], end: m[1]})
		}
	}
	for _, m := range g.find(gatePlaceholder, rePlaceholder, s) {
		add(markupItem{kind: markupPlaceholder, key: s[m[0]:m[1]], start: m[0], end: m[1]})
	}
	for _, m := range g.find(gateURL, reURL, s) {
		end := m[1]
		for end > m[0] && strings.ContainsRune(".,;:!?'", rune(s[end-1])) {
			end--
		}
		add(markupItem{kind: markupURL, key: s[m[0]:end], start: m[0], end: end})
	}
	for _, m := range g.find(gateSuperscript, reSuperscript, s) {
		if unitPower(s, m[0], m[1]) {
			continue
		}
		add(markupItem{kind: markupFootnote, key: s[m[0]:m[1]], start: m[0], end: m[1]})
	}
	for _, m := range g.find(gateEmphasis, reEmphasis, s) {
		em := s[m[0]:m[1]]
		key := "*…*"
		switch {
		case strings.HasPrefix(em, "**"):
			key = "**…**"
		case strings.HasPrefix(em, "__"):
			key = "__…__"
		}
		if key == "__…__" && (isWordByteBefore(s, m[0]) || isWordByteAfter(s, m[1])) {
			continue // snake__case identifiers
		}
		add(markupItem{kind: markupEmphasis, key: key, start: m[0], end: m[1]})
	}
	sort.Slice(items, func(i, j int) bool { return items[i].start < items[j].start })
	return items
}

func isWordByteBefore(s string, i int) bool {
	return i > 0 && (s[i-1] >= 'a' && s[i-1] <= 'z' || s[i-1] >= 'A' && s[i-1] <= 'Z' || s[i-1] >= '0' && s[i-1] <= '9')
}

func isWordByteAfter(s string, i int) bool {
	return i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z' || s[i] >= '0' && s[i] <= '9')
}

// checkMarkup reports links, URLs, HTML tags, emphasis, footnote markers and placeholders of the
// source that the translation lost, and those the translation added. Link texts may differ, the
// URLs may not; emphasis is counted, not compared word by word. Markup is matched as a multiset,
// so a footnote marker that moved within the sentence is fine.
func checkMarkup(u pipeline.CheckUnit, opts *Options) []pipeline.Finding {
	src := opts.wordMemo().markup(u.Source)
	tgt := opts.wordMemo().markup(u.Target)
	if len(src) == 0 && len(tgt) == 0 {
		return nil
	}
	src, tgt = withKeys(src), withKeys(tgt)
	count := map[string]int{}
	for _, m := range src {
		count[m.key]++
	}
	for _, m := range tgt {
		count[m.key]--
	}
	var out []pipeline.Finding
	seen := map[string]bool{}
	report := func(items []markupItem, positive bool, msg string) {
		for _, m := range items {
			c := count[m.key]
			if seen[m.key] || (positive && c <= 0) || (!positive && c >= 0) {
				continue
			}
			seen[m.key] = true
			out = append(out, newFinding(CheckMarkup, msg, map[string]any{"Markup": displayMarkup(m)}))
		}
	}
	report(src, true, "check.markup.missing")
	report(tgt, false, "check.markup.extra")
	return out
}

// withKeys drops items that only serve to blank text, like the closing tag of a link.
func withKeys(items []markupItem) []markupItem {
	out := items[:0:0]
	for _, m := range items {
		if m.key != "" {
			out = append(out, m)
		}
	}
	return out
}

// displayMarkup renders a markup item for a reviewer.
func displayMarkup(m markupItem) string {
	if m.kind == markupLink {
		return fmt.Sprintf("[…](%s)", strings.TrimPrefix(m.key, "link "))
	}
	return m.key
}

// lengthUnits are the symbols of length whose square and cube (km², м³) are units of area and
// volume, which a translation may write out: "cubic kilometres", «кубометров», 立方米.
var lengthUnits = map[string]bool{"m": true, "km": true, "cm": true, "mm": true, "dm": true, "ft": true, "mi": true,
	"м": true, "км": true, "см": true, "мм": true, "дм": true}

// unitPower reports whether the superscript s[start:end] is the power of a unit of length (12 км³)
// rather than a footnote mark.
func unitPower(s string, start, end int) bool {
	if sup := s[start:end]; sup != "²" && sup != "³" {
		return false
	}
	before := s[:start]
	word := before
	if i := strings.LastIndexFunc(before, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
		_, n := utf8.DecodeRuneInString(before[i:])
		word = before[i+n:]
	}
	return lengthUnits[word]
}
