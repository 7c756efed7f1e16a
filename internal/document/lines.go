package document

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/pipeline"
)

// candidate is a block of plain text before its role is known: one or more source lines joined.
// marker is set when the lines carried list or quote markup, which decides the kind outright.
type candidate struct {
	text   string
	marker pipeline.BlockKind
	lines  int
	buf    []byte // the text while lines are still being joined, so that joining stays linear
}

// Limits of the line-joining heuristics, in display columns (a Chinese character counts two).
const (
	// A group of lines no wider than this, and at least minWrapColumns wide, was hard-wrapped
	// (a PDF copy), so its line breaks fall inside paragraphs. Wider lines are whole paragraphs.
	maxWrapColumns = 160
	minWrapColumns = 40
	// In wrapped text a line this full (of the widest line) does not end a paragraph.
	fullLineRatio = 0.7
	// A wrapped line ending a sentence is full when the next word would not fit within this
	// share of the width; the slack allows for proportional fonts in the source.
	wordFitRatio = 0.95
)

// splitCandidates cuts normalised text into candidate blocks. Blank lines (lines holding only
// spaces, no-break spaces included) always separate blocks. Inside a run of non-blank lines, a line
// starts a new block when it carries a list or quote marker, and otherwise joins the previous line
// only when that line clearly did not end a paragraph: it stops mid-sentence before a lower-case
// word, or the lines are hard-wrapped and it fills the width.
func splitCandidates(text string) []candidate {
	var out []candidate
	var group []sourceLine
	flush := func() {
		out = append(out, splitGroup(group)...)
		group = group[:0]
	}
	for _, raw := range strings.Split(text, "\n") {
		l := sourceLine{text: collapseSpaces(raw), indented: leadingIndent(raw)}
		if l.text == "" {
			flush()
			continue
		}
		group = append(group, l)
	}
	flush()
	return out
}

type sourceLine struct {
	text     string
	indented bool
}

func splitGroup(group []sourceLine) []candidate {
	if len(group) == 0 {
		return nil
	}
	width := 0
	for _, l := range group {
		width = max(width, columns(l.text))
	}
	wrapped := len(group) > 1 && width >= minWrapColumns && width <= maxWrapColumns
	var out []candidate
	var prev string
	for i, l := range group {
		kind, body := lineMarker(l.text)
		if body == "" {
			// A bare ">" or bullet: an empty line of a quote or list, which separates nothing.
			continue
		}
		switch {
		case i == 0 || len(out) == 0:
		case kind == pipeline.BlockQuote && out[len(out)-1].marker == pipeline.BlockQuote:
			appendLine(&out[len(out)-1], body)
			prev = l.text
			continue
		case kind != "":
		case out[len(out)-1].marker == pipeline.BlockQuote:
		case out[len(out)-1].marker == pipeline.BlockListItem:
			if l.indented || continuesLine(prev, l.text, wrapped, width) {
				appendLine(&out[len(out)-1], l.text)
				prev = l.text
				continue
			}
		case continuesLine(prev, l.text, wrapped, width):
			appendLine(&out[len(out)-1], l.text)
			prev = l.text
			continue
		}
		out = append(out, candidate{buf: []byte(body), marker: kind, lines: 1})
		prev = l.text
	}
	for i := range out {
		out[i].text, out[i].buf = string(out[i].buf), nil
	}
	return out
}

// continuesLine reports whether cur continues the paragraph that prev belongs to: prev stops
// mid-sentence before a lower-case word, or the lines are hard-wrapped and prev is full. A wrapped
// line that ends a sentence counts as full only when the next word would not have fitted on it,
// which is what tells the last line of a paragraph from a line that happens to end a sentence.
func continuesLine(prev, cur string, wrapped bool, width int) bool {
	first, _ := utf8.DecodeRuneInString(cur)
	if unicode.IsLower(first) && !endsWithTerminator(prev) {
		return true
	}
	if !wrapped {
		return false
	}
	used := float64(columns(prev))
	if endsWithTerminator(prev) {
		next := columns(strings.SplitN(cur, " ", 2)[0])
		if isWide(first) {
			next = 2 // Chinese breaks lines between any two characters.
		}
		return used+1+float64(next) > wordFitRatio*float64(width)
	}
	return used >= fullLineRatio*float64(width)
}

// appendLine joins a continuation line to a candidate: with a space between words, without one
// between Chinese characters and after a hyphen that breaks a word across lines ("inter-" +
// "party"), so that no character is invented.
func appendLine(c *candidate, line string) {
	last, size := utf8.DecodeLastRune(c.buf)
	beforeLast, _ := utf8.DecodeLastRune(c.buf[:len(c.buf)-size])
	first, _ := utf8.DecodeRuneInString(line)
	hyphenated := (last == '-' || last == '‐') && unicode.IsLetter(beforeLast) && unicode.IsLower(first)
	if !isWide(last) && !isWide(first) && !hyphenated {
		c.buf = append(c.buf, ' ')
	}
	c.buf = append(c.buf, line...)
	c.lines++
}

// endsWithTerminator reports text whose last character, before closing quotes and brackets, can
// end a sentence.
func endsWithTerminator(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(s, isClosing))
	return isTerminator(r)
}

// lineMarker recognises plain-text list and quote markup at the start of a line and returns the
// kind it marks and the line without the markup. Bullets and "> " are markup and are removed;
// numbers ("1. ", "2) ") are content and stay. An em dash is not a bullet: it opens dialogue.
func lineMarker(line string) (pipeline.BlockKind, string) {
	if rest, ok := strings.CutPrefix(line, ">"); ok {
		return pipeline.BlockQuote, strings.TrimLeft(rest, " >")
	}
	for _, bullet := range []string{"- ", "* ", "• ", "▪ ", "◦ ", "● ", "‣ ", "– "} {
		if rest, ok := strings.CutPrefix(line, bullet); ok {
			return pipeline.BlockListItem, rest
		}
	}
	if isNumberedItem(line) {
		return pipeline.BlockListItem, line
	}
	return "", line
}

// isNumberedItem reports a line starting with a list number: one to three digits or one letter,
// then "." or ")", then a space and more text ("1. First", "2) Second", "a) third").
func isNumberedItem(line string) bool {
	i := 0
	for i < len(line) && i < 3 && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	if i == 0 {
		r, size := utf8.DecodeRuneInString(line)
		if !unicode.IsLower(r) {
			return false
		}
		i = size
		if i >= len(line) || line[i] != ')' {
			return false
		}
	}
	if i+2 > len(line) || (line[i] != '.' && line[i] != ')') || line[i+1] != ' ' {
		return false
	}
	return strings.TrimSpace(line[i+2:]) != ""
}
