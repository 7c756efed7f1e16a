package repair

import (
	"strings"
	"unicode"

	"github.com/tilmash/tilmash/internal/text"
)

// vocab is what the article itself says about its words. A word used correctly elsewhere in the
// same text is strong evidence for a split into it, and a token used twice is a word of the
// article, not an accident of a line break.
type vocab struct {
	forms   map[string]int    // tokens as written
	lower   map[string]int    // tokens lower-cased
	bigrams map[[2]string]int // lower-cased neighbours separated only by spaces
	// filter holds the keys of lower: the search for splits asks about every substring of a
	// token, and few are words of the article.
	filter *text.WordFilter
}

// isLetter includes combining marks, so that decomposed letters stay inside their word.
func isLetter(r rune) bool { return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) }

// buildVocab counts the words of s, its letterWords.
func buildVocab(s string, words []span) *vocab {
	// Sized for the article, so that the maps do not grow word by word.
	v := &vocab{forms: make(map[string]int, len(words)/2), lower: make(map[string]int, len(words)/2),
		bigrams: make(map[[2]string]int, len(words))}
	prev, prevEnd := "", 0 // the previous word, lower-cased, and where it ends
	for _, w := range words {
		form := s[w.start:w.end]
		lw := strings.ToLower(form)
		v.forms[form]++
		v.lower[lw]++
		if prev != "" && onlySpaces(s[prevEnd:w.start]) {
			v.bigrams[[2]string{prev, lw}]++
		}
		prev, prevEnd = lw, w.end
	}
	v.filter = text.NewWordFilter(len(v.lower), 16)
	for w := range v.lower {
		v.filter.Add(w)
	}
	return v
}

// onlySpaces reports a gap of spaces and line breaks between two neighbours.
func onlySpaces(gap string) bool {
	return gap != "" && strings.Trim(gap, " \n") == ""
}
