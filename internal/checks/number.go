package checks

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/pipeline"
)

// checkNumber compares the numbers of source and translation by value, so that format and
// wording may differ: 1,000.5 = 1 000,5; $41 billion = 41 млрд долларов = 410亿美元; June 2023 =
// июнь 2023 г. = 2023年6月; 75th = 75-летие = 75周年. Every number written in digits on one side
// needs its value on the other, in digits or spelled out ("5 countries" / "пяти стран" /
// "五国"); spelled-out numbers alone are never required, because translators write "both",
// "first" or "两国" freely. Months are compared as months. Percent signs, currency and signs are
// not compared: 45% = 45 процентов.
func checkNumber(u pipeline.CheckUnit, opts *Options) []pipeline.Finding {
	src := opts.wordMemo().numbers(u.Source, u.SourceLang)
	tgt := opts.wordMemo().numbers(u.Target, u.TargetLang)
	if len(src) == 0 && len(tgt) == 0 {
		return proportionFindings(nil, u, opts)
	}
	var out []pipeline.Finding
	srcUsed := make([]bool, len(src))
	tgtUsed := make([]bool, len(tgt))
	// Numbers are paired through queues by value, so that the work grows with the count of
	// numbers, not with its square: each side takes the first unused number of the other side
	// with the same value, in text order.
	tgtBy := numQueues{}
	for j, t := range tgt {
		tgtBy.add(t, j)
	}
	srcWords := numQueues{}
	for i, s := range src {
		if s.word {
			srcWords.add(s, i)
		}
	}
	// Digits against digits first, with a multiplier's or a unit's other values (alts) on either
	// side next, then against spelled-out numbers, with alts last.
	for pass := 0; pass < 4; pass++ {
		for i, s := range src {
			if srcUsed[i] || s.word {
				continue
			}
			if j, ok := tgtBy.takeAny(s, pass, tgtUsed); ok {
				srcUsed[i], tgtUsed[j] = true, true
			}
		}
		if pass == 0 {
			continue
		}
		for j, t := range tgt {
			if tgtUsed[j] || t.word {
				continue
			}
			if i, ok := srcWords.takeAny(t, pass, srcUsed); ok {
				srcUsed[i], tgtUsed[j] = true, true
			}
		}
	}
	// A name's number left unmatched on one side while the other has no number left over was
	// said without it ("COVID-19" for 新冠); with one left over, it was changed (ГЭС-1, ГЭС-2).
	leftover := func(ns []number, used []bool) bool {
		for i, n := range ns {
			if !used[i] && !n.word {
				return true
			}
		}
		return false
	}
	srcLeft, tgtLeft := leftover(src, srcUsed), leftover(tgt, tgtUsed)
	var srcRunes []rune // the source as digitNumbers read it, when needed
	for i, s := range src {
		if srcUsed[i] || s.word {
			continue
		}
		if srcRunes == nil && !tgtLeft {
			srcRunes = []rune(foldDigits(opts.wordMemo().stripped(u.Source)))
		}
		if !tgtLeft && inNameNumber(srcRunes, s) && !namedIn(nameBeforeNumber(srcRunes, s), u.Target) {
			continue // "COVID-19", «ГЭС-1»: a name the translation may give otherwise (коронавирус)
		}
		if s.month {
			out = append(out, newFinding(CheckNumber, "check.number.month_missing", map[string]any{"Month": int(s.value), "Number": s.raw}))
		} else {
			out = append(out, newFinding(CheckNumber, "check.number.missing", map[string]any{"Number": s.raw}))
		}
	}
	var quoted [][2]int // rune spans of quoted names in the translation, found when needed
	var tgtRunes []rune // the translation as digitNumbers read it, when needed
	for j, t := range tgt {
		if tgtUsed[j] || t.word {
			continue
		}
		if quoted == nil {
			quoted = runeSpans(opts.wordMemo().stripped(u.Target), quotedNumberNames(opts.wordMemo().stripped(u.Target)))
		}
		if t.end > 0 && inSpans(quoted, t.end-1) {
			continue // a name in quotation marks («11.11», «Стратегия-2050»), which the source may say in words
		}
		if tgtRunes == nil && !srcLeft {
			tgtRunes = []rune(foldDigits(opts.wordMemo().stripped(u.Target)))
		}
		if !srcLeft && inNameNumber(tgtRunes, t) && !namedIn(nameBeforeNumber(tgtRunes, t), u.Source) {
			continue // "COVID-19" for 新冠: a name, which the source may give otherwise
		}
		if t.value == 1 && !t.month && len(out) == 0 {
			// "1美元兑525坚戈" for «525 тенге за доллар»: a language that writes the one out,
			// where the source says "a", "per" or nothing. (With a number of the source
			// missing, the 1 may be what it was changed to: 1.1 billion → 1 billion.)
			continue
		}
		if t.month {
			out = append(out, newFinding(CheckNumber, "check.number.month_extra", map[string]any{"Month": int(t.value), "Number": t.raw}))
		} else {
			out = append(out, newFinding(CheckNumber, "check.number.extra", map[string]any{"Number": t.raw}))
		}
	}
	return proportionFindings(out, u, opts)
}

// inNameNumber reports a number in digits that a name carries after a hyphen ("COVID-19",
// «ГЭС-1», "Ту-154"): the name's, which a translation may give without it. rs is the text the
// number was read from.
func inNameNumber(rs []rune, n number) bool {
	if n.end <= 0 || n.end > len(rs) || n.word {
		return false
	}
	i := n.end
	for i > 0 && isDigit(rs[i-1]) {
		i--
	}
	if i == n.end || n.end < len(rs) && (unicode.IsLetter(rs[n.end]) || isDigit(rs[n.end])) {
		return false
	}
	return i >= 2 && (rs[i-1] == '-' || rs[i-1] == '‐') && unicode.IsLetter(rs[i-2])
}

// nameBeforeNumber returns the word before the hyphen of a name's number (inNameNumber):
// "COVID" of "COVID-19".
func nameBeforeNumber(rs []rune, n number) string {
	i := n.end
	for i > 0 && isDigit(rs[i-1]) {
		i--
	}
	end := i - 1 // the hyphen
	start := end
	for start > 0 && unicode.IsLetter(rs[start-1]) {
		start--
	}
	return string(rs[start:end])
}

// namedIn reports whether text names what name names, written in its script or another
// (Kambarata, Камбаратинской: their consonants, nameSkeleton, agree). A name with fewer
// consonants than that compares (ГЭС, TALCO's acronyms) is not looked for.
func namedIn(name, text string) bool {
	sk := nameSkeleton(name)
	if len(sk) < minNameConsonants {
		return false
	}
	// (A hyphenated name is one word: Қамбар-Ата is Kambarata.)
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
		if strings.HasPrefix(nameSkeleton(w), sk) {
			return true
		}
	}
	return false
}

// runeSpans converts byte spans of s into rune spans.
func runeSpans(s string, spans [][2]int) [][2]int {
	out := make([][2]int, 0, len(spans)+1)
	for _, sp := range spans {
		out = append(out, [2]int{utf8.RuneCountInString(s[:sp[0]]), utf8.RuneCountInString(s[:sp[1]])})
	}
	return append(out, [2]int{-1, -1}) // never empty: found once
}

// proportionFindings appends to out a fraction or factor in words of another value than the
// source's: «втрое» for "twice", "a quarter" for «треть» (changedProportion); and a spelled-out
// count that replaced the source's (changedCount).
func proportionFindings(out []pipeline.Finding, u pipeline.CheckUnit, opts *Options) []pipeline.Finding {
	if raw, ok := changedProportion(opts.wordMemo(), u); ok {
		out = append(out, newFinding(CheckNumber, "check.number.extra", map[string]any{"Number": raw}))
	} else if raw, ok := changedCount(opts.wordMemo(), u); ok {
		out = append(out, newFinding(CheckNumber, "check.number.extra", map[string]any{"Number": raw}))
	}
	return out
}

// changedCount returns a spelled-out count of the translation ("three weeks", «восемь пусков»,
// 十二天, a Russian compound such as «трёхлетний») when the translation renders a spelled-out count of the source by no number of its
// value and the source has no number of this one's: the count was changed, not dropped (the
// omission check's lostCounts) nor reworded.
func changedCount(memo *wordMemo, u pipeline.CheckUnit) (string, bool) {
	if memo == nil {
		return readChangedCount(memo, u)
	}
	if !memo.hasChanged {
		memo.changed, _ = readChangedCount(memo, u)
		memo.hasChanged = true
	}
	return memo.changed, memo.changed != ""
}

// readChangedCount is changedCount without the memo.
func readChangedCount(memo *wordMemo, u pipeline.CheckUnit) (string, bool) {
	if u.SourceLang == u.TargetLang {
		return "", false
	}
	lost := len(lostCounts(u, memo)) > 0
	if scaled := scaledCounts(memo, u.Source, u.SourceLang); !lost && len(scaled) > 0 {
		tgt := countValues(memo.stripped(u.Target), u.TargetLang, memo)
		for _, n := range scaled {
			lost = lost || !tgt[n.value]
		}
	}
	if !lost {
		return "", false
	}
	src := countValues(memo.stripped(u.Source), u.SourceLang, memo)
	for _, n := range spelledCounts(memo.stripped(u.Target), u.TargetLang, memo) {
		if !src[n.value] {
			return n.raw, true
		}
	}
	for _, n := range scaledCounts(memo, u.Target, u.TargetLang) {
		if !src[n.value] {
			return n.raw, true
		}
	}
	if u.TargetLang == pipeline.Russian {
		// A compound that begins with a count: трёхлетний for "five-year".
		table := cardinalWords()[pipeline.Russian]
		for _, w := range memo.words(memo.stripped(u.Target)) {
			vals := map[float64]bool{}
			ruCompoundCount(foldWord(w.Text), table, vals)
			for v := range vals {
				if v >= 2 && !src[v] {
					return w.Text, true
				}
			}
		}
	}
	return "", false
}

// numKey is what two numbers must share to stand for each other.
type numKey struct {
	month, word bool
	value       string // the value to 12 significant digits (see keyOf)
}

// keyOf is the key of n, as a spelled-out number (word) or in digits. Values are compared to 12
// significant digits: floating-point scaling (1.2 × 10⁴ × 10⁸ against 1.2 × 10¹²) differs far
// below that, and texts do not write numbers that differ only beyond it.
func keyOf(n number, word bool) numKey {
	return numKey{month: n.month, word: word, value: strconv.FormatFloat(n.value, 'g', 12, 64)}
}

// numQueues holds, per key, the indexes of the numbers with that key in text order; a number
// with other values (alts) is also held under each of them, marked with "~".
type numQueues map[numKey][]int

func (q numQueues) add(n number, i int) {
	k := keyOf(n, n.word)
	q[k] = append(q[k], i)
	for _, a := range n.alts {
		ka := keyOf(number{value: a}, n.word)
		ka.value = "~" + ka.value
		q[ka] = append(q[ka], i)
	}
}

// takeAny takes the number that answers n in a pass: 0 compares digits with digits, 1 digits
// with the other values of multipliers and units (alts) on either side, 2 with spelled-out
// numbers too, 3 spelled-out numbers with alts. A number in digits with a unit is answered by the
// same quantity in another unit (1 GW = 100万千瓦) before a spelled-out one of its value, which is
// most often an article (一家, «одна из»).
func (q numQueues) takeAny(n number, pass int, used []bool) (int, bool) {
	switch pass {
	case 0:
		return q.take(keyOf(n, false), used)
	case 2:
		return q.take(keyOf(n, true), used)
	}
	words := []bool{false, true}
	if pass == 1 {
		words = words[:1]
	}
	for _, word := range words {
		for _, a := range n.alts {
			if i, ok := q.take(keyOf(number{value: a}, word), used); ok {
				return i, true
			}
			ka := keyOf(number{value: a}, word) // both converted: 1.2 GW and 1 200 MW
			ka.value = "~" + ka.value
			if i, ok := q.take(ka, used); ok {
				return i, true
			}
		}
		ka := keyOf(n, word)
		ka.value = "~" + ka.value
		if i, ok := q.take(ka, used); ok {
			return i, true
		}
	}
	return 0, false
}

// take returns the first index with key k that is not used yet. Used indexes are dropped as they
// are met, so all calls together cost no more than the indexes held.
func (q numQueues) take(k numKey, used []bool) (int, bool) {
	idx, ok := q[k]
	if !ok {
		return 0, false
	}
	for len(idx) > 0 && used[idx[0]] {
		idx = idx[1:]
	}
	q[k] = idx
	if len(idx) == 0 {
		return 0, false
	}
	return idx[0], true
}

// scaledCounts are the spelled-out numbers of an English or Russian s that begin with a cardinal
// of lexicon/cardinals.txt and end with a scale word: «два миллиона», "three million". (Kazakh
// runs of cardinals before a scale, он сегіз миллиард, are read by countValues only.)
func scaledCounts(memo *wordMemo, s string, lang pipeline.Lang) []number {
	if lang != pipeline.English && lang != pipeline.Russian {
		return nil
	}
	table := cardinalWords()[lang]
	var out []number
	for _, n := range memo.numbers(memo.stripped(s), lang) {
		if _, ok := table[foldWord(n.raw)]; ok && n.word && !n.month && n.value >= 1000 {
			out = append(out, n)
		}
	}
	return out
}
