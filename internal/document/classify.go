package document

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/pipeline"
)

// Limits for a heading inside the article.
const (
	maxHeadingColumns = 150
	maxHeadingWords   = 20
)

// bodyKind decides the kind of a body block from its text: list and quote markup decide outright;
// otherwise a paragraph wholly inside quotation marks is a quote, a short single line without end
// punctuation that something follows is a heading, and the rest are paragraphs.
func bodyKind(c candidate, followed bool) pipeline.BlockKind {
	switch {
	case c.marker != "":
		return c.marker
	case isWhollyQuoted(c.text) || isSignedQuotation(c.text):
		return pipeline.BlockQuote
	case isCaptionText(c.text):
		return pipeline.BlockCaption
	case followed && c.lines == 1 && isHeadingText(c.text):
		return pipeline.BlockHeading
	}
	return pipeline.BlockParagraph
}

// isHeadingText reports a line short enough for a heading that does not end like a sentence or a
// clause.
func isHeadingText(s string) bool {
	if columns(s) > maxHeadingColumns || len(strings.Fields(s)) > maxHeadingWords {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if isTerminator(last) || isClosing(last) && endsWithTerminator(s) || strings.ContainsRune(",;:，；：、", last) {
		return false
	}
	if strings.ContainsAny(s, ";；") || keywordsLabel.MatchString(s) {
		return false // clauses set apart by semicolons, a paper's keywords: a line of text ("Keywords: a; b; c")
	}
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// maxQuoteSignatureWords: the words that name who said a quotation after it are few ("a city
// official", "Марат Ахметов, министр энергетики").
const maxQuoteSignatureWords = 12

// isSignedQuotation reports a paragraph that is one quotation and, after a dash, who said it:
// "“We bought the buses first.” — a city official". The signature holds no quotation mark and
// no sentence of its own.
func isSignedQuotation(s string) bool {
	for _, dash := range []string{" — ", " – ", " —", "— "} {
		at := strings.LastIndex(s, dash)
		if at <= 0 {
			continue
		}
		quoted, sign := strings.TrimSpace(s[:at]), strings.TrimSpace(s[at+len(dash):])
		if sign == "" || len(strings.Fields(sign)) > maxQuoteSignatureWords || strings.ContainsAny(sign, "“”«»\"„") ||
			strings.ContainsAny(strings.TrimRight(sign, "."), ".!?。！？") {
			continue
		}
		return isWhollyQuoted(quoted)
	}
	return false
}

// quotePairs maps opening quotation marks to their closing ones.
var quotePairs = map[rune]rune{'“': '”', '«': '»', '„': '“', '「': '」', '『': '』', '"': '"', '‘': '’'}

// isWhollyQuoted reports a paragraph that is one quotation: it opens with a quotation mark whose
// match closes it at the end (only punctuation may follow), and the quotation is not closed and
// reopened in between (“A” and “B”).
func isWhollyQuoted(s string) bool {
	open, size := utf8.DecodeRuneInString(s)
	want, ok := quotePairs[open]
	if !ok {
		return false
	}
	body := strings.TrimRightFunc(s[size:], func(r rune) bool { return r != want && unicode.IsPunct(r) })
	closeAt := strings.LastIndex(body, string(want))
	if closeAt < 0 || closeAt+len(string(want)) != len(body) || closeAt == 0 {
		return false
	}
	inner := body[:closeAt]
	if open == want {
		return !strings.ContainsRune(inner, want)
	}
	depth := 1
	for _, r := range inner {
		switch r {
		case open:
			depth++
		case want:
			depth--
			if depth == 0 {
				return false
			}
		}
	}
	return depth == 1
}

// maxQuestionHeadingRunes: a heading put as a question ("Why Chinese firms?") is one short
// question.
const maxQuestionHeadingRunes = 60

// isBoldHeadingText reports the text of a paragraph wholly in bold that heads a section: a
// heading's text, or one short question, which section headings often are. A line that opens
// with a dash is speech: the questions of an interview are set in bold too.
func isBoldHeadingText(s string) bool {
	if r, _ := utf8.DecodeRuneInString(s); r == '—' || r == '–' || r == '-' {
		return false // a line of dialogue or an interviewer's question ("— Что дальше?")
	}
	if isHeadingText(s) {
		return true
	}
	q := strings.TrimRightFunc(s, isClosing)
	body := strings.TrimRight(q, "?？")
	return len(body) < len(q) && utf8.RuneCountInString(s) <= maxQuestionHeadingRunes &&
		strings.IndexFunc(body, isTerminator) < 0 && isHeadingText(body)
}
