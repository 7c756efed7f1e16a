package checks

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/tilmash/tilmash/pipeline"
)

// The number check compares numbers in digits; spelled-out fractions and factors ("two thirds",
// «втрое», «бес есе», 四分之一) are compared here, by the words of lexicon/proportions.txt: a
// translation with a fraction or factor of one value where the source has one of another
// changed the number ("a third" for «четверть»).

// proportionPhrase is one phrase of a fraction or a factor: its key ("2/3", "x5") and its words
// (lower case; a word ending in "*" matches the words it begins), or a Chinese substring.
type proportionPhrase struct {
	key   string
	words []string
	han   string
}

var (
	proportionOnce sync.Once
	proportionsBy  map[pipeline.Lang][]proportionPhrase // longest first
	// proportionWords and proportionStems hold per language the longest word of each of its
	// phrases (proportionStems: a "*" word, by what it begins with): a text without one of them
	// has no proportion.
	proportionWords map[pipeline.Lang]map[string]bool
	proportionStems map[pipeline.Lang][]string
)

func proportionPhrases(lang pipeline.Lang) []proportionPhrase {
	proportionOnce.Do(func() {
		proportionsBy = map[pipeline.Lang][]proportionPhrase{}
		for _, line := range lexiconLines("proportions.txt") {
			head, body, ok := strings.Cut(line, ":")
			if !ok {
				continue
			}
			l, key, ok := strings.Cut(strings.TrimSpace(head), " ")
			if !ok {
				continue
			}
			lang := pipeline.Lang(l)
			for _, p := range strings.Split(body, ";") {
				p = strings.TrimSpace(p)
				if p == "" {
					continue
				}
				ph := proportionPhrase{key: key}
				if lang == pipeline.Chinese {
					ph.han = p
				} else {
					for _, w := range strings.Fields(p) {
						ph.words = append(ph.words, foldWord(w))
					}
				}
				proportionsBy[lang] = append(proportionsBy[lang], ph)
			}
		}
		proportionWords, proportionStems = map[pipeline.Lang]map[string]bool{}, map[pipeline.Lang][]string{}
		for lang, ps := range proportionsBy {
			sort.SliceStable(ps, func(i, j int) bool {
				return len(ps[i].words)+len(ps[i].han) > len(ps[j].words)+len(ps[j].han)
			})
			proportionWords[lang] = map[string]bool{}
			for _, p := range ps {
				t := ""
				for _, w := range p.words { // the longest word tells the phrase best
					if len(strings.TrimSuffix(w, "*")) > len(strings.TrimSuffix(t, "*")) {
						t = w
					}
				}
				if stem, ok := strings.CutSuffix(t, "*"); ok {
					if !slices.Contains(proportionStems[lang], stem) {
						proportionStems[lang] = append(proportionStems[lang], stem)
					}
				} else if t != "" {
					proportionWords[lang][t] = true
				}
			}
		}
	})
	return proportionsBy[lang]
}

// proportion is a fraction or factor found in a text: its key and its words as written.
type proportion struct{ key, raw string }

// proportionsIn returns the fractions and factors of text, each word read once: a longer phrase
// takes its words before a shorter one inside it.
func proportionsIn(memo *wordMemo, text string, lang pipeline.Lang) []proportion {
	phrases := proportionPhrases(lang)
	if len(phrases) == 0 {
		return nil
	}
	var out []proportion
	if lang == pipeline.Chinese {
		used := make([]bool, len(text))
		// A phrase is looked for only when the text holds its first character: the phrases
		// begin with a few characters, each looked for once, and most texts hold none of them.
		type firstChar struct {
			r  rune
			in bool
		}
		var looked []firstChar // few: a map would cost more than it saves
		for _, p := range phrases {
			r, _ := utf8.DecodeRuneInString(p.han)
			k := slices.IndexFunc(looked, func(f firstChar) bool { return f.r == r })
			if k < 0 {
				looked = append(looked, firstChar{r, strings.ContainsRune(text, r)})
				k = len(looked) - 1
			}
			if !looked[k].in {
				continue
			}
			for off := 0; ; {
				i := strings.Index(text[off:], p.han)
				if i < 0 {
					break
				}
				s, e := off+i, off+i+len(p.han)
				off = e
				if used[s] || used[e-1] {
					continue
				}
				for k := s; k < e; k++ {
					used[k] = true
				}
				out = append(out, proportion{p.key, p.han})
			}
		}
		return out
	}
	// Most texts have no proportion: the longest word of a phrase must be one of the text's.
	ws, folded := memo.words(text), memo.foldedWords(text)
	maybe := false
	for _, f := range folded {
		maybe = maybe || proportionWords[lang][f] || hasAnyPrefix(f, proportionStems[lang])
	}
	if !maybe {
		return nil
	}
	used := make([]bool, len(ws))
	for _, p := range phrases {
		for i := 0; i+len(p.words) <= len(ws); i++ {
			ok := true
			for k, pw := range p.words {
				x := folded[i+k]
				if used[i+k] || !(x == pw || strings.HasSuffix(pw, "*") && strings.HasPrefix(x, strings.TrimSuffix(pw, "*"))) {
					ok = false
					break
				}
			}
			if !ok {
				continue
			}
			if lang == pipeline.English && strings.Contains(p.key, "/") && i+len(p.words) < len(ws) && enOrdinalNouns[folded[i+len(p.words)]] {
				continue // "for a third year running": the ordinal (#3), no fraction
			}
			for k := range p.words {
				used[i+k] = true
			}
			out = append(out, proportion{p.key, text[ws[i].Start:ws[i+len(p.words)-1].End]})
		}
	}
	return out
}

// changedProportion returns a fraction or factor of the translation that the source does not
// have, when the source has one the translation lacks: the number was changed, not dropped or
// reworded (a source's "a third" may become "33%", which this leaves alone).
func changedProportion(memo *wordMemo, u pipeline.CheckUnit) (string, bool) {
	if u.SourceLang == u.TargetLang {
		return "", false
	}
	tgt := proportionsIn(memo, memo.stripped(u.Target), u.TargetLang)
	if len(tgt) == 0 {
		return "", false
	}
	src := proportionsIn(memo, memo.stripped(u.Source), u.SourceLang)
	if len(src) == 0 {
		return "", false
	}
	inSrc, inTgt := proportionValues(src), proportionValues(tgt)
	lost := false
	for _, p := range src {
		lost = lost || !anyValue(p.key, inTgt)
	}
	if !lost {
		return "", false
	}
	for _, p := range tgt {
		if !anyValue(p.key, inSrc) {
			return p.raw, true
		}
	}
	return "", false
}

// proportionValues returns every value the proportions may have (a key "x3|x4" has two).
func proportionValues(ps []proportion) map[string]bool {
	out := map[string]bool{}
	for _, p := range ps {
		for _, v := range strings.Split(p.key, "|") {
			out[v] = true
		}
	}
	return out
}

// anyValue reports whether one of the values of key is in values.
func anyValue(key string, values map[string]bool) bool {
	for _, v := range strings.Split(key, "|") {
		if values[v] {
			return true
		}
	}
	return false
}
