package checks

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
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
	"тұр жатыр отыр жүр мәлімдеді айтты атап өтті " +
	// adjectives and adverbs that stand as the predicate (өнім былтырғыдан көп)
	"көп аз жоғары төмен жақсы жаман қиын оңай маңызды белгісіз белгілі дұрыс тиімді қымбат арзан")

// kkUnfinished reports Kazakh text with a sentence whose last word can be no predicate.
func kkUnfinished(s string) bool {
	for _, sent := range strings.FieldsFunc(stripMarkup(s), func(r rune) bool { return r == '.' || r == '!' || r == '?' }) {
		words := strings.FieldsFunc(sent, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
		if len(words) < 3 || kkNominalPredicate(sent, words) {
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

// kkAttributeEndings mark a word that qualifies a noun after it: the genitive (елдің
// [экономикасы]) and the locative adjective (оңтүстігіндегі [үйлер]). Such a word cannot end a
// sentence: the noun it qualifies, and the predicate, went with the rest.
// The plural possessive in the accusative (ерекшеліктерін, "their features") is an object that
// waits for its verb in the same way.
var kkAttributeEndings = strings.Fields("ның нің дың дің тың тің дағы дегі тағы тегі ндағы ндегі ларын лерін дарын дерін тарын терін")

var kkGenitivePronouns = wordSet("менің сенің оның біздің сіздің сендердің олардың сіздердің")

// kkHeadless reports Kazakh text with a sentence of three words or more that ends on a genitive,
// a locative adjective or a plural possessive object: stronger evidence of a lost end than a missing predicate, since no
// elliptic style closes a sentence that way.
func kkHeadless(s string) bool {
	for _, sent := range strings.FieldsFunc(stripMarkup(s), func(r rune) bool { return r == '.' || r == '!' || r == '?' }) {
		words := strings.FieldsFunc(sent, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
		if len(words) < 3 || isUpperInitial(words[len(words)-1]) {
			continue
		}
		last := strings.ToLower(words[len(words)-1])
		if kkGenitivePronouns[last] {
			continue // «Бұл шешім біздің»: a pronoun's genitive may stand as the predicate
		}
		for _, e := range kkAttributeEndings {
			if strings.HasSuffix(last, e) && len([]rune(last)) > len([]rune(e))+1 {
				return true
			}
		}
	}
	return false
}

// kkGenitiveEndings are the endings of the Kazakh genitive (-ның after a vowel, -дың after a
// voiced consonant, -тың after a voiceless one, and their front forms).
var kkGenitiveEndings = strings.Fields("ның нің дың дің тың тің")

// kkPossessed matches a word with the third-person possessive that a genitive calls for
// (елдің экономика+сы, жылдың бас+ы+нда, оның айту+ы+нша), with a case ending or -дағы after it.
var kkPossessed = regexp.MustCompile(`(ы|і)(н|на|не|нда|нде|нан|нен|мен|ның|нің|ндағы|ндегі|нша|нше|ндай|ндей)?$`)

// kkThirdGenitives are the pronouns in the genitive that, like nouns, call for a third-person
// possessive; менің, біздің and the other persons take their own.
var kkThirdGenitives = wordSet("оның олардың соның бұның мұның")

// kkOrphanGenitive reports Kazakh text with a clause in which a genitive has no word with a
// possessive after it: the possessed noun was lost (Министрлік тендердің әлі түсіндірмеді, where
// "why the tender was stopped" went missing).
func kkOrphanGenitive(s string) bool {
	s = stripMarkup(s)
	open := false
	start := 0
	for i, r := range s + "." {
		if !strings.ContainsRune(".!?,;:—–()«»\"", r) {
			continue
		}
		if (r == '–' || r == '—') && i > 0 && i+3 < len(s) && isDigit(rune(s[i-1])) && isDigit(rune(s[i+3])) {
			continue // a range (60–65%) ends no clause
		}
		clause := s[start:min(i, len(s))]
		start = i + utf8.RuneLen(r)
		for _, w := range strings.FieldsFunc(clause, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
			lw := strings.ToLower(w)
			if open && kkPossessed.MatchString(lw) && !kkNotPossessed(lw) {
				open = false
			}
			if isGenitive(lw) {
				open = true
			}
		}
		// A genitive still open at a comma may be one of a list (Өзбекстанның, Қырғызстанның
		// және Тәжікстанның өкілдері) or have a list between it and its noun (Қазақстанның
		// Қытаймен, Ресеймен және Еуропамен саудасы): it stays open into the next piece. Other
		// punctuation ends the clause.
		if open && r != ',' {
			return true
		}
	}
	return false
}

// kkNotPossessed tells the words ending in -ы/-і that are no possessive: the past tense in
// -ды/-ді (a possessive after a stem in д is rare) and adverbs (әлі, тағы, әрі).
func kkNotPossessed(w string) bool {
	return kkNonPossessiveWords[w] || strings.HasSuffix(w, "ды") || strings.HasSuffix(w, "ді")
}

var kkNonPossessiveWords = wordSet("әлі тағы әрі және ғана болды еді")

func isGenitive(w string) bool {
	if kkThirdGenitives[w] {
		return true
	}
	if kkGenitivePronouns[w] || utf8.RuneCountInString(w) < 5 {
		return false
	}
	for _, e := range kkGenitiveEndings {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// kkNominalPredicate reports a Kazakh sentence whose predicate is a noun phrase, with no verb to
// end on: "X – Y" (Бұл – өңірдегі ең ірі жоба; экспорттың 60 пайызы – мұнай; not a pair of
// names, Қашқар – Әндіжан), or a measured quantity after a possessed subject (шекараның
// ұзындығы 1783 шақырым; зауыттың қуаты жылына 500 мың тонна цемент), whose last word is the
// measure, not a scale word (4,7 млрд lacks its unit).
func kkNominalPredicate(sent string, words []string) bool {
	fields := strings.Fields(sent)
	for i := 1; i+1 < len(fields); i++ {
		if (fields[i] == "–" || fields[i] == "—") && !(isUpperInitial(fields[i-1]) && isUpperInitial(fields[i+1])) {
			return true
		}
	}
	if len(fields) < 3 || len(words) < 2 {
		return false
	}
	digit := false
	for _, f := range fields[max(0, len(fields)-4):] {
		digit = digit || strings.ContainsAny(f, "0123456789")
	}
	last := strings.ToLower(words[len(words)-1])
	if !digit || kkScaleWords[last] {
		return false
	}
	for _, w := range words[:len(words)-1] {
		lw := strings.ToLower(w)
		if kkPossessedSubject.MatchString(lw) || kkVoicedPossessive.MatchString(lw) && !kkLocativeAdjective.MatchString(lw) {
			return true
		}
	}
	return false
}

// kkVoicedPossessive matches the possessive of a noun in -қ/-к, voiced before it (ұзындық →
// ұзындығы, бөлік → бөлігі); kkLocativeAdjective the -дағы/-дегі adjectives it would take too.
var (
	kkVoicedPossessive  = regexp.MustCompile(`[аәеіоөұүыэюя][ғг][ыі]$`)
	kkLocativeAdjective = regexp.MustCompile(`[дт][ае][ғг][ыі]$`)
)

// kkScaleWords are the Kazakh scale words, which a quantity does not end on without its unit.
var kkScaleWords = wordSet("млрд млн мың трлн миллиард миллион триллион")

// kkPossessedSubject matches a noun in the third-person possessive, the subject of a nominal
// sentence (ұзындығы, қуаты, үлесі, саны): -сы/-сі after a vowel, -ы/-і after a consonant other
// than the ғ, г, қ, к of the adjectival -ғы/-гі (жылғы is no subject).
var kkPossessedSubject = regexp.MustCompile(`^[^\s]{2,}(?:[аәеіоөұүыэюя]с[ыі]|[бвджзйлмнңпрстуфхцчшщ][ыі])$`)
