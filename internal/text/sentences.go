package text

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/sentences"
	"github.com/tilmash/tilmash/pipeline"
)

// Sentences splits one block of text into sentences per the language's rules. Ingest cuts
// articles into segments with it, and the omission check counts sentences with it.
//
// Whitespace is collapsed first (every run becomes one space); sentences are then trimmed, and no
// other character is added, dropped or changed. Joining the result with single spaces gives back
// the collapsed text, except between Chinese sentences, which have no space between them to begin
// with. Empty or blank text gives no sentences.
//
// Candidate boundaries come from Unicode sentence segmentation (UAX #29), plus one after every
// terminator (. ? ! …) followed by closing quotes and a space, whatever follows. A candidate is
// then judged by the rules of the language in rules/<lang>.txt (see rules/README.md):
//   - a lower-case word after it continues the sentence (“Why?” he asked; etc. and), unless it is
//     a list marker ("b. A drought");
//   - so does a comma, colon or semicolon, and a Latin full stop with no space after it
//     (“Ltd.出资”, “1.加强监管”);
//   - abbreviations behave by their list: prefix (Mr., т.е., г. Астана) never ends a sentence;
//     number (No. 5, ст. 12) ends it only before a capital; final (etc., т.д., Inc.) before a
//     capital or a digit; ambiguous (U.S.) only before a word that starts sentences or a digit;
//   - a unit after a number (2023 г., XX в., 5 млн руб.) ends the sentence, except before a day
//     and month or after a leading preposition ("В 2023 г. Казахстан …"); in Kazakh the date
//     leads the sentence (2023 ж. Қазақстан …) and ends it only before a starter word;
//   - initials before a capitalised word are part of a name (J. Smith, С. Ахметов, К.-Ж. Токаев),
//     unless the word is one that starts sentences (World War I. The war …);
//   - a list or section number (1., 2.3., IV., a.) ends nothing;
//   - in Russian and Kazakh, Latin words alone closed by a company form (Inc.) are the subject of
//     the Cyrillic sentence that follows;
//   - in Chinese, a ？ ！ or 。 closing a quotation or bracket ends the sentence only when the
//     quotation was introduced by a colon and no continuing word follows (他问：“去哪？”我没答。),
//     when a quotation that opens the sentence ends in 。, or when the bracket held the whole
//     sentence, and a quotation inside brackets is judged by the brackets; a title in 《》 and a
//     Latin passage inside quotes or brackets end nothing.
//
// Decimals (3.5, 3,5) and quotes or brackets closing after the full stop (He said “yes.”) are kept
// whole. The Chinese semicolon "；" does not end a sentence: it joins clauses that translators
// keep together, as in run-in lists (1.加强监管；2.扩大开放。).
func Sentences(text string, lang pipeline.Lang) []string {
	var out []string
	eachSentence(text, lang, func(sentence string) { out = append(out, sentence) })
	return out
}

// CountSentences is len(Sentences(text, lang)) without building the sentences.
func CountSentences(text string, lang pipeline.Lang) int {
	n := 0
	eachSentence(text, lang, func(string) { n++ })
	return n
}

func eachSentence(text string, lang pipeline.Lang, yield func(string)) {
	s := CollapseSpaces(text)
	if s == "" {
		return
	}
	r := rulesFor(lang)
	zh := lang == pipeline.Chinese
	start := 0
	for b := range candidates(s) {
		if b <= start || !endsSentence(s[start:b], s[b:], r, zh) {
			continue
		}
		if sentence := strings.Trim(s[start:b], " "); sentence != "" {
			yield(sentence)
		}
		start = b
	}
	if sentence := strings.Trim(s[start:], " "); sentence != "" {
		yield(sentence)
	}
}

// candidates yields, in increasing order and without repeats, the byte offsets inside s where
// a sentence may start: the UAX #29 boundaries and the positions after a terminator, its closing
// quotes and a space. The two sources are merged as they are read, with no lists built.
func candidates(s string) iter.Seq[int] {
	return func(yield func(int) bool) {
		it := sentences.FromString(s)
		nextUAX := func() int {
			if !it.Next() || it.End() >= len(s) {
				return -1
			}
			end := it.End()
			// UAX #29 counts opening brackets as Close, so "。（2）" would keep "（" with the
			// sentence before it: the boundary goes before openers that follow with no space.
			for end > 0 {
				r, n := utf8.DecodeLastRuneInString(s[:end])
				if !isOpening(r) || IsClosing(r) {
					break
				}
				end -= n
			}
			return end
		}
		pos := 0
		nextTerm := func() int {
			var b int
			b, pos = nextTerminatorBoundary(s, pos)
			return b
		}
		u, t := nextUAX(), nextTerm()
		last := -1
		for u >= 0 || t >= 0 {
			var b int
			if t < 0 || u >= 0 && u <= t {
				b, u = u, nextUAX()
			} else {
				b, t = t, nextTerm()
			}
			if b <= last {
				continue
			}
			last = b
			if !yield(b) {
				return
			}
		}
	}
}

// nextTerminatorBoundary finds, from byte offset from, a terminator (. ? ! …), the terminators
// and closing quotes that follow it, and a space, and returns the offset after the space (-1 when
// there is none) and where to go on looking. UAX #29 proposes no boundary before a digit or a
// dash ("grew. 2024 жылы", "энергии? — Вряд ли"), after an ellipsis, or where its own rules see
// a lower-case word ahead; endsSentence judges them all. An ellipsis inside brackets marks an
// omission ([…]).
func nextTerminatorBoundary(s string, from int) (boundary, next int) {
	for i := from; i < len(s); {
		j := indexTerminator(s[i:])
		if j < 0 {
			return -1, len(s)
		}
		i += j
		mark, size := utf8.DecodeRuneInString(s[i:])
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		k := i + size
		for k < len(s) && s[k] != ' ' {
			r, n := utf8.DecodeRuneInString(s[k:])
			if !IsTerminator(r) && !IsClosing(r) {
				break
			}
			k += n
		}
		if k < len(s) && s[k] == ' ' && !(mark == '…' && (before == '[' || before == '(')) {
			for k < len(s) && s[k] == ' ' {
				k++
			}
			if k < len(s) {
				return k, k
			}
		}
		i = max(k, i+size)
	}
	return -1, len(s)
}

// indexTerminator returns the offset of the first ". ? ! …" in s, or -1. It reads bytes, since
// strings.IndexAny with a non-ASCII set decodes every rune.
func indexTerminator(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '.', '?', '!':
			return i
		case 0xE2: // "…" is E2 80 A6
			if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0xA6 {
				return i
			}
		}
	}
	return -1
}

// endsSentence decides whether a candidate boundary between before (the sentence so far, with
// the spaces that follow it) and after (the rest of the block) really ends a sentence.
func endsSentence(before, after string, r *langRules, zh bool) bool {
	if after == "" {
		return true
	}
	sentence := strings.TrimRight(before, " ")
	spaced := len(sentence) < len(before)
	core := strings.TrimRightFunc(sentence, IsClosing)
	closed := len(core) < len(sentence)
	term, _ := utf8.DecodeLastRuneInString(core)
	first, _ := utf8.DecodeRuneInString(after)
	if isContinuing(first) {
		return false
	}
	if !spaced && !isCJKTerminator(term) &&
		(!isHan(first) || term == '.' && !closedByBracket(sentence) || term == '…') {
		return false
	}
	next := firstSignificantRune(after)
	if unicode.IsLower(next) && !(isListMarker(after) && !endsInLetter(core) && !endsInAbbreviation(core, r)) {
		return false
	}
	if zh {
		if ends, decided := chineseQuotation(sentence, core, after, r); decided {
			return ends
		}
	}
	if term == '.' && closed && abbreviationInBrackets(sentence, core) {
		// "Maj. Gen. (ret.) Asan Bekov": a bracket holding one abbreviation is judged by it.
		return abbreviationEnds(core, after, next, r)
	}
	if term != '.' || closed {
		return true
	}
	if isListNumber(core) || listAfterColon(core) || listAfterCJKPunctuation(core) {
		return false
	}
	return abbreviationEnds(core, after, next, r)
}

// abbreviationEnds judges a full stop that ends core, not a list number, before after, whose
// first letter or digit is next.
func abbreviationEnds(core, after string, next rune, r *langRules) bool {
	token, rest := lastAbbreviationToken(strings.TrimSuffix(core, "."))
	if token == "" {
		return true
	}
	lower := lowerWord(token)
	kind := r.abbreviations[lower]
	unit := r.units[lower]
	// A unit written onto its number with a hyphen: "1990-жж.", "XIX-ғ.".
	hyphenNumber := false
	if i := strings.LastIndexByte(lower, '-'); i > 0 && unit == notUnit && isNumber(lower[:i]) {
		if u := r.units[lower[i+1:]]; u != notUnit {
			unit, lower, hyphenNumber = u, lower[i+1:], true
		}
	}
	// A spaced chain such as "т. д" is looked up whole, then by its last part alone ("Dr. J").
	single := token
	if dot := strings.LastIndexByte(token, '.'); dot >= 0 {
		single = token[dot+1:]
		if kind == notAbbreviation {
			kind = r.abbreviations[strings.ToLower(single)]
		}
	}
	// A title joined to a word by a hyphen is that title: "Ex-Pres.", "Vice-Adm.", "Lt.-Gen.".
	if kind == notAbbreviation && unit == notUnit {
		i := strings.LastIndexByte(lower, '-')
		if i > 0 && isLetters(lower[:i]) && r.abbreviations[lower[i+1:]] == prefixAbbreviation {
			kind = prefixAbbreviation
		}
	}
	after1 := r.finalAfter[lower]
	first, _ := utf8.DecodeRuneInString(token)
	// In a chain such as "им. Р" the last part is what may be an initial.
	if f, _ := utf8.DecodeRuneInString(single); unicode.IsUpper(f) {
		first = f
	}
	if kind == notAbbreviation && unit == notUnit && after1 == nil && !unicode.IsUpper(first) {
		return true // an ordinary word: "grew.", "сессии."
	}
	// Whether a number stands before the token is worked out only for the lists that need it.
	numberBefore, prev := false, ""
	if hyphenNumber {
		numberBefore = true
	} else if unit != notUnit || kind == prefixAbbreviation || after1 != nil {
		numberBefore, prev = numberBeforeToken(rest, r)
	}
	// A capital letter is an initial before a capitalised word even when its lower case is an
	// abbreviation: "Д. Медведев", "С. Ахметов", "P. Smith". "U.S." is no initial.
	// A word that starts sentences does not follow an initial: "World War I. The", "Пётр I. Он".
	// Initials are written in the script of their name: Latin capitals before a Cyrillic word
	// are no initials of it ("Deutsche Bank A.G. Министерство согласилось").
	if unicode.IsUpper(next) && unicode.IsUpper(first) && kind != ambiguousAbbreviation &&
		unicode.Is(unicode.Latin, first) == unicode.Is(unicode.Latin, next) &&
		!(numberBefore && unit != notUnit) && (isInitialsIn(token, r) || isInitialsIn(single, r)) {
		tail := afterOpening(after)
		w := firstWord(tail)
		initial := utf8.RuneCountInString(w) == 1 && strings.HasPrefix(tail[len(w):], ".")
		if initial {
			return false // "M. A. Suleimenov", "А. С. Пушкин"
		}
		// Initials after a surname close the name: "… Иванов И.И. Документ …", "… Ахметов С. Т.
		// Тираж …". rest is the text before the initials, however they were spaced.
		_, beforeToken := cutLastField(strings.TrimSpace(rest))
		return r.isStarter(tail) || strings.Contains(token, ".") && r.isSurname(beforeToken)
	}
	if numberBefore {
		switch unit {
		case unitEnds:
			return unitEndsSentence(core, after, next, r)
		case unitContinues:
			// After a dash the date is what the sentence says, not where it starts: "Салынған
			// уақыты — XIX ғ. Ғимарат …".
			return r.isStarter(afterOpening(after)) || !hyphenNumber && dashBeforeNumber(rest, r)
		}
	}
	if after1[strings.ToLower(prev)] {
		kind = finalAbbreviation
	}
	switch kind {
	case prefixAbbreviation:
		// After a number it is a unit ("9 ч. Затем", "12 тыс. т. В"), unless another number
		// follows in a chain of references ("п. 4 ст. 15", "т. 2, ч. 3"); after a count a number
		// starts the next sentence ("вылетел в 22 ч. 15 пассажиров …").
		return numberBefore && (!unicode.IsDigit(next) || !referenceChain(rest, r))
	case numberAbbreviation:
		// "No. 5", "гл. IV", "б.з.д. V ғ.", and identifiers: "Case No. ARB/20/7".
		// The number may close the sentence: "in Vol. II. Vol. III is due".
		w := strings.TrimRight(firstField(afterOpening(after)), ".,;:)")
		if unicode.IsDigit(next) && isDayNumber(w) && r.isMonthAbbreviation(lower) {
			// A month after its day closes a date; another day starts a sentence: "… начался
			// 3 окт. 4 окт. стороны …", but "3 окт. 2023 г.".
			if before, _ := numberBeforeToken(rest, r); before {
				return true
			}
		}
		return !unicode.IsDigit(next) && !isNumber(w) && !isIdentifier(w)
	case ambiguousAbbreviation:
		// A name goes on in the script it began in: after "U.S." a capitalised Cyrillic word
		// not in an oblique case starts the next sentence ("… из U.S. Казахстан ответил …").
		w := firstWord(afterOpening(after))
		scriptChange := unicode.Is(unicode.Latin, first) && unicode.Is(unicode.Cyrillic, next) && !r.isOblique(w)
		// A country does not name a thing of another: "… from the U.S. China supplies the rest."
		country := r.countries[strings.ToLower(w)]
		// A degree after a surname and a comma closes the name, as initials after it do:
		// "… сказал Иванов, д.э.н. Коллеги согласились."
		_, prevWord := cutLastField(strings.TrimSpace(rest))
		afterSurname := unicode.IsUpper(next) && strings.HasSuffix(prevWord, ",") &&
			r.isSurname(strings.TrimSuffix(prevWord, ","))
		return unicode.IsDigit(next) || r.isStarter(afterOpening(after)) || scriptChange || country ||
			afterSurname
	case finalAbbreviation:
		// The year of an author–date citation follows in brackets: "Smith et al. (2020) show".
		if isBracketedYear(after) {
			return false
		}
		tail := afterOpening(after)
		// A time zone follows the time of day: "at 9 a.m. Beijing time", "6 p.m. GMT".
		if r.clock[lower] && r.isTimeZone(tail) {
			return false
		}
		// A list opening the sentence is its subject or object: "Уголь, сталь, цемент и т.д.
		// Казахстан ввозит сам." It ends a sentence only before a word that starts one.
		if r.enumeration[lower] && !unicode.IsDigit(next) && !r.isStarter(tail) &&
			isBareEnumeration(rest) {
			return false
		}
		// A Russian or Kazakh sentence is written in Cyrillic: Latin words alone before a company
		// form are a name, the subject of what follows ("Fitch Ratings, Inc.
		// Қазақстанның бағасын көтерді").
		if unicode.Is(unicode.Cyrillic, next) && !hasCyrillic(core) && !r.isStarter(tail) {
			return false
		}
		// Company forms follow each other: "Goldman Sachs & Co. LLC", "Huawei Co. Ltd.".
		w := strings.ToLower(latinWord(tail))
		if unicode.IsUpper(next) && r.abbreviations[w] == finalAbbreviation && !r.starters[w] {
			return false
		}
		// A name in an oblique case rarely starts a sentence: "… Service, Inc. Казахстану сохранён …".
		return r.isStarter(afterOpening(after)) || !r.isOblique(firstWord(afterOpening(after)))
	}
	return true
}

// latinWord returns the letters at the start of s up to the first Chinese character: Chinese
// writes a Latin name right before its own words ("LLC签订").
func latinWord(s string) string {
	w := firstWord(s)
	for i, c := range w {
		if isHan(c) {
			return w[:i]
		}
	}
	return w
}

// dashBeforeNumber reports rest, the text before a unit, ending in a dash, a number and perhaps
// other units: "уақыты — XIX", "жыл — 1854".
func dashBeforeNumber(rest string, r *langRules) bool {
	for range maxAbbreviationParts {
		before, f := cutLastField(strings.TrimRight(rest, " "))
		if r.units[strings.ToLower(strings.TrimSuffix(f, "."))] != notUnit {
			rest = before // "— 5 млн тг": look past the unit
			continue
		}
		if !isNumber(f) {
			return false
		}
		_, d := cutLastField(strings.TrimRight(before, " "))
		mark, _ := utf8.DecodeRuneInString(d)
		return isDash(mark) && utf8.RuneCountInString(d) == 1
	}
	return false
}

// unitEndsSentence judges a full stop after a unit that follows a number ("2023 г.", "5 млн
// руб.", "XX в.").
func unitEndsSentence(core, after string, next rune, r *langRules) bool {
	if isAcronym(firstWord(after)) {
		return false // "40 млн долл. США", "руб. РФ": the country of the currency
	}
	if unicode.IsDigit(next) {
		// "в 2023 г. 5 мая": a day and its month follow the year.
		day, rest, _ := strings.Cut(after, " ")
		return !(len(day) <= 2 && isNumber(day) && r.isMonth(rest))
	}
	// "В 2023 г. Казахстан …", "К концу 2030 г. …", "На 2 млн долл. Фонд …": the sentence so far
	// is a leading preposition, a word or two and the date or sum.
	fields := strings.Fields(core)
	k := len(fields) - 1 // the unit
	for k > 0 && (r.units[strings.ToLower(strings.TrimSuffix(fields[k], "."))] != notUnit) {
		k--
	}
	rest := afterOpening(after)
	// After a dash the sum or date is what the sentence says: "Выручка — 3 млрд руб. Газпром
	// доволен.", "Цена — от 10 тыс. долл. Доставка …".
	if k >= 1 && isNumber(fields[k]) {
		d := fields[k-1]
		if k >= 2 && unicode.IsLower([]rune(d)[0]) && utf8.RuneCountInString(d) <= 3 {
			d = fields[k-2] // "— от 10 тыс."
		}
		if utf8.RuneCountInString(d) == 1 && isDash([]rune(d)[0]) {
			return true
		}
	}
	if k >= 1 && isNumber(fields[k]) && r.documentDate[strings.ToLower(fields[k-1])] {
		// "приказом от 12.03.2024 г. Министерства энергетики": the date of a document, whose
		// issuer or number follows; only a word that starts sentences ends it.
		return r.isStarter(rest)
	}
	// A capitalised word that starts sentences is no name and ends it all the same: "Примерно 40
	// тыс. чел. Столько работает …".
	if k >= 1 && k <= 3 && isNumber(fields[k]) && r.leading[strings.ToLower(fields[0])] {
		lead := true
		for _, w := range fields[1:k] {
			c, _ := utf8.DecodeRuneInString(w)
			lead = lead && (unicode.IsLower(c) || isNumber(w)) // "С 2014 по 2016 г."
		}
		if lead && !r.isStarter(rest) {
			return false
		}
	}
	// "Штраф в 5 тыс. руб. Суд назначил сразу": a noun, a preposition and a sum make a noun
	// phrase with no verb, the fronted object or subject of what follows.
	if k == 2 && isNumber(fields[k]) && r.sumNouns[strings.ToLower(fields[1])] &&
		isLetters(fields[0]) &&
		!r.starters[strings.ToLower(fields[0])] && !r.isStarter(rest) &&
		!r.dateUnits[strings.ToLower(strings.TrimSuffix(fields[len(fields)-1], "."))] &&
		!capitalisedWithEnding(fields[0], 3, r.pastVerbs) {
		return false
	}
	// A name in an oblique case rarely starts a sentence: "подписанное в 2019 г. Казахстаном и
	// Россией".
	return r.isStarter(rest) || !r.isOblique(firstWord(rest))
}

// isAcronym reports a word of two to four capital letters: США, ООН, РК.
func isAcronym(w string) bool {
	n := utf8.RuneCountInString(w)
	return n >= 2 && n <= 4 && strings.ToUpper(w) == w && strings.ToLower(w) != w
}

// chineseQuotation judges a boundary in Chinese after a quotation or bracket, a title, or a Latin
// passage; decided is false when none of these is involved.
func chineseQuotation(sentence, core, after string, r *langRules) (ends, decided bool) {
	closing := sentence[len(core):]
	if strings.ContainsAny(closing, "》〉") || unclosed(core, "《〈", "》〉") {
		return false, true // inside or right after a title: 《谁动了我的奶酪？》是一本书
	}
	term, _ := utf8.DecodeLastRuneInString(core)
	if (term == '.' || term == '?' || term == '!') && !closedByBracket(sentence) {
		// A Latin passage inside quotes or brackets keeps its own punctuation (他的原话是：“No.
		// We will not sign.”此后…); a bracket that closes after it is judged as any bracket.
		if unclosed(core, "“‘「『（(", "”’」』）)") {
			return false, true
		}
	}
	if closing == "" {
		return false, false
	}
	first, _ := utf8.DecodeRuneInString(after)
	open := strings.LastIndexAny(core, "“‘「『（(\"")
	// A quotation inside brackets is judged by the brackets: 这篇文章（记者问：“谁来投资？”）引起了讨论。
	if outer, _ := utf8.DecodeLastRuneInString(closing); outer == '）' || outer == ')' {
		if i := unclosedBracket(core); i >= 0 {
			open = i
		}
	}
	if open < 0 {
		return false, false
	}
	lead := strings.TrimRight(core[:open], " ")
	opener, _ := utf8.DecodeRuneInString(core[open:])
	if opener == '（' || opener == '(' {
		// A bracket that holds the whole sentence ends it; one inside a sentence does not.
		return lead == "", true
	}
	switch {
	case lead == "":
		// “为什么？”他问道。 The speech tag follows; another quotation starts a new line. A
		// quotation closed by 。 is a sentence of its own: before a speech tag Chinese writes a
		// comma (“我同意，”他说。), so 。” is followed by the next sentence.
		return isOpening(first) || term == '。', true
	case strings.HasSuffix(lead, "：") || strings.HasSuffix(lead, ":"):
		return !r.continues(after), true
	}
	// A quotation inside the sentence goes on with it: 他大喊一声“快跑！”就冲了出去。 One closed by
	// 。 ends its sentence, since a quotation that the sentence carries on past ends without it
	// (“我们不反对中国，”这位议员说，“我们支持哈萨克斯坦。”全场响起掌声。).
	return term == '。' && !r.continues(after), true
}

// closedByBracket reports a sentence so far that ends in a closing bracket.
func closedByBracket(sentence string) bool {
	return strings.HasSuffix(sentence, ")") || strings.HasSuffix(sentence, "）")
}

// unclosedBracket returns the offset of the last bracket that s opens and does not close, or -1.
func unclosedBracket(s string) int {
	depth := 0
	for i := len(s); i > 0; {
		c, n := utf8.DecodeLastRuneInString(s[:i])
		i -= n
		switch c {
		case '）', ')':
			depth++
		case '（', '(':
			if depth == 0 {
				return i
			}
			depth--
		}
	}
	return -1
}

// abbreviationInBrackets reports a sentence so far that ends in one word with a full stop in
// brackets, "(ret.)": core is sentence without its closing marks.
func abbreviationInBrackets(sentence, core string) bool {
	if closing := sentence[len(core):]; closing != ")" && closing != "）" {
		return false
	}
	_, last := cutLastField(core)
	inner, ok := strings.CutPrefix(last, "(")
	if !ok {
		inner, ok = strings.CutPrefix(last, "（")
	}
	return ok && len(inner) > 1 && isLetters(strings.TrimSuffix(inner, "."))
}

// isDayNumber reports a number of one or two digits: a day of the month.
func isDayNumber(w string) bool {
	return (len(w) == 1 || len(w) == 2) && strings.Trim(w, "0123456789") == ""
}

// isIdentifier reports the number of a case, a document or a standard that holds letters: a
// word with a digit and no lower-case letter, up to a Chinese character ("ARB/20/7", "S/2020/15").
func isIdentifier(w string) bool {
	digit := false
	for _, c := range w {
		if isHan(c) {
			break
		}
		if unicode.IsLower(c) {
			return false
		}
		digit = digit || unicode.IsDigit(c)
	}
	return digit
}

// isBareEnumeration reports text that is nothing but a list separated by commas, its first item
// one word and the others one or two, the last perhaps followed by a conjunction: "Уголь, сталь,
// цемент и", "Roads, rails". Such a list has no verb: it is no sentence of its own.
func isBareEnumeration(s string) bool {
	items := strings.Split(s, ",")
	if len(items) < 2 {
		return false
	}
	for i, item := range items {
		words := strings.Fields(item)
		limit := 2 // "зейнетақы қорлары"
		switch i {
		case 0:
			limit = 1 // "Обсуждались дороги, порты …" is a sentence with its verb
		case len(items) - 1:
			limit = 3 // "уран и", "electronics and"
		}
		if len(words) == 0 || len(words) > limit {
			return false
		}
		for _, w := range words {
			if !isLetters(w) {
				return false
			}
		}
	}
	return true
}

// isBracketedYear reports s starting with a year in brackets, as citations give it: "(2020)",
// "(2019a)", "(2020, p. 5)".
func isBracketedYear(s string) bool {
	y, ok := strings.CutPrefix(s, "(")
	if !ok || len(y) < 5 {
		return false
	}
	for i := range 4 {
		if y[i] < '0' || y[i] > '9' {
			return false
		}
	}
	return y[4] == ')' || y[4] == ',' || y[4] >= 'a' && y[4] <= 'z'
}

// hasCyrillic reports a Cyrillic letter in s.
func hasCyrillic(s string) bool {
	for _, c := range s {
		if unicode.Is(unicode.Cyrillic, c) {
			return true
		}
	}
	return false
}

// unclosed reports whether s opens more of the marks in opening than it closes with closing.
func unclosed(s, opening, closing string) bool {
	if !strings.ContainsAny(s, opening) {
		return false
	}
	depth := 0
	for _, c := range s {
		switch {
		case strings.ContainsRune(opening, c):
			depth++
		case strings.ContainsRune(closing, c) && depth > 0:
			depth--
		}
	}
	return depth > 0
}

// isContinuing reports punctuation that cannot start a sentence: a comma, colon or semicolon,
// or an equals sign ("1 долл. = 470 тенге").
func isContinuing(r rune) bool {
	switch r {
	case ',', ';', ':', '，', '、', '；', '：', '=':
		return true
	}
	return false
}

// isListMarker reports text that starts with a lower-case list marker and a capitalised item:
// "b. A drought", "б. Засуха".
func isListMarker(s string) bool {
	letter, n := utf8.DecodeRuneInString(s)
	if !strings.ContainsRune("abcdefghабвгдежз", letter) || !strings.HasPrefix(s[n:], ". ") {
		return false
	}
	next, _ := utf8.DecodeRuneInString(s[n+2:])
	return unicode.IsUpper(next)
}

// endsInAbbreviation reports core ending in a known abbreviation or unit with its full stop:
// "12 тыс. т. В …" holds no list marker.
func endsInAbbreviation(core string, r *langRules) bool {
	_, last := cutLastField(strings.TrimSuffix(core, "."))
	last = strings.ToLower(strings.TrimLeftFunc(afterHan(last), isOpening))
	return r.abbreviations[last] != notAbbreviation || r.units[last] != notUnit
}

// endsInLetter reports core ending in a single letter and a full stop, as the parts of spaced
// abbreviations do ("e. g.", "т. д."): a letter after them is no list marker.
func endsInLetter(core string) bool {
	_, last := cutLastField(strings.TrimSuffix(core, "."))
	return utf8.RuneCountInString(strings.TrimLeftFunc(last, isOpening)) == 1
}

// afterOpening returns s without the opening quotes and dashes it starts with.
func afterOpening(s string) string {
	return strings.TrimLeftFunc(s, func(r rune) bool { return r == ' ' || isOpening(r) || isDash(r) })
}

// firstSignificantRune returns the first rune of s after opening quotes, brackets, dashes and
// spaces: the letter or digit that tells how the next sentence starts.
func firstSignificantRune(s string) rune {
	for _, r := range s {
		if r == ' ' || isOpening(r) || isDash(r) {
			continue
		}
		return r
	}
	return 0
}

// isListNumber reports a sentence that is only a list number or section number with its full
// stop: "1.", "2.3.", "IV.", "a.", "б.".
func isListNumber(core string) bool {
	if len(core) > 16 || strings.ContainsRune(core, ' ') {
		return false
	}
	n := strings.TrimSuffix(core, ".")
	if n == "" {
		return false
	}
	if strings.Trim(n, "0123456789.") == "" && !strings.Contains(n, "..") && len(n) <= 8 {
		return true
	}
	if strings.Trim(n, "IVXLC") == "" && len(n) <= 6 {
		return true
	}
	return utf8.RuneCountInString(n) == 1 && unicode.IsLower([]rune(n)[0])
}

// listAfterColon reports a list number run into the sentence that introduces it: "three
// targets: 1." or "the options: a.".
func listAfterColon(core string) bool {
	rest, last := cutLastField(core)
	return rest != "" && strings.HasSuffix(rest, ":") && isListNumber(last)
}

// listAfterCJKPunctuation reports a list number run into Chinese text with no space before it:
// "安排如下：1." or "签署协议；2.".
func listAfterCJKPunctuation(core string) bool {
	// List numbers are short (isListNumber): look at no more of core than one can take, so that
	// long runs of dotted ASCII stay linear.
	i := len(core)
	for i > 0 && len(core)-i <= 16 {
		if core[i-1] >= utf8.RuneSelf {
			break
		}
		i--
	}
	if i == len(core) || i == 0 || core[i-1] < utf8.RuneSelf {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(core[:i])
	return strings.ContainsRune("：；，、。", prev) && isListNumber(core[i:])
}

// lastAbbreviationToken returns the word before a full stop (text is the sentence without that
// stop), with opening punctuation removed, and the text before it. Spaced abbreviations are
// joined back together: "и т. д" gives "т.д", "e. g" gives "e.g", "Н. А" gives "Н.А".
func lastAbbreviationToken(text string) (token, rest string) {
	rest, last := cutLastField(text)
	token = strings.TrimLeftFunc(afterHan(last), isOpening)
	if token == "" {
		return "", ""
	}
	// Only the last few words are looked at, so that long runs of dotted words stay linear.
	for range maxAbbreviationParts {
		if utf8.RuneCountInString(last) > 2 || rest == "" {
			break
		}
		before, f := cutLastField(rest)
		part := strings.TrimSuffix(f, ".")
		if part == f || part == "" || utf8.RuneCountInString(part) > 2 || !isLetters(part) {
			break
		}
		token, rest = part+"."+token, before
	}
	return token, rest
}

// lowerWord is strings.ToLower that returns a word without capitals as it is, without decoding
// it twice.
func lowerWord(w string) string {
	for _, c := range w {
		if unicode.IsUpper(c) {
			return strings.ToLower(w)
		}
	}
	return w
}

// numberBeforeToken reports whether rest, the text before an abbreviation, ends in a number, as
// in "2023 г", "XX в" or "5 млн руб" (where a unit stands between), and returns the word right
// before the abbreviation.
func numberBeforeToken(rest string, r *langRules) (bool, string) {
	prev := ""
	for range maxAbbreviationParts {
		if rest == "" {
			break
		}
		before, f := cutLastField(rest)
		if prev == "" {
			prev = f
		}
		if isNumber(f) {
			// "д. 52, г. Алматы": a number closed by a comma is not the unit's.
			return !strings.HasSuffix(f, ",") && !strings.HasSuffix(f, ";"), prev
		}
		if r.units[strings.ToLower(strings.TrimSuffix(f, "."))] == notUnit {
			break
		}
		rest = before // "5 млн руб": look past the unit
	}
	return false, prev
}

// referenceChain reports rest, the text before an abbreviation that follows a number, ending in
// an abbreviation with its full stop and that number: "п. 4" (before "ст. 15"), "т. 2".
func referenceChain(rest string, r *langRules) bool {
	for range maxAbbreviationParts {
		before, f := cutLastField(strings.TrimRight(rest, " "))
		if f == "" {
			return false
		}
		if isNumber(f) {
			_, w := cutLastField(strings.TrimRight(before, " "))
			w = strings.TrimLeftFunc(afterHan(w), isOpening)
			abbr, ok := strings.CutSuffix(w, ".")
			return ok && isAbbreviationIn(r, abbr)
		}
		if r.units[strings.ToLower(strings.TrimSuffix(f, "."))] == notUnit {
			return false
		}
		rest = before // "5 млн т": look past the unit
	}
	return false
}

// maxAbbreviationParts bounds a spaced abbreviation or a run of initials ("J. R. R").
const maxAbbreviationParts = 4

// afterHan returns what follows the last Chinese character of a word: Chinese writes Latin
// names without a space before them ("报告由Dr").
func afterHan(w string) string {
	for i := len(w); i > 0; {
		r, n := utf8.DecodeLastRuneInString(w[:i])
		if isHan(r) {
			return w[i:]
		}
		i -= n
	}
	return w
}

// firstField returns s up to its first space.
func firstField(s string) string {
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i]
	}
	return s
}

// cutLastField splits s at its last space into what comes before and the last word.
func cutLastField(s string) (before, last string) {
	i := strings.LastIndexByte(s, ' ')
	if i < 0 {
		return "", s
	}
	return s[:i], s[i+1:]
}

func isLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && r != '.' && r != '-' {
			return false
		}
	}
	return s != ""
}

// isNumber reports a year, a count or a range of them ("2023", "2022–2023", "1990-х"), or a
// century or volume in Roman numerals ("XX", "V", "XIX–XX").
func isNumber(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if unicode.IsDigit(r) {
		return true
	}
	if s == "" || len(s) > 16 {
		return false
	}
	for _, c := range s {
		if !strings.ContainsRune("IVXLCDMХІ–-", c) {
			return false
		}
	}
	return r != '–' && r != '-'
}
