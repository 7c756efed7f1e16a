package checks

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/text"
)

// word is a word of a text with its byte offsets, as internal/text reads it.
type word = text.Word

// allWords returns the words of s, numbers included.
func allWords(s string) []word { return text.Words(s) }

// words returns the words of s that hold letters; numbers are left out. A run of Chinese
// characters is one word, so "C5与中亚" gives "C", "与中亚". Hyphens end a word; apostrophes
// between letters do not (don't, China’s).
func words(s string) []word {
	ws := text.Words(s)
	return keepLetters(ws[:0], ws)
}

// keepLetters appends to dst the words of ws that hold letters (dst may share ws's array).
func keepLetters(dst, ws []word) []word {
	for _, w := range ws {
		if !w.Number {
			dst = append(dst, w)
		}
	}
	return dst
}

// wordMemo holds the words of the texts one Check call reads: its checks read the same
// translation and source again and again, and each is split into words once. The slices it returns
// are shared and must not be changed. A nil wordMemo reads the text every time.
type wordMemo struct {
	texts        []string
	all, letters [][]word // letters[i] is nil until asked for
}

// at returns the index of s in the memo, reading its words if they are new.
func (m *wordMemo) at(s string) int {
	for i, t := range m.texts {
		if t == s {
			return i
		}
	}
	m.texts = append(m.texts, s)
	m.all = append(m.all, allWords(s))
	m.letters = append(m.letters, nil)
	return len(m.texts) - 1
}

// allWords returns allWords(s), numbers included.
func (m *wordMemo) allWords(s string) []word {
	if m == nil {
		return allWords(s)
	}
	return m.all[m.at(s)]
}

// words returns words(s): the words that hold letters.
func (m *wordMemo) words(s string) []word {
	if m == nil {
		return words(s)
	}
	i := m.at(s)
	if m.letters[i] == nil {
		m.letters[i] = keepLetters(make([]word, 0, len(m.all[i])), m.all[i])
	}
	return m.letters[i]
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
