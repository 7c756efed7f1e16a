package document

import (
	"unicode"

	"github.com/tilmash/tilmash/internal/text"
)

// The sentence splitter's character classes and space handling live in internal/text; these are
// their names here.

func isClosing(r rune) bool          { return text.IsClosing(r) }
func isTerminator(r rune) bool       { return text.IsTerminator(r) }
func isSpace(r rune) bool            { return text.IsSpace(r) }
func isInitials(token string) bool   { return text.IsInitials(token) }
func collapseSpaces(s string) string { return text.CollapseSpaces(s) }

// isHan reports Chinese characters (and the Japanese kana that may appear next to them), which
// are written without spaces between words or sentences.
func isHan(r rune) bool {
	if r < 0x2E80 { // below the first CJK block: Latin, Cyrillic, punctuation
		return false
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)
}

// isWide reports characters that take two columns in a monospaced layout: Han characters and
// full-width punctuation. Line-width heuristics count them twice so that Chinese and alphabetic
// text can share one set of limits.
func isWide(r rune) bool {
	if r < 0x1100 { // below Hangul Jamo, the first wide block
		return false
	}
	return isHan(r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFF60) || unicode.Is(unicode.Hangul, r)
}

// columns is the display width of s, counting wide characters twice.
func columns(s string) int {
	n := 0
	for _, r := range s {
		n++
		if isWide(r) {
			n++
		}
	}
	return n
}
