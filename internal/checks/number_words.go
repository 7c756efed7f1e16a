package checks

import (
	"math"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/pipeline"
)

// Spelled-out numbers that may stand for digits of the other text. English and Chinese need exact
// words; Russian and Kazakh forms are matched by prefix, which covers their inflection.
var (
	enNumberWords = map[string]float64{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
		"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
		"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
		"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
		"ninety": 90, "hundred": 100, "dozen": 12, "first": 1, "second": 2, "third": 3, "fourth": 4,
		"fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "twice": 2,
		"both": 2, "single": 1, "half": 0.5, "once": 1, "thrice": 3, "twentieth": 20, "hundredth": 100}
	ruNumberStems = []struct {
		stem  string
		value float64
	}{
		// The teens and tens first: their stems begin with the units' (восемнадцать, восемь).
		{"полтораст", 150}, {"полтор", 1.5}, {"тринадцат", 13}, {"четырнадцат", 14}, {"шестнадцат", 16}, {"семнадцат", 17}, {"восемнадцат", 18},
		{"девятнадцат", 19}, {"шестьдесят", 60}, {"шестидесят", 60}, {"семьдесят", 70}, {"семидесят", 70},
		{"восемьдесят", 80}, {"восьмидесят", 80}, {"девяност", 90},
		{"один", 1}, {"одн", 1}, {"перв", 1}, {"два", 2}, {"две", 2}, {"двух", 2}, {"двум", 2}, {"втор", 2},
		{"оба", 2}, {"обе", 2}, {"обо", 2}, {"три", 3}, {"трех", 3}, {"трем", 3}, {"трет", 3},
		{"четыр", 4}, {"четвер", 4}, {"пят", 5}, {"шест", 6}, {"сем", 7}, {"седьм", 7}, {"восем", 8},
		{"восьм", 8}, {"девят", 9}, {"десят", 10}, {"одиннадцат", 11}, {"двенадцат", 12},
		{"пятнадцат", 15}, {"двадцат", 20}, {"тридцат", 30}, {"сорок", 40}, {"пятьдесят", 50},
		{"сто", 100}, {"ста", 100}, {"сот", 100}, {"дважды", 2}, {"трижды", 3}, {"половин", 0.5},
		{"пятерк", 5}, {"шестерк", 6}, {"двадцатк", 20}, {"двусторон", 2}, {"трехсторон", 3},
	}
	kkNumberStems = []struct {
		stem  string
		value float64
	}{
		{"бір", 1}, {"екі", 2}, {"екеу", 2}, {"үш", 3}, {"төрт", 4}, {"бес", 5}, {"алты", 6}, {"жеті", 7},
		{"сегіз", 8}, {"тоғыз", 9}, {"он", 10}, {"жиырма", 20}, {"отыз", 30}, {"қырық", 40},
		{"елу", 50}, {"алпыс", 60}, {"жетпіс", 70}, {"сексен", 80}, {"тоқсан", 90}, {"жүз", 100},
		{"жарты", 0.5}, {"жартысы", 0.5}, {"қос", 2},
	}
	enMonths = map[string]float64{"january": 1, "february": 2, "march": 3, "april": 4, "may": 5,
		"june": 6, "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
		"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
		"nov": 11, "dec": 12}
	ruMonthStems = []struct {
		stem  string
		value float64
	}{{"январ", 1}, {"феврал", 2}, {"март", 3}, {"апрел", 4}, {"мая", 5}, {"май", 5}, {"мае", 5}, {"маю", 5},
		{"июн", 6}, {"июл", 7}, {"август", 8}, {"сентябр", 9}, {"октябр", 10}, {"ноябр", 11}, {"декабр", 12}}
	kkMonthStems = []struct {
		stem  string
		value float64
		loose bool // also a common word (маусым "season", қазан "cauldron", Наурыз the holiday)
	}{{"қаңтар", 1, false}, {"ақпан", 2, false}, {"наурыз", 3, true}, {"сәуір", 4, false}, {"мамыр", 5, false},
		{"маусым", 6, true}, {"шілде", 7, false}, {"тамыз", 8, false}, {"қыркүйек", 9, false},
		// A final к is voiced before a vowel: қыркүйек+і+нде → қыркүйегінде.
		{"қыркүйег", 9, false}, {"қазан", 10, true},
		{"қараша", 11, false}, {"желтоқсан", 12, false}}
)

// The stem lists indexed by their first letter, in list order: a word is compared only with the
// stems it could begin with.
var (
	ruNumberByInitial = byInitial(len(ruNumberStems), func(i int) string { return ruNumberStems[i].stem })
	ruMonthByInitial  = byInitial(len(ruMonthStems), func(i int) string { return ruMonthStems[i].stem })
	kkNumberByInitial = byInitial(len(kkNumberStems), func(i int) string { return kkNumberStems[i].stem })
	kkMonthByInitial  = byInitial(len(kkMonthStems), func(i int) string { return kkMonthStems[i].stem })
)

func byInitial(n int, stem func(int) string) map[rune][]int {
	m := map[rune][]int{}
	for i := 0; i < n; i++ {
		r := firstRune(stem(i))
		m[r] = append(m[r], i)
	}
	return m
}

// wordNumbers finds spelled-out numbers, Roman and Chinese numerals (all with word set) and month
// names (with month set) in a text of the given language. Month names count only where they
// are a month: English "May" only before or after a number or a preposition, Kazakh words that
// are also common nouns only next to a number, "жыл…" or "ай…".
func wordNumbers(text string, lang pipeline.Lang, memo *wordMemo) []number {
	clean := memo.stripped(text)
	ws := memo.words(clean)
	var out []number
	// A scale word after a spelled-out number multiplies it, as after digits: восемнадцать
	// миллиардов = 18 000 000 000 = 180亿.
	scaled := func(n number, idx int) number {
		if n.word && !n.month {
			n = halfAndTimes(n, clean, ws, idx, lang)
		}
		if idx+1 < len(ws) && n.word && !n.month && lang == pipeline.Kazakh && n.value >= 2 && n.value <= 9 &&
			strings.HasPrefix(foldWord(ws[idx+1].Text), "жүз") && strings.TrimSpace(clean[ws[idx].End:ws[idx+1].Start]) == "" {
			// Kazakh hundreds are the units before жүз: екі жүз 200, үш жүздікке "into the top 300".
			n.value *= 100
		}
		if idx+1 < len(ws) && n.word && !n.month {
			next := foldWord(ws[idx+1].Text)
			for _, sc := range scalePrefixes {
				if strings.HasPrefix(next, sc.prefix) && strings.TrimSpace(clean[ws[idx].End:ws[idx+1].Start]) == "" {
					n.value *= sc.mult
					break
				}
			}
		}
		return n
	}
	skip := -1 // the units word of an English number written with a hyphen, read with its tens
	for idx, w := range ws {
		lw := foldWord(w.Text)
		if v, ok := bareScale(clean, ws, idx, lw); ok {
			// "over a million passengers", «превысил миллион»: the scale word alone is one of it.
			out = append(out, number{value: v, raw: w.Text, word: true})
			continue
		}
		if v, ok := wordFraction(ws, idx, lw, lang); ok {
			// A fraction may stand for a percentage of the other text: a quarter, 25%.
			out = append(out, number{value: v, raw: w.Text, word: true, alts: []float64{math.Round(v * 100)}})
		}
		if v, ok := romanValue(w.Text); ok {
			out = append(out, number{value: v, raw: w.Text, word: true})
			continue
		}
		switch lang {
		case pipeline.English:
			if v, ok := enNumberWords[lw]; ok {
				if idx+1 < len(ws) && v >= 20 && v <= 90 && clean[w.End:ws[idx+1].Start] == "-" {
					// "Twenty-three hotels": a number from 21 to 99 is written with a hyphen.
					if u := enNumberWords[foldWord(ws[idx+1].Text)]; u >= 1 && u <= 9 {
						out = append(out, scaled(number{value: v + u, raw: clean[w.Start:ws[idx+1].End], word: true}, idx+1))
						skip = idx + 1
						continue
					}
				}
				if idx != skip {
					out = append(out, scaled(number{value: v, raw: w.Text, word: true}, idx))
				}
			}
			if v, ok := enMonths[lw]; ok && isUpperInitial(w.Text) && enMonthContext(clean, ws, idx, lw) {
				out = append(out, number{value: v, raw: w.Text, month: true})
			}
		case pipeline.Russian:
			for _, i := range ruNumberByInitial[firstRune(lw)] {
				s := ruNumberStems[i]
				// сто and ста are whole words: станции, стали, статья are no hundreds.
				if strings.HasPrefix(lw, s.stem) && len([]rune(lw)) <= len([]rune(s.stem))+6 && (s.value != 100 || s.stem == "сот" || lw == s.stem) {
					out = append(out, scaled(number{value: s.value, raw: w.Text, word: true}, idx))
					break
				}
			}
			for _, i := range ruMonthByInitial[firstRune(lw)] {
				s := ruMonthStems[i]
				// The stems of май are whole words (мая, but not маяка, "lighthouse").
				if strings.HasPrefix(lw, s.stem) && (len(s.stem) > 6 || lw == s.stem || s.value != 5 && len([]rune(lw)) <= len([]rune(s.stem))+2) {
					out = append(out, number{value: s.value, raw: w.Text, month: true})
					break
				}
			}
		case pipeline.Kazakh:
			for _, i := range kkNumberByInitial[firstRune(lw)] {
				s := kkNumberStems[i]
				if strings.HasPrefix(lw, s.stem) {
					out = append(out, scaled(number{value: s.value, raw: w.Text, word: true}, idx))
					break
				}
			}
			for _, i := range kkMonthByInitial[firstRune(lw)] {
				s := kkMonthStems[i]
				if !strings.HasPrefix(lw, s.stem) {
					continue
				}
				// A month name that is also a common noun or a name (маусым "season", Наурыз the
				// spring feast) is a sure month only before "ай" (month), after "жыл…" (year), after
				// a day (15 маусымда) or in the case of a point in time (наурызда, in March), and
				// not capitalised inside a sentence. Elsewhere (маусымның соңында "at the end of June",
				// 2022/23 маусымында "in the 2022/23 season") the check cannot tell, so the word may
				// answer a month of the other text but is never required there, as a spelled-out
				// number is not.
				// After an adjective of time other than a year's (қысқы маусымда "in the winter
				// season", егін маусымы) such a word is the common noun.
				n := number{value: s.value, raw: w.Text, month: true}
				if s.loose && (isUpperInitial(w.Text) && !sentenceStart(clean, w.Start) || kkSeasonAdjective(ws, idx) ||
					!kkMonthContext(clean, ws, idx) && !kkTimeCase(strings.TrimPrefix(lw, s.stem))) {
					n.word = true
				}
				out = append(out, n)
				break
			}
		case pipeline.Chinese:
			out = append(out, hanNumerals(w.Text)...)
		}
	}
	if n, ok := roundTheClock(clean, lang); ok {
		out = append(out, n)
	}
	if lang == pipeline.Chinese && strings.Contains(clean, "月") { // every match holds 月
		out = append(out, hanMonths(clean)...)
	}
	return out
}

// hanMonthRe matches a month written in Chinese numerals: 七月, 十二月 (not 五月份's digits,
// which the digit scanner reads, nor a count of months, 七个月).
var hanMonthRe = regexp.MustCompile(`(十[一二]|[一二三四五六七八九十])月`)

var hanMonthValues = map[string]float64{"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
	"九": 9, "十": 10, "十一": 11, "十二": 12}

// hanMonths finds the months of Chinese text written in Chinese numerals.
func hanMonths(s string) []number {
	var out []number
	for _, m := range hanMonthRe.FindAllStringSubmatchIndex(s, -1) {
		if m[0] > 0 {
			if r, _ := utf8.DecodeLastRuneInString(s[:m[0]]); strings.ContainsRune("一二三四五六七八九十百千零〇几第个", r) {
				continue // part of a longer numeral or a count
			}
		}
		out = append(out, number{value: hanMonthValues[s[m[2]:m[3]]], raw: s[m[0]:m[1]], month: true})
	}
	return out
}

// kkTimeCase reports the endings that put a month name in time: the locative (наурызда, in
// March) and the ablative and dative of a span (наурыздан, мамырға дейін).
func kkTimeCase(ending string) bool {
	switch ending {
	case "да", "де", "та", "те", "нда", "нде", "дан", "ден", "тан", "тен", "нан", "нен", "ға", "ге", "қа", "ке", "на", "не":
		return true
	}
	return false
}

// sentenceStart reports a word at the start of the text or of a sentence.
func sentenceStart(s string, start int) bool {
	before := strings.TrimRightFunc(s[:start], func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("«\"“(", r) })
	if before == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(before)
	return strings.ContainsRune(".!?…", r)
}

// enMonthContext tells a month name from other words: "May" needs a number or a preposition
// next to it; the other names always count.
func enMonthContext(clean string, ws []word, idx int, lw string) bool {
	if lw != "may" && lw != "march" {
		return true
	}
	if isUpperInitial(ws[idx].Text) && !sentenceStart(clean, ws[idx].Start) {
		return true // capitalised inside a sentence: the month ("as early as March"), not the verb
	}
	if idx > 0 {
		switch strings.ToLower(ws[idx-1].Text) {
		case "in", "of", "since", "until", "by", "early", "late", "mid", "from", "to", "before", "after", "last", "next", "this":
			return true
		}
	}
	return digitNear(clean, ws[idx].Start, ws[idx].End)
}

// kkSeasonAdjective reports a word after a modifier that makes маусым "season", not June: an
// adjective of time in -ғы, -гі, -қы, -кі that is no year's (қысқы, жазғы, күзгі, but not 2023
// жылғы) or a participle (шегіртке шығатын маусымда, in the season when locusts hatch). A
// month's name takes neither: "in June" is said with a year or a day, never with a clause
// before it. (Adjectives in -лық, туристік маусым, are left out: nouns end so too, and
// «Ынтымақтастық маусымда күшейді» is June.)
func kkSeasonAdjective(ws []word, idx int) bool {
	if idx == 0 {
		return false
	}
	prev := strings.ToLower(ws[idx-1].Text)
	if strings.HasPrefix(prev, "жыл") || utf8.RuneCountInString(prev) < 4 {
		return false
	}
	for _, e := range []string{"ғы", "гі", "қы", "кі", "атын", "етін", "йтын", "йтін", "ытын", "ітін"} {
		if strings.HasSuffix(prev, e) {
			return true
		}
	}
	return false
}

// kkMonthContext accepts an ambiguous Kazakh month name before "ай…" (month), after "жыл…"
// (year) or after a day of one or two digits (15 маусымда, not 2022/23 маусымында).
func kkMonthContext(clean string, ws []word, idx int) bool {
	if idx+1 < len(ws) && strings.HasPrefix(strings.ToLower(ws[idx+1].Text), "ай") {
		return true
	}
	if idx > 0 && strings.HasPrefix(strings.ToLower(ws[idx-1].Text), "жыл") {
		return true
	}
	before := strings.TrimRight(clean[:ws[idx].Start], " \u00a0")
	d := len(before)
	for d > 0 && isDigit(rune(before[d-1])) {
		d--
	}
	if n := len(before) - d; n == 0 || n > 2 {
		return false
	}
	return d == 0 || !strings.ContainsRune("0123456789/.,-–", rune(before[d-1]))
}

// digitNear reports whether a digit stands within a few characters before start or after end.
func digitNear(s string, start, end int) bool {
	before := s[max(0, start-4):start]
	after := s[end:min(len(s), end+4)]
	return strings.ContainsAny(before+after, "0123456789")
}

// romanValue reads an upper-case Roman numeral of two letters or more (XXI, IV); Cyrillic Х and
// І typed in place of Latin letters are accepted. Single letters are left alone: "I", "C".
func romanValue(w string) (float64, bool) {
	if len(w) < 2 || romanDigit(firstRune(w)) == 0 {
		return 0, false // most words: no conversion, no look-up
	}
	rs := []rune(w)
	if len(rs) < 2 || len(rs) > 8 {
		return 0, false
	}
	total := 0
	for i, r := range rs {
		v := romanDigit(r)
		if v == 0 {
			return 0, false
		}
		if i+1 < len(rs) && romanDigit(rs[i+1]) > v {
			total -= v
		} else {
			total += v
		}
	}
	if total <= 0 || total > 3999 {
		return 0, false
	}
	return float64(total), true
}

// romanDigit is the value of a Roman numeral letter, 0 for any other rune.
func romanDigit(r rune) int {
	switch r {
	case 'I', 'І':
		return 1
	case 'V':
		return 5
	case 'X', 'Х':
		return 10
	case 'L':
		return 50
	case 'C':
		return 100
	case 'D':
		return 500
	case 'M':
		return 1000
	}
	return 0
}

// Chinese numerals: digits and the units within a section of ten thousand.
var (
	hanDigits = map[rune]float64{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6,
		'七': 7, '八': 8, '九': 9}
	hanUnits = map[rune]float64{'十': 10, '百': 100, '千': 1000}
)

// hanBoundsBefore are the words of a bound that may stand right before a bare 万 or 亿: more
// than (逾, 超, 过, 上), nearly (近), about (约).
const hanBoundsBefore = "逾超过上近约"

// hanNumerals reads runs of Chinese numerals (五, 十四, 两千) in a run of Chinese characters.
func hanNumerals(s string) []number {
	digits, units := hanDigits, hanUnits
	if r, size := utf8.DecodeRuneInString(s); size == len(s) {
		// One character, as the word breaker gives most of Chinese text: a numeral or not,
		// without the slice of runes.
		if _, d := digits[r]; !d {
			if _, u := units[r]; !u {
				return nil // (a bare 万 or 亿 needs the bound before it, in a longer word)
			}
		}
	}
	var out []number
	rs := []rune(s)
	for i := 0; i < len(rs); {
		_, d := digits[rs[i]]
		_, u := units[rs[i]]
		if !d && !u {
			if (rs[i] == '万' || rs[i] == '亿') && i > 0 && strings.ContainsRune(hanBoundsBefore, rs[i-1]) {
				// "逾万人次", "近亿元": a bound before a bare 万 or 亿 counts one of it.
				v := 1e4
				if rs[i] == '亿' {
					v = 1e8
				}
				out = append(out, number{value: v, raw: string(rs[i : i+1]), word: true})
			}
			i++
			continue
		}
		j := i
		total, section, cur := 0.0, 0.0, 0.0
		for ; j < len(rs); j++ {
			r := rs[j]
			if v, ok := digits[r]; ok {
				cur = v
				continue
			}
			if v, ok := units[r]; ok {
				if cur == 0 {
					cur = 1
				}
				section += cur * v
				cur = 0
				continue
			}
			if r == '万' || r == '亿' {
				m := 1e4
				if r == '亿' {
					m = 1e8
				}
				total += (section + cur) * m
				section, cur = 0, 0
				continue
			}
			break
		}
		v := total + section + cur
		// 五点一 is 5.1: the digits after 点 are decimals.
		if j+1 < len(rs) && rs[j] == '点' {
			if _, ok := digits[rs[j+1]]; ok {
				f := 0.1
				for j++; j < len(rs); j++ {
					d, ok := digits[rs[j]]
					if !ok {
						break
					}
					v += d * f
					f /= 10
				}
			}
		}
		n := number{value: v, raw: string(rs[i:j]), word: true}
		// 三分之一: one of three parts, a third (33%), read besides its numerals (三, 一); 百分之
		// is the percent sign, read as before.
		if j+2 < len(rs) && rs[j] == '分' && rs[j+1] == '之' && v > 0 && v < 100 {
			if y, ok := digits[rs[j+2]]; ok {
				out = append(out, number{value: y / v, raw: string(rs[i : j+3]), word: true, alts: []float64{math.Round(100 * y / v)}})
			}
		}
		if j < len(rs) && rs[j] == '成' && v <= 10 {
			n.value, n.raw = v*10, string(rs[i:j+1]) // 四成: four tenths, 40%
		}
		if j < len(rs) && rs[j] == '倍' {
			n.alts = timesAlts(n.value, pipeline.Chinese)
		}
		out = append(out, n)
		i = j
	}
	return out
}

// halfAndTimes reads what follows a spelled-out number: "and a half" (one and a half metres),
// Kazakh жарым (бір жарым, 1.5), and a word of times (екі есе, втрое is a word of its own),
// which gives the number the other values a translator may write for it (timesAlts).
func halfAndTimes(n number, clean string, ws []word, idx int, lang pipeline.Lang) number {
	next := func(k int) string {
		if idx+k < len(ws) {
			return foldWord(ws[idx+k].Text)
		}
		return ""
	}
	switch {
	case lang == pipeline.English && next(1) == "and" && next(2) == "a" && next(3) == "half":
		n.value += 0.5
	case lang == pipeline.Kazakh && next(1) == "жарым":
		n.value += 0.5
		idx++
	}
	if timesWord(next(1), lang) {
		n.alts = timesAlts(n.value, lang)
	}
	if n.value == 0.5 {
		n.alts = []float64{50} // half: 50%
	}
	return n
}

// timesWord reports the words that make the number before them a multiplier: "2.5 times",
// «в 2,5 раза», «2,5 есе», 2.5倍.
func timesWord(w string, lang pipeline.Lang) bool {
	switch lang {
	case pipeline.English:
		return w == "times" || w == "fold"
	case pipeline.Russian:
		return w == "раза" || w == "раз"
	case pipeline.Kazakh:
		return strings.HasPrefix(w, "есе")
	case pipeline.Chinese:
		return w == "倍"
	}
	return false
}

// timesAlts are the values that may stand for a multiplier x in a translation: the growth in per
// cent ("1.5 times" = "by 50%"), and, for Chinese, x+1, as 增长了两倍 (grew by two times) is
// «выросло втрое».
func timesAlts(x float64, lang pipeline.Lang) []float64 {
	alts := []float64{math.Round((x - 1) * 100)}
	if lang == pipeline.Chinese {
		alts = append(alts, x+1)
	}
	return alts
}

// Fractions written in words: the denominators, and the numerators that may stand before them.
var (
	enDenominators = map[string]float64{"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
		"fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}
	enNumerators  = map[string]float64{"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}
	ruDenominator = map[string]float64{"треть": 3, "трети": 3, "третью": 3, "третей": 3, "четверть": 4, "четверти": 4,
		"четвертью": 4, "четвертей": 4}
	ruNumerators = map[string]float64{"две": 2, "двух": 2, "три": 3, "трёх": 3, "трех": 3}
	// kkDenominators are the numerals in the ablative that open a Kazakh fraction: үштен бірі,
	// a third.
	kkDenominators = map[string]float64{"екіден": 2, "үштен": 3, "төрттен": 4, "бестен": 5, "оннан": 10}
)

// enOrdinalNouns are the nouns an English ordinal counts ("a third year", "a fourth term"),
// after which "a third" is no fraction.
var enOrdinalNouns = map[string]bool{"year": true, "time": true, "term": true, "round": true, "month": true,
	"week": true, "day": true, "quarter": true, "phase": true, "stage": true, "wave": true, "generation": true,
	"consecutive": true, "straight": true, "successive": true, "line": true, "unit": true, "tranche": true, "place": true}

// wordFraction reads a fraction spelled out at ws[idx]: "a third", "two-thirds", "three quarters",
// «треть», «две трети», «четверти», «үштен бірі», «бестен екісі». lw is ws[idx] folded; the
// word before it is folded only after a denominator.
func wordFraction(ws []word, idx int, lw string, lang pipeline.Lang) (float64, bool) {
	prev := func() string {
		if idx > 0 {
			return foldWord(ws[idx-1].Text)
		}
		return ""
	}
	switch lang {
	case pipeline.English:
		if a, b, ok := strings.Cut(lw, "-"); ok && enNumerators[a] > 0 && enDenominators[b] > 0 {
			return enNumerators[a] / enDenominators[b], true
		}
		if d := enDenominators[lw]; d > 0 && lw != "half" && enNumerators[prev()] > 0 {
			if idx+1 < len(ws) && enOrdinalNouns[foldWord(ws[idx+1].Text)] {
				return 0, false // "for a third year running", "a fourth term": an ordinal
			}
			return enNumerators[prev()] / d, true
		}
	case pipeline.Russian:
		if d := ruDenominator[lw]; d > 0 {
			if n := ruNumerators[prev()]; n > 0 {
				return n / d, true
			}
			return 1 / d, true
		}
	case pipeline.Kazakh:
		if d := kkDenominators[lw]; d > 0 && idx+1 < len(ws) {
			next := foldWord(ws[idx+1].Text)
			for _, s := range kkNumberStems {
				if s.value < d && strings.HasPrefix(next, s.stem) {
					return s.value / d, true
				}
			}
		}
	}
	return 0, false
}

// roundTheClockWords say "all day and night", which translations also write as 24 hours
// (24小时通关, круглосуточный режим): the phrase stands for the number 24. So does a day of 24
// hours, which Russian and Kazakh name by a word of its own (в течение суток, бір тәулік ішінде:
// "within 24 hours").
var roundTheClockWords = map[pipeline.Lang][]string{
	pipeline.English: {"round-the-clock", "around-the-clock", "round the clock", "around the clock", "24/7"},
	pipeline.Russian: {"круглосуточн", "круглые сутки", "в течение суток", "за сутки", "в сутки"},
	pipeline.Kazakh:  {"тәулік бойы", "тәулік бойғы", "бір тәулік", "тәулік ішінде"},
	pipeline.Chinese: {"全天候", "昼夜"},
}

// roundTheClock returns the spelled-out 24 of a text that says "round the clock".
func roundTheClock(clean string, lang pipeline.Lang) (number, bool) {
	ps := roundTheClockWords[lang]
	if len(ps) == 0 {
		return number{}, false
	}
	for _, p := range ps {
		// Past the phrase's first letter, which a sentence start capitalises, the text holds it
		// as written; most texts hold none, and are not lowered.
		_, size := utf8.DecodeRuneInString(p)
		if !strings.Contains(clean, p[size:]) {
			continue
		}
		lower := strings.ToLower(clean) // the same byte offsets for Latin and Cyrillic letters
		if i := strings.Index(lower, p); i >= 0 && len(lower) == len(clean) {
			return number{value: 24, raw: clean[i : i+len(p)], word: true}, true
		}
	}
	return number{}, false
}

// bareScale returns the value of a scale word written in full with no number before it ("a
// million", "one billion" is read with its "one"; «миллион», «миллиард», "миллион", 1e6 and
// 1e9): the word alone counts one of its unit.
func bareScale(clean string, ws []word, idx int, lw string) (float64, bool) {
	if len(lw) < 5 || !strings.ContainsRune("tmbтм", firstRune(lw)) {
		return 0, false // (every scale word written in full begins so)
	}
	for _, sc := range scalePrefixes {
		full := utf8.RuneCountInString(sc.prefix) >= 5 ||
			// The words for a thousand, whose prefixes are also the abbreviation (тыс.) or short:
			// «тысячу лучших», «мың шақырым», «үздік мыңдығына».
			sc.prefix == "тыс" && strings.HasPrefix(lw, "тысяч") || sc.prefix == "мың" && (lw == "мың" || strings.HasPrefix(lw, "мыңд") || strings.HasPrefix(lw, "мыңн"))
		if !strings.HasPrefix(lw, sc.prefix) || !full {
			continue // (abbreviations, тыс., млн, stand after a number)
		}
		if idx > 0 && strings.TrimSpace(clean[ws[idx-1].End:ws[idx].Start]) == "" {
			prev := foldWord(ws[idx-1].Text)
			if strings.ContainsFunc(prev, unicode.IsDigit) || enNumberWords[prev] > 0 || isNumberStem(prev) {
				return 0, false // "5 million", "five million", «пять миллионов»: read with the number
			}
		}
		return sc.mult, true
	}
	return 0, false
}

// isNumberStem reports a Russian or Kazakh spelled-out number ("пяти", "бес").
func isNumberStem(w string) bool {
	for _, i := range ruNumberByInitial[firstRune(w)] {
		if strings.HasPrefix(w, ruNumberStems[i].stem) {
			return true
		}
	}
	for _, i := range kkNumberByInitial[firstRune(w)] {
		if strings.HasPrefix(w, kkNumberStems[i].stem) {
			return true
		}
	}
	return false
}
