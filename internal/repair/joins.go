package repair

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/text"
	"github.com/tilmash/tilmash/pipeline"
)

// joiner finds words run together in one article: at a change of case ("inCentral"), next to
// apostrophes and quotes ("region’sleading", "the“Central"), after punctuation
// ("countries,and"), next to years ("in2023") and inside lower-case tokens
// ("strategicallyimportant"), the last through the segmenter.
type joiner struct {
	seg     *segmenter
	english bool
	opening string // marks that open a quotation in this language
	closing string // marks that close one
	// Sets of marks that context and betweenRule look for, made once per article.
	openers    runeSet // opening marks and the straight quote
	leadMarks  runeSet // what may stand between a sentence's end and its first word
	closers    runeSet // what may close a sentence after its last mark
	quoteMarks string  // opening and closing marks
}

// newJoiner makes the joiner of one article in a language with the given quotation marks.
func newJoiner(seg *segmenter, opening, closing string) *joiner {
	return &joiner{seg: seg, english: seg.english, opening: opening, closing: closing,
		openers: newRuneSet(opening + "\""), leadMarks: newRuneSet(opening + "\"([" + "—–-"),
		closers: newRuneSet(closing + "\")]’"), quoteMarks: opening + closing}
}

// runeSet is a small set of characters, asked about the character before every word.
type runeSet struct {
	ascii [utf8.RuneSelf]bool
	other []rune
}

func newRuneSet(chars string) runeSet {
	var s runeSet
	for _, r := range chars {
		if r < utf8.RuneSelf {
			s.ascii[r] = true
		} else {
			s.other = append(s.other, r)
		}
	}
	return s
}

// has is strings.ContainsRune(chars, r) for the chars of the set.
func (s *runeSet) has(r rune) bool {
	if r >= 0 && r < utf8.RuneSelf {
		return s.ascii[r]
	}
	return slices.Contains(s.other, r)
}

// question is a Question in offsets of the text the joiner works on.
type question struct {
	start, end int
	token      string
	candidates []string
	reason     string
}

// machineLike matches chunks that are addresses or code rather than prose: they are never split.
// A dollar sign before a digit is money ("$200million"), elsewhere code ("$PATH").
var machineLike = regexp.MustCompile(`(?i)://|^www\.|@|[/\\_=#<>{}|~^*]|\$(?:[^0-9]|$)|[a-z0-9]\.(com|org|net|gov|edu|io|info|ru|kz|cn|uk|int|co|biz|me|dev|app)\b`)

// codeMarks are the characters other than "." of which a match of machineLike may hold one:
// ":" of "://", "@" and the code characters. All are ASCII, so a byte of one is that character.
var codeMarks = func() (set [256]bool) {
	for _, c := range []byte(":@/\\_=#<>{}|~^*$") {
		set[c] = true
	}
	return set
}()

// isMachineLike is machineLike.MatchString with the regular expression run only on the chunks
// it may match: most words of prose hold none of codeMarks, and a full stop counts only at the
// start of "www." or before a letter, as in a domain (the Kelvin sign, which starts with the
// byte 0xE2, matches "k" in a case-insensitive expression).
func isMachineLike(chunk string) bool {
	if len(chunk) >= 4 && strings.EqualFold(chunk[:4], "www.") {
		return machineLike.MatchString(chunk)
	}
	for i := 0; i < len(chunk); i++ {
		c := chunk[i]
		if codeMarks[c] {
			return machineLike.MatchString(chunk)
		}
		if c == '.' && i+1 < len(chunk) {
			if d := chunk[i+1]; 'a' <= d|0x20 && d|0x20 <= 'z' || d == 0xE2 {
				return machineLike.MatchString(chunk)
			}
		}
	}
	return false
}

// addressEdges finds the spaces lost at the edges of an address, a chunk that is never split
// inside: before its scheme, where a word of the language ran into it ("athttps://…",
// "адресуhttps://…"), and, in Russian and Kazakh, after the full stop that ends the sentence it
// closes, where a capitalised Cyrillic word ran into it ("…/su.html.Сұрақтарды"). An address
// is written in Latin letters, so a change of alphabet after its full stop begins the next
// sentence; a capitalised Latin word after one may be part of the address and stays.
func (j *joiner) addressEdges(text string, from, to int) []edit {
	var es []edit
	chunk := text[from:to]
	lower := strings.ToLower(chunk)
	for _, scheme := range []string{"https://", "http://", "www."} {
		at := strings.Index(lower, scheme)
		if at <= 0 {
			continue
		}
		lead := chunk[:at]
		if strings.IndexFunc(lead, func(r rune) bool { return !isLetter(r) }) < 0 {
			lw := strings.ToLower(lead)
			if j.seg.lex.isFunction(lw) || utf8.RuneCountInString(lw) >= 3 && j.seg.lex.isDictWord(lw) {
				es = append(es, edit{start: from + at, end: from + at, after: " ", rule: "punct-space"})
			}
		}
		break
	}
	if j.english {
		return es
	}
	dot := strings.LastIndexByte(chunk, '.')
	if dot <= 0 || dot+1 >= len(chunk) {
		return es
	}
	before, _ := utf8.DecodeLastRuneInString(chunk[:dot])
	word := strings.TrimRight(chunk[dot+1:], ",;:!?.»)")
	rs := []rune(word)
	if unicode.Is(unicode.Latin, before) && len(rs) >= 2 && isCyrillicWord(word) && unicode.IsUpper(rs[0]) &&
		strings.ToLower(string(rs[1:])) == string(rs[1:]) {
		es = append(es, edit{start: from + dot + 1, end: from + dot + 1, after: " ", rule: "punct-space"})
	}
	return es
}

// contractions are the endings that follow an English apostrophe.
var contractions = []string{"ll", "re", "ve", "s", "t", "d", "m"}

// edits scans text chunk by chunk (a chunk is a run of non-space characters). words are the
// words of text (letterWords): no word crosses a space, so every chunk holds its own.
func (j *joiner) edits(text string, words []span) ([]edit, []question) {
	var es []edit
	var qs []question
	next := 0 // the first word not before the chunk
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		k := i
		for k < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[k:])
			if unicode.IsSpace(r2) {
				break
			}
			k += n2
		}
		for next < len(words) && words[next].start < i {
			next++
		}
		end := next
		for end < len(words) && words[end].end <= k {
			end++
		}
		if !isMachineLike(text[i:k]) {
			e, q := j.chunk(text, i, k, words[next:end])
			es = append(es, e...)
			qs = append(qs, q...)
		} else {
			es = append(es, j.addressEdges(text, i, k)...)
		}
		i = k
	}
	sort.SliceStable(es, func(a, b int) bool {
		if es[a].start != es[b].start {
			return es[a].start < es[b].start
		}
		return es[a].end < es[b].end
	})
	return es, qs
}

// span is a word of the text: letters, with apostrophes between letters (text.Words).
type span struct{ start, end int }

// letterWords returns the words of s that hold letters; numbers are left out.
func letterWords(s string) []span {
	ws := text.Words(s)
	out := make([]span, 0, len(ws))
	for _, w := range ws {
		if !w.Number {
			out = append(out, span{w.Start, w.End})
		}
	}
	return out
}

// chunk finds the edits inside text[from:to], a chunk, whose words are words.
func (j *joiner) chunk(text string, from, to int, words []span) ([]edit, []question) {
	var es []edit
	var qs []question
	for idx, w := range words {
		before, _ := utf8.DecodeLastRuneInString(text[from:w.start])
		after, _ := utf8.DecodeRuneInString(text[w.end:to])
		token := text[w.start:w.end]
		if unicode.IsDigit(before) || unicode.IsDigit(after) {
			es = append(es, j.numberEdits(text, w, from, to)...)
			// A unit or an abbreviation after a number may be run into the next word as well:
			// "2023г.товарооборот".
			if idx+1 < len(words) && words[idx+1].start > w.end && unicode.IsDigit(before) {
				if at, ok := j.between(text, w, words[idx+1], before); ok {
					es = append(es, edit{start: at, end: at, after: " ", rule: j.betweenRule(text[w.end:words[idx+1].start])})
				}
			}
			continue
		}
		if at, ok := punctuationBeforeNumber(text, w.end, to); ok {
			// "КНР,2024", "декабре.2,7", "targets:1.": a comma, a colon or a full stop after
			// a word, then a number.
			es = append(es, edit{start: at, end: at, after: " ", rule: "punct-space"})
		}
		if idx == 0 && w.start > from {
			if at, ok := j.afterPunctuation(text, from, w); ok {
				es = append(es, edit{start: at, end: at, after: " ", rule: "punct-space"})
			}
		}
		if idx == len(words)-1 && w.end < to && !j.english {
			if trail := text[w.end:to]; isDashOnly(trail) {
				// "сказал— и": Russian and Kazakh set a dash apart on both sides.
				es = append(es, edit{start: w.end, end: w.end, after: " ", rule: "punct-space"})
			} else if at, ok := dashAfterMark(trail); ok {
				// "вырастут»,— заявил": a dash after a comma or a closing quote that ends a
				// quotation before the words that name its speaker.
				es = append(es, edit{start: w.end + at, end: w.end + at, after: " ", rule: "punct-space"})
			}
		}
		if idx == len(words)-1 && w.end < to {
			if at, ok := bracketBeforeNumber(text[w.end:to]); ok {
				// "(ол 2012 жылы салынып бітті)10 мың": a number after a closing bracket.
				es = append(es, edit{start: w.end + at, end: w.end + at, after: " ", rule: "punct-space"})
			}
		}
		ctx := j.context(text, from, w)
		// Only the part before a hyphen: the part after it may have run into the next word
		// ("Көші-қонсаясаты"). Kazakh writes paired words so ("жауын-шашын"), and a word may
		// run into the first of them ("Биылжауын-шашын").
		ctx.hyphenated = after == '-' && !j.seg.kazakh
		if idx == len(words)-1 && w.end == to {
			next, _ := utf8.DecodeRuneInString(nextWord(text, w.end))
			ctx.beforeCapital = unicode.IsUpper(next)
		}
		out, rule, q := j.token(token, ctx)
		if out == token && q != nil && !j.english && !j.seg.kazakh && contrastNe(text, w, to, q.candidates) {
			out, rule, q = q.candidates[0], "split", nil
		}
		if out == token && j.seg.kazakh && idx == len(words)-1 && w.end == to {
			if split, ok := j.pairConjunction(text, w, token); ok {
				out, rule, q = split, "split", nil
			}
		}
		if out == token && afterNumber(text, w.start) {
			if split, ok := j.unitRunIn(token); ok {
				out, rule, q = split, "split", nil
			} else if split, ok := j.measureRunIn(token); ok {
				out, rule, q = split, "split", nil
			}
		}
		if out == token && before == '-' && idx > 0 && words[idx-1].end+1 == w.start {
			if split, ok := j.hyphenTail(text[words[idx-1].start:words[idx-1].end], token); ok {
				out, rule, q = split, "split", nil
			}
		}
		if out == token && before == '-' && !j.english && hyphenAfterNumber(text, w.start) {
			if split, ok := j.numberEndingRunIn(token); ok {
				out, rule, q = split, "split", nil
			}
		}
		if out == token && !j.english && !j.seg.kazakh && idx == len(words)-1 {
			if split, ok := j.seg.compoundPreposition(token, text, w.end); ok {
				out, rule, q = split, "split", nil
			}
		}
		if out == token && j.seg.kazakh && after == '?' {
			if split, ok := j.seg.questionParticle(token, false); ok {
				out, rule, q = split, "split", nil
			} else if split, ok := j.seg.particleShe(token); ok {
				out, rule, q = split, "split", nil
			}
		}
		if out == token && j.seg.kazakh && idx == len(words)-1 && embeddedQuestion(text, w.end) {
			if split, ok := j.seg.questionParticle(token, true); ok {
				out, rule, q = split, "split", nil
			}
		}
		if out != token {
			es = append(es, edit{start: w.start, end: w.end, after: out, rule: rule})
		}
		if q != nil {
			q.start, q.end = w.start, w.end
			qs = append(qs, *q)
		}
		if idx+1 < len(words) && !j.english && text[w.end:words[idx+1].start] == "—" &&
			spacedDash(token, text[words[idx+1].start:words[idx+1].end]) {
			// "трудно—стороны": Russian and Kazakh set a dash between words apart on both sides.
			es = append(es, edit{start: w.end, end: w.end, after: " ", rule: "punct-space"},
				edit{start: words[idx+1].start, end: words[idx+1].start, after: " ", rule: "punct-space"})
		} else if idx+1 < len(words) && words[idx+1].start > w.end {
			if at, ok := j.between(text, w, words[idx+1], before); ok {
				es = append(es, edit{start: at, end: at, after: " ", rule: j.betweenRule(text[w.end:words[idx+1].start])})
			}
		}
	}
	return es, qs
}

// kazakhQuestionFollowers are the words that follow a Kazakh question inside a sentence: the
// verb of speech or thought that quotes it ("тиімді ме деген сұрақ", "келеді ме екен") and the
// alternative after a comma ("өсе ме, жоқ па", "ма, әлде").
var kazakhQuestionFollowers = setOf("деген", "деп", "дейді", "деді", "екен", "екенін", "екендігін", "жоқ", "әлде")

// nextWord returns the letters of the word that follows end after spaces only, or "".
func nextWord(text string, end int) string {
	rest := text[end:]
	trimmed := strings.TrimLeft(rest, " ")
	if len(trimmed) == len(rest) {
		return ""
	}
	stop := strings.IndexFunc(trimmed, func(r rune) bool { return !unicode.IsLetter(r) })
	if stop < 0 {
		stop = len(trimmed)
	}
	return trimmed[:stop]
}

// embeddedQuestion reports a Kazakh word that ends at end and is followed, after a space or a
// comma and a space, by a word that follows a question: there a question particle may end the
// word as it does before a question mark.
func embeddedQuestion(text string, end int) bool {
	rest := strings.TrimPrefix(text[end:], ",")
	trimmed := strings.TrimLeft(rest, " ")
	if len(trimmed) == len(rest) {
		return false
	}
	stop := strings.IndexFunc(trimmed, func(r rune) bool { return !unicode.IsLetter(r) })
	if stop < 0 {
		stop = len(trimmed)
	}
	return kazakhQuestionFollowers[strings.ToLower(trimmed[:stop])]
}

// spacedDash reports two Cyrillic words written on either side of an em dash that lost its
// spaces: the left one of two letters or more, the right one in lower case. A capital after the
// dash may be a route or a pair of names ("Москва—Пекин"), which some set close.
func spacedDash(left, right string) bool {
	return utf8.RuneCountInString(left) >= 2 && isCyrillicWord(left) && isCyrillicWord(right) &&
		strings.ToLower(right) == right
}

// dashAfterMark finds the place for the space lost before a dash that ends trail, the characters
// after a chunk's last word, when a comma or a closing quote stands before the dash: "»,—", ",—".
func dashAfterMark(trail string) (int, bool) {
	dash, n := utf8.DecodeLastRuneInString(trail)
	if dash != '—' && dash != '–' || n == len(trail) {
		return 0, false
	}
	before, _ := utf8.DecodeLastRuneInString(trail[:len(trail)-n])
	return len(trail) - n, before == ',' || before == '»' || before == '”' || before == '"'
}

// bracketBeforeNumber finds the place for the space lost after a closing bracket that a number
// follows in trail, the characters after a chunk's last word: ")10".
func bracketBeforeNumber(trail string) (int, bool) {
	if len(trail) < 2 || trail[0] != ')' {
		return 0, false
	}
	r, _ := utf8.DecodeRuneInString(trail[1:])
	return 1, unicode.IsDigit(r)
}

// contrastNe reports a Russian word after "не" that the segmenter took for one word with it
// (candidates[0] is "не" and the word) where a contrast with "а" stands around it: "а
// не|китайскими", "не|китайскими, а". Russian writes "не" apart from an adjective or participle
// so contrasted, and together otherwise ("некитайский").
func contrastNe(text string, w span, to int, candidates []string) bool {
	if len(candidates) == 0 {
		return false
	}
	rest, ok := strings.CutPrefix(candidates[0], "не ")
	if !ok || strings.Contains(rest, " ") {
		if rest, ok = strings.CutPrefix(candidates[0], "Не "); !ok || strings.Contains(rest, " ") {
			return false
		}
	}
	before := strings.TrimRight(text[:w.start], " ")
	if strings.HasSuffix(before, " а") || strings.HasSuffix(before, ",а") || strings.HasSuffix(before, "\nа") {
		return true
	}
	return strings.HasPrefix(text[w.end:], ", а ")
}

// pairConjunction splits the Kazakh conjunction "мен/бен/пен" (and) from the word it ran into
// when the next word is followed by "арасында" (between): "Астана|мен Бейжің арасындағы". The
// postposition takes a pair of nouns joined so, where the instrumental ending, which looks the
// same ("Астанамен", with Astana), would leave it one.
func (j *joiner) pairConjunction(text string, w span, token string) (string, bool) {
	next, ok := strings.CutPrefix(text[w.end:], " ")
	if !ok {
		return "", false
	}
	i := strings.IndexByte(next, ' ')
	if i <= 0 || strings.IndexFunc(next[:i], func(r rune) bool { return !isLetter(r) && r != '-' }) >= 0 ||
		!strings.HasPrefix(next[i+1:], "арасында") && !strings.HasPrefix(next[i+1:], "арасы ") {
		return "", false
	}
	lower := strings.ToLower(token)
	for _, c := range []string{"мен", "бен", "пен"} {
		stem, ok := strings.CutSuffix(lower, c)
		if !ok || utf8.RuneCountInString(stem) < 3 {
			continue
		}
		// A name (capitalised) or a word known without the analyser.
		if lower != token || j.seg.lex.firmKazakh(stem) {
			return token[:len(stem)] + " " + token[len(stem):], true
		}
	}
	return "", false
}

// afterNumber reports a word that follows a number across one space: "450 млндолларов".
func afterNumber(text string, at int) bool {
	if at < 2 || text[at-1] != ' ' {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text[:at-1])
	return unicode.IsDigit(r)
}

// englishNumberUnits are the units English writes after a number with a space: "280 km".
var englishNumberUnits = setOf("km", "kg", "mln", "bn", "ha", "kw", "mw", "gw", "sq")

// minUnitTailRunes: the word run into a unit is a word of its own, not an ending.
const minUnitTailRunes = 4

// unitRunIn splits a unit's abbreviation from the word run into it after a number: "450
// млн|долларов", "1,2 млн|сәлемдеме", "280 km|long". The rest must be a word the dictionary
// knows.
func (j *joiner) unitRunIn(token string) (string, bool) {
	lower := strings.ToLower(token)
	if j.seg.lex.isDictWord(lower) && (!j.seg.kazakh || j.seg.lex.inDict(lower)) {
		return "", false // "50 тоннелей" is no "тонн|елей"
	}
	units := numberUnits
	if j.english {
		units = englishNumberUnits
	}
	best := ""
	for u := range units {
		rest, ok := strings.CutPrefix(lower, u)
		if ok && len(u) > len(best) && utf8.RuneCountInString(rest) >= minUnitTailRunes && j.seg.lex.isDictWord(rest) {
			best = u // the longest unit that leaves a word ("тонна|…" before "тонн|а…")
		}
	}
	if best == "" {
		best = multiplierUnit(lower)
	}
	if best == "" {
		return "", false
	}
	return token[:len(best)] + " " + token[len(best):], true
}

// measureRunIn splits a Kazakh noun of time or measure that follows a number from the word run
// into it: "2024 жыл|ынтымақтастық жылы". The word must be one known without the analyser, of
// five letters or more, that begins like no ending, and the token no word: the noun's own
// endings ("жылдарында", "жылынан") are left.
func (j *joiner) measureRunIn(token string) (string, bool) {
	if !j.seg.kazakh || j.seg.lex.firmKazakh(strings.ToLower(token)) {
		return "", false
	}
	lower := strings.ToLower(token)
	best := ""
	for m := range kazakhMeasure {
		rest, ok := strings.CutPrefix(lower, m)
		if !ok || len(m) <= len(best) || utf8.RuneCountInString(m) < 3 || utf8.RuneCountInString(rest) < 5 ||
			kazakhSuffixLike(rest) || kazakhSuffixOnsets[firstThree(rest)] || !j.seg.lex.firmKazakh(rest) {
			continue
		}
		best = m
	}
	if best == "" {
		return "", false
	}
	return token[:len(best)] + " " + token[len(best):], true
}

// multipliers are the abbreviations of thousands, millions and billions that stand between a
// number and its unit: "20 млн т", "3 млрд долл.", "5 тыс. га".
var multipliers = setOf("тыс", "млн", "млрд", "трлн", "мың")

// multiplierUnit returns the multiplier that begins lower when the rest is a unit of measure or
// of money: "млнт" is "млн т", "млрддолл" "млрд долл". After a multiplier a unit of one letter
// ("т" for tonnes) is as clear as a longer one.
func multiplierUnit(lower string) string {
	for m := range multipliers {
		rest, ok := strings.CutPrefix(lower, m)
		if ok && (measureUnits[rest] || rest == "т" || rest == "м" || rest == "долл" || rest == "руб" || rest == "тг") {
			return m
		}
	}
	return ""
}

// hyphenAfterNumber reports a word that follows a number and a hyphen: "300-гежуық".
func hyphenAfterNumber(text string, at int) bool {
	if at < 2 || text[at-1] != '-' {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text[:at-1])
	return unicode.IsDigit(r)
}

// numberEndings are the endings Russian and Kazakh set after a number with a hyphen: Kazakh
// cases ("300-ге", "2020-дан"), Russian ordinals ("1990-х", "5-го").
var numberEndings = map[bool][]string{
	true: byLength(strings.Fields(`ға ге қа ке на не да де та те дан ден тан тен нан нен
		ның нің дың дің тың тің ны ні ды ді ты ті мен бен пен`)),
	false: byLength(strings.Fields(`х м й е я ю го му ми ых ым ые ой ая`)),
}

// numberEndingRunIn splits the word run into the ending of a number: "300-ге|жуық", "1990-х|годах".
// The word must be one the language knows without the analyser, of three letters or more and,
// in Kazakh, no ending itself.
func (j *joiner) numberEndingRunIn(token string) (string, bool) {
	lower := strings.ToLower(token)
	if lower != token {
		return "", false
	}
	for _, e := range numberEndings[j.seg.kazakh] {
		rest, ok := strings.CutPrefix(lower, e)
		if !ok || utf8.RuneCountInString(rest) < 3 {
			continue
		}
		if j.seg.kazakh && (!j.seg.lex.firmKazakh(rest) || kazakhSuffixLike(rest) && !j.seg.lex.isFunction(rest)) ||
			!j.seg.kazakh && (!j.seg.lex.isDictWord(rest) || utf8.RuneCountInString(rest) < 4 && !j.seg.lex.isFunction(rest)) {
			continue
		}
		return e + " " + rest, true
	}
	return "", false
}

// hyphenConnectives are the Kazakh connectives written with a hyphen whose second part is short
// and runs into the next word: "Сондай-ақүкімет" is "Сондай-ақ үкімет".
var hyphenConnectives = setOf("сондай-ақ", "бірде-бір", "әрі-бері")

// hyphenTail splits the part after a hyphen (token) when the part before it (head) and the
// token's first letters make a hyphenated connective and the rest is a word known without the
// analyser: "Сондай-ақ|үкімет".
func (j *joiner) hyphenTail(head, token string) (string, bool) {
	if !j.seg.kazakh {
		return "", false
	}
	lh, lt := strings.ToLower(head), strings.ToLower(token)
	for c := range hyphenConnectives {
		tail, ok := strings.CutPrefix(c, lh+"-")
		if !ok || !strings.HasPrefix(lt, tail) || len(lt) == len(tail) {
			continue
		}
		rest := lt[len(tail):]
		if utf8.RuneCountInString(rest) >= 3 && j.seg.lex.firmKazakh(rest) && !kazakhSuffixLike(rest) {
			return token[:len(tail)] + " " + token[len(tail):], true
		}
	}
	return "", false
}

// wordContext is what the text around a word says about it.
type wordContext struct {
	midSentence bool // a word of the sentence comes before it
	quoted      bool // an opening quotation mark stands right before it: «ТеңізШевройл»
	hyphenated  bool // the first part of a hyphenated word: "казахстанско-китайский"
	// mayStart: the word follows an acronym written with full stops ("U.S.") or the
	// abbreviation that closes a list ("т.б.", "и др."), which end a sentence as often as they
	// stand inside one.
	mayStart bool
	// beforeCapital: the word is the chunk's last and a capitalised word follows it after a
	// space, as a surname follows a given name ("Нигора Каримова", "Aidana Kuatova").
	beforeCapital bool
}

// context reads the text before the word w of the chunk that starts at from.
func (j *joiner) context(text string, from int, w span) wordContext {
	lead := text[from:w.start]
	last, _ := utf8.DecodeLastRuneInString(lead)
	c := wordContext{quoted: j.openers.has(last) && last != utf8.RuneError}
	if strings.IndexFunc(lead, isLetter) >= 0 {
		c.midSentence = true // a word earlier in the same chunk
		return c
	}
	// Back over spaces and opening marks to what ends the text before: nothing, a line break
	// or a sentence's last mark start a sentence; anything else is inside one.
	i := w.start
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if r == '\n' {
			return c
		}
		if r != ' ' && !j.leadMarks.has(r) {
			break
		}
		i -= n
	}
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if !j.closers.has(r) {
			break
		}
		i -= n
	}
	r, n := utf8.DecodeLastRuneInString(text[:i])
	c.midSentence = i > 0 && (!strings.ContainsRune(".?!…:", r) || r == '.' && abbreviationBefore(text[:i-n]))
	c.mayStart = c.midSentence && r == '.' && (dottedAcronym(text[:i-n]) || enumerationEnd(text[:i-n]))
	return c
}

// abbreviationBefore reports text ending in an initial or a short abbreviation, whose full stop
// does not end a sentence: "К.-Ж", "Ш", "им", "г" ("подписал К.-Ж. Токаев", "в 2015 г. Казахстан").
func abbreviationBefore(text string) bool {
	i := strings.LastIndexFunc(text, func(r rune) bool { return r == ' ' || r == '\n' })
	w := text[i+1:]
	letters := 0
	for _, r := range w {
		if isLetter(r) {
			letters++
		}
	}
	return letters > 0 && letters <= 2
}

// dottedAcronym reports text ending in an acronym written with full stops, less its last one:
// "U.S", "E.U".
func dottedAcronym(text string) bool {
	i := strings.LastIndexFunc(text, func(r rune) bool { return r == ' ' || r == '\n' })
	w := text[i+1:]
	return strings.Contains(w, ".") && strings.ToUpper(w) == w && strings.IndexFunc(w, isLetter) >= 0
}

// enumerationEnd reports text ending in a Russian or Kazakh abbreviation that closes a list, less
// its last full stop: "т.б" (и т.б.), "т.д", "т.п", "др".
func enumerationEnd(text string) bool {
	i := strings.LastIndexFunc(text, func(r rune) bool { return r == ' ' || r == '\n' })
	switch text[i+1:] {
	case "т.б", "т.д", "т.п", "др":
		return true
	}
	return false
}

// afterPunctuation finds a space lost after punctuation before the first word w of a chunk that
// starts at from: "8%,while", "in 2023.The", "—деді".
func (j *joiner) afterPunctuation(text string, from int, w span) (int, bool) {
	lead := text[from:w.start]
	word := text[w.start:w.end]
	if isDashOnly(lead) {
		return w.start, true
	}
	if lead == "%" {
		return w.start, true // "40 %внешнего": the sign set apart from its number
	}
	mark, n := utf8.DecodeLastRuneInString(lead)
	before, _ := utf8.DecodeLastRuneInString(lead[:len(lead)-n])
	if n == len(lead) || isLetter(before) {
		return 0, false
	}
	if mark == '.' && unicode.IsDigit(before) && utf8.RuneCountInString(word) >= 3 && strings.ToLower(word) == word &&
		strings.TrimLeft(lead[:len(lead)-n], "0123456789") == "" {
		return w.start, true // a list's number: "1.разбиение", "3.словарные"
	}
	switch mark {
	case ',', ';':
		return w.start, true // "8%,while", "(2023);the"
	case '%':
		return w.start, unicode.IsDigit(before) // "15%участников", "30%of"
	case ')':
		// "(completed in 2012)can": a bracket that closes on a number, then a word. A bracket
		// closed on a letter is a plural's ("document(s)"), and stays.
		return w.start, unicode.IsDigit(before) && utf8.RuneCountInString(word) >= 2
	case '.':
		// "in 2023.The": a year or count, then a capitalised word.
		rs := []rune(word)
		return w.start, len(rs) >= 2 && (unicode.IsDigit(before) || before == '%' || before == ')') && unicode.IsUpper(rs[0]) &&
			strings.ToLower(string(rs[1:])) == string(rs[1:])
	}
	return 0, false
}

// abbreviation reports an abbreviation of the sentence rules of the joiner's language.
func (j *joiner) abbreviation(w string) bool { return text.IsAbbreviation(j.lang(), w) }

// lang is the joiner's language.
func (j *joiner) lang() pipeline.Lang {
	switch {
	case j.english:
		return pipeline.English
	case j.seg.kazakh:
		return pipeline.Kazakh
	}
	return pipeline.Russian
}

// dottedBefore returns the letters and inner full stops that end at end: the abbreviation
// "т.е" of "(т.е", "см" of "(см".
func dottedBefore(s string, end int) string {
	i := end
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !isLetter(r) && r != '.' {
			break
		}
		i -= n
	}
	return strings.TrimLeft(s[i:end], ".")
}

// isDashOnly reports a dash alone: "—", "–".
func isDashOnly(s string) bool { return s == "—" || s == "–" }

func (j *joiner) betweenRule(gap string) string {
	if strings.ContainsAny(gap, j.quoteMarks) {
		return "quote-space"
	}
	return "punct-space"
}

// between decides whether the characters between two words of a chunk lost a space, and where
// it goes: "the“Central", "Dialogue”format", "countries,and", "countries.The".
func (j *joiner) between(text string, a, b span, beforeA rune) (int, bool) {
	gap := text[a.end:b.start]
	first, size := utf8.DecodeRuneInString(gap)
	right := text[b.start:b.end]
	rr := []rune(right)
	capitalWord := len(rr) >= 2 && unicode.IsUpper(rr[0]) && strings.ToLower(string(rr[1:])) == string(rr[1:])
	if utf8.RuneCountInString(gap) == 2 && (first == ')' || strings.ContainsRune(j.closing, first)) {
		// "(14-бет),несие", "«Самрук»;затем": a comma or semicolon after a closing bracket or
		// quote takes its space before the next word, and so does a sentence's end before a
		// capitalised one ("(рис. 3).Её").
		second, _ := utf8.DecodeRuneInString(gap[size:])
		return b.start, second == ',' || second == ';' || strings.ContainsRune(".?!…", second) && capitalWord
	}
	if (gap == "..." || gap == "?!" || gap == "!?" || gap == "?.." || gap == "!..") && capitalWord {
		return b.start, true // "всегда...Теперь", "ошибка?!Никто"
	}
	if last, _ := utf8.DecodeLastRuneInString(gap); strings.ContainsRune(j.closing, last) &&
		!strings.ContainsAny(gap, j.opening) && utf8.RuneCountInString(gap) > 1 {
		return b.start, true // "«Душанбе-2»в", "«Форум-2023»прошёл"
	}
	if (gap == "." || gap == "?" || gap == "!") && !j.english && len(rr) == 1 && unicode.IsUpper(rr[0]) &&
		j.seg.lex.isFunction(strings.ToLower(right)) &&
		(gap != "." || utf8.RuneCountInString(text[a.start:a.end]) >= 2 || j.abbreviation(dottedBefore(text, a.end))) &&
		!strings.HasPrefix(text[b.end:], ".") {
		return b.start, true // "России.В", "т.д.В", "больница?В": a preposition begins the next sentence
	}
	if utf8.RuneCountInString(gap) == 2 && strings.ContainsRune(".?!", first) && capitalWord {
		// "said.“Everyone", "басқарушысы.«Бәрі": a sentence ends, and a quotation opens the
		// next, after a lower-case word that is no abbreviation.
		second, _ := utf8.DecodeRuneInString(gap[size:])
		left := text[a.start:a.end]
		if strings.ContainsRune(j.opening, second) && utf8.RuneCountInString(left) >= 3 && strings.ToLower(left) == left &&
			(first != '.' || !j.abbreviation(dottedBefore(text, a.end))) {
			return a.end + size, true
		}
	}
	if utf8.RuneCountInString(gap) == 2 && strings.ContainsRune(",:;.?!", first) {
		// "said:“We", "Министр:«Біз": the space after the punctuation; "ready,”he": after the
		// closing quote.
		second, _ := utf8.DecodeRuneInString(gap[size:])
		switch {
		case strings.ContainsRune(j.opening, second) && first != '.' && first != '?' && first != '!':
			return a.end + size, true
		case strings.ContainsRune(j.closing, second):
			return b.start, true
		}
		return 0, false
	}
	if utf8.RuneCountInString(gap) != 1 {
		return 0, false
	}
	left, right := text[a.start:a.end], text[b.start:b.end]
	switch {
	case strings.ContainsRune(j.opening, first):
		return a.end, true
	case first == '(':
		// "system(if": a parenthesis opened after a word; "document(s)" is a plural marker.
		return a.end, utf8.RuneCountInString(right) >= 3 && utf8.RuneCountInString(left) >= 2
	case first == ')':
		// A Russian or Kazakh preposition or conjunction of one letter too: "компании)и".
		return b.start, utf8.RuneCountInString(right) >= 2 ||
			!j.english && strings.ToLower(right) == right && isCyrillicWord(right) && j.seg.lex.isFunction(right)
	case first == ':':
		// "said:we", "Автор:Айгерим", "Источник:национальные".
		return b.start, utf8.RuneCountInString(left) >= 3 && utf8.RuneCountInString(right) >= 2
	case strings.ContainsRune(j.closing, first), first == ',' || first == ';':
		return b.start, true
	case first == '.' || first == '?' || first == '!' || first == '…':
		// "e.g.", "U.S.", "Mr.Smith", "St.Petersburg" are not sentence ends to split; a
		// capitalised word of three letters or more ("License.If") is.
		lr := []rune(left)
		capitalised := len(lr) >= 3 && unicode.IsUpper(lr[0]) && strings.ToLower(string(lr[1:])) == string(lr[1:])
		// A full stop before a capitalised word of three letters or more takes a space whatever
		// it ends: a sentence, an abbreviation or an initial ("г.Алматы", "2024 г.Работы",
		// "Mr.Smith", "В.Путин", "U.S.Treasury", "ВВП.Эксперты"). Only a run of initials
		// ("А.С.") is written either way and stays.
		// After a known abbreviation a closed-class word of one or two letters does too ("тыс.в
		// год", "т.е.в итоге", "a.m.on"), unless it is a single letter of an abbreviation of
		// initials ("т.к.", "и.о."): a full stop follows that.
		short := utf8.RuneCountInString(right) <= 2 && strings.ToLower(right) == right && j.seg.lex.isFunction(right) &&
			!strings.HasPrefix(text[b.end:], ".")
		abbreviation := first == '.' && (utf8.RuneCountInString(right) >= 3 ||
			short && (beforeA == '.' || utf8.RuneCountInString(left) >= 2) && j.abbreviation(dottedBefore(text, a.end)))
		if !abbreviation && (beforeA == '.' || len(lr) < 2 || strings.ToLower(left) != left && !capitalised) {
			return 0, false
		}
		rs := []rune(right)
		// So does a title contracted with a hyphen after a lower-case word that is no
		// abbreviation: "банка.Г-жа", "отчёт.Д-р".
		if first == '.' && len(rs) == 1 && unicode.IsUpper(rs[0]) && hyphenContraction(text[b.end:]) &&
			strings.ToLower(left) == left && len(lr) >= 3 && !j.abbreviation(dottedBefore(text, a.end)) {
			return b.start, true
		}
		// After an abbreviation of the language's sentence rules any word takes a space:
		// "см.таблицу", "тыс.рабочих", "т.е.какой", "e.g.the".
		if abbreviation && strings.ToLower(right) == right && j.abbreviation(dottedBefore(text, a.end)) {
			return b.start, true
		}
		// So does an acronym after a unit's abbreviation: "долл.США".
		if abbreviation && utf8.RuneCountInString(right) >= 2 && strings.ToUpper(right) == right &&
			utf8.RuneCountInString(left) >= 2 && j.abbreviation(dottedBefore(text, a.end)) {
			return b.start, true
		}
		if len(rs) < 2 || !unicode.IsUpper(rs[0]) || strings.ToLower(string(rs[1:])) != string(rs[1:]) {
			return 0, false
		}
		return b.start, true
	}
	return 0, false
}

// numberEdits splits a common word from a year it ran into: "in2023", "2023with".
//
// A capitalised word is a sentence's first ("В2024", "In2022") or a name's, and is split off a
// number only when it is a common word; acronyms and mixed case ("2ГИС", "A320") stay.
func (j *joiner) numberEdits(text string, w span, from, to int) []edit {
	word := text[w.start:w.end]
	if at, ok := j.unitAfterNumber(text, w, from, to); ok {
		return []edit{{start: at, end: at, after: " ", rule: "split-number"}}
	}
	if at, ok := j.ordinalRunIn(text, w, from); ok {
		return []edit{{start: at, end: at, after: " ", rule: "split-number"}}
	}
	lower := strings.ToLower(word)
	capitalised := lower != word && titleCase(lower) == word
	if lower != word && !capitalised || !j.common(lower) {
		return nil
	}
	year := isYear(text, w.end, to, true) && (!capitalised || !j.english || englishLeading[lower])
	if year || j.cyrillicBeforeNumber(text, w, to) || j.englishBeforeNumber(text, w, to) {
		return []edit{{start: w.end, end: w.end, after: " ", rule: "split-number"}}
	}
	if !capitalised && utf8.RuneCountInString(word) >= 3 && isYear(text, from, w.start, false) ||
		j.cyrillicAfterNumber(text, w, from) || !capitalised && j.englishAfterNumber(text, w, from) {
		return []edit{{start: w.start, end: w.start, after: " ", rule: "split-number"}}
	}
	return nil
}

// measureUnits are the units of measure that follow a number after a space in the typography of
// each language ("1435 мм", "20 км", "1,435 mm"; the SI sets them so). Units of one letter are
// left out: "5m" and "$2bn" are English ways of writing millions and billions, and a letter after
// a number is as often a grade or a model ("5G", "Т-34").
var measureUnits = setOf("мм", "см", "дм", "км", "кг", "мг", "мл", "га", "квт", "мвт", "гвт", "твт",
	"mm", "cm", "km", "kg", "mg", "ml", "kw", "mw", "gw")

// unitAfterNumber finds the place for the space lost between a number and the unit of measure
// that ends the chunk after it, or only a full stop or comma follows: "за 20км.", "1435мм,".
// A unit with a power ("км2") or a word run on ("20кмот") is left to the other rules.
func (j *joiner) unitAfterNumber(text string, w span, from, to int) (int, bool) {
	before, _ := utf8.DecodeLastRuneInString(text[from:w.start])
	next, _ := utf8.DecodeRuneInString(text[w.end:to])
	unit := text[w.start:w.end]
	if !unicode.IsDigit(before) || isLetter(next) || unicode.IsDigit(next) {
		return 0, false
	}
	if !measureUnits[strings.ToLower(unit)] && !j.letterUnit(text[from:w.start], unit) {
		return 0, false
	}
	// Russian and Kazakh write these units in Cyrillic letters, English in Latin ones.
	if isCyrillicWord(text[w.start:w.end]) == j.english {
		return 0, false
	}
	return w.start, true
}

// letterUnit reports a Russian or Kazakh unit of one letter after the number that ends lead: "м"
// (metres), "т" (tonnes), "л" (litres) after any number, and "г"/"ж" (year) after a year only,
// since "5г" may name a school class.
func (j *joiner) letterUnit(lead, unit string) bool {
	if j.english {
		return false
	}
	switch unit {
	case "м", "т", "л":
		return true
	case "г", "ж":
		return isYear(lead, 0, len(lead), false) && (unit == "г") != j.seg.kazakh
	}
	return false
}

// punctuationBeforeNumber finds the place for a space lost between a comma, semicolon, colon or
// full stop that follows a word and the number after it.
func punctuationBeforeNumber(text string, end, to int) (int, bool) {
	if end+1 >= to || !strings.ContainsRune(",;:.", rune(text[end])) {
		return 0, false
	}
	r, _ := utf8.DecodeRuneInString(text[end+1 : to])
	return end + 1, unicode.IsDigit(r)
}

// englishBeforeNumber reports an English closed-class word of two letters or more run into the
// number after it: "at5", "than500,000", "about40%", "By2020"; or a dictionary word of four
// letters or more run into a number of parts joined by full stops, a version's or a section's
// ("Version2.4.1", "section3.2"), which no name or model is written onto.
func (j *joiner) englishBeforeNumber(text string, w span, to int) bool {
	lower := strings.ToLower(text[w.start:w.end])
	if !j.english {
		return false
	}
	if utf8.RuneCountInString(lower) >= 4 && j.seg.lex.isDictWord(lower) && !j.seg.lex.counts[lower].name &&
		dottedNumber(text[w.end:to]) {
		return true
	}
	if utf8.RuneCountInString(lower) < 2 || !englishFunction[lower] && !englishLeading[lower] ||
		lower == "am" || lower == "no" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[w.end:to])
	return unicode.IsDigit(r)
}

// dottedNumber reports text that begins with two or more numbers joined by full stops: "2.4.1",
// "3.2". A decimal in English is written so too, and a word runs into one no more often.
func dottedNumber(s string) bool {
	parts := 0
	for {
		i := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == 0 {
			return false
		}
		parts++
		s = s[i:]
		if len(s) < 2 || s[0] != '.' || s[1] < '0' || s[1] > '9' {
			return parts >= 2
		}
		s = s[1:]
	}
}

// englishAfterNumber reports an English word of three letters or more run into the number
// before it: "480,000containers", "18per cent", "850million". Ordinals ("3rd"), decades ("1990s")
// and units written on ("10km", "5kWh") are shorter or no words of the dictionary.
func (j *joiner) englishAfterNumber(text string, w span, from int) bool {
	word := text[w.start:w.end]
	// Of two letters only a closed-class word: "2024it", "211of"; "10am", "3rd" stay.
	short := utf8.RuneCountInString(word) == 2 && englishFunction[word] && word != "am"
	if !j.english || utf8.RuneCountInString(word) < 3 && !short || englishUnits[word] ||
		!j.seg.lex.isDictWord(word) && !englishFunction[word] {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text[from:w.start])
	return unicode.IsDigit(r)
}

// englishUnits are the units English writes onto a number, which happen to be words too.
var englishUnits = setOf("kwh", "mwh", "gwh", "twh", "mph", "kph", "bps", "lbs", "sqm", "kmh")

// numberUnits are the abbreviations of quantities and currencies that Russian and Kazakh write
// after a number with a space ("1,2 млн", "850 млн", "15 км"): run into the number they lost it.
var numberUnits = setOf("млн", "млрд", "трлн", "тыс", "км", "кг", "га", "тонн", "тонна", "тонны", "руб",
	"долл", "мың", "теңге", "тенге", "юаней", "юань", "сом", "евро")

// cyrillicBeforeNumber reports a Russian or Kazakh word run into any number after it: "создано500".
// These languages join no word to a number: units and endings follow it with a hyphen or a space.
func (j *joiner) cyrillicBeforeNumber(text string, w span, to int) bool {
	word := strings.ToLower(text[w.start:w.end])
	// Units of two letters take their power so: "км2", "см3".
	if j.english || !isCyrillicWord(word) || utf8.RuneCountInString(word) < 3 && !j.seg.lex.isFunction(word) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[w.end:to])
	return unicode.IsDigit(r)
}

// cyrillicAfterNumber reports a Russian or Kazakh word of four letters or more run into a number
// before it ("500рабочих", "2020жылдан"), or a unit these languages set apart ("850млн"); a
// shorter tail is an ending ("3000нан"), and a Kazakh one that begins like an ending is the
// number's own. A shorter word is one when it is no ending a number takes: a closed-class word
// ("10.30по") or a noun known without the analyser ("18лет", "20жыл").
func (j *joiner) cyrillicAfterNumber(text string, w span, from int) bool {
	word := text[w.start:w.end]
	if j.english || !isCyrillicWord(word) {
		return false
	}
	word = strings.ToLower(word)
	if !numberUnits[word] && (utf8.RuneCountInString(word) < 4 || !j.seg.lex.isDictWord(word) ||
		j.seg.kazakh && kazakhSuffixLike(word)) && !j.shortAfterNumber(word) {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text[from:w.start])
	return unicode.IsDigit(r)
}

// shortAfterNumber reports a Russian or Kazakh word of two or three letters that is no ending
// of a number written without its hyphen ("5го", "2020да", "3000нан"): a closed-class word of
// two letters or more, or a word of three the dictionary lists as a stem of its own.
func (j *joiner) shortAfterNumber(word string) bool {
	n := utf8.RuneCountInString(word)
	if n < 2 || n > 3 || slices.Contains(numberEndings[j.seg.kazakh], word) || russianCaseEndings[word] ||
		!j.seg.kazakh && russianNumberAdjective[word] {
		return false
	}
	if j.seg.kazakh && (kazakhSuffixOnsets[word] || slices.Contains(kazakhCaseEndings, word) || endingAfterVowel(word)) {
		return false
	}
	if j.seg.lex.isFunction(word) {
		return true
	}
	if n != 3 {
		return false
	}
	if j.seg.kazakh {
		return j.seg.lex.firmKazakh(word) && j.seg.lex.dict.IsStem(word)
	}
	return j.seg.lex.dict.ValidMinStem(word, minStem) && j.seg.lex.isDictWord(word)
}

// russianNumberAdjective are the adjective endings that "90-их", "2-ой", "3-ему" take, which a
// number written without its hyphen keeps; some are words too ("ему", "его").
var russianNumberAdjective = setOf("их", "ий", "ый", "ое", "ее", "ие", "ая", "ья", "ье", "ей", "ую", "юю",
	"ого", "его", "ому", "ему", "ыми", "ими", "ьих", "ьей", "ьим")

// ordinalRunIn finds the word run into an English ordinal written in figures: "4thcentury" is
// "4th century". The suffix must be the one the number takes, and the rest a dictionary word of
// three letters or more in lower case.
func (j *joiner) ordinalRunIn(text string, w span, from int) (int, bool) {
	if !j.english {
		return 0, false
	}
	digits := strings.TrimRightFunc(text[from:w.start], unicode.IsDigit)
	num := text[from+len(digits) : w.start]
	word := text[w.start:w.end]
	if num == "" || len(word) < 5 || strings.ToLower(word) != word {
		return 0, false
	}
	suffix := "th"
	if len(num) < 2 || num[len(num)-2] != '1' {
		switch num[len(num)-1] {
		case '1':
			suffix = "st"
		case '2':
			suffix = "nd"
		case '3':
			suffix = "rd"
		}
	}
	rest, ok := strings.CutPrefix(word, suffix)
	if !ok || len(rest) < 3 || !j.seg.lex.isDictWord(rest) {
		return 0, false
	}
	return w.start + len(suffix), true
}

// isYear reports whether exactly four digits, 1000 to 2099, follow at (forward) or end at (back).
func isYear(text string, a, b int, forward bool) bool {
	s := text[a:b]
	var digits string
	if forward {
		i := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		digits = s[:i]
		if i < len(s) && (s[i] == ',' && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9') {
			return false
		}
	} else {
		i := len(s)
		for i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
			i--
		}
		digits = s[i:]
		if i > 0 && (s[i-1] == '.' || s[i-1] == ',') {
			return false
		}
	}
	return len(digits) == 4 && (digits[0] == '1' || digits[:2] == "20")
}

// common reports whether a lower-case word is frequent enough to be trusted as the left side of a
// split at a change of case.
func (j *joiner) common(w string) bool {
	l := j.seg.lex
	if l.isFunction(w) {
		return true
	}
	if utf8.RuneCountInString(w) < 3 {
		return false
	}
	if j.english {
		return l.count(w) >= 500 || l.isDictWord(w) && j.seg.voc.lower[w] > 0
	}
	// The Russian and Kazakh dictionaries list every inflected form, and a lower-case word
	// before a capital inside one token is not a brand in these languages.
	return l.isDictWord(w)
}

// token repairs one word span. It returns the span's new text, the rule, and a question when
// the span was left alone but looks damaged.
func (j *joiner) token(t string, ctx wordContext) (string, string, *question) {
	i := indexApostrophe(t)
	if i < 0 {
		return j.word(t, ctx)
	}
	head, rest := t[:i], t[i:]
	out, rule, q := j.word(head, ctx)
	if q != nil {
		q = nil // the offsets would not match the whole span
	}
	if strings.Count(rest, "'")+strings.Count(rest, "’") == 1 {
		_, n := utf8.DecodeRuneInString(rest)
		mark, tail := rest[:n], rest[n:]
		if j.english || isLatinWord(head) && isLatinWord(tail) {
			// An English name or possessive inside Russian or Kazakh text follows English
			// typography: "Lloyd’sRegister".
			if newTail, ok := j.apostropheTail(head, tail); ok {
				return out + mark + newTail, "split-apostrophe", nil
			}
			if !j.english {
				return out + rest, rule, q
			}
			if newTail, ok := j.latinApostropheName(head, tail); ok {
				return out + mark + newTail, "split-apostrophe", nil
			}
		} else if newTail, ok := j.possessiveScript(head, tail); ok {
			return out + mark + newTail, "split-apostrophe", nil
		} else if newTail, ok := j.apostropheName(head, tail); ok {
			return out + mark + newTail, "split-apostrophe", nil
		} else if isLatinWord(head) {
			// "L’Oréalисчезла": a Latin name written with an apostrophe, then a word of the
			// language in Cyrillic.
			if newTail, ok := j.scriptSplit([]rune(tail)); ok {
				return out + mark + newTail, "split-apostrophe", nil
			}
		}
	}
	return out + rest, rule, q
}

// indexApostrophe is strings.IndexAny(t, "'’") by two searches for bytes, which are faster.
func indexApostrophe(t string) int {
	i := strings.IndexByte(t, '\'')
	if k := strings.Index(t, "’"); k >= 0 && (i < 0 || k < i) {
		return k
	}
	return i
}

// apostropheTail splits what follows an apostrophe when a word ran into it: "’sleading" becomes
// "’s leading", and after a plural "countries’leading" becomes "countries’ leading".
func (j *joiner) apostropheTail(head, tail string) (string, bool) {
	if out, ok := j.capitalTail(head, tail); ok {
		return out, true
	}
	lt := strings.ToLower(tail)
	if lt != tail || lt == "" {
		return "", false // "O’Brien", "d’Artagnan"
	}
	for _, c := range contractions {
		if lt == c {
			return "", false
		}
	}
	plainWord := func(w string) bool {
		pc, ok := j.seg.pieceCost(w)
		return ok && j.seg.lex.isDictWord(w) && pc < 16
	}
	if strings.HasSuffix(strings.ToLower(head), "s") && plainWord(lt) {
		return " " + tail, true
	}
	for _, c := range contractions {
		rest, ok := strings.CutPrefix(lt, c) // "rock’n": a tail shorter than the contraction
		// The article after "it’s", "that’s": "It’sa long-term partnership".
		if ok && (utf8.RuneCountInString(rest) >= 2 && plainWord(rest) || c == "s" && rest == "a") {
			return tail[:len(c)] + " " + tail[len(c):], true
		}
	}
	return "", false
}

// latinApostropheName splits an English word from the Irish, French or Italian name written with
// an apostrophe that it ran into ("O’Brienfound", "D’Amicosaid"): the name is capitalised after
// one or two letters, and a common lower-case word of four letters or more ends the token,
// leaving the name four letters or more with a vowel ("O’Carroll" is no "O’Car" and "roll"). The
// longest such word is taken.
func (j *joiner) latinApostropheName(head, tail string) (string, bool) {
	rs := []rune(tail)
	if utf8.RuneCountInString(head) > 2 || !unicode.IsUpper([]rune(head)[0]) || len(rs) < 7 || !unicode.IsUpper(rs[0]) ||
		strings.ToLower(string(rs[1:])) != string(rs[1:]) {
		return "", false
	}
	for at := 4; at <= len(rs)-4; at++ {
		name, w := string(rs[:at]), string(rs[at:])
		if j.plainWord(w) && !j.seg.lex.isNameOnly(w) && strings.ContainsAny(strings.ToLower(name), "aeiouy") {
			return name + " " + w, true
		}
	}
	return "", false
}

// apostropheName splits a Russian or Kazakh word from the foreign name before it that is
// written with an apostrophe ("О’Коннорсчитает", "д’Эстенніңбаяндамасы"): the name is
// capitalised after one or two letters, and the longest word of the language that ends the
// token leaves the name three letters or more.
func (j *joiner) apostropheName(head, tail string) (string, bool) {
	rs := []rune(tail)
	if utf8.RuneCountInString(head) > 2 || len(rs) < 7 || !unicode.IsUpper(rs[0]) ||
		strings.ToLower(string(rs[1:])) != string(rs[1:]) || !isCyrillicWord(tail) {
		return "", false
	}
	for at := 3; at <= len(rs)-4; at++ {
		w := string(rs[at:])
		if !j.seg.lex.isDictWord(w) {
			continue
		}
		// A Russian word of four letters is too often the name's case ending and a piece of it
		// ("О’Бра|йену"); a Kazakh word must have a stem of four letters or more, so that the
		// name's own endings do not read as one ("О’Конн|ордың").
		if !j.seg.kazakh && len(rs)-at < 5 || j.seg.kazakh && !j.seg.longStem(w) && !harmonyBreak(string(rs[:at]), w) {
			continue
		}
		// A vowel before an ending may be the name's last letter: "Д’Алессандроның" is the
		// genitive "-ның" of "Алессандро", not "Алессандр" and "оның".
		if v, n := utf8.DecodeRuneInString(w); j.seg.kazakh && isVowel(v) && endingAfterVowel(w[n:]) && !harmonyBreak(string(rs[:at]), w) {
			continue
		}
		return string(rs[:at]) + " " + w, true
	}
	if !j.seg.kazakh {
		return "", false
	}
	// A Kazakh word of three letters or more that begins with a vowel the name's last vowel
	// does not admit: "Д’Алессандро|екі", "О’Коннор|істен". The analyser need not read it.
	for at := 3; at <= len(rs)-3; at++ {
		w := string(rs[at:])
		if harmonyBreak(string(rs[:at]), w) && j.seg.lex.firmKazakh(w) {
			return string(rs[:at]) + " " + w, true
		}
	}
	return "", false
}

// endingAfterVowel reports a Kazakh case, possessive or plural ending that follows a stem ending
// in a vowel: "ның", "ға", "дан", "сы", "лар".
func endingAfterVowel(w string) bool {
	return slices.Contains(kazakhCaseEndings, w) || slices.Contains([]string{"ны", "ні", "сы", "сі", "мен", "лар", "лер"}, w)
}

// harmonyBreak reports a Kazakh word w that begins with a vowel whose row (back а, о, ұ, ы or
// front ә, ө, ү, і, е) differs from that of the last vowel of name: an ending takes its vowels
// from the word it follows, so w is no ending of name but a word of its own.
func harmonyBreak(name, w string) bool {
	first, _ := utf8.DecodeRuneInString(w)
	last := rune(0)
	for _, r := range name {
		if isVowel(r) {
			last = unicode.ToLower(r)
		}
	}
	back, front := "аоұыя", "әөүіе"
	return strings.ContainsRune(back, last) && strings.ContainsRune(front, first) ||
		strings.ContainsRune(front, last) && strings.ContainsRune(back, first)
}

// capitalTail splits a capitalised word from the apostrophe it ran into: "China’sForeign"
// becomes "China’s Foreign" and "countries’Leading" becomes "countries’ Leading". A name that
// starts with an apostrophe ("O’Brien", "d’Estaing") has no contraction or plural before it.
func (j *joiner) capitalTail(head, tail string) (string, bool) {
	rs := []rune(tail)
	at := -1
	for i := 1; i < len(rs); i++ {
		if unicode.IsUpper(rs[i]) && unicode.IsLower(rs[i-1]) {
			at = i
			break
		}
	}
	if at < 0 {
		if len(rs) >= 3 && unicode.IsUpper(rs[0]) && strings.HasSuffix(head, "s") &&
			utf8.RuneCountInString(head) >= 3 && j.capitalPart(tail, false) {
			return " " + tail, true // "countries’Leading"
		}
		return "", false
	}
	c := strings.ToLower(string(rs[:at]))
	right := string(rs[at:])
	if !slices.Contains(contractions, c) {
		return "", false
	}
	// After a possessive any capitalised word is a name run into it ("Tajikistan’sRogun"): no
	// word has "’sX" inside it.
	possessive := c == "s" && len(rs)-at >= 2 && strings.ToLower(string(rs[at+1:])) == string(rs[at+1:])
	if !possessive && !j.capitalPart(right, false) {
		return "", false
	}
	return string(rs[:at]) + " " + right, true
}

// word repairs a span of letters only.
func (j *joiner) word(w string, ctx wordContext) (string, string, *question) {
	rs := []rune(w)
	if len(rs) < 2 {
		return w, "", nil
	}
	if out, ok := j.scriptSplit(rs); ok {
		return out, "split", nil
	}
	var bounds []int // rune indexes where a lower-case letter is followed by an upper-case one
	uppers := 0
	for i, r := range rs {
		if unicode.IsUpper(r) {
			uppers++
			if i > 0 && unicode.IsLower(rs[i-1]) {
				bounds = append(bounds, i)
			}
		}
	}
	switch {
	case uppers == len(rs) && len(rs) >= 6 && j.english:
		// Capitals throughout, as in headings and disclaimers: "APARTICULAR". Acronyms are
		// shorter and do not read as words.
		if v := j.seg.decide(titleCase(strings.ToLower(w))); v.split != nil {
			return strings.ToUpper(strings.Join(v.split, " ")), "split", nil
		}
		return w, "", nil
	case uppers == 1 && unicode.IsUpper(rs[0]) && (ctx.midSentence || ctx.quoted) && !j.english:
		// Inside a sentence or in quotes a capitalised Russian or Kazakh word is a name
		// ("Токаев", «Росатом»), and names are not split into the words they happen to contain,
		// unless the article writes the name alone: "Токаевзаявил" beside "Токаев".
		// Nor when what follows the name is a word no name is made with: "Казахстан|провёл",
		// "Қытай|арасында".
		// A Kazakh name in its case ends there too: "Еуропадағы|сұраныстың". After the
		// abbreviation that closes a list the word may begin a sentence: "т.б. Сұраныс|ұсыныстан".
		if v := j.seg.decide(w); v.split != nil && !feminineEnding(v.split) && (j.seg.voc.forms[v.split[0]] > 0 && !j.seg.lex.isFunction(strings.ToLower(v.split[0])) || ctx.mayStart ||
			j.seg.kazakh && j.seg.locativeParticle(strings.ToLower(w)) > 0 ||
			j.seg.kazakh && len(v.split) == 2 && !j.seg.lex.isDictWord(strings.ToLower(w)) && j.seg.possessorName(lowerAll(v.split)) ||
			j.seg.lex.isDictWord(strings.ToLower(v.split[0])) && j.seg.afterName(lowerAll(v.split)) ||
			j.seg.kazakh && len(v.split) == 2 && j.seg.caseBeforeWord(strings.ToLower(v.split[0]), v.split[1], j.seg.lex.isDictWord(strings.ToLower(w))) ||
			len(v.split) == 2 && j.seg.surnameBeforeVerb(strings.ToLower(w)) > 0 ||
			!j.seg.kazakh && j.adjectiveBeforeNoun(v.split)) {
			return strings.Join(v.split, " "), "split", nil
		}
		return w, "", nil
	case uppers == 1 && unicode.IsUpper(rs[0]) && ctx.midSentence && j.english:
		// Inside an English sentence a capital marks a name: "Wildberries" is a brand, not
		// "Wild berries". A name the article writes alone ("Astana|lies"), a closed-class word
		// after it ("Kazakhstan|and"), a plural or verb after a word that is only a name
		// ("Korean|rivals", "Beijing|signed"), or a verb after a surname ("Tokayev|said") is
		// split off.
		// After an acronym that may end the sentence before, the word may begin the next:
		// "the U.S. Chinasupplies". A word before a verb in the past is no name made with it:
		// "Commission|resumed".
		v := j.seg.decide(w)
		if v.split != nil && !feminineEnding(v.split) && (j.seg.voc.forms[v.split[0]] > 0 || allFunction(lowerAll(v.split[1:]), j.seg.lex) ||
			j.seg.englishNameJoin(lowerAll(v.split)) || len(v.split) == 2 && j.seg.surnameBeforeVerb(strings.ToLower(w)) > 0 ||
			ctx.mayStart || j.seg.englishBeforePast(lowerAll(v.split))) {
			return strings.Join(v.split, " "), "split", nil
		}
		return w, "", nil
	case ctx.hyphenated && (uppers == 0 || uppers == 1 && unicode.IsUpper(rs[0])):
		// The parts of a hyphenated word are its own ("казахстанско-китайский",
		// "волоконно-оптический"), not words to split further; but an English auxiliary verb
		// may have run into the first ("are|state-owned"): a predicate follows it, and no
		// compound begins with one. (Prepositions do begin some: "in-house", "on-site".)
		// So may a number word or an article ("six|narrow-body", "a|long-term"), which no
		// compound begins with either, also before a prefix of compounds ("two|co-arbitrators").
		if j.english && uppers == 0 {
			if v := j.seg.decide(w); len(v.split) == 2 && (englishAuxiliary[v.split[0]] || englishCountWords[v.split[0]]) &&
				utf8.RuneCountInString(v.split[1]) >= 4 {
				return strings.Join(v.split, " "), "split", nil
			}
			for c := range englishCountWords {
				if rest, ok := strings.CutPrefix(w, c); ok && englishCompoundPrefixes[rest] && j.seg.lex.count(w) == 0 {
					return c + " " + rest, "split", nil
				}
			}
		}
		return w, "", nil
	case uppers == 0 || uppers == 1 && unicode.IsUpper(rs[0]):
		v := j.seg.decide(w)
		if v.split != nil && uppers == 1 && ctx.beforeCapital && j.givenName(v.split) {
			return w, "", nil
		}
		if v.split != nil {
			return strings.Join(v.split, " "), "split", nil
		}
		if v.reason != "" {
			return w, "", &question{token: w, candidates: slices.Clone(v.candidates), reason: v.reason}
		}
		return w, "", nil
	case ctx.quoted && unicode.IsUpper(rs[0]):
		return w, "", nil // a name in quotes: «ТеңізШевройл», “PetroKazakhstan”
	default:
		if j.english && !ctx.midSentence && !ctx.quoted && rs[0] == 'A' && j.articleBeforeName(rs[1:]) {
			return "A " + string(rs[1:]), "split-case", nil
		}
		if out, ok := j.boundSplit(rs, bounds); ok {
			return out, "split-case", nil
		}
		if out, ok := j.acronymTail(rs); ok && len(bounds) == 0 {
			return out, "split-case", nil
		}
		if unicode.IsUpper(rs[0]) {
			if out, ok := j.titleSplit(rs); ok {
				return out, "split-case", nil
			}
		}
	}
	return w, "", nil // CamelCase brands, acronyms, mixed case: not ours to touch
}

// adjectiveBeforeNoun reports the reading of a capitalised Russian token as an adjective in its
// full form, which the dictionary has, and a word after it: "Национальный|банк". An adjective's
// full ending closes its word, so no name is made of one and a word after it.
func (j *joiner) adjectiveBeforeNoun(split []string) bool {
	if len(split) != 2 || utf8.RuneCountInString(split[0]) < 6 || utf8.RuneCountInString(split[1]) < 3 {
		return false
	}
	adj, noun := strings.ToLower(split[0]), strings.ToLower(split[1])
	if !j.seg.lex.isDictWord(adj) || !j.seg.lex.isDictWord(noun) || j.seg.lex.isFunction(noun) {
		return false
	}
	return text.HasRussianAdjectiveEnding(adj)
}

// givenName reports the reading of a capitalised token at a sentence's start, before a
// capitalised word, as a given name before a surname rather than words run together: a reading
// that cuts a letter or two off its start ("А|саке", "До|стык", "Ни|гора") or a lone letter off
// its end ("Aidan|a", "Karimov|a"). "Кроме|того Казахстан" is still two words.
func (j *joiner) givenName(split []string) bool {
	return feminineEnding(split) || !j.english && utf8.RuneCountInString(split[0]) <= 2
}

// feminineEnding reports a reading of a capitalised token that cuts off its last letter as a
// word of its own, where the letter is the ending of a woman's name or surname: "Karimov|a",
// "Каримов|а", "Aidan|a". The article may well name the man as well (Islam Karimov and Gulnara
// Karimova), so that his name is no sign that hers is two words.
func feminineEnding(split []string) bool {
	last := split[len(split)-1]
	return len(split) >= 2 && (last == "a" || last == "а" || last == "я")
}

// articleBeforeName reports the rest of a token that begins a sentence with the article "A"
// ("ARussian version"): a capitalised word of four letters or more, the rest in lower case,
// that the word lists know. An acronym that begins with "A" is in capitals throughout.
func (j *joiner) articleBeforeName(rest []rune) bool {
	if len(rest) < 4 || !unicode.IsUpper(rest[0]) || strings.ToLower(string(rest[1:])) != string(rest[1:]) {
		return false
	}
	lw := strings.ToLower(string(rest))
	return j.seg.lex.isDictWord(lw) && !j.seg.lex.isFunction(lw)
}

// englishAuxiliary are the English verbs of being and having and the modals, before a predicate.
// englishCountWords are the number words and articles that may run into the hyphenated word
// after them: no English compound begins with one and goes on with letters.
var englishCountWords = setOf("a", "an", "the", "one", "two", "three", "four", "five", "six", "seven", "eight",
	"nine", "ten", "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "several")

// englishCompoundPrefixes begin hyphenated English words ("co-author", "non-state", "ex-minister")
// and are no words of their own.
var englishCompoundPrefixes = setOf("co", "non", "ex", "anti", "pre", "post", "semi", "multi", "sub", "mid", "re", "self")

var englishAuxiliary = setOf("is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would",
	"can", "could", "may", "might", "must", "should")

// boundSplit splits a token at each change from a lower-case to a capital letter when every
// part reads as a word: "inCentral", "theCPC", "TheCentral", "ПредставительМИД",
// "ДәлізҚытайдыЕуропамен". The first part must be a common lower-case word ("in", "порты") or,
// capitalised, a word that leads sentences: in English a preposition, article or conjunction
// ("The", "Amid"), in Russian and Kazakh a dictionary word of five letters or more
// ("Представитель"). Every later part must be a capitalised word or a name the article uses, or
// an acronym it uses. "iPhone", "eBay", "YouTube", "WeChat", "McDonald", "KazMunayGas" and
// "PetroChina" fail these tests and stay.
func (j *joiner) boundSplit(rs []rune, bounds []int) (string, bool) {
	if len(bounds) == 0 {
		return "", false
	}
	parts := make([]string, 0, len(bounds)+1)
	from := 0
	for _, b := range append(bounds, len(rs)) {
		parts = append(parts, string(rs[from:b]))
		from = b
	}
	if len(parts) == 2 && j.givenAndSurname(parts[0], parts[1]) {
		return parts[0] + " " + parts[1], true
	}
	firstLong := utf8.RuneCountInString(parts[0]) >= 5 && j.seg.lex.isDictWord(strings.ToLower(parts[0]))
	// After a Russian or Kazakh word ("алКаспий", "вАстане") any capitalised word is a name run
	// into it: these languages have no such brands. So does an English article or preposition before a name of four letters or more
	// ("inAktau"); pronouns are left out ("myTaxi").
	// Russian and Kazakh write no brand with a lower-case Cyrillic word before a capital, so after
	// any such word, known or not, the capitalised part is a name ("ендіСианьнан",
	// "пойыздарыАқтау"). Latin ones are brands: "easyJet", "airBaltic".
	cyrillicWord := !j.english && utf8.RuneCountInString(parts[0]) >= 2 && isCyrillicWord(parts[0])
	afterFunction := unicode.IsLower(rs[0]) && (!j.english && j.seg.lex.isFunction(parts[0]) || cyrillicWord ||
		j.english && (englishLeading[parts[0]] || englishPlaces[parts[0]])) ||
		j.seg.kazakh && j.seg.lex.isFunction(strings.ToLower(parts[0])) // "ОлБейжіңдегі"
	pastVerb := false
	for _, p := range parts[1:] {
		_, n := utf8.DecodeRuneInString(p)
		name := afterFunction && utf8.RuneCountInString(p) >= 3 && strings.ToLower(p[n:]) == p[n:] &&
			(!j.english || utf8.RuneCountInString(p) >= 4)
		// An acronym after a Russian or Kazakh closed-class word: "к|КНР", "в|РК", "және|ЕАЭО".
		// ("кВт" is a unit: its second part is no acronym.) A longer acronym follows a word of
		// three letters or more: "список|ЮНЕСКО", "жылы|ЮНЕСКО".
		acronym := afterFunction && !j.english && len(parts) == 2 && strings.ToUpper(p) == p && isCyrillicWord(p) &&
			utf8.RuneCountInString(p) >= 2 && (utf8.RuneCountInString(p) <= 5 || cyrillicWord && utf8.RuneCountInString(parts[0]) >= 3)
		// So after an English preposition, article or conjunction of two letters or more:
		// "toBP", "theUN", "byCNPC".
		acronym = acronym || afterFunction && j.english && len(parts) == 2 && utf8.RuneCountInString(parts[0]) >= 2 &&
			strings.ToUpper(p) == p && isLatinWord(p) && utf8.RuneCountInString(p) >= 2 && utf8.RuneCountInString(p) <= 5
		// An unknown English name after a verb in the past: "reopenedTorugart", "leftLianyungang".
		// No brand begins with one.
		pastVerb = j.english && len(parts) == 2 && unicode.IsLower(rs[0]) && utf8.RuneCountInString(p) >= 4 &&
			strings.ToLower(p[n:]) == p[n:] && j.seg.lex.isDictWord(parts[0]) &&
			(englishPast[parts[0]] || utf8.RuneCountInString(parts[0]) >= 5 && strings.HasSuffix(parts[0], "ed"))
		name = name || acronym || pastVerb
		// A Russian or Kazakh part of two letters is an acronym or a unit: "кВт", "мВт", "кДж"
		// stay. (English runs into short names: "inXi’an".)
		if !j.english && utf8.RuneCountInString(p) <= 2 && strings.ToUpper(p) != p {
			return "", false
		}
		if !name && !j.capitalPart(p, firstLong) {
			return "", false
		}
	}
	first := parts[0]
	rest := strings.Join(parts[1:], " ")
	if len(parts) > 2 && allLatin(parts[1:]) && (!j.english || utf8.RuneCountInString(parts[1]) <= maxBrandHeadRunes) {
		// "onAliExpress", "сAliExpress": a brand with an inner capital run into the word before
		// it; a Russian or Kazakh text writes no English words run together, and an English one
		// no name of four letters or less before a capital ("in|Central|Asia" is split whole).
		rest = strings.Join(parts[1:], "")
	}
	if unicode.IsUpper(rs[0]) {
		if j.leads(first) {
			return first + " " + rest, true
		}
		return "", false
	}
	if j.common(first) || cyrillicWord || pastVerb || j.english && len(parts) == 2 && j.plainWord(first) && utf8.RuneCountInString(parts[1]) >= 5 {
		return first + " " + rest, true
	}
	if v := j.seg.decide(first); v.split != nil && j.common(strings.ToLower(v.split[len(v.split)-1])) {
		return strings.Join(v.split, " ") + " " + rest, true
	}
	return "", false
}

// maxBrandHeadRunes: the first part of a brand written with an inner capital is short (Ali in
// AliExpress, Pay in PayPal, Tik in TikTok).
const maxBrandHeadRunes = 4

// allLatin reports parts written in Latin letters only.
func allLatin(parts []string) bool {
	for _, p := range parts {
		for _, r := range p {
			if !unicode.Is(unicode.Latin, r) {
				return false
			}
		}
	}
	return true
}

// isCyrillicWord reports a word written in Cyrillic letters only.
func isCyrillicWord(w string) bool {
	for _, r := range w {
		if !unicode.Is(unicode.Cyrillic, r) {
			return false
		}
	}
	return true
}

// plainWord reports an English dictionary word of four letters or more that is not rare:
// "connectTurkmenistan". Brands joined to a short capitalised word ("easyJet") stay whole,
// since the part after the capital must then have five letters.
func (j *joiner) plainWord(w string) bool {
	return utf8.RuneCountInString(w) >= 4 && j.seg.lex.isDictWord(w) && j.seg.lex.count(w) >= 50
}

// capitalPart reports whether p, a part after a change of case, is a word on its own: a
// capitalised dictionary word or one the article writes, or an acronym the article uses
// ("CPC"), a long word in capitals or "I".
func (j *joiner) capitalPart(p string, firstLong bool) bool {
	rr := []rune(p)
	if strings.ToUpper(p) == p {
		long := len(rr) >= 4 && j.seg.lex.isDictWord(strings.ToLower(p))
		// Russian and Kazakh acronyms (МИД, ЕС, ҚР) follow a long word they ran into.
		acronym := !j.english && len(rr) >= 2 && len(rr) <= 5 && firstLong
		return j.seg.voc.forms[p] > 0 || p == "I" || long || acronym
	}
	if strings.ToLower(string(rr[1:])) != string(rr[1:]) {
		return false
	}
	if !j.english && firstLong && len(rr) >= 4 {
		return true // a name after a long Russian or Kazakh word: "ҚұбырларТүрікменстанды"
	}
	return j.seg.lex.isDictWord(strings.ToLower(p)) || j.seg.voc.forms[p] > 0
}

// hyphenContraction reports text that begins with the hyphen and lower-case tail of a title
// contracted so ("-жа" of "Г-жа", "-р" of "Д-р"), then no more letters.
func hyphenContraction(s string) bool {
	rest, ok := strings.CutPrefix(s, "-")
	if !ok {
		return false
	}
	n := 0
	for _, r := range rest {
		if !isLetter(r) {
			break
		}
		if !unicode.IsLower(r) {
			return false
		}
		n++
	}
	return n >= 1 && n <= 2
}

// givenAndSurname reports a Russian or Kazakh given name run into the surname after it:
// "АйгеримСадыковой". The second part ends as a surname does in one of its cases, and is no word
// of the dictionary; brands written with an inner capital ("КазМунайГаз", "МегаФон",
// "ВКонтакте") end in a noun, not in a surname.
func (j *joiner) givenAndSurname(given, surname string) bool {
	if j.english || !isCyrillicWord(given) || !isCyrillicWord(surname) || utf8.RuneCountInString(given) < 3 ||
		utf8.RuneCountInString(surname) < 5 {
		return false
	}
	lg, ls := strings.ToLower(given), strings.ToLower(surname)
	if titleCase(lg) != given || titleCase(ls) != surname || text.IsRussianPrefix(lg) || kazakhLoanPrefix[lg] ||
		j.seg.lex.isDictWord(ls) {
		return false
	}
	return surnameForm(ls)
}

// surnameForms are the endings of Russian surnames in "-ов/-ев/-ин" in their cases: "Садыкова",
// "Садыковой", "Садыковым", "Ахметовых".
var surnameForms = []string{"", "а", "у", "ым", "ой", "е", "ы", "ых", "ыми"}

// surnameForm reports a lower-case word shaped as a surname in any case: "садыков", "садыковой",
// "ахметовым", "бекмұханбетұлы".
func surnameForm(w string) bool {
	if surnameShape(w) {
		return true
	}
	for _, stem := range []string{"ов", "ев", "ёв", "ин", "ын"} {
		for _, e := range surnameForms {
			if head, ok := strings.CutSuffix(w, stem+e); ok && utf8.RuneCountInString(head) >= 3 {
				return true
			}
		}
	}
	for _, e := range []string{"ского", "скому", "ским", "ской", "скую", "цкого", "цкому", "цким", "цкой", "цкую"} {
		if head, ok := strings.CutSuffix(w, e); ok && utf8.RuneCountInString(head) >= 3 {
			return true
		}
	}
	return false
}

// leads reports whether a capitalised first part reads as a word that starts a sentence and
// was run into the next one.
func (j *joiner) leads(w string) bool {
	lw := strings.ToLower(w)
	if j.english {
		return englishLeading[lw]
	}
	if j.seg.kazakh && j.seg.lex.isFunction(lw) {
		return true // "ОлБейжіңдегі", "БұлЖоба": Kazakh brands do not begin so
	}
	if utf8.RuneCountInString(lw) < 5 {
		return false // "Каз", "Мега", "Авто", "Евро", "ВКонтакте" begin brand names
	}
	return j.seg.lex.isDictWord(lw)
}

// titleSplit splits two capitalised words or an acronym and a word ("CorrespondingSource",
// "GNUGeneral") only when the article also writes the same two words apart: brands such as
// "YouTube", "WeChat" or "PetroChina" are never written so.
func (j *joiner) titleSplit(rs []rune) (string, bool) {
	at := -1
	for i := 1; i < len(rs); i++ {
		lowerUpper := unicode.IsLower(rs[i-1]) && unicode.IsUpper(rs[i])
		acronymWord := i+1 < len(rs) && unicode.IsUpper(rs[i-1]) && unicode.IsUpper(rs[i]) && unicode.IsLower(rs[i+1])
		if lowerUpper || acronymWord {
			if at >= 0 {
				return "", false
			}
			at = i
		}
	}
	if at < 0 {
		return "", false
	}
	left, right := string(rs[:at]), string(rs[at:])
	if strings.ToLower(string(rs[at+1:])) != string(rs[at+1:]) {
		return "", false
	}
	if j.seg.voc.bigrams[[2]string{strings.ToLower(left), strings.ToLower(right)}] == 0 {
		return "", false
	}
	return left + " " + right, true
}

// scriptSplit splits a word where Latin letters give way to Cyrillic ones: "Departmentизложил",
// "Reutersагенттігі", "Smithприлетел". No Russian or Kazakh word mixes the two alphabets, and
// Kazakh sets its endings off a Latin name with a hyphen ("Apple-дың"), so the change of alphabet
// is a lost space when both sides read as words: a Latin word of three letters or more, and a
// Cyrillic word of the language that is not an ending ("Nature-ның" run together stays). A
// Cyrillic letter typed for its Latin twin ("Ospanovа") is one letter, and stays.
func (j *joiner) scriptSplit(rs []rune) (string, bool) {
	if j.english {
		return "", false
	}
	at := -1
	for i := 1; i < len(rs); i++ {
		if unicode.Is(unicode.Latin, rs[i-1]) && unicode.Is(unicode.Cyrillic, rs[i]) {
			if at >= 0 {
				return "", false
			}
			at = i
		} else if unicode.Is(unicode.Cyrillic, rs[i-1]) && unicode.Is(unicode.Latin, rs[i]) {
			return "", false
		}
	}
	if at < 1 {
		return "", false
	}
	latin, cyr := string(rs[:at]), string(rs[at:])
	if !isLatinWord(latin) || !isCyrillicWord(cyr) {
		return "", false
	}
	lc := strings.ToLower(cyr)
	if romanNumeral(latin) {
		// A century or a volume: "XXв." is "XX в.", "XIXғасырда" "XIX ғасырда".
		if j.abbreviation(lc) || utf8.RuneCountInString(lc) >= 4 && j.seg.lex.isDictWord(lc) {
			return latin + " " + cyr, true
		}
		return "", false
	}
	if at < 3 || !j.wordAfterLatin(lc) {
		return "", false
	}
	return latin + " " + cyr, true
}

// wordAfterLatin reports a lower-case Cyrillic run after Latin letters that reads as a word of
// its own: a closed-class word, or a dictionary word of four letters or more that is no Kazakh
// ending.
func (j *joiner) wordAfterLatin(lc string) bool {
	switch n := utf8.RuneCountInString(lc); {
	case n == 1:
		// Of the one-letter words only "и" and "в" have no Latin twin a typist might mix in.
		return (lc == "и" || lc == "в") && j.seg.lex.isFunction(lc)
	case j.seg.lex.isFunction(lc):
		return true
	case n < 4 || !j.seg.lex.isDictWord(lc):
		return false
	}
	return !j.seg.kazakh || !j.seg.suffixPiece(lc)
}

// possessiveScript splits a Russian or Kazakh word from the English possessive of a Latin name
// it ran into ("McDonald’sзакрылись", "Moody’sагенттігі"): the Latin "s" after the apostrophe
// ends the name, and the Cyrillic letters after it begin a word.
func (j *joiner) possessiveScript(head, tail string) (string, bool) {
	rest, ok := strings.CutPrefix(tail, "s")
	if !ok || utf8.RuneCountInString(head) < 2 || !isLatinWord(head) || !isCyrillicWord(rest) {
		return "", false
	}
	if !j.wordAfterLatin(strings.ToLower(rest)) {
		return "", false
	}
	return "s " + rest, true
}

// romanNumeral reports a Roman numeral in capitals: "XX", "XIX", "IV".
func romanNumeral(w string) bool {
	return w != "" && strings.Trim(w, "IVXLCDM") == ""
}

// acronymTail splits a word run into the acronym before it: "ШОСв" is "ШОС в", "ШЫҰсаммиті"
// "ШЫҰ саммиті", "LNGcarriers" "LNG carriers". A Russian acronym takes its case endings
// without a hyphen ("МИДа", "вузы"), so the tail must be a closed-class word that is no such
// ending or a word of three letters or more; a Kazakh or English tail a word of four letters or
// three.
func (j *joiner) acronymTail(rs []rune) (string, bool) {
	at := 0
	for at < len(rs) && unicode.IsUpper(rs[at]) {
		at++
	}
	if at < 2 || at == len(rs) {
		return "", false
	}
	tail := string(rs[at:])
	if strings.ToLower(tail) != tail || !isLetter(rs[at]) {
		return "", false
	}
	// The acronym's last capital may begin a capitalised word instead: "JP|Morgan",
	// "В|Астане".
	if j.seg.lex.isDictWord(strings.ToLower(string(rs[at-1:]))) {
		return "", false
	}
	n := len(rs) - at
	switch {
	case j.english:
		if n < 3 || !j.seg.lex.isDictWord(tail) && !englishFunction[tail] {
			return "", false
		}
	case j.seg.kazakh:
		if n < 4 || !j.seg.lex.firmKazakh(tail) || j.seg.suffixPiece(tail) || kazakhSuffixLike(tail) {
			return "", false
		}
	default:
		fn := j.seg.lex.isFunction(tail) && !russianCaseEndings[tail]
		if !fn && (n < 3 || !j.seg.lex.isDictWord(tail) || russianCaseEndings[tail]) {
			return "", false
		}
	}
	return string(rs[:at]) + " " + tail, true
}

// russianCaseEndings are the endings a Russian acronym takes as a noun: "МИДа", "МИДу", "МИДом".
var russianCaseEndings = setOf("а", "у", "е", "ы", "ом", "ам", "ах", "ами", "ов", "ей", "ой", "ем", "я", "ю")

// isLatinWord reports a word written in Latin letters only.
func isLatinWord(w string) bool {
	for _, r := range w {
		if !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return w != ""
}

// lowerAll returns the words in lower case.
func lowerAll(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = strings.ToLower(w)
	}
	return out
}
