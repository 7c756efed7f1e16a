package checks

import "github.com/tilmash/tilmash/internal/text"

// kkKnownForm accepts a Kazakh word that valid does not know but that parses as a known stem
// and its suffixes: the analyser lives in internal/text (text.KazakhKnownForm), shared with the
// joined-word repair.
func kkKnownForm(valid func(string) bool, w string) bool { return text.KazakhKnownForm(valid, w) }

// kkVowels are the Kazakh vowel letters.
const kkVowels = "аоұыяәеөүіэиуюё"
