package checks

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/pipeline"
)

// abbreviations that end with a full stop without ending a sentence.
var abbreviations = wordSet("г гг т е д п см тыс млн млрд трлн им ж жж руб долл mr mrs ms dr prof " +
	"st no vs etc e g i u s eu inc ltd co jr sr gen gov sen rep")

// countSentences counts the sentences of s. A Chinese sentence ends with 。！？; elsewhere a full
// stop, question or exclamation mark or ellipsis ends one when the text ends or a capital letter,
// digit or quote follows, and the word before it is not an abbreviation (г., т.е., U.S.).
func countSentences(s string, lang pipeline.Lang) int {
	s = strings.TrimSpace(stripMarkup(s))
	if s == "" {
		return 0
	}
	n := 0
	rs := []rune(s)
	for i, r := range rs {
		switch r {
		case '。', '！', '？':
			if i+1 < len(rs) && strings.ContainsRune("。！？”」』）", rs[i+1]) {
				continue
			}
			n++
		case '.', '!', '?', '…':
			if i+1 < len(rs) && strings.ContainsRune(".!?…", rs[i+1]) {
				continue
			}
			j := i + 1
			for j < len(rs) && strings.ContainsRune("\"'»”’)]", rs[j]) {
				j++
			}
			if j < len(rs) && !unicode.IsSpace(rs[j]) {
				continue
			}
			for j < len(rs) && unicode.IsSpace(rs[j]) {
				j++
			}
			if j < len(rs) {
				next := rs[j]
				if !(unicode.IsUpper(next) || unicode.IsDigit(next) || strings.ContainsRune("«“\"'(", next) || isHan(next)) {
					continue
				}
			}
			if r == '.' && isAbbreviationBefore(rs, i) {
				continue
			}
			n++
		}
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s, "\"'»”’)] "))
	if !strings.ContainsRune(".!?…。！？", last) {
		n++ // the last sentence lacks its full stop
	}
	return n
}

func isAbbreviationBefore(rs []rune, i int) bool {
	j := i
	for j > 0 && unicode.IsLetter(rs[j-1]) {
		j--
	}
	w := strings.ToLower(string(rs[j:i]))
	if w == "" {
		return false
	}
	return abbreviations[w] || len([]rune(w)) == 1 && unicode.IsUpper(rs[j])
}

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
