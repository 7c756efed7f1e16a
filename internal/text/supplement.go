package text

import (
	"embed"
	"sort"
	"strings"
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

// RussianSupplementaryForm accepts a form of a supplementary Russian word (extra reports one): a noun or adjective with a case
// ending, or a verb in -ть in its past, present or participle forms.
func RussianSupplementaryForm(extra func(string) bool, w string) bool {
	for i := -1; i < len(RussianEndings); i++ {
		e := ""
		if i >= 0 {
			e = RussianEndings[i]
		}
		if stem, ok := strings.CutSuffix(w, e); ok && stem != "" {
			for _, base := range []string{stem, stem + "а", stem + "я", stem + "ь", stem + "ий", stem + "ый", stem + "ой", stem + "о", stem + "е"} {
				if extra(base) {
					return true
				}
			}
			// A fleeting vowel before the last consonant of a masculine noun: казахстанц+ы is
			// a form of казахстанец, наркотрафик+ом of наркотрафик.
			if rs := []rune(stem); len(rs) >= 4 && !strings.ContainsRune(russianVowels, rs[len(rs)-1]) && !strings.ContainsRune(russianVowels, rs[len(rs)-2]) {
				for _, v := range []string{"е", "о"} {
					if extra(string(rs[:len(rs)-1]) + v + string(rs[len(rs)-1])) {
						return true
					}
				}
			}
		}
	}
	for _, e := range []string{"л", "ла", "ло", "ли", "вший", "вшая", "вшее", "вшие", "нный", "нная", "нные"} {
		if stem, ok := strings.CutSuffix(w, e); ok && extra(stem+"ть") {
			return true
		}
	}
	for _, e := range []string{"ую", "ует", "уют", "уем", "уете", "уешь", "уя", "ующий", "ующая", "ующие", "ующих"} {
		if stem, ok := strings.CutSuffix(w, e); ok && extra(stem+"овать") {
			return true
		}
	}
	return false
}
