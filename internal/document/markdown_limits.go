package document

import (
	"fmt"
	"strings"

	"github.com/tilmash/tilmash/pipeline"
)

// The Markdown parser (goldmark) takes time that grows with the square of the markup in one
// block, or faster, on some inputs: emphasis marks that never match (*a_ *a_ …), links that never
// close ([a]([a]( …), brackets nested thousands deep, block quotes nested thousands deep. 64 KB of
// "*a_ " took 1.6 seconds, and 2 MB would take half an hour. markdownCost estimates that work
// before parsing: the text is cut into the blocks the parser reads inline markup in (a run of
// lines up to a blank line or a line that starts another block: a list item, a heading, a code
// fence), and each block adds the square of its markup characters (* _ [ ] ( ) < > and `, not
// backslash-escaped; a quote's > markers too). Texts above maxMarkdownCost are refused before the
// parser sees them. The bound allows a single paragraph of 10,000 such characters (some
// 2,500 links), which prose does not reach, and keeps the parser's extra work under a few tenths
// of a second; ordinary articles stay below a thousandth of it.
const maxMarkdownCost = 100_000_000

// markdownCost is the sum over the blocks of src of the square of their markup characters.
func markdownCost(src string) int {
	total, marks := 0, 0
	flush := func() {
		total += marks * marks
		marks = 0
	}
	for len(src) > 0 {
		line := src
		if i := strings.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = ""
		}
		depth := 0
		k := 0
		for k < len(line) && (line[k] == ' ' || line[k] == '\t' || line[k] == '>') {
			if line[k] == '>' {
				depth++
			}
			k++
		}
		rest := line[k:]
		if strings.TrimSpace(rest) == "" || startsBlock(rest) {
			flush()
		}
		marks += depth
		for i := 0; i < len(rest); i++ {
			switch rest[i] {
			case '\\':
				i++ // an escaped character is text
			case '*', '_', '[', ']', '(', ')', '<', '>', '`':
				marks++
			}
		}
		if strings.TrimSpace(rest) == "" {
			flush()
		}
	}
	flush()
	return total
}

// startsBlock reports whether a line (after its indentation and quote markers) starts a block
// that ends the paragraph before it: a bullet or a list item numbered 1, a heading, a code fence.
// Other lines may continue a paragraph and are counted with it.
func startsBlock(s string) bool {
	switch {
	case len(s) >= 2 && strings.ContainsRune("-*+", rune(s[0])) && (s[1] == ' ' || s[1] == '\t'):
		return true
	case strings.HasPrefix(s, "1. "), strings.HasPrefix(s, "1) "):
		return true
	case strings.HasPrefix(s, "```"), strings.HasPrefix(s, "~~~"):
		return true
	}
	h := len(s) - len(strings.TrimLeft(s, "#"))
	return h >= 1 && h <= 6 && (len(s) == h || s[h] == ' ' || s[h] == '\t')
}

// checkMarkdownCost refuses Markdown whose markup would make parsing slow (see maxMarkdownCost).
func checkMarkdownCost(src string) error {
	if cost := markdownCost(src); cost > maxMarkdownCost {
		return &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.limits.markdown_dense",
			Err: fmt.Errorf("markdown markup cost %d, limit %d", cost, maxMarkdownCost)}
	}
	return nil
}
