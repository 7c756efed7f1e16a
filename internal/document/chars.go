package document

import "unicode"

// Character classes shared by the sentence splitter and the block classifier.

// isClosing reports punctuation that closes a quotation or bracket. After a full stop it belongs
// to the sentence that the full stop ends.
func isClosing(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', '›', '」', '』', '）', '】', '〕', '〉', '》', ')', ']', '}':
		return true
	}
	return unicode.Is(unicode.Pe, r) || unicode.Is(unicode.Pf, r)
}

// isOpening reports punctuation that opens a quotation or bracket.
func isOpening(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '„', '«', '‹', '「', '『', '（', '【', '〔', '〈', '《', '(', '[', '{':
		return true
	}
	return unicode.Is(unicode.Ps, r) || unicode.Is(unicode.Pi, r)
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

// isTerminator reports punctuation that can end a sentence.
func isTerminator(r rune) bool {
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
