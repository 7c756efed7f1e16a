package repair

import (
	"bufio"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/text"
)

//go:embed data/*.gz
var dataFS embed.FS

// corpusSize is the size of the corpus that counts are relative to: the 51 million words of
// SUBTLEX-US for English; Russian and Kazakh pseudo-counts use the same scale.
const corpusSize = 5.0e7

// lexicon is what the segmenter knows about the words of one language: how frequent a word is
// and whether it is a correct word at all.
type lexicon struct {
	counts map[string]entry // English: lower-case word → subtitle count and dictionary flag
	filter *text.WordFilter // English: the words of counts
	dict   *text.Hunspell   // Russian and Kazakh: stems and suffix rules
	// function holds pseudo-counts for the closed-class words of Russian and Kazakh (prepositions,
	// conjunctions, particles, pronouns), which have no frequency list we can install: they are
	// the words most often run into their neighbours, and the only short words allowed as pieces.
	function map[string]float64
	// dictCount is the pseudo-count of a dictionary word the frequency list does not know.
	dictCount float64
	// endings, for Kazakh, are the inflections stripped from a word the dictionary does not know
	// before its stem is looked up (see kazakhEndings).
	endings []string
	// loans, for Kazakh, is the Russian dictionary: Kazakh takes Russian and international nouns
	// as they are and inflects them its own way ("инвесторлар", "бюджетке"), and the Kazakh
	// dictionary holds few of them.
	loans *text.Hunspell
	// stumps, for Russian, reads a clipped stem and a word written as one as a word
	// (stumpCompound).
	stumps bool
	// extra are the words of analytical prose the dictionary lacks, the spelling check's
	// supplementary list (text.SupplementaryWords): for Kazakh, stems that take endings ("өңір"),
	// for Russian, words that take their inflection endings ("акимат").
	extra map[string]bool
	// extraHeads, for Russian, are the first three letters of the extra words.
	extraHeads map[string]bool
	// memo, in the copy of a Russian or Kazakh lexicon that one article uses (forArticle),
	// remembers the answers of the dictionary look-ups that the search for splits asks again and
	// again: the pieces of a token share their stems, and the analyser tries each stem of each.
	memo *lexMemo
}

// firstThree returns the first three letters of w (all of a shorter w).
func firstThree(w string) string {
	n := 0
	for i := range w {
		if n == 3 {
			return w[:i]
		}
		n++
	}
	return w
}

// lexMemo holds remembered answers of pure functions of a word and the word lists.
type lexMemo struct {
	known, stem, loan, infinitive, dict, firm map[string]bool
}

// forArticle returns the lexicon to use for one article: for Russian and Kazakh a copy with a
// memo of its own, so that the shared lexicon stays read-only and safe for concurrent use.
// English looks its words up in one map, which a memo would not make faster.
func (l *lexicon) forArticle() *lexicon {
	if l.counts != nil {
		return l
	}
	c := *l
	c.memo = &lexMemo{known: map[string]bool{}, stem: map[string]bool{}, loan: map[string]bool{},
		infinitive: map[string]bool{}, dict: map[string]bool{}, firm: map[string]bool{}}
	return &c
}

// remembered returns f(w), asking f only the first time w is seen with m.
func remembered(m map[string]bool, w string, f func(string) bool) bool {
	if v, ok := m[w]; ok {
		return v
	}
	v := f(w)
	m[w] = v
	return v
}

type entry struct {
	count uint32
	dict  bool // in the Hunspell dictionary, not only in the subtitles
	name  bool // a dictionary word written only capitalised: "Beijing", "Korean"
}

// count returns how often the lower-case word w occurs per corpusSize words, 0 for a non-word.
func (l *lexicon) count(w string) float64 {
	if l.counts != nil && !l.filter.MayHold(w) {
		return 0
	}
	return l.countFiltered(w)
}

// mayHold reports false only for a string whose count is 0. h is its text.FilterHash.
func (l *lexicon) mayHold(h uint64) bool { return l.filter == nil || l.filter.MayHoldHash(h) }

// countFiltered is count for a word the lexicon's filter let through.
func (l *lexicon) countFiltered(w string) float64 {
	if l.counts != nil {
		e, ok := l.counts[w]
		if !ok {
			return 0
		}
		if e.count == 0 && e.dict {
			return l.dictCount
		}
		if englishLeading[w] {
			// Connectives ("amid", "despite", "throughout") are far more frequent in the prose
			// Tilmash reads than in the film subtitles the counts come from.
			return max(float64(e.count), leadingCount)
		}
		return float64(e.count)
	}
	if c, ok := l.function[w]; ok {
		return c
	}
	if l.known(w) {
		return l.dictCount
	}
	return 0
}

// isDictWord reports whether w is in the dictionary. English words known only from the subtitle
// counts are not: subtitles have their own words run together ("arenot").
func (l *lexicon) isDictWord(w string) bool {
	if l.counts != nil {
		return l.filter.MayHold(w) && l.counts[w].dict
	}
	_, fn := l.function[w]
	return fn || l.known(w)
}

// known reports a dictionary word, or for Kazakh a dictionary stem with up to three endings:
// the Kazakh dictionary's suffix rules miss many regular forms ("санкцияларға", "көлікті").
func (l *lexicon) known(w string) bool {
	if l.memo != nil {
		return remembered(l.memo.known, w, l.lookUp)
	}
	return l.lookUp(w)
}

// lookUp is known without the memo.
func (l *lexicon) lookUp(w string) bool {
	if l.inDict(w) {
		return true
	}
	if l.stumps {
		// A supplementary word takes its endings: "акимате", "хабов". Its forms begin with its
		// first three letters, which rule out most pieces at once.
		if l.extraHeads[firstThree(w)] && text.RussianSupplementaryForm(l.extra, w) {
			return true
		}
		// (an adjective the dictionary lacks of a noun it lists: "санкционный" of "санкция")
		return l.stumpCompound(w, 2) || text.RussianRelationalAdjective(l.inDict, w)
	}
	if len(l.endings) == 0 {
		return false
	}
	// A compound the dictionary lacks ("мекенжай", "ұжымшар") is read as the spelling check
	// reads it: a word, which splitting would break.
	return l.loan(w) || l.verbalNounYu(w) || l.possessedVerbalNoun(w) || l.nameAdjective(w) || text.KazakhKnownForm(l.kazakhStem, w) ||
		text.KazakhCompound(l.kazakhNoun, w)
}

// minStumpTail is the fewest letters of the word after a clipped stem in a stump compound.
const minStumpTail = 4

// stumpCompound reports a Russian stump compound the dictionary lacks: a clipped stem
// (russianStumps) written as one word with a word of four letters or more in its dictionary form,
// or with another such compound, up to depth stems in all ("госпрограмма", "спецэкономзона").
// An inflected form after the stem is too often a chance reading of a longer chain of stems
// ("рос|оборон|экспорт").
func (l *lexicon) stumpCompound(w string, depth int) bool {
	if depth == 0 {
		return false
	}
	for _, stump := range text.RussianStumps() {
		rest, ok := strings.CutPrefix(w, stump)
		if !ok || text.IsRussianStump(rest) || utf8.RuneCountInString(rest) < minStumpTail {
			continue
		}
		if l.dict.IsStem(rest) || l.stumpCompound(rest, depth-1) {
			return true
		}
	}
	return false
}

// stumpForm reports a Russian token that is a clipped stem and an inflected dictionary word
// written as one ("туроператоры", "госкомпаниями"). stumpCompound takes only a dictionary form
// after the stem, so that a chain of stems is not read as words; a whole token so made is still a
// stump compound, and a reading that cuts it elsewhere ("туропера|торы") breaks it.
func (l *lexicon) stumpForm(w string) bool {
	for _, stump := range text.RussianStumps() {
		rest, ok := strings.CutPrefix(w, stump)
		if ok && utf8.RuneCountInString(rest) > minStumpTail && l.inDict(rest) {
			return true
		}
	}
	return false
}

// verbalNounYu reports the verbal noun of a Kazakh verb in -й, which writes "-й" and "-у" as one
// "ю" ("күшей" → "күшею", "азай" → "азаю"): the dictionary lists the stem in -й with its other
// forms but lacks many of these nouns, and so the analyser does not read their forms
// ("күшеюі", "күшеюде").
func (l *lexicon) verbalNounYu(w string) bool {
	base, ok := strings.CutSuffix(w, "ю")
	if !ok || len(l.endings) == 0 {
		return false
	}
	stem := base + "й"
	return utf8.RuneCountInString(stem) >= minKazakhStem+1 && harmonic(stem) && dictKnown(l.dict, stem)
}

// possessedVerbalNoun reports the verbal noun in "-у" of a Kazakh verb the dictionary lists, with
// the third-person possessive "-ы/-і" and a case ending or none ("өсуі", "дамуына", "өсуінің"):
// the analyser takes stems of four letters or more, and most verbs are shorter.
func (l *lexicon) possessedVerbalNoun(w string) bool {
	if len(l.endings) == 0 {
		return false
	}
	// "-нсыз/-нсіз": "without its …" (қолдауынсыз).
	for _, c := range []string{"", "н", "на", "не", "нда", "нде", "нан", "нен", "ның", "нің", "мен", "нсыз", "нсіз"} {
		rest, ok := strings.CutSuffix(w, c)
		if !ok {
			continue
		}
		for _, p := range []string{"ы", "і"} {
			if noun, ok := strings.CutSuffix(rest, p); ok && strings.HasSuffix(noun, "у") &&
				utf8.RuneCountInString(noun) >= 3 && l.infinitive(noun) {
				return true
			}
		}
	}
	return false
}

// nameAdjective reports a Kazakh adjective of a country's or a people's name with "-лық/-лік"
// ("кореялық", "жапониялық", "еуропалық"), which the dictionaries list capitalised and the
// analyser therefore misses.
func (l *lexicon) nameAdjective(w string) bool {
	if len(l.endings) == 0 {
		return false
	}
	for _, e := range []string{"лық", "лік"} {
		stem, ok := strings.CutSuffix(w, e)
		if !ok || utf8.RuneCountInString(stem) < minKazakhStem || !isVowel(lastRune(stem)) {
			continue
		}
		if l.dict.IsStem(titleCase(stem)) || l.loans != nil && l.loans.ValidMinStem(titleCase(stem), minStem) {
			return true
		}
	}
	return false
}

// firmKazakh reports a Kazakh word known without the analyser's reading of endings: a closed-class
// word, a dictionary form, a Russian loan or a compound of a known kind.
func (l *lexicon) firmKazakh(w string) bool {
	if l.memo != nil {
		return remembered(l.memo.firm, w, l.firmKazakhWord)
	}
	return l.firmKazakhWord(w)
}

// firmKazakhWord is firmKazakh without the memo.
func (l *lexicon) firmKazakhWord(w string) bool {
	_, fn := l.function[w]
	return fn || l.inDict(w) || l.loan(w) || text.KazakhCompound(l.kazakhNoun, w) ||
		text.KazakhKnownForm(l.loanStem, w) || len(l.extra) > 0 && text.KazakhKnownForm(l.isExtraStem, w)
}

// isExtraStem reports a word of the supplementary list, a stem that takes endings as a loan does.
func (l *lexicon) isExtraStem(w string) bool { return l.extra[w] }

// inDict is dictKnown in the lexicon's own dictionary, remembered when the lexicon has a memo.
func (l *lexicon) inDict(w string) bool {
	if l.memo != nil {
		return remembered(l.memo.dict, w, func(w string) bool { return dictKnown(l.dict, w) || l.extra[w] })
	}
	return dictKnown(l.dict, w) || l.extra[w]
}

// loanStem reports a Russian loan as the stem of a Kazakh form ("кредитор|ына"), with the one т
// that loans in -ст keep before "-тар/-тер" ("журналис|тер").
func (l *lexicon) loanStem(w string) bool {
	return l.loan(w) || strings.HasSuffix(w, "с") && l.loan(w+"т")
}

// kazakhNoun reports a noun stem of the Kazakh dictionary long enough to be part of a compound.
// A form with the locative adjective ending that the dictionary lists as a stem ("арасындағы")
// begins no compound: "арасындағыжолды" is no "арасындағы" and "-жол". Nor does a closed-class
// word or an adjective of age or size ("жаңа", "үлкен"): "жаңажолдар" is "жаңа жолдар".
func (l *lexicon) kazakhNoun(w string) bool {
	if _, fn := l.function[w]; fn {
		return false
	}
	return utf8.RuneCountInString(w) >= text.KazakhMinCompoundPart && l.dict.StemHasFlag(w, text.KazakhNounFlag) &&
		!locativeAdjective(w)
}

// locativeAdjective reports a Kazakh word in the locative adjective ending "-дағы/-дегі/-тағы/-тегі".
func locativeAdjective(w string) bool {
	for _, e := range []string{"дағы", "дегі", "тағы", "тегі"} {
		if strings.HasSuffix(w, e) && utf8.RuneCountInString(w) > 5 {
			return true
		}
	}
	return false
}

// minLoanRunes: shorter Russian words are too often a Kazakh word's accidental match.
const minLoanRunes = 5

// loan reports a Russian word of five letters or more written without Kazakh letters: in
// Kazakh text a loanword as it stands ("инвестор", "терминал").
func (l *lexicon) loan(w string) bool {
	if l.memo != nil && l.loans != nil {
		return remembered(l.memo.loan, w, l.loanWord)
	}
	return l.loanWord(w)
}

// loanWord is loan without the memo.
func (l *lexicon) loanWord(w string) bool {
	return l.loans != nil && utf8.RuneCountInString(w) >= minLoanRunes &&
		!strings.ContainsAny(w, "әғқңөұүһі") && l.loans.ValidMinStem(w, minStem)
}

// shortLoan reports a Russian noun of four letters without Kazakh letters ("юань", "банк",
// "курс"). Alone such a word is too often a Kazakh word's accidental match, so it counts only as
// the stem of a Kazakh form, where the analyser asks the endings to follow its vowels.
func (l *lexicon) shortLoan(w string) bool {
	return l.loans != nil && utf8.RuneCountInString(w) == minLoanRunes-1 &&
		!strings.ContainsAny(w, "әғқңөұүһі") && l.loans.ValidMinStem(w, minStem)
}

// kazakhStem reports a stem that Kazakh suffixes may follow: a dictionary word, a Russian loan,
// or a noun made from a verb the dictionary knows with "-ым/-ім/-м" ("аудар" → "аударым",
// "біл" → "білім"), which the dictionary often lacks.
func (l *lexicon) kazakhStem(w string) bool {
	if l.memo != nil {
		return remembered(l.memo.stem, w, l.kazakhStemWord)
	}
	return l.kazakhStemWord(w)
}

// kazakhStemWord is kazakhStem without the memo.
func (l *lexicon) kazakhStemWord(w string) bool {
	if l.plainStem(w) || l.verbalNounYu(w) {
		return true
	}
	if l.loanStem(w) {
		return true
	}
	for _, e := range []string{"ым", "ім", "м"} {
		if v, ok := strings.CutSuffix(w, e); ok && utf8.RuneCountInString(v) >= 3 &&
			(e != "м" || isVowel([]rune(v)[len([]rune(v))-1])) && text.KazakhVerbStem(l.infinitive, v) {
			return true
		}
	}
	return false
}

// plainStem is a stem of four letters or more that the Kazakh or Russian dictionary knows:
// shorter stems ("кин", "ар") make too many false readings of a token's pieces.
func (l *lexicon) plainStem(w string) bool {
	return utf8.RuneCountInString(w) >= minKazakhStem && (l.inDict(w) || l.loan(w) || l.shortLoan(w))
}

// infinitive reports a Kazakh verb the dictionary lists in its dictionary form, "-у" or "-ю".
func (l *lexicon) infinitive(w string) bool {
	if l.memo != nil {
		return remembered(l.memo.infinitive, w, l.infinitiveWord)
	}
	return l.infinitiveWord(w)
}

// infinitiveWord is infinitive without the memo.
func (l *lexicon) infinitiveWord(w string) bool {
	if !strings.HasSuffix(w, "у") && !strings.HasSuffix(w, "ю") {
		return false
	}
	return dictKnown(l.dict, w) || l.causativeStem(strings.TrimSuffix(w, "у"))
}

// causativeStem reports a verb made of a noun or adjective with "-да/-де/-та/-те/-ла/-ле" and
// the causative "-т" that the dictionary lists as a bare stem but not in "-у" ("жеңілдет" of
// "жеңіл", whose "жеңілдету" it lacks), so that its forms ("жеңілдетілмегендіктен") read as a
// verb's. The noun must be a dictionary stem of four letters or more, in the suffix's row of
// vowels: the nouns "міндет" and "әдет" are no verbs of "мін" and "ә".
func (l *lexicon) causativeStem(stem string) bool {
	if len(l.endings) == 0 || !l.dict.IsStem(stem) {
		return false
	}
	for _, suf := range []string{"дет", "тет", "лет", "дат", "тат", "лат"} {
		noun, ok := strings.CutSuffix(stem, suf)
		if !ok || utf8.RuneCountInString(noun) < 4 || !l.dict.IsStem(noun) || !harmonic(stem) {
			continue
		}
		return true
	}
	return false
}

// verbForm reports a Kazakh word that only a verb can be: a tense, participle or converb of a
// verb the dictionary knows (text.KazakhVerbForm). No compound written as one word ends in one.
func (l *lexicon) verbForm(w string) bool {
	return len(l.endings) > 0 && harmonic(w) && text.KazakhVerbForm(l.infinitive, w)
}

// harmonic reports a word whose vowels are all back (а, о, ұ, ы) or all front (ә, ө, ү, і, е),
// as in every native Kazakh verb form: the analyser takes voices off without looking at harmony,
// so that "қабілетін" (a noun) would otherwise read as "қаб+іл+етін".
func harmonic(w string) bool {
	return !strings.ContainsAny(w, "аоұы") || !strings.ContainsAny(w, "әөүіе")
}

// inflected reports a Kazakh word that ends in an ending which closes a word: a case ending, an
// adjective or participle ending, a past tense or the verbal noun "-у" (kazakhClosing). A bare
// stem ("құпия", "перне") or a possessive ("тілдерің") may go on into a compound or another
// ending.
func (l *lexicon) inflected(w string) bool {
	if len(l.endings) == 0 {
		return false
	}
	for _, e := range kazakhClosing {
		if strings.HasSuffix(w, e) && utf8.RuneCountInString(w) > utf8.RuneCountInString(e)+2 {
			return true
		}
	}
	return false
}

// stemKnown strips endings from w, longest first, up to depth of them, and looks the rest up
// when it keeps minRunes letters.
func (l *lexicon) stemKnown(w string, depth, minRunes int) bool {
	if depth == 0 {
		return false
	}
	for _, e := range l.endings {
		stem, ok := strings.CutSuffix(w, e)
		if !ok || utf8.RuneCountInString(stem) < minRunes {
			continue
		}
		if dictKnownStem(l.dict, stem, min(minRunes, minStem+2)) || l.stemKnown(stem, depth-1, minRunes) {
			return true
		}
	}
	return false
}

// leadingCount is the least count given to an English sentence-leading closed-class word.
const leadingCount = 2e4

// minStem is the shortest dictionary stem whose affixed forms count as words: the Russian and
// Kazakh dictionaries hold single letters too, but "к"+"тің" is no word.
const minStem = 3

// dictKnown reports whether w, or w with its first letter upper-cased (names), is a word of d.
func dictKnown(d *text.Hunspell, w string) bool { return dictKnownStem(d, w, minStem) }

// dictKnownStem is dictKnown with the shortest dictionary stem given.
func dictKnownStem(d *text.Hunspell, w string, stem int) bool {
	if d == nil || w == "" {
		return false
	}
	if d.ValidMinStem(w, stem) {
		return true
	}
	r, n := utf8.DecodeRuneInString(w)
	if u := unicode.ToUpper(r); u != r {
		return d.ValidMinStem(string(u)+w[n:], stem)
	}
	return false
}

// isNameOnly reports whether the lower-case w is a word of the dictionary only when
// capitalised: a name such as "газпром" or "астана".
func (l *lexicon) isNameOnly(w string) bool {
	if l.dict == nil {
		return false
	}
	if l.dict.ValidMinStem(w, minStem) {
		return false
	}
	return dictKnown(l.dict, w)
}

// isFunction reports whether w is a closed-class word (English: one of the very frequent ones).
func (l *lexicon) isFunction(w string) bool {
	if l.counts != nil {
		return englishFunction[w]
	}
	_, ok := l.function[w]
	return ok
}

func openGzip(name string) (io.ReadCloser, error) {
	f, err := dataFS.Open(name)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		f.Close() //nolint:errcheck // read-only embedded file, already failing
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return struct {
		io.Reader
		io.Closer
	}{zr, f}, nil
}

func loadEnglish() (*lexicon, error) {
	rc, err := openGzip("data/en.tsv.gz")
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	l := &lexicon{counts: make(map[string]entry, 320000), dictCount: 0.5}
	sc := bufio.NewScanner(rc)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("en.tsv.gz: bad line %q", sc.Text())
		}
		n, err := strconv.ParseUint(f[1], 10, 32)
		if err != nil {
			return nil, fmt.Errorf("en.tsv.gz: %w", err)
		}
		l.counts[f[0]] = entry{count: uint32(n), dict: f[2] == "d" || f[2] == "n", name: f[2] == "n"}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	l.filter = text.NewWordFilter(len(l.counts), 12)
	for w := range l.counts {
		l.filter.Add(w)
	}
	return l, nil
}

func loadHunspell(lang string, function map[string]float64) (*lexicon, error) {
	aff, err := openGzip("data/" + lang + ".aff.gz")
	if err != nil {
		return nil, err
	}
	defer aff.Close()
	dic, err := openGzip("data/" + lang + ".dic.gz")
	if err != nil {
		return nil, err
	}
	defer dic.Close()
	h, err := text.ReadHunspell(aff, dic)
	if err != nil {
		return nil, fmt.Errorf("%s dictionary: %w", lang, err)
	}
	return &lexicon{dict: h, function: function, dictCount: 20}, nil
}
