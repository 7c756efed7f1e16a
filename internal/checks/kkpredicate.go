package checks

import (
	"strings"
	"unicode"
)

// A Kazakh sentence ends with its predicate: a finite verb (өсті, қысқарды, талқылады,
// қоректендіреді, үйренуде), a participle or verbal noun that serves as one (алатын, келген,
// ету керек), or a predicate word (бар, жоқ, керек, тиіс, мүмкін, емес). A sentence that ends on
// a noun in a case ending (тәуліктен, ауылдарына) was cut short: its verb went with the end.

// kkPredicateEndings are the endings of words that can close a Kazakh sentence.
var kkPredicateEndings = strings.Fields(
	"ды ді ты ті ады еді йды йді айды ейді ған ген қан кен уда уде ыр ір ар ер р мақ мек мақшы мекші " +
		"ды ма ме ба бе па пе са се сын сін сыз сіз мын мін мыз міз быз біз пыз піз сың сің " +
		"атын етін йтын йтін у ю ған еді екен тұр жатыр отыр жүр")

// kkPredicateWords close a sentence on their own.
var kkPredicateWords = wordSet("бар жоқ керек тиіс мүмкін емес қажет болды болады еді екен дейді деді " +
	"тұр жатыр отыр жүр мәлімдеді айтты атап өтті")

// kkUnfinished reports Kazakh text with a sentence whose last word can be no predicate.
func kkUnfinished(s string) bool {
	for _, sent := range strings.FieldsFunc(stripMarkup(s), func(r rune) bool { return r == '.' || r == '!' || r == '?' }) {
		words := strings.FieldsFunc(sent, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
		if len(words) < 3 {
			continue
		}
		last := strings.ToLower(words[len(words)-1])
		if kkPredicateWords[last] || isUpperInitial(words[len(words)-1]) {
			continue
		}
		ok := false
		for _, e := range kkPredicateEndings {
			if strings.HasSuffix(last, e) {
				ok = true
				break
			}
		}
		if !ok {
			return true
		}
	}
	return false
}
