package checks

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/pipeline"
)

// enIdioms are English fixed phrases in which a general noun does not stand for its concept:
// "arrived on time" is «вовремя», «уақытында», 及时, with no word for "time". A termbase entry
// for the noun (time → время) must not demand its translation there.
var enIdioms = []string{
	"in time", "on time", "at the same time", "from time to time", "at times", "at a time",
	"all the time", "in no time", "time and again", "for the time being", "ahead of time",
	"first time", "second time", "third time", "last time", "next time", "this time", "each time",
	"every time", "times more", "times less", "times as", "times higher", "times lower", "times larger",
	"times the", // «впервые», «алғаш рет», 首次; «каждый раз»; «в три раза больше»
	"in place", "in part", "at hand", "on hand", "in the long run", "by the way", "in the way",
}

// idiomWords are the words of enIdioms.
var idiomWords = func() map[string]bool {
	m := map[string]bool{}
	for _, id := range enIdioms {
		for _, w := range strings.Fields(id) {
			m[w] = true
		}
	}
	return m
}()

// sourceTermUses finds a source term like findTermAll, leaving out the occurrences that lie
// inside an English fixed phrase (enIdioms): there the word is part of an adverb, not the term.
//
// A Chinese term of one character is not looked for: the character is too often part of another
// word (冰 in 冰川, glacier) to tell its uses from the rest. For the same reason a Kazakh term
// word is no use of the term in a word derived from it (мұз "ice" in мұздық "glacier") nor as
// the bare first noun of a compound (жол in жол ережесі "traffic rules"): kkTermUses.
func sourceTermUses(memo *wordMemo, text, term string, lang pipeline.Lang, limit int) [][2]int {
	if lang == pipeline.Chinese && utf8.RuneCountInString(strings.TrimSpace(term)) == 1 {
		return nil
	}
	ms := findTermAll(memo, text, term, lang, -1)
	if len(ms) > 0 && (lang == pipeline.Russian || lang == pipeline.English) && !isUpperInitial(strings.TrimSpace(term)) {
		ms = outsideNames(text, ms, lang)
	}
	if lang == pipeline.Kazakh && len(ms) > 0 {
		return firstN(kkTermUses(text, ms, term), limit)
	}
	if lang != pipeline.English || len(ms) == 0 {
		return firstN(ms, limit)
	}
	lower := strings.ToLower(text)
	if len(lower) != len(text) {
		return firstN(ms, limit) // offsets would not line up: keep every occurrence
	}
	var out [][2]int
	for _, m := range ms {
		if !insideIdiom(lower, m) && !enCountedTimes(lower, m) {
			out = append(out, m)
		}
	}
	return firstN(out, limit)
}

// enCountedTimes reports a match of "times" after a count ("several times what…", "three
// times", "1.5 times"): a multiplier or a number of occasions («в несколько раз», «үш рет»,
// 数倍, 三次), never a span of time a termbase entry for "time" names.
func enCountedTimes(lower string, m [2]int) bool {
	if lower[m[0]:m[1]] != "times" {
		return false
	}
	prev := strings.Fields(lower[max(0, m[0]-24):m[0]])
	if len(prev) == 0 {
		return false
	}
	w := strings.TrimRight(prev[len(prev)-1], ",")
	if w == "" {
		return false
	}
	if w[0] >= '0' && w[0] <= '9' {
		return true
	}
	_, card := cardinalWords()[pipeline.English][w]
	return card || enCountWords[w]
}

// enCountWords are the English words of an indefinite count before "times".
var enCountWords = wordSet("several many multiple few dozen dozens hundreds thousands countless numerous some")

// insideIdiom reports whether the span m of lower (lower-case text) lies within an occurrence
// of one of enIdioms that stands as whole words.
func insideIdiom(lower string, m [2]int) bool {
	if !idiomWords[trimPossessive(lower[m[0]:m[1]])] {
		return false // the matched word is in no idiom: most terms
	}
	for _, id := range enIdioms {
		from := max(0, m[0]-len(id))
		for i := from; i <= m[0] && i < len(lower); {
			j := strings.Index(lower[i:], id)
			if j < 0 || i+j > m[0] {
				break
			}
			s, e := i+j, i+j+len(id)
			if e >= m[1] && wordBoundary(lower, s, e) {
				return true
			}
			i = s + 1
		}
	}
	return false
}

// wordBoundary reports whether lower[s:e] starts and ends at word boundaries (ASCII letters).
func wordBoundary(lower string, s, e int) bool {
	isLetter := func(b byte) bool { return b >= 'a' && b <= 'z' }
	return (s == 0 || !isLetter(lower[s-1])) && (e == len(lower) || !isLetter(lower[e]))
}

func firstN(ms [][2]int, n int) [][2]int {
	if n >= 0 && len(ms) > n {
		return ms[:n]
	}
	return ms
}

// FindSourceTerm is FindTerm for a term of the source: it passes over occurrences inside an
// English fixed phrase ("in time"), where the glossary check does not look for the term either.
func FindSourceTerm(text, term string, lang pipeline.Lang) (start, end int, ok bool) {
	ms := sourceTermUses(nil, text, term, lang, 1)
	if len(ms) == 0 {
		return 0, 0, false
	}
	return ms[0][0], ms[0][1], true
}

// kkDerivational are the Kazakh suffixes that make a new word of a noun (мұз → мұздық "glacier",
// жол → жолшы "road worker"), as opposed to inflection.
var kkDerivational = []string{"лық", "лік", "дық", "дік", "тық", "тік", "лығ", "ліг", "дығ", "діг", "тығ", "тіг", "шы", "ші"}

// kkCompoundHead matches the head of a Kazakh noun compound: a noun with the third-person
// possessive after a vowel (ережесі) or after a consonant other than д and т, which would read
// as a past tense (құбыры, but not салды), with a case ending after it.
var kkCompoundHead = regexp.MustCompile(`(?:[аәеіоөұүыэюяи]с[ыі]|[^дтаәеіоөұүыэюяи][ыі])(?:н|ның|нің|на|не|нда|нде|нан|нен|мен)?$`)

// kkPostpositionWords are Kazakh postpositions that end like a possessive head (арқылы "via",
// туралы "about"): the word before them is no first noun of a compound.
var kkPostpositionWords = wordSet("арқылы туралы жайлы жөнінде бойы бойында бойынша шамалы сияқты секілді")

// kkTermUses keeps the matches of a one-word Kazakh term that use the term itself: not a word
// derived from it, nor its bare stem before a possessive head (the compound may translate as one
// word: жол ережесі, «правила дорожного движения», 交通规则).
func kkTermUses(text string, ms [][2]int, term string) [][2]int {
	tw := allWords(term)
	if len(tw) != 1 {
		return ms
	}
	t := foldWord(tw[0].Text)
	var out [][2]int
	for _, m := range ms {
		x := foldWord(text[m[0]:m[1]])
		rest, ok := strings.CutPrefix(x, t)
		if ok && rest != "" && hasAnyPrefix(rest, kkDerivational) {
			continue
		}
		if kkPostposition(text, m, x) || kkLightVerb(text, m, x) {
			continue
		}
		if x == t && !isUpperInitial(tw[0].Text) {
			// A name (Қорғас) keeps its rendering in a compound: Қорғас шекара өткелі is the
			// Khorgos border crossing.
			if next := allWords(text[m[1]:min(len(text), m[1]+64)]); len(next) > 0 && next[0].Start <= 1 &&
				utf8.RuneCountInString(next[0].Text) >= 4 && kkCompoundHead.MatchString(foldWord(next[0].Text)) &&
				!kkPostpositionWords[foldWord(next[0].Text)] {
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

// kkPostpositions are Kazakh nouns in a case form that, after a genitive, make a postposition:
// мақтаның орнына "instead of cotton" («вместо», 取代, "instead of"), with no seat or place in it.
var kkPostpositions = wordSet("орнына орнында")

// kkGenitive matches a Kazakh word in the genitive (мақтаның, көмірдің, оның).
var kkGenitive = regexp.MustCompile(`(?:ның|нің|дың|дің|тың|тің)$`)

// kkPostposition reports a term word x, matched at m in text, that is a postposition after a
// genitive.
func kkPostposition(text string, m [2]int, x string) bool {
	if !kkPostpositions[x] {
		return false
	}
	prev := allWords(text[max(0, m[0]-64):m[0]])
	return len(prev) > 0 && kkGenitive.MatchString(foldWord(prev[len(prev)-1].Text))
}

// kkLightVerbs are Kazakh nouns that with the verb after them say one thing, as an English
// phrasal verb does: жол ашу "open the way, make possible", жол беру "allow". A translation
// says "enable", «позволить», 为…打开大门: the noun is no term there.
var kkLightVerbs = map[string][]string{"жол": {"аш", "бер"}}

// kkLightVerb reports a term word x, matched at m in text, that forms a kkLightVerbs phrase with
// the word after it.
func kkLightVerb(text string, m [2]int, x string) bool {
	verbs := kkLightVerbs[x]
	if verbs == nil {
		return false
	}
	next := allWords(text[m[1]:min(len(text), m[1]+64)])
	return len(next) > 0 && next[0].Start <= 1 && hasAnyPrefix(foldWord(next[0].Text), verbs)
}

// outsideNames drops the matches of a lower-case term that are words of a name: capitalised
// inside a sentence (the Belt and Road, Time), or, in Russian, after a capitalised adjective
// inside a sentence and the lower-case adjectives that follow it (Шёлкового пути, Северного
// морского пути, Большой Алматинской кольцевой автодороги): Russian writes the first word of a
// name with a capital, an adjective of a place without one (китайский рынок). A name has its own
// rendering (the Silk Road, 丝绸之路), not the term's.
func outsideNames(text string, ms [][2]int, lang pipeline.Lang) [][2]int {
	out := ms[:0:0]
	for _, m := range ms {
		if !inName(text, m, lang) {
			out = append(out, m)
		}
	}
	return out
}

// inName reports a match m of a term in text that is part of a name (outsideNames).
func inName(text string, m [2]int, lang pipeline.Lang) bool {
	if isUpperInitial(text[m[0]:m[1]]) {
		return afterWord(text, m[0])
	}
	if lang != pipeline.Russian {
		return false
	}
	prev := allWords(text[max(0, m[0]-120):m[0]])
	for i := len(prev) - 1; i >= 0 && i >= len(prev)-4; i-- {
		w := prev[i].Text
		if !ruAdjective.MatchString(foldWord(w)) {
			return false
		}
		if i < len(prev)-1 && strings.TrimSpace(textBetween(text, m[0]-120, prev[i], prev[i+1])) != "" {
			return false // a comma or a dash between: a list of adjectives, not one name
		}
		if isUpperInitial(w) {
			return afterWord(text, max(0, m[0]-120)+prev[i].Start)
		}
	}
	return false
}

// textBetween returns the text between two words of text[base:] (base clamped at 0).
func textBetween(text string, base int, a, b word) string {
	base = max(0, base)
	return text[base+a.End : base+b.Start]
}

// ruAdjective matches a Russian adjective by its ending (folded, е for ё).
var ruAdjective = regexp.MustCompile(`[а-я]{2,}(?:ый|ий|ой|ая|яя|ое|ее|ого|его|ому|ему|ым|им|ом|ем|ых|их|ую|юю|ей|ые|ие|ыми|ими)$`)

// afterWord reports a word at start of text that follows a word or a comma of its sentence:
// its capital is the name's, not the sentence's or a heading's (markup, quotes and brackets
// before it say nothing).
func afterWord(text string, start int) bool {
	before := strings.TrimRightFunc(text[:start], unicode.IsSpace)
	r, _ := utf8.DecodeLastRuneInString(before)
	return r == ',' || unicode.IsLetter(r) || unicode.IsDigit(r)
}
