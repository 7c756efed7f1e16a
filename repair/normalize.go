package repair

import (
	"strings"
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
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '\u00a0', '\u202f', '\u2007':
			if !atLineEdge(text, i, i+n) {
				out = append(out, edit{start: i, end: i + n, after: " ", rule: "nbsp"})
			}
		case '\u00ad', '\ufeff':
			out = append(out, edit{start: i, end: i + n, rule: "invisible"})
		}
		i += n
	}
	return out
}

// atLineEdge reports whether only blanks separate [s, e) from a line's start or end.
func atLineEdge(text string, s, e int) bool {
	before := text[:s]
	if j := strings.LastIndexByte(before, '\n'); j >= 0 {
		before = before[j+1:]
	}
	after := text[e:]
	if j := strings.IndexByte(after, '\n'); j >= 0 {
		after = after[:j]
	}
	return strings.TrimSpace(before) == "" || strings.TrimSpace(after) == ""
}

// collapseEdits turns each run of two or more spaces between words of a line into one space.
// Indentation and trailing spaces are layout and stay.
func collapseEdits(text string) []edit {
	var out []edit
	for i := 0; i < len(text); i++ {
		if text[i] != ' ' {
			continue
		}
		j := i
		for j < len(text) && text[j] == ' ' {
			j++
		}
		if j-i >= 2 && !atLineEdge(text, i, j) {
			out = append(out, edit{start: i, end: j, after: " ", rule: "spaces"})
		}
		i = j
	}
	return out
}
