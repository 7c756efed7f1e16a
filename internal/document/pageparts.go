package document

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Parts of a page that are not article text, and the caption, recognised the same way by every
// reader (text, Markdown, web pages, Word documents).

// publicationSeparators join a date and a reading time on one line; Chinese sets the parts
// apart with ideographic spaces ("作者：周明远　　2024年3月").
var publicationSeparators = regexp.MustCompile(`\s+[·|•—–/-]\s+|\s*[|｜·•，；]\s*|\s*\x{3000}[\s\x{3000}]*`)

// separatorsIn returns the spans of s that re matches as separators, but for a middle dot set
// between two Chinese characters, which joins the parts of a transliterated name
// (阿依古丽·苏丹诺娃), not two pieces of a line.
func separatorsIn(re *regexp.Regexp, s string) [][]int {
	all := re.FindAllStringIndex(s, -1)
	out := all[:0]
	for _, m := range all {
		if s[m[0]:m[1]] == "·" {
			before, _ := utf8.DecodeLastRuneInString(s[:m[0]])
			after, _ := utf8.DecodeRuneInString(s[m[1]:])
			if isHan(before) && isHan(after) {
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

// splitAtSeparators splits s at the separators separatorsIn finds.
func splitAtSeparators(re *regexp.Regexp, s string) []string {
	var parts []string
	last := 0
	for _, m := range separatorsIn(re, s) {
		parts = append(parts, s[last:m[0]])
		last = m[1]
	}
	return append(parts, s[last:])
}

// readingTimeUnits are the words that make a short line with a number a reading time: "6 min
// read", "Время чтения: 5 мин.", "4 мин оқу", "阅读约5分钟".
var readingTimeUnits = []string{"min", "minute", "mins", "read", "мин", "минут", "чтени", "оқу", "分钟", "阅读"}

// isReadingTime reports a short phrase that gives a reading time: a number of one to three
// digits and a time unit, in at most five words.
func isReadingTime(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || utf8.RuneCountInString(s) > 40 || len(strings.Fields(s)) > 5 {
		return false
	}
	digits := 0
	for _, r := range s {
		if unicode.IsDigit(r) {
			digits++
		}
	}
	if digits == 0 || digits > 3 {
		return false
	}
	return holdsAny(s, readingTimeUnits)
}

// isPublicationLine reports a line that only says when an article was published and how long
// it takes to read: a date, a reading time, or both joined by a separator ("March 3, 2024 · 6
// min read", "3 марта 2024 | 5 мин чтения", "2024年3月3日 阅读约5分钟"). Such a line belongs to the
// page, not to the article.
func isPublicationLine(s string) bool {
	s = strings.Trim(strings.TrimSpace(s), "*_")
	if s == "" || len(s) > maxPublicationBytes || !strings.ContainsFunc(s, unicode.IsDigit) {
		return false // a date and a reading time are short, and have a number
	}
	if isDateLine(s) || isReadingTime(s) {
		return true
	}
	parts := splitAtSeparators(publicationSeparators, s)
	if len(parts) < 2 {
		// "2024年3月3日阅读约5分钟", "12 March 2024 6 min read": a date run straight into a reading time.
		if i := strings.IndexFunc(s, func(r rune) bool { return isHan(r) && r != '年' && r != '月' && r != '日' }); i > 0 {
			return isDateLine(s[:i]) && isReadingTime(s[i:])
		}
		return false
	}
	// Beside the date or the reading time, a count of readers or comments may stand ("👁 1,2K",
	// "3 Comments"), and a date may carry its label ("Updated: 13 March").
	dated := false
	for _, p := range parts {
		p = strings.TrimRight(strings.TrimSpace(p), "。")
		switch {
		case p == "":
		case isDateLine(p), isReadingTime(p), isDateLabelLine(p), isTextLength(p):
			dated = true
		case isCounter(strings.ToLower(p)):
		default:
			return false
		}
	}
	return dated
}

// isPlainDate reports a date whose words are a month's or a date's own ("17 May 2024",
// "2024-05-17"), not a name a date line may carry.
func isPlainDate(s string) bool {
	if !isDateLine(s) {
		return false
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if !monthWord.MatchString(w) && !dateWords[w] {
			return false
		}
	}
	return true
}

// textLengthUnits make a short phrase with a number the length of the text, printed beside its
// reading time: "本文约2500字", "1,200 words", "12 000 знаков", "3 мың сөз".
var textLengthUnits = []string{"字", "words", "слов", "знак", "сөз", "таңба"}

// isTextLength reports a phrase of at most five words that gives the length of the text.
func isTextLength(s string) bool {
	if s == "" || utf8.RuneCountInString(s) > 40 || len(strings.Fields(s)) > 5 || strings.IndexFunc(s, unicode.IsDigit) < 0 {
		return false
	}
	l := strings.ToLower(s)
	for _, u := range textLengthUnits {
		if strings.Contains(l, u) {
			return true
		}
	}
	return false
}

// isDateline reports a line that gives where or in which series an article appeared and when,
// the way reports and news stories open: "Ташкент, 3 марта 2025 г.", "Алматы, 2025 жылғы 14
// ақпан", "Policy brief No. 14, February 2025", "Astana, 12 March". The part after the last comma
// is a date of at least two words (a bare year is not: "Central Asia, 2025" may be a heading);
// the part before is a short label that starts with a capital and ends no sentence.
func isDateline(s string) bool {
	i := strings.LastIndexByte(s, ',')
	if i <= 0 {
		return false
	}
	label, date := strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1:])
	if f := strings.Fields(date); len(f) > 0 && strings.HasSuffix(f[len(f)-1], ".") && utf8.RuneCountInString(f[len(f)-1]) > 3 {
		return false // a sentence or a caption that ends on a date: "…, 2023 жылдың көктемі."
	}
	if len(strings.Fields(date)) < 2 || !isDateLine(date) {
		return false
	}
	words := strings.Fields(label)
	if len(words) == 0 || len(words) > maxDatelineLabelWords || strings.ContainsAny(label, ".!?;:") && !seriesNumber.MatchString(label) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(label)
	return unicode.IsUpper(first)
}

// maxDatelineLabelWords: a place or a series name before a dateline's date is this short.
const maxDatelineLabelWords = 5

// seriesNumber matches the number of a paper in its series, whose abbreviation has a full stop:
// "No. 14", "Vol. 3", "Вып. 2".
var seriesNumber = regexp.MustCompile(`(?i)^[^.!?;:]*\b(no|vol|iss|вып|т|№)\.\s*\d+$`)

// captionLabel matches the label and number a caption opens with, in the four languages:
// "Figure 2.", "Fig. 3:", "Table 1 —", "Рис. 1.", "Рисунок 4.", "Таблица 2.", "Сурет 3.",
// "Кесте 1.", "图1", "表 2：", and in Chinese without a number, "图：".
var captionLabel = regexp.MustCompile(`^(?i:figure|fig\.|chart|graph|table|map|photo|image|exhibit|box|illustration|` +
	`рисунок|рис\.|таблица|табл\.|схема|диаграмма|график|карта|фото|иллюстрация|` +
	`сурет|кесте|сызба|диаграмма|графика)\s*\d{1,3}(\.\d{1,2})?\s*([.:—–|)]|\s—|\s–)\s*\S|` +
	`^[图表]\s*\d{1,3}(\.\d{1,2})?\s*[：:.。 　]\s*\S|^[图表][：:]\s*\S|` +
	// Kazakh puts the number first, as an ordinal: "1-сурет.", "2-кесте:".
	`^\d{1,3}\s*-\s*(?i:сурет|кесте|сызба|диаграмма|график|графика|карта)\s*([.:—–|)]|\s—|\s–)\s*\S`)

// isCaptionText reports text that opens like a caption: a label, a number, then a separator
// and the caption. "Figure 2 shows …" is a sentence about the figure, not its caption, and does
// not match: the number must be followed by punctuation (a space suffices in Chinese).
func isCaptionText(s string) bool {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(strings.TrimLeft(s, "（("), "图为") && utf8.RuneCountInString(s) <= maxHanCaptionRunes {
		return true // "（图为2024年开通的西安—撒马尔罕航线首航仪式）": "the picture shows …"
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !strings.ContainsRune(captionInitials, unicode.ToLower(r)) {
		return false // most lines: no label can start with their letter
	}
	return captionLabel.MatchString(s)
}

// maxHanCaptionRunes: a Chinese caption that says what the picture shows is a line.
const maxHanCaptionRunes = 120

// captionInitials are the first letters of the caption labels, which spare most lines the
// pattern.
const captionInitials = "fcgtmpiebртсдгкфбжwи图表0123456789"

// filingLine matches a line that files a paper for libraries rather than saying anything: a
// classification code (УДК, ӘОЖ, ББК, ГРНТИ, МРНТИ, UDC, JEL, 中图分类号), a document code
// (文献标识码, 文章编号) or a DOI, as journals and collections print them above or under a title.
var filingLine = regexp.MustCompile(`^(?i:удк|әож|ббк|грнти|мрнти|ғтахр|udc|jel|jel classification|doi|` +
	`中图分类号|文献标识码|文章编号)(\s*[:：]\s*|\s+)(\d|[A-Z](\d|\s|$)|\()`)

// isFilingLine reports a short line that is a classification code or a DOI.
func isFilingLine(s string) bool {
	return utf8.RuneCountInString(s) <= maxFilingRunes && filingLine.MatchString(strings.TrimSpace(s))
}

// maxFilingRunes: a line of codes is short.
const maxFilingRunes = 80

// keywordsLabel matches the label of a paper's keyword line: "Keywords:", "Ключевые слова:",
// "Түйін сөздер:", "关键词：".
var keywordsLabel = regexp.MustCompile(`^(?i:key\s?words|index terms|ключевые слова|түйін(ді)? сөздер|кілт сөздер|тірек сөздер|` +
	`关\s*键\s*词|關\s*鍵\s*詞)\s*[:：.—–-]`)

// abstractLabel matches the label that opens a paper's abstract on the abstract's first line:
// "Abstract.", "Аннотация:", "Аңдатпа.", "摘　要：".
var abstractLabel = regexp.MustCompile(`^(?i:abstract|summary|аннотация|резюме|аңдатпа|түйін|түйіндеме|摘\s*要)\s*[:：.—–-]\s*\S`)

// isPaperApparatusStart reports a line that opens a part of a paper's head printed as a block
// of its own: its abstract or its keywords.
func isPaperApparatusStart(s string) bool {
	return keywordsLabel.MatchString(s) || abstractLabel.MatchString(s)
}

// isDateStart reports text that may begin with a date: a digit, or a word such as a month's name
// followed by a digit ("Mar 4", "4 марта"); isPublicationLine tells the rest.
func isDateStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if unicode.IsDigit(r) {
		return true
	}
	word, rest, _ := strings.Cut(s, " ")
	d, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsDigit(d) && utf8.RuneCountInString(strings.TrimRight(word, ".,")) >= 3 && !strings.ContainsFunc(word, unicode.IsDigit)
}

// withoutPublicationTail returns a signing line without the date and reading time printed after
// it ("Written by Owen Price · 4 minute read" gives "Written by Owen Price").
//
// Chinese needs no mark beyond a space, since its words are not spaced: a space after a
// Chinese character sets the date apart ("作者：周明远 2024年3月").
func withoutPublicationTail(s string) string {
	for _, m := range separatorsIn(publicationSeparators, s) {
		if head := strings.TrimSpace(s[:m[0]]); head != "" && isPublicationLine(s[m[1]:]) {
			s = head // the date may stand before the separator too: "By A. Sultanova 2024-05-17 | 12 mins"
			break
		}
	}
	for _, on := range []string{" on ", " от ", " 于 "} {
		// "Written by Daniel Ospanov on Mar 4, 2025 10:15:00 AM": the date joined by a word.
		if i := strings.LastIndex(s, on); i > 0 && hasLetters(s[:i]) && isPublicationLine(s[i+len(on):]) && isDateStart(s[i+len(on):]) {
			return strings.TrimRight(s[:i], " ,·|—–")
		}
	}
	for i, r := range s {
		if r != ' ' || i == 0 {
			continue
		}
		last, _ := utf8.DecodeLastRuneInString(s[:i])
		if isHan(last) && isPublicationLine(s[i+1:]) || !isHan(last) && isPlainDate(s[i+1:]) && hasLetters(s[:i]) {
			return strings.TrimRight(s[:i], " ,·|—–")
		}
	}
	return s
}
