package checks

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/pipeline"
)

// A dropped "not" turns a sentence into its opposite and leaves its length as it was, so no
// comparison of lengths, clauses or names sees it. The omission check compares the polarity of
// source and translation instead: a source that negates a verb and a translation that negates
// nothing at all lost the negation. The markers per language are in lexicon/negation.txt.

// negationRules are one language's markers of negation.
type negationRules struct {
	sure, loose map[string]bool // whole words, lower case
	looseSuffix []string        // word endings that negate (Kazakh -сыз "without")
	loosePrefix []string        // word beginnings that negate (нехватк-: нехватка, нехватки)
	plain       []string        // word beginnings a loose beginning would take and that do not negate
	sureHan     []string        // Chinese: substrings
	looseHan    []string
	not         [][]string      // phrases that look negative and are not, as words (Chinese: one item)
	bound       [][]string      // bounds on a quantity said with a negative ("no more", 不超过): no negation in a source, one in a translation
	pairFirst   map[string]bool // the first words of the two-word loose markers
}

var (
	negationOnce sync.Once
	negationByLg map[pipeline.Lang]*negationRules
)

// negations returns the rules of lexicon/negation.txt.
func negations() map[pipeline.Lang]*negationRules {
	negationOnce.Do(func() {
		negationByLg = map[pipeline.Lang]*negationRules{}
		for _, line := range lexiconLines("negation.txt") {
			key, items, ok := strings.Cut(line, ":")
			if !ok {
				continue
			}
			langName, kind, _ := strings.Cut(key, " ")
			lang := pipeline.Lang(langName)
			r := negationByLg[lang]
			if r == nil {
				r = &negationRules{sure: map[string]bool{}, loose: map[string]bool{}}
				negationByLg[lang] = r
			}
			if kind == "not" {
				r.not = append(r.not, negationPhrases(items, lang)...)
				continue
			}
			if kind == "bound" {
				r.bound = append(r.bound, negationPhrases(items, lang)...)
				continue
			}
			if kind == "plain" {
				r.plain = append(r.plain, strings.Fields(items)...)
				continue
			}
			for _, it := range strings.Fields(items) {
				switch {
				case lang == pipeline.Chinese && kind == "sure":
					r.sureHan = append(r.sureHan, it)
				case lang == pipeline.Chinese:
					r.looseHan = append(r.looseHan, it)
				case strings.HasPrefix(it, "-"):
					r.looseSuffix = append(r.looseSuffix, it[1:])
				case strings.HasSuffix(it, "-"):
					r.loosePrefix = append(r.loosePrefix, strings.TrimSuffix(it, "-"))
				case kind == "sure":
					r.sure[it] = true
				default:
					r.loose[strings.ReplaceAll(it, "_", " ")] = true
					if first, _, two := strings.Cut(it, "_"); two {
						if r.pairFirst == nil {
							r.pairFirst = map[string]bool{}
						}
						r.pairFirst[first] = true
					}
				}
			}
		}
	})
	return negationByLg
}

// negationPhrases splits a "not" line into its phrases: Chinese items are one each; in the
// other languages a phrase is two words (the lists hold pairs and "nothing but"-like pairs).
func negationPhrases(items string, lang pipeline.Lang) [][]string {
	f := strings.Fields(items)
	var out [][]string
	if lang == pipeline.Chinese {
		for _, it := range f {
			out = append(out, []string{it})
		}
		return out
	}
	for i := 0; i+1 < len(f); i += 2 {
		out = append(out, []string{f[i], f[i+1]})
	}
	return out
}

// kkNegatedVerb matches a Kazakh verb form with the negative suffix -ма/-ме/-ба/-бе/-па/-пе
// before a tense, participle, verbal noun or converb ending, and up to three case, possessive or
// plural endings after it: ұзартпады, білдірмеді, өзгермейтінін, көтермеуге, айтылмаған,
// аяқталмай. The imperative -сын/-сін (болмасын) is left to kkNegatedLoose: after a noun in
// -ба/-ма it is the possessive and the accusative (жобасын, бағдарламасын), far more common.
var kkNegatedVerb = regexp.MustCompile(`^` + kkNegatedVerbTail)

// kkNegatedVerbCapital is kkNegatedVerb for a capitalised word at the start of a sentence, which
// is more often a name (Семей): its stem must have three letters at least (Келмейтін).
var kkNegatedVerbCapital = regexp.MustCompile(`^.` + kkNegatedVerbTail)

const kkNegatedVerbTail = `.+` + kkNegativeSuffix + `(?:ды|ді|дық|дік|дым|дім|дың|дің|ған|ген|й|йды|йді|йтын|йтін|ймын|ймін|йсың|йсің|йсыз|йсіз|ймыз|йміз|са|се|у|ңыз|ңіз|ңдар|ңдер)` +
	`(?:ы|і|ын|ін|сы|сі|н|ны|ні|ды|ді|на|не|ға|ге|қа|ке|да|де|та|те|дан|ден|нан|нен|тан|тен|мен|ның|нің|лар|лер|дар|дер|тар|тер|ша|ше|мыз|міз|сыз|сіз|дық|дік|тық|тік){0,3}$`

// notUntil marks in skip an English "not" (or -n't) followed by "until" or "till" a few words
// later: "did not freeze until January" says when, not whether.
func notUntil(lower []string, skip []bool) {
	for i, w := range lower {
		if w != "not" && !strings.HasSuffix(w, "n't") {
			continue
		}
		for j := i + 1; j < len(lower) && j <= i+6; j++ {
			if lower[j] == "until" || lower[j] == "till" {
				skip[i] = true
				break
			}
		}
	}
}

// kkNegatedLoose reads more Kazakh verbs as negated than kkNegatedVerb, for translations, where
// a negation taken for one costs only a missed finding: the future -мас/-мес (болмас), the
// converb -май (келмей), the imperative (жасама), whatever follows.
var kkNegatedLoose = regexp.MustCompile(`^.+` + kkNegativeSuffix + `(?:с|й|ған|ген|у|ды|ді|ң|з|$)`)

// kkNegativeSuffix matches the negative suffix with the sound before it, as Kazakh harmony
// chooses its consonant: -ма/-ме after a vowel or р, л, й, у (бармады, келмеді), -ба/-бе after
// м, н, ң, з, ж (жазбады, көнбеді), -па/-пе after a voiceless consonant (айтпады, таппады). A
// б or п between vowels is the stem's own, before a tense ending: табады "finds", жабады
// "covers", себеді "sows".
const kkNegativeSuffix = `(?:[аәеіоөұүыиэюяуйрл]м[ае]|[мнңзж]б[ае]|[птксшқфхцчщк]п[ае])`

// hasAnyPrefix reports whether w begins with one of ps.
func hasAnyPrefix(w string, ps []string) bool {
	for _, p := range ps {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// kkMayNegate is a quick test before kkNegatedVerb: the word holds one of the negative
// suffix's syllables (ма, ме, ба, бе, па, пе).
func kkMayNegate(w string) bool {
	prev := rune(0)
	for _, r := range w {
		if (r == 'а' || r == 'е') && (prev == 'м' || prev == 'б' || prev == 'п') {
			return true
		}
		prev = r
	}
	return false
}

// negates reports whether s, in lang, negates: with sureOnly, by a verb negation; otherwise by
// any marker. ok is false for a language without rules.
func negates(s string, lang pipeline.Lang, sureOnly bool, memo *wordMemo) (neg, ok bool) {
	r := negations()[lang]
	if r == nil {
		return false, false
	}
	if lang == pipeline.Chinese {
		// A longer "sure" item wins over a "not" phrase it holds: 不公布 (do not publish) is
		// no 不公 (injustice).
		for _, m := range r.sureHan {
			if utf8.RuneCountInString(m) > 1 && strings.Contains(s, m) {
				return true, true
			}
		}
		for _, p := range r.bound {
			if !sureOnly && strings.Contains(s, p[0]) {
				return true, true // a bound may render a source's negative
			}
			s = strings.ReplaceAll(s, p[0], "　")
		}
		if !sureOnly {
			// Before the phrases that only look negative go: some of them (不足 "insufficient",
			// 跟不上 "lag behind") render a negative of the source ("не хватает", "жетіспейді").
			for _, m := range r.looseHan {
				if strings.Contains(s, m) {
					return true, true
				}
			}
		}
		for _, p := range r.not {
			s = strings.ReplaceAll(s, p[0], "　")
		}
		for _, m := range r.sureHan {
			if strings.Contains(s, m) {
				return true, true
			}
		}
		return false, true
	}
	ws := memo.words(s)
	lower := make([]string, len(ws))
	for i, w := range ws {
		lower[i] = foldWord(w.Text)
		if lang == pipeline.English && strings.Contains(lower[i], "’") {
			lower[i] = strings.ReplaceAll(lower[i], "’", "'")
		}
	}
	skip := make([]bool, len(lower))
	for _, p := range r.not {
		for i := 0; i+len(p) <= len(lower); i++ {
			if lower[i] == p[0] && lower[i+1] == p[1] {
				skip[i], skip[i+1] = true, true
			}
		}
	}
	for _, p := range r.bound {
		for i := 0; i+len(p) <= len(lower); i++ {
			if lower[i] == p[0] && lower[i+1] == p[1] {
				if !sureOnly {
					return true, true // a bound may render a source's negative
				}
				skip[i], skip[i+1] = true, true
			}
		}
	}
	if lang == pipeline.English && sureOnly {
		notUntil(lower, skip) // in a source only: a translation that keeps "not … until" negates
	}
	for i, w := range lower {
		if skip[i] {
			continue
		}
		// A Kazakh verb is not capitalised inside a sentence: Семей, Бейнеу are names.
		capital := isUpperInitial(ws[i].Text)
		kkVerb := lang == pipeline.Kazakh && kkMayNegate(w) && !(capital && !sentenceStart(s, ws[i].Start))
		verbRe := kkNegatedVerb
		if kkVerb {
			w = r.kkPlainRest(w)
			if capital {
				verbRe = kkNegatedVerbCapital
			}
		}
		if r.sure[w] || lang == pipeline.English && strings.HasSuffix(w, "n't") ||
			kkVerb && utf8.RuneCountInString(w) >= 5 && verbRe.MatchString(w) {
			return true, true
		}
		if sureOnly {
			continue
		}
		if r.loose[w] {
			return true, true
		}
		for _, e := range r.looseSuffix {
			if strings.HasSuffix(w, e) && len(w) > len(e)+2 {
				return true, true
			}
		}
		for _, p := range r.loosePrefix {
			if strings.HasPrefix(w, p) && len(w) >= len(p)+4 && !hasAnyPrefix(w, r.plain) {
				return true, true
			}
		}
		if kkVerb && kkNegatedLoose.MatchString(w) {
			return true, true
		}
	}
	// Two-word loose markers (бас тартты "refused") are matched as phrases.
	if !sureOnly {
		for i := 0; i+1 < len(lower); i++ {
			if r.pairFirst[lower[i]] && r.loose[lower[i]+" "+lower[i+1]] {
				return true, true
			}
		}
	}
	return false, true
}

// kkPlainRest handles Kazakh verb stems that end in a negative syllable themselves (көбей-
// "grow", кемей- "shrink", the "plain" items of lexicon/negation.txt): the stem is replaced by a
// neutral two-letter one, so that only a negative suffix after it reads as negation (көбейді
// grew, көбеймеді did not).
func (r *negationRules) kkPlainRest(w string) string {
	for _, p := range r.plain {
		if strings.HasPrefix(w, p) {
			return "аа" + w[len(p):]
		}
	}
	return w
}

// minNegationWords: a shorter source is a heading or a fragment, whose polarity says little.
const minNegationWords = 3

// negationLost reports a translation that negates nothing where its source negates a verb. The
// caller has made sure the translation is in its language's script (mostlyInScript).
func negationLost(u pipeline.CheckUnit, memo *wordMemo) bool {
	if u.SourceLang == u.TargetLang || strings.TrimSpace(u.Target) == "" {
		return false
	}
	src := memo.stripped(u.Source)
	if len(memo.words(src)) < minNegationWords && !(u.SourceLang == pipeline.Chinese && utf8.RuneCountInString(src) >= 6) {
		return false
	}
	if neg, ok := negates(src, u.SourceLang, true, memo); !ok || !neg {
		return false
	}
	neg, ok := negates(memo.stripped(u.Target), u.TargetLang, false, memo)
	return ok && !neg
}

// mostlyInScript reports whether most letters of s are in the script of lang: Han for Chinese,
// Cyrillic for Russian and Kazakh, Latin for English.
func mostlyInScript(s string, lang pipeline.Lang) bool {
	in, all := 0, 0
	for _, r := range s {
		if r < 0x80 {
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
				all++
				if lang == pipeline.English {
					in++
				}
			}
			continue
		}
		if !unicode.IsLetter(r) {
			continue
		}
		all++
		switch lang {
		case pipeline.Chinese:
			if isHan(r) {
				in++
			}
		case pipeline.English:
			if isLatin(r) {
				in++
			}
		default:
			if r >= 0x400 && r <= 0x52F { // Cyrillic, with the letters Kazakh adds
				in++
			}
		}
	}
	return in*2 > all
}
