package checks

import (
	"math"
	"regexp"
	"strings"
	"unicode"

	"github.com/tilmash/tilmash/internal/text"
	"github.com/tilmash/tilmash/pipeline"
)

// lengthFactor is the usual length of a text in a language relative to the same text in English,
// measured on analytical prose with weightedLength: Russian and Kazakh run longer; Chinese, with
// each character weighing three letters, comes out a little shorter.
func lengthFactor(l pipeline.Lang) float64 {
	switch l {
	case pipeline.Russian:
		return 1.08
	case pipeline.Kazakh:
		return 1.04
	case pipeline.Chinese:
		return 0.955
	}
	return 1
}

// weightedLength measures how much a text says: letters and digits, a Chinese character
// counting as three (a one-character abbreviation of a name in a chain, 中哈, as its full name:
// hanAbbrevWeight), markup left out.
func weightedLength(s string) float64 { return weightedLengthStripped(stripMarkup(s)) }

// weightedLengthStripped is weightedLength of a text whose markup is already stripped.
func weightedLengthStripped(s string) float64 {
	n := 0.0
	han := false
	for _, r := range s {
		switch {
		case r < 0x80: // ASCII, most of an English or Latin text: no table look-ups
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
				n++
			}
		case isHan(r):
			n += 3
			han = true
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			n++
		}
	}
	if han {
		n += hanAbbrevWeight(s) // 中哈 says "China and Kazakhstan"
	}
	return n
}

// Thresholds of the omission check, as shares of the expected translation length.
const (
	omissionMinSource    = 40   // weighted source length below which lengths say too little
	omissionShort        = 0.70 // shorter than this is a warning on its own (Chinese: see shortLimit)
	omissionAnchored     = 0.97 // shorter than this with a lost name, term or number is a warning
	omissionFewer        = 0.92 // shorter than this with fewer sentences is a warning
	omissionClauses      = 0.85 // shorter than this with clearly fewer clauses is a warning
	omissionFewerClauses = 0.78 // shorter than this with any fewer clauses is a warning
	omissionItems        = 1.1  // not much longer than usual, with fewer enumeration items, is a warning
)

// omissionContent is the length, in percent of the usual, below which a lost content word of
// lexicon/content.txt is reported.
const omissionContent = 1000

// omissionWeakContent is the length, in percent of the usual, below which a lost word of a weak
// concept of lexicon/content.txt is reported: a translation not longer than usual.
const omissionWeakContent = 100

// omissionTimeContent is the length, in percent of the usual, below which a lost phrase of time
// of lexicon/content.txt (last year, this year, a month, for the first time) is reported: it
// costs a word or two and changes what the sentence says, and only a paraphrase much longer than
// usual says it some other way ("this year marks the anniversary" → "on the anniversary").
const omissionTimeContent = 120

// omissionListedNames is the length, in percent of the usual, below which a lost name of
// lexicon/names.txt is reported: a translation far longer than usual may say the name some other
// way ("the capital", a longer paraphrase); one up to two fifths longer than usual most often
// runs long by the way it words the rest (a Chinese name of a few characters is a long one in
// other languages) and has no reason to leave a name out.
const omissionListedNames = 140

// tooShort is the ratio below which a translation is reported on its length alone: under
// shortLimit, a shorter one needs evidence of what it lost. Chinese keeps its own limit.
func tooShort(l pipeline.Lang) float64 {
	if l == pipeline.Chinese {
		return shortLimit(l)
	}
	return 0.55
}

// checkOmission warns when a translation seems to have lost a clause, a sentence or an item of
// a list. Lengths alone vary too much between translations to tell, so it compares the
// structure of source and translation: an enumeration with fewer items than the source's is
// suspect whatever the length (unless the translation runs long); a translation much shorter
// than usual for the language pair is suspect when it also has fewer sentences or clauses or
// lacks a name, term or number of the source, or when it is shorter still; one somewhat shorter
// is suspect when a name, term or number of the source has no counterpart in it, when it has
// fewer sentences than the source, or clearly fewer clauses. Short sources are skipped.
// Translations that are too long are not reported, except a Kazakh sentence that ends on a
// genitive or a locative adjective (kkHeadless), which is cut whatever its length. A shorter
// Kazakh clause with a genitive whose possessed noun is missing (kkOrphanGenitive) is reported
// like one with fewer clauses.
func checkOmission(u pipeline.CheckUnit, opts *Options) []pipeline.Finding {
	if opts != nil && opts.pseudo {
		// A pseudo-translation's length is made up and its names are transliterated letter by
		// letter; the provider never drops anything, so there is nothing to measure.
		return nil
	}
	if out := checkOmissionStructure(u, opts); out != nil {
		return out
	}
	memo := opts.wordMemo()
	// A translation in another script is a copy of the source or another language: the
	// untranslated and wrong-language checks' case.
	if u.SourceLang == u.TargetLang || !mostlyInScript(memo.stripped(u.Target), u.TargetLang) {
		return nil
	}
	// A count or a number of the source with no counterpart in the translation, whatever the
	// lengths: "on 1 June" or "three weeks" costs a word or two.
	// A count changed in words (changedCount) is also the number check's finding.
	changed, _ := changedCount(memo, u)
	lost := append(lostCounts(u, memo), lostDigits(u, opts, changed)...)
	pct := lengthPercent(u, memo)
	if pct < int(omissionAnchored*100) {
		// A name is weaker evidence (a translator may write "the city"; exonyms and
		// transliteration systems differ): it counts in a translation shorter than usual.
		lost = append(lost, lostNames(u, opts, memo)...)
	}
	if pct < omissionListedNames {
		// A name of the built-in list (a country, a capital, a river) has its forms in every
		// language: one the translation renders by none of them was dropped.
		lost = append(lost, lostListedNames(u, memo, (&formFinder{memo: memo}).has)...)
	}
	if pct < omissionContent {
		// A modifier or a common noun of the source that the translation does not render
		// (lexicon/content.txt) costs a word: it counts unless the translation runs long.
		lost = append(lost, lostContent(u, memo, pct)...)
	}
	if len(lost) > 0 {
		return []pipeline.Finding{newFinding(CheckOmission, "check.omission.anchor",
			map[string]any{"Percent": pct, "Missing": strings.Join(lost, ", ")})}
	}
	if src, tgt, short := pairDeficit(u, memo, pct); short {
		// One item of a pair dropped with its conjunction ("rivers and groundwater" → "rivers").
		return []pipeline.Finding{newFinding(CheckOmission, "check.omission.items",
			map[string]any{"Percent": pct, "SourceCount": src + 1, "TargetCount": tgt + 1})}
	}
	if negationLost(u, memo) {
		// Whatever the lengths: a lost "not" costs three letters and reverses the sentence.
		return []pipeline.Finding{newFinding(CheckOmission, "check.omission.negation", nil)}
	}
	return nil
}

// lostDigits lists the numbers in digits of the source that the translation lacks, when it has
// no number the source lacks: a number that was changed is the number check's finding, one that
// went missing with no other in its place was left out. A spelled-out count that replaced the
// source's (changed, see changedCount) is no number in the place of one in digits.
func lostDigits(u pipeline.CheckUnit, opts *Options, changed string) []string {
	var lost []string
	for _, f := range numberFindings(u, opts) {
		if changed != "" && f.MessageID == "check.number.extra" && f.Data["Number"] == changed {
			continue
		}
		switch f.MessageID {
		case "check.number.missing":
			lost = append(lost, f.Data["Number"].(string))
		case "check.number.month_missing":
			lost = append(lost, f.Data["Number"].(string))
		case "check.number.extra", "check.number.month_extra":
			return nil
		}
	}
	return lost
}

// numberFindings is checkNumber on u, run once per Check call: the omission check reads the
// numbers the translation lacks.
func numberFindings(u pipeline.CheckUnit, opts *Options) []pipeline.Finding {
	m := opts.wordMemo()
	if m == nil {
		return checkNumber(u, opts)
	}
	if !m.hasNumberFindings {
		m.numberFindings, m.hasNumberFindings = checkNumber(u, opts), true
	}
	return m.numberFindings
}

// lengthPercent is the translation's length as a percentage of the usual length for the
// language pair.
func lengthPercent(u pipeline.CheckUnit, memo *wordMemo) int {
	expected := memo.weightedLength(u.Source) * lengthFactor(u.TargetLang) / lengthFactor(u.SourceLang)
	if expected == 0 {
		return 0
	}
	return int(math.Round(memo.weightedLength(u.Target) / expected * 100))
}

// checkOmissionStructure is checkOmission by the lengths, sentences, clauses, enumerations and
// anchors of source and translation.
func checkOmissionStructure(u pipeline.CheckUnit, opts *Options) []pipeline.Finding {
	memo := opts.wordMemo()
	srcLen := memo.weightedLength(u.Source)
	if srcLen < omissionMinSource {
		return nil
	}
	expected := srcLen * lengthFactor(u.TargetLang) / lengthFactor(u.SourceLang)
	ratio := memo.weightedLength(u.Target) / expected
	pct := int(math.Round(ratio * 100))
	if u.TargetLang == pipeline.Kazakh && kkHeadless(u.Target) {
		// A Kazakh sentence that ends on a genitive or a -дағы word lost its end, whatever
		// the length of what is left.
		return []pipeline.Finding{newFinding(CheckOmission, "check.omission.clauses", map[string]any{"Percent": pct})}
	}
	if ratio >= omissionAnchored {
		if src, tgt, short := enumerationDeficit(u); short && ratio < omissionItems {
			return []pipeline.Finding{newFinding(CheckOmission, "check.omission.items",
				map[string]any{"Percent": pct, "SourceCount": src, "TargetCount": tgt})}
		}
		return nil
	}
	srcS := text.CountSentences(memo.stripped(u.Source), u.SourceLang)
	tgtS := text.CountSentences(memo.stripped(u.Target), u.TargetLang)
	if ratio < shortLimit(u.TargetLang) {
		// A terse translation can be complete: below the limit, a translation is reported when
		// its structure also shows a loss (fewer sentences or clauses, a lost name, term or
		// number), or when it is shorter still.
		if ratio < tooShort(u.TargetLang) || tgtS < srcS || targetClauses(u) < minClauses(u) ||
			len(missingAnchors(u, opts)) > 0 || u.TargetLang == pipeline.Kazakh && (kkUnfinished(u.Target) || kkOrphanGenitive(u.Target)) {
			return []pipeline.Finding{newFinding(CheckOmission, "check.omission.short", map[string]any{"Percent": pct})}
		}
		return nil
	}
	if lost := missingAnchors(u, opts); len(lost) > 0 {
		return []pipeline.Finding{newFinding(CheckOmission, "check.omission.anchor",
			map[string]any{"Percent": pct, "Missing": strings.Join(lost, ", ")})}
	}
	if src, tgt, short := enumerationDeficit(u); short {
		return []pipeline.Finding{newFinding(CheckOmission, "check.omission.items",
			map[string]any{"Percent": pct, "SourceCount": src, "TargetCount": tgt})}
	}
	if u.TargetLang == pipeline.Kazakh && kkOrphanGenitive(u.Target) {
		// A shorter Kazakh clause with a genitive and no possessed noun after it lost that noun
		// (and, most often, the words around it).
		return []pipeline.Finding{newFinding(CheckOmission, "check.omission.clauses", map[string]any{"Percent": pct})}
	}
	if u.TargetLang == pipeline.Kazakh && ratio < omissionClauses && kkUnfinished(u.Target) {
		// A shorter Kazakh sentence that ends without its predicate lost its end.
		return []pipeline.Finding{newFinding(CheckOmission, "check.omission.clauses", map[string]any{"Percent": pct})}
	}
	switch {
	case ratio < omissionFewer && tgtS < srcS:
		return []pipeline.Finding{newFinding(CheckOmission, "check.omission.sentences",
			map[string]any{"Percent": pct, "SourceCount": srcS, "TargetCount": tgtS})}
	case ratio < omissionClauses && clauseDeficit(u), ratio < omissionFewerClauses && targetClauses(u) < minClauses(u):
		return []pipeline.Finding{newFinding(CheckOmission, "check.omission.clauses", map[string]any{"Percent": pct})}
	}
	return nil
}

// shortLimit is the ratio below which a translation is too short on its own. Chinese lengths
// vary more (a character may stand for a word or a syllable), so its limit is lower.
func shortLimit(l pipeline.Lang) float64 {
	if l == pipeline.Chinese {
		return omissionShort - 0.16
	}
	return omissionShort
}

// clauseDeficit reports a translation with clearly fewer clauses than its source: two fewer, or
// one fewer of three.
func clauseDeficit(u pipeline.CheckUnit) bool {
	s, t := sourceClauses(u), countClauses(u.Target)
	return t <= s-2 || (s >= 3 && t*3 < s*2)
}

// sourceClauses counts the source's clauses as the target language would punctuate them:
// English relative clauses after a comma lose that comma in Kazakh and Chinese.
func sourceClauses(u pipeline.CheckUnit) int {
	n := countClauses(u.Source)
	if u.SourceLang == pipeline.English && (u.TargetLang == pipeline.Kazakh || u.TargetLang == pipeline.Chinese) {
		n -= len(relativeComma.FindAllStringIndex(stripMarkup(u.Source), -1))
		n -= len(participleComma.FindAllStringIndex(stripMarkup(u.Source), -1))
	}
	if u.SourceLang == pipeline.English && (u.TargetLang == pipeline.Russian || u.TargetLang == pipeline.Kazakh) {
		n -= enOpeningPhrases(stripMarkup(u.Source))
	}
	if u.SourceLang == pipeline.Russian && (u.TargetLang == pipeline.Kazakh || u.TargetLang == pipeline.Chinese) {
		n -= len(ruRelativeComma.FindAllStringIndex(stripMarkup(u.Source), -1))
	}
	if (u.SourceLang == pipeline.Russian || u.SourceLang == pipeline.Kazakh) && u.TargetLang != u.SourceLang {
		n -= cyrOpeningPhrases(stripMarkup(u.Source), u.SourceLang)
	}
	if u.SourceLang == pipeline.Russian && u.TargetLang != pipeline.Russian {
		n -= len(ruComparativeComma.FindAllStringIndex(stripMarkup(u.Source), -1))
	}
	if u.SourceLang == pipeline.Kazakh && u.TargetLang != pipeline.Kazakh {
		n -= len(kkConverbComma.FindAllStringIndex(stripMarkup(u.Source), -1))
	}
	if u.SourceLang == pipeline.Chinese && u.TargetLang != pipeline.Chinese {
		src := stripMarkup(u.Source)
		n -= len(hanOpeningPhrase.FindAllStringIndex(src, -1)) + len(hanOpeningAdverb.FindAllStringIndex(src, -1)) +
			len(hanResultComma.FindAllStringIndex(src, -1))
	}
	return max(n, 1)
}

// kkConverbComma matches a Kazakh converb in -ып, -іп, -ап, -еп and its comma (артып, … жетті;
// енгізіп, … белгілеу): it chains two predicates of one subject, which Russian, English and
// Chinese join with «и», "and" or nothing, without a comma.
var kkConverbComma = regexp.MustCompile(`[а-яәғқңөұүһіё]{2,}(?:ып|іп|ап|еп),`)

// enOpeningPhrase matches a short English phrase of time or place that opens a sentence and ends
// with a comma ("Since January,", "In 2023,", "Last year,"): Russian and Kazakh do not set off an
// opening circumstance (С января на юань приходится…, 2023 жылы сауда…), so it is no clause of
// the source a translation must keep.
var enOpeningPhrase = regexp.MustCompile(`(?:^|[.!?]\s+)(?:In|On|At|Since|By|From|After|Before|During|Over|Until|Between|Last|This|Next|Earlier|Later|Today|Yesterday|Meanwhile)\b[^,.;:]{0,30},`)

// enOpeningPhrases counts the sentences that open with enOpeningPhrase: of four words at most,
// none a verb ("Until the dispute is settled," is a clause, which Russian keeps).
func enOpeningPhrases(src string) int {
	n := 0
	for _, m := range enOpeningPhrase.FindAllString(src, -1) {
		ws := strings.Fields(strings.TrimRight(strings.TrimLeft(m, ".!? "), ","))
		if len(ws) > 4 {
			continue
		}
		verb := false
		for _, w := range ws[1:] {
			lw := strings.ToLower(w)
			verb = verb || auxiliaries[lw] || enVerbish[lw] || strings.HasSuffix(lw, "ed") && len(lw) > 4
		}
		if !verb {
			n++
		}
	}
	return n
}

// cyrOpeningPhrases counts the Russian and Kazakh sentences that open with a connective or a
// phrase of source set off by a comma (Кроме того, Впрочем, По мнению экспертов, Бұдан бөлек,
// Сарапшылардың пікірінше,): translations render them with a word ("also", "however") or move
// them to the end ("experts say"), without a comma of their own. Two words at most, three when
// the first is a Russian preposition; no verb among them (Пока спор не решён, is a clause).
func cyrOpeningPhrases(src string, lang pipeline.Lang) int {
	n := 0
	for _, sent := range strings.FieldsFunc(src, func(r rune) bool { return r == '.' || r == '!' || r == '?' }) {
		head, _, ok := strings.Cut(sent, ",")
		if !ok {
			continue
		}
		ws := strings.Fields(head)
		limit := 2
		if len(ws) > 0 && lang == pipeline.Russian && ruOpeningPrepositions[strings.ToLower(ws[0])] {
			limit = 3
		}
		if len(ws) == 0 || len(ws) > limit {
			continue
		}
		verb := false
		for _, w := range ws {
			lw := strings.ToLower(w)
			verb = verb || lang == pipeline.Russian && (lw == "не" || strings.HasSuffix(lw, "ет") || strings.HasSuffix(lw, "ит") ||
				strings.HasSuffix(lw, "л") || strings.HasSuffix(lw, "ла") || strings.HasSuffix(lw, "ли")) ||
				lang == pipeline.Kazakh && (strings.HasSuffix(lw, "ды") || strings.HasSuffix(lw, "ді") || strings.HasSuffix(lw, "са") ||
					strings.HasSuffix(lw, "се") || strings.HasSuffix(lw, "ған") || strings.HasSuffix(lw, "ген"))
		}
		if !verb {
			n++
		}
	}
	return n
}

var ruOpeningPrepositions = wordSet("по согласно в на с к из при для от до")

// enVerbish are the verb forms besides auxiliaries that turn an opening phrase into a clause.
var enVerbish = wordSet("do does did can could should shall am")

// ruRelativeComma matches a Russian comma that opens a relative clause or a participle phrase
// («, который…», «, открывшаяся в Астане,»): Kazakh and Chinese put such clauses before their
// noun, without a comma.
var ruRelativeComma = regexp.MustCompile(`,\s+(?:котор|где |куда |откуда |чей |чья |чьё |чьи |[а-яё]+(?:вш|ющ|ящ|ущ|ащ|енн|анн|нн)(?:ий|ая|ое|ие|его|ей|ему|им|ую|их|ими|ем|ом|ый|ых|ой|ые)\s)`)

// ruComparativeComma matches the comma Russian sets before the «чем» of a comparison («дороже,
// чем планировалось», «больше, чем в прошлом году»): English, Kazakh and Chinese write the
// comparison without one (more than planned, жоспарланғаннан, 超出了计划), so it opens no clause
// a translation must keep.
var ruComparativeComma = regexp.MustCompile(`,\s+чем\s`)

// hanOpeningPhrase matches a Chinese prepositional phrase that opens a sentence, or follows an
// opening adverb, and ends with a comma (由于资金不足，, 近年来，随着…，, 据该部介绍，): Chinese sets
// it off, Russian, Kazakh and English mostly do not, so it is no clause of the source a
// translation must keep; nor is an opening adverb (hanOpeningAdverb: 近年来，, 然而，).
var hanOpeningPhrase = regexp.MustCompile(`(?:^|[。！？，])\s*(?:由于|随着|据|根据|对于|关于|通过|除了|在|自从|从|受)[^，。！？]{0,24}，`)

// subordinateClauses counts the English subordinate clauses that open without a comma ("fear
// that …", "the river on which …"): Russian sets every subordinate clause off with a comma, so
// a Russian translation has at least the source's commas and these.
func subordinateClauses(en string) int {
	n := 0
	src := stripMarkup(en)
	for _, m := range bareSubordinator.FindAllStringSubmatchIndex(src, -1) {
		if m[4] < 0 {
			n++
			continue
		}
		if auxiliaries[strings.ToLower(src[m[4]:m[5]])] {
			continue // "was published by" is a passive verb, not a clause of its own
		}
		if strings.HasSuffix(strings.TrimRight(src[:m[4]], " "), ",") {
			continue // ", originally scheduled for …": set off by a comma already
		}
		n++
	}
	return n
}

var auxiliaries = wordSet("was were is are be been being has have had will would can could may might must")

// bareSubordinator matches a word that opens a subordinate clause, not after a comma: a
// conjunction (that, because, although, if, whether, while, so that), a relative (which, who,
// whom, whose, where, when, after a preposition too) or "in order to".
// A past participle after a noun with its agent or place ("the figures published by Chinese
// customs", "buses made in China") is a reduced relative clause, which Russian also sets off
// with commas; it counts among these.
var bareSubordinator = regexp.MustCompile(`(?i)[^,\s]\s+(?:(?:on|in|at|from|with|by|to|for|of) )?(that|which|who|whom|whose|where|when|although|though|whether|while|unless|in order to)\b\s+\S+\s|` +
	`(?i)[^,\s]\s+because\s+(?:the|a|an|it|they|he|she|we|this|its|their|there|many|most)\b|` +
	`(?i)\b([a-z]+)\s+(?:[a-z]{3,}ed|made|built|held|known|taken|given|written|chosen|seen|paid)\s+(?:by|in|at|from|for|with|under)\s`)

// minClauses is the fewest clauses a faithful translation has, judged by its punctuation: the
// source's clauses as the target language punctuates them, and for Russian the subordinate
// clauses English opens without a comma.
func minClauses(u pipeline.CheckUnit) int {
	n := sourceClauses(u)
	if u.SourceLang != pipeline.English {
		return n
	}
	switch u.TargetLang {
	case pipeline.Russian:
		n += subordinateClauses(u.Source) + len(embeddedQuestion.FindAllStringIndex(stripMarkup(u.Source), -1))
	case pipeline.Chinese:
		n += len(adverbialClause.FindAllStringIndex(stripMarkup(u.Source), -1))
	}
	return n
}

// targetClauses counts the translation's clauses as minClauses counts the source's: in Chinese
// a comma after a short opening word (如今，去年，此外，) sets off an adverb, not a clause.
func targetClauses(u pipeline.CheckUnit) int {
	n := countClauses(u.Target)
	if u.TargetLang == pipeline.Chinese {
		n -= len(hanOpeningAdverb.FindAllStringIndex(stripMarkup(u.Target), -1))
	}
	return max(n, 1)
}

// hanOpeningAdverb matches one to three Chinese characters at the start of a sentence, then a
// comma.
var hanOpeningAdverb = regexp.MustCompile(`(?:^|[。！？])\s*\p{Han}{1,3}，`)

// embeddedQuestion matches an English indirect question inside a sentence ("about how much
// water", "explained why"), which Russian sets off with a comma.
var embeddedQuestion = regexp.MustCompile(`(?i)[^,.\s]\s+(how|why|what)\s+\S+\s`)

// adverbialClause matches an English adverbial clause without a comma before it: of cause,
// concession, condition or purpose ("because" with a subject: "because of" is no clause), a
// time clause with its own subject and verb. Chinese puts such a clause first and closes it with a comma
// (如果…，, 在…之前，, 以便…), where it puts a relative clause before its noun without one.
var adverbialClause = regexp.MustCompile(`(?i)[^,\s]\s+(?:(although|though|unless|in order to|so that)\b|because\s+(?:the|a|an|it|they|he|she|we|this|its|their|there|many|most)\b|` +
	`(before|after|until|once|when)\s+(?:the|a|an|it|they|he|she|we|this|its|their)\s+(?:\S+\s+){0,2}(?:was|were|is|are|had|has|have|will)\b)`)

// participleComma matches an English comma that opens a participle phrase after its noun ("The
// round table, originally scheduled for 14 May, …", "the line, built by Chinese firms"): a
// reduced relative clause, which Kazakh and Chinese put before the noun without a comma.
var participleComma = regexp.MustCompile(`(?i),\s+(?:[a-z]+ly\s+)?(?:[a-z]{3,}ed|built|held|made|known|given|taken|chosen|written|paid)\s+(?:by|in|at|for|from|on|with|under)\b`)

// hanResultComma matches a Chinese comma before the figure a change reached (增长了一倍多，达到6.2万标箱;
// 增长15%，至3亿美元) or before 并 "and also" (新增400辆电动公交车，并改造50公里公交专用道): one more
// predicate of the same subject, which Russian, Kazakh and English join with «и», "to", "and"
// or a converb, without a comma. 并不, 并非, 并未 ("but not"), 至今 ("so far"), 至少 ("at least")
// open a clause of their own.
var hanResultComma = regexp.MustCompile(`，(?:并[^不非未没]|达到|达|至[^今少于]|增至|降至|升至|约占|占)`)

// relativeComma matches an English comma that opens a relative clause: Kazakh and Chinese put
// such clauses before their noun, without a comma.
var relativeComma = regexp.MustCompile(`(?i),\s+(which|who|whom|whose|where|when)\b`)

// countClauses counts the pieces of s between clause punctuation: commas, semicolons, colons,
// dashes between spaces and sentence ends, in both half- and full-width forms.
func countClauses(s string) int {
	s = stripMarkup(s)
	n := 1
	rs := []rune(s)
	for i, r := range rs {
		switch r {
		case ',', ';', ':', '，', '；', '：', '、':
			if r == ',' && i > 0 && i+1 < len(rs) && isDigit(rs[i-1]) && isDigit(rs[i+1]) {
				continue
			}
			n++
		case '—', '–':
			if i > 0 && rs[i-1] == ' ' {
				n++
			}
		}
	}
	return n
}
