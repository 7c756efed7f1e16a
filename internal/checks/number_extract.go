package checks

import (
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/tilmash/tilmash/pipeline"
)

// number is a quantity found in a text.
type number struct {
	value float64
	raw   string    // as written, for messages
	month bool      // a calendar month, 1–12: "June", "июня", "маусым", "6月"
	scale float64   // the multiplier read after the digits (1e9 for "5 billion", 1e8 for "50亿"); 0 for other kinds
	end   int       // the rune index after the number in the text scanned, for digit numbers
	alts  []float64 // other values it may stand for in a translation: a multiplier's growth in per cent (timesAlts)
	word  bool      // spelled out ("five", "пяти", "五"), a Chinese or Roman numeral: it may stand for
	// a number of the other text but is never required to appear there
}

// scale words that multiply the number before them, in every language. Prefixes catch Russian
// and Kazakh inflection (миллиарда, миллиардтан).
var scalePrefixes = []struct {
	prefix string
	mult   float64
}{
	{"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12},
	{"тыс", 1e3}, {"мың", 1e3}, {"млн", 1e6}, {"миллион", 1e6}, {"млрд", 1e9}, {"миллиард", 1e9},
	{"трлн", 1e12}, {"триллион", 1e12},
}

// abbreviated scales written right after the digits ("$41bn", "$5m") or after a space ("41 bn").
var scaleAbbrev = map[string]float64{"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9,
	"tn": 1e12, "trn": 1e12}

// hanKiloUnits are the units 千 makes a kilo- unit of (千瓦 kW, 千米 km, 千克 kg): there 千 is
// part of the unit, not a multiplier of the number.
const hanKiloUnits = "瓦米克焦卡伏帕"

var hanMultiplier = map[rune]float64{'十': 10, '百': 100, '千': 1e3, '万': 1e4, '萬': 1e4, '亿': 1e8, '億': 1e8}

// foldDigits turns full-width digits, signs and separators into ASCII.
func foldDigits(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return r - '０' + '0'
		case r == '．':
			return '.'
		case r == '％':
			return '%'
		}
		return r
	}, s)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// isGroupSpace reports whether r may separate thousands: no-break and thin spaces in every
// language, a plain space in Russian and Kazakh ("1 000,5").
func isGroupSpace(r rune, lang pipeline.Lang) bool {
	switch r {
	case '\u00a0', '\u202f', '\u2009':
		return true
	case ' ':
		return lang == pipeline.Russian || lang == pipeline.Kazakh
	}
	return false
}

// extractNumbers finds the numbers, dates and amounts of a text. It understands the number
// formats of each language (en/zh 1,000.5; ru/kk 1 000,5 and 1000,5), scale words and Chinese
// multipliers (41 billion, 41 млрд, 410亿, 1.2万亿), dates (15.06.2023, 2023-06-15, 2023年6月,
// month names), ordinals (75th, 75-летие, 75周年), decades (1990s, 20世纪90年代) and year ranges
// written short (2022-23). Spelled-out numbers and numerals are returned with word set.
func extractNumbers(text string, lang pipeline.Lang, memo *wordMemo) []number {
	var out []number
	if hasDigit(text) { // digits in markup count too: stripping only blanks it, so look at text
		out = digitNumbers(memo.stripped(text), lang)
	}
	out = append(out, wordNumbers(text, lang, memo)...)
	return out
}

// hasDigit reports whether s holds an ASCII digit or a full-width one (U+FF10–U+FF19, EF BC
// 90–99 in UTF-8), the only digits foldDigits leaves or makes ASCII.
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' {
			return true
		}
		if c == 0xEF && i+2 < len(s) && s[i+1] == 0xBC && s[i+2] >= 0x90 && s[i+2] <= 0x99 {
			return true
		}
	}
	return false
}

// digitNumbers finds the numbers written in digits in a text whose markup is stripped.
func digitNumbers(stripped string, lang pipeline.Lang) []number {
	rs := []rune(foldDigits(stripped))
	var out []number
	var starts []int // where each number of out begins, for shareRangeScale
	for i := 0; i < len(rs); {
		if !isDigit(rs[i]) {
			i++
			continue
		}
		ns, next := scanNumber(rs, i, lang)
		for range ns {
			starts = append(starts, i)
		}
		out = append(out, ns...)
		if next <= i {
			next = i + 1
		}
		i = next
	}
	shareRangeScale(out, starts, rs)
	return out
}

func digitsEnd(rs []rune, i int) int {
	for i < len(rs) && isDigit(rs[i]) {
		i++
	}
	return i
}

func atoi(rs []rune) float64 {
	v, _ := strconv.ParseFloat(string(rs), 64)
	return v
}

// scanNumber reads the number starting at rs[i] and returns it (a date gives several) with the
// index after it.
func scanNumber(rs []rune, i int, lang pipeline.Lang) ([]number, int) {
	j := digitsEnd(rs, i)
	if ns, next, ok := scanDate(rs, i, j); ok {
		return ns, next
	}
	// Thousands groups, gathered in one buffer: a run of thousands of groups stays linear.
	digits := append([]rune(nil), rs[i:j]...)
	if j-i <= 3 {
		for {
			if j+4 > len(rs) || digitsEnd(rs, j+1) != j+4 {
				break
			}
			sep := rs[j]
			if !(sep == ',' && (lang == pipeline.English || lang == pipeline.Chinese || lang == "")) && !isGroupSpace(sep, lang) {
				break
			}
			digits = append(digits, rs[j+1:j+4]...)
			j += 4
		}
	}
	intPart := string(digits)
	numStr := intPart
	// Decimal part.
	if j+1 < len(rs) && isDigit(rs[j+1]) {
		if rs[j] == '.' || (rs[j] == ',' && (lang == pipeline.Russian || lang == pipeline.Kazakh)) {
			k := digitsEnd(rs, j+1)
			numStr += "." + string(rs[j+1:k])
			j = k
		}
	}
	value, err := strconv.ParseFloat(numStr, 64)
	if err != nil {
		return nil, j
	}
	// Short year ranges: 2022-23 means 2022–2023.
	if len(numStr) == 4 && value >= 1800 && value <= 2100 && j+3 <= len(rs) && (isDash(rs[j]) || rs[j] == '/') &&
		digitsEnd(rs, j+1) == j+3 {
		second := math.Floor(value/100)*100 + atoi(rs[j+1:j+3])
		if second > value {
			return []number{{value: value, raw: numStr}, {value: second, raw: string(rs[i : j+3])}}, j + 3
		}
	}
	k := j
	// 上世纪90年代: the decade of the last century, the 1990s.
	if i >= 3 && string(rs[i-3:i]) == "上世纪" && k+1 < len(rs) && rs[k] == '年' && rs[k+1] == '代' && value < 100 && numStr == intPart {
		return []number{{value: 1900 + value, raw: string(rs[i-3 : k+2])}}, k + 2
	}
	// Chinese: month, century + decade, multipliers.
	if k < len(rs) && rs[k] == '月' && value >= 1 && value <= 12 && numStr == intPart {
		return []number{{value: value, raw: string(rs[i : k+1]), month: true, scale: 1, end: k + 1}}, k + 1
	}
	if k+1 < len(rs) && rs[k] == '世' && rs[k+1] == '纪' {
		d := k + 2
		e := digitsEnd(rs, d)
		if e > d && e+1 < len(rs) && rs[e] == '年' && rs[e+1] == '代' {
			return []number{{value: (value-1)*100 + atoi(rs[d:e]), raw: string(rs[i : e+2])}}, e + 2
		}
	}
	mult := 1.0
	// "300多亿", "20余万": more than 300亿; the approximation sits between the number and its
	// multiplier.
	if k+1 < len(rs) && (rs[k] == '多' || rs[k] == '余') && hanMultiplier[rs[k+1]] > 0 {
		k++
	}
	for k < len(rs) {
		m, ok := hanMultiplier[rs[k]]
		if !ok || rs[k] == '千' && k+1 < len(rs) && strings.ContainsRune(hanKiloUnits, rs[k+1]) {
			break
		}
		mult *= m
		k++
	}
	if mult == 1 {
		mult, k = scaleWord(rs, k)
	}
	if mult == 1 && k < len(rs) && rs[k] == '成' && value <= 10 && numStr == intPart {
		return []number{{value: value * 10, raw: string(rs[i : k+1])}}, k + 1 // 4成: 40%
	}
	var alts []float64
	// What follows a number is mostly a noun or punctuation: the first letter after the space
	// rules out most words before they are cut out and lower-cased.
	p := k
	for p < len(rs) && p-k < 2 && (rs[p] == ' ' || rs[p] == '\u00a0' || rs[p] == '\u202f' || rs[p] == '-') {
		p++
	}
	if p < len(rs) && strings.ContainsRune(timesInitials, unicode.ToLower(rs[p])) && timesWord(strings.ToLower(nextWord(rs, k)), lang) {
		alts = timesAlts(value*mult, lang)
	}
	if p < len(rs) && strings.ContainsRune(unitInitials, unicode.ToLower(rs[p])) {
		if f := unitFactor(rs, k); f != 1 {
			alts = append(alts, value*mult*f)
		}
	}
	return []number{{value: value * mult, alts: alts, raw: strings.TrimSpace(string(rs[i:k])), scale: mult, end: k}}, k
}

// rangeJoiners are what may stand between the two ends of a range, beside spaces and currency
// signs: "4.5–5 млрд", "$4.5 and $5 billion", "3 до 4 млн", "30至40亿".
var rangeJoiners = map[string]bool{"-": true, "–": true, "—": true, "‑": true, "to": true, "and": true,
	"or": true, "до": true, "и": true, "или": true, "және": true, "немесе": true, "至": true, "到": true,
	"~": true, "～": true}

// shareRangeScale gives the first end of a range the scale word written after the second only:
// "4,5–5 млрд" is 4.5 to 5 billion, "between $4.5 and $5 billion" too. The first end must be
// smaller than the second as written, so that "20 ships and 5 billion" keeps its 20.
func shareRangeScale(ns []number, starts []int, rs []rune) {
	for i := 0; i+1 < len(ns); i++ {
		a, b := &ns[i], &ns[i+1]
		// "1至6月", "1–6月": a month range writes 月 after its second end only.
		if b.month && a.scale == 1 && !a.month && a.value >= 1 && a.value < b.value && a.value == math.Trunc(a.value) &&
			a.end <= starts[i+1] && rangeJoiners[strings.TrimSpace(string(rs[a.end:starts[i+1]]))] {
			a.month = true
			continue
		}
		if a.scale != 1 || b.scale <= 1 || a.month || b.month || a.value >= b.value/b.scale || a.end > starts[i+1] {
			continue
		}
		gap := strings.TrimFunc(string(rs[a.end:starts[i+1]]), func(r rune) bool {
			return unicode.IsSpace(r) || unicode.Is(unicode.Sc, r)
		})
		if rangeJoiners[strings.ToLower(gap)] {
			a.value *= b.scale
			a.scale = b.scale
		}
	}
}

func isDash(r rune) bool { return r == '-' || r == '–' || r == '—' || r == '‑' }

// scaleWord reads a scale word after a number ("billion", "млрд", "мың", "bn") and returns its
// multiplier and the index after it, or 1 and k.
func scaleWord(rs []rune, k int) (float64, int) {
	p := k
	attached := true
	for p < len(rs) && (rs[p] == ' ' || rs[p] == '\u00a0' || rs[p] == '\u202f' || rs[p] == '-') && p-k < 2 {
		p++
		attached = false
	}
	e := p
	for e < len(rs) && unicode.IsLetter(rs[e]) {
		e++
	}
	if e == p {
		return 1, k
	}
	w := strings.ToLower(string(rs[p:e]))
	for _, s := range scalePrefixes {
		if strings.HasPrefix(w, s.prefix) {
			return s.mult, e
		}
	}
	if m, ok := scaleAbbrev[w]; ok && (attached || len(w) >= 2) {
		return m, e
	}
	return 1, k
}

// scanDate reads dd.mm.yyyy and yyyy-mm-dd dates, whose middle part is a month.
func scanDate(rs []rune, i, j int) ([]number, int, bool) {
	field := func(from int) (int, int) { // start, end of a digit run at from
		return from, digitsEnd(rs, from)
	}
	if j-i <= 2 && j < len(rs) && rs[j] == '.' {
		ms, me := field(j + 1)
		if n := me - ms; n >= 1 && n <= 2 && me < len(rs) && rs[me] == '.' {
			ys, ye := field(me + 1)
			if ye-ys == 4 {
				day, month := atoi(rs[i:j]), atoi(rs[ms:me])
				if day >= 1 && day <= 31 && month >= 1 && month <= 12 {
					return []number{{value: day, raw: string(rs[i:j])}, {value: month, raw: string(rs[ms:me]), month: true},
						{value: atoi(rs[ys:ye]), raw: string(rs[ys:ye])}}, ye, true
				}
			}
		}
	}
	if j-i == 4 && j < len(rs) && rs[j] == '-' {
		ms, me := field(j + 1)
		if me-ms == 2 && me < len(rs) && rs[me] == '-' {
			ds, de := field(me + 1)
			if de-ds == 2 {
				month, day := atoi(rs[ms:me]), atoi(rs[ds:de])
				if day >= 1 && day <= 31 && month >= 1 && month <= 12 {
					return []number{{value: atoi(rs[i:j]), raw: string(rs[i:j])}, {value: month, raw: string(rs[ms:me]), month: true},
						{value: day, raw: string(rs[ds:de])}}, de, true
				}
			}
		}
	}
	return nil, j, false
}

// nextWord returns the word after index k (after at most two spaces or a hyphen), or the Chinese
// character there.
func nextWord(rs []rune, k int) string {
	p := k
	for p < len(rs) && p-k < 2 && (rs[p] == ' ' || rs[p] == '\u00a0' || rs[p] == '-') {
		p++
	}
	if p < len(rs) && isHan(rs[p]) {
		return string(rs[p])
	}
	e := p
	for e < len(rs) && unicode.IsLetter(rs[e]) {
		e++
	}
	return string(rs[p:e])
}

// timesInitials and unitInitials are the first letters of the words timesWord and
// unitConversions know.
const (
	timesInitials = "tfре倍"
	unitInitials  = "kкcmмgгт立兆吉"
)

// unitConversions are units written after a number that translations often give in a smaller
// unit, with the factor to it: cubic kilometres in cubic metres (12 km³ = 120亿立方米), megawatts
// and gigawatts in kilowatts (1 200 МВт = 120万千瓦, 1.2 GW = 1 200 MW). The number gets the
// converted value as an alternative (alts).
var unitConversions = []struct {
	prefix string
	factor float64
}{
	{"km³", 1e9}, {"км³", 1e9}, {"cubic kilomet", 1e9}, {"кубических километр", 1e9}, {"кубического километр", 1e9},
	{"кубический километр", 1e9}, {"куб. км", 1e9}, {"текше шақырым", 1e9}, {"立方公里", 1e9}, {"立方千米", 1e9},
	{"mw", 1e3}, {"мвт", 1e3}, {"мегаватт", 1e3}, {"megawatt", 1e3}, {"兆瓦", 1e3},
	{"gw", 1e6}, {"гвт", 1e6}, {"гигаватт", 1e6}, {"gigawatt", 1e6}, {"吉瓦", 1e6},
}

// unitFactor returns the factor of the unit written at rs[k] (after a space or none), or 1.
func unitFactor(rs []rune, k int) float64 {
	for k < len(rs) && (rs[k] == ' ' || rs[k] == '\u00a0' || rs[k] == '\u202f') {
		k++
	}
	if k >= len(rs) {
		return 1
	}
	rest := strings.ToLower(string(rs[k:min(len(rs), k+24)]))
	for _, u := range unitConversions {
		if strings.HasPrefix(rest, u.prefix) {
			// "mw" and "gw" must end there: not the start of another word.
			if n := len([]rune(u.prefix)); n <= 3 && k+n < len(rs) && unicode.IsLetter(rs[k+n]) {
				continue
			}
			return u.factor
		}
	}
	return 1
}
