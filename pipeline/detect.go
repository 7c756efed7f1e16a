package pipeline

import "unicode"

// kazakhLetters are the Cyrillic letters Kazakh has and Russian does not.
const kazakhLetters = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"

// DetectLang guesses which of the four languages text is written in, from its letters: Chinese
// characters, Cyrillic (Kazakh when its own letters make at least one in a hundred Cyrillic
// letters, Russian otherwise) or Latin (English). It reads at most the first 64 KB. It is a
// suggestion for a person to confirm, never a decision: ok is false when the text has no letters
// of these scripts, and English is returned then.
func DetectLang(text string) (lang Lang, ok bool) {
	if len(text) > 64<<10 {
		text = text[:64<<10]
	}
	var han, cyr, kaz, latin int
	for _, r := range text {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.Is(unicode.Cyrillic, r):
			cyr++
			for _, k := range kazakhLetters {
				if r == k {
					kaz++
					break
				}
			}
		case r < 0x250 && unicode.IsLetter(r):
			latin++
		}
	}
	switch {
	case han == 0 && cyr == 0 && latin == 0:
		return English, false
	// A Chinese character stands for a word or a syllable: a few dozen outweigh many Latin letters.
	case han*3 >= cyr && han*3 >= latin:
		return Chinese, true
	case cyr >= latin:
		if kaz*100 >= cyr {
			return Kazakh, true
		}
		return Russian, true
	}
	return English, true
}
