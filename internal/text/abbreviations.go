package text

import (
	"strings"
	"unicode"

	"github.com/tilmash/tilmash/pipeline"
)

// abbreviationKind says how a full stop after an abbreviation behaves.
type abbreviationKind int

const (
	// notAbbreviation: the full stop is an ordinary one.
	notAbbreviation abbreviationKind = iota
	// prefixAbbreviation always introduces what follows ("Dr. Smith", "т.е. Москва", "e.g. China"),
	// so its full stop never ends a sentence.
	prefixAbbreviation
	// postfixAbbreviation may end a sentence ("etc.", "млн.", "2023 г."): it does so only when a
	// capital letter follows, not before a digit, a lower-case word or punctuation.
	postfixAbbreviation
)

// Abbreviations are stored in lower case, without their final full stop; spaced forms ("т. е.",
// "e. g.") are looked up with the spaces removed. The lists are the union of those the segmenter
// and the omission check once kept apart.
var (
	englishPrefix = wordSet("mr mrs ms dr prof rev hon gen col lt capt sgt maj sen rep gov pres st mt ft " +
		"vs v cf e.g i.e viz u.s u.k u.n e.u u.s.a u.s.s.r")
	englishPostfix = wordSet("etc inc ltd co corp jr sr a.m p.m al bros approx ca fig figs vol ch sec art eu " +
		"no nos pp p para c jan feb mar apr jun jul aug sep sept oct nov dec")

	// Shared by Russian and Kazakh: Kazakh texts use the Russian abbreviations too.
	cyrillicPrefix  = wordSet("т.е т.н т.к т.ч см им напр ср ул пр пл проф акад доц ген г-н г-жа тов св")
	cyrillicPostfix = wordSet("т.д т.п др пр.ч млн млрд трлн тыс руб долл коп вв н.э до н.э " +
		"стр ст п пп д кв гл рис табл обл т ч с ок прим прил разд абз кн вып изд")
	kazakhPrefix  = wordSet("мыс")
	kazakhPostfix = wordSet("т.б т.с.с ж жж ғ ғғ қ б.з.д б")

	// Digraph initials of transliterated Central Asian names: "Sh. Mirziyoyev", "Дж. Байден".
	digraphInitials = wordSet("ch sh zh kh ts yu ya yo дж")
)

func wordSet(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// classifyAbbreviation says whether token, the word just before a full stop with the stop
// removed, is a known abbreviation in lang. precededByNumber reports a number right before the
// token, which tells the Russian year "2023 г." (may end a sentence) from the city "г. Астана"
// (never does).
func classifyAbbreviation(token string, lang pipeline.Lang, precededByNumber bool) abbreviationKind {
	t := strings.ToLower(token)
	switch lang {
	case pipeline.Russian, pipeline.Kazakh:
		if t == "г" || t == "гг" {
			if precededByNumber {
				return postfixAbbreviation
			}
			return prefixAbbreviation
		}
		switch {
		case cyrillicPrefix[t], lang == pipeline.Kazakh && kazakhPrefix[t]:
			return prefixAbbreviation
		case cyrillicPostfix[t], lang == pipeline.Kazakh && kazakhPostfix[t]:
			return postfixAbbreviation
		}
	default:
		// Chinese articles quote English names and sources, so they get the English list.
		switch {
		case englishPrefix[t]:
			return prefixAbbreviation
		case englishPostfix[t]:
			return postfixAbbreviation
		}
	}
	return notAbbreviation
}

// IsInitials reports a token made of capital initials: "J", "J.R.R", "Н.А", "К.-Ж", or a digraph
// initial such as "Sh" or "Дж". Before a capitalised word these are part of a name.
func IsInitials(token string) bool {
	if token == "" {
		return false
	}
	if digraphInitials[strings.ToLower(token)] {
		r := []rune(token)
		return unicode.IsUpper(r[0])
	}
	for _, part := range strings.FieldsFunc(token, func(r rune) bool { return r == '.' || r == '-' }) {
		r := []rune(part)
		if len(r) != 1 || !unicode.IsUpper(r[0]) {
			return false
		}
	}
	// The token must alternate letters and separators; FieldsFunc dropped empty parts, so check
	// that no separator is doubled or leading.
	return !strings.Contains(token, "..") && !strings.HasPrefix(token, ".") && !strings.HasPrefix(token, "-")
}
