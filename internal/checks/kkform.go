package checks

import (
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/text"
	"github.com/tilmash/tilmash/pipeline"
)

// kkKnownForm accepts a Kazakh word that valid does not know but that parses as a known stem
// and its suffixes: the analyser lives in internal/text (text.KazakhKnownForm), shared with the
// joined-word repair.
func kkKnownForm(valid func(string) bool, w string) bool { return text.KazakhKnownForm(valid, w) }

// kkCompound accepts a Kazakh compound the dictionary lacks (text.KazakhCompound) whose parts
// noun accepts.
func kkCompound(noun func(string) bool, w string) bool { return text.KazakhCompound(noun, w) }

// kkVowels are the Kazakh vowel letters.
const kkVowels = "аоұыяәеөүіэиуюё"

// kkNoun narrows valid to the noun stems of the Kazakh dictionary: the stems that carry its
// noun flag (kkNounFlag), so that verbs, adverbs and inflected forms do not serve as compound
// parts. Supplementary Lexicon words count as nouns.
func (s *SpellerSet) kkNoun(valid func(string) bool) func(string) bool {
	kk := s.Dicts[pipeline.Kazakh]
	return func(w string) bool {
		if utf8.RuneCountInString(w) < text.KazakhMinCompoundPart {
			return false
		}
		if s.extra(pipeline.Kazakh, w) {
			return true
		}
		return kk.StemHasFlag(w, kkNounFlag)
	}
}

// kkNounFlag is the affix flag of the nominal suffixes (the plural -лар first) in the Debian
// kk_KZ dictionary; its verbs carry other flags.
const kkNounFlag = 'A'
