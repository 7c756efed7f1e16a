package checks

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/pipeline"
)

// A count the source spells out ("three weeks", "сорок новых школ", "үш апта", "三周") is part of
// what the sentence says; a translation that renders it by no number of the same value lost it,
// and lost no more than a word or two. The number check leaves spelled-out numbers alone, as
// "both", "first" or "两国" stand for them freely; the omission check looks only at plain
// cardinals from two up, standing alone (lexicon/cardinals.txt).

var (
	cardinalOnce sync.Once
	cardinalByLg map[pipeline.Lang]map[string]float64
	renderByLg   map[pipeline.Lang]map[string]float64 // the "also" words: in translations only
)

// cardinalWords returns the forms of lexicon/cardinals.txt with their values, per language.
func cardinalWords() map[pipeline.Lang]map[string]float64 {
	cardinalOnce.Do(func() {
		cardinalByLg, renderByLg = map[pipeline.Lang]map[string]float64{}, map[pipeline.Lang]map[string]float64{}
		for _, line := range lexiconLines("cardinals.txt") {
			key, forms, ok := strings.Cut(line, ":")
			if !ok {
				continue
			}
			f := strings.Fields(key)
			if len(f) < 2 {
				continue
			}
			v, err := strconv.ParseFloat(f[1], 64)
			if err != nil {
				continue
			}
			lang, into := pipeline.Lang(f[0]), cardinalByLg
			if len(f) > 2 && f[2] == "also" {
				into = renderByLg
			}
			if into[lang] == nil {
				into[lang] = map[string]float64{}
			}
			for _, w := range strings.Fields(forms) {
				into[lang][w] = v
			}
		}
	})
	return cardinalByLg
}

// countScales are the words that make a cardinal before them part of a larger number.
var countScales = wordSet("hundred hundreds thousand thousands million millions billion billions trillion " +
	"тысяча тысячи тысяч тысячу млн млрд трлн тыс миллион миллиона миллионов миллиард миллиарда миллиардов " +
	"мың миллион миллиард триллион")

// countDeterminers before an English cardinal refer to a set already known ("the two sides"),
// which translations name without the number (стороны, 双方).
var countDeterminers = wordSet("the these those both each every all")

// hanCount matches a Chinese cardinal before a measure word (三周, 十二所, 两枚): the numeral
// standing as a count.
var hanCount = regexp.MustCompile(`[一二两三四五六七八九十]+(?:个月|个|名|家|所|座|周|年|天|次|位|条|项|枚|架|种|辆|列|艘|台|只|头|公里|米|小时|分钟|岁|国|省|星期|人)`)

// spelledCounts returns the source's spelled-out cardinals of value two or more that stand
// alone: not next to another number, a digit or a scale word, not joined by a hyphen (a
// "three-year plan" is трёхлетний), not after an English determiner, not a factor (екі есе).
func spelledCounts(s string, lang pipeline.Lang, memo *wordMemo) []number {
	if lang == pipeline.Chinese {
		var out []number
		for _, m := range hanCount.FindAllStringIndex(s, -1) {
			if m[0] > 0 {
				prev := lastRune(s[:m[0]])
				if prev == '第' || unicode.IsDigit(prev) || strings.ContainsRune("百千万亿零", prev) {
					continue
				}
				if prev == '数' || prev == '几' {
					continue // 数十人, 几百家: "dozens", "hundreds", no count to keep
				}
				if s[m[0]:m[1]] == "两国" && (hanAbbrevBefore(s[:m[0]]) || hanCountriesIn(s[:m[0]]) >= 2) {
					// 中哈两国, or 两国 after "中国与塔吉克斯坦": the two countries just named,
					// which a translation calls "they", «стороны», or names again.
					continue
				}
			}
			for _, n := range hanNumerals(s[m[0]:m[1]]) {
				if n.value >= 2 {
					out = append(out, n)
				}
				break
			}
		}
		return out
	}
	table := cardinalWords()[lang]
	if table == nil {
		return nil
	}
	ws, fws := memo.words(s), memo.foldedWords(s)
	var out []number
	for i := 0; i < len(ws); i++ {
		if _, ok := table[fws[i]]; !ok {
			continue
		}
		// A run of cardinals is one number: он екі (12), twenty five, три… (сто двадцать).
		j, v := cardinalRun(s, ws, fws, i, table)
		first, last := ws[i], ws[j-1]
		skip := v < 2
		if i > 0 {
			p := fws[i-1]
			// "Three of the eleven parks": after "of the", the count of the whole a part is taken
			// from is no set already known but a number the sentence turns on.
			partOf := p == "the" && i > 1 && fws[i-2] == "of"
			skip = skip || countScales[p] || lang == pipeline.English && countDeterminers[p] && !partOf ||
				strings.TrimSpace(s[ws[i-1].End:first.Start]) == "-"
		}
		if j < len(ws) {
			n := fws[j]
			skip = skip || countScales[n] || strings.HasPrefix(n, "hundred") || strings.TrimSpace(s[last.End:ws[j].Start]) == "-" ||
				multiplier(n)
		}
		if first.Start > 0 && strings.ContainsAny(lastRuneString(s[:first.Start]), "-0123456789") ||
			last.End < len(s) && strings.ContainsRune("-0123456789", firstRune(s[last.End:])) {
			skip = true
		}
		if !skip {
			out = append(out, number{value: v, raw: s[first.Start:last.End], word: true})
		}
		i = j - 1
	}
	return out
}

// runOnes are the words for one, which the cardinals leave out, that end a run of cardinals.
var runOnes = wordSet("one бір один одна одно")

// cardinalRun reads the cardinals of ws from i on, separated by spaces only, as one number: it
// returns the index after the run and its value. A hundred multiplies what came before it (үш
// жүз, three hundred); other cardinals add up (он екі, twenty five).
func cardinalRun(s string, ws []word, fws []string, i int, table map[string]float64) (int, float64) {
	cur := 0.0
	j := i
	for ; j < len(ws); j++ {
		lw := fws[j]
		if j > i && strings.TrimSpace(s[ws[j-1].End:ws[j].Start]) != "" {
			break
		}
		v, ok := table[lw]
		switch {
		case ok && v == 100 && j > i:
			cur = max(cur, 1) * v
		case ok:
			cur += v
		case j > i && (strings.HasPrefix(lw, "hundred") || strings.HasPrefix(lw, "жүз")):
			cur = max(cur, 1) * 100 // үш жүзден: the scale word takes the case ending
		case j > i && runOnes[lw] && cur >= 10 && int(cur)%10 == 0:
			cur++ // он бір, twenty one: "one" is no count alone, but it ends a run
		default:
			return j, cur
		}
	}
	return j, cur
}

// multiplier reports a word that makes the cardinal before it a factor ("two times", «в два
// раза», «екі есе»), which translations render as "twice", "halved", «вдвое», 翻一番.
func multiplier(w string) bool {
	return w == "times" || strings.HasPrefix(w, "раз") || strings.HasPrefix(w, "есе")
}

// countValues returns the values the numbers of s stand for: every number the number check reads
// (digits and words), the cardinals of lexicon/cardinals.txt, and runs of cardinals read as one
// number (он екі = 12, three hundred = 300).
func countValues(s string, lang pipeline.Lang, memo *wordMemo) map[float64]bool {
	out := map[float64]bool{}
	for _, n := range memo.numbers(s, lang) {
		out[n.value] = true
	}
	table := cardinalWords()[lang]
	if table == nil {
		return out
	}
	ws, fws := memo.words(s), memo.foldedWords(s)
	also := renderByLg[lang]
	for i := 0; i < len(ws); i++ {
		v, ok := table[fws[i]]
		if !ok {
			if v, ok := also[fws[i]]; ok {
				out[v] = true
			}
			if lang == pipeline.Russian {
				ruCompoundCount(fws[i], table, out)
			}
			if lang == pipeline.Kazakh {
				kkCollectiveCount(fws[i], out)
			}
			continue
		}
		out[v] = true
		j, run := cardinalRun(s, ws, fws, i, table)
		out[run] = true
		for k := i + 1; k < j; k++ {
			if v, ok := table[fws[k]]; ok {
				out[v] = true
			}
		}
		i = j - 1
	}
	return out
}

// kkCollectives are the stems of the Kazakh collective numerals, which take possessive and case
// endings: алтауында "in six of them", екеуі "both", үшеуін.
var kkCollectives = map[string]float64{"екеу": 2, "үшеу": 3, "төртеу": 4, "бесеу": 5, "алтау": 6, "жетеу": 7, "сегізеу": 8, "тоғызау": 9, "онау": 10}

// kkCollectiveCount adds the value of a Kazakh collective numeral in any form: it renders the
// count of the source ("six of the last ten winters", соңғы он қыстың алтауында).
func kkCollectiveCount(w string, out map[float64]bool) {
	for stem, v := range kkCollectives {
		if strings.HasPrefix(w, stem) {
			out[v] = true
			return
		}
	}
}

// ruCompoundCount adds the value of a Russian compound that begins with a cardinal in the
// genitive (восьмидесятилетний, трёхэтажный, пятилетка): it renders the count of the source.
func ruCompoundCount(w string, table map[string]float64, out map[float64]bool) {
	for n := len(w) - 6; n >= 6; n-- { // at least three letters after a form of at least three
		if !utf8.RuneStart(w[n]) {
			continue
		}
		if v, ok := table[w[:n]]; ok {
			out[v] = true
			return
		}
	}
}

// lostCounts lists the spelled-out counts of the source that no number of the translation
// renders.
func lostCounts(u pipeline.CheckUnit, memo *wordMemo) []string {
	if memo == nil {
		return readLostCounts(u, memo)
	}
	if !memo.hasLostCounts {
		memo.lostCounts, memo.hasLostCounts = readLostCounts(u, memo), true
	}
	return memo.lostCounts[:len(memo.lostCounts):len(memo.lostCounts)] // an append copies
}

// readLostCounts is lostCounts without the memo.
func readLostCounts(u pipeline.CheckUnit, memo *wordMemo) []string {
	src := spelledCounts(memo.stripped(u.Source), u.SourceLang, memo)
	if len(src) == 0 {
		return nil
	}
	tgt := countValues(memo.stripped(u.Target), u.TargetLang, memo)
	var out []string
	for _, n := range src {
		if !tgt[n.value] {
			out = append(out, n.raw)
		}
	}
	return out
}

func lastRune(s string) rune {
	rs := []rune(s)
	if len(rs) == 0 {
		return 0
	}
	return rs[len(rs)-1]
}

func lastRuneString(s string) string {
	if r := lastRune(s); r != 0 {
		return string(r)
	}
	return ""
}

// hanCountriesIn counts the countries of lexicon/names.txt that Chinese text names by a form of
// two characters or more.
func hanCountriesIn(s string) int {
	n := 0
	for _, name := range names() {
		if !isCountry(name) {
			continue
		}
		for _, f := range name[pipeline.Chinese] {
			if utf8.RuneCountInString(f) >= 2 && !strings.HasPrefix(f, "~") && strings.Contains(s, f) {
				n++
				break
			}
		}
	}
	return n
}

// hanAbbrevBefore reports a text that ends on a one-character abbreviation of a country of
// lexicon/names.txt (中哈, 中俄): the names of a pair.
func hanAbbrevBefore(s string) bool {
	loadHanAbbrevs()
	r, _ := utf8.DecodeLastRuneInString(s)
	return hanAbbrevs[r]
}
