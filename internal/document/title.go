package document

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/pipeline"
)

// DisplayTitle turns an ALL-CAPS title into the case readers expect in lang, and returns titles
// already in mixed case (and Chinese titles) unchanged. English gets title case: every word
// capitalised except articles, conjunctions and short prepositions inside the title. Russian and
// Kazakh get sentence case: only the first word, words after a sentence end or an opening
// quotation mark, and the region's place names keep a capital. In all languages acronyms stay in
// capitals: known ones (PRC, CPC, BRI, КНР, ШОС, ҚХР), words in parentheses ("(BRI)"), words
// without vowels, Roman numerals and words with digits (G20, COVID-19).
func DisplayTitle(s string, lang pipeline.Lang) string {
	if lang == pipeline.Chinese || !isAllCaps(s) {
		return s
	}
	words := strings.Split(s, " ")
	out := make([]string, len(words))
	startOfSentence := true
	for i, w := range words {
		lead, core, trail := splitWordPunct(w)
		lower := strings.ToLower(core)
		var cased string
		switch {
		case core == "":
			cased = core
		case isAcronym(core, lead, trail):
			cased = core
		case lang == pipeline.English:
			last := i == len(words)-1
			if !startOfSentence && !last && englishSmallWords[lower] {
				cased = lower
			} else {
				cased = capitaliseParts(lower)
			}
		default:
			if startOfSentence || strings.ContainsAny(lead, "«„“\"") || isPlaceName(words, i, lang) {
				cased = capitaliseFirst(lower)
			} else {
				cased = lower
			}
		}
		out[i] = lead + cased + trail
		switch {
		case core != "":
			startOfSentence = endsClause(trail, lang)
		case lead != "":
			// A free-standing dash or colon: "China — A New Partner".
			startOfSentence = startOfSentence || endsClause(lead, lang)
		}
	}
	return strings.Join(out, " ")
}

// endsClause reports punctuation after which the next word is capitalised: a sentence end in
// every language, and in English titles also a colon or a dash ("China: A New Partner").
func endsClause(trail string, lang pipeline.Lang) bool {
	t := strings.TrimRightFunc(trail, isClosing)
	if t == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	if isTerminator(r) {
		return true
	}
	return lang == pipeline.English && (r == ':' || r == '—' || r == '–')
}

// englishSmallWords stay lower case inside an English title: articles, coordinating conjunctions
// and prepositions of up to four letters.
var englishSmallWords = words("a an the and but or nor for so yet as at by in of off on per to up via vs vs. " +
	"from into onto upon with over than")

// splitWordPunct separates a word's leading and trailing punctuation from its core.
func splitWordPunct(w string) (lead, core, trail string) {
	start := strings.IndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
	if start < 0 {
		return w, "", ""
	}
	end := strings.LastIndexFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
	_, size := utf8.DecodeRuneInString(w[end:])
	end += size
	// Keep a final full stop of an abbreviation with internal dots ("U.S.") in the core.
	if strings.HasPrefix(w[end:], ".") && strings.Contains(w[start:end], ".") {
		end++
	}
	return w[:start], w[start:end], w[end:]
}

// capitaliseFirst upper-cases the first letter of s, unless s starts with a digit ("21st").
func capitaliseFirst(s string) string {
	for i, r := range s {
		if unicode.IsDigit(r) {
			return s
		}
		if unicode.IsLetter(r) {
			return s[:i] + string(unicode.ToTitle(r)) + s[i+utf8.RuneLen(r):]
		}
	}
	return s
}

// capitaliseParts capitalises every part of a hyphenated word ("Socio-Economic"), leaving small
// words inside it lower case ("Belt-and-Road").
func capitaliseParts(s string) string {
	parts := strings.Split(s, "-")
	for i, p := range parts {
		if i == 0 || !englishSmallWords[p] {
			parts[i] = capitaliseFirst(p)
		}
	}
	return strings.Join(parts, "-")
}

// knownAcronyms of the region's politics and economy, in the four languages' scripts.
var knownAcronyms = words("PRC CPC CCP BRI SCO CSTO EAEU EEU EU UN UNSC USA US UK NATO CIS OSCE ASEAN BRICS " +
	"GDP PLA WTO IMF NGO LNG CICA CAREC AIIB SREB ICT AI OPEC G7 G20 " +
	"КНР КПК ШОС ОДКБ ЕАЭС ЕАЭО СНГ ООН США ЕС РФ РК ВВП НАТО ОБСЕ АСЕАН БРИКС СВМДА ВТО МВФ ЦА " +
	"ҚХР ҚКП ШЫҰ ҰҚШҰ ТМД БҰҰ АҚШ ҚР ЖІӨ ЕАЭО АӨСШК")

// isAcronym reports an all-caps word that must stay in capitals.
func isAcronym(core, lead, trail string) bool {
	if knownAcronyms[core] || strings.HasSuffix(lead, "(") && strings.HasPrefix(trail, ")") {
		return true
	}
	letters, vowels, digits := 0, 0, 0
	for _, r := range core {
		switch {
		case unicode.IsDigit(r):
			digits++
		case unicode.IsLetter(r):
			letters++
			if strings.ContainsRune("AEIOUYАЕЁИОУЫЭЮЯӘӨҮҰІ", r) {
				vowels++
			}
		}
	}
	switch {
	case digits > 0:
		// "21ST" is an ordinal, not an acronym.
		return !isOrdinal(core)
	case strings.Contains(core, "."):
		return letters <= 4 // U.S., U.K.
	case letters >= 2 && vowels == 0:
		return true
	}
	return isRomanNumeral(core)
}

func isOrdinal(s string) bool {
	d := strings.TrimLeftFunc(s, unicode.IsDigit)
	switch strings.ToLower(d) {
	case "st", "nd", "rd", "th", "s":
		return len(d) < len(s)
	}
	return false
}

// isRomanNumeral reports a Roman numeral of two letters or more up to 399 ("II", "XXI"), except
// those that are also names or words (XI, LI, CI, MIX...).
func isRomanNumeral(s string) bool {
	if len(s) < 2 || s == "XI" || s == "LI" || s == "CI" || s == "DI" {
		return false
	}
	rest := strings.TrimLeft(s, "C")
	if len(s)-len(rest) > 3 {
		return false
	}
	for _, group := range [][]string{{"XC", "XL", "LXXX", "LXX", "LX", "L", "XXX", "XX", "X"}, {"IX", "IV", "VIII", "VII", "VI", "V", "III", "II", "I"}} {
		for _, g := range group {
			if strings.HasPrefix(rest, g) {
				rest = rest[len(g):]
				break
			}
		}
	}
	return rest == ""
}

func words(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
