package text

import (
	"embed"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The words of analytical prose that the Debian Hunspell dictionaries lack live in
// words/<lang>.txt, one per line, so that the spelling check and the text repair read one list:
// what the one accepts as a word, the other does not split, and may split a run-together token
// into.
//
//go:embed words/*.txt
var wordsFS embed.FS

// SupplementaryWords returns the supplementary words of a language (en, ru or kk), nil for
// another: analytical vocabulary (өңір, инвестиция, цифровизация, akimat…). Kazakh entries are
// stems that take suffix chains; Russian ones take their inflection endings; English ones are
// taken as written.
func SupplementaryWords(lang string) map[string]bool {
	b, err := wordsFS.ReadFile("words/" + lang + ".txt")
	if err != nil {
		return nil
	}
	m := map[string]bool{}
	for _, line := range strings.Split(string(b), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			m[line] = true
		}
	}
	return m
}

// RussianEndings are the case endings of Russian nouns and adjectives, longest first.
var RussianEndings = func() []string {
	e := strings.Fields("а я о е ё ы и у ю ь й ом ем ём ой ей ою ею ам ям ами ями ах ях ов ев ёв " +
		"ий ый ая яя ое ее ые ие ого его ому ему ым им ыми ими ых их ую юю " +
		"ия ии ию ией иям иями иях ие ий ием ья ьи ью ье ьей ьям ьями ьях ьё ьем")
	sort.Slice(e, func(i, j int) bool { return len(e[i]) > len(e[j]) })
	return e
}()

const russianVowels = "аеёиоуыэюя"

// russianBaseEndings are the endings of a supplementary word's dictionary form that its stem
// drops before a case ending: "цифровизаци|я", "логистическ|ий".
var russianBaseEndings = []string{"", "а", "я", "ь", "ий", "ый", "ой", "о", "е"}

// RussianSupplementaryForm accepts a form of a supplementary Russian word (a key of extra): a
// noun or adjective with a case ending, or a verb in -ть in its past, present or participle forms.
// The candidate dictionary forms are built in one buffer and looked up without allocating.
func RussianSupplementaryForm(extra map[string]bool, w string) bool {
	var arr [128]byte
	has := func(parts ...string) bool {
		b := arr[:0]
		for _, p := range parts {
			b = append(b, p...)
		}
		return extra[string(b)]
	}
	for i := -1; i < len(RussianEndings); i++ {
		e := ""
		if i >= 0 {
			e = RussianEndings[i]
		}
		if stem, ok := strings.CutSuffix(w, e); ok && stem != "" {
			for _, base := range russianBaseEndings {
				if has(stem, base) {
					return true
				}
			}
			// A fleeting vowel before the last consonant of a masculine noun: казахстанц+ы is
			// a form of казахстанец, наркотрафик+ом of наркотрафик.
			last, n := utf8.DecodeLastRuneInString(stem)
			before, _ := utf8.DecodeLastRuneInString(stem[:len(stem)-n])
			if utf8.RuneCountInString(stem) >= 4 && !strings.ContainsRune(russianVowels, last) && !strings.ContainsRune(russianVowels, before) {
				for _, v := range []string{"е", "о"} {
					if has(stem[:len(stem)-n], v, stem[len(stem)-n:]) {
						return true
					}
				}
			}
		}
	}
	for _, e := range []string{"л", "ла", "ло", "ли", "вший", "вшая", "вшее", "вшие", "нный", "нная", "нные"} {
		if stem, ok := strings.CutSuffix(w, e); ok && has(stem, "ть") {
			return true
		}
	}
	for _, e := range []string{"ую", "ует", "уют", "уем", "уете", "уешь", "уя", "ующий", "ующая", "ующие", "ующих"} {
		if stem, ok := strings.CutSuffix(w, e); ok && has(stem, "овать") {
			return true
		}
	}
	return false
}

// russianAdjectiveEndings are the endings of a Russian adjective in -ый in every case, gender
// and number.
var russianAdjectiveEndings = []string{"ый", "ая", "ое", "ые", "ого", "ой", "ому", "ым", "ом", "ых", "ыми", "ую"}

// russianSoftAdjectiveEndings are the endings of a Russian adjective in -ий (синий, синего)
// that the hard ones above do not spell.
var russianSoftAdjectiveEndings = []string{"ий", "яя", "ее", "ие", "его", "ему", "им", "ем", "их", "ими", "юю"}

// HasRussianAdjectiveEnding reports a word that ends as a Russian adjective in its full form does
// ("национальный", "синего"): an ending that closes its word.
func HasRussianAdjectiveEnding(w string) bool {
	hasSuffix := func(e string) bool { return strings.HasSuffix(w, e) }
	return slices.ContainsFunc(russianAdjectiveEndings, hasSuffix) || slices.ContainsFunc(russianSoftAdjectiveEndings, hasSuffix)
}

// russianNessEndings are the endings of a Russian noun in -ость.
var russianNessEndings = []string{"ость", "ости", "остью", "остей", "остям", "остями", "остях"}

// russianPlaceAdjectiveEndings are the endings of a Russian adjective in -ский in every case,
// gender and number.
var russianPlaceAdjectiveEndings = []string{"ский", "ская", "ское", "ские", "ского", "ской", "скому", "ским", "ском", "ских", "скими", "скую"}

// RussianDerived reports a form of one of the derivations the dictionary lists least
// completely, made of a word valid accepts: an adjective in -ционный of a noun in -ция
// (RussianRelationalAdjective), a noun in -ость of an adjective in -ный (многовекторный →
// многовекторность), a short passive participle (профинансировано), the genitive plural of a
// noun in -ика (экономик), and an adjective in -ский of a place whose name ends in a consonant
// (Дубай → дубайский, Бишкек → бишкекский, Хоргос → хоргосский). Russian makes one of any
// such word; names ending in a vowel change their stem (Москва → московский) and are left to
// the dictionary.
func RussianDerived(valid func(string) bool, w string) bool {
	if RussianRelationalAdjective(valid, w) {
		return true
	}
	for _, e := range russianNessEndings {
		if base, ok := strings.CutSuffix(w, "н"+e); ok && utf8.RuneCountInString(base) >= 4 && valid(base+"ный") {
			return true
		}
	}
	// The short forms of a passive participle (профинансировано, построена, подписаны) of a
	// full form the dictionary knows (построенный) or of a verb in -овать (профинансировать).
	for _, e := range []string{"н", "на", "но", "ны"} {
		if base, ok := strings.CutSuffix(w, e); ok && utf8.RuneCountInString(base) >= 5 {
			if last, _ := utf8.DecodeLastRuneInString(base); strings.ContainsRune("аяеё", last) && (valid(base+"нный") || strings.HasSuffix(base, "ова") && valid(base+"ть")) {
				return true
			}
		}
	}
	// The genitive plural of a noun in -ика (экономик, политик), which some entries lack.
	if base, ok := strings.CutSuffix(w, "ик"); ok && utf8.RuneCountInString(base) >= 4 && valid(w+"а") && valid(w+"и") {
		return true
	}
	for _, e := range russianPlaceAdjectiveEndings {
		base, ok := strings.CutSuffix(w, e)
		if !ok || utf8.RuneCountInString(base) < 2 {
			continue
		}
		last, _ := utf8.DecodeLastRuneInString(base)
		first, size := utf8.DecodeRuneInString(base)
		if !strings.ContainsRune("аеёиоуыэюяь", last) && unicode.IsLower(first) && valid(string(unicode.ToUpper(first))+base[size:]) {
			return true
		}
	}
	return false
}

// RussianRelationalAdjective reports a form of an adjective in -ционный of a noun in -ция that
// valid accepts: санкция → санкционный, санкционного; инфляция → инфляционный.
func RussianRelationalAdjective(valid func(string) bool, w string) bool {
	i := strings.LastIndex(w, "ционн")
	return i > 0 && slices.Contains(russianAdjectiveEndings, w[i+len("ционн"):]) &&
		utf8.RuneCountInString(w[:i]) >= 3 && valid(w[:i]+"ция")
}
