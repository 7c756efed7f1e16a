package checks

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/text"
	"github.com/tilmash/tilmash/pipeline"
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

// wordMemo holds what one Check call's checks read of its texts: the source and the translation
// are read again and again (markup stripped, split into words, numbers extracted), and each is
// prepared once and shared. The slices it returns are shared and must not be changed. A nil
// wordMemo prepares the text every time.
type wordMemo struct {
	texts []preparedText
	// numberFindings are checkNumber's findings on the Check call's unit, which the omission
	// check reads too (numberFindings), once hasNumberFindings.
	numberFindings    []pipeline.Finding
	hasNumberFindings bool
	// lostNames are the listed names the unit's translation lost (lostListedNames), which
	// both omission paths read, once hasLostNames.
	lostNames    []string
	hasLostNames bool
	// changed is the spelled-out count the translation changed (changedCount), which the number
	// and omission checks read, once hasChanged.
	changed    string
	hasChanged bool
	// lostCounts are the spelled-out counts of the source the translation lacks (lostCounts),
	// read by both checks, once hasLostCounts.
	lostCounts    []string
	hasLostCounts bool
}

// preparedText is one text of a Check call and what its checks have asked of it so far.
type preparedText struct {
	s            string
	all, letters []word // letters is nil until asked for
	hasAll       bool
	stripped     string // stripMarkup(s), once hasStripped
	hasStripped  bool
	markup       []markupItem // findMarkup(s), once hasMarkup
	hasMarkup    bool
	numbers      []number // extractNumbers(s, numbersLang), once hasNumbers
	numbersLang  pipeline.Lang
	hasNumbers   bool
	weighted     float64 // weightedLength(s), once hasWeighted
	hasWeighted  bool
	folded       string // foldWord(s), once hasFolded
	hasFolded    bool
	inits        []rune   // foldInitial of each of all's words, once asked for
	foldedWords  []string // foldWord of each of letters' words, once asked for
}

// at returns the entry of s in the memo, adding it if it is new.
func (m *wordMemo) at(s string) *preparedText {
	for i := range m.texts {
		if m.texts[i].s == s {
			return &m.texts[i]
		}
	}
	m.texts = append(m.texts, preparedText{s: s})
	return &m.texts[len(m.texts)-1]
}

// allWords returns allWords(s), numbers included.
func (m *wordMemo) allWords(s string) []word {
	if m == nil {
		return allWords(s)
	}
	p := m.at(s)
	if !p.hasAll {
		p.all, p.hasAll = allWords(s), true
	}
	return p.all
}

// words returns words(s): the words that hold letters.
func (m *wordMemo) words(s string) []word {
	if m == nil {
		return words(s)
	}
	all := m.allWords(s)
	p := m.at(s)
	if p.letters == nil {
		p.letters = keepLetters(make([]word, 0, len(all)), all)
	}
	return p.letters
}

// initials returns the folded first letter of each word of allWords(s) (foldInitial), which
// every term looked for in s compares before its words.
func (m *wordMemo) initials(s string) []rune {
	if m == nil {
		return nil
	}
	all := m.allWords(s)
	p := m.at(s)
	if p.inits == nil {
		p.inits = make([]rune, len(all))
		for i, w := range all {
			p.inits[i] = foldInitial(w.Text)
		}
	}
	return p.inits
}

// foldedWords returns foldWord of each word of words(s). The text is folded once and the words
// are cut out of it, where folding kept every byte in place (as it does for Latin and Cyrillic
// letters); otherwise each word is folded on its own.
func (m *wordMemo) foldedWords(s string) []string {
	ws := m.words(s)
	if m == nil {
		out := make([]string, len(ws))
		for i, w := range ws {
			out[i] = foldWord(w.Text)
		}
		return out
	}
	p := m.at(s)
	if p.foldedWords == nil {
		out := make([]string, len(ws))
		ft := m.folded(s)
		for i, w := range ws {
			if len(ft) == len(s) && ft[w.Start:w.End] != "" {
				out[i] = ft[w.Start:w.End]
			} else {
				out[i] = foldWord(w.Text)
			}
		}
		p = m.at(s) // folded may have grown the memo's texts
		p.foldedWords = out
	}
	return p.foldedWords
}

// folded returns foldWord(s): the whole text lower-cased, ё as е.
func (m *wordMemo) folded(s string) string {
	if m == nil {
		return foldWord(s)
	}
	p := m.at(s)
	if !p.hasFolded {
		p.folded, p.hasFolded = foldWord(s), true
	}
	return p.folded
}

// stripped returns stripMarkup(s).
func (m *wordMemo) stripped(s string) string {
	if m == nil {
		return stripMarkup(s)
	}
	p := m.at(s)
	if !p.hasStripped {
		p.stripped, p.hasStripped = stripMarkupItems(s, m.markup(s)), true
	}
	return p.stripped
}

// markup returns findMarkup(s).
func (m *wordMemo) markup(s string) []markupItem {
	if m == nil {
		return findMarkup(s)
	}
	p := m.at(s)
	if !p.hasMarkup {
		p.markup, p.hasMarkup = findMarkup(s), true
	}
	return p.markup
}

// numbers returns extractNumbers(s, lang).
func (m *wordMemo) numbers(s string, lang pipeline.Lang) []number {
	if m == nil {
		return extractNumbers(s, lang, nil)
	}
	p := m.at(s)
	if !p.hasNumbers || p.numbersLang != lang {
		ns := extractNumbers(s, lang, m)
		p = m.at(s) // extractNumbers may have grown the memo
		p.numbers, p.numbersLang, p.hasNumbers = ns, lang, true
	}
	return p.numbers
}

// weightedLength returns weightedLength(s).
func (m *wordMemo) weightedLength(s string) float64 {
	if m == nil {
		return weightedLength(s)
	}
	st := m.stripped(s)
	p := m.at(s)
	if !p.hasWeighted {
		p.weighted, p.hasWeighted = weightedLengthStripped(st), true
	}
	return p.weighted
}

// isHan reports whether r is a Chinese character. The script's first code point is U+2E80: runes
// below it need no table look-up.
func isHan(r rune) bool { return r >= 0x2E80 && unicode.Is(unicode.Han, r) }

// isKana reports whether r is Japanese kana. The katakana middle dot and the prolonged sound mark
// are left out: Chinese texts use them in transcribed foreign names.
func isKana(r rune) bool {
	if r < 0x3041 || r == 0x30FB || r == 0x30FC { // hiragana starts at U+3041, katakana after it
		return false
	}
	return unicode.In(r, unicode.Hiragana, unicode.Katakana)
}

// isCyrillic reports whether r is of the Cyrillic script: U+0400–U+0484 (the letters of Russian
// and Kazakh) are, no rune below them is, and the rest is looked up.
func isCyrillic(r rune) bool {
	if r < 0x0400 {
		return false
	}
	return r <= 0x0484 || unicode.Is(unicode.Cyrillic, r)
}

// isLatin reports whether r is of the Latin script, without a table look-up for ASCII.
func isLatin(r rune) bool {
	if r < 0x80 {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	if 0x0300 <= r && r < 0x1D00 {
		return false // no Latin letter between the combining marks and the phonetic extensions: Cyrillic text stays off the tables
	}
	return unicode.Is(unicode.Latin, r)
}

// firstRune returns the first rune of s without converting the rest: words may be long.
func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// foldWord lower-cases a word and folds ё to е, the way Russian texts are compared.
func foldWord(w string) string {
	if alreadyFolded(w) {
		return w // most words of a text: no case table look-ups, no copy
	}
	w = strings.ToLower(w)
	if strings.ContainsRune(w, 'ё') {
		w = strings.ReplaceAll(w, "ё", "е")
	}
	return w
}

// alreadyFolded reports whether foldWord(w) is w for a plain reason: every rune is an ASCII
// character other than a capital, a lower-case Russian letter other than ё, a lower-case
// Kazakh letter, or a Chinese character or punctuation mark, which have no case (Chinese text
// is read a character at a time, so these are most of its words). It says false for anything
// else, which foldWord then folds the long way.
func alreadyFolded(w string) bool {
	for _, r := range w {
		switch {
		case r < 0x80:
			if 'A' <= r && r <= 'Z' {
				return false
			}
		case 0x0430 <= r && r <= 0x045F: // а–я, ѐ–џ
			if r == 'ё' {
				return false
			}
		case r == 'ә', r == 'ғ', r == 'қ', r == 'ң', r == 'ө', r == 'ұ', r == 'ү', r == 'һ':
		case 0x3000 <= r && r <= 0x303F, 0x3400 <= r && r <= 0x4DBF, 0x4E00 <= r && r <= 0x9FFF:
			// CJK punctuation, Extension A and the unified ideographs: no letter of them has case.
		default:
			return false
		}
	}
	return true
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
func stripMarkup(s string) string { return stripMarkupItems(s, findMarkup(s)) }

// stripMarkupItems is stripMarkup with the markup of s already found.
func stripMarkupItems(s string, items []markupItem) string {
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

// quotedNames returns the spans of text in quotation marks that open with a capital letter: the
// names of companies, programmes and works («Қазақстан темір жолы», «Самрук-Казына»), spelt as
// their owners spell them, often in another language.
func quotedNames(text string) [][2]int { return quotedSpans(text, true) }

// maxQuotedNameWords: a short quotation with a number in it is a name («11.11», «Нұрлы жол-2025»),
// a longer one is somebody's words, whose numbers count.
const maxQuotedNameWords = 3

// quotedNumberNames returns the spans of text in quotation marks that are short names with a
// number: a sale, a programme, a strategy («11.11», «Стратегия-2050»).
func quotedNumberNames(text string) [][2]int {
	var out [][2]int
	for _, sp := range quotedSpans(text, false) {
		if len(strings.Fields(text[sp[0]:sp[1]])) <= maxQuotedNameWords {
			out = append(out, sp)
		}
	}
	return out
}

// quotedSpans returns the spans of text in quotation marks, those that open with a capital
// letter only when capital is set.
func quotedSpans(text string, capital bool) [][2]int {
	var out [][2]int
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		var closeQuote rune
		switch r {
		case '«':
			closeQuote = '»'
		case '“':
			closeQuote = '”'
		case '„':
			closeQuote = '“'
		default:
			i += size
			continue
		}
		end := strings.IndexRune(text[i+size:], closeQuote)
		if end < 0 {
			break
		}
		first, _ := utf8.DecodeRuneInString(text[i+size:])
		if !capital || unicode.IsUpper(first) {
			out = append(out, [2]int{i + size, i + size + end})
		}
		i += size + end + utf8.RuneLen(closeQuote)
	}
	return out
}

func inSpans(spans [][2]int, at int) bool {
	for _, s := range spans {
		if at >= s[0] && at < s[1] {
			return true
		}
	}
	return false
}
