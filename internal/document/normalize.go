package document

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// normalizeText prepares raw article text for structural parsing: NFC composition, one kind of
// line ending, invisible characters removed. It keeps line structure and indentation, which both
// the plain-text and the Markdown parser need; spacing inside lines is collapsed later, per line.
//
// Removed are zero-width characters and the soft hyphen (PDF copies are full of them and they
// would break word matching and hashes), the byte-order mark, and control characters other than
// tab and newline. Unicode line and paragraph separators become newlines.
func normalizeText(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		switch {
		case r == '\r':
			// CRLF and lone CR both end a line; the LF of a CRLF is skipped here.
			if i+1 >= len(s) || s[i+1] != '\n' {
				b.WriteByte('\n')
			}
		case r == '\u2028' || r == '\u0085':
			b.WriteByte('\n')
		case r == '\u2029':
			b.WriteString("\n\n")
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case isInvisible(r):
		case unicode.IsControl(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isInvisible reports characters that have no visible form and carry no meaning in article text.
func isInvisible(r rune) bool {
	switch r {
	case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u180E', '\u2061', '\u2062', '\u2063', '\u2064':
		return true
	}
	return false
}

// leadingIndent reports whether a raw line starts with a space or tab, which in plain text marks
// the continuation of a list item.
func leadingIndent(line string) bool {
	for _, r := range line {
		return r == ' ' || r == '\t' || r == '\u3000'
	}
	return false
}
