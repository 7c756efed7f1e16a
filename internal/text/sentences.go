package text

import (
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
// Candidate boundaries come from Unicode sentence segmentation (UAX #29), plus one after an
// ellipsis "…" followed by a space and one after a full stop followed by a space and a number
// (“It grew. 2024 was calmer.”). A candidate is dropped when:
//   - a lower-case word follows (“Why?” he asked; etc. and);
//   - no space follows, unless the sentence ends in Chinese punctuation or Chinese text follows;
//   - the full stop belongs to an abbreviation of the language that introduces what follows
//     (Mr., Dr., e.g., U.S., т.е., им., см., г. Астана), or to one that may end a sentence but is
//     followed by no capital letter (etc., млн., 2023 г., No. 5, Jan. 5, т. 2, ч. 3);
//   - the full stop follows initials before a capitalised word (J. Smith, Н. Назарбаев, К.-Ж. Токаев);
//   - the sentence so far is only a list number (1., 2.3., IV., a.).
//
// Decimals (3.5, 3,5) and quotes or brackets closing after the full stop (He said “yes.”) are kept
// whole by UAX #29 itself. The Chinese semicolon "；" does not end a sentence: it joins clauses that
// translators keep together.
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
	start := 0
	for _, b := range candidateBoundaries(s) {
		if b <= start || !endsSentence(s[start:b], s[b:], lang) {
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

// candidateBoundaries returns, in increasing order, the byte offsets inside s where a sentence may
// start: the UAX #29 boundaries, the positions after an ellipsis, its closing quotes and a space,
// and the numbers after a full stop and a space.
func candidateBoundaries(s string) []int {
	var uax []int
	it := sentences.FromString(s)
	for it.Next() {
		if end := it.End(); end < len(s) {
			uax = append(uax, end)
		}
	}
	return mergeSorted(mergeSorted(uax, ellipsisBoundaries(s)), numberBoundaries(s))
}

// mergeSorted merges two increasing lists into one without repeats.
func mergeSorted(a, b []int) []int {
	if len(b) == 0 {
		return a
	}
	if len(a) == 0 {
		return b
	}
	merged := make([]int, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || (i < len(a) && a[i] < b[j]):
			merged = append(merged, a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			merged = append(merged, b[j])
			j++
		default:
			merged = append(merged, a[i])
			i++
			j++
		}
	}
	return merged
}

// numberBoundaries finds a full stop, optional closing quotes and a space before a digit. UAX #29
// reads "grew. 2024 жылы" as one sentence because a lower-case word follows the number; Kazakh
// sentences often start with a year. endsSentence still keeps "No. 5", "2023 ж. 5 маусым" and
// "ст. 12" together.
func numberBoundaries(s string) []int {
	return boundariesAfter(s, '.', func(_, next rune) bool { return unicode.IsDigit(next) })
}

// ellipsisBoundaries finds "…" (not inside brackets, where it marks an omission) followed by
// optional closing quotes and a space, which UAX #29 does not treat as a sentence end.
func ellipsisBoundaries(s string) []int {
	return boundariesAfter(s, '…', func(before, _ rune) bool { return before != '[' && before != '(' })
}

// boundariesAfter returns the offsets in s after each mark, the marks and closing quotes that
// follow it, and at least one space, where keep accepts the rune before the mark and the rune
// after the spaces.
func boundariesAfter(s string, mark rune, keep func(before, next rune) bool) []int {
	var out []int
	for i := strings.IndexRune(s, mark); i >= 0; {
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		j := i + utf8.RuneLen(mark)
		for j < len(s) && s[j] != ' ' {
			r, size := utf8.DecodeRuneInString(s[j:])
			if r != mark && !IsClosing(r) {
				break
			}
			j += size
		}
		if j < len(s) && s[j] == ' ' {
			for j < len(s) && s[j] == ' ' {
				j++
			}
			if next, _ := utf8.DecodeRuneInString(s[j:]); j < len(s) && keep(before, next) {
				out = append(out, j)
			}
		}
		next := strings.IndexRune(s[j:], mark)
		if next < 0 {
			break
		}
		i = j + next
	}
	return out
}

// endsSentence decides whether a candidate boundary between before (the sentence so far, with
// the spaces that follow it) and after (the rest of the block) really ends a sentence.
func endsSentence(before, after string, lang pipeline.Lang) bool {
	if after == "" {
		return true
	}
	sentence := strings.TrimRight(before, " ")
	spaced := len(sentence) < len(before)
	core := strings.TrimRightFunc(sentence, IsClosing)
	closed := len(core) < len(sentence)
	term, _ := utf8.DecodeLastRuneInString(core)
	first, _ := utf8.DecodeRuneInString(after)
	if !spaced && !isCJKTerminator(term) && !isHan(first) {
		return false
	}
	next := firstSignificantRune(after)
	if unicode.IsLower(next) {
		return false
	}
	if term != '.' || closed {
		return true
	}
	if isListNumber(core) {
		return false
	}
	token, numberBefore := lastAbbreviationToken(strings.TrimSuffix(core, "."))
	if token == "" {
		return true
	}
	// A spaced chain such as "т. д" is looked up whole, then by its last part alone ("Dr. J").
	single := token
	if dot := strings.LastIndexByte(token, '.'); dot >= 0 {
		single = token[dot+1:]
	}
	kind := classifyAbbreviation(token, lang, numberBefore)
	if kind == notAbbreviation && single != token {
		kind = classifyAbbreviation(single, lang, false)
	}
	// A capital letter is an initial before a capitalised word even when its lower case is an
	// abbreviation: "Д. Медведев", "С. Ахметов", "P. Smith".
	initials := func() bool { return unicode.IsUpper(next) && (IsInitials(token) || IsInitials(single)) }
	switch kind {
	case prefixAbbreviation:
		return false
	case postfixAbbreviation:
		return (unicode.IsUpper(next) || isHan(next)) && !initials()
	}
	return !initials()
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

// lastAbbreviationToken returns the word before a full stop (text is the sentence without that
// stop), with opening punctuation removed. Spaced abbreviations are joined back together: "и т. д"
// gives "т.д", "e. g" gives "e.g", "Н. А" gives "Н.А". numberBefore reports whether the word
// before the token is a number, as in "2023 г".
func lastAbbreviationToken(text string) (token string, numberBefore bool) {
	rest, last := cutLastField(text)
	token = strings.TrimLeftFunc(last, isOpening)
	if token == "" {
		return "", false
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
	if rest != "" {
		_, f := cutLastField(rest)
		numberBefore = isNumber(f)
	}
	return token, numberBefore
}

// maxAbbreviationParts bounds a spaced abbreviation or a run of initials ("J. R. R").
const maxAbbreviationParts = 4

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

// isNumber reports a year, a count or a range of them: "2023", "2022–2023", "1990-х".
func isNumber(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsDigit(r)
}
