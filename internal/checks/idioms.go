package checks

import (
	"regexp"
	"strings"
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
		if !insideIdiom(lower, m) {
			out = append(out, m)
		}
	}
	return firstN(out, limit)
}

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
		if x == t {
			if next := allWords(text[m[1]:min(len(text), m[1]+64)]); len(next) > 0 && next[0].Start <= 1 &&
				utf8.RuneCountInString(next[0].Text) >= 4 && kkCompoundHead.MatchString(foldWord(next[0].Text)) {
				continue
			}
		}
		out = append(out, m)
	}
	return out
}
