package text

import (
	"strings"
	"unicode/utf8"
)

// Kazakh suffix slots, outermost last: a word is stem + derivation* + plural? + possessive? +
// case?. Verb forms are stem + (voice) + one verbal suffix + possessive/case (a participle
// declines like a noun).
const (
	slotDeriv = iota
	slotPlural
	slotPossessive
	slotCase
)

type kkSuffix struct {
	text string
	slot int
	verb bool // attaches to a verb stem (found in the dictionary as its infinitive in -у)
}

var kkMorphSuffixes = func() []kkSuffix {
	var out []kkSuffix
	add := func(slot int, verb bool, list string) {
		for _, s := range strings.Fields(list) {
			out = append(out, kkSuffix{s, slot, verb})
		}
	}
	add(slotDeriv, false, "лық лік дық дік тық тік шы ші сыз сіз ғы гі қы кі дағы дегі тағы тегі ндағы ндегі дай дей тай тей шыл шіл лы лі ды ді ты ті "+
		"рақ рек ырақ ірек ғырақ гірек қырақ кірек")
	add(slotPlural, false, "лар лер дар дер тар тер")
	add(slotPossessive, false, "ым ім м ың ің ң ы і сы сі ымыз іміз мыз міз ыңыз іңіз ңыз ңіз ңыздар ңіздер ыңыздар іңіздер")
	add(slotCase, false, "ның нің дың дің тың тің ға ге қа ке а е на не ды ді ты ті н ны ні да де та те нда нде "+
		"дан ден тан тен нан нен мен бен пен менен ша ше нша нше")
	// The personal endings of a nominal predicate, in the place of a case ending: дайын+быз
	// "we are ready", студент+піз, мұғалім+мін, and after a participle қарайтын+быз.
	add(slotCase, false, "мын мін бын бін пын пін быз біз пыз піз сың сің")
	add(slotDeriv, true, "ған ген қан кен атын етін йтын йтін ар ер р мақ мек ушы уші ып іп п а е й ғалы гелі "+
		"мас мес бас бес пас пес бақ бек пақ пек мақшы мекші бақшы бекші пақшы пекші ғанша генше қанша кенше йынша йінше ғандықтан гендіктен қандықтан кендіктен")
	add(slotCase, true, "ды ді ты ті ады еді йды йді ады уда уде уы уі са се ма ме ба бе па пе сын сін")
	// Rarer derivations last, so that the common readings are tried first: -лас "fellow,
	// adjoining" (шекаралас, ауылдас), the deverbal noun in -ыс/-іс (кептеліс) and the nouns of
	// instruments and agents in -уыш/-уіш, -ғыш/-гіш (таңбала+уыш "token", өлше+уіш, сор+ғыш).
	add(slotDeriv, false, "лас лес дас дес тас тес")
	add(slotDeriv, true, "ыс іс уыш уіш ғыш гіш қыш кіш")
	return out
}()

// kkSuffixesByLast indexes the suffixes by their last letter, which the word must end with.
var kkSuffixesByLast = func() map[rune][]kkSuffix {
	m := map[rune][]kkSuffix{}
	for _, s := range kkMorphSuffixes {
		r, _ := utf8.DecodeLastRuneInString(s.text)
		m[r] = append(m[r], s)
	}
	return m
}()

const (
	kkBackVowels  = "аоұыя"
	kkFrontVowels = "әеөүіэи"
	kkVowels      = "аоұыяәеөүіэиуюё"
	kkVoiceless   = "кқпстшфхцчщ"
)

// kkHarmony returns 'b' for a back-vowel stem, 'f' for a front one, 0 when undecided.
func kkHarmony(s string) byte {
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-size]
		switch {
		case strings.ContainsRune(kkBackVowels, r):
			return 'b'
		case strings.ContainsRune(kkFrontVowels, r):
			return 'f'
		}
	}
	return 0
}

// loanHarmony is the harmony a Kazakh suffix takes after a stem written without Kazakh letters,
// a Russian or international loan: its last vowel decides, у, ю and о among the back ones
// (ресурс → ресурстар, бюджет → бюджеттер); after a final soft sign, or a final к or г after a
// consonant, the suffix is front whatever the vowels (фестиваль → фестивальге, медаль →
// медальді, банк → банкке). 0 for a stem with Kazakh
// letters or no vowel.
func loanHarmony(stem string) byte {
	if hasKazakhLetter(stem) {
		return 0
	}
	if strings.HasSuffix(stem, "ь") {
		return 'f'
	}
	if rs := []rune(stem); len(rs) >= 3 && (rs[len(rs)-1] == 'к' || rs[len(rs)-1] == 'г') && !strings.ContainsRune(kkVowels, rs[len(rs)-2]) {
		return 'f' // к and г after a consonant are front sounds: банк → банкі, парк → парктің
	}
	for s := stem; len(s) > 0; {
		r, size := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-size]
		switch {
		case strings.ContainsRune("аоуыяюё", r):
			return 'b'
		case strings.ContainsRune("еиэ", r):
			return 'f'
		}
	}
	return 0
}

// kkFits reports whether a suffix may follow a stem: its vowels agree with the stem's (vowel
// harmony) and its first sound with the stem's last (т, қ, к, п after voiceless consonants; д,
// ғ, г, б, л not after them; a vowel-initial suffix after a consonant).
func kkFits(stem, suf string, verb bool) bool {
	if h := kkHarmony(suf); h != 0 && !kkNoHarmony[suf] {
		if sh := kkHarmony(stem); sh != 0 && sh != h && !(loanHarmony(stem) == h) {
			return false
		}
	}
	last, _ := utf8.DecodeLastRuneInString(stem)
	first, _ := utf8.DecodeRuneInString(suf)
	voiceless := strings.ContainsRune(kkVoiceless, last)
	vowelEnd := strings.ContainsRune(kkVowels, last)
	if (last == 'у' || last == 'ю') && consonantOnly[suf] && !verb {
		vowelEnd = false // -у (-ю after й) of verbal nouns sounds [w]: тереңдету+ді, көбею+ді
	}
	switch {
	case suf == "п" && verb:
		// The converb -п after a vowel (жиіле+п), -ып/-іп after a consonant. A short
		// suffix on any word the dictionary knows would accept too much (сала+п): the stem must
		// be a verb the dictionary lists (see kkParse).
		return vowelEnd && last != 'у' && last != 'ю'
	case strings.ContainsRune("тқкп", first):
		return voiceless || strings.ContainsRune("бвгд", last) // loanwords devoice: клубқа
	case strings.ContainsRune("дғгб", first):
		if vowelEnd && consonantOnly[suf] && !verb {
			return false // after a vowel: -лар, -ның, -ны, -лық
		}
		return !voiceless
	case first == 'л':
		return vowelEnd || strings.ContainsRune("рйуwю", last)
	case strings.ContainsRune("ыіаеұү", first) && utf8.RuneCountInString(suf) > 1:
		// After the -у of a verbal noun, which sounds [w], the possessive keeps its vowel as
		// after a consonant: арттыру+ымыз, көбею+іңіз. A verbal noun of a stem of two letters
		// (ма+у) is too short to tell from a typo's accident.
		return !vowelEnd || !verb && (last == 'у' || last == 'ю') && kkVowelPossessives[suf] && utf8.RuneCountInString(stem) >= 5
	case (suf == "ы" || suf == "і") && !verb:
		// The possessive is -сы/-сі after a vowel; -у and -ю sound [w]: болжау+ы, көбею+і.
		return !vowelEnd || last == 'у' || last == 'ю'
	}
	return true
}

// kkVowelPossessives are the possessive endings that open with a vowel.
var kkVowelPossessives = wordSet("ым ім ың ің ымыз іміз ыңыз іңіз")

// kkPoliteImperative are the endings of the polite imperative, which follow a verb stem
// (тыңда+ңыз, қорық+па+ңыз "do not be afraid"); they are written like the possessive.
var kkPoliteImperative = wordSet("ңыз ңіз ыңыз іңіз ңыздар ңіздер ыңыздар іңіздер")

// kkAfterCase lists the locative adjectives (-дағы, "which is in"), which take the place of a
// case ending: a possessive or a plural may stand before them.
var kkAfterCase = wordSet("дағы дегі тағы тегі ндағы ндегі")

// kkNoHarmony lists the suffixes written the same after back and front vowels: the
// instrumental -мен/-бен/-пен (-менен), the one case ending without a back-vowel form.
var kkNoHarmony = wordSet("мен бен пен менен")

// consonantOnly lists д-suffixes that follow consonants only; after vowels the language uses
// л- or н- forms instead.
var consonantOnly = wordSet("дар дер дың дің ды ді дық дік")

// kkKnownForm accepts a Kazakh word that valid (the dictionary) does not know but that parses
// as a known stem followed by suffixes in their order, in harmony with the stem: экономика+сы+на,
// ынтымақтастығ(қ)+ы, қабылдан(у)+ып, қаупі (қауіп)+не. The Debian dictionary attaches only one
// suffix per rule, so such chains, which are ordinary Kazakh, would otherwise be rejected.
//
// It is the one Kazakh analyser of the project: the spelling check and the joined-word repair
// both call it, each with its own idea of a valid stem.
func KazakhKnownForm(valid func(string) bool, w string) bool {
	return kkParse(valid, w, slotCase+1, 4, false)
}

// kkNounForm is KazakhKnownForm for a noun: a stem valid accepts and nominal suffixes only, no verb
// forms (the second part of a compound: ұжым+шар+лар+да, not мұң+гер+ген).
func kkNounForm(valid func(string) bool, w string) bool {
	return kkParse(valid, w, slotCase+1, 4, true)
}

// kkParse takes suffixes off w, outermost first, below maxSlot; with nouns set, only nominal ones.
func kkParse(valid func(string) bool, w string, maxSlot, depth int, nouns bool) bool {
	if depth == 0 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(w)
	for _, s := range kkSuffixesByLast[last] {
		if s.slot >= maxSlot && !(s.slot == slotDeriv && maxSlot == slotDeriv+1) || nouns && s.verb {
			continue
		}
		stem, ok := strings.CutSuffix(w, s.text)
		if !ok || utf8.RuneCountInString(stem) < 2 {
			continue
		}
		if !kkFits(stem, s.text, s.verb) {
			// A stem that dropped its narrow vowel (қауп+і) shows its harmony only when restored.
			for _, v := range "ыі" {
				if r := restoreVowel(stem, v); !s.verb && r != stem && kkFits(r, s.text, false) && valid(r) {
					return true
				}
			}
			continue
		}
		if s.verb {
			if s.text == "п" && kkVerbStemDepth(valid, stem, kkVerbDepth-1) || s.text != "п" && kkVerbStem(valid, stem) {
				return true
			}
			continue
		}
		if valid(stem) || valid(unvoice(stem)) || valid(restoreVowel(stem, 'ы')) || valid(restoreVowel(stem, 'і')) {
			return true
		}
		if !nouns && kkPoliteImperative[s.text] && utf8.RuneCountInString(stem) >= 3 && kkVerbStem(valid, stem) {
			return true
		}
		next := s.slot
		switch {
		case kkAfterCase[s.text]:
			next = slotCase // -дағы follows a possessive or a plural: оңтүстіг+і+ндегі
		case s.slot == slotDeriv:
			next = slotDeriv + 1 // derivations may stack
		}
		if kkParse(valid, stem, next, depth-1, nouns) || !nouns && kkVerbParse(valid, stem, depth-1) && s.slot >= slotPossessive {
			return true
		}
	}
	return false
}

// kkVerbStem reports whether stem is a verb the dictionary knows, as its root (біріктір) or its
// infinitive (біріктіру).
// Passive, reflexive, reciprocal and causative voices are taken off first (жеңілдет+іл+ген).
func kkVerbStem(valid func(string) bool, stem string) bool {
	return kkVerbStemDepth(valid, stem, kkVerbDepth)
}

// kkInfinitive reports a verb stem whose infinitive valid accepts: the stem and -у (-ю after
// й); a stem in -ы or -і after a consonant, which writes -у in that vowel's place (таны+ма+йды →
// тану, жылжы → жылжу: after a vowel ы, і is a possessive, no stem); a stem in қ, к, п, which
// voices them before the -у (шық → шығу, кеп → кебу).
func kkInfinitive(valid func(string) bool, stem string) bool {
	if valid(stem+"у") || valid(stem+"ю") {
		return true
	}
	for _, v := range []string{"ы", "і"} {
		if b, ok := strings.CutSuffix(stem, v); ok && utf8.RuneCountInString(b) >= 2 {
			last, _ := utf8.DecodeLastRuneInString(b)
			return !strings.ContainsRune(kkVowels, last) && valid(b+"у")
		}
	}
	for _, v := range [][2]string{{"қ", "ғ"}, {"к", "г"}, {"п", "б"}} {
		if b, ok := strings.CutSuffix(stem, v[0]); ok && utf8.RuneCountInString(b) >= 2 {
			return valid(b + v[1] + "у")
		}
	}
	return false
}

// kkVerbDepth bounds the voices and negations taken off a verb stem: four, for a negated
// passive of a causative of a verb made from a noun (жеңіл+де+т+іл+ме).
const kkVerbDepth = 4

// kkVerbStemDepth is kkVerbStem with a bound on the voices and negations taken off in turn
// (ақыл+да+с+па: a verb made from a noun, reciprocal, negated).
func kkVerbStemDepth(valid func(string) bool, stem string, depth int) bool {
	if kkInfinitive(valid, stem) || depth == kkVerbDepth && valid(stem) {
		return true // below the word itself, only a verb the dictionary lists as one
	}
	// A verb whose last syllable has a narrow vowel drops it before the vowel of its infinitive:
	// қорық+па → қорқу, ауыр → ауру.
	if rs := []rune(stem); len(rs) >= 4 && (rs[len(rs)-2] == 'ы' || rs[len(rs)-2] == 'і') &&
		!strings.ContainsRune(kkVowels, rs[len(rs)-1]) && !strings.ContainsRune(kkVowels, rs[len(rs)-3]) &&
		valid(string(rs[:len(rs)-2])+string(rs[len(rs)-1])+"у") {
		return true
	}
	if depth == 0 {
		return false
	}
	// The negation -ма/-ме (-ба, -па after some consonants) comes after the voices.
	for _, n := range []string{"ма", "ме", "ба", "бе", "па", "пе"} {
		if b, ok := strings.CutSuffix(stem, n); ok && utf8.RuneCountInString(b) >= 2 && kkFits(b, n, true) &&
			kkVerbStemDepth(valid, b, depth-1) {
			return true
		}
	}
	if b, ok := strings.CutSuffix(stem, "й"); ok && valid(b+"ю") { // азай+ды → азаю
		return true
	}
	if b, ok := strings.CutSuffix(stem, "я"); ok && valid(b+"ю") { // азай+а+ды is written азаяды
		return true
	}
	for _, v := range kkVoices {
		if b, ok := strings.CutSuffix(stem, v); ok && utf8.RuneCountInString(b) >= 2 &&
			(depth == kkVerbDepth && valid(b) || valid(b+"у") || utf8.RuneCountInString(b) >= 3 && kkVerbStemDepth(valid, b, depth-1)) {
			return true
		}
	}
	// A verb made from a noun (рәсім+де → рәсімдеу, жоба+ла → жобалау): the
	// verbaliser agrees with the noun in harmony and its first sound.
	for _, v := range kkVerbalisers {
		if b, ok := strings.CutSuffix(stem, v); ok && utf8.RuneCountInString(b) >= 3 && kkFits(b, v, false) && valid(b) {
			return true
		}
	}
	return false
}

// kkVerbalisers make verbs of nouns: -ла (жоба+ла), and -лан, which makes them reflexive
// (жарық+тан, жарықтандыру).
var kkVerbalisers = strings.Fields("ла ле да де та те лан лен дан ден тан тен")

var kkVoices = strings.Fields("іл ыл л ін ын н іс ыс с дыр дір тыр тір ғыз гіз қыз кіз т")

// kkVerbParse accepts a participle or verbal noun that then took a possessive or case suffix
// (күтілу+де, жеткізу+ді).
func kkVerbParse(valid func(string) bool, w string, depth int) bool {
	if depth <= 0 {
		return false
	}
	if b, ok := strings.CutSuffix(w, "у"); ok && (valid(w) || utf8.RuneCountInString(b) >= 3 && kkVerbStem(valid, b)) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(w)
	for _, s := range kkSuffixesByLast[last] {
		if !s.verb || s.slot != slotDeriv {
			continue
		}
		if stem, ok := strings.CutSuffix(w, s.text); ok && utf8.RuneCountInString(stem) >= 2 && kkFits(stem, s.text, true) &&
			kkVerbStem(valid, stem) {
			return true
		}
	}
	return false
}

// restoreVowel puts back the narrow vowel v that a Kazakh stem drops before a vowel suffix:
// қауп(і) → қауіп, ерн(і) → ерін.
func restoreVowel(s string, v rune) string {
	rs := []rune(s)
	if len(rs) < 3 {
		return s
	}
	last := rs[len(rs)-1]
	return string(rs[:len(rs)-1]) + string(v) + string(last)
}

// Kazakh compounds written as one word that the dictionary lacks are accepted in two shapes,
// which a one-letter typo of an ordinary word rarely takes:
//   - a number or quantity and a noun with the adjective suffix -лық/-лы, an adjective of
//     measure (он+жылдық, үш+жақты, көп+қабатты);
//   - a noun of at least minKkTailHead letters and one of the compounding elements of the
//     language (ұжым+шар, кең+шар from шаруашылық, әуе+жай, темір+жол, тіл+тану,
//     зейнет+ақы, мемлекет+аралық, заң+гер).
//
// Any two nouns are not accepted: with the dictionary's many short nouns, about one in eighty
// one-letter typos of ordinary words (a letter dropped, doubled, swapped or a vowel changed)
// splits into two of them (палата+сын+ның, қауіп+із+дігін, кели+сім); two-letter stems (су,
// ел, ем) do not count for the same reason.

// minKkTailHead is the fewest letters of a noun before a compounding element or inside a
// compound of measure (кең+шар, тіл+тану, он+жыл+дық).
const minKkTailHead = 3

// KazakhMinCompoundPart is the fewest letters of a noun that KazakhCompound takes as a part: the
// noun test its caller passes should ask for as many.
const KazakhMinCompoundPart = minKkTailHead

// kkQuantityHeads begin compounds of measure.
var kkQuantityHeads = wordSet("бір екі үш төрт бес алты жеті сегіз тоғыз он жиырма отыз қырық елу жүз мың көп аз")

// kkCompoundTails are the elements that make compounds of any noun; шар is the short form of
// шаруашылық in the names of Soviet farms. The borrowed -гер/-кер (заң+гер, сауда+гер) and
// -нама (заң+нама) keep one form after back and front stems alike, so they are taken here,
// after a dictionary noun, and not as suffixes after any form the dictionary accepts.
var kkCompoundTails = strings.Fields("шар жай хана жол орын тану танушы ақы аралық гер кер нама")

// KazakhNounFlag is the affix flag of the nominal suffixes (the plural -лар first) in the Debian
// kk_KZ dictionary; its verbs carry other flags. A stem with it may be a part of a compound.
const KazakhNounFlag = 'A'

// KazakhCompound accepts a Kazakh compound of one of the kinds above, followed by a suffix chain
// (ұжымшар+лар+да). noun reports the noun stems that may be its parts.
func KazakhCompound(noun func(string) bool, w string) bool {
	rs := []rune(w)
	for i := 2; i+3 <= len(rs); i++ {
		head, tail := string(rs[:i]), string(rs[i:])
		if kkQuantityHeads[head] && kkMeasure(noun, tail) {
			return true
		}
		if !noun(head) {
			continue
		}
		for _, t := range kkCompoundTails {
			if rest, ok := strings.CutPrefix(tail, t); ok && (rest == "" || kkNounForm(func(x string) bool { return x == t }, tail)) {
				return true
			}
		}
	}
	return false
}

// kkMeasure reports the second part of a compound of measure: a noun with the adjective
// suffix -лық or -лы in one of their forms, then any suffix chain (жыл+дық+та, жақ+ты).
func kkMeasure(noun func(string) bool, tail string) bool {
	for _, s := range kkMeasureSuffixes {
		i := strings.Index(tail, s)
		if i < len("жоқ") {
			continue
		}
		stem, rest := tail[:i], tail[i+len(s):]
		if noun(stem) && kkFits(stem, s, false) && (rest == "" || kkNounForm(func(x string) bool { return x == stem+s }, tail)) {
			return true
		}
	}
	return false
}

var kkMeasureSuffixes = strings.Fields("лық лік дық дік тық тік лы лі ды ді ты ті")

// unvoice gives back the voiceless consonant a Kazakh stem voices before a vowel suffix:
// кітаб(ы) → кітап, тарағ(ы) → тарақ.
func unvoice(s string) string {
	r, size := utf8.DecodeLastRuneInString(s)
	switch r {
	case 'г':
		return s[:len(s)-size] + "к"
	case 'ғ':
		return s[:len(s)-size] + "қ"
	case 'б':
		return s[:len(s)-size] + "п"
	}
	return s
}

// hasKazakhLetter reports a letter of the Kazakh alphabet that Russian lacks.
func hasKazakhLetter(w string) bool { return strings.ContainsAny(w, "әғқңөұүһі") }

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// KazakhVerbForm reports whether w parses as a Kazakh verb in a form that only a verb takes: a
// stem the dictionary knows (through valid), its voices and negation, then a tense, participle or
// converb suffix of two letters or more, and after a participle a possessive or case ending
// (аяқта+л+атын+ы+н, көшір+іл+ді, жұмса+йтын+ы+н). A bare verbal noun in -у is not counted: it
// is a noun too; nor are the one-letter converbs and participles (-а, -й, -р, -п), which too many
// nouns end in. Such a word is never the second half of a compound written as one word.
func KazakhVerbForm(valid func(string) bool, w string) bool {
	return kkVerbForm(valid, w, 3, false)
}

// kkParticles are the question particles, which the suffix list holds for the negation inside a
// verb: at the end of a word they follow nouns as well ("жерме" is no verb form). The imperative
// "-сын/-сін" is written like a possessive and the accusative ("жазба+сы+н", not "жаз+ба+сын").
var kkParticles = wordSet("ма ме ба бе па пе сын сін")

// kkParticiples are the verbal suffixes after which a possessive or a case ending may follow.
var kkParticiples = wordSet("ған ген қан кен атын етін йтын йтін ар ер мас мес бас бес пас пес")

func kkVerbForm(valid func(string) bool, w string, depth int, declined bool) bool {
	if depth == 0 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(w)
	for _, s := range kkSuffixesByLast[last] {
		stem, ok := strings.CutSuffix(w, s.text)
		if !ok || utf8.RuneCountInString(stem) < 2 {
			continue
		}
		if s.verb {
			if utf8.RuneCountInString(s.text) >= 2 && (!declined || kkParticiples[s.text]) && !kkParticles[s.text] &&
				kkFits(stem, s.text, true) && kkVerbStem(valid, stem) {
				return true
			}
			continue
		}
		if s.slot >= slotPossessive && kkVerbForm(valid, stem, depth-1, true) {
			return true
		}
	}
	return false
}

// KazakhVerbStem reports whether stem is a Kazakh verb stem the dictionary knows through valid,
// as its root or its infinitive, after taking off voices and negation.
func KazakhVerbStem(valid func(string) bool, stem string) bool { return kkVerbStem(valid, stem) }
