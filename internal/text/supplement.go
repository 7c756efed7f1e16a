package text

import (
	"embed"
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
