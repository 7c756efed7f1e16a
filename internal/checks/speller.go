package checks

import (
	"embed"
	"errors"
	"fmt"
	"golang.org/x/text/unicode/norm"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/text"
	"github.com/tilmash/tilmash/pipeline"
)

//go:embed lexicon/*.txt
var lexiconFS embed.FS

// Speller tells misspelled words. Misspelled must be safe for concurrent use and should answer
// false for languages it does not know.
type Speller interface {
	Misspelled(word string, lang pipeline.Lang) bool
}

// maxKnownBytes bounds the words a SpellerSet looks up. The longest forms the Debian dictionaries
// accept (stem, prefix and suffix: 68 bytes in kk_KZ), with four Kazakh suffixes chained on or a
// Russian ending on a Lexicon word, stay under 120 bytes; a longer word is misspelled without the
// affix and suffix-chain search, which copies the word for every rule it tries.
const maxKnownBytes = 160

// SpellerSet is a Speller with one Hunspell dictionary per language, and extra words per
// language that supplement them (see Lexicon).
type SpellerSet struct {
	Dicts map[pipeline.Lang]*text.Hunspell
	// Variants holds, per language, dictionaries of its other standard spellings, whose words
	// are right too: en_GB beside en_US (aluminium, organisation, programme), as analysts in
	// Astana write British or American English.
	Variants map[pipeline.Lang][]*text.Hunspell
	Extra    map[pipeline.Lang]map[string]bool
	// KazakhAttested, when set, accepts lower-case Kazakh forms the dictionary and the analyser
	// reject but real text attests (text.KazakhAttested). It is asked last, for the form as
	// written.
	KazakhAttested func(lower string) bool
}

// Misspelled reports whether the dictionary of lang rejects word. Case is handled the way
// readers expect: a capitalised word is also accepted in lower case (sentence starts) and an
// upper-case word in lower case or capitalised; a lower-case word must be in the dictionary in
// lower case. ё may be written as е and the other way round, and the typographic apostrophe ’
// counts as '. Words of a language without a dictionary are never misspelled.
func (s *SpellerSet) Misspelled(word string, lang pipeline.Lang) bool {
	h := s.Dicts[lang]
	if h == nil || word == "" {
		return false
	}
	if len(word) > maxKnownBytes {
		return true
	}
	word = strings.ReplaceAll(word, "’", "'")
	variants := s.Variants[lang]
	valid := func(w string) bool {
		if h.Valid(w) || s.extra(lang, w) {
			return true
		}
		for _, v := range variants {
			if v.Valid(w) {
				return true
			}
		}
		return false
	}
	if s.known(valid, word, lang) {
		return false
	}
	lower := strings.ToLower(word)
	switch lang {
	case pipeline.Kazakh:
		return !s.kazakhKnown(valid, lower) && !s.kazakhKnown(valid, kkUnwriteI(lower)) && (s.KazakhAttested == nil || !s.KazakhAttested(lower))
	case pipeline.English:
		if plain := withoutAccents(lower); plain != lower {
			return s.Misspelled(plain, lang) // a French loan with its accents: cafés, naïve, résumé
		}
		return !britishKnown(valid, lower) && !enDerivedKnown(valid, lower)
	case pipeline.Russian:
		if rest, ok := strings.CutPrefix(lower, "не"); ok && utf8.RuneCountInString(rest) >= 5 && s.known(valid, rest, lang) {
			return false // не- before an adjective or adverb the dictionary knows: нереалистичны
		}
		return !text.RussianSupplementaryForm(s.extraWords(lang), lower) && !ruCompound(valid, lower) && !ruCombined(valid, lower)
	}
	return true
}

// withoutAccents returns a Latin word without the accents on its letters. Most words asked
// are ASCII (the search for a near known word asks many): they come back as they are, unread
// by the normaliser.
func withoutAccents(w string) string {
	ascii := true
	for i := 0; i < len(w) && ascii; i++ {
		ascii = w[i] < utf8.RuneSelf
	}
	if ascii {
		return w
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(w) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// kazakhKnown reports a lower-case Kazakh word the analyser, the Russian loans or the
// compounds account for.
func (s *SpellerSet) kazakhKnown(valid func(string) bool, lower string) bool {
	if lower == "" {
		return false
	}
	if kkKnownForm(s.kkStem(valid), lower) || s.russianLoan(lower) || s.Dicts[pipeline.Russian] != nil && nyStem(s.Dicts[pipeline.Russian].Valid, lower) || kkCompound(s.kkNoun(valid), lower) || s.properAdjective(valid, lower) {
		return true
	}
	// An international combining form before a Kazakh word (авто+өндірушілері, агро+өнеркәсіп).
	for _, p := range kkCombiningForms {
		if rest, ok := strings.CutPrefix(lower, p); ok && utf8.RuneCountInString(rest) >= 5 && kkKnownForm(s.kkStem(valid), rest) {
			return true
		}
	}
	// The readings below are tried only for the words the plain analysis rejects.
	stem := s.kkStem(valid)
	if kkKnownForm(stem, lower) {
		return true
	}
	if ru := s.Dicts[pipeline.Russian]; ru != nil && kkKnownForm(func(w string) bool { return loanStem(ru.Valid, w) }, lower) {
		return true // a Russian loan inflected on a stem of its own (портфелі, православтар)
	}
	// "Without its …": -сыз after a possessive and its н (қолдау+ы+н+сыз, рұқсат+ы+н+сыз).
	for _, e := range []string{"нсыз", "нсіз"} {
		if b, ok := strings.CutSuffix(lower, e); ok && utf8.RuneCountInString(b) >= 4 && (strings.HasSuffix(b, "ы") || strings.HasSuffix(b, "і")) &&
			kkKnownForm(stem, b) {
			return true
		}
	}
	// A verbal noun in -у of a derived verb (қал+дыр+у) the dictionary lists only as its root.
	b, ok := strings.CutSuffix(lower, "у")
	return ok && utf8.RuneCountInString(b) >= 4 && text.KazakhVerbStem(stem, b)
}

// kkCombiningForms are the international first parts Kazakh writes together with a word of its
// own, as Russian does with its words.
var kkCombiningForms = strings.Fields("авто агро аэро био вело видео гидро кибер медиа микро мото радио сейсмо теле фото электро эко")

// ruCombiningForms are the first parts Russian writes together with a word: the international
// ones (мульти-, пост-, де- before a noun in -ция), the clipped adjectives (тур- for
// туристический: турпоток; гос-, соц-, спец-, нац-, мед-, погран-, сельхоз-, прод-:
// госслужащий, соцсети, погранпереход) and the
// native first parts of compound adjectives (много-, полу-, обще-: многовекторный).
var ruCombiningForms = append(strings.Fields("тур гос соц спец нац мед погран сельхоз прод авиа моно мульти пост нео анти контр псевдо квази "+
	"супер ультра транс интер мега макро нано много полу само обще внутри"), kkCombiningForms...)

// ruCombined accepts a combining form before a Russian word the dictionary knows in the form
// written (кибер+безопасности, тур+поток, мульти+модальный), de- before a noun of action, and
// the derivations of text.RussianDerived, of a word the dictionary knows or a combining form
// makes (много+векторный → многовекторность).
func ruCombined(valid func(string) bool, w string) bool {
	if ruPrefixed(valid, w, 4) {
		return true
	}
	if rest, ok := strings.CutPrefix(w, "по-"); ok && ruMannerAdverb(valid, rest) {
		return true
	}
	// де- takes only nouns of action in -ция and their forms: де+карбонизация, де+централизации.
	if rest, ok := strings.CutPrefix(w, "де"); ok && strings.Contains(rest, "ци") && utf8.RuneCountInString(rest) >= 7 && valid(rest) {
		return true
	}
	return text.RussianDerived(func(x string) bool { return valid(x) || ruPrefixed(valid, x, 5) }, w)
}

// ruMannerAdverb reports the part after по- of an adverb of manner made of an adjective valid
// accepts: по-казахски (казахский), по-новому (новый), по-прежнему (прежний).
func ruMannerAdverb(valid func(string) bool, rest string) bool {
	if utf8.RuneCountInString(rest) < 5 {
		return false
	}
	if b, ok := strings.CutSuffix(rest, "ски"); ok {
		return valid(b + "ский")
	}
	if b, ok := strings.CutSuffix(rest, "ому"); ok {
		return valid(b+"ый") || valid(b+"ой")
	}
	if b, ok := strings.CutSuffix(rest, "ему"); ok {
		return valid(b + "ий")
	}
	return false
}

// ruPrefixed reports a combining form before a word valid accepts, of at least minRest letters:
// one of ruCombiningForms, or a first part of Russian compounds text knows (без+рецептурных,
// фарм+производителей) where no word the dictionary has is one slip away.
func ruPrefixed(valid func(string) bool, w string, minRest int) bool {
	for _, p := range ruCombiningForms {
		if rest, ok := strings.CutPrefix(w, p); ok && utf8.RuneCountInString(rest) >= minRest && (valid(rest) || text.RussianDerived(valid, rest)) {
			return true
		}
	}
	// A compound the dictionary lacks, unless a letter's slip from a word it has reads the same
	// way: "торгволю" is "торговлю" mistyped, not "торг" and "волю".
	return text.RussianCompound(valid, w) && !nearKnownWord(w, pipeline.Russian, valid)
}

// kkUnwriteI spells out what Kazakh spelling contracts: it writes ій and ый as и, so a stem in
// -і or -ы with the -й- of the present tense or a participle (ері+й+ді → ериді, оқы+й+тын →
// оқитын) reaches the analyser as ій/ый, by the word's vowel harmony; and й+а, й+у after a vowel
// as я, ю (құй+атын → құятын, құй+у → құю). Only an и before the first consonant of a verb
// ending that follows -й- (-ды, -тын, -мын, -сың) is read so: elsewhere an и is more often a
// typo for і (сөйлести, екенин). It returns "" when nothing was spelled out.
func kkUnwriteI(w string) string {
	if !strings.ContainsAny(w, "ияю") {
		return ""
	}
	iy := "ій"
	if strings.ContainsAny(w, "аоұы") {
		iy = "ый"
	}
	rs := []rune(w)
	var b strings.Builder
	changed := false
	for i, r := range rs {
		switch {
		case r == 'и' && i > 0 && i+1 < len(rs) && strings.ContainsRune("дтмс", rs[i+1]):
			b.WriteString(iy)
			changed = true
			continue
		case (r == 'я' || r == 'ю') && i > 1 && strings.ContainsRune(kkVowels, rs[i-1]):
			// й+а and й+у are written я and ю: құй+атын → құятын, құй+у → құю.
			b.WriteString(map[rune]string{'я': "йа", 'ю': "йу"}[r])
			changed = true
			continue
		}
		b.WriteRune(r)
	}
	if !changed {
		return ""
	}
	return b.String()
}

// britishSpellings turn British endings into the American ones of the en_US dictionary: a
// translation into British English (metres, neighbouring, totalling, organisation) is no
// misspelling. Each is tried on its own, from the longest.
var britishSpellings = []struct{ gb, us string }{
	{"isation", "ization"}, {"ising", "izing"}, {"ised", "ized"}, {"ises", "izes"}, {"ise", "ize"},
	{"yse", "yze"}, {"ysed", "yzed"}, {"ysing", "yzing"},
	{"ours", "ors"}, {"our", "or"}, {"oured", "ored"}, {"ouring", "oring"}, {"ourable", "orable"},
	{"tres", "ters"}, {"tre", "ter"}, {"bres", "bers"}, {"bre", "ber"}, {"oeuvre", "euver"},
	{"lled", "led"}, {"lling", "ling"}, {"ller", "ler"}, {"llers", "lers"},
	{"ence", "ense"}, {"ogue", "og"}, {"ogues", "ogs"}, {"mme", "m"}, {"mmes", "ms"},
	{"practis", "practic"}, // the British verb: practise, practised
	{"scep", "skep"},       // sceptic, sceptical, scepticism
}

// britishKnown reports an English word that en_US knows in its American spelling.
func britishKnown(valid func(string) bool, w string) bool {
	for _, b := range britishSpellings {
		for from := 0; ; {
			i := strings.Index(w[from:], b.gb)
			if i < 0 {
				break
			}
			at := from + i
			if valid(w[:at] + b.us + w[at+len(b.gb):]) {
				return true
			}
			from = at + 1
		}
	}
	return false
}

// minLoanRunes: shorter Russian words are too often a Kazakh typo's accidental match.
const minLoanRunes = 5

// kkStem widens valid, for the stems of Kazakh suffix chains, to the Russian dictionary's
// words: Kazakh takes Russian and international nouns as they are and inflects them in its own
// way (квота → квоталары, кампус → кампуста), and the Kazakh dictionary holds few of them.
func (s *SpellerSet) kkStem(valid func(string) bool) func(string) bool {
	ru := s.Dicts[pipeline.Russian]
	if ru == nil {
		return valid
	}
	return func(w string) bool {
		return valid(w) || utf8.RuneCountInString(w) >= minLoanRunes && !hasKazakhLetter(w) && (ru.Valid(w) || icalStem(ru.Valid, w)) ||
			nyStem(ru.Valid, w)
	}
}

// minLoanStemRunes: a loan stem read through its Russian word's ending is this long at least.
const minLoanStemRunes = 6

// loanStem reports the stem Kazakh inflects a Russian loan on when it is not the Russian word as
// it stands: a noun in -ь loses the ь before a vowel (портфель → портфелі, стиль → стилі), and
// the stem of an adjective in -ный serves as a noun (православ+тар, Russian православный).
func loanStem(ruValid func(string) bool, w string) bool {
	if utf8.RuneCountInString(w) < minLoanStemRunes || hasKazakhLetter(w) || strings.ContainsRune(kkVowels, lastRune(w)) {
		return false
	}
	return ruValid(w+"ь") || ruValid(w+"ный")
}

// nyStem reports a Kazakh adjective in -ді, -ті, -ды, -ты of a loan whose Russian adjective in
// -ный the dictionary knows: Kazakh puts its own -ді on the Russian stem (мобильді, Russian
// мобильный; эффективті, эффективный).
func nyStem(valid func(string) bool, w string) bool {
	for _, e := range []string{"ді", "ті", "ды", "ты"} {
		if b, ok := strings.CutSuffix(w, e); ok {
			// A Russian adjective stem ends in a consonant or ь (мобиль-, эффектив-); a vowel
			// before -ды is a Kazakh past tense (жаса+ды), looked up no further.
			return utf8.RuneCountInString(b) >= 4 && !strings.ContainsRune(kkVowels, lastRune(b)) && !hasKazakhLetter(b) && valid(b+"ный")
		}
	}
	return false
}

// properAdjective reports an adjective in -лық of a name the dictionaries know only with its
// capital: Kazakh writes the adjectives of country names in lower case (корея+лық, жапон+дық).
func (s *SpellerSet) properAdjective(valid func(string) bool, w string) bool {
	ru := s.Dicts[pipeline.Russian]
	for _, e := range []string{"лық", "лік", "дық", "дік", "тық", "тік"} {
		if b, ok := strings.CutSuffix(w, e); ok && ru != nil && properStem(valid, ru.Valid, b) {
			return true
		}
	}
	return false
}

// properStem reports a word that the dictionaries know as a name only, with its capital.
func properStem(kk, ru func(string) bool, w string) bool {
	if utf8.RuneCountInString(w) < minLoanRunes {
		return false
	}
	r, size := utf8.DecodeRuneInString(w)
	c := string(unicode.ToUpper(r)) + w[size:]
	return kk(c) || !hasKazakhLetter(w) && ru(c)
}

// icalStem reports a stem in -ика whose Russian adjective in -ический the dictionary knows:
// Kazakh makes the adjectives of such loans with -лық on the -ика noun (этникалық, Russian
// этнический), also where Russian has no noun in -ика of its own.
func icalStem(valid func(string) bool, w string) bool {
	b, ok := strings.CutSuffix(w, "ика")
	return ok && utf8.RuneCountInString(b) >= 3 && valid(b+"ический")
}

// russianLoan reports a word of Kazakh text that is a Russian word as it stands: a loanword
// written without a Kazakh ending.
func (s *SpellerSet) russianLoan(w string) bool {
	ru := s.Dicts[pipeline.Russian]
	minRunes := minLoanRunes
	if strings.ContainsAny(w, "эёцщъф") && !strings.HasPrefix(w, "эт") {
		// A letter only loans take (эфир, цех): no Kazakh word slipped into a Russian one. Of
		// Russian's own words, это, эти, этот are no loans.
		minRunes = 4
	}
	return ru != nil && utf8.RuneCountInString(w) >= minRunes && !hasKazakhLetter(w) && ru.Valid(w)
}

// hasKazakhLetter reports a letter of the Kazakh alphabet that Russian lacks.
func hasKazakhLetter(w string) bool { return strings.ContainsAny(w, "әғқңөұүһі") }

func (s *SpellerSet) extra(lang pipeline.Lang, w string) bool {
	return s.Extra != nil && s.Extra[lang][w]
}

// extraWords returns the supplementary words of lang, nil when there are none.
func (s *SpellerSet) extraWords(lang pipeline.Lang) map[string]bool {
	if s.Extra == nil {
		return nil
	}
	return s.Extra[lang]
}

// known checks a word in its case variants and with ё and е exchanged.
func (s *SpellerSet) known(valid func(string) bool, word string, lang pipeline.Lang) bool {
	for _, w := range caseVariants(word) {
		if valid(w) {
			return true
		}
		if strings.ContainsRune(w, 'ё') && valid(strings.ReplaceAll(w, "ё", "е")) {
			return true
		}
		if lang == pipeline.Russian && strings.ContainsRune(w, 'е') && valid(strings.ReplaceAll(w, "е", "ё")) {
			return true
		}
	}
	return false
}

// caseVariants lists the spellings a word may have in the dictionary.
func caseVariants(w string) []string {
	out := []string{w}
	r, size := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return out
	}
	lower := strings.ToLower(w)
	out = append(out, string(unicode.ToLower(r))+w[size:])
	if isAllUpper(w) {
		out = append(out, lower, string(r)+strings.ToLower(w[size:]))
	}
	return out
}

// debianDicts names the Debian Hunspell dictionaries and the packages that ship them.
var debianDicts = []struct {
	lang    pipeline.Lang
	name    string
	pkg     string
	variant bool // another standard spelling of a language listed before it
}{
	{pipeline.English, "en_US", "hunspell-en-us", false},
	{pipeline.English, "en_GB", "hunspell-en-gb", true},
	{pipeline.Russian, "ru_RU", "hunspell-ru", false},
	{pipeline.Kazakh, "kk_KZ", "hunspell-kk", false},
}

// Lexicon returns the supplementary words for a language: analytical vocabulary (өңір,
// инвестиция, цифровизация, akimat…) that the Debian dictionaries lack, shared with the text
// repair (text.SupplementaryWords).
func Lexicon(lang pipeline.Lang) map[string]bool { return text.SupplementaryWords(string(lang)) }

// lexiconLines returns the entries of the data file lexicon/NAME: its lines trimmed, without
// blank lines and comments (lines that start with #); nil when there is no such file.
func lexiconLines(name string) []string {
	b, err := lexiconFS.ReadFile("lexicon/" + name)
	if err != nil {
		return nil
	}
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}

// DebianSpeller loads the en_US (with en_GB), ru_RU and kk_KZ dictionaries from
// /usr/share/hunspell, with the supplementary Lexicon words. A missing dictionary is an error
// naming the Debian package to install.
func DebianSpeller() (*SpellerSet, error) { return LoadSpellerDir("/usr/share/hunspell") }

// LoadSpellerDir loads the en_US, en_GB, ru_RU and kk_KZ dictionaries from dir.
func LoadSpellerDir(dir string) (*SpellerSet, error) {
	set := &SpellerSet{Dicts: map[pipeline.Lang]*text.Hunspell{}, Variants: map[pipeline.Lang][]*text.Hunspell{},
		Extra: map[pipeline.Lang]map[string]bool{}}
	for _, d := range debianDicts {
		aff := filepath.Join(dir, d.name+".aff")
		dic := filepath.Join(dir, d.name+".dic")
		for _, p := range []string{aff, dic} {
			if _, err := os.Stat(p); errors.Is(err, os.ErrNotExist) {
				return nil, fmt.Errorf("hunspell dictionary %s is missing (install the Debian package %s): %w", p, d.pkg, err)
			}
		}
		h, err := text.LoadHunspell(aff, dic)
		if err != nil {
			return nil, fmt.Errorf("load %s dictionary: %w", d.name, err)
		}
		if d.variant {
			set.Variants[d.lang] = append(set.Variants[d.lang], h)
			continue
		}
		set.Dicts[d.lang] = h
		set.Extra[d.lang] = Lexicon(d.lang)
	}
	set.KazakhAttested = text.KazakhAttested
	return set, nil
}

// Parts of a Russian compound: its first stem and the word after the linking vowel.
const (
	minCompoundStem = 3
	minCompoundWord = 4
)

// ruCompound accepts a Russian compound the dictionary lacks: a stem, the linking vowel о or е,
// and a word the dictionary knows in the form written (домо+хозяйствам, газо+провода), the stem
// being a word itself or the stem of one (дом, газ; водохранилище: вод+а).
func ruCompound(valid func(string) bool, w string) bool {
	rs := []rune(w)
	for i := minCompoundStem; i+minCompoundWord < len(rs); i++ {
		if rs[i] != 'о' && rs[i] != 'е' {
			continue
		}
		stem, rest := string(rs[:i]), string(rs[i+1:])
		if !valid(rest) {
			continue
		}
		for _, base := range []string{stem, stem + "а", stem + "я", stem + "ь", stem + "о", stem + "е"} {
			if valid(base) {
				return true
			}
		}
	}
	return false
}

// enNominalAdjectives are the endings of English adjectives that are also nouns in the plural
// (renewables, derivatives, chemicals, fundamentals), which the dictionary lists as adjectives
// only.
var enNominalAdjectives = []string{"able", "ible", "al", "ive", "ic", "ant", "ent"}

// enDerivedKnown accepts a lower-case English word built from a known one in a way the
// dictionary's affixes do not cover: the possessive of a word of the project's lexicon
// (tenge's) and the plural of an adjective used as a noun (renewables).
func enDerivedKnown(valid func(string) bool, lower string) bool {
	for _, e := range []string{"'s", "'"} {
		if b, ok := strings.CutSuffix(lower, e); ok && len(b) >= 3 && (valid(b) || britishKnown(valid, b)) {
			return true
		}
	}
	if b, ok := strings.CutSuffix(lower, "s"); ok && len(b) >= 5 {
		for _, e := range enNominalAdjectives {
			if strings.HasSuffix(b, e) {
				return valid(b) || britishKnown(valid, b)
			}
		}
	}
	return false
}
