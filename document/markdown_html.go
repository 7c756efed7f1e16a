package document

import (
	"bytes"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
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
		out := strings.Split(htmlText(strings.Join(contents, "\n")), "\n")
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
func htmlText(s string) string {
	var b strings.Builder
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
			if end := strings.Index(rest[4:], "-->"); end >= 0 {
				keepNewlines(rest[:4+end+3])
				i += 4 + end + 3
				continue
			}
		case strings.HasPrefix(rest, "<![CDATA["):
			if end := strings.Index(rest, "]]>"); end >= 0 {
				b.WriteString(escapeLT(rest[len("<![CDATA["):end]))
				i += end + 3
				continue
			}
		case strings.HasPrefix(rest, "<?"), len(rest) > 2 && rest[1] == '!' && isASCIILetter(rest[2]):
			if end := strings.IndexByte(rest, '>'); end >= 0 {
				keepNewlines(rest[:end+1])
				i += end + 1
				continue
			}
		default:
			if name, closing, end, ok := htmlTag(rest); ok {
				keepNewlines(rest[:end])
				if htmlBreakingTags[name] {
					b.WriteByte(' ')
				}
				i += end
				if !closing && (name == "script" || name == "style") {
					// The code inside is no text; it ends at its closing tag, or with the block.
					stop := strings.Index(strings.ToLower(s[i:]), "</"+name)
					if stop < 0 {
						stop = len(s) - i
					}
					keepNewlines(s[i : i+stop])
					i += stop
				}
				continue
			}
		}
		b.WriteString(`\<`)
		i++
	}
	return b.String()
}

// escapeLT escapes every "<" of s for Markdown.
func escapeLT(s string) string { return strings.ReplaceAll(s, "<", `\<`) }

// htmlTag reads an opening or closing tag at the start of s: its lower-case name, whether it
// closes, and its length. Quoted attribute values may hold ">".
func htmlTag(s string) (name string, closing bool, end int, ok bool) {
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
		return "", false, 0, false
	}
	name = strings.ToLower(s[start:i])
	if i < len(s) && !strings.ContainsRune(" \t\n/>", rune(s[i])) {
		return "", false, 0, false // "<a1b" is a tag name; "<abc!" is text
	}
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
			return name, closing, i + 1, true
		}
	}
	return "", false, 0, false
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
