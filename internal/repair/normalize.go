package repair

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// nfcEdits recomposes text that is not in Unicode NFC, one normalisation segment at a time, so
// that a decomposed "й" from a PDF becomes the single letter every lookup expects.
func nfcEdits(text string) []edit {
	if norm.NFC.IsNormalString(text) {
		return nil
	}
	var out []edit
	for i := 0; i < len(text); {
		n := norm.NFC.NextBoundaryInString(text[i:], true)
		if n <= 0 {
			n = len(text) - i
		}
		seg := text[i : i+n]
		if !norm.NFC.IsNormalString(seg) {
			out = append(out, edit{start: i, end: i + n, after: norm.NFC.String(seg), rule: "nfc"})
		}
		i += n
	}
	return out
}

// spaceEdits turns no-break spaces inside lines into ordinary spaces and drops soft hyphens and
// stray byte-order marks, which PDFs and web pages leave inside words. No-break spaces at the
// start or end of a line are layout and stay.
func spaceEdits(text string) []edit {
	var out []edit
	edges := newLineEdges(text)
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '\u00a0', '\u202f', '\u2007':
			if !edges.at(i, i+n) {
				out = append(out, edit{start: i, end: i + n, after: " ", rule: "nbsp"})
			}
		case '\u00ad', '\ufeff':
			out = append(out, edit{start: i, end: i + n, rule: "invisible"})
		}
		i += n
	}
	return out
}

// lineEdges reports whether only blanks separate [s, e) from a line's start or end, reading each
// line once: offsets asked about must not decrease (between one reset and the next). Looking
// back to the line's start for every space or dash instead took time growing with the square of
// a long line.
type lineEdges struct {
	text        string
	ok          bool
	start, end  int // the current line, without its "\n"
	first, last int // its first non-blank byte and the end of its last non-blank rune
}

func newLineEdges(text string) *lineEdges { return &lineEdges{text: text} }

func (le *lineEdges) at(s, e int) bool {
	if !le.ok || s > le.end || s < le.start {
		from := 0
		if le.ok && s > le.end {
			from = le.end + 1
		}
		le.start = from + strings.LastIndexByte(le.text[from:s], '\n') + 1
		le.end = len(le.text)
		if i := strings.IndexByte(le.text[s:], '\n'); i >= 0 {
			le.end = s + i
		}
		line := le.text[le.start:le.end]
		le.first = le.end - len(strings.TrimLeftFunc(line, unicode.IsSpace))
		le.last = le.start + len(strings.TrimRightFunc(line, unicode.IsSpace))
		le.ok = true
	}
	return le.first >= s || le.last <= e
}

// collapseEdits turns each run of two or more spaces between words of a line into one space.
// Indentation and trailing spaces are layout and stay.
func collapseEdits(text string) []edit {
	var out []edit
	edges := newLineEdges(text)
	for i := 0; i < len(text); i++ {
		if text[i] != ' ' {
			continue
		}
		j := i
		for j < len(text) && text[j] == ' ' {
			j++
		}
		if j-i >= 2 && !edges.at(i, j) {
			out = append(out, edit{start: i, end: j, after: " ", rule: "spaces"})
		}
		i = j
	}
	return out
}
