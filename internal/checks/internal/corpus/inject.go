package corpus

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/tilmash/tilmash/internal/checks"
	"github.com/tilmash/tilmash/pipeline"
)

// Targets are the target languages of the corpus.
var Targets = []pipeline.Lang{pipeline.Russian, pipeline.Kazakh, pipeline.Chinese}

// Injector makes units with exactly one error of a given check each, deterministically: the same
// corpus gives the same units.
type Injector struct {
	Terms []TermEntry
	// Spell verifies that injected typos are misspellings and their originals are not; nil
	// disables spelling injections.
	Spell checks.Speller
}

// QATerms converts the termbase for checks.Options.
func QATerms(ts []TermEntry) []checks.Term {
	out := make([]checks.Term, 0, len(ts))
	for _, t := range ts {
		terms := map[pipeline.Lang]string{}
		for l, v := range t.Terms {
			terms[l] = v
		}
		if t.DNT {
			for _, l := range pipeline.Languages {
				if terms[l] == "" {
					terms[l] = t.Terms[pipeline.English]
				}
			}
		}
		out = append(out, checks.Term{Terms: terms, Forbidden: t.Forbidden, DoNotTranslate: t.DNT})
	}
	return out
}

// Inject returns, for every target language, check and source where the error can be made, a
// unit with one injected error. Sources too short for the omission check to judge are left out
// of its units; spelling needs Spell and a dictionary language.
func (in *Injector) Inject(srcs []Source) []Unit {
	var out []Unit
	for _, l := range Targets {
		for _, check := range checks.AllChecks {
			for i, s := range srcs {
				h := fnv.New64a()
				fmt.Fprintf(h, "%s/%s", check, l)
				rng := rand.New(rand.NewPCG(uint64(i+1), h.Sum64()))
				u := Unit{ID: fmt.Sprintf("%s/%s/%d", check, l, s.N), Check: check, Lang: l, Source: s.Texts["en"],
					Target: s.Texts[string(l)]}
				if in.inject(&u, s, i, rng) {
					out = append(out, u)
				}
			}
		}
	}
	return out
}

func (in *Injector) inject(u *Unit, s Source, i int, rng *rand.Rand) bool {
	switch u.Check {
	case checks.CheckUntranslated:
		if i%3 == 0 {
			u.Target, u.Note = "", "empty"
		} else {
			u.Target, u.Note = u.Source, "copy of the source"
		}
		return true
	case checks.CheckNumber:
		return injectNumber(u, rng)
	case checks.CheckWrongLanguage:
		return injectWrongLanguage(u, s, i, rng)
	case checks.CheckGlossary:
		return in.injectGlossary(u, rng)
	case checks.CheckOmission:
		return injectOmission(u, rng)
	case checks.CheckPunctuation:
		return injectPunctuation(u, rng)
	case checks.CheckWhitespace:
		return injectWhitespace(u, rng)
	case checks.CheckRepeatedWord:
		return injectRepeated(u, rng)
	case checks.CheckMarkup:
		return injectMarkup(u, i, rng)
	case checks.CheckSpelling:
		return in.injectSpelling(u, rng)
	case checks.CheckConsistency:
		return injectConsistency(u, rng)
	}
	return false
}

var (
	reDigits   = regexp.MustCompile(`\d+`)
	reProtect  = regexp.MustCompile(`\[\^[^\]]*\]|\{[^}]*\}|\(https?://[^)]*\)|"https?://[^"]*"`)
	reScale    = regexp.MustCompile(`млрд|млн|мың|тыс\.?|тысяч|亿|万`)
	scaleSwaps = map[string]string{"млрд": "млн", "млн": "млрд", "мың": "млн", "тыс.": "млн", "тыс": "млн", "тысяч": "миллионов", "亿": "万", "万": "亿"}
)

func protected(s string, a, b int) bool {
	for _, m := range reProtect.FindAllStringIndex(s, -1) {
		if a < m[1] && m[0] < b {
			return true
		}
	}
	return false
}

func injectNumber(u *Unit, rng *rand.Rand) bool {
	var cands [][]int
	for _, m := range reDigits.FindAllStringIndex(u.Target, -1) {
		if !protected(u.Target, m[0], m[1]) {
			cands = append(cands, m)
		}
	}
	if len(cands) == 0 {
		return false
	}
	m := cands[rng.IntN(len(cands))]
	num := u.Target[m[0]:m[1]]
	op := rng.IntN(4)
	after := u.Target[m[1]:]
	if op == 1 {
		if sm := reScale.FindStringIndex(after); sm != nil && sm[0] <= 2 {
			old := after[sm[0]:sm[1]]
			u.Target = u.Target[:m[1]] + after[:sm[0]] + scaleSwaps[old] + after[sm[1]:]
			u.Note = "scale " + old + " → " + scaleSwaps[old]
			return true
		}
		op = 0
	}
	if op == 2 && len(num) == 4 && (num[0] == '1' || num[0] == '2') {
		y, err := strconv.Atoi(num)
		if err != nil {
			return false
		}
		repl := fmt.Sprint(y - 1)
		u.Target = u.Target[:m[0]] + repl + after
		u.Note = "year " + num + " → " + repl
		return true
	}
	if op == 3 && len(cands) > 1 {
		end := m[1]
		for end < len(u.Target) && strings.ContainsRune(",. %", rune(u.Target[end])) && end-m[1] < 1 {
			end++
		}
		u.Target = u.Target[:m[0]] + u.Target[end:]
		u.Note = "number " + num + " dropped"
		return true
	}
	b := []byte(num)
	k := rng.IntN(len(b))
	d := int(b[k] - '0')
	nd := (d + 1 + rng.IntN(8)) % 10
	if k == 0 && nd == 0 {
		nd = (d % 9) + 1
	}
	b[k] = byte('0' + nd)
	u.Target = u.Target[:m[0]] + string(b) + after
	u.Note = "number " + num + " → " + string(b)
	return true
}

var (
	kkStrip    = strings.NewReplacer("ә", "а", "ғ", "г", "қ", "к", "ң", "н", "ө", "о", "ұ", "у", "ү", "у", "һ", "х", "і", "и", "Ә", "А", "Ғ", "Г", "Қ", "К", "Ң", "Н", "Ө", "О", "Ұ", "У", "Ү", "У", "Һ", "Х", "І", "И")
	homoglyphs = map[rune]rune{'а': 'a', 'е': 'e', 'о': 'o', 'с': 'c', 'р': 'p', 'х': 'x', 'у': 'y', 'і': 'i', 'А': 'A', 'О': 'O', 'С': 'C', 'Е': 'E'}
)

func homoglyph(u *Unit, rng *rand.Rand) bool {
	ws := strings.Fields(u.Target)
	for tries := 0; tries < 30; tries++ {
		k := rng.IntN(len(ws))
		rs := []rune(ws[k])
		var pos []int
		for j, r := range rs {
			if _, ok := homoglyphs[r]; ok && j > 0 {
				pos = append(pos, j)
			}
		}
		if len(pos) == 0 || len(rs) < 4 {
			continue
		}
		j := pos[rng.IntN(len(pos))]
		rs[j] = homoglyphs[rs[j]]
		ws[k] = string(rs)
		u.Target = strings.Join(ws, " ")
		u.Note = "Latin look-alike in " + ws[k]
		return true
	}
	return false
}

func injectWrongLanguage(u *Unit, s Source, i int, rng *rand.Rand) bool {
	switch u.Lang {
	case pipeline.Kazakh:
		switch i % 3 {
		case 0:
			u.Target, u.Note = s.Texts["ru"], "Russian text"
			return true
		case 1:
			u.Target, u.Note = kkStrip.Replace(u.Target), "Kazakh letters replaced by Russian ones"
			return true
		}
		return homoglyph(u, rng)
	case pipeline.Russian:
		switch {
		case i%3 == 0:
			u.Target, u.Note = s.Texts["kk"], "Kazakh text"
			return true
		case s.Texts["uk"] != "":
			u.Target, u.Note = s.Texts["uk"], "Ukrainian text"
			return true
		}
		return homoglyph(u, rng)
	case pipeline.Chinese:
		switch i % 3 {
		case 0:
			rs := []rune(u.Target)
			var pos []int
			for j, r := range rs {
				if r == '的' {
					pos = append(pos, j)
				}
			}
			if len(pos) > 0 {
				rs[pos[rng.IntN(len(pos))]] = 'の'
				u.Target, u.Note = string(rs), "の for 的"
				return true
			}
			u.Target, u.Note = strings.Replace(u.Target, "。", "です。", 1), "Japanese ending"
			if !strings.Contains(u.Target, "です") {
				u.Target += "です"
			}
			return true
		case 1:
			ws := strings.Fields(u.Source)
			if len(ws) < 8 {
				u.Target, u.Note = s.Texts["ru"], "Russian text"
				return true
			}
			n := 5 + rng.IntN(3)
			start := rng.IntN(len(ws) - n)
			clause := strings.Join(ws[start:start+n], " ")
			clause = strings.Trim(clause, ".,;:")
			rs := []rune(u.Target)
			cut := len(rs) / 2
			for j := len(rs) / 3; j < len(rs); j++ {
				if rs[j] == '，' {
					cut = j + 1
					break
				}
			}
			u.Target = string(rs[:cut]) + clause + "。"
			u.Note = "English clause left: " + clause
			return true
		}
		u.Target, u.Note = s.Texts["ru"], "Russian text"
		return true
	}
	return false
}

func (in *Injector) injectGlossary(u *Unit, rng *rand.Rand) bool {
	type cand struct {
		t        TermEntry
		dnt      bool
		srcTerm  string
		tgtTerms []string
	}
	var cands []cand
	for _, t := range in.Terms {
		en := t.Terms[pipeline.English]
		if _, _, ok := checks.FindSourceTerm(u.Source, en, pipeline.English); !ok {
			continue
		}
		if t.DNT {
			if strings.Contains(u.Target, en) && t.Alt[u.Lang] != "" {
				cands = append(cands, cand{t: t, dnt: true, srcTerm: en})
			}
			continue
		}
		tt := t.Terms[u.Lang]
		if _, _, ok := checks.FindTerm(u.Target, tt, u.Lang); ok && (t.Alt[u.Lang] != "" || len(t.Forbidden[u.Lang]) > 0) {
			cands = append(cands, cand{t: t, srcTerm: en, tgtTerms: []string{tt}})
		}
	}
	if len(cands) == 0 {
		return false
	}
	c := cands[rng.IntN(len(cands))]
	if c.dnt {
		u.Target = strings.ReplaceAll(u.Target, c.srcTerm, c.t.Alt[u.Lang])
		u.Note = "do-not-translate term translated: " + c.t.Alt[u.Lang]
		return true
	}
	repl := c.t.Alt[u.Lang]
	kind := "unapproved variant"
	if f := c.t.Forbidden[u.Lang]; len(f) > 0 && (repl == "" || rng.IntN(2) == 0) {
		repl, kind = f[0], "forbidden variant"
	}
	tt := c.tgtTerms[0]
	for n := 0; n < 5; n++ {
		a, b, ok := checks.FindTerm(u.Target, tt, u.Lang)
		if !ok {
			break
		}
		u.Target = u.Target[:a] + repl + u.Target[b:]
	}
	u.Note = kind + ": " + repl
	return true
}

// sentenceSplit splits a target into sentences, keeping their end punctuation.
var reSentence = regexp.MustCompile(`[^。！？.!?]+(?:[。！？]|[.!?](?:\s|$)|$)`)

// injectOmission drops what translations really lose: a sentence, a run of clauses, or the end of
// a sentence, always between a third and three fifths of the text, so that the loss is a
// clause, not a word or two. Sources too short for the check to judge are left out.
func injectOmission(u *Unit, rng *rand.Rand) bool {
	letters := 0
	for _, r := range u.Source {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			letters++
		}
	}
	if letters < 40 || strings.ContainsAny(u.Target, "<[{") {
		return false // too short to judge, or markup that a cut would break
	}
	size := func(s string) float64 {
		n := 0.0
		for _, r := range s {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				n++
			}
		}
		return n
	}
	total := size(u.Target)
	fits := func(s string) bool { f := size(s) / total; return f >= 0.33 && f <= 0.6 }
	if sents := reSentence.FindAllString(u.Target, -1); len(sents) >= 2 {
		var ok []int
		for k, s := range sents {
			if fits(s) {
				ok = append(ok, k)
			}
		}
		if len(ok) > 0 {
			k := ok[rng.IntN(len(ok))]
			u.Note = "sentence dropped: " + strings.TrimSpace(sents[k])
			sents = append(sents[:k], sents[k+1:]...)
			u.Target = strings.TrimSpace(strings.Join(sents, ""))
			return true
		}
	}
	sep := ", "
	if u.Lang == pipeline.Chinese {
		sep = "，"
	}
	body := strings.TrimRight(u.Target, ".。?？!！")
	end := u.Target[len(body):]
	if parts := strings.Split(body, sep); len(parts) >= 2 {
		type run struct{ a, b int }
		var ok []run
		for a := range parts {
			for b := a + 1; b <= len(parts); b++ {
				if (a > 0 || b < len(parts)) && fits(strings.Join(parts[a:b], sep)) {
					ok = append(ok, run{a, b})
				}
			}
		}
		if len(ok) > 0 {
			r := ok[rng.IntN(len(ok))]
			u.Note = "clauses dropped: " + strings.Join(parts[r.a:r.b], sep)
			rest := append(append([]string{}, parts[:r.a]...), parts[r.b:]...)
			u.Target = strings.Join(rest, sep) + end
			if r.a == 0 {
				u.Target = capitalize(u.Target)
			}
			return true
		}
	}
	// One clause: the translation stops early or skips its middle. Such phrase omissions are
	// reported apart (their ids start with "omission-phrase/"): lengths catch them less well.
	u.ID = strings.Replace(u.ID, "omission/", "omission-phrase/", 1)
	if u.Lang == pipeline.Chinese {
		rs := []rune(body)
		n := len(rs) * (35 + rng.IntN(20)) / 100
		start := len(rs) - n
		if rng.IntN(2) == 0 {
			start = (len(rs) - n) / 2
		}
		u.Note = "phrase dropped: " + string(rs[start:start+n])
		u.Target = string(rs[:start]) + string(rs[start+n:]) + end
		return true
	}
	ws := strings.Fields(body)
	n := len(ws) * (35 + rng.IntN(20)) / 100
	if n < 2 {
		return false
	}
	start := len(ws) - n
	if rng.IntN(2) == 0 {
		start = (len(ws) - n) / 2
	}
	u.Note = "phrase dropped: " + strings.Join(ws[start:start+n], " ")
	u.Target = strings.Join(append(append([]string{}, ws[:start]...), ws[start+n:]...), " ") + end
	return true
}

func capitalize(s string) string {
	rs := []rune(strings.TrimSpace(s))
	if len(rs) > 0 {
		rs[0] = unicode.ToUpper(rs[0])
	}
	return string(rs)
}

func injectPunctuation(u *Unit, rng *rand.Rand) bool {
	t := u.Target
	type op struct {
		note string
		f    func() (string, bool)
	}
	replaceOne := func(old, new string) func() (string, bool) {
		return func() (string, bool) {
			n := strings.Count(t, old)
			if n == 0 {
				return "", false
			}
			k := rng.IntN(n)
			idx := 0
			for j := 0; j <= k; j++ {
				idx += strings.Index(t[idx:], old)
				if j < k {
					idx += len(old)
				}
			}
			return t[:idx] + new + t[idx+len(old):], true
		}
	}
	replaceEnd := func(oldEnds string, new string) func() (string, bool) {
		return func() (string, bool) {
			base := strings.TrimRight(t, "[^1]")
			suffix := t[len(base):]
			rs := []rune(base)
			if len(rs) == 0 || !strings.ContainsRune(oldEnds, rs[len(rs)-1]) {
				return "", false
			}
			return string(rs[:len(rs)-1]) + new + suffix, true
		}
	}
	var ops []op
	if u.Lang == pipeline.Chinese {
		ops = []op{
			{"half-width comma", replaceOne("，", ",")},
			{"half-width full stop", replaceEnd("。", ".")},
			{"straight quotes", func() (string, bool) {
				if !strings.Contains(t, "“") {
					return "", false
				}
				return strings.NewReplacer("“", "\"", "”", "\"").Replace(t), true
			}},
			{"end punctuation dropped", replaceEnd("。？", "")},
			{"closing quote dropped", replaceOne("”", "")},
			{"half-width colon", replaceOne("：", ":")},
			{"half-width question mark", replaceEnd("？", "?")},
		}
	} else {
		ops = []op{
			{"straight quotes", func() (string, bool) {
				if !strings.Contains(t, "«") {
					return "", false
				}
				return strings.NewReplacer("«", "\"", "»", "\"").Replace(t), true
			}},
			{"end punctuation dropped", replaceEnd(".?", "")},
			{"hyphen for dash", replaceOne(" — ", " - ")},
			{"closing guillemet dropped", replaceOne("»", "")},
			{"question mark for full stop", replaceEnd(".", "?")},
			{"English quotes", func() (string, bool) {
				if !strings.Contains(t, "«") {
					return "", false
				}
				return strings.NewReplacer("«", "“", "»", "”").Replace(t), true
			}},
			{"colon for full stop", replaceEnd(".", ":")},
		}
	}
	start := rng.IntN(len(ops))
	for k := range ops {
		o := ops[(start+k)%len(ops)]
		if nt, ok := o.f(); ok && nt != t {
			u.Target, u.Note = nt, o.note
			return true
		}
	}
	return false
}

func injectWhitespace(u *Unit, rng *rand.Rand) bool {
	t := u.Target
	switch rng.IntN(4) {
	case 0:
		u.Target, u.Note = t+" ", "trailing space"
		return true
	case 1:
		u.Target, u.Note = " "+t, "leading space"
		return true
	case 2:
		if u.Lang == pipeline.Chinese {
			rs := []rune(t)
			var pos []int
			for j := 1; j < len(rs); j++ {
				if isHanRune(rs[j-1]) && isHanRune(rs[j]) {
					pos = append(pos, j)
				}
			}
			if len(pos) > 0 {
				j := pos[rng.IntN(len(pos))]
				u.Target, u.Note = string(rs[:j])+" "+string(rs[j:]), "space between Chinese characters"
				return true
			}
		} else if strings.Contains(t, ", ") {
			n := strings.Count(t, ", ")
			k := rng.IntN(n)
			parts := strings.SplitN(t, ", ", k+2)
			u.Target = strings.Join(parts[:k+1], ", ") + " , " + strings.Join(parts[k+1:], ", ")
			u.Note = "space before comma"
			return true
		}
	}
	if u.Lang == pipeline.Chinese && !strings.Contains(t, " ") {
		rs := []rune(t)
		j := 1 + rng.IntN(len(rs)-1)
		u.Target, u.Note = string(rs[:j])+"  "+string(rs[j:]), "double space"
		return true
	}
	idx := spaceIndexes(t)
	if len(idx) == 0 {
		u.Target, u.Note = t+" ", "trailing space"
		return true
	}
	j := idx[rng.IntN(len(idx))]
	u.Target, u.Note = t[:j]+" "+t[j:], "double space"
	return true
}

func spaceIndexes(s string) []int {
	var out []int
	for j, r := range s {
		if r == ' ' {
			out = append(out, j)
		}
	}
	return out
}

func isHanRune(r rune) bool { return unicode.Is(unicode.Han, r) }

var reWord = regexp.MustCompile(`\p{L}{2,}`)

func injectRepeated(u *Unit, rng *rand.Rand) bool {
	t := u.Target
	if u.Lang == pipeline.Chinese {
		rs := []rune(t)
		if strings.Contains(t, "的") && rng.IntN(2) == 0 {
			u.Target, u.Note = strings.Replace(t, "的", "的的", 1), "的 doubled"
			return true
		}
		var pos []int
		for j := 0; j+1 < len(rs); j++ {
			if isHanRune(rs[j]) && isHanRune(rs[j+1]) && rs[j] != rs[j+1] {
				pos = append(pos, j)
			}
		}
		if len(pos) == 0 {
			return false
		}
		j := pos[rng.IntN(len(pos))]
		chunk := string(rs[j : j+2])
		u.Target = string(rs[:j+2]) + chunk + string(rs[j+2:])
		u.Note = chunk + " doubled"
		return true
	}
	ms := reWord.FindAllStringIndex(t, -1)
	var ok [][]int
	for _, m := range ms {
		if !protected(t, m[0], m[1]) && (m[1] == len(t) || t[m[1]] == ' ' || t[m[1]] == ',' || t[m[1]] == '.') {
			ok = append(ok, m)
		}
	}
	if len(ok) == 0 {
		return false
	}
	m := ok[rng.IntN(len(ok))]
	w := t[m[0]:m[1]]
	dup := w
	if m[0] == 0 { // the copy of a sentence's first word is not capitalised
		rs := []rune(w)
		rs[0] = unicode.ToLower(rs[0])
		dup = string(rs)
	}
	u.Target = t[:m[1]] + " " + dup + t[m[1]:]
	u.Note = w + " doubled"
	return true
}

var reSrcMarkup = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)|<a [^>]*>([^<]*)</a>|\*([^*]+)\*|\[\^\w+\]|\{\w+\}`)

func injectMarkup(u *Unit, i int, rng *rand.Rand) bool {
	if ms := reSrcMarkup.FindAllStringSubmatchIndex(u.Target, -1); len(ms) > 0 {
		m := ms[rng.IntN(len(ms))]
		keep := ""
		for g := 2; g+1 < len(m); g += 2 {
			if m[g] >= 0 {
				keep = u.Target[m[g]:m[g+1]]
			}
		}
		u.Note = "markup dropped: " + u.Target[m[0]:m[1]]
		u.Target = u.Target[:m[0]] + keep + u.Target[m[1]:]
		return true
	}
	// The source gains markup that the translation lacks.
	ws := reWord.FindAllStringIndex(u.Source, -1)
	if len(ws) < 3 {
		return false
	}
	w := ws[1+rng.IntN(len(ws)-1)]
	word := u.Source[w[0]:w[1]]
	var repl string
	switch i % 4 {
	case 0:
		repl = word + "[^2]"
	case 1:
		repl = "*" + word + "*"
	case 2:
		repl = "[" + word + "](https://example.org/" + strings.ToLower(word) + ")"
	default:
		repl = "<em>" + word + "</em>"
	}
	u.Source = u.Source[:w[0]] + repl + u.Source[w[1]:]
	u.Note = "source markup not carried over: " + repl
	return true
}

func (in *Injector) injectSpelling(u *Unit, rng *rand.Rand) bool {
	if in.Spell == nil || u.Lang == pipeline.Chinese {
		return false
	}
	src := strings.ToLower(u.Source)
	ms := reWord.FindAllStringIndex(u.Target, -1)
	for tries := 0; tries < 60 && len(ms) > 0; tries++ {
		m := ms[rng.IntN(len(ms))]
		w := u.Target[m[0]:m[1]]
		rs := []rune(w)
		if len(rs) < 5 || !unicode.IsLower(rs[0]) || strings.Contains(src, strings.ToLower(w)) || in.Spell.Misspelled(w, u.Lang) || protected(u.Target, m[0], m[1]) {
			continue
		}
		typo := []rune(w)
		j := 1 + rng.IntN(len(rs)-2)
		switch rng.IntN(4) {
		case 0:
			typo[j], typo[j+1] = typo[j+1], typo[j]
		case 1:
			typo = append(typo[:j:j], typo[j+1:]...)
		case 2:
			typo = append(typo[:j+1:j+1], typo[j:]...)
		default:
			vowels := []rune("аеиоуыэюя")
			if u.Lang == pipeline.Kazakh {
				vowels = []rune("аеиоуыәөұүі")
			}
			typo[j] = vowels[rng.IntN(len(vowels))]
		}
		tw := string(typo)
		if tw == w || !in.Spell.Misspelled(tw, u.Lang) {
			continue
		}
		u.Target = u.Target[:m[0]] + tw + u.Target[m[1]:]
		u.Note = "typo " + w + " → " + tw
		return true
	}
	return false
}

func injectConsistency(u *Unit, rng *rand.Rand) bool {
	t := u.Target
	if u.Lang == pipeline.Chinese {
		rs := []rune(t)
		if len(rs) < 6 {
			return false
		}
		j := 1 + rng.IntN(len(rs)-4)
		u.Memory = []string{string(rs[:j]) + string(rs[j+2:])}
	} else {
		ws := strings.Fields(t)
		var lettered []int
		for k, w := range ws {
			if reWord.MatchString(w) {
				lettered = append(lettered, k)
			}
		}
		if len(lettered) < 3 {
			return false
		}
		k := lettered[rng.IntN(len(lettered))]
		u.Memory = []string{strings.Join(append(append([]string{}, ws[:k]...), ws[k+1:]...), " ")}
	}
	u.Note = "memory holds: " + u.Memory[0]
	return true
}
