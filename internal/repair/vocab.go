package repair

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// vocab is what the article itself says about its words. A word used correctly elsewhere in the
// same text is strong evidence for a split into it, and a token used twice is a word of the
// article, not an accident of a line break.
type vocab struct {
	forms   map[string]int    // tokens as written
	lower   map[string]int    // tokens lower-cased
	bigrams map[[2]string]int // lower-cased neighbours separated only by spaces
}

// isLetter includes combining marks, so that decomposed letters stay inside their word.
func isLetter(r rune) bool { return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) }

func buildVocab(text string) *vocab {
	v := &vocab{forms: map[string]int{}, lower: map[string]int{}, bigrams: map[[2]string]int{}}
	prev := ""         // the previous word, lower-cased
	onlySpace := false // whether only spaces separate the previous word from here
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isLetter(r) {
			if r != ' ' && r != '\n' {
				onlySpace = false
			}
			i += n
			continue
		}
		j := i + n
		for j < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if !isLetter(r2) {
				break
			}
			j += n2
		}
		w := text[i:j]
		lw := strings.ToLower(w)
		v.forms[w]++
		v.lower[lw]++
		if prev != "" && onlySpace {
			v.bigrams[[2]string{prev, lw}]++
		}
		prev, onlySpace = lw, true
		i = j
	}
	return v
}
