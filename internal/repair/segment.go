package repair

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/text"
)

// The segmentation model. A token is read either as one unknown word, with a cost that grows
// with its length, or as two or three known words, each costing its negative log-probability
// (from the frequency list, raised by the article's own use of the word) plus a penalty per
// split, less a bonus when the article uses the same two words side by side. The cheapest
// reading wins only when it beats the unsplit token by a clear margin and no other split comes
// close; otherwise the token stays and, in the band just under the margin, becomes a Question.
const (
	articleBoost   = 2000 // pseudo-count added per use of a word elsewhere in the article
	splitPenalty   = 3.0  // per space inserted
	bigramBonus    = 4.0  // the article uses the two words next to each other
	unknownBase    = 8.0  // cost of an unknown token: unknownBase + unknownPerRune × length
	unknownPerRune = 2.25
	// inflectedPerRune replaces unknownPerRune in Russian and Kazakh, whose dictionaries list
	// every inflected form: a token they do not know is far less often a real word than an
	// English token the subtitles lack.
	inflectedPerRune = 3.5
	splitMargin      = 1.0 // the split must be this much cheaper than the unsplit token
	questionBand     = 4.0 // splits within this much below the margin become Questions
	ambiguityGap     = 1.5 // a second split this close to the best makes the token a Question
	capitalMargin    = 3.0 // extra margin for capitalised tokens, which are often names
	repeatMargin     = 4.0 // extra margin for a token the article uses more than once
	maxPieces        = 3
	maxTokenRunes    = 40 // longer tokens are not searched
)

// prefixLike are pieces that usually begin a single word rather than stand alone: a split
// "geo economic" or "cyber attacks" is a compound, not two words run together.
var prefixLike = setOf("anti", "auto", "bi", "bio", "co", "counter", "cyber", "de", "dis", "eco",
	"euro", "extra", "geo", "hydro", "hyper", "infra", "inter", "intra", "macro", "mega", "micro",
	"mid", "mini", "mis", "mono", "multi", "neo", "non", "pan", "petro", "poly", "post", "pre",
	"pro", "proto", "pseudo", "quasi", "re", "self", "semi", "socio", "sub", "super", "tele",
	"trans", "tri", "ultra", "un", "uni", "agro", "techno", "info", "photo", "thermo", "electro",
	"neuro", "psycho", "astro", "aero", "nano", "para", "off")

// suffixLike are pieces that usually end a single word: "countrywide", "leaderless".
var suffixLike = setOf("like", "wide", "less", "ness", "ship", "hood", "ward", "wards", "wise",
	"fold", "led", "free", "proof", "worthy", "based", "scape", "holder", "holders", "maker",
	"makers", "making", "able", "ism", "isms", "ist", "ists", "ize", "ise", "ized", "ised",
	"ization", "isation", "ic", "al", "ally")

// boundEnding are Russian and Kazakh particles that are also word endings: the Kazakh locative
// "-да/-де/-та/-те", question particles "-ма/-ме/-ба/-бе/-па/-пе", the instrumental
// "-мен/-бен/-пен", Russian "-то", "-ка", "-ли". A token ending in one is an inflected word far more
// often than a particle run in.
var boundEnding = setOf("да", "де", "та", "те", "ма", "ме", "ба", "бе", "па", "пе", "мен", "бен",
	"пен", "ақ", "ау", "ші", "шы", "же", "ли", "бы", "ка", "то")

// reading is one way to read a token as words.
type reading struct {
	words []string
	cost  float64
}

// segmenter scores readings of tokens in one article.
type segmenter struct {
	lex     *lexicon
	voc     *vocab
	english bool
	kazakh  bool
	// verdicts remembers decide's answer per token: articles repeat their words, and the search
	// over a token's readings costs hundreds of dictionary lookups.
	verdicts map[string]verdict
}

// verdict is what the segmenter concluded about a token.
type verdict struct {
	split      []string // the words to write, in the token's own case; nil to keep the token
	candidates []string // with a Question: the readings worth an editor's look
	reason     string   // with a Question: why it was left
}

func (s *segmenter) unknownCost(runes int) float64 {
	if !s.english {
		return unknownBase + inflectedPerRune*float64(runes)
	}
	return unknownBase + unknownPerRune*float64(runes)
}

// pieceCost is the cost of w (lower case) as one word of a split, or false when w may not be a
// piece: unknown words, and short words other than the closed-class ones.
func (s *segmenter) pieceCost(w string) (float64, bool) {
	n := utf8.RuneCountInString(w)
	if n <= 2 && !s.lex.isFunction(w) {
		return 0, false
	}
	// Most pieces are neither a word of the language nor one of the article: one hash and the
	// two filters tell so without a look-up.
	h := text.FilterHash(w)
	inLexicon, inVocab := s.lex.mayHold(h), s.voc.filter.MayHoldHash(h)
	if !inLexicon && !inVocab {
		return 0, false
	}
	inArticle := 0
	if inVocab {
		inArticle = s.voc.lower[w]
	}
	if !s.english && n <= 3 && inArticle == 0 && !s.lex.isFunction(w) {
		// A Russian or Kazakh word of three letters counts no more than any dictionary word, and
		// the test below refuses it: the dictionary need not be asked.
		return 0, false
	}
	c := 0.0
	if inLexicon {
		c = s.lex.countFiltered(w)
	}
	if c == 0 && !s.english && n >= 3 && numberUnits[w] {
		c = s.lex.dictCount // "млн|тонн", "млрд|руб"
	}
	if c == 0 && inArticle == 0 {
		return 0, false
	}
	if s.english && n == 3 && c < 30 && inArticle == 0 && !s.lex.isFunction(w) {
		return 0, false
	}
	if !s.english && c <= s.lex.dictCount && inArticle == 0 && n <= 3 {
		return 0, false // short Russian and Kazakh stems make too many false pieces
	}
	c += articleBoost * float64(inArticle)
	return -math.Log(c / corpusSize), true
}

// readings lists every reading of the lower-case token lw as 2..maxPieces known words, cheapest
// first. This is an exhaustive search over the same model a Viterbi pass would use; tokens are
// short and pieces must be dictionary words, so it stays small.
func (s *segmenter) readings(lw string) []reading {
	var out []reading
	var words []string
	// lastPiece[b] remembers whether lw[b:] may be the last piece of a reading (1) or not (2):
	// a middle piece is worth costing only when what follows it may be one.
	lastPiece := make([]int8, len(lw)+1)
	mayEnd := func(b int) bool {
		if lastPiece[b] == 0 {
			lastPiece[b] = 2
			if _, ok := s.pieceCost(lw[b:]); ok {
				lastPiece[b] = 1
			}
		}
		return lastPiece[b] == 1
	}
	var walk func(rest string, cost float64, prev string)
	walk = func(rest string, cost float64, prev string) {
		if len(words) == maxPieces {
			return
		}
		// The last piece a reading may have is the whole rest: shorter ones would leave letters
		// over, so only the first turn of the loop can complete a reading.
		last := len(words) == maxPieces-1
		for i := len(rest); i > 0; {
			if last && i < len(rest) {
				break
			}
			_, n := utf8.DecodeLastRuneInString(rest[:i])
			piece := rest[:i]
			i -= n
			// The last piece is taken only when pieceCost takes it (no rule below admits
			// another), so a middle piece before a rest it refuses leads nowhere.
			if len(words) == maxPieces-2 && len(piece) < len(rest) && !mayEnd(len(lw)-len(rest)+len(piece)) {
				continue
			}
			pc, ok := s.pieceCost(piece)
			counted := s.kazakh && len(words) == 1 && kazakhCounting[prev] && s.countedNoun(piece)
			if counted {
				// A noun after a numeral is as expected as a second-tier closed-class word: the
				// numeral stands before a noun and nothing else.
				pc, ok = -math.Log(5e4/corpusSize), true
			}
			if first := len(words) == 0; first && s.kazakh && kazakhCounting[piece] && len(piece) < len(rest) {
				pc, ok = -math.Log(s.lex.function["бір"]/corpusSize), true
			}
			if !ok && len(words) == 0 && s.shortFirst(piece, rest[len(piece):]) {
				pc, ok = -math.Log(s.lex.dictCount/corpusSize), true
			}
			// A short numeral or verb form after a possessed noun: "қуаты|екі", "қоры|өсу".
			if !ok && s.kazakh && len(words) == 1 && len(piece) == len(rest) &&
				(kazakhCounting[piece] || s.lex.verbForm(piece) || s.lex.infinitive(piece)) &&
				s.possessiveFirst([]string{prev, piece}) {
				pc, ok, counted = -math.Log(s.lex.dictCount/corpusSize), true, true
			}
			// A verb form the dictionary lacks, of a short verb ("өтпеген", "өспеді"), after a word
			// closed by its case ending: "курсынан|өтпеген". Nothing but a word follows a case.
			if !ok && s.kazakh && len(words) == 1 && len(piece) == len(rest) && utf8.RuneCountInString(piece) >= 5 &&
				s.lex.verbForm(piece) && s.caseClosed(prev) {
				pc, ok = -math.Log(s.lex.dictCount/corpusSize), true
			}
			// A long verb form the dictionary lacks before a word known without the analyser:
			// "жеңілдетілмегендіктен|экспорттаушылар". No compound begins with a verb form.
			if !ok && s.kazakh && len(words) == 0 && len(piece) < len(rest) && utf8.RuneCountInString(piece) >= 8 &&
				s.verbFormBefore(piece, rest[len(piece):]) {
				pc, ok = -math.Log(s.lex.dictCount/corpusSize), true
			}
			// A Russian word of three letters before a closed-class word or a verb: "год|был",
			// "сёл|на", "лет|назад".
			if !ok && !s.english && !s.kazakh && len(words) == 0 && len(piece) < len(rest) &&
				utf8.RuneCountInString(piece) == 3 && s.russianShortFirst(piece, rest[len(piece):]) {
				pc, ok = -math.Log(s.lex.dictCount/corpusSize), true
			}
			// A Russian noun of three letters after a preposition or a numeral: "за|год",
			// "три|дня". The reading's other word is short too, and the unknown token's cost,
			// which grows with its length, keeps such a split from short names ("Ораз", "Амир").
			// So is one after an adjective in the genitive plural, which agrees with it:
			// "приграничных|сёл", "последних|лет", and a masculine noun after a masculine
			// adjective: "туркменский|газ", "новый|год".
			if !ok && !s.english && !s.kazakh && len(words) == 1 && len(piece) == len(rest) &&
				(russianGoverning[prev] || russianPluralAdjective(prev) && s.lex.isDictWord(prev) ||
					russianMasculineAdjective(prev) && s.lex.isDictWord(prev) && !isVowel(lastRune(piece))) &&
				utf8.RuneCountInString(piece) == 3 && s.lex.dict.ValidMinStem(piece, minStem) {
				pc, ok = -math.Log(s.lex.dictCount/corpusSize), true
			}
			// A native noun of three letters before a verb form of five letters or more that the
			// token as a whole is not: the noun of a compound verb ("қол|қойды", "мән|берді"), or
			// before a verbal noun of seven known without the analyser ("жыл|бейімделу").
			if !ok && s.kazakh && len(words) == 0 && len(piece) < len(rest) && utf8.RuneCountInString(piece) == 3 &&
				nativeShortStem(piece) && s.lex.dict.IsStem(piece) && utf8.RuneCountInString(rest[len(piece):]) >= 5 &&
				(s.lex.verbForm(rest[len(piece):]) || s.shortBeforeVerbalNoun(rest[len(piece):])) {
				pc, ok = -math.Log(s.lex.dictCount/corpusSize), true
			}
			// A form of a light verb the dictionary lacks after a noun known without the
			// analyser: "жария|етілмеді". The noun and the verb make a compound verb, which
			// Kazakh writes as two words.
			if !ok && s.kazakh && len(words) == 1 && len(piece) == len(rest) && utf8.RuneCountInString(prev) >= 4 &&
				s.lightVerb(piece) && s.lex.firmKazakh(prev) {
				pc, ok = -math.Log(s.lex.dictCount/corpusSize), true
			}
			// "есе" (times) before the verb it multiplies: "екі есе|өсті".
			if !ok && s.kazakh && len(words) == 0 && piece == "есе" && len(piece) < len(rest) && s.lex.verbForm(rest[len(piece):]) {
				pc, ok = -math.Log(5e4/corpusSize), true // as expected as a noun after a numeral
			}
			// A verb of continuous aspect after a converb: "болып|отыр", "өсіп|тұр".
			if !ok && s.kazakh && len(words) == 1 && len(piece) == len(rest) && kazakhProgressive[piece] && s.converb(prev) {
				pc, ok, counted = -math.Log(s.lex.dictCount/corpusSize), true, true
			}
			// A converb the dictionary lacks before a form of an auxiliary verb: "өтпей|тұрып",
			// "көтеріле|алмады". The pair is a compound verb, written as two words.
			if !ok && s.kazakh && len(words) == 0 && len(piece) < len(rest) && s.auxiliaryPair(piece, rest[len(piece):]) {
				pc, ok = -math.Log(s.lex.dictCount/corpusSize), true
			}
			// The auxiliary after its converb is as expected as a closed-class word, and more so
			// than any other reading of the same letters ("сатып|алды", not "саты|палды").
			if s.kazakh && len(words) == 1 && len(piece) == len(rest) && s.auxiliaryPair(prev, piece) {
				pc, ok, counted = -math.Log(5e4/corpusSize), true, true
			}
			// A short word or a numeral after a word closed by its case ending: "келісімге|қол",
			// "Астанада|оны", "ол|екі".
			if s.kazakh && len(words) == 1 && len(piece) == len(rest) && s.afterClosed(prev, piece) {
				if !ok {
					pc, ok = -math.Log(s.lex.dictCount/corpusSize), true
				}
				counted = true
			}
			if !ok || prev != "" && s.kazakh && !counted && s.suffixPiece(piece) && !s.wordAfterVowel(prev, piece) {
				continue
			}
			c := cost + pc
			if prev != "" {
				c += splitPenalty
				if s.voc.bigrams[[2]string{prev, piece}] > 0 {
					c -= bigramBonus
				}
			}
			words = append(words, piece)
			if len(piece) == len(rest) {
				if len(words) > 1 {
					out = append(out, reading{words: append([]string(nil), words...), cost: c})
				}
			} else {
				walk(rest[len(piece):], c, piece)
			}
			words = words[:len(words)-1]
		}
	}
	walk(lw, 0, "")
	sort.SliceStable(out, func(i, j int) bool { return out[i].cost < out[j].cost })
	return out
}

// russianPrepositions are the Russian prepositions, which stand before their noun or the words
// that qualify it.
var russianPrepositions = setOf("в", "во", "на", "с", "со", "к", "ко", "о", "об", "обо", "у", "по", "за", "из",
	"от", "до", "для", "без", "под", "над", "при", "про", "через", "перед", "между", "около", "после")

// russianEnclitics are the particles that lean on the word before them and begin no phrase.
var russianEnclitics = setOf("ли", "ль", "же", "ж", "бы", "б")

// particleAfterPreposition reports a Russian reading that sets a particle leaning on the word
// before it right after a preposition, which must be followed by its noun: "по|ли|металлов" is
// no reading of "полиметаллов".
func particleAfterPreposition(words []string) bool {
	for i := 1; i < len(words); i++ {
		if russianEnclitics[words[i]] && russianPrepositions[words[i-1]] {
			return true
		}
	}
	return false
}

// startsWithNarrow reports a word that begins with the narrow vowel "ы" or "і", as the Kazakh
// possessive does.
func startsWithNarrow(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return r == 'ы' || r == 'і'
}

// russianComparative reports a Russian comparative in "-ее" of an adjective the dictionary lists,
// which it may not list itself: "предсказуемее" of "предсказуемый", "сплочённее". Read as words
// it ends in the pronoun "ее" or "нее" ("предсказуем|ее").
func (s *segmenter) russianComparative(lw string) bool {
	stem, ok := strings.CutSuffix(lw, "ее")
	if !ok || utf8.RuneCountInString(stem) < 4 {
		return false
	}
	for _, end := range []string{"ый", "ий", "ой"} {
		if s.lex.isDictWord(stem + end) {
			return true
		}
	}
	return false
}

// russianInterfixed reports a reading that cuts a Russian compound at its linking vowel: the
// compound is a noun's stem, "о" or "е", and a word ("водосбережение" of "вода" and
// "сбережение", "машинокомплектов"), and the dictionary lacks it, so that read as words it falls
// apart there into a preposition or a particle ("во|до|сбережение", "маши|но|комплектов"). The
// stem with the linking vowel must be no word itself ("числопроектов" is "число" and "проектов"
// run together), nor the word after it a closed-class one ("тем|не|менее").
func (s *segmenter) russianInterfixed(words []string) bool {
	var rs []rune
	cuts := map[int]bool{}
	for _, w := range words {
		rs = append(rs, []rune(w)...)
		cuts[len(rs)] = true
	}
	for at := 3; at <= len(rs)-5; at++ {
		if rs[at] != 'о' && rs[at] != 'е' || !cuts[at+1] {
			continue
		}
		stem, rest := string(rs[:at]), string(rs[at+1:])
		linked := stem + string(rs[at])
		if s.lex.isDictWord(linked) || s.lex.isFunction(linked) || !s.lex.isDictWord(rest) || s.lex.isFunction(rest) {
			continue
		}
		for _, end := range []string{"а", "я", "ы", "и", "ь", "о", "е", ""} {
			if w := stem + end; w != linked && s.lex.isDictWord(w) && !s.lex.isFunction(w) {
				return true
			}
		}
	}
	return false
}

// rareJoinMargin: how much cheaper than an English dictionary word its reading as words must be
// for the word to be taken for words run together.
const rareJoinMargin = 3.0

// maxRareJoinCount and maxRareJoinRunes bound the words rareWordJoin searches: rare ones
// (counted fewer times per corpusSize words) and short ones, as runs of closed-class words are.
const (
	maxRareJoinCount = 50
	maxRareJoinRunes = 8
)

// rareWordJoin reports an English dictionary word that the frequency list says is far rarer than
// the closed-class words it reads as: "ina" (a name, and "in a"), "isa", "ona". Hunspell lists rare words and
// names whose letters spell common short phrases; a copy from a PDF makes those phrases far
// more often than an article uses the word. Words in common use ("into", "maybe", "outset") cost
// less than any reading of theirs and stay.
func (s *segmenter) rareWordJoin(lw string) bool {
	// No reading of closed-class words costs less than about eleven, so a word the list counts
	// more often than maxRareJoinCount times per corpus costs too little to be one: most words
	// are passed over without a search of their readings.
	c := s.lex.countFiltered(lw)
	if c <= 0 || c > maxRareJoinCount || utf8.RuneCountInString(lw) > maxRareJoinRunes {
		return false
	}
	rs := s.readings(lw)
	if len(rs) == 0 || !allFunction(rs[0].words, s.lex) {
		return false
	}
	// The article's other uses of the word count for it, as its uses of the words count for them.
	c += articleBoost * float64(max(s.voc.lower[lw]-1, 0))
	return rs[0].cost+rareJoinMargin <= -math.Log(c/corpusSize)
}

// decide judges one token made of letters only, written in lower case or capitalised. The
// verdict depends only on the token and the article, so it is worked out once per token.
func (s *segmenter) decide(token string) verdict {
	if v, ok := s.verdicts[token]; ok {
		return v
	}
	v := s.judge(token)
	if s.verdicts == nil {
		s.verdicts = map[string]verdict{}
	}
	s.verdicts[token] = v
	return v
}

// judge is decide without the memory.
func (s *segmenter) judge(token string) verdict {
	lw := strings.ToLower(token)
	runes := utf8.RuneCountInString(token)
	first, _ := utf8.DecodeRuneInString(token)
	capital := unicode.IsUpper(first)
	if runes == 2 && !s.english && !s.kazakh && !capital && !s.lex.isFunction(lw) && !s.lex.dict.Valid(lw) {
		// "ио", "ив": the conjunction and the preposition that began the next line ("но и|о
		// переработке"). No Russian word of two letters in lower case is written so ("Ио" is a
		// name).
		a, n := utf8.DecodeRuneInString(lw)
		if (a == 'и' || a == 'а') && strings.Contains("вскуо", lw[n:]) {
			return verdict{split: []string{token[:n], token[n:]}}
		}
	}
	if runes < 3 || runes > maxTokenRunes || utf8.RuneCountInString(lw) != runes {
		return verdict{}
	}
	analysed := s.lex.isDictWord(lw)
	if s.kazakh {
		// The adverbs "әлі" (still) and "тағы" (again) take the particle "да/де" as a set
		// phrase ("әлі де", "тағы да"); their locatives, which the dictionary lists, are not
		// used in prose.
		for adv := range kazakhParticleAdverbs {
			if rest, ok := strings.CutPrefix(lw, adv); ok && (rest == "да" || rest == "де") {
				return verdict{split: restoreCase(token, []string{adv, rest})}
			}
		}
	}
	if s.kazakh {
		if at := s.locativeParticle(lw); at > 0 {
			return verdict{split: restoreCase(token, []string{lw[:at], lw[at:]})}
		}
		if at := s.postpositionAfterCase(lw); at > 0 {
			return verdict{split: restoreCase(token, []string{lw[:at], lw[at:]})}
		}
	}
	if analysed && (!s.kazakh || s.lex.firmKazakh(lw)) && !(s.english && !capital && s.rareWordJoin(lw)) {
		return verdict{} // a correct word is never split
	}
	if !s.english && !s.kazakh {
		// The question particle "ли" follows the word it asks about: "Выживет|ли тюлень". A word
		// the dictionary has before it, and no word of the dictionary made with it.
		if head, ok := strings.CutSuffix(lw, "ли"); ok && utf8.RuneCountInString(head) >= 4 && s.lex.isDictWord(head) {
			return verdict{split: restoreCase(token, []string{head, "ли"})}
		}
	}

	if capital {
		if at := s.surnameBeforeVerb(lw); at > 0 {
			return verdict{split: restoreCase(token, []string{lw[:at], lw[at:]})}
		}
	}
	// A Kazakh token the analyser alone reads (a stem and a chain of endings) goes on to the
	// readings: "кедендеректеріне" parses as "кеден" and an odd chain, but reads as "кеден" and
	// "деректеріне", a dictionary word with its endings. The boundary rules below still decide.
	rs := s.readings(lw)
	if len(rs) == 0 {
		if s.english && runes >= 20 && !capital {
			return verdict{reason: "long unknown word: it may be words run together"}
		}
		return verdict{}
	}
	if s.kazakh {
		// Kazakh stacks suffixes, and its dictionary lists suffix chains ("тіктің") as words:
		// without frequencies, a reading is safe only at a boundary no compound has. A bare stem
		// before a word is as often a compound the dictionary lacks ("құпиясөз", "теміржол"), so
		// the reading must free a conjunction or postposition; or have every part of five letters
		// or more, none after the first beginning like an ending, and the first ending in a case,
		// participle, verb or plural ending ("қатысуға", "стратегиялық", "инвесторлар"); or put
		// a verb form or a counted noun after its first word ("ауыл|көшірілді", "он|жыл"), two
		// vowels together ("ақша|аударымдарына") or a possessed native noun after a dictionary
		// noun ("көлік|салығын").
		// A verb form the analyser reads is one word ("жарияланбаған", "байқағанда"), unless
		// it is as well a numeral and a measure ("үш|есе", which reads as a verb of "үшеу").
		verbWhole := analysed && s.lex.verbForm(lw)
		// The likeliest reading as two words known without the analyser ("ресми|мәліметтерге")
		// may fall below as a possible compound; a costlier reading that cuts elsewhere
		// ("ресмим|әлі|меттерге") would then break that compound or those words.
		var compound reading
		if len(rs[0].words) == 2 && s.allFirm(rs[0].words) {
			compound = rs[0]
		}
		// The cheapest reading of known parts, before the boundary rules: if they reject it, a
		// reading as cheap with a part only the analyser reads does not stand in its place
		// ("жүктерте|міржол" for "жүктер|теміржол").
		firmFirst := -1
		if i := slices.IndexFunc(rs, func(r reading) bool { return s.allFirm(r.words) }); i >= 0 {
			firmFirst = i
		}
		firmCost := math.Inf(1)
		if firmFirst >= 0 {
			firmCost = rs[firmFirst].cost
		}
		// rejectPair reports a reading whose boundaries a compound may have.
		rejectPair := func(words []string) bool {
			free := anyFunction(words, s.lex) || kazakhOrdinal(words[0]) || s.kazakhParticle(words) ||
				allLong(words, 5) && (s.lex.inflected(words[0]) || s.lex.verbForm(words[0]) || s.pluralFirst(words)) ||
				// Nor does a genitive: "жобаның|құны".
				len(words) == 2 && genitive(words[0]) && utf8.RuneCountInString(words[1]) >= 3 &&
					(dictKnown(s.lex.dict, words[1]) || s.lex.possessedVerbalNoun(words[1]) ||
						utf8.RuneCountInString(words[1]) >= 5 && s.lex.firmKazakh(words[1])) && !kazakhSuffixLike(words[1]) ||
				// A plural never begins a compound: "туристер|саны", "жұмыстар|биыл".
				len(words) == 2 && s.pluralFirst(words) && utf8.RuneCountInString(words[1]) >= 4 &&
					dictKnown(s.lex.dict, words[1])
			// A verb form or a counted noun never ends a compound, whatever comes before it.
			beforeNonCompound := s.verbAfterWord(words) || len(words) == 2 && kazakhProgressive[words[1]] && s.converb(words[0]) ||
				len(words) == 2 && s.auxiliaryPair(words[0], words[1]) ||
				len(words) == 2 && kazakhCounting[words[0]] && s.countedNoun(words[1]) ||
				len(words) == 2 && nativeShortStem(words[0]) && s.shortBeforeVerbalNoun(words[1])
			possessed := s.possessedAfter(words) || len(words) == 2 && (s.afterClosed(words[0], words[1]) || s.caseBeforeWord(words[0], words[1], analysed)) ||
				len(words) == 2 && (kazakhShortNouns[words[0]] || utf8.RuneCountInString(words[0]) >= 4) &&
					(s.pluralPossessed(words[1]) || s.longPlural(words[1])) ||
				len(words) == 2 && s.relativeClosed(words[0]) && utf8.RuneCountInString(words[1]) >= 4 && s.lex.firmKazakh(words[1]) &&
					!kazakhSuffixLike(words[1]) ||
				!analysed && s.waterOf(words) || s.positionalAfter(words) || s.vowelLoanPossessed(words)
			free = free || beforeNonCompound || s.vowelsMeet(words) || possessed || s.participleBefore(words) ||
				s.possessiveFirst(words) || !analysed && s.relationalBefore(words) || s.objectBeforeVerbalNoun(words) ||
				s.ethnonymBefore(words, capital) || s.afterCase(words) || len(words) == 2 && postpositionAdjective(words[1]) || s.measureBefore(words) || s.particleBeforeVerb(words, analysed) || len(words) == 2 && words[0] == "есе" && s.lex.verbForm(words[1]) ||
				len(words) == 2 && (s.shortBeforeLoan(words[0], words[1]) || s.nativeBeforeLoan(words[0], words[1]) ||
					s.relativeAdjective(words[0], words[1]))
			// A prefix-like first part makes a compound ("жалпыұлттық", "телеарна"), unless a
			// Kazakh one is followed by a verb form ("көп|жұмсайтынын").
			return !free || kazakhPrefixLike[words[0]] && !beforeNonCompound && !prefixBeforeNoun(words) || text.IsRussianPrefix(words[0]) ||
				kazakhLoanPrefix[words[0]] || s.stemRunsOn(words, analysed) ||
				boundEnding[words[0]] && !s.conjunctionFirst(words) && !s.particleBeforeVerb(words, analysed) || // a particle follows its word: "Пекинге" is no "пе кинге"
				s.endingPiece(words) ||
				// A plural takes the possessive "-ы/-і" and endings after it, which the analyser
				// reads: "бекеттеріндегі" is no "бекеттер індегі".
				analysed && len(words) == 2 && s.pluralFirst(words) && startsWithNarrow(words[1])
		}
		if text.KazakhAttested(lw) {
			// A form seen in real text that the dictionary and the analyser miss is a word
			// ("Мақтаарал", "орталықазиялық", "әуекомпаниясы"), unless a reading frees a
			// closed-class word ("жыл|сайын"), a loan that begins with a vowel, which no
			// compound ends in ("электр|энергиясы"), or an auxiliary verb after its converb
			// ("сатып|алды") or a noun after an adjective in "-и" ("ғылыми|зерттеу"), which the
			// spelling rules write apart: the list holds some joins too.
			rs = slices.DeleteFunc(rs, func(r reading) bool {
				return !anyFunction(r.words, s.lex) && !s.vowelLoanPossessed(r.words) &&
					!(len(r.words) == 2 && (s.auxiliaryPair(r.words[0], r.words[1]) || s.relativeAdjective(r.words[0], r.words[1])))
			})
			if len(rs) == 0 {
				return verdict{}
			}
		}
		rs = slices.DeleteFunc(rs, func(r reading) bool {
			// A closed-class word of three letters or more other than a numeral takes no endings
			// that would run into a word of five ("жаңа|салық" is no "жаңа" and "-са-лық",
			// "бұл|аумақта" no verb form).
			closedFirst := len(r.words) == 2 && s.lex.isFunction(r.words[0]) && !boundEnding[r.words[0]] && !kazakhCounting[r.words[0]] &&
				utf8.RuneCountInString(r.words[0]) >= 3 && utf8.RuneCountInString(r.words[1]) >= 5 && !kazakhSuffixLike(r.words[1])
			// Two vowels do not meet inside a native word or form, so the analyser's reading of the
			// whole is a chance one: "емхана|ашылды".
			vowels := s.vowelsMeet(r.words) && s.allFirm(r.words)
			if verbWhole && !(len(r.words) == 2 && kazakhCounting[r.words[0]] && kazakhMeasure[r.words[1]]) &&
				!(closedFirst && s.lex.inDict(r.words[1]) && !s.lex.verbForm(r.words[1])) && !vowels &&
				!s.positionalAfter(r.words) { // "жыл|басынан" is no verb form "жылба-сы-нан"
				return true
			}
			// Against the analyser's reading of the whole, every part must be a word without
			// it ("Ресмидеректерге" is no "ресмиде" and "ректерге"), and the analyser must not
			// read the token as a dictionary stem as long as the first part and its endings
			// ("пайдасының" is "пайда" and "-сының"). After a plural only a possessive or a case
			// ending may come, so a word after one is a word ("оқушылар|саны").
			// Two lost spaces in a token the analyser reads are too much to assume
			// ("құлғанасының" is no "құл ғана сының").
			// Nor does a genitive, which closes its word: "тұрғындарының|басым".
			genitiveFirst := len(r.words) == 2 && genitive(r.words[0]) && utf8.RuneCountInString(r.words[1]) >= 4 &&
				!kazakhSuffixLike(r.words[1])
			// Nor a long noun before a long possessed one: "кәсіпорын|басшылығы".
			izafet := allLong(r.words, 6) && s.possessedAfter(r.words) || s.positionalAfter(r.words)
			// A light verb's form counts as known after a noun that is: "жұмыс|істеді".
			light := func() bool { return len(r.words) == 2 && s.lightVerb(r.words[1]) && s.lex.firmKazakh(r.words[0]) }
			if analysed && (len(r.words) > 2 || !s.allFirm(r.words) && !light() || s.stemReading(lw, r.words[0]) && !s.pluralFirst(r.words) && !closedFirst && !genitiveFirst && !izafet && !vowels) {
				return true
			}
			if slices.ContainsFunc(r.words, s.genitiveInside) || s.voiceAfterStem(r.words) {
				return true
			}
			// A particle or conjunction that makes a dictionary stem with the word before it is
			// that stem's end: "Түрікменгазы" is "Түрікмен газы", not "Түрік мен газы".
			if len(r.words) == 3 && boundEnding[r.words[1]] &&
				(s.lex.dict.IsStem(r.words[0]+r.words[1]) || s.lex.isNameOnly(r.words[0]+r.words[1])) {
				return true
			}
			// Nor does a reading of three words cut a dictionary stem in two: "тасымал|құны" is
			// no "тасым|ал|құны", whether or not its reading as two words stands.
			if len(r.words) == 3 && (s.lex.dict.IsStem(r.words[0]+r.words[1]) || s.lex.dict.IsStem(r.words[1]+r.words[2])) {
				return true
			}
			// Three words are two boundaries, each of which must be one no compound has
			// ("ресми|сайтында|хабарлады").
			return rejectPair(r.words) && (len(r.words) != 3 || rejectPair(r.words[:2]) || rejectPair(r.words[1:]))
		})
		if len(rs) > 0 && compound.words != nil && !slices.Equal(rs[0].words, compound.words) {
			rs = slices.DeleteFunc(rs, func(r reading) bool {
				return r.cost-compound.cost >= ambiguityGap && !coarser(compound.words, r.words)
			})
		}
		// A part only the analyser reads is weaker evidence than a word known without it: a
		// reading with one gives way to a reading as cheap whose parts are all known
		// ("халықаралықсар|апшылар" to "халықаралық|сарапшылар").
		if i := slices.IndexFunc(rs, func(r reading) bool { return s.allFirm(r.words) }); i >= 0 {
			firm := rs[i]
			rs = slices.DeleteFunc(rs, func(r reading) bool { return r.cost >= firm.cost && !s.allFirm(r.words) })
		}
		rs = slices.DeleteFunc(rs, func(r reading) bool { return r.cost >= firmCost && !s.allFirm(r.words) })
		// So is a part known only as a compound or a loan's form against one the dictionary
		// lists: "зергерлік|өнер" (both listed) is read before "зергерлі|көнер".
		if i := slices.IndexFunc(rs, func(r reading) bool { return s.allListed(r.words) }); i >= 0 {
			listed := rs[i]
			rs = slices.DeleteFunc(rs, func(r reading) bool { return r.cost >= listed.cost && !s.allListed(r.words) })
		}
		if len(rs) == 0 {
			return verdict{}
		}
		// Where frequencies cannot tell readings apart, grammar does: of readings as cheap as
		// the best, the only one that puts a word closed by its case before a word known without
		// the analyser stands ("өкілдеріне|сілтеме", not "өкілдерін|есілтеме").
		if i, n := s.caseReading(rs, analysed); n == 1 {
			rs = []reading{rs[i]}
		}
	}
	rs = dropRefinements(rs)
	if last := rs[0].words[len(rs[0].words)-1]; boundEnding[last] && !allFunction(rs[0].words, s.lex) {
		// "қарастыруда" is a locative, not "қарастыру да"; "малокто" is not "малок то" but
		// may still be "мало кто". Where no locative can stand, the Kazakh particle can:
		// "жұмыс|да", "күндері|де".
		rs = slices.DeleteFunc(rs, func(r reading) bool {
			return boundEnding[r.words[len(r.words)-1]] && !allFunction(r.words, s.lex) && !(s.kazakh && s.kazakhParticle(r.words)) &&
				!(!s.english && !s.kazakh && s.conditionalBy(r.words))
		})
		if len(rs) == 0 {
			return verdict{}
		}
	}
	if !s.english && !s.kazakh {
		// A Russian preposition stands before its word, and one written onto a verb is its
		// prefix: "голодов" is no "голод о в", "профинансировало" no "про финансировало".
		// Nor does a one-letter word stand between two lost spaces: "казахстанцы" is no
		// "казах с танцы".
		rs = slices.DeleteFunc(rs, func(r reading) bool {
			return proclitic[r.words[len(r.words)-1]] && !s.prepositionAfter(r.words, capital) ||
				russianCaseLetter[r.words[len(r.words)-1]] && (capital || len(r.words) != 2 ||
					!s.lex.dict.ValidMinStem(r.words[0], minStem) || utf8.RuneCountInString(r.words[0]) < 4) ||
				prefixedVerb(r.words) || prepositionalAfterO(r.words) ||
				len(r.words) == 3 && utf8.RuneCountInString(r.words[1]) == 1 ||
				// A capitalised token whose last letter reads as a preposition is a name, not two
				// words and a preposition that began the next line: "Казахмыс" is no "Казах мы с".
				capital && len(r.words) == 3 && utf8.RuneCountInString(r.words[2]) == 1
		})
		if len(rs) == 0 {
			return verdict{}
		}
		// A stump compound ("госпрограмма", "техрегламент", "погранпереход") begins with a
		// clipped stem that the readings cut off as a word or two.
		rs = slices.DeleteFunc(rs, func(r reading) bool { return russianStumpFirst(r.words) })
		if len(rs) == 0 || s.lex.stumps && s.lex.stumpForm(lw) {
			return verdict{}
		}
		rs = slices.DeleteFunc(rs, func(r reading) bool { return s.russianInterfixed(r.words) || particleAfterPreposition(r.words) })
		if len(rs) == 0 || s.russianComparative(lw) {
			return verdict{}
		}
	}
	if s.english {
		// The article "a/an" stands before no plural: "as|cars" is no "a|scars".
		rs = slices.DeleteFunc(rs, func(r reading) bool { return s.articleBeforePlural(r.words) })
		if len(rs) == 0 {
			return verdict{}
		}
	}
	best := rs[0]
	if runes == 3 && !allFunction(best.words, s.lex) {
		return verdict{} // three letters split only into closed-class words: "ofa", "вто"
	}
	margin := splitMargin
	if s.voc.lower[lw] > 1 {
		// Used more than once: more likely a word of the article than the same accident twice,
		// so only a split far more likely than the token ("ofthe") is taken.
		margin += repeatMargin
	}
	if capital {
		lead := best.words[0]
		// A capital is the mark of a name, or of a sentence's first word. A Russian or Kazakh
		// first part that the dictionary writes in lower case ("Речь|идет", "Жоба|құны") explains
		// the capital as a sentence start, and the whole token as no name: the dictionaries,
		// unlike the English subtitles, list every form of a word and no name in lower case. A
		// token shaped as a surname keeps the margin ("Докупаев", "Алиханов").
		// An English name before a plural or a verb ("Beijing|signed"), or before closed-class
		// words of three letters or more ("Tashkent|has"), explains the capital too; "-is" ends
		// the names of peoples ("Tajikistanis").
		nameJoin := s.englishNameJoin(best.words) || s.english && utf8.RuneCountInString(lead) >= 4 && s.lex.counts[lead].name &&
			allFunction(best.words[1:], s.lex) && utf8.RuneCountInString(best.words[len(best.words)-1]) >= 3
		if s.english && !nameJoin || !s.english && (!s.lex.isFunction(lead) && !s.lex.dict.ValidMinStem(lead, minStem) || surnameShape(lw)) {
			margin += capitalMargin
		}
		// A capitalised token is split only after a common word or one the article capitalises,
		// so that names ("Jomart", "Greenberg") stay whole.
		commonLead := s.lex.count(lead) >= 100 || s.english && englishLeading[lead] || nameJoin ||
			s.english && s.lex.isDictWord(lead) && utf8.RuneCountInString(lead) >= 6 && s.lex.count(lead) >= 1 ||
			!s.english && s.lex.isDictWord(lead) && utf8.RuneCountInString(lead) >= 4 ||
			// A Kazakh noun of two or three letters at a sentence's start, before a possessed
			// noun the readings above let through: "Су|тасқынына", "Ел|аумағында".
			s.kazakh && len(best.words) == 2 && s.lex.dict.ValidMinStem(lead, 2) && (s.possessedAfter(best.words) || s.positionalAfter(best.words)) ||
			// Or before a postposition or connective of four letters or more: "Жыл|сайын",
			// "Ай|бойы". Names are not made with one.
			s.kazakh && len(best.words) == 2 && s.lex.dict.ValidMinStem(lead, 2) && s.lex.isFunction(best.words[1]) &&
				!boundEnding[best.words[1]] && utf8.RuneCountInString(best.words[1]) >= 4
		if s.kazakh && kazakhCounting[lead] {
			numeral := !s.lex.isFunction(lead) // "бірнеше", "көптеген" begin no names
			// A compound numeral is written as words and names no place: "Он|бес", "Үш|мыңнан".
			if numeral && (len(best.words) != 2 || !kazakhMeasure[best.words[1]] && !s.numeralForm(best.words[1])) {
				return verdict{} // "Бесқарағай", "Жетісу": a place name
			}
			commonLead = true
		}
		if s.kazakh && kazakhToponymLead[lead] && !(len(best.words) == 2 && s.pluralNoun(best.words[1])) {
			// "Жаңаөзен", "Қарағанды", "Сарыарқа": a place name. No place name is a plural:
			// "Жаңа|технологиялар".
			return verdict{}
		}
		if !commonLead && !s.lex.isFunction(lead) && s.voc.forms[titleCase(lead)] == 0 {
			return verdict{}
		}
		if !s.english && !s.lex.isFunction(lead) && s.lex.isNameOnly(lead) && !s.afterName(best.words) && !s.ethnonymBefore(best.words, true) {
			return verdict{} // a name before a word is one name: "Газпромбанк", "Сбербанк"
		}
	}
	unsplit := s.unknownCost(runes)
	if c := s.lex.count(lw); c > 0 && !analysed {
		// Known only to the subtitles, where some words run together too: as likely as it is
		// frequent there.
		unsplit = min(unsplit, -math.Log(c/corpusSize))
	}
	gain := unsplit - best.cost
	if !capital && len(rs) == 1 && s.prepositionBeforeNoun(best.words) {
		// "вмае", "вгод": too short for the lengths' odds, but a preposition run into a
		// dictionary word that is no verb, where the whole is no word, is two words.
		gain = max(gain, margin)
	}
	if !s.english && !s.kazakh && !capital && len(rs) == 1 && len(best.words) == 2 && !analysed &&
		utf8.RuneCountInString(best.words[0]) == 3 && utf8.RuneCountInString(best.words[1]) >= 4 &&
		russianFiniteVerb(best.words[1]) && s.lex.isDictWord(best.words[1]) && s.russianShortFirst(best.words[0], best.words[1]) {
		// "годстал": a noun of three letters and the finite verb after it, where the whole is no
		// word, is two words however short the token.
		gain = max(gain, margin)
	}
	if s.english && len(rs) == 1 && len(best.words) == 2 && best.words[0] == "by" && s.lex.count(lw) == 0 && !analysed &&
		utf8.RuneCountInString(best.words[1]) >= 3 && s.lex.isDictWord(best.words[1]) && !s.lex.isFunction(best.words[1]) {
		// "byrail", "bysea": the words that begin with "by" (bypass, bylaw, bystander) are
		// dictionary words, so "by" before a dictionary word, where the whole is none, is the
		// preposition of means run into its noun, however short the token.
		gain = max(gain, margin)
	}
	if s.english && len(rs) == 1 && len(best.words) == 2 && englishCommonModifiers[best.words[0]] && s.lex.count(lw) == 0 && !analysed &&
		utf8.RuneCountInString(best.words[1]) >= 4 && s.lex.isDictWord(best.words[1]) && !s.lex.isFunction(best.words[1]) {
		// "newfees", "twoweeks": a number or one of the commonest modifiers before a dictionary
		// word, where the whole is no word, is two words however short the token.
		gain = max(gain, margin)
	}
	cands := []string{strings.Join(restoreCase(token, best.words), " ")}
	if len(rs) > 1 {
		cands = append(cands, strings.Join(restoreCase(token, rs[1].words), " "))
	}
	switch {
	case gain < margin-questionBand:
		return verdict{}
	case gain < margin:
		return verdict{candidates: cands[:1], reason: "a split is possible but not clearly more likely than one word"}
	case s.english && compoundLike(best.words, s.lex), !s.english && !s.kazakh && russianCompound(best.words, s.lex):
		return verdict{candidates: cands[:1], reason: "looks like a compound word, not two words run together"}
	case len(rs) > 1 && rs[1].cost-best.cost < ambiguityGap:
		return verdict{candidates: cands, reason: "two splits are about equally likely"}
	}
	if !s.english && !s.kazakh {
		words := innerCompound(best.words, s.lex)
		if words == nil {
			return verdict{candidates: cands[:1], reason: "looks like a compound word, not two words run together"}
		}
		return verdict{split: restoreCase(token, words)}
	}
	return verdict{split: restoreCase(token, best.words)}
}

// englishCommonModifiers are the numbers and the commonest modifiers of English nouns: the
// words they begin that are words (newsletter, everyone) are in the dictionary.
var englishCommonModifiers = setOf("new", "old", "big", "two", "three", "four", "five", "six", "seven", "eight",
	"nine", "ten", "all", "more", "most", "many", "some", "any", "few", "each", "every", "other", "own", "such")

// verbFormBefore reports a Kazakh verb form that ends in a case or a converb (lexicon.inflected)
// before a word of five letters or more known without the analyser that begins like no ending.
func (s *segmenter) verbFormBefore(form, next string) bool {
	return utf8.RuneCountInString(next) >= 5 && !kazakhSuffixLike(next) && s.lex.firmKazakh(next) &&
		s.lex.inflected(form) && s.lex.verbForm(form)
}

// voiceAfterStem reports a Kazakh reading in which a verb form that begins with "ыл/іл", "ын/ін"
// or "ыс/іс" follows a word ending in a consonant, in the same row of vowels (or any word that
// begins with a vowel of that row follows a verb's stem): that is the
// passive, reflexive or reciprocal of the word before, a verb's stem, and the endings after it
// ("жеңілдет|ілмегендіктен" is "жеңілдетілмегендіктен"), not a verb of its own. After a word of
// the other row the vowel is no ending of it ("жыл|ішінде").
func (s *segmenter) voiceAfterStem(words []string) bool {
	for i := 0; i+1 < len(words); i++ {
		a, b := words[i], words[i+1]
		r0, n := utf8.DecodeRuneInString(b)
		r1, _ := utf8.DecodeRuneInString(b[n:])
		if !isVowel(r0) || isVowel(lastRune(a)) || harmonyBreak(a, b) {
			continue
		}
		if (r0 == 'ы' || r0 == 'і') && (r1 == 'л' || r1 == 'н' || r1 == 'с') && utf8.RuneCountInString(b) >= 3 && s.lex.verbForm(b) {
			return true
		}
		// After a verb's bare stem of five letters or more ("қарат", whose "қарату" the
		// dictionary lists) a vowel of its row begins the stem's converb or voice: "қаратаулар"
		// is no "қарат|аулар".
		if utf8.RuneCountInString(a) >= 5 && s.lex.infinitive(a+"у") {
			return true
		}
	}
	return false
}

// compoundLike reports whether a split looks like a prefix or suffix joined to a word, or like a
// closed compound of two short words.
func compoundLike(words []string, lex *lexicon) bool {
	if len(words) != 2 {
		return false
	}
	a, b := words[0], words[1]
	// A numeral after one is counted, not compounded: "laid off|hundreds".
	if prefixLike[a] && !lex.isFunction(b) && !englishNumeral[b] {
		return true
	}
	if suffixLike[b] && !lex.isFunction(a) {
		return true
	}
	// "over-" and "under-" make nouns of degree of the nouns of action ("overreliance",
	// "underinvestment", "overproduction"); the prepositions stand before other nouns.
	if (a == "over" || a == "under") && utf8.RuneCountInString(b) >= 7 {
		for _, suf := range []string{"ance", "ence", "ment", "tion", "sion", "ing", "ity"} {
			if strings.HasSuffix(b, suf) {
				return true
			}
		}
	}
	// Nouns made of a phrasal verb are written as one word: "signup", "rollout", "takeaway".
	if phrasalParticle[b] && !lex.isFunction(a) && utf8.RuneCountInString(a) >= 3 {
		return true
	}
	// Two short content words of four or five letters make the closed compounds English writes
	// as one word and the dictionary may lack ("timeframe", "lifeline", "newsroom"). The first
	// part of such a compound is a bare stem, and the second no verb in the past: "costs|less",
	// "buying|less", "area|grew", "bank|kept" are two words.
	na, nb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	return na >= 4 && na <= 5 && nb >= 4 && nb <= 5 && !notCompoundPart(a, lex) && !notCompoundPart(b, lex) &&
		!inflectedEnglish(a) && !englishPast[b] && !strings.HasSuffix(b, "ed")
}

// inflectedEnglish reports an English word with a plural, past or participle ending: "costs",
// "fired", "going". ("-ss", "-us", "-is" end stems: "glass", "bonus", "basis".)
func inflectedEnglish(w string) bool {
	switch {
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return false
	}
	return strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")
}

// englishNameJoin reports an English reading of two words whose first is a name the
// dictionaries write only capitalised, of four letters or more ("Beijing", "Korean", "Kyrgyz"),
// and whose second is a lower-case word of five letters or more with a plural, past or
// participle ending ("signed", "rivals", "authorities"), or an irregular past of four ("fell"):
// a name before the noun it qualifies or the verb of its sentence. Names and brands written as one word with a noun ("Kazakhtelecom",
// "Elizabethtown") end in the bare noun, and none in a plural or a verb form.
func (s *segmenter) englishNameJoin(words []string) bool {
	if !s.english || len(words) != 2 || utf8.RuneCountInString(words[0]) < 4 ||
		utf8.RuneCountInString(words[1]) < 5 && !(englishPast[words[1]] && utf8.RuneCountInString(words[1]) == 4) {
		return false
	}
	a, b := s.lex.counts[words[0]], s.lex.counts[words[1]]
	return a.name && b.dict && !b.name && b.count >= 10 && !suffixLike[words[1]] &&
		(inflectedEnglish(words[1]) && words[1] != "news" || englishPast[words[1]])
}

// englishBeforePast reports an English reading of two words, a dictionary word of four letters
// or more and a verb in the past of five or more ("commission|resumed"): names and brands made
// as one word end in a noun, none in a verb's past.
func (s *segmenter) englishBeforePast(words []string) bool {
	if !s.english || len(words) != 2 || utf8.RuneCountInString(words[0]) < 4 || utf8.RuneCountInString(words[1]) < 5 {
		return false
	}
	a, b := s.lex.counts[words[0]], s.lex.counts[words[1]]
	return a.dict && b.dict && !b.name && b.count >= 10 && !suffixLike[words[1]] &&
		(strings.HasSuffix(words[1], "ed") || englishPast[words[1]])
}

// englishNumeral are the English numerals in words, which count the word after them and follow
// a particle as its object ("laid off|hundreds").
var englishNumeral = setOf("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	"eleven", "twelve", "twenty", "thirty", "forty", "fifty", "sixty", "hundred", "thousand", "million",
	"billion", "hundreds", "thousands", "millions", "billions", "dozens", "dozen")

// englishPast are the irregular past forms of common English verbs, which end no compound.
var englishPast = setOf("grew", "kept", "held", "fell", "began", "built", "drew", "rose", "came", "went",
	"said", "told", "sold", "paid", "left", "lost", "made", "took", "gave", "found", "sent", "spent", "lent",
	"meant", "led", "fed", "won", "ran", "sat", "stood", "wrote", "chose", "broke", "spoke", "drove", "rode",
	"fought", "sought", "wore", "threw", "knew", "flew", "blew", "brought", "bought", "caught", "taught",
	"thought", "struck", "shook", "froze", "hid", "cut", "put", "set", "hit", "let", "shut", "cost")

// phrasalParticle are the particles of English phrasal verbs that end the nouns made of them.
var phrasalParticle = setOf("up", "out", "off", "down", "away", "back", "over")

// notCompoundPart reports an English word that is never half of a closed compound: a
// closed-class word, a pronoun, an auxiliary or a frequent adverb ("youcould", "nowmeet").
func notCompoundPart(w string, lex *lexicon) bool {
	return lex.isFunction(w) || englishLeading[w] || englishNonCompound[w]
}

var englishNonCompound = setOf("you", "your", "them", "him", "she", "they", "we", "our", "me",
	"its", "now", "then", "thus", "often", "away", "also", "very", "just", "still", "even",
	"here", "there", "same", "make", "made", "take", "took", "have", "could", "would", "should",
	"might", "must", "will", "shall", "been", "being", "does", "done", "get", "got", "give",
	"gave", "say", "said", "see", "seen", "know", "knew", "come", "came", "went", "what", "why",
	"how", "much", "many", "more", "less", "most", "least", "few", "own", "only", "never",
	"always", "ever", "once", "twice", "again", "soon", "yet", "too", "else", "whole", "every",
	"best", "good", "better", "worse", "worst", "great", "large", "small", "major", "main", "next",
	"last", "real", "true", "full", "clear", "fair", "right", "wrong", "early", "later",
	// Ordinals and adjectives of order, size and place, which stand before their noun:
	// "first|phase", "empty|boxes", "local|firms".
	"first", "second", "third", "fourth", "fifth", "empty", "easy", "heavy", "local", "lower", "upper",
	"rural", "urban", "cheap", "total", "annual", "daily", "weekly", "yearly", "overall",
	// Numerals, which count the next word ("three|days") and make compounds only with a suffix
	// ("threefold") or a hyphen ("three-day").
	"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
	"twenty", "thirty", "forty", "fifty", "sixty", "hundred", "thousand", "million", "billion")

// restoreCase writes the pieces of a split with the token's own letters: "Thismultilateral"
// splits into "This" and "multilateral".
func restoreCase(token string, pieces []string) []string {
	out := make([]string, len(pieces))
	rest := token
	for i, p := range pieces {
		n := 0
		for range utf8.RuneCountInString(p) {
			_, sz := utf8.DecodeRuneInString(rest[n:])
			n += sz
		}
		out[i], rest = rest[:n], rest[n:]
	}
	return out
}

func titleCase(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[n:]
}

// dropRefinements removes a reading when a coarser one (the same words with some of them joined,
// "on going mechanisms" against "ongoing mechanisms") is nearly as cheap: fewer splits win ties.
func dropRefinements(rs []reading) []reading {
	out := rs[:0:0]
	for i, r := range rs {
		refined := false
		for k, o := range rs {
			if k != i && len(o.words) < len(r.words) && o.cost-r.cost < ambiguityGap && coarser(o.words, r.words) {
				refined = true
				break
			}
		}
		if !refined {
			out = append(out, r)
		}
	}
	return out
}

// coarser reports whether every boundary of a is also a boundary of b.
func coarser(a, b []string) bool {
	bounds := map[int]bool{}
	n := 0
	for _, w := range b[:len(b)-1] {
		n += len(w)
		bounds[n] = true
	}
	n = 0
	for _, w := range a[:len(a)-1] {
		n += len(w)
		if !bounds[n] {
			return false
		}
	}
	return true
}

func allFunction(words []string, lex *lexicon) bool {
	for _, w := range words {
		if !lex.isFunction(w) {
			return false
		}
	}
	return true
}

func anyFunction(words []string, lex *lexicon) bool {
	for _, w := range words {
		if lex.isFunction(w) {
			return true
		}
	}
	return false
}

// suffixPiece reports a Kazakh piece that begins like an ending, which the Kazakh dictionary
// lists as a word ("ктің", "дағы") but which cannot follow a split: it is the tail of the word
// before it.
func (s *segmenter) suffixPiece(w string) bool {
	if s.voc.lower[w] > 0 || s.lex.isFunction(w) || s.ghaynWord(w) {
		return false
	}
	if utf8.RuneCountInString(w) >= 6 && s.lex.loan(w) {
		return false // a Russian loan as it stands: "терминал", "территория"
	}
	// Some native words begin with "ы" or "і", which endings begin with too: a piece that begins
	// with a dictionary stem of five letters or more is such a word ("ынтымақтастықты").
	if r, _ := utf8.DecodeRuneInString(w); (r == 'ы' || r == 'і') && utf8.RuneCountInString(w) >= 6 && s.longStemFirst(w) {
		return false
	}
	// Native words begin with "р" only in a few stems ("рет", "рас", "рух"), and no ending does
	// but the comparative "-рақ/-рек": a dictionary stem and its endings is such a word
	// ("бұл|ретте").
	if r, _ := utf8.DecodeRuneInString(w); r == 'р' && utf8.RuneCountInString(w) >= 4 && !strings.HasPrefix(w, "рақ") &&
		!strings.HasPrefix(w, "рек") && s.lex.stemKnown(w, 2, 3) {
		return false
	}
	if kazakhSuffixLike(w) {
		return true
	}
	// A longer piece that begins like an ending ("тырылады") is still an ending chain, unless
	// it reduces to a dictionary stem ("деректерге": "дерек").
	rs := []rune(w)
	return len(rs) > 5 && kazakhSuffixOnsets[string(rs[:3])] && !s.lex.stemKnown(w, 3, 5)
}

// voicelessOnsets are the beginnings of Kazakh case and plural endings whose first consonant is
// voiceless: they follow a voiceless consonant only, and after a vowel the ending begins with
// "л", "д" or "н" ("жолдар" but "компаниялар", "өңірден" but "аймақтан").
var voicelessOnsets = setOf("тар", "тер", "тың", "тің", "тан", "тен", "тағ", "тег", "тық", "тік")

// wordAfterVowel reports a Kazakh piece that begins like a case or plural ending with a voiceless
// consonant after a part that ends in a vowel, and is a word of five letters or more known
// without the analyser: no ending can stand there, so the piece is the word it reads as
// ("инвестиция|тарту").
func (s *segmenter) wordAfterVowel(prev, piece string) bool {
	rs := []rune(piece)
	return len(rs) >= 5 && isVowel(lastRune(prev)) && voicelessOnsets[string(rs[:3])] && s.lex.firmKazakh(piece)
}

// longStemFirst reports a word that begins with a dictionary stem of five letters or more.
func (s *segmenter) longStemFirst(w string) bool {
	rs := []rune(w)
	for n := len(rs); n >= 5; n-- {
		if s.lex.dict.IsStem(string(rs[:n])) {
			return true
		}
	}
	return false
}

// ghaynWord reports a piece that begins with "ғ" and is a word all the same: Arabic loans
// ("ғалымдары", "ғасырда", "ғылыми") begin so, while the endings that do ("-ға", "-ған",
// "-ғалы", "-ғыз") are shorter than the five-letter dictionary stem this asks for.
func (s *segmenter) ghaynWord(w string) bool {
	rs := []rune(w)
	if len(rs) < 5 || rs[0] != 'ғ' {
		return false
	}
	for k := 5; k <= len(rs); k++ {
		if s.lex.dict.ValidMinStem(string(rs[:k]), minStem) {
			return s.lex.isDictWord(w)
		}
	}
	return false
}

// stemRunsOn reports a Kazakh reading whose first part runs on into a longer dictionary stem
// with the first letters of the next part: "құрас|тырылады" is "құрастыр" and its endings. What
// is left of the next part must begin like an ending or make a word with the longer stem, or the
// analyser must read the whole token (analysed): "жаңа|терминал" is no "жаңат" and "ерминал". When the analyser reads the token, a
// compound stem the dictionary lists may reach further into the next part: "кәсіп|одағының" is
// "кәсіподақ" and its endings.
func (s *segmenter) stemRunsOn(words []string, analysed bool) bool {
	if allFunction(words, s.lex) {
		return false // "ол|арқылы": closed-class words are not stems of longer words
	}
	for i := 0; i+1 < len(words); i++ {
		next := []rune(words[i+1])
		// In a token the analyser does not read, a closed-class word before a word of six
		// letters or more known without it ("ең|кішкентайлары") is a word: no stem of it
		// reaches into so long a word by chance. ("алмаймыз" is a verb, no "ал|маймыз".)
		if !analysed && s.lex.isFunction(words[i]) && !boundEnding[words[i]] && len(next) >= 6 && s.lex.firmKazakh(words[i+1]) {
			continue
		}
		for k := 1; k < len(next); k++ {
			longer := words[i] + string(next[:k])
			if k > 3 {
				if !analysed {
					break
				}
				if s.lex.dict.IsStem(longer) || s.lex.dict.IsStem(unvoiceKazakh(longer)) {
					return true
				}
				continue
			}
			// One more consonant after a consonant is a stem the dictionary lists for its
			// vowel endings ("бюджетк" for "бюджетке"), not a longer word: "бюджет|кірісінің".
			tail := []rune(longer)
			if k == 1 && !isVowel(tail[len(tail)-1]) && !isVowel(tail[len(tail)-2]) {
				continue
			}
			if s.lex.dict.IsStem(longer) && (analysed || kazakhSuffixLike(string(next[k:])) || s.endsInto(longer, next[k:])) {
				return true
			}
		}
	}
	return false
}

// endsInto reports whether the stem with the first one to three letters of rest is a word: an
// ending follows the stem ("көрсет" and "у" in "көрсе|тусаласында").
func (s *segmenter) endsInto(stem string, rest []rune) bool {
	for m := 1; m <= 3 && m < len(rest); m++ {
		if dictKnown(s.lex.dict, stem+string(rest[:m])) {
			return true
		}
	}
	return false
}

// verbAfterWord reports a Kazakh reading of two parts whose second is a verb form
// (lexicon.verbForm) after a word of four letters or more: "ауыл|көшірілді", "айда|жалғасады",
// "көп|жұмсайтынын". Kazakh writes compounds of nouns and adjectives as one word, never a noun
// and a finite verb or participle, so the token is two words whatever the first one ends in.
//
// A past tense of four letters, of a verb of two ("өтті", "өсті", "ашты"), follows only a word
// of four letters or more: a shorter one is as often the stem of a longer verb ("қар|алды" is
// "қаралды").
func (s *segmenter) verbAfterWord(words []string) bool {
	if len(words) != 2 || utf8.RuneCountInString(words[0]) < 3 && !s.lex.isFunction(words[0]) {
		return false
	}
	switch n := utf8.RuneCountInString(words[1]); {
	case n >= 5:
		return s.lex.verbForm(words[1])
	case n == 4:
		return utf8.RuneCountInString(words[0]) >= 4 && (kazakhShortPast(words[1]) || kazakhShortConverb(words[1])) &&
			s.lex.verbForm(words[1])
	}
	return false
}

// kazakhProgressive are the verbs of posture that follow a converb as auxiliaries of the
// continuous present, in their bare form: "болып отыр", "өсіп тұр", "жұмыс істеп жатыр".
var kazakhProgressive = setOf("отыр", "тұр", "жатыр", "жүр")

// kazakhAuxiliary are the verbs that follow a converb as auxiliaries of aspect or ability, in
// any of their forms: "өтпей тұрып", "сатып алды", "көтеріліп кетті", "жасай алмады".
var kazakhAuxiliary = []string{"тұр", "жатыр", "жат", "отыр", "жүр", "бер", "ал", "кет", "қал", "көр", "бол"}

// auxiliaryPair reports a Kazakh converb followed by a form of an auxiliary verb. The converb
// is one in "-ып/-іп/-п" (converb), or in "-а/-е/-й" or its negative "-май/-мей/-бай/-бей/-пай/-пей"
// of a verb the dictionary lists, where the form is not itself a dictionary stem ("қара", "сала"
// are nouns too); the auxiliary is its bare stem of three letters or more or a verb form of four
// or more that begins with the stem.
func (s *segmenter) auxiliaryPair(first, second string) bool {
	if !s.kazakh || utf8.RuneCountInString(first) < 4 || utf8.RuneCountInString(second) < 3 {
		return false
	}
	aux := false
	for _, stem := range kazakhAuxiliary {
		if second == stem && utf8.RuneCountInString(stem) >= 3 ||
			strings.HasPrefix(second, stem) && utf8.RuneCountInString(second) >= 4 && s.lex.verbForm(second) {
			aux = true
			break
		}
	}
	if !aux {
		return false
	}
	if s.converb(first) {
		return true
	}
	if s.lex.dict.IsStem(first) || !harmonic(first) {
		return false
	}
	switch lastRune(first) {
	case 'й':
		stem := strings.TrimSuffix(first, "й")
		for _, neg := range []string{"ма", "ме", "ба", "бе", "па", "пе"} {
			if v, ok := strings.CutSuffix(stem, neg); ok && utf8.RuneCountInString(v) >= 2 && s.lex.infinitive(v+"у") {
				return true
			}
		}
		return isVowel(lastRune(stem)) && s.lex.infinitive(stem+"у") // "болжай" of "болжау"
	case 'а', 'е':
		_, n := utf8.DecodeLastRuneInString(first)
		v := first[:len(first)-n]
		return !isVowel(lastRune(v)) && s.lex.infinitive(v+"у") // "көтеріле" of "көтерілу"
	}
	return false
}

// converb reports a Kazakh converb in "-ып/-іп/-п" of five letters or more that the analyser
// reads as a verb form ("болып", "істеп"): it closes its word, and the verb after it is a word of
// its own.
func (s *segmenter) converb(w string) bool {
	if utf8.RuneCountInString(w) < 5 || lastRune(w) != 'п' {
		return false
	}
	if s.lex.verbForm(w) {
		return true
	}
	// The dictionary lists some converbs as words ("істеп"): the verb is the stem's.
	stem := strings.TrimSuffix(w, "п")
	if !isVowel(lastRune(stem)) {
		return false
	}
	if s.lex.infinitive(stem + "у") {
		return true
	}
	if st, ok := strings.CutSuffix(stem, "ы"); ok && s.lex.infinitive(st+"у") {
		return true
	}
	st, ok := strings.CutSuffix(stem, "і")
	return ok && s.lex.infinitive(st+"у")
}

// kazakhShortConverb reports a converb in "-ып/-іп" of a verb of two letters that begins with a
// vowel: "өсіп", "алып", "етіп", "ашып".
func kazakhShortConverb(w string) bool {
	rs := []rune(w)
	if len(rs) != 4 || !isVowel(rs[0]) || isVowel(rs[1]) {
		return false
	}
	return string(rs[2:]) == "ып" || string(rs[2:]) == "іп"
}

// kazakhShortPast reports a past tense in "-ды/-ді/-ты/-ті" of a verb of two letters that ends
// in a consonant and has a vowel: "өтті", "ашты", "алды". "атты" (named) is an adjective too.
func kazakhShortPast(w string) bool {
	rs := []rune(w)
	if len(rs) != 4 || w == "атты" || !isVowel(rs[0]) || isVowel(rs[1]) {
		return false
	}
	return slices.Contains([]string{"ды", "ді", "ты", "ті"}, string(rs[2:]))
}

// possessedAfter reports a Kazakh reading of two words of four letters or more whose second
// carries the third-person possessive of the izafet, with or without a case ending
// ("көлік|салығын", "су|деңгейі"): the possessive construction is written as two words, and
// the few compounds made of it ("елбасы") are dictionary words, never split.
func (s *segmenter) possessedAfter(words []string) bool {
	n0, n1 := utf8.RuneCountInString(words[0]), utf8.RuneCountInString(words[1])
	// A noun of two letters ("су", "ел") heads only a long possessed noun: "су|тапшылығы", while
	// "елбасы" is a dictionary word.
	// A possessed noun of three letters ("күні", "жылын", "құны") follows only a first word of
	// four letters or more, which no such compound has ("елбасы", "теміржолы" are dictionary
	// words).
	shortStem := n0 >= 4 && n1 >= 4
	if len(words) != 2 || n0 < 2 || n0 == 2 && n1 < 6 || n1 < 5 && !shortStem || kazakhPrefixLike[words[0]] ||
		kazakhLoanPrefix[words[0]] {
		return false
	}
	if !dictKnown(s.lex.dict, words[0]) || s.lex.verbForm(words[0]) {
		return false // the first word as the dictionary lists it: "жерме" is a form, not a noun
	}
	w := words[1]
	for _, e := range []string{"дағы", "дегі", "тағы", "тегі"} {
		if strings.HasSuffix(w, e) {
			return false // the locative adjective, not a possessive: "мекенжайдағы"
		}
	}
	for _, c := range []string{"нің", "ның", "на", "не", "нда", "нде", "нан", "нен", "н", "мен", ""} {
		rest, ok := strings.CutSuffix(w, c)
		if !ok {
			continue
		}
		// A verbal noun in "-у" makes no compound with a noun, native or loan ("беру|пункттеріне").
		verbal := n0 >= 4 && s.lex.infinitive(words[0])
		// A native noun in the plural and the possessive: "шекара|бекеттері".
		if n0 >= 4 {
			for _, pp := range []string{"лары", "лері", "дары", "дері", "тары", "тері"} {
				if stem, ok := strings.CutSuffix(rest, pp); ok && utf8.RuneCountInString(stem) >= 3 &&
					s.lex.dict.IsStem(stem) && (verbal || !s.lex.loan(stem)) && !s.lex.isFunction(stem) {
					return true
				}
			}
		}
		for _, p := range []string{"сы", "сі", "ы", "і"} {
			stem, ok := strings.CutSuffix(rest, p)
			if !ok || utf8.RuneCountInString(stem) < 3 {
				continue
			}
			// The dictionary lists some possessed forms as words of their own ("өнімі"); the
			// accusative and adjective endings look the same and are left out ("сөзді").
			if utf8.RuneCountInString(rest) >= 5 && s.lex.dict.IsStem(rest) && !s.lex.loan(rest) && !s.lex.loan(stem) &&
				!slices.ContainsFunc(kazakhAdjectiveEndings, func(e string) bool { return strings.HasSuffix(rest, e) }) {
				return true
			}
			// A loanword possessed ("мұнайхимиясы", "темірбетоны") is as often a compound
			// with a Kazakh first part: only native stems count.
			for _, st := range []string{stem, unvoiceKazakh(stem)} {
				if utf8.RuneCountInString(st) >= minKazakhStem && dictKnown(s.lex.dict, st) &&
					(verbal || !s.lex.loan(st) && !s.lex.loan(st+p)) {
					return true
				}
			}
			// Only after a vowel: compounds end in a short noun after a consonant ("дереккөзі",
			// "теміржолы"). Not after a verb stem, whose endings a short stem may begin
			// ("мөлшерле|мені" is "мөлшерлемені"), nor a pronoun's case ("мені").
			if shortStem && len(p) == 2 && nativeShortStem(stem) && s.lex.dict.IsStem(stem) &&
				isVowel(lastRune(words[0])) && !s.lex.isFunction(stem) && !s.lex.infinitive(words[0]+"у") {
				return true // "жұма|күні", "жоба|құны"
			}
		}
	}
	return false
}

// possessorName reports a Kazakh reading of a name of five letters or more and a noun with its
// possessive and a case ending after it, which the name possesses: "Астана|уақытымен" (by Astana
// time). Names are made with a bare noun ("Қазақтелеком", "Алакөл"), none with a noun possessed
// and in its case.
func (s *segmenter) possessorName(words []string) bool {
	if len(words) != 2 || utf8.RuneCountInString(words[0]) < 5 || kazakhToponymLead[words[0]] ||
		utf8.RuneCountInString(words[1]) < 6 || kazakhSuffixLike(words[1]) || !s.possessedAfter(words) {
		return false
	}
	for _, c := range []string{"нің", "ның", "на", "не", "нда", "нде", "нан", "нен", "н", "мен"} {
		if rest, ok := strings.CutSuffix(words[1], c); ok && strings.ContainsRune("ыі", lastRune(rest)) {
			return s.lex.known(words[1])
		}
	}
	return false
}

// vowelLoanPossessed reports a Kazakh reading of a word of three letters or more the
// dictionary lists, native or loan, before a Russian loan that begins with a vowel and carries
// the possessive of the izafet, with or without a case ending: "астық|экспорты",
// "электр|энергиясы", "газ|импортына". A loan joins a Kazakh first part into one word only
// after a consonant ("мұнайхимиясы"); one that begins with a vowel stands apart.
func (s *segmenter) vowelLoanPossessed(words []string) bool {
	if len(words) != 2 || utf8.RuneCountInString(words[0]) < 3 || s.lex.isFunction(words[0]) ||
		kazakhPrefixLike[words[0]] || kazakhLoanPrefix[words[0]] || text.IsRussianPrefix(words[0]) ||
		!dictKnown(s.lex.dict, words[0]) && !s.lex.loan(words[0]) || s.lex.verbForm(words[0]) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(words[1])
	if !isVowel(first) {
		return false
	}
	for _, c := range []string{"нің", "ның", "на", "не", "нда", "нде", "нан", "нен", "н", ""} {
		rest, ok := strings.CutSuffix(words[1], c)
		if !ok {
			continue
		}
		for _, p := range []string{"сы", "сі", "ы", "і"} {
			if stem, ok := strings.CutSuffix(rest, p); ok && (len(p) > 2) == isVowel(lastRune(stem)) && s.lex.loan(stem) {
				return true
			}
		}
	}
	return false
}

// waterOf reports a Kazakh reading of a native noun of four letters or more and "су" (water)
// with the possessive of the izafet and a case ending: "өзен|суының", "теңіз|суын". The one
// compound of it, "ауызсу", is a word the analyser reads, and such tokens are not asked.
func (s *segmenter) waterOf(words []string) bool {
	if len(words) != 2 || utf8.RuneCountInString(words[0]) < 4 || !strings.HasPrefix(words[1], "суы") ||
		!dictKnown(s.lex.dict, words[0]) || s.lex.loan(words[0]) || s.lex.verbForm(words[0]) || s.lex.isFunction(words[0]) {
		return false
	}
	switch strings.TrimPrefix(words[1], "суы") {
	case "", "н", "ның", "на", "нда", "нан", "мен", "ндағы":
		return true
	}
	return false
}

// kazakhPositional are the possessed forms of the nouns of place and part that head an izafet
// after any noun ("жыл|басынан", "жыл|соңына", "қала|ортасында", "өзен|бойында").
var kazakhPositional = func() map[string]bool {
	m := map[string]bool{}
	// With the locative adjective too: "шекара|маңындағы", "өзен|бойындағы".
	for _, stem := range []string{"басы", "соңы", "ортасы", "аяғы", "маңы", "бойы", "жаны", "аумағы"} {
		m[stem] = true
		for _, c := range []string{"н", "на", "нда", "нан", "ндағы"} {
			m[stem+c] = true
		}
	}
	for _, w := range []string{"ішінде", "ішіне", "ішінен", "ішіндегі", "алдында", "алдына", "алдындағы", "артында",
		"артындағы", "үстінде", "үстіндегі", "астында", "астындағы"} {
		m[w] = true
	}
	return m
}()

// positionalAfter reports a Kazakh reading of a dictionary noun and a possessed noun of place or
// part: "жыл|соңына", "өзен|бойында". Compounds made with them ("отбасы", "елбасы") are
// dictionary words, which are never split.
func (s *segmenter) positionalAfter(words []string) bool {
	return len(words) == 2 && kazakhPositional[words[1]] && utf8.RuneCountInString(words[0]) >= 3 &&
		s.lex.inDict(words[0]) && !s.lex.isFunction(words[0]) && !s.lex.verbForm(words[0]) && !kazakhPrefixLike[words[0]]
}

// kazakhLightVerbs are the verbs that make a compound verb of the noun before them: "жария ету"
// (to announce), "жұмыс істеу" (to work).
var kazakhLightVerbs = []string{"ет", "істе"}

// lightVerb reports a form of five letters or more of a light verb (kazakhLightVerbs) that the
// analyser reads as a verb's: "етілмеді", "етеді", "істеді".
func (s *segmenter) lightVerb(w string) bool {
	for _, v := range kazakhLightVerbs {
		if strings.HasPrefix(w, v) {
			return utf8.RuneCountInString(w) >= 5 && s.lex.verbForm(w)
		}
	}
	return false
}

// shortBeforeVerbalNoun reports a verbal noun in "-у" of seven letters or more known without the
// analyser ("бейімделу"), which a short noun stands before as its subject or object ("жыл|
// бейімделу") and which ends no compound.
func (s *segmenter) shortBeforeVerbalNoun(w string) bool {
	return utf8.RuneCountInString(w) >= 7 && !kazakhSuffixLike(w) && s.lex.infinitive(w) && s.lex.firmKazakh(w)
}

// nativeShortStem reports a stem of three letters shaped as native Kazakh nouns are, a
// consonant, a vowel and a consonant ("күн", "жыл", "құн", "бас"), and not beginning like an
// ending.
func nativeShortStem(w string) bool {
	rs := []rune(w)
	return len(rs) == 3 && !isVowel(rs[0]) && isVowel(rs[1]) && !isVowel(rs[2]) &&
		!strings.ContainsRune("рлңғ", rs[0]) && !kazakhSuffixOnsets[w]
}

// shortBeforeLoan reports a Kazakh word of three letters ("ірі", "газ") before a Russian loan
// of five letters or more with or without Kazakh endings ("кредиторына", "импортын"). Three
// letters are too few to trust as a piece elsewhere, but loans come into Kazakh as whole words
// and form no compounds with such words, except after the prefix-like ones ("бас", "көп").
func (s *segmenter) shortBeforeLoan(first, rest string) bool {
	if !s.kazakh || utf8.RuneCountInString(first) != 3 || kazakhPrefixLike[first] || s.lex.isFunction(first) ||
		!s.lex.dict.IsStem(first) || utf8.RuneCountInString(rest) < 6 {
		return false
	}
	return s.lex.loan(rest) || text.KazakhKnownForm(s.lex.loan, rest)
}

// relativeAdjective reports a Kazakh adjective in "-и" of Arabic or Persian origin ("ресми",
// "тарихи", "саяси", "ғылыми", "әскери") before a word of five letters or more: such adjectives
// stand before their noun and make no compounds with it ("ресми|деректерге", "тарихи|рекорд").
func (s *segmenter) relativeAdjective(first, rest string) bool {
	return utf8.RuneCountInString(first) >= 5 && strings.HasSuffix(first, "и") && !s.lex.loan(first) &&
		dictKnown(s.lex.dict, first) && !kazakhPrefixLike[first] && !kazakhLoanPrefix[first] &&
		utf8.RuneCountInString(rest) >= 5 && s.lex.firmKazakh(rest) && !kazakhSuffixLike(rest)
}

// nativeBeforeLoan reports a Kazakh dictionary word of four letters or more before an adjective
// made of a Russian loan with "-лық/-лік" ("таза|коммерциялық", "ірі|кредиторына" is
// shortBeforeLoan's). Nouns make compounds with a loan noun ("мұнайхимиясы",
// "электрстанцияның"), but a derived adjective is a word of its own.
func (s *segmenter) nativeBeforeLoan(first, rest string) bool {
	if utf8.RuneCountInString(first) < 4 || kazakhPrefixLike[first] || kazakhLoanPrefix[first] || s.lex.loan(first) ||
		!dictKnown(s.lex.dict, first) || utf8.RuneCountInString(rest) < 7 || s.lex.loan(rest) {
		return false
	}
	for _, e := range []string{"лық", "лік"} {
		if stem, ok := strings.CutSuffix(rest, e); ok && s.lex.loan(stem) {
			return true
		}
	}
	return false
}

// allListed reports a Kazakh reading whose parts are closed-class words or forms the dictionary
// lists.
func (s *segmenter) allListed(words []string) bool {
	for _, w := range words {
		if !s.lex.isFunction(w) && !s.lex.inDict(w) {
			return false
		}
	}
	return true
}

// articleBeforePlural reports an English reading in which "a" or "an" stands before a plural
// in "-s" of a dictionary noun: a word in "-s" whose letters without it are a dictionary word
// that is no closed-class word ("scars" of "scar"; "bus", "class", "means" of the mean are
// left to the other tests by ending in "-us", "-ss", or by the singular being the word itself).
func (s *segmenter) articleBeforePlural(words []string) bool {
	for i := 0; i+1 < len(words); i++ {
		if words[i] != "a" && words[i] != "an" {
			continue
		}
		w := words[i+1]
		sing, ok := strings.CutSuffix(w, "s")
		if !ok || utf8.RuneCountInString(sing) < 3 || strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") ||
			strings.HasSuffix(w, "is") || s.lex.isFunction(sing) || !s.lex.isDictWord(sing) {
			continue
		}
		return true
	}
	return false
}

// stemReading reports whether the Kazakh analyser reads token as first, a dictionary stem or a
// loan, followed by endings. (Longer stems are stemRunsOn's.)
func (s *segmenter) stemReading(token, first string) bool {
	if !s.lex.dict.IsStem(first) && !s.lex.loanStem(first) {
		return false
	}
	return text.KazakhKnownForm(func(x string) bool { return x == first }, token)
}

// allFirm reports whether every word is known without the Kazakh analyser's reading of endings
// (lexicon.firmKazakh), or is a closed-class word or a numeral.
func (s *segmenter) allFirm(words []string) bool {
	for _, w := range words {
		if !s.lex.firmKazakh(w) && !kazakhCounting[w] {
			return false
		}
	}
	return true
}

// genitiveInside reports a Kazakh word only the analyser reads that holds a genitive and its head
// run together ("жаздың" and "басында" in "жаздыңбасында"), or a word and a closed-class word of
// four letters or more ("басында" and "ғана"): a genitive closes its word, and a closed-class
// word is no ending, so the analyser's reading of the whole as one word is a chance one.
func (s *segmenter) genitiveInside(w string) bool {
	if s.lex.firmKazakh(w) {
		return false
	}
	for i := range w {
		if tail := w[i:]; i > 0 && s.lex.isFunction(tail) && !boundEnding[tail] && utf8.RuneCountInString(tail) >= 4 &&
			utf8.RuneCountInString(w[:i]) >= 4 && s.lex.firmKazakh(w[:i]) {
			return true
		}
	}
	for _, e := range []string{"ның", "нің", "дың", "дің", "тың", "тің"} {
		for at := strings.Index(w, e); at >= 0; {
			first, head := w[:at+len(e)], w[at+len(e):]
			if genitive(first) && utf8.RuneCountInString(head) >= 4 && s.lex.firmKazakh(first) && s.lex.firmKazakh(head) &&
				!kazakhSuffixLike(head) {
				return true
			}
			next := strings.Index(head, e)
			if next < 0 {
				break
			}
			at += len(e) + next
		}
	}
	return false
}

// genitive reports a Kazakh word of five letters or more in the genitive case.
func genitive(w string) bool {
	if utf8.RuneCountInString(w) < 5 {
		return false
	}
	for _, e := range []string{"ның", "нің", "дың", "дің", "тың", "тің"} {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// possessiveFirst reports a Kazakh reading of two words whose first is a dictionary noun with the
// third-person possessive ("бағасы|күрт", "деңгейі|төмен") and whose second is a dictionary word
// of four letters or more that begins like no ending. The possessive closes the head of an
// izafet, and a compound written as one word does not carry it inside.
func (s *segmenter) possessiveFirst(words []string) bool {
	if len(words) != 2 {
		return false
	}
	// A numeral or a verb form may be short: "қуаты|екі", "қоры|өсу".
	second := kazakhCounting[words[1]] ||
		utf8.RuneCountInString(words[1]) >= 3 && (s.lex.verbForm(words[1]) || s.lex.infinitive(words[1])) ||
		utf8.RuneCountInString(words[1]) >= 4 && dictKnown(s.lex.dict, words[1]) && !kazakhSuffixLike(words[1])
	if !second {
		return false
	}
	// The plural and the possessive after it close the word as well: "бекеттері|қайта".
	for _, p := range []string{"лары", "лері", "дары", "дері", "тары", "тері"} {
		if stem, ok := strings.CutSuffix(words[0], p); ok && utf8.RuneCountInString(stem) >= minKazakhStem-1 &&
			(s.lex.dict.IsStem(stem) || s.lex.loan(stem)) && !kazakhSuffixLike(words[1]) {
			return true
		}
	}
	for _, p := range []string{"сы", "сі", "ы", "і"} {
		stem, ok := strings.CutSuffix(words[0], p)
		if !ok || utf8.RuneCountInString(stem) < minKazakhStem-1 {
			continue
		}
		// After a vowel the possessive is "-сы/-сі", after a consonant "-ы/-і".
		last, _ := utf8.DecodeLastRuneInString(stem)
		if (len(p) > 2) == isVowel(last) && s.lex.dict.IsStem(stem) && !s.lex.loan(stem) {
			return true
		}
	}
	return false
}

// shortFirst reports a Kazakh word of three letters that may be the first of two words although
// short pieces are not trusted elsewhere: before a loan ("ірі|кредиторына"), a possessed noun
// ("заң|жобасын") or a verb form ("жол|жөндеуді"), boundaries no compound has.
func (s *segmenter) shortFirst(first, rest string) bool {
	if !s.kazakh {
		return false
	}
	// Cheap tests first: this runs for every short prefix of every token searched.
	n := utf8.RuneCountInString(first)
	if n < 2 || n > 3 || kazakhPrefixLike[first] || s.lex.isFunction(first) || !s.lex.dict.IsStem(first) ||
		s.suffixPiece(rest) {
		return false
	}
	words := []string{first, rest}
	if n == 2 {
		// "су|тапшылығы"; a short noun before a postposition or a verb: "ай|бұрын",
		// "су|тасымайды".
		return s.possessedAfter(words) || kazakhShortNouns[first] && (kazakhPostpositions[rest] || postpositionAdjective(rest) || s.pluralPossessed(rest) ||
			utf8.RuneCountInString(rest) >= 5 && s.lex.verbForm(rest) && !s.lex.isDictWord(first+rest))
	}
	return s.shortBeforeLoan(first, rest) || s.possessedAfter(words) || s.verbAfterWord(words) ||
		(kazakhPostpositions[rest] || kazakhPositional[rest] || postpositionAdjective(rest)) && nativeShortStem(first)
}

// pluralNoun reports a noun of four letters or more, native, loan or supplementary, in the
// plural, bare or in a case: "технологиялар", "заңдарға".
func (s *segmenter) pluralNoun(w string) bool {
	for _, c := range append([]string{""}, kazakhCaseEndings...) {
		rest, ok := strings.CutSuffix(w, c)
		if !ok {
			continue
		}
		for _, pl := range []string{"лар", "лер", "дар", "дер", "тар", "тер"} {
			if stem, ok := strings.CutSuffix(rest, pl); ok && utf8.RuneCountInString(stem) >= 4 &&
				(s.lex.dict.IsStem(stem) || s.lex.loan(stem) || s.lex.extra[stem]) && !s.lex.isFunction(stem) {
				return true
			}
		}
	}
	return false
}

// numeralForm reports a Kazakh cardinal numeral, bare or with a case ending: "бес", "мыңнан".
func (s *segmenter) numeralForm(w string) bool {
	for _, c := range append([]string{""}, kazakhCaseEndings...) {
		if stem, ok := strings.CutSuffix(w, c); ok && kazakhCounting[stem] && !s.lex.isFunction(stem) {
			return true
		}
	}
	return false
}

// barePlural reports a Kazakh plural noun of seven letters or more without a case or
// possessive ending after it: "депутаттар", "компаниялар".
func (s *segmenter) barePlural(w string) bool {
	if utf8.RuneCountInString(w) < 7 {
		return false
	}
	for _, pl := range []string{"лар", "лер", "дар", "дер", "тар", "тер"} {
		if stem, ok := strings.CutSuffix(w, pl); ok && utf8.RuneCountInString(stem) >= 4 &&
			(s.lex.dict.IsStem(stem) || s.lex.loan(stem) || s.lex.extra[stem]) && !s.lex.isFunction(stem) {
			return true
		}
	}
	return false
}

// longPlural reports a plural noun, bare or in a case, whose stem is too long to end a
// compound the dictionary lacks: a Russian loan of seven letters or more ("жоғары|технологиялар")
// or a native stem of six or more. Shorter ones do end such compounds ("мейірбикелер").
func (s *segmenter) longPlural(w string) bool {
	if !s.pluralNoun(w) {
		return false
	}
	for _, c := range append([]string{""}, kazakhCaseEndings...) {
		rest, ok := strings.CutSuffix(w, c)
		if !ok {
			continue
		}
		for _, pl := range []string{"лар", "лер", "дар", "дер", "тар", "тер"} {
			stem, ok := strings.CutSuffix(rest, pl)
			if !ok {
				continue
			}
			n := utf8.RuneCountInString(stem)
			if n >= 7 && s.lex.loan(stem) || n >= 6 && s.lex.dict.IsStem(stem) && !s.lex.isFunction(stem) {
				return true
			}
		}
	}
	return false
}

// pluralPossessed reports a noun of four letters or more, native, loan or supplementary, in the
// plural and the possessive of the third person, in any case: "роутерлерінің", "құбырлары".
// After a short noun ("үй", "су") it heads an izafet ("үй|роутерлерінің"); a compound that ends
// in one is a dictionary word.
func (s *segmenter) pluralPossessed(w string) bool {
	for _, c := range []string{"нің", "ның", "на", "не", "нда", "нде", "нан", "нен", "н", "мен", ""} {
		rest, ok := strings.CutSuffix(w, c)
		if !ok {
			continue
		}
		for _, pp := range []string{"лары", "лері", "дары", "дері", "тары", "тері"} {
			if stem, ok := strings.CutSuffix(rest, pp); ok && utf8.RuneCountInString(stem) >= 4 &&
				(s.lex.dict.IsStem(stem) || s.lex.loan(stem) || s.lex.extra[stem]) && !s.lex.isFunction(stem) {
				return true
			}
		}
	}
	return false
}

// postpositionAdjective reports an adjective made of a postposition of time with "-ғы/-гі", in
// any of its cases: "бұрынғы", "кейінгі", "бұрынғыдан". Like the postposition, it follows the
// noun of time it dates ("екі жыл|бұрынғыдан") and begins no compound's second part.
func postpositionAdjective(w string) bool {
	for _, p := range []string{"бұрынғы", "кейінгі"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// kazakhShortNouns are the Kazakh nouns of two letters that run into their neighbours in text
// on water, time and land: "су", "ай", "ел", "үй". Elsewhere two letters are too few to trust.
var kazakhShortNouns = setOf("су", "ай", "ел", "үй")

// kazakhPostpositions follow a noun, which no compound ends in: a native noun of three letters
// before one is a word of its own ("жыл|бойы", "ай|сайын", "жол|арқылы").
var kazakhPostpositions = setOf("бойы", "бойынша", "бері", "кейін", "бұрын", "сайын", "ішінде", "арқылы",
	"туралы", "үшін", "дейін", "қарай", "қарсы", "бірге", "арасында", "кезінде", "барысында", "сияқты",
	"секілді", "жуық", "шамасында", "аясында", "бойында", "ішінара")

// participleBefore reports a Kazakh reading of two words whose first is a participle before its
// noun ("өткен|жылы", "келген|адам"), and whose second is a dictionary
// word of four letters or more that begins like no ending. Kazakh writes no compound with a
// participle or a finite verb as its first part.
func (s *segmenter) participleBefore(words []string) bool {
	participle := false
	for _, e := range []string{"ған", "ген", "қан", "кен", "атын", "етін", "йтын", "йтін"} {
		participle = participle || strings.HasSuffix(words[0], e)
	}
	return len(words) == 2 && participle && utf8.RuneCountInString(words[0]) >= 4 && s.lex.verbForm(words[0]) &&
		utf8.RuneCountInString(words[1]) >= 4 && dictKnown(s.lex.dict, words[1]) && !kazakhSuffixLike(words[1])
}

// unvoiceKazakh gives back the voiceless consonant a stem voices before a vowel: салығ → салық.
func unvoiceKazakh(s string) string {
	r, n := utf8.DecodeLastRuneInString(s)
	switch r {
	case 'г':
		return s[:len(s)-n] + "к"
	case 'ғ':
		return s[:len(s)-n] + "қ"
	case 'б':
		return s[:len(s)-n] + "п"
	}
	return s
}

// pluralFirst reports a Kazakh reading whose first word ends in the plural and is read by the
// analyser ("инвесторлар|облигацияларды"): only a possessive or a case ending may follow the
// plural, and those begin like endings (suffixPiece keeps them out), so the next part is a word.
// No compound is written with a plural first part.
func (s *segmenter) pluralFirst(words []string) bool {
	for _, e := range []string{"лар", "лер", "дар", "дер", "тар", "тер"} {
		stem, ok := strings.CutSuffix(words[0], e)
		if !ok || utf8.RuneCountInString(stem) < minKazakhStem {
			continue
		}
		// Loans in -ст write one т before "-тер": "турист" → "туристер", "журналист" → "журналистер".
		if s.lex.isDictWord(stem) || (e == "тар" || e == "тер") && strings.HasSuffix(stem, "с") && s.lex.loan(stem+"т") {
			return true
		}
	}
	return false
}

// countedNoun reports a word that may follow a Kazakh numeral or quantifier in a token: a
// dictionary word as the dictionary lists it, or a form of four letters or more the analyser
// reads. Endings are not words ("бірге", "бірлік", "алтын" stay whole).
func (s *segmenter) countedNoun(w string) bool {
	n := utf8.RuneCountInString(w)
	if n < 2 || kazakhSuffixOnsets[string([]rune(w)[:min(3, n)])] || boundEnding[w] {
		return false
	}
	if kazakhMeasure[w] {
		return true // "екі|рет", "үш|есе"
	}
	if n <= 3 {
		return s.lex.dict.ValidMinStem(w, minStem) && !strings.ContainsRune("ыірлңғ", []rune(w)[0])
	}
	// A numeral and a noun with an adjective-forming ending make one word: "екіжақты",
	// "бесжылдық", "көпвекторлы". The agent noun in "-шы/-ші" is a noun: "мың|жұмысшы".
	for _, e := range kazakhAdjectiveEndings {
		if strings.HasSuffix(w, e) && e != "шы" && e != "ші" {
			return false
		}
	}
	return s.lex.isDictWord(w)
}

// kazakhAdjectiveEndings make adjectives of nouns; the accusative "-ды/-ді/-ты/-ті" is written
// the same and is given up with them.
var kazakhAdjectiveEndings = strings.Fields("лы лі ды ді ты ті сыз сіз лық лік дық дік тық тік шы ші")

// vowelsMeet reports a Kazakh reading of two words of four letters or more where a vowel ends
// the first and a vowel begins the second ("ақша|аударымдарына"). Kazakh does not let two
// vowels meet inside a word: a suffix after a vowel begins with a consonant, and a stem loses
// its vowel before a vowel suffix. Only loanwords ("кооперация") have such a pair, and they are
// dictionary words, which are never split.
func (s *segmenter) vowelsMeet(words []string) bool {
	if len(words) != 2 || utf8.RuneCountInString(words[0]) < 4 || utf8.RuneCountInString(words[1]) < 4 {
		return false
	}
	const vowels = "аәеөұүыіоэ"
	a, _ := utf8.DecodeLastRuneInString(words[0])
	b, _ := utf8.DecodeRuneInString(words[1])
	// "-аралық" makes compounds after any noun ("шекарааралық", "өңіраралық"). Russian compounds
	// let vowels meet ("радиоаппарат"), but none ends in a word with Kazakh letters
	// ("тонна|өнім").
	return strings.ContainsRune(vowels, a) && strings.ContainsRune(vowels, b) &&
		(!s.lex.loan(words[0]) || strings.ContainsAny(words[1], "әғқңөұүһі")) && !s.lex.loan(words[1]) &&
		!strings.HasPrefix(words[1], "аралы")
}

// allLong reports whether every word has at least n letters.
func allLong(words []string, n int) bool {
	for _, w := range words {
		if utf8.RuneCountInString(w) < n {
			return false
		}
	}
	return true
}

// kazakhSuffixOnsets are the beginnings of Kazakh case, plural and possessive endings. A Kazakh
// word does not begin with ы or і, or like an ending ("лары", "дағы", "ның"): such a piece is
// the tail of the word before it.
var kazakhSuffixOnsets = setOf("лар", "лер", "дар", "дер", "тар", "тер", "ның", "нің", "дың", "дің",
	"тың", "тің", "дағ", "дег", "тағ", "тег", "ған", "ген", "қан", "кен", "дан", "ден", "тан", "тен",
	"нан", "нен", "мыз", "міз", "сыз", "сіз", "шыл", "шіл", "лық", "лік", "дық", "дік", "тық", "тік",
	"тыр", "тір", "дыр", "дір", "тад", "тед", "дад", "дед", "лад", "лед", "ған", "уда", "уде",
	"тын", "тін") // the participle "-атын/-етін" after a stem in -а/-е: "түсіне|тініміз"

// isVowel reports a Kazakh or Russian vowel letter.
func isVowel(r rune) bool {
	return strings.ContainsRune("аәеёиоөуұүыіэюя", unicode.ToLower(r))
}

// privative are the pronouns "сіз" (you) and "сыз", written as the privative ending "-сыз/-сіз"
// ("қолжетімсіз", "шексіз"): after a word in one token they are its ending.
var privative = setOf("сіз", "сыз")

// endingPiece reports a Kazakh reading where a later part is a word that is also an ending of
// the part before it: the pronoun "сіз" is the privative "-сіз" ("қолжетімсіз",
// "қауіпсізоқу" is "қауіпсіз оқу"), the auxiliary "еді" the past tense "-еді" of a verb stem
// ("жеңілдетеді"), "да/де" inside a reading the locative ("мезгілде тым"), and "мен/бен/пен"
// before a verb form the instrumental.
func (s *segmenter) endingPiece(words []string) bool {
	for i, w := range words[1:] {
		prev := words[i]
		switch {
		case privative[w]:
			return true
		case w == "еді" || w == "ады":
			if !s.lex.inflected(prev) && !s.lex.verbForm(prev) {
				return true
			}
		case w == "да" || w == "де" || w == "та" || w == "те":
			if s.lex.isDictWord(prev + w) {
				return true
			}
		case w == "мен" || w == "бен" || w == "пен":
			// The conjunction joins two nouns; before a verb form it is the instrumental
			// ending of the word before ("құпиясөзбен қорғалған").
			if i+2 < len(words) && s.lex.verbForm(words[i+2]) {
				return true
			}
		}
	}
	return false
}

func kazakhSuffixLike(w string) bool {
	if kazakhNegation[w] {
		return true
	}
	rs := []rune(w)
	if rs[0] == 'ң' || rs[0] == 'ғ' {
		return true
	}
	// No word begins with two consonants, except loanwords with a cluster such as "ст", "тр",
	// "пл" ("стратегия", "трансформация"): "ктердің" is the tail of "шенеуніктердің".
	if len(rs) > 5 && !isVowel(rs[0]) && !isVowel(rs[1]) && !strings.ContainsRune("рлв", rs[1]) &&
		!strings.ContainsRune("сш", rs[0]) {
		return true
	}
	if len(rs) > 5 {
		return false // endings stack to five letters at most ("ларға", "дағы"); "деректерге" is a word
	}
	// Native Kazakh words do not begin with ы, і, р or л, nor with two consonants.
	if strings.ContainsRune("ыірл", rs[0]) || len(rs) >= 2 && !isVowel(rs[0]) && !isVowel(rs[1]) {
		return true
	}
	if len(rs) <= 3 {
		return true // short pieces are endings far more often than words; function words pass before
	}
	return kazakhSuffixOnsets[string(rs[:3])]
}

// kazakhNegation are the negative verb endings, which are also words ("маған", "to me"): after
// a verb stem they are its ending ("расталмаған").
var kazakhNegation = setOf("маған", "меген", "баған", "беген", "паған", "пеген", "майды", "мейді",
	"байды", "бейді", "пайды", "пейді", "мады", "меді", "бады", "беді", "пады", "педі", "мау", "меу",
	"бау", "беу", "пау", "пеу", "мас", "мес", "бас", "бес", "пас", "пес")

// kazakhPrefixLike are first parts of Kazakh compounds written as one word ("жалпыұлттық",
// "көпвекторлы", "алғысөз"): a split after them is a compound the dictionary lacks.
var kazakhPrefixLike = setOf("жалпы", "көп", "аса", "бей", "әр", "кей", "бас", "орта", "алғы")

// countedPrefix are the prefix-like words of quantity, which begin compounds only with an
// adjective ("көпжақты", "көпвекторлы", "көпжылдық"): before a noun without an adjective's
// ending they are words of their own ("көп|уақыт", "көп|сұрақ").
var countedPrefix = setOf("көп")

// prefixBeforeNoun reports a reading whose first word is a countedPrefix before a word that
// ends in no adjective ending.
func prefixBeforeNoun(words []string) bool {
	if len(words) != 2 || !countedPrefix[words[0]] || utf8.RuneCountInString(words[1]) < 4 {
		return false
	}
	return !slices.ContainsFunc(kazakhAdjectiveEndings, func(e string) bool { return strings.HasSuffix(words[1], e) })
}

// relationalBefore reports a Kazakh reading of two words whose first is an adjective of time or
// place in "-ғы/-гі/-қы/-кі" ("сыртқы", "ішкі", "жылғы", "бұрынғы", "кейінгі") and whose second is
// a word of four letters or more known without the analyser that begins like no ending
// ("сыртқы|қарызы", "өткен жылғы|есеп"). The suffix makes an adjective that stands before its
// noun, as the genitive does, and Kazakh writes no compound with it but the few the dictionary
// lists ("алғысөз"), whose forms the analyser reads and which are not asked. The suffix must be
// the one the stem's last sound and vowels ask for: "жылқы" (horse) is no "жыл" and "-қы".
func (s *segmenter) relationalBefore(words []string) bool {
	if len(words) != 2 || utf8.RuneCountInString(words[0]) < 4 || utf8.RuneCountInString(words[1]) < 4 ||
		kazakhSuffixLike(words[1]) || !s.allFirm(words) {
		return false
	}
	rs := []rune(words[0])
	stem, suffix := string(rs[:len(rs)-2]), string(rs[len(rs)-2:])
	if !dictKnown(s.lex.dict, stem) || !harmonic(words[0]) {
		return false
	}
	back := strings.ContainsAny(stem, "аоұы")
	last := lastRune(stem)
	voiced := isVowel(last) || strings.ContainsRune("лрнңмйузж", last)
	switch suffix {
	case "ғы":
		return back && voiced
	case "гі":
		return !back && voiced
	case "қы":
		return back && !voiced
	case "кі":
		return !back && !voiced
	}
	return false
}

// afterCase reports a Kazakh reading of a word closed by its case ending and a dictionary word
// of four letters that begins like no ending: "көтеруге|уәде". (Longer words are allLong's.)
func (s *segmenter) afterCase(words []string) bool {
	return len(words) == 2 && utf8.RuneCountInString(words[1]) == 4 && s.caseClosed(words[0]) &&
		!kazakhSuffixLike(words[1]) && s.lex.inDict(words[1]) && !s.lex.isFunction(words[1])
}

// kazakhTimeCase are the forms of nouns of time that stand as adverbs ("өткен айда", "келесі
// жылы") and close their word.
var kazakhTimeCase = setOf("жылы", "айда", "күні", "күнде", "жылда", "аптада", "сағатта")

// measureBefore reports a Kazakh reading of a unit of measure or a noun of time in its case and a
// noun of four letters or more known without the analyser that begins like no ending: "мың
// тонна|цемент", "өткен айда|бидай". A unit counts the noun after it and makes no compound with it.
func (s *segmenter) measureBefore(words []string) bool {
	if len(words) != 2 || utf8.RuneCountInString(words[1]) < 4 || kazakhSuffixLike(words[1]) || !s.lex.firmKazakh(words[1]) {
		return false
	}
	return kazakhTimeCase[words[0]] || kazakhMeasure[words[0]] && utf8.RuneCountInString(words[0]) >= 4
}

// particleBeforeVerb reports a Kazakh reading of the particle "да/де/та/те" and a verb form of
// six letters or more, in a token the analyser does not read: "әлі де|шешілмеген". No ending
// stands at a token's start, and a verb form is no word that begins with the particle's letters.
// So is a dictionary form that begins like no ending ("бұдан да|жоғары"): the token, which not
// even the analyser reads, is no word that begins with "да".
func (s *segmenter) particleBeforeVerb(words []string, analysed bool) bool {
	if analysed || len(words) != 2 || utf8.RuneCountInString(words[1]) < 6 {
		return false
	}
	switch words[0] {
	case "да", "де", "та", "те":
	default:
		return false
	}
	// Nor when the particle and the verb form's first letter make a closed-class word before a
	// word known without the analyser: "деп|атады" is no "де|патады".
	if r, n := utf8.DecodeRuneInString(words[1]); !isVowel(r) && s.lex.isFunction(words[0]+words[1][:n]) &&
		s.lex.firmKazakh(words[1][n:]) && !kazakhSuffixLike(words[1][n:]) {
		return false
	}
	return s.lex.verbForm(words[1]) || s.lex.inDict(words[1]) && !kazakhSuffixLike(words[1]) && !s.lex.known(words[0]+words[1])
}

// kazakhEthnonyms are the names of peoples, which stand before a noun as its attribute ("қытай
// университеті", "қырғыз шенеуніктері") and make no compound with it in lower case.
var kazakhEthnonyms = setOf("қазақ", "қытай", "орыс", "өзбек", "қырғыз", "тәжік", "түрікмен", "ұйғыр",
	"татар", "неміс", "ағылшын", "француз", "жапон", "корей", "түрік", "араб", "парсы", "үнді", "ауған",
	"моңғол", "әзербайжан", "украин", "белорус", "дүнған", "кәріс")

// ethnonymBefore reports a Kazakh reading of two words whose first is the name of a people and
// whose second a word of four letters or more known without the analyser that begins like no
// ending: "қытай|университеті". Company names are made so ("Қазақтелеком", "Қырғызалтын"), always
// capitalised and with a bare noun, so a capitalised token (capital) needs a long second word
// that carries an ending or a possessive ("Қытай|инвесторлары").
func (s *segmenter) ethnonymBefore(words []string, capital bool) bool {
	if len(words) != 2 || !kazakhEthnonyms[words[0]] || utf8.RuneCountInString(words[1]) < 4 || kazakhSuffixLike(words[1]) ||
		!s.lex.firmKazakh(words[1]) && !s.lex.known(words[1]) {
		return false
	}
	if !capital {
		return true
	}
	// A capitalised token is a place name as often, and those end in a short noun
	// ("Түрікменбашы"): the noun must be one of eight letters or more that the dictionary knows
	// without the analyser.
	w := words[1]
	if utf8.RuneCountInString(w) < 8 || !s.lex.firmKazakh(w) {
		return false
	}
	return s.lex.inflected(w) || strings.HasSuffix(w, "ы") || strings.HasSuffix(w, "і") ||
		strings.HasSuffix(w, "лар") || strings.HasSuffix(w, "лер") || strings.HasSuffix(w, "дар") || strings.HasSuffix(w, "дер") ||
		strings.HasSuffix(w, "тар") || strings.HasSuffix(w, "тер")
}

// objectBeforeVerbalNoun reports a Kazakh reading of a noun of five letters or more known
// without the analyser and a verbal noun in "-у" of five letters or more that the dictionary
// lists ("инвестиция|тарту", "салық|төлеу"): the bare object stands before its verb as a word of
// its own. The compounds ending in a verbal noun ("тілтану") are the analyser's compounds and
// dictionary words, which are never split.
func (s *segmenter) objectBeforeVerbalNoun(words []string) bool {
	return len(words) == 2 && utf8.RuneCountInString(words[0]) >= 5 && utf8.RuneCountInString(words[1]) >= 5 &&
		!s.lex.isFunction(words[0]) && s.lex.firmKazakh(words[0]) && !s.lex.verbForm(words[0]) &&
		s.lex.infinitive(words[1]) && (!kazakhSuffixLike(words[1]) || s.wordAfterVowel(words[0], words[1]))
}

// kazakhOrdinal reports a Kazakh ordinal numeral ("бірінші", "үшінші", "жиырмасыншы"), which
// stands before its noun and makes no compound with it.
func kazakhOrdinal(w string) bool {
	for _, e := range []string{"ыншы", "інші", "ншы", "нші"} {
		if stem, ok := strings.CutSuffix(w, e); ok && (kazakhCounting[stem] || kazakhCounting[stem+"ы"] ||
			kazakhCounting[stem+"і"]) {
			return true
		}
	}
	return false
}

// questionParticle returns the Kazakh token w cut before the question particle "ма/ме",
// "ба/бе" or "па/пе" that a question mark follows ("дайын|ба?"): the particle is written apart,
// in the form the word's last sound asks for (after a vowel or р, л, й, у; after м, н, ң, з, ж;
// after a voiceless consonant) and with its vowel. The word must be known without the analyser
// and the token must not be.
//
// Inside a sentence (embedded, before "деген", "деп", "жоқ па"), the word before the particle
// may be a verb form the analyser reads ("өсе ме, жоқ па", "өседі ме, әлде"), but not a verb's
// bare stem: a stem and "-ма/-ме/-ба/-бе/-па/-пе" is the negative imperative ("шықпа деп").
func (s *segmenter) questionParticle(w string, embedded bool) (string, bool) {
	lw := strings.ToLower(w)
	if len(lw) < 4 || len(lw) != len(w) || !isCyrillicWord(lw) || s.lex.firmKazakh(lw) {
		return "", false
	}
	first, p := lw[:len(lw)-4], lw[len(lw)-4:]
	if !strings.HasSuffix(p, "а") && !strings.HasSuffix(p, "е") || utf8.RuneCountInString(first) < 3 ||
		!s.lex.firmKazakh(first) && !(embedded && s.lex.verbForm(first)) {
		return "", false
	}
	if embedded && (text.KazakhVerbStem(s.lex.infinitive, first) || text.KazakhVerbStem(s.lex.infinitive, voiceKazakh(first))) {
		return "", false
	}
	last := lastRune(first)
	var onset string
	switch {
	case isVowel(last) || strings.ContainsRune("рлйу", last):
		onset = "м"
	case strings.ContainsRune("мнңзж", last):
		onset = "б"
	case strings.ContainsRune("кқпстшфхцчщ", last):
		onset = "п"
	default:
		return "", false
	}
	front := strings.ContainsAny(first, "әөүіе") && !strings.ContainsAny(first, "аоұы")
	if !strings.HasPrefix(p, onset) || front != strings.HasSuffix(p, "е") {
		return "", false
	}
	return w[:len(first)] + " " + w[len(first):], true
}

// particleShe returns the Kazakh token w cut before the particle "ше" ("and what about …?")
// that a question mark follows: "жоба|ше?", "инвесторлар|ше?". The particle keeps its "е"
// after any word, while the ending "-ша/-ше" (in the manner of) takes the vowel of the word's
// last syllable, so after a back vowel "ше" is the particle. The word must be known without the
// analyser and the token must not be.
func (s *segmenter) particleShe(w string) (string, bool) {
	lw := strings.ToLower(w)
	if len(lw) != len(w) || !isCyrillicWord(lw) || s.lex.firmKazakh(lw) {
		return "", false
	}
	first, ok := strings.CutSuffix(lw, "ше")
	if !ok || utf8.RuneCountInString(first) < 3 || !s.lex.firmKazakh(first) {
		return "", false
	}
	rs := []rune(first)
	for i := len(rs) - 1; i >= 0; i-- {
		if isVowel(rs[i]) && rs[i] != 'у' && rs[i] != 'и' { // "у" and "и" are of either row
			if !strings.ContainsRune("аоұыяэю", rs[i]) {
				return "", false
			}
			return w[:len(first)] + " " + w[len(first):], true
		}
	}
	return "", false
}

// russianGenitivePrepositions are the Russian compound prepositions that govern the genitive and
// whose letters, run together, spell another word: "во время" (the adverb "вовремя"), "по
// данным" (the participle "поданным").
var russianGenitivePrepositions = map[string]string{"вовремя": "во время", "поданным": "по данным"}

// compoundPreposition returns the Russian token w, which ends at end in text, as the compound
// preposition it spells when the word after it is a noun or name in the genitive, which the other word is not
// followed by: "Вовремя визита", "поданным министерства", but "вовремя сдали", "поданным
// заявкам" (a participle agrees with its noun in the dative plural).
func (s *segmenter) compoundPreposition(w, text string, end int) (string, bool) {
	phrase := ""
	for joined, p := range russianGenitivePrepositions {
		if len(w) == len(joined) && strings.EqualFold(w, joined) { // no lower-casing of every word
			phrase = p
		}
	}
	next := nextWord(text, end)
	if phrase == "" || utf8.RuneCountInString(next) < 3 {
		return "", false
	}
	ln := strings.ToLower(next)
	if s.lex.isFunction(ln) || russianFiniteVerb(ln) {
		return "", false
	}
	genitive := false
	for _, e := range []string{"а", "я", "ов", "ев", "ей", "ии", "ий", "ы", "и", "ого", "его", "ой", "ей"} {
		if strings.HasSuffix(ln, e) {
			genitive = true
			break
		}
	}
	for _, e := range []string{"ам", "ям", "ым", "им", "ть", "ти", "ся", "сь", "ли", "ла"} {
		if strings.HasSuffix(ln, e) {
			genitive = false
		}
	}
	if unicode.IsUpper([]rune(next)[0]) && next == strings.ToUpper(next) {
		genitive = true // an acronym: "по данным ООН"
	}
	if !genitive {
		return "", false
	}
	a, b, _ := strings.Cut(phrase, " ")
	return w[:len(a)] + " " + w[len(a):len(a)+len(b)], true
}

// voiceKazakh voices the last consonant of a Kazakh stem as a vowel after it does: "шық" →
// "шығ" (шығу), "кет" stays.
func voiceKazakh(w string) string {
	for _, p := range [][2]string{{"қ", "ғ"}, {"к", "г"}, {"п", "б"}} {
		if st, ok := strings.CutSuffix(w, p[0]); ok {
			return st + p[1]
		}
	}
	return w
}

// conditionalBy reports a Russian reading of a past tense and the particle "бы" of the
// conditional ("могло|бы", "хотели|бы"): the particle is written apart, and no word ends in a past
// tense and "бы".
func (s *segmenter) conditionalBy(words []string) bool {
	if len(words) != 2 || words[1] != "бы" || utf8.RuneCountInString(words[0]) < 3 || !s.lex.isDictWord(words[0]) {
		return false
	}
	for _, e := range []string{"л", "ла", "ло", "ли"} {
		if strings.HasSuffix(words[0], e) {
			return true
		}
	}
	return false
}

// kazakhParticleAdverbs are the adverbs that take the particle "да/де" in a set phrase.
var kazakhParticleAdverbs = setOf("әлі", "тағы")

// kazakhParticle reports a Kazakh reading of a word and the particle "да/де/та/те" ("also",
// "even") that the locative ending cannot be there: after a possessive the locative is
// "-нда/-нде" ("күндері|де"), after a voiceless consonant "-та/-те" ("жұмыс|да" is no
// locative), after a vowel or a voiced consonant "-да/-де" ("деп|те" is no locative either).
func (s *segmenter) kazakhParticle(words []string) bool {
	if len(words) != 2 || utf8.RuneCountInString(words[0]) < 3 || !s.lex.firmKazakh(words[0]) {
		return false
	}
	p := words[1]
	if p != "да" && p != "де" && p != "та" && p != "те" {
		return false
	}
	last := lastRune(words[0])
	voiceless := strings.ContainsRune("кқпстшфхцчщ", last)
	switch {
	case (p == "да" || p == "де") && voiceless:
		return true
	case (p == "та" || p == "те") && !voiceless:
		return true
	}
	// After the possessive of a dictionary noun: "күндері|де", "бағасы|да".
	for _, e := range []string{"сы", "сі", "ы", "і"} {
		if stem, ok := strings.CutSuffix(words[0], e); ok && utf8.RuneCountInString(stem) >= 3 && s.lex.dict.IsStem(stem) &&
			(len(e) > 2) == isVowel(lastRune(stem)) && !s.lex.dict.IsStem(words[0]) {
			return true
		}
	}
	return false
}

// kazakhLoanPrefix are the international combining forms and the Kazakh "бейне" that Kazakh
// writes as one word with the next ("телеарна", "аудиожазба", "бейнежазба"), beside the Russian
// ones (russianPrefixLike): a split after them is a compound the dictionary lacks.
var kazakhLoanPrefix = setOf("аудио", "видео", "фото", "кино", "медиа", "инфо", "кибер", "нано",
	"аэро", "термо", "бейне", "дыбыс")

// prepositionAfter reports a Russian reading of a dictionary word of four letters or more and
// the preposition "в" or "о" that began the next line: "воды|в", "хранится|в", "договор|о". A
// surname ends so too ("Медведев"), so in a capitalised token "в" follows no word in "о", "е" or
// "ё", and "о" follows only a lower-case one.
func (s *segmenter) prepositionAfter(words []string, capital bool) bool {
	if len(words) != 2 || !s.lex.isDictWord(words[0]) || s.lex.isNameOnly(words[0]) && words[1] != "в" {
		return false
	}
	// A closed-class word of two letters or more in a lower-case token: "его|в", "что|в".
	if utf8.RuneCountInString(words[0]) < 4 && (capital || !s.lex.isFunction(words[0]) ||
		utf8.RuneCountInString(words[0]) < 2) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(words[0])
	switch words[1] {
	case "в":
		// Lower-case plurals in "-ов", "-ев" are dictionary words, never split: "стране|в".
		return !capital || !strings.ContainsRune("оеё", last)
	case "о":
		return !capital
	}
	return false
}

// russianCaseLetter are the one-letter Russian words that are case endings as well: after a
// name the article writes alone they are its genitive or dative ("Кунаев" and "Кунаева",
// "Сорокину"), and a capitalised token they end is a form of the word before them. After a
// dictionary word in lower case they are words: its forms are dictionary words too
// ("грузовиков|у"), unlike those of a stump compound ("погранперехода").
var russianCaseLetter = setOf("а", "у", "я")

// kazakhToponymLead are the adjectives and nouns that begin Kazakh place names written as one
// word ("Жаңаөзен", "Қарағанды", "Сарыарқа", "Ақтоғай", "Көкшетау", "Жаңақорған"): a capitalised
// token that begins with one is a name, whatever its second part reads as.
var kazakhToponymLead = setOf("жаңа", "ақ", "қара", "сары", "қызыл", "көк", "кіші", "ұлы", "үлкен", "тас",
	"алтын", "таза", "ескі", "орта", "шығыс", "батыс", "солтүстік", "оңтүстік", "жел")

// namePrepositions are the one-letter Russian words that may follow a name in one token:
// "Москва|и", "Китая|в". "а" and "у" end the cases of names ("Путина", "Ивану"), "о" the
// names themselves ("Марио") and "к" some ("Халык").
var namePrepositions = setOf("и", "в", "с")

// afterName reports a Russian reading of a name and a word that no name is made of: a
// conjunction or a preposition ("Москва|и", "Казахстан|для"), or a verb in the past or the
// present ("Казахстан|провёл", "Китай|планирует"). Names are made with nouns ("Газпромбанк",
// "Сбербанк"), never with these.
//
// In Kazakh the same holds of a postposition, a conjunction or a pronoun of three letters or more
// that is no ending ("Қытай|арасында", "Қазақстан|бірнеше"), a verb form ("Ахметов|дайындады"),
// a numeral ("Азияның|бес"), any word after a name closed by its case ("Қытайға|жеткізілім")
// and a plural ("Шымкент|тұрғындары").
func (s *segmenter) afterName(words []string) bool {
	if len(words) != 2 {
		return false
	}
	w := words[1]
	n := utf8.RuneCountInString(w)
	if s.kazakh {
		// The name as the dictionary writes it or with a case ending, not a guess of the
		// analyser's ("Петровха|барлады").
		if !s.lex.inDict(words[0]) && !s.lex.loan(words[0]) && !s.closedCase(words[0]) || kazakhToponymLead[words[0]] {
			return false
		}
		return n >= 3 && (s.lex.isFunction(w) && !boundEnding[w] && !privative[w] && !kazakhSuffixLike(w) ||
			kazakhCounting[w]) || s.verbAfterWord(words) || s.ethnonymBefore(words, true) ||
			// A name in the genitive before the noun it governs: "Қазақстанның|мұнай"; in another
			// case, which closes it as well, before any word: "Қытайға|жеткізілім".
			(genitive(words[0]) || s.closedCase(words[0])) && n >= 4 && s.lex.firmKazakh(w) && !kazakhSuffixLike(w) ||
			// No name is made with a plural: "Шымкент|тұрғындары".
			n >= 6 && (s.pluralNoun(w) || s.pluralPossessed(w)) && !kazakhSuffixLike(w)
	}
	// A one-letter word follows a name of five letters or more: "Халык" is no "Халы|к".
	if namePrepositions[w] && utf8.RuneCountInString(words[0]) >= 5 || n >= 3 && s.lex.isFunction(w) {
		return true
	}
	return n >= 5 && russianFiniteVerb(w) && s.lex.isDictWord(w)
}

// russianFiniteVerbEndings end the Russian past tense (with that of "-йти": "зашли"), the
// present of verbs in -овать/-евать and -ать/-ять, and the reflexive present ("надеется"); no
// noun ends so.
var russianFiniteVerbEndings = []string{"ался", "ялся", "ился", "елся", "лась", "лось", "лись", "ется", "ётся", "ится", "ются",
	"ятся", "утся", "атся", "шёл", "шла", "шло", "шли", "ал", "ял", "ил",
	"ел", "ёл", "ыл", "ала", "яла", "ила", "ела", "ыла", "али", "яли", "или", "ели", "ыли", "ует", "уют", "ает",
	"яет", "ают", "яют"}

// russianFiniteVerb reports a word with an ending of russianFiniteVerbEndings.
func russianFiniteVerb(w string) bool {
	for _, e := range russianFiniteVerbEndings {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// prepositionBeforeNoun reports a Russian reading of a one-letter preposition and a dictionary
// word of three letters or more in lower case that no verb form ends like: a preposition takes
// a noun, and one written onto a verb is its prefix ("в|прыгнул" is "впрыгнул").
func (s *segmenter) prepositionBeforeNoun(words []string) bool {
	if s.english || s.kazakh || len(words) != 2 || !oneLetterPreposition[words[0]] ||
		utf8.RuneCountInString(words[1]) < 3 || !s.lex.dict.ValidMinStem(words[1], minStem) {
		return false
	}
	w := words[1]
	// A unit before its word: "км|от" is no "к|мот".
	if r, n := utf8.DecodeRuneInString(w); numberUnits[words[0]+string(r)] && n > 0 {
		return false
	}
	for _, e := range []string{"л", "ла", "ло", "ли", "ть", "ться", "ся", "сь", "ет", "ит", "ут", "ют", "ят", "ем", "им"} {
		if strings.HasSuffix(w, e) {
			return false
		}
	}
	return !russianFiniteVerb(w)
}

// oneLetterPreposition are the Russian prepositions of one letter.
var oneLetterPreposition = setOf("в", "с", "к", "у", "о")

// russianShortFirst reports a Russian word of three letters, as the dictionary writes it in lower
// case, before a closed-class word of two letters or more or a verb in the past or present:
// "год|был", "лет|назад". Three letters are too few to trust as a piece elsewhere.
func (s *segmenter) russianShortFirst(first, rest string) bool {
	if !s.lex.dict.ValidMinStem(first, minStem) || text.IsRussianPrefix(first) || text.IsRussianStump(first) {
		return false
	}
	n := utf8.RuneCountInString(rest)
	if n >= 2 && s.lex.isFunction(rest) {
		return true // "год|был", "раз|как"
	}
	if verbPrefixes[first] {
		return false
	}
	// The present of any verb in "-ет/-ит" after a noun of time: "год|покажет", "год|станет".
	present := n >= 5 && (strings.HasSuffix(rest, "ет") || strings.HasSuffix(rest, "ит")) && s.lex.isDictWord(rest)
	// A verb of four letters in the past too: "год|стал", "год|ушёл".
	return n >= 4 && russianFiniteVerb(rest) && s.lex.isDictWord(rest) || russianAdverbsAfter[rest] || present
}

// prepositionalAfterO reports a Russian reading in which "о", "об" or "обо" stands before a word
// that no prepositional case ends as: the preposition takes "-е", "-и", "-ах/-ях" and the
// adjectives' "-ом/-ем/-ой/-ей/-ых/-их", and "О|настала" is "Она|стала".
func prepositionalAfterO(words []string) bool {
	for i := 0; i+1 < len(words); i++ {
		if words[i] != "о" && words[i] != "об" && words[i] != "обо" {
			continue
		}
		if !strings.ContainsRune("еихмйё", lastRune(words[i+1])) {
			return true
		}
	}
	return false
}

// russianAdverbsAfter are the adverbs that follow a noun of time: "лет|назад", "год|спустя".
var russianAdverbsAfter = setOf("назад", "спустя", "подряд", "вперёд", "вперед")

// russianGoverning are the Russian prepositions and numerals before which a noun of three
// letters ("год", "час", "дня", "мир") is expected.
var russianGoverning = setOf("в", "во", "на", "за", "под", "над", "от", "до", "из", "по", "об", "с", "со", "к",
	"ко", "у", "при", "про", "без", "для", "через", "два", "две", "три", "четыре", "пять", "шесть", "семь",
	"восемь", "девять", "десять", "сто", "несколько", "много")

// surnameEndings end Russian and Kazakh surnames and patronymics, which a capitalised token
// that ends so is far more likely to be than two words ("Докупаев" is no "Доку|паев").
var surnameEndings = []string{"ов", "ев", "ёв", "ова", "ева", "ёва", "ин", "ина", "ын", "ына", "ский", "ская",
	"цкий", "цкая", "енко", "ович", "евич", "овна", "евна", "ұлы", "қызы", "улы", "кызы"}

// surnameBeforeVerb finds, in a capitalised token the dictionaries lack, a surname of five
// letters or more run into the verb of its sentence: "Токаев|назвал", "Садыков|выступил",
// "Смағұлов|жазды". It returns the byte offset of the verb, or 0. A surname is no compound, and
// a verb in the past or present (Russian) or a Kazakh verb form ends no name.
func (s *segmenter) surnameBeforeVerb(lw string) int {
	if s.kazakh {
		if at := s.kazakhPlaceBeforeFeature(lw); at > 0 {
			return at
		}
	}
	if s.english {
		if at := s.englishSurnameBeforeVerb(lw); at > 0 {
			return at
		}
		return s.englishPlaceBeforeFeature(lw)
	}
	// The last place a surname may end; most tokens have none, and the verbs are not looked up.
	lastSurname := 0
	for i := range lw {
		if i > 0 && (surnameShape(lw[:i]) || !s.kazakh && obliqueName(lw[:i])) {
			lastSurname = i
		}
	}
	if lastSurname == 0 {
		return 0
	}
	for i := range lw {
		if i == 0 {
			continue
		}
		if i > lastSurname {
			break
		}
		left, right := lw[:i], lw[i:]
		if utf8.RuneCountInString(left) < 5 || utf8.RuneCountInString(right) < 5 {
			continue
		}
		// The longest verb decides: "Экономисты|назвали" is no "Экономистына|звали".
		if s.kazakh && s.lex.verbForm(right) && s.lex.firmKazakh(right) ||
			!s.kazakh && russianFiniteVerb(right) && s.lex.isDictWord(right) {
			if surnameShape(left) || !s.kazakh && obliqueName(left) {
				return i
			}
			return 0
		}
		// A Russian name in an oblique case before a closed-class word or an adverb of degree:
		// "Эксимбанком|вполне", "Ташкентом|также".
		if !s.kazakh && s.lex.isFunction(right) && utf8.RuneCountInString(right) >= 5 && obliqueName(left) {
			return i
		}
	}
	return 0
}

// russianPluralAdjective reports a Russian word of six letters or more in the adjectives'
// genitive or prepositional plural "-ых/-их".
func russianPluralAdjective(w string) bool {
	return utf8.RuneCountInString(w) >= 6 && (strings.HasSuffix(w, "ых") || strings.HasSuffix(w, "их"))
}

// russianMasculineAdjective reports a Russian adjective of six letters or more in the masculine
// nominative singular: "туркменский", "новый", "большой".
func russianMasculineAdjective(w string) bool {
	return utf8.RuneCountInString(w) >= 6 && (strings.HasSuffix(w, "ый") || strings.HasSuffix(w, "ий") || strings.HasSuffix(w, "ой"))
}

// latinSurnameEndings end the surnames of the region and of the former Soviet Union as English
// writes them: "Tokayev", "Mirziyoyev", "Japarov", "Rakhmonova", "Kassymuly".
var latinSurnameEndings = []string{"ov", "ev", "yev", "ova", "eva", "yeva", "in", "ina", "uly", "kyzy", "enko",
	"sky", "skaya", "dze", "shvili", "yan"}

// englishFeatures are the nouns of land and water that follow a place name as its own word in
// English ("the Ili river", "the Fergana valley"); names written as one word with them end in
// "-port", "-ville" or "-town", which are not here.
var englishFeatures = setOf("river", "rivers", "lake", "valley", "basin", "region", "province", "district",
	"canal", "delta", "desert", "steppe", "gorge", "plateau", "reservoir", "oblast")

// englishPlaceBeforeFeature finds, in a capitalised English token the dictionaries lack, a name
// of three letters or more that the dictionaries do not know either, run into a noun of land or
// water: "Iliriver", "Ferganavalley". It returns the byte offset of the noun, or 0.
func (s *segmenter) englishPlaceBeforeFeature(lw string) int {
	for f := range englishFeatures {
		head, ok := strings.CutSuffix(lw, f)
		if !ok || utf8.RuneCountInString(head) < 3 {
			continue
		}
		if e := s.lex.counts[head]; e.dict && !e.name || e.count > 0 && !e.dict {
			continue // a common word before the noun is a compound or a name of its own: "Riverlake"
		}
		return len(head)
	}
	return 0
}

// kazakhFeatures are the possessed nouns of land and administration that follow a place name as
// the head of its izafet ("Іле өзені", "Алматы облысы", "Ферғана алқабы"), with their case
// endings. Lakes, mountains and rivers in "-көл", "-тау", "-су" are named with one word
// ("Алакөл", "Алатау", "Ақсу"), so those nouns are not here.
var kazakhFeatures = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"өзені", "облысы", "ауданы", "алқабы", "шатқалы", "бассейні", "өңірі"} {
		m[w] = true
		for _, c := range []string{"н", "на", "не", "нда", "нде", "нан", "нен", "ның", "нің", "ндағы", "ндегі", "мен"} {
			m[w+c] = true
		}
	}
	return m
}()

// kazakhPlaceBeforeFeature finds, in a capitalised Kazakh token that is no known word, a place
// name of three letters or more run into a possessed noun of kazakhFeatures: "Іле|өзенінен",
// "Маңғыстау|облысының". It returns the byte offset of the noun, or 0. Place names that begin
// with an adjective ("Жаңаөзен") are one word.
func (s *segmenter) kazakhPlaceBeforeFeature(lw string) int {
	for i := range lw {
		head, tail := lw[:i], lw[i:]
		if utf8.RuneCountInString(head) < 3 || !kazakhFeatures[tail] {
			continue
		}
		if kazakhToponymLead[head] || kazakhPrefixLike[head] || s.lex.isFunction(head) {
			return 0
		}
		return i
	}
	return 0
}

// englishSurnameBeforeVerb finds, in a capitalised English token the dictionaries lack, a surname
// of five letters or more run into a verb in the past of four letters or more, or "says":
// "Tokayevsaid", "Japarovsigned". It returns the byte offset of the verb, or 0.
func (s *segmenter) englishSurnameBeforeVerb(lw string) int {
	for i := range lw {
		left, right := lw[:i], lw[i:]
		if utf8.RuneCountInString(left) < 5 || utf8.RuneCountInString(right) < 4 {
			continue
		}
		e := s.lex.counts[right]
		verb := englishPast[right] || right == "says" ||
			strings.HasSuffix(right, "ed") && utf8.RuneCountInString(right) >= 5 && e.dict && !e.name && e.count >= 50
		if !verb || s.lex.isDictWord(left) {
			continue
		}
		for _, end := range latinSurnameEndings {
			if strings.HasSuffix(left, end) {
				return i
			}
		}
	}
	return 0
}

// obliqueName reports a Russian word of six letters or more in the instrumental, the
// prepositional plural or the dative plural of a noun ("Эксимбанком", "Ташкентом"), which no
// name has in its nominative.
func obliqueName(w string) bool {
	if utf8.RuneCountInString(w) < 6 {
		return false
	}
	for _, e := range []string{"ом", "ем", "ём", "ами", "ями", "ах", "ях"} {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// surnameShape reports a word ending as surnames do.
func surnameShape(w string) bool {
	for _, e := range surnameEndings {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// proclitic are the Russian one-letter prepositions that a split cuts off the end of a word
// far more often than a lost space put them there: surnames and plurals in "-ов", "-ев"
// ("Токаев", "голодов"). "вместес" is still "вместе с".
var proclitic = setOf("в", "о")

// verbPrefixes are Russian prepositions that are verb prefixes too.
var verbPrefixes = setOf("в", "во", "за", "из", "на", "над", "о", "об", "от", "по", "под", "при", "про",
	"с", "со", "у", "до", "пере", "раз")

// russianVerbEndings end verb forms that no noun shares and no preposition governs: reflexive
// forms and the past of verbs in -овать/-ывать/-ивать ("финансировало"). Plain "-ть" and "-ла"
// end nouns too ("власть", "начало").
var russianVerbEndings = []string{"ться", "лся", "лась", "лось", "лись", "овал", "овала", "овало", "овали",
	"евал", "евала", "евало", "евали", "ывал", "ывала", "ывало", "ывали", "ивал", "ивала", "ивало", "ивали"}

// prefixedVerb reports a reading in which a preposition stands before a past tense or an
// infinitive: the preposition is the verb's prefix ("про|финансировало", "за|планировали").
func prefixedVerb(words []string) bool {
	for i := 0; i+1 < len(words); i++ {
		if !verbPrefixes[words[i]] || utf8.RuneCountInString(words[i+1]) < 5 {
			continue
		}
		for _, e := range russianVerbEndings {
			if strings.HasSuffix(words[i+1], e) {
				return true
			}
		}
		// Nor does a preposition stand before a verb in the present: "вопреки|планирует".
		// (The past in "-ал", "-ела" is written as nouns are: "до|начала", "за|канал".)
		for _, e := range []string{"ует", "уют", "ает", "яет", "ают", "яют", "ется", "ются", "ится", "ятся"} {
			if strings.HasSuffix(words[i+1], e) {
				return true
			}
		}
	}
	return false
}

// russianStumpFirst reports a reading whose first word, or first two words together, are a
// clipped stem.
func russianStumpFirst(words []string) bool {
	return text.IsRussianStump(words[0]) || len(words) > 2 && text.IsRussianStump(words[0]+words[1])
}

// russianQuantity are prefix-like first parts that are words of quantity too: before a noun
// they stand apart ("мало осадков"), before an adjective they begin a compound ("малоизвестный"),
// which the linking-vowel test below finds.
var russianQuantity = setOf("мало", "много", "двух", "трёх", "трех", "четырёх", "четырех")

// russianCompound reports a two-word split that reads as one compound: a prefix-like first part,
// or a first part ending in the linking vowel "о" or "е" before an adjective or participle
// ("высоко технологичные", "средне срочный").
func russianCompound(words []string, lex *lexicon) bool {
	if len(words) != 2 {
		return false
	}
	if obliquePrepositions[words[0]] && russianNominative(words[1], lex) {
		return true // "без|углеродный", "над|государственный", "до|инвестирование"
	}
	if anyFunction(words, lex) && words[0] != "не" && words[0] != "ни" {
		return false
	}
	a, b := words[0], words[1]
	if text.IsRussianPrefix(a) && !russianQuantity[a] {
		return true
	}
	if a == "не" || a == "ни" {
		a = "о" // "непереведённый": "не" is written together with an adjective or participle
	}
	if !strings.HasSuffix(a, "о") && !strings.HasSuffix(a, "е") {
		return false
	}
	// Nouns in "-ство", "-ние", "-тие" stand alone and are no combining forms: "большинство|
	// компаний", "решение|сложных".
	for _, n := range []string{"ство", "ние", "тие"} {
		if strings.HasSuffix(a, n) {
			return false
		}
	}
	// A neuter noun before the plural of a noun ("зерно|трейдеры", "мясо|продукты") is the
	// compound's first part: two nouns in the nominative do not stand side by side.
	if russianNeuterNoun(a, lex) && (russianPluralNoun(b, lex) || russianSingularNoun(b, lex)) {
		return true
	}
	// Adjective endings that no common noun shares ("-ие", "-ой" are nouns too: соглашение, строй).
	// An adverb may end so ("вдвое", "втрое"): the word must be an adjective, whose other forms
	// the dictionary lists ("технологичные" beside "технологичный"), and stand apart from a verb
	// ("выросло|вдвое").
	for _, end := range []string{"ый", "ий", "ая", "яя", "ое", "ые", "ого", "ому", "ему", "ым", "ых",
		"ую", "юю", "ыми", "ими"} {
		if stem, ok := strings.CutSuffix(b, end); ok {
			return russianAdjectiveStem(stem, b, lex)
		}
	}
	return false
}

// obliquePrepositions are the Russian prepositions that never govern the nominative or the
// accusative: a word in one of those after them is no word of their phrase but the rest of a
// compound they begin ("безуглеродный", "надгосударственный", "околорыночный").
var obliquePrepositions = setOf("без", "для", "до", "из", "от", "у", "около", "возле", "кроме", "после",
	"среди", "вокруг", "над", "при", "к", "между", "перед", "вне", "внутри", "против")

// russianNominative reports a Russian word in a form only the nominative or accusative has: an
// adjective in "-ый", "-ая", "-ое", "-ые" whose other forms the dictionary lists ("углеродный"),
// or a verbal noun in "-ние" or "-тие" ("инвестирование"), whose genitive ends in "-ия".
func russianNominative(w string, lex *lexicon) bool {
	for _, end := range []string{"ый", "ая", "ое", "ые"} {
		if stem, ok := strings.CutSuffix(w, end); ok && utf8.RuneCountInString(stem) >= 3 {
			return russianAdjectiveStem(stem, w, lex)
		}
	}
	return utf8.RuneCountInString(w) >= 6 && (strings.HasSuffix(w, "ние") || strings.HasSuffix(w, "тие"))
}

// russianNeuterNoun reports a noun in "-о" whose dative and instrumental the dictionary lists:
// "зерно" ("зерну", "зерном"). An adverb in "-о" ("быстро", "недавно") has neither.
func russianNeuterNoun(w string, lex *lexicon) bool {
	stem, ok := strings.CutSuffix(w, "о")
	return ok && utf8.RuneCountInString(stem) >= 3 && lex.isDictWord(stem+"у") && lex.isDictWord(stem+"ом")
}

// russianPluralNoun reports the nominative plural of a masculine noun whose singular ends in a
// consonant: "трейдеры" of "трейдер" ("трейдером"). The genitive singular of a feminine noun ends
// so too ("пшеницы"), but its stem takes no masculine instrumental ("пшеницей").
func russianPluralNoun(w string, lex *lexicon) bool {
	for _, e := range []string{"ы", "и"} {
		if stem, ok := strings.CutSuffix(w, e); ok && utf8.RuneCountInString(stem) >= 4 && lex.isDictWord(stem) &&
			(lex.isDictWord(stem+"ом") || lex.isDictWord(stem+"ем")) {
			return true
		}
	}
	return false
}

// russianSingularNoun reports the nominative singular of a noun: a masculine one that ends in
// a consonant and takes "-ом" ("трейдер"), or a feminine one in "-а" that takes "-ой" and "-у"
// ("переработка"). A masculine genitive in "-а" ("трейдера") takes no "-ой".
func russianSingularNoun(w string, lex *lexicon) bool {
	if utf8.RuneCountInString(w) < 5 {
		return false
	}
	if stem, ok := strings.CutSuffix(w, "а"); ok {
		return lex.isDictWord(stem+"ой") && lex.isDictWord(stem+"у")
	}
	return !isVowel(lastRune(w)) && lastRune(w) != 'ь' && lastRune(w) != 'й' && lex.isDictWord(w+"ом")
}

// russianAdjectiveStem reports a stem that takes the endings of an adjective in the dictionary
// in a form other than form: "технологичн" of "технологичные" ("технологичный").
func russianAdjectiveStem(stem, form string, lex *lexicon) bool {
	for _, end := range []string{"ый", "ий", "ой", "ая", "яя", "ое", "ые", "ие"} {
		if w := stem + end; w != form && lex.isDictWord(w) {
			return true
		}
	}
	return false
}

// innerCompound returns a Russian reading of three words with two neighbours that read as one
// compound made whole again ("шесть|узко|фюзеляжных" is "шесть узкофюзеляжных"), or the
// reading as it is; nil when "не" or "ни" comes before such a compound, which it begins too.
func innerCompound(words []string, lex *lexicon) []string {
	if len(words) != 3 {
		return words
	}
	if russianCompound(words[1:], lex) {
		if words[0] == "не" || words[0] == "ни" {
			return nil // "не|до|инвестирование": "не" begins the compound too
		}
		return []string{words[0], words[1] + words[2]}
	}
	if russianCompound(words[:2], lex) {
		return []string{words[0] + words[1], words[2]}
	}
	return words
}

// kazakhCaseEndings are the Kazakh case endings after which a word is closed: dative, locative,
// ablative and genitive. What may still follow them inside a word ("-ғы/-гі" after the locative,
// "-кі" after the genitive, the particles) is shorter than a word or begins like an ending.
var kazakhCaseEndings = byLength(strings.Fields(`
	ға ге қа ке на не
	да де та те нда нде
	дан ден тан тен нан нен
	ның нің дың дің тың тің
`))

// closedCase reports a Kazakh word known without the analyser's reading of endings
// (lexicon.firmKazakh) that ends in a case ending after a stem of four letters or more the dictionary knows: "келісімге", "Астанада",
// "жобаның". A shorter stem is as often a word of its own that merely ends so ("ерден", "теңге").
func (s *segmenter) closedCase(w string) bool {
	for _, e := range kazakhCaseEndings {
		stem, ok := strings.CutSuffix(w, e)
		if !ok {
			continue
		}
		return utf8.RuneCountInString(stem) >= minKazakhStem && s.lex.firmKazakh(w) &&
			(s.lex.kazakhStem(stem) || s.lex.isDictWord(stem))
	}
	return false
}

// afterClosed reports a Kazakh reading of a word closed by its case ending, or of a closed-class
// word, and a word that no ending begins like: a numeral ("ол|екі", "жылы|бес"), or after a case
// ending or a closed-class word ("биыл|жүк") a dictionary stem of three letters, a consonant, a
// vowel and a consonant as most native
// ones are ("келісімге|қол", "Астанада|жол"), where one after a vowel would as often be the end
// of a longer ending ("-дары|даулы" is no "-дарыда|улы"). Short stems are
// not trusted as pieces elsewhere; after a case ending nothing but another word can follow.
func (s *segmenter) afterClosed(first, second string) bool {
	n := utf8.RuneCountInString(second)
	if n == 2 && (kazakhCounting[second] || kazakhShortNouns[second]) && (s.lex.isFunction(first) && !boundEnding[first] &&
		utf8.RuneCountInString(first) >= 4 || s.closedCase(first)) {
		return true // "соңғы|он", "барлық|үш", "ауданда|үш", "бойынша|су"
	}
	if n < 3 || boundEnding[second] || privative[second] || kazakhNegation[second] {
		return false
	}
	closedWord := s.lex.isFunction(first) && utf8.RuneCountInString(first) >= 2 && !boundEnding[first]
	if kazakhCounting[second] {
		// A participle stands before the noun phrase it qualifies: "қалған|екі".
		return closedWord || s.closedCase(first) || s.participle(first)
	}
	// A noun of three letters after a relative adjective ("экономикалық|өсу"), which is no ending
	// of it: a case, the similative, a plural or a derivation.
	if n == 3 && s.relativeClosed(first) && !kazakhSuffixOnsets[second] && !slices.Contains(kazakhCaseEndings, second) &&
		!kazakhSimilative[second] && s.lex.dict.IsStem(second) {
		return true
	}
	// A bare plural closes its word as a case does but for a possessive or case ending after it,
	// which the test below keeps out ("депутаттар|заң"); so does an ordinal ("алтыншы|рет").
	closedOther := s.barePlural(first) || kazakhOrdinal(first)
	if n != 3 || !s.closedCase(first) && !closedWord && !closedOther {
		return false
	}
	// The last letter of the first part may begin the second as well: "экономикасын|ашып" is
	// no "экономикасына|шып".
	last, _ := utf8.DecodeLastRuneInString(first)
	rs := []rune(second)
	// Native words begin with no р, л, ң or ғ, but loans do: "рет" (time) after an ordinal,
	// which only a case or possessive ending follows.
	return (!strings.ContainsRune("рлңғ", rs[0]) || kazakhOrdinal(first) && rs[0] != 'ң') && !isVowel(rs[0]) && isVowel(rs[1]) &&
		!kazakhSuffixOnsets[second] && s.lex.dict.IsStem(second) &&
		// That other reading needs a word before it: "жоспарға|сай" is no "жоспарғ|асай".
		!(s.lex.isDictWord(string(last)+second) && s.lex.firmKazakh(strings.TrimSuffix(first, string(last))))
}

// caseClosed reports a Kazakh word known without the analyser's guess that ends in an ablative,
// locative or dative ending after four letters or more: "курсынан", "келісімге". Unlike
// closedCase it takes a loan's stem with its possessive ("курс|ы|нан").
// participle reports a Kazakh verb form known without the analyser in the participle of the
// past "-ған/-ген/-қан/-кен": "қалған", "өткен".
func (s *segmenter) participle(w string) bool {
	for _, e := range []string{"ған", "ген", "қан", "кен"} {
		if stem, ok := strings.CutSuffix(w, e); ok && utf8.RuneCountInString(stem) >= 2 {
			return s.lex.firmKazakh(w) && s.lex.verbForm(w)
		}
	}
	return false
}

// locativeParticle finds the particle "да/де" run into a Kazakh word in the locative:
// "Бішкекте|де" (in Bishkek too). No ending follows the locative but "-ғы/-гі", so a second
// "-да/-де" after it is the particle, which takes "да/де" after the locative's vowel. The stem
// must be a dictionary's or a loan's of three letters or more that does not itself end in the
// locative's letters ("Канада|да" is "Канадада"). It returns the particle's byte offset, or 0.
func (s *segmenter) locativeParticle(w string) int {
	head, ok := strings.CutSuffix(w, "да")
	if !ok {
		head, ok = strings.CutSuffix(w, "де")
	}
	if !ok {
		return 0
	}
	for _, e := range []string{"нда", "нде", "да", "де", "та", "те"} {
		stem, ok := strings.CutSuffix(head, e)
		if !ok || utf8.RuneCountInString(stem) < 3 {
			continue
		}
		if s.lex.dict.IsStem(head) || s.lex.extra[head] || !(s.lex.dict.IsStem(stem) || s.lex.extra[stem] || s.lex.loan(stem)) ||
			!s.lex.firmKazakh(head) || !harmonic(head[len(stem):]+w[len(head):]) {
			return 0
		}
		return len(head)
	}
	return 0
}

// kazakhCasePostpositions are the Kazakh postpositions that follow a word in one case, with
// the endings of that case: "дейін", "шейін", "қарай" after the dative (күнге дейін), "кейін",
// "бері", "бастап", "соң" after the ablative (соғыстан кейін).
var kazakhCasePostpositions = map[string][]string{
	"дейін":  {"ға", "ге", "қа", "ке", "на", "не"},
	"шейін":  {"ға", "ге", "қа", "ке", "на", "не"},
	"қарай":  {"ға", "ге", "қа", "ке", "на", "не"},
	"кейін":  {"дан", "ден", "тан", "тен", "нан", "нен"},
	"бері":   {"дан", "ден", "тан", "тен", "нан", "нен"},
	"бастап": {"дан", "ден", "тан", "тен", "нан", "нен"},
	"соң":    {"дан", "ден", "тан", "тен", "нан", "нен"},
}

// postpositionAfterCase finds a Kazakh postposition run into the word in the case it governs:
// "күнге|дейін", "соғыстан|кейін". The word before it must be one the analyser reads firmly.
// It returns the postposition's byte offset, or 0.
func (s *segmenter) postpositionAfterCase(w string) int {
	for post, cases := range kazakhCasePostpositions {
		head, ok := strings.CutSuffix(w, post)
		if !ok || utf8.RuneCountInString(head) < 4 {
			continue
		}
		for _, e := range cases {
			if strings.HasSuffix(head, e) && s.lex.firmKazakh(head) {
				return len(head)
			}
		}
	}
	return 0
}

// kazakhSimilative are the endings "-дай/-дей/-тай/-тей" ("as, like"), which are words too
// ("тай", a foal).
var kazakhSimilative = setOf("дай", "дей", "тай", "тей")

// relativeClosed reports a Kazakh adjective or noun in "-лық/-лік/-дық/-дік/-тық/-тік" of six
// letters or more, known without the analyser, on a known stem: "халықаралық", "экономикалық".
// Kazakh writes such a word apart from the noun after it ("халықаралық|ұйым"); no compound
// begins with one.
func (s *segmenter) relativeClosed(w string) bool {
	if utf8.RuneCountInString(w) < 6 {
		return false
	}
	for _, e := range []string{"лық", "лік", "дық", "дік", "тық", "тік"} {
		if stem, ok := strings.CutSuffix(w, e); ok {
			return s.lex.firmKazakh(w) && (s.lex.kazakhStem(stem) || s.lex.isDictWord(stem) || s.lex.loan(stem))
		}
	}
	return false
}

func (s *segmenter) caseClosed(w string) bool {
	if s.closedCase(w) {
		return true
	}
	if !s.lex.firmKazakh(w) {
		return false
	}
	for _, e := range kazakhCaseEndings {
		if stem, ok := strings.CutSuffix(w, e); ok && utf8.RuneCountInString(stem) >= 4 && !genitive(w) {
			return true
		}
	}
	return false
}

// caseReading returns the index of a reading, among those within ambiguityGap of the cheapest,
// of two words that caseBeforeWord takes, and how many such readings there are; none when only
// one reading is that cheap.
func (s *segmenter) caseReading(rs []reading, analysed bool) (int, int) {
	at, n := -1, 0
	near := 0
	for i, r := range rs {
		if r.cost-rs[0].cost >= ambiguityGap {
			break
		}
		near++
		if len(r.words) == 2 && s.caseBeforeWord(r.words[0], r.words[1], analysed) {
			at, n = i, n+1
		}
	}
	if near < 2 {
		return -1, 0
	}
	return at, n
}

// kazakhWordClosing are the case endings after which nothing but a word follows: the dative,
// locative, ablative, accusative and instrumental, and the relative "-дағы/-дегі" that closes a
// locative. (After a locative "-ғы/-гі" may follow, and "-кі" after a genitive; the second word's
// first letter keeps those out.) The accusative "-ды/-ті" after a consonant is left out: it
// looks like the past tense and the adjectives in "-ды/-ті", which derive further.
var kazakhWordClosing = byLength(append(strings.Fields(`
	ына іне сына сіне ны ні ын ін сын сін
	мен бен пен
	дағы дегі тағы тегі ндағы ндегі
`), kazakhCaseEndings...))

// caseBeforeWord reports a Kazakh reading of two words known without the analyser, the first of
// five letters or more closed by its case ending ("жылдан", "өкілдеріне", "Еуропадағы") and the
// second of four letters or more that begins like no ending ("ерте", "сілтеме"). A compound joins
// bare stems, so a word in its case ends where the next begins. In a token the analyser reads, a
// stem of three letters is as often the start of a longer one ("хаттамаға" is no "хатта|маға").
func (s *segmenter) caseBeforeWord(first, second string, analysed bool) bool {
	if utf8.RuneCountInString(first) < 5 || utf8.RuneCountInString(second) < 4 || kazakhSuffixLike(second) ||
		boundEnding[second] || kazakhNegation[second] {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(second); strings.ContainsRune("ғгқк", r) {
		return false
	}
	closed := false
	for _, e := range kazakhWordClosing {
		if stem, ok := strings.CutSuffix(first, e); ok && (utf8.RuneCountInString(stem) >= minKazakhStem ||
			!analysed && utf8.RuneCountInString(stem) == 3) {
			closed = true
			break
		}
	}
	// A first word of seven letters or more may be one the analyser reads, a stem and its
	// endings: "біріншісін|шешу".
	return closed && (s.lex.firmKazakh(first) || !analysed && utf8.RuneCountInString(first) >= 7 && s.lex.known(first)) &&
		s.lex.firmKazakh(second)
}

// lastRune returns the last letter of w.
func lastRune(w string) rune {
	r, _ := utf8.DecodeLastRuneInString(w)
	return r
}

// longStem reports a Kazakh word whose stem has four letters or more: a dictionary stem or a
// word of the supplementary list as it stands ("өңір"), one in a case ("келісімге"), a possessed
// one ("баяндамасы"), or a verb form of five letters or more.
func (s *segmenter) longStem(w string) bool {
	if s.suffixPiece(w) {
		return false
	}
	if s.lex.dict.IsStem(w) || s.lex.extra[w] || s.closedCase(w) ||
		utf8.RuneCountInString(w) >= 5 && s.lex.verbForm(w) {
		return true
	}
	for _, p := range []string{"сы", "сі", "ы", "і"} {
		if stem, ok := strings.CutSuffix(w, p); ok && utf8.RuneCountInString(stem) >= minKazakhStem && s.lex.dict.IsStem(stem) {
			return true
		}
	}
	return false
}

// conjunctionFirst reports a Kazakh reading of the conjunction "мен/бен/пен" ("and") and a word of
// five letters or more known without the analyser's reading of endings ("мен|электроника"): at
// the start of a token it follows no word of which it would be the instrumental ending.
func (s *segmenter) conjunctionFirst(words []string) bool {
	switch words[0] {
	case "мен", "бен", "пен":
	default:
		return false
	}
	// A form only the analyser reads must be longer, and begin like a word: "мен|жайылымдарын".
	return len(words) == 2 && utf8.RuneCountInString(words[1]) >= 5 && !s.suffixPiece(words[1]) &&
		(s.lex.firmKazakh(words[1]) || utf8.RuneCountInString(words[1]) >= 7 && !kazakhSuffixLike(words[1]) && s.lex.known(words[1]))
}
