package qa

import (
	"strings"
)

// cyrToLatin transliterates Russian and Kazakh letters roughly, the way loanwords and names are
// borrowed from English: enough to see that "нарратив" is "narrative" and "синофобия" is
// "Sinophobia".
var cyrToLatin = strings.NewReplacer(
	"а", "a", "б", "b", "в", "v", "г", "g", "д", "d", "е", "e", "ё", "e", "ж", "zh", "з", "z", "и", "i",
	"й", "i", "к", "k", "л", "l", "м", "m", "н", "n", "о", "o", "п", "p", "р", "r", "с", "s", "т", "t",
	"у", "u", "ф", "f", "х", "h", "ц", "ts", "ч", "ch", "ш", "sh", "щ", "sh", "ъ", "", "ы", "i", "ь", "",
	"э", "e", "ю", "iu", "я", "ia", "ә", "a", "ғ", "g", "қ", "k", "ң", "n", "ө", "o", "ұ", "u", "ү", "u",
	"һ", "h", "і", "i",
)

// latinNorm maps English spellings onto the same rough sounds.
var latinNorm = strings.NewReplacer("ph", "f", "th", "t", "ck", "k", "kh", "h", "w", "v", "x", "ks", "c", "k",
	"q", "k", "y", "i", "j", "zh", "'", "")

// squeeze removes doubled letters.
func squeeze(s string) string {
	var b strings.Builder
	var prev rune
	for _, r := range s {
		if r != prev {
			b.WriteRune(r)
		}
		prev = r
	}
	return b.String()
}

// soundKey is the rough sound of a word in either script, for comparing loanwords with their
// English originals.
func soundKey(w string) string {
	w = strings.ToLower(w)
	w = cyrToLatin.Replace(w)
	w = latinNorm.Replace(w)
	return squeeze(w)
}

// loanOf reports whether word looks borrowed from one of the source words: their sound keys
// share the first six letters.
func loanOf(word string, srcKeys []string) bool {
	k := soundKey(word)
	if len(k) < 6 {
		return false
	}
	for _, s := range srcKeys {
		if len(s) >= 6 && k[:6] == s[:6] {
			return true
		}
	}
	return false
}
