package checks

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a piece of a text with its byte offsets.
type span struct {
	text       string
	start, end int
}

// isHan reports whether r is a Chinese character.
func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// isKana reports whether r is Japanese kana. The katakana middle dot and the prolonged sound mark
// are left out: Chinese texts use them in transcribed foreign names.
func isKana(r rune) bool {
	if r == 0x30FB || r == 0x30FC {
		return false
	}
	return unicode.In(r, unicode.Hiragana, unicode.Katakana)
}

func isCyrillic(r rune) bool { return unicode.Is(unicode.Cyrillic, r) }
func isLatin(r rune) bool    { return unicode.Is(unicode.Latin, r) }

// isWordRune reports whether r belongs inside a word: letters and combining marks.
func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) }

// words splits s into runs of letters. A run also breaks where Chinese characters meet other
// letters, so that "C5与中亚" gives "C", "与中亚". Hyphens and apostrophes end a word.
func words(s string) []span {
	var out []span
	start := -1
	prevHan := false
	for i, r := range s {
		if isWordRune(r) {
			h := isHan(r)
			if start >= 0 && h != prevHan {
				out = append(out, span{s[start:i], start, i})
				start = -1
			}
			if start < 0 {
				start = i
			}
			prevHan = h
			continue
		}
		if start >= 0 {
			out = append(out, span{s[start:i], start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, span{s[start:], start, len(s)})
	}
	return out
}

// firstRune returns the first rune of s without converting the rest: words may be long.
func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// foldWord lower-cases a word and folds ё to е, the way Russian texts are compared.
func foldWord(w string) string {
	w = strings.ToLower(w)
	if strings.ContainsRune(w, 'ё') {
		w = strings.ReplaceAll(w, "ё", "е")
	}
	return w
}

// isUpperInitial reports whether w starts with an upper-case letter.
func isUpperInitial(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// isAllUpper reports whether every letter of w is upper case (acronyms: SCO, ШОС).
func isAllUpper(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n > 0
}

// scriptCounts counts letters by script.
type scriptCounts struct {
	latin, cyrillic, han, kana, other int
}

func (c scriptCounts) letters() int { return c.latin + c.cyrillic + c.han + c.kana + c.other }

func countScripts(s string) scriptCounts {
	var c scriptCounts
	for _, r := range s {
		switch {
		case !unicode.IsLetter(r):
		case isHan(r):
			c.han++
		case isKana(r):
			c.kana++
		case isCyrillic(r):
			c.cyrillic++
		case isLatin(r):
			c.latin++
		default:
			c.other++
		}
	}
	return c
}

// stripMarkup replaces markup that is not prose with spaces of the same byte length, so that
// offsets stay valid: URLs, the URL part of Markdown links, HTML tags, footnote markers [^1] and
// placeholders like {1}, {{name}}, ⟨1⟩ and %s. Link texts and emphasised words stay.
func stripMarkup(s string) string {
	items := findMarkup(s)
	if len(items) == 0 {
		return s
	}
	b := []byte(s)
	for _, m := range items {
		if m.kind == markupEmphasis {
			continue
		}
		for _, p := range m.blank {
			for i := p[0]; i < p[1] && i < len(b); i++ { // whole runes: the result stays valid UTF-8
				b[i] = ' '
			}
		}
	}
	return string(b)
}
