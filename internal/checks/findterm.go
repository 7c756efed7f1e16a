package checks

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/text"
	"github.com/tilmash/tilmash/pipeline"
)

// Russian noun and adjective endings, for matching inflected terms. A text word matches a term
// word when both share a stem and the text word's remainder is one of these (or nothing).
var ruEndings = text.RussianEndings

var ruEndingSet = wordSet(strings.Join(ruEndings, " "))

// Kazakh suffixes: plural, possessive, case, the -ғы/-дағы adjectives and -лық derivation. A text
// word matches a term word when it is the term word followed by a chain of these.
var kkSuffixes = strings.Fields("лар лер дар дер тар тер ым ім м ың ің ң ы і сы сі ымыз іміз мыз міз " +
	"ыңыз іңіз ңыз ңіз ның нің дың дің тың тің ға ге қа ке а е на не ды ді ты ті н ны ні да де та те " +
	"нда нде дан ден тан тен нан нен мен бен пен менен ша ше ғы гі қы кі дағы дегі тағы тегі ндағы " +
	"ндегі дай дей тай тей лық лік дық дік тық тік шы ші мыз сың ақ ей")

// FindTerm finds the first occurrence of term in text, allowing for inflection: Russian case and
// number endings (инициатива → инициативой, рынок → рынка), Kazakh suffix chains with the
// consonant change before them (Жібек жолы → Жібек жолының, ынтымақтастық → ынтымақтастығы), and
// English plurals (economy → economies; a possessive 's is simply not part of the match). Case,
// ё/е, quote style («» “” ") and hyphens against spaces do not matter; words of two letters or
// fewer and words with digits must match exactly. Chinese terms are found as substrings. start
// and end are byte offsets of the match in text.
func FindTerm(text string, term string, lang pipeline.Lang) (start, end int, ok bool) {
	all := findTermAll(nil, text, term, lang, 1)
	if len(all) == 0 {
		return 0, 0, false
	}
	return all[0][0], all[0][1], true
}

// TermMatcher finds a termbase's terms in many source texts the way the glossary check looks for
// them (FindSourceTerm: inflected forms, whole words, not inside an English fixed phrase such as
// "on time"): each term is read once, each text's words once, and a term is compared only with
// texts that have a word starting with the letter of each of its words. The terms panel of a 300-segment edition
// with a termbase of hundreds of terms is matched this way.
type TermMatcher struct {
	lang     pipeline.Lang
	patterns []termPattern
	always   []int          // Chinese terms, found as substrings
	byFirst  map[rune][]int // the other terms, by the letter their first word starts with
}

// NewTermMatcher reads terms for matching in texts of lang. Empty terms match nothing.
func NewTermMatcher(terms []string, lang pipeline.Lang) *TermMatcher {
	m := &TermMatcher{lang: lang, patterns: make([]termPattern, len(terms)), byFirst: map[rune][]int{}}
	for i, t := range terms {
		p, ok := compileTerm(t, lang)
		m.patterns[i] = p
		switch {
		case !ok:
		case p.sub != "":
			m.always = append(m.always, i)
		default:
			m.byFirst[p.initials[0]] = append(m.byFirst[p.initials[0]], i)
			if p.others != nil && p.others[0] != 0 { // ребёнок is found by дети too
				m.byFirst[p.others[0]] = append(m.byFirst[p.others[0]], i)
			}
		}
	}
	return m
}

// Find returns the indexes, in the order the terms were given, of the terms that occur in text.
func (m *TermMatcher) Find(text string) []int {
	if text == "" {
		return nil
	}
	xw := allWords(text)
	inits := make([]rune, len(xw))
	seen := make(map[rune]bool, len(xw))
	var candidates []int
	candidates = append(candidates, m.always...)
	for i, w := range xw {
		r := foldInitial(w.Text)
		inits[i] = r
		if !seen[r] {
			seen[r] = true
			candidates = append(candidates, m.byFirst[r]...)
		}
	}
	sort.Ints(candidates)
	candidates = slices.Compact(candidates) // a term indexed by two letters (ребёнок, дети) comes once
	// In English, an occurrence inside a fixed phrase is no use of the term (see enIdioms).
	lower := ""
	if m.lang == pipeline.English {
		if lower = strings.ToLower(text); len(lower) != len(text) {
			lower = "" // offsets would not line up: keep every occurrence, as the check does
		}
	}
	var out []int
next:
	for _, i := range candidates {
		p := &m.patterns[i]
		for k, r := range p.initials { // every word of the term needs a text word with its letter
			if !seen[r] && (p.others == nil || p.others[k] == 0 || !seen[p.others[k]]) {
				continue next
			}
		}
		if lower == "" {
			if len(p.findIn(text, xw, inits, 1)) > 0 {
				out = append(out, i)
			}
			continue
		}
		for _, occ := range p.findIn(text, xw, inits, -1) {
			if !insideIdiom(lower, occ) {
				out = append(out, i)
				break
			}
		}
	}
	return out
}

// termPattern is a term read for matching: a Chinese term's characters, or its words with their
// first letters and what stands between and after them.
type termPattern struct {
	lang     pipeline.Lang
	sub      string // a Chinese term without spaces, found as a substring
	words    []word
	seps     []string
	initials []rune
	folded   []string // foldWord of each of words
	others   []rune   // a second first letter a word's forms may have (ребёнок → дети), or 0
	trailing string
}

// compileTerm reads term for matching in texts of lang; ok is false for a term with no words.
func compileTerm(term string, lang pipeline.Lang) (p termPattern, ok bool) {
	term = strings.TrimSpace(term)
	p.lang = lang
	if term == "" {
		return p, false
	}
	if lang == pipeline.Chinese || containsHan(term) {
		p.sub = strings.Join(strings.Fields(term), "")
		return p, p.sub != ""
	}
	tw := allWords(term)
	if len(tw) == 0 {
		return p, false
	}
	p.words = tw
	p.seps = make([]string, len(tw)-1)
	for i := 1; i < len(tw); i++ {
		p.seps[i-1] = normSep(term[tw[i-1].End:tw[i].Start])
	}
	// A form of a term word starts with the same letter: most text words are ruled out by it
	// before their separators are normalised and their forms compared.
	p.initials = make([]rune, len(tw))
	p.folded = make([]string, len(tw))
	for k, w := range tw {
		p.initials[k] = foldInitial(w.Text)
		p.folded[k] = foldWord(w.Text)
		if lang == pipeline.Russian && (p.initials[k] == 'р' || p.initials[k] == 'ч') { // the suppletive nouns' initials
			if stem := ruSuppletive(foldWord(w.Text)); stem != "" {
				if p.others == nil {
					p.others = make([]rune, len(tw))
				}
				p.others[k] = firstRune(stem)
			}
		}
	}
	p.trailing = trailingSep(term, tw)
	return p, true
}

// findTermAll returns up to limit matches of term in text (limit < 0: all), reading the words of
// text through memo.
func findTermAll(memo *wordMemo, text, term string, lang pipeline.Lang, limit int) [][2]int {
	if text == "" {
		return nil
	}
	p, ok := compiledTerm(term, lang)
	if !ok {
		return nil
	}
	return p.find(memo, text, limit)
}

// compiledTerms keeps the terms compileTerm has read, as every Check call looks for the same
// termbase and names: reading them was a sixth of the checks' time. It forgets everything past
// maxCompiledTerms, which bounds its memory whatever terms it is given.
var compiledTerms struct {
	sync.Mutex
	m map[compiledKey]*termPattern
}

type compiledKey struct {
	term string
	lang pipeline.Lang
}

const maxCompiledTerms = 50_000

// compiledTerm is compileTerm through compiledTerms. The patterns are never changed once read,
// so concurrent checks share them.
func compiledTerm(term string, lang pipeline.Lang) (*termPattern, bool) {
	k := compiledKey{term, lang}
	compiledTerms.Lock()
	p, ok := compiledTerms.m[k]
	compiledTerms.Unlock()
	if ok {
		return p, p != nil
	}
	c, ok := compileTerm(term, lang)
	if ok {
		p = &c
	}
	compiledTerms.Lock()
	if compiledTerms.m == nil || len(compiledTerms.m) >= maxCompiledTerms {
		compiledTerms.m = map[compiledKey]*termPattern{}
	}
	compiledTerms.m[k] = p
	compiledTerms.Unlock()
	return p, ok
}

// find returns up to limit matches of the term in text (limit < 0: all), reading the words of
// text through memo.
func (p *termPattern) find(memo *wordMemo, text string, limit int) [][2]int {
	if text == "" {
		return nil
	}
	if p.sub != "" {
		return findSubstrings(text, p.sub, limit)
	}
	if len(p.words) == 0 {
		return nil
	}
	return p.findIn(text, memo.allWords(text), memo.initials(text), limit)
}

// findIn is find on text's words xw, with their first letters folded in inits when the caller
// has them (nil: folded here).
func (p *termPattern) findIn(text string, xw []word, inits []rune, limit int) [][2]int {
	if p.sub != "" {
		return findSubstrings(text, p.sub, limit)
	}
	tw := p.words
	if len(tw) == 0 {
		return nil
	}
	initial := func(j int) rune {
		if inits != nil {
			return inits[j]
		}
		return foldInitial(xw[j].Text)
	}
	var out [][2]int
	for i := 0; i+len(tw) <= len(xw); i++ {
		ok := true
		for k := range tw {
			if c := initial(i + k); c != p.initials[k] && (p.others == nil || p.others[k] == 0 || c != p.others[k]) {
				ok = false
				break
			}
			if k > 0 && normSep(text[xw[i+k-1].End:xw[i+k].Start]) != p.seps[k-1] {
				ok = false
				break
			}
			if !wordMatchesFolded(xw[i+k].Text, tw[k].Text, p.folded[k], p.lang) {
				ok = false
				break
			}
		}
		if ok {
			end := xw[i+len(tw)-1].End
			if p.lang == pipeline.English {
				end = xw[i+len(tw)-1].Start + len(possessiveStem(xw[i+len(tw)-1].Text, tw[len(tw)-1].Text))
			}
			out = append(out, [2]int{xw[i].Start, extendSep(text, end, p.trailing)})
			if limit > 0 && len(out) >= limit {
				break
			}
		}
	}
	return out
}

// foldInitial is the first letter of foldWord(w), without folding the whole word.
func foldInitial(w string) rune {
	r := unicode.ToLower(firstRune(w))
	if r == 'ё' {
		return 'е'
	}
	return r
}

// trailingSep is the punctuation a term ends with after its last word, normalised.
func trailingSep(term string, tw []word) string { return normSep(term[tw[len(tw)-1].End:]) }

// extendSep extends a match over the closing punctuation the term ends with («Пояс и путь»):
// end moves past text characters as long as they spell the term's trailing punctuation.
func extendSep(text string, end int, trailing string) int {
	if trailing == "" {
		return end
	}
	i := end
	got := ""
	for i < len(text) && got != trailing {
		r, size := utf8.DecodeRuneInString(text[i:])
		n := normSep(string(r))
		if n == "" && !unicode.IsSpace(r) && !isDash(r) {
			break
		}
		if n != "" && !strings.HasPrefix(trailing, got+n) {
			break
		}
		got += n
		i += size
	}
	if got == trailing {
		return i
	}
	return end
}

func containsHan(s string) bool {
	for _, r := range s {
		if isHan(r) {
			return true
		}
	}
	return false
}

func findSubstrings(text, sub string, limit int) [][2]int {
	var out [][2]int
	if sub == "" {
		return nil
	}
	for off := 0; ; {
		i := strings.Index(text[off:], sub)
		if i < 0 {
			return out
		}
		out = append(out, [2]int{off + i, off + i + len(sub)})
		if limit > 0 && len(out) >= limit {
			return out
		}
		off += i + len(sub)
	}
}

// normSep reduces what stands between two words to what matters for a term: spaces, hyphens and
// dashes vanish, every quote mark becomes ".
func normSep(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || isDash(r) || r == '\u00ad':
		case strings.ContainsRune("«»“”„\"‘’'‹›", r):
			b.WriteByte('"')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// wordMatches reports whether a text word is a form of a term word.
func wordMatches(text, term string, lang pipeline.Lang) bool {
	return wordMatchesFolded(text, term, foldWord(term), lang)
}

// wordMatchesFolded is wordMatches with the term word already folded (t).
func wordMatchesFolded(text, term, t string, lang pipeline.Lang) bool {
	// An inflected form adds at most a few endings (under 64 bytes) to the term word, and
	// lower-casing leaves a rune at least a third and at most one and a half times its bytes: a
	// far longer text word is no form of it, and is not lower-cased for every term of the
	// termbase.
	if len(text) > 5*len(term)+192 {
		return false
	}
	x := foldWord(text)
	if x != t && lang == pipeline.English {
		x = trimPossessive(x) // a word keeps its apostrophe: Road’s is a form of Road
	}
	if x == t {
		return true
	}
	rt := []rune(t)
	if len(rt) <= 2 || strings.ContainsAny(t, "0123456789") || isAllUpper(term) && len(rt) <= 5 {
		return false
	}
	switch lang {
	case pipeline.Russian:
		return ruWordMatches(x, t)
	case pipeline.Kazakh:
		return kkWordMatches(x, t)
	case pipeline.English:
		return enWordMatches(x, t)
	}
	return false
}

// possessiveStem returns the text word without the possessive ending the term word lacks: a
// possessive is not part of a match.
func possessiveStem(text, term string) string {
	if trimPossessive(term) != term {
		return text
	}
	return trimPossessive(text)
}

// trimPossessive removes the English possessive ending: 's, ’s, or a bare apostrophe after -s.
func trimPossessive(x string) string {
	for _, e := range []string{"'s", "’s", "'", "’"} {
		if b, ok := strings.CutSuffix(x, e); ok && b != "" {
			return b
		}
	}
	return x
}

// enIrregularPlural is the plural of an English noun that adds no -s, or "".
func enIrregularPlural(t string) string {
	switch t {
	case "child":
		return "children"
	case "person":
		return "people"
	case "man":
		return "men"
	case "woman":
		return "women"
	case "foot":
		return "feet"
	case "tooth":
		return "teeth"
	case "mouse":
		return "mice"
	case "goose":
		return "geese"
	case "criterion":
		return "criteria"
	case "phenomenon":
		return "phenomena"
	}
	return ""
}

func enWordMatches(x, t string) bool {
	if p := enIrregularPlural(t); p != "" && x == p {
		return true
	}
	switch {
	case strings.HasSuffix(t, "f") && x == t[:len(t)-1]+"ves", strings.HasSuffix(t, "fe") && x == t[:len(t)-2]+"ves":
		return true // half → halves, wife → wives
	case x == t+"s" || x == t+"es":
		return true
	case strings.HasSuffix(t, "y") && x == t[:len(t)-1]+"ies":
		return true
	case strings.HasSuffix(t, "s") && x == strings.TrimSuffix(t, "s"): // term given in the plural
		return true
	}
	return false
}

// ruNumeralsInMya are the instrumental forms of numerals that end as neuter nouns in -мя do.
var ruNumeralsInMya = map[string]bool{"двумя": true, "тремя": true, "четырьмя": true}

// ruStems returns the stems a Russian term word inflects from: the word minus its ending (the
// stem keeps at least three letters), and the stems its irregular forms are built on:
//   - a fleeting vowel, the о or е (ё) before the last consonant of a masculine noun, which
//     the other forms drop: рынок → рынка, посол → посла, уголь → угля, конец → конца; after a
//     vowel the е leaves a й: заём → займа, боец → бойца; in a word of three letters a ь:
//     лёд → льда;
//   - the soft sign or й that ends a stem: путь → пути, путём; музей → музея;
//   - the -мя nouns, whose stem grows by -ен: время → времени, имя → именем.
func ruStems(t string) []string {
	rt := []rune(t)
	if b, ok := strings.CutSuffix(t, "мя"); ok && len(rt) >= 4 && !ruNumeralsInMya[t] {
		// A neuter noun in -мя declines on -мен- (семени, семена; времён) and -мян (семян):
		// its bare stem would find семей, the genitive of семья.
		return []string{t, b + "мен", b + "мян"}
	}
	stem := t
	for _, e := range ruEndings {
		if strings.HasSuffix(t, e) && len(rt)-len([]rune(e)) >= 3 {
			stem = strings.TrimSuffix(t, e)
			break
		}
	}
	stems := []string{stem}
	base := t // the stem before a fleeting vowel: the word, or the word without ь/й
	if b, ok := strings.CutSuffix(t, "ь"); ok && stem != t {
		base = b
	} else if b, ok := strings.CutSuffix(t, "й"); ok && stem != t {
		base = b
	} else if stem != t {
		base = ""
	}
	if base != "" {
		if f := ruFleeting(base); f != "" {
			stems = append(stems, f)
		}
	}
	if b, ok := strings.CutSuffix(t, "й"); ok && len([]rune(b)) >= 3 && stem != b {
		stems = append(stems, b) // музей → музея, музеем: the й is the stem's, not an ending's
	}
	if b, ok := strings.CutSuffix(t, "мя"); ok && len([]rune(b)) >= 1 {
		stems = append(stems, b+"мен") // имя → имени
	}
	if last := rt[len(rt)-1]; stem != t && !strings.ContainsRune(ruVowels+"ьй", last) {
		// A masculine noun ends in its stem's consonant, and its last letters may spell an
		// ending by chance: режим, подъём, агроном, запев are stems whole (режима, подъёма).
		stems = append(stems, t)
	}
	if g := ruGenitivePlural(rt); g != "" {
		stems = append(stems, g)
	}
	if b, ok := strings.CutSuffix(t, "анин"); ok && len(rt) >= 6 {
		stems = append(stems, b+"ан") // гражданин → граждане, граждан; россиянин → россияне
	} else if b, ok := strings.CutSuffix(t, "янин"); ok && len(rt) >= 6 {
		stems = append(stems, b+"ян")
	}
	return stems
}

// ruGenitivePlural returns the genitive plural of a noun in -ка or -ко, which puts a vowel
// between the consonants it ends in (поставка → поставок, сделка → сделок, баночка →
// баночек, копейка → копеек, долька → долек), or "". The vowel is е after a hushing consonant,
// ц, a soft sign or й, and о elsewhere.
func ruGenitivePlural(rt []rune) string {
	n := len(rt)
	if n < 5 || rt[n-2] != 'к' || rt[n-1] != 'а' && rt[n-1] != 'о' {
		return ""
	}
	before := rt[n-3]
	switch {
	case strings.ContainsRune(ruVowels, before):
		return ""
	case before == 'й' || before == 'ь':
		return string(rt[:n-3]) + "ек"
	case strings.ContainsRune("жшчщц", before):
		return string(rt[:n-2]) + "ек"
	}
	return string(rt[:n-2]) + "ок"
}

// ruFleeting returns s without the fleeting vowel before its last consonant, or "".
func ruFleeting(s string) string {
	rs := []rune(s)
	n := len(rs)
	if n == 3 && rs[1] == 'е' && !strings.ContainsRune(ruVowels, rs[0]) && !strings.ContainsRune(ruVowels, rs[2]) {
		return string(rs[0]) + "ь" + string(rs[2]) // лёд → льда, лён → льна: a soft sign keeps the first consonant soft
	}
	if n < 4 || rs[n-2] != 'о' && rs[n-2] != 'е' || strings.ContainsRune(ruVowels, rs[n-1]) {
		return ""
	}
	if strings.ContainsRune(ruVowels, rs[n-3]) {
		if rs[n-2] != 'е' {
			return ""
		}
		return string(rs[:n-2]) + "й" + string(rs[n-1]) // заём (заем) → займ
	}
	if rs[n-3] == 'л' && rs[n-2] == 'е' && rs[n-1] == 'ц' {
		return string(rs[:n-2]) + "ьц" // владелец → владельца, палец → пальца
	}
	return string(rs[:n-2]) + string(rs[n-1])
}

const ruVowels = "аеёиоуыэюя"

// ruFunctionWord reports the prepositions and adverbs that coincide with a form of a noun (после
// is the prepositional of посол, более of боль): in running text they are the function word, not
// the term.
func ruFunctionWord(x string) bool {
	switch x {
	case "после", "более", "около", "между", "перед", "против":
		return true
	}
	return false
}

// ruSuppletive gives the plural stem of a Russian noun whose plural is another word (ребёнок →
// дети, человек → люди), or "".
func ruSuppletive(t string) string {
	switch t {
	case "ребенок":
		return "дет"
	case "человек":
		return "люд"
	}
	return ""
}

// ruPluralEnding reports the plural endings the suppletive stems take.
func ruPluralEnding(e string) bool {
	switch e {
	case "и", "ей", "ям", "ьми", "ях":
		return true
	}
	return false
}

func ruWordMatches(x, t string) bool {
	if ruFunctionWord(x) {
		return false
	}
	if p := ruSuppletive(t); p != "" {
		if rest, ok := strings.CutPrefix(x, p); ok && ruPluralEnding(rest) {
			return true
		}
	}
	// The -мя nouns build their genitive plural on -мён (времён, имён), which the stem in -мен
	// covers once ё is folded, except семя and стремя: семян, стремян.
	if b, ok := strings.CutSuffix(t, "мя"); ok && x == b+"мян" {
		return true
	}
	for _, s := range ruStems(t) {
		if rest, ok := strings.CutPrefix(x, s); ok && (rest == "" || ruEndingSet[rest]) {
			return true
		}
	}
	return false
}

// kkWordMatches accepts the term word followed by a chain of up to four suffixes, with the final
// к, қ, п of the term voiced before a vowel (ынтымақтастық → ынтымақтастығы).
func kkWordMatches(x, t string) bool {
	stems := []string{t}
	rs := []rune(t)
	switch rs[len(rs)-1] {
	case 'к':
		stems = append(stems, string(rs[:len(rs)-1])+"г")
	case 'қ':
		stems = append(stems, string(rs[:len(rs)-1])+"ғ")
	case 'п':
		stems = append(stems, string(rs[:len(rs)-1])+"б")
	}
	// A plural term also matches its singular, which Kazakh uses after numerals and quantity
	// words (тұрғындар → 100 000 тұрғынды).
	for _, e := range []string{"лар", "лер", "дар", "дер", "тар", "тер"} {
		if b, ok := strings.CutSuffix(t, e); ok && len([]rune(b)) >= 3 {
			stems = append(stems, b)
			break
		}
	}
	// A narrow vowel of the last syllable drops before a vowel suffix: халық → халқы,
	// орын → орны.
	if n := len(rs); n >= 4 && (rs[n-2] == 'ы' || rs[n-2] == 'і') && !strings.ContainsRune(kkVowels, rs[n-1]) &&
		!strings.ContainsRune(kkVowels, rs[n-3]) {
		stems = append(stems, string(rs[:n-2])+string(rs[n-1]))
	}
	// A term given with the third-person possessive (Жібек жолы) also matches other forms of its
	// head word: жолдың is rare, but жолдары and жолындағы are not.
	for _, e := range []string{"сы", "сі", "ы", "і"} {
		if b, ok := strings.CutSuffix(t, e); ok && len([]rune(b)) >= 3 {
			stems = append(stems, b)
			break
		}
	}
	for _, s := range stems {
		if rest, ok := strings.CutPrefix(x, s); ok && kkSuffixChain(rest, 4) {
			return true
		}
	}
	return false
}

func kkSuffixChain(rest string, depth int) bool {
	if rest == "" {
		return true
	}
	if depth == 0 {
		return false
	}
	for _, s := range kkSuffixes {
		if r, ok := strings.CutPrefix(rest, s); ok && kkSuffixChain(r, depth-1) {
			return true
		}
	}
	return false
}
