package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Character classes of the sentence splitter, shared with the block classifier of ingest.

// IsClosing reports punctuation that closes a quotation or bracket. After a full stop it belongs
// to the sentence that the full stop ends.
func IsClosing(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', '›', '」', '』', '）', '】', '〕', '〉', '》', ')', ']', '}':
		return true
	}
	return r >= utf8.RuneSelf && !inLetterBlock(r) && (unicode.Is(unicode.Pe, r) || unicode.Is(unicode.Pf, r))
}

// inLetterBlock reports a rune of the Cyrillic or CJK ideograph blocks, which hold no quotes or
// brackets: most runes of Russian, Kazakh and Chinese text are answered without a table search.
func inLetterBlock(r rune) bool {
	return r >= 0x0400 && r <= 0x052F || r >= 0x4E00 && r <= 0x9FFF
}

// isOpening reports punctuation that opens a quotation or bracket.
func isOpening(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '„', '«', '‹', '「', '『', '（', '【', '〔', '〈', '《', '(', '[', '{':
		return true
	}
	return r >= utf8.RuneSelf && !inLetterBlock(r) && (unicode.Is(unicode.Ps, r) || unicode.Is(unicode.Pi, r))
}

// isDash reports dashes that may open a line of dialogue or an aside.
func isDash(r rune) bool {
	return r == '—' || r == '–' || r == '-' || r == '―'
}

// isCJKTerminator reports the full-width sentence terminators of Chinese text, which need no
// space after them.
func isCJKTerminator(r rune) bool {
	switch r {
	case '。', '！', '？', '｡', '．', '‼', '⁇', '⁈', '⁉':
		return true
	}
	return false
}

// IsTerminator reports punctuation that can end a sentence.
func IsTerminator(r rune) bool {
	switch r {
	case '.', '!', '?', '…':
		return true
	}
	return isCJKTerminator(r)
}

// isHan reports Chinese characters (and the Japanese kana that may appear next to them), which
// are written without spaces between words or sentences.
func isHan(r rune) bool {
	if r < 0x2E80 { // below the first CJK block: Latin, Cyrillic, punctuation
		return false
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)
}

// IsSpace reports any kind of horizontal or vertical space, the no-break spaces included: in
// pasted text they are layout, not content.
func IsSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00A0' || r == '\u202F' || r == '\u2007'
}

// CollapseSpaces trims s and turns every run of spaces, tabs, no-break spaces and newlines into a
// single ASCII space.
func CollapseSpaces(s string) string {
	if t := strings.TrimRight(s, " "); collapsed(t) {
		return t // already collapsed, as the blocks of a parsed article are: no copy
	}
	var b strings.Builder
	b.Grow(len(s))
	pending := false
	for _, r := range s {
		if IsSpace(r) {
			pending = b.Len() > 0
			continue
		}
		if pending {
			b.WriteByte(' ')
			pending = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// collapsed reports whether CollapseSpaces would return s unchanged.
func collapsed(s string) bool {
	space := true // at the start, a space would be leading
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch c {
			case ' ':
				if space {
					return false
				}
				space = true
			case '\t', '\n', '\v', '\f', '\r':
				return false
			default:
				space = false
			}
			i++
			continue
		}
		// Only runes led by C2, E1, E2 or E3 can be spaces (U+0085, U+00A0, U+1680, U+2000 to
		// U+205F, U+3000): Cyrillic and Chinese letters are skipped by their lead byte alone.
		if n := leadSize(c); c != 0xC2 && c != 0xE1 && c != 0xE2 && c != 0xE3 && continued(s, i, n) {
			space = false
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if IsSpace(r) {
			return false
		}
		space = false
		i += size
	}
	return !space || s == ""
}

// continued reports whether the n-1 bytes after s[i] exist and are UTF-8 continuation bytes.
func continued(s string, i, n int) bool {
	if n < 2 || i+n > len(s) {
		return false
	}
	for k := i + 1; k < i+n; k++ {
		if s[k]&0xC0 != 0x80 {
			return false
		}
	}
	return true
}

// leadSize is the length of a UTF-8 sequence from its lead byte (1 for an invalid one, as
// utf8.DecodeRuneInString would step).
func leadSize(c byte) int {
	switch {
	case c >= 0xF0 && c < 0xF8:
		return 4
	case c >= 0xE0:
		if c < 0xF0 {
			return 3
		}
		return 1
	case c >= 0xC2:
		return 2
	}
	return 1
}
