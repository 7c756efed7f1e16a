package checks

import (
	"strings"
	"sync"

	"github.com/tilmash/tilmash/pipeline"
)

// A termbase entry names one concept, but its source word may mean another thing in a sentence:
// қарыз is a loan and a debt, путь a way and a route, место a seat and a place. A translation
// that renders the other sense is right without the entry's target term, and reporting it is
// the glossary check's commonest false alarm. lexicon/senses.txt lists, per word with several
// senses, the renderings of each sense; the entry's own sense is the one that holds most of the
// entry's terms, and a translation rendering one of the other senses is not reported. Synonyms
// of the entry's own sense stay findings: the termbase chose among them.

// wordSense is one sense of a word: its renderings per language, and the words one of which
// stands right before the source word when it has this sense, if the sense needs one (сыртқы
// қарыз is a debt, the bare қарыз most often a loan).
type wordSense struct {
	renders map[pipeline.Lang][]string
	after   []string
	with    []string // word beginnings one of which the source holds when the word has this sense
}

type senseKey struct {
	lang pipeline.Lang
	word string // folded
}

var (
	sensesOnce sync.Once
	senses     map[senseKey][]wordSense
	hanShort   map[string][]string // a Chinese noun's one-character form (煤炭 → 煤)
)

// loadSenses reads lexicon/senses.txt.
func loadSenses() {
	senses, hanShort = map[senseKey][]wordSense{}, map[string][]string{}
	for _, line := range lexiconLines("senses.txt") {
		if long, short, ok := strings.Cut(line, " = "); ok {
			if l, w, ok := strings.Cut(long, " "); ok && pipeline.Lang(l) == pipeline.Chinese {
				hanShort[strings.TrimSpace(w)] = append(hanShort[strings.TrimSpace(w)], strings.TrimSpace(short))
			}
			continue
		}
		head, body, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		head, after, _ := strings.Cut(head, "(after ")
		head, with, _ := strings.Cut(head, "(with ")
		l, w, ok := strings.Cut(strings.TrimSpace(head), " ")
		if !ok {
			continue
		}
		s := wordSense{renders: map[pipeline.Lang][]string{}, after: strings.Fields(strings.TrimSuffix(strings.TrimSpace(after), ")")),
			with: strings.Fields(foldWord(strings.TrimSuffix(strings.TrimSpace(with), ")")))}
		for _, part := range strings.Split(body, ";") {
			pl, forms, ok := strings.Cut(strings.TrimSpace(part), " ")
			if !ok {
				continue
			}
			for _, f := range strings.Split(forms, ",") {
				if f = strings.TrimSpace(f); f != "" {
					s.renders[pipeline.Lang(pl)] = append(s.renders[pipeline.Lang(pl)], f)
				}
			}
		}
		k := senseKey{pipeline.Lang(l), foldWord(strings.TrimSpace(w))}
		senses[k] = append(senses[k], s)
	}
}

// otherSenses returns the senses of the term's source word other than the term's own; nil when
// the word has one sense in the lexicon or the term's sense cannot be told.
func otherSenses(t Term, src, tgt pipeline.Lang) []wordSense {
	sensesOnce.Do(loadSenses)
	ss := senses[senseKey{src, foldWord(strings.TrimSpace(t.Terms[src]))}]
	if len(ss) < 2 {
		return nil
	}
	// The entry's sense: the one whose renderings hold most of the entry's terms (the target
	// language's counting twice, as it decides what a translation must say). A tie says nothing.
	best, bestScore, tie := -1, 0, false
	for i, s := range ss {
		score := 0
		for l, term := range t.Terms {
			if l == src || term == "" {
				continue
			}
			for _, f := range s.renders[l] {
				if foldWord(f) == foldWord(strings.TrimSpace(term)) {
					score++
					if l == tgt {
						score++
					}
					break
				}
			}
		}
		switch {
		case score > bestScore:
			best, bestScore, tie = i, score, false
		case score == bestScore && score > 0:
			tie = true
		}
	}
	if best < 0 || tie {
		return nil
	}
	var out []wordSense
	for i, s := range ss {
		if i != best {
			out = append(out, s)
		}
	}
	return out
}

// senseInContext reports whether the source has the term's word where a sense needing a word
// before it (wordSense.after) may be meant: right after a form of one of those words; and, for a
// sense that needs words of its topic (wordSense.with), whether the source holds one.
func senseInContext(memo *wordMemo, u pipeline.CheckUnit, st string, s wordSense) bool {
	if len(s.with) > 0 && !sourceHolds(memo, u, s.with) {
		return false
	}
	if len(s.after) == 0 {
		return true
	}
	ws := memo.allWords(u.Source)
	for _, m := range sourceTermUses(memo, u.Source, st, u.SourceLang, -1) {
		for i, w := range ws {
			if w.Start != m[0] || i == 0 {
				continue
			}
			for _, a := range s.after {
				if wordMatches(ws[i-1].Text, a, u.SourceLang) {
					return true
				}
			}
		}
	}
	return false
}

// termRendered reports whether the translation renders a term found in its source: good holds
// the occurrences of the approved target form; ok is also true for a Russian relative adjective
// of it (детский мюзикл for "children's musical", угольная шахта for "coal mine") and for a
// rendering of another sense of the source word (otherSenses).
func termRendered(memo *wordMemo, u pipeline.CheckUnit, t Term) (good [][2]int, ok bool) {
	tt := strings.TrimSpace(t.Terms[u.TargetLang])
	if tt == "" {
		return nil, true
	}
	good = findTermAll(memo, u.Target, tt, u.TargetLang, -1)
	if len(good) > 0 {
		return good, true
	}
	sensesOnce.Do(loadSenses)
	if u.TargetLang == pipeline.Russian && !strings.ContainsAny(tt, " -") && ruAdjectiveIn(memo, u.Target, tt) {
		return nil, true
	}
	for _, f := range hanShort[tt] {
		if len(findTermAll(memo, u.Target, f, u.TargetLang, 1)) > 0 {
			return nil, true
		}
	}
	for _, s := range otherSenses(t, u.SourceLang, u.TargetLang) {
		if len(s.after) > 0 && senseInContext(memo, u, strings.TrimSpace(t.Terms[u.SourceLang]), s) {
			// The source word stands in a phrase of another sense (кен орны, a deposit, for
			// орын, a seat): the term does not apply, however the translation words it ("at
			// Tengiz").
			return nil, true
		}
		for _, f := range s.renders[u.TargetLang] {
			if len(findTermAll(memo, u.Target, f, u.TargetLang, 1)) > 0 && senseInContext(memo, u, strings.TrimSpace(t.Terms[u.SourceLang]), s) {
				return nil, true
			}
		}
	}
	return nil, false
}

// ruAdjectiveIn reports a word of text that is a relative adjective of the Russian noun term:
// its stem (with the fleeting vowel kept, a final к, г, х, ц softened to ч, ж, ш, ч, the
// suppletive plural stem of ребёнок) and a suffix -н-, -ск-, -ов-, -ев-, -ян-, -енн-: рынок →
// рыночный, уголь → угольный, лёд → ледовый, время → временный, ребёнок → детский. English and
// Chinese say "coal mine", 煤矿 with the noun; Russian, with the adjective.
func ruAdjectiveIn(memo *wordMemo, text, term string) bool {
	t := foldWord(term)
	if len([]rune(t)) < 3 {
		return false
	}
	var stems []string
	add := func(s string) {
		if len([]rune(s)) < 3 {
			return
		}
		stems = append(stems, s)
		rs := []rune(s)
		if soft, ok := ruSoftened[rs[len(rs)-1]]; ok {
			stems = append(stems, string(rs[:len(rs)-1])+string(soft))
		}
	}
	add(t)
	for _, s := range ruStems(t) {
		add(s)
	}
	if s := ruSuppletive(t); s != "" {
		stems = append(stems, s)
	}
	for _, w := range memo.allWords(text) {
		x := foldWord(w.Text)
		for _, s := range stems {
			rest, ok := strings.CutPrefix(x, s)
			if !ok {
				continue
			}
			for _, suf := range ruAdjSuffixes {
				if e, ok := strings.CutPrefix(rest, suf); ok && ruAdjEndings[e] {
					return true
				}
			}
		}
	}
	return false
}

var ruSoftened = map[rune]rune{'к': 'ч', 'г': 'ж', 'х': 'ш', 'ц': 'ч'}

var ruAdjSuffixes = strings.Fields("н ск ьск ов ев ян ан енн онн ичн")

var ruAdjEndings = wordSet("ий ый ой ая яя ое ее ые ие ого его ому ему ым им ыми ими ых их ую юю ей")

// sourceHolds reports whether the source has a word that begins with one of the folded
// beginnings (Chinese: holds it).
func sourceHolds(memo *wordMemo, u pipeline.CheckUnit, begins []string) bool {
	if u.SourceLang == pipeline.Chinese {
		for _, b := range begins {
			if strings.Contains(u.Source, b) {
				return true
			}
		}
		return false
	}
	for _, w := range memo.foldedWords(u.Source) {
		for _, b := range begins {
			if strings.HasPrefix(w, b) {
				return true
			}
		}
	}
	return false
}
