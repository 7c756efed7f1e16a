package document

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits for what may be a title or a navigation line at the top of a pasted article.
const (
	// maxHeadColumns: a longer block is article body, so the search for a title stops there.
	maxHeadColumns = 250
	// maxHeadBlocks: navigation and title never take more blocks than this.
	maxHeadBlocks = 10
	// minRepeatedTitleRunes: a repeated line shorter than this ("News") is not taken for a title.
	minRepeatedTitleRunes = 8
)

// headResult says where the title is among the candidate blocks and which blocks to drop.
type headResult struct {
	title     int          // index of the title candidate, or -1
	titleText string       // the title, without breadcrumb words that preceded it on its line
	drop      map[int]bool // navigation lines and repeated copies of the title
}

// findHead looks at the short blocks before the article body for the title and for what a copy
// from a web page drags along: navigation words ("LATEST", "ARTICLES"), breadcrumb lines that end
// with the title ("Home Central Asia and China TITLE"), dates, and the title printed twice.
//
//   - If a block repeats, or ends with, a later block, that later block is the title and
//     everything before it is navigation.
//   - Otherwise navigation lines are skipped and the next block is the title, unless it reads
//     like a sentence (it ends with a full stop): then the title is the capitals at the end of a
//     breadcrumb line if there are any, and the article has no title if not.
//   - If the head holds nothing but navigation-like lines, the last of them is the title.
func findHead(cands []candidate) headResult {
	res := headResult{title: -1, drop: map[int]bool{}}
	n := 0
	for n < len(cands) && n < maxHeadBlocks && isHeadLike(cands[n]) {
		n++
	}
	if n == 0 {
		return res
	}
	res.title = repeatedTitle(cands[:n])
	joined := ""
	if res.title < 0 {
		res.title, joined = titleAboveAuthors(cands[:n])
	}
	if res.title < 0 {
		i, crumbTitle := 0, -1
		for i < n && (isNavigation(cands[i].text) || isFilingLine(cands[i].text) || seriesMark.MatchString(cands[i].text) ||
			isMasthead(cands, i, n)) {
			if withoutBreadcrumb(cands[i].text) != cands[i].text {
				crumbTitle = i
			}
			i++
		}
		for j := range i {
			res.drop[j] = true
		}
		switch {
		case i < n && subsectionNumber.MatchString(cands[i].text):
			// A section numbered under a chapter ("2.3. Уран: тихий экспорт"): the text is an
			// excerpt of a longer work, and the line heads its first section, not the text.
			return res
		case i < n && !endsWithFullStop(cands[i].text):
			res.title = i
		case crumbTitle >= 0:
			// The title is printed only at the end of the breadcrumb line.
			res.title = crumbTitle
			delete(res.drop, crumbTitle)
		case i == n:
			// Only navigation-like lines before the body: the last one is the title.
			res.title = n - 1
			delete(res.drop, n-1)
		default:
			// The first real line is a sentence: navigation goes, but there is no title.
			return res
		}
	}
	for j := range res.title {
		res.drop[j] = true
	}
	res.titleText = withoutBreadcrumb(cands[res.title].text)
	last := res.title  // the last block of the title
	first := res.title // the first line of the title
	if joined != "" {
		res.titleText = joined
		for first > 0 && res.drop[first-1] && strings.HasPrefix(joined, cands[first-1].text) {
			first--
		}
	}
	// A title set large breaks over lines: "Wool prices in the steppe: why" / "Chinese buyers
	// set the market". The line the title was found on may be the second, or the third.
	for k := first; k > 0 && res.drop[k-1] && titleStartsAbove(cands[k-1], res.titleText); k-- {
		res.titleText = joinTitleLines(cands[k-1].text, res.titleText)
	}
	for n := 0; n < maxTitleLines && last+1 < len(cands) && titleGoesOn(cands, last, res.titleText); n++ {
		// "Border Markets After the" / "Pandemic", "В Омской области запустят" / "паромную
		// переправу через" / "Иртыш".
		last++
		res.titleText = joinTitleLines(res.titleText, cands[last].text)
		res.drop[last] = true
	}
	key := titleKey(cands[res.title].text)
	for j := res.title + 1; j < n; j++ {
		if titleKey(cands[j].text) == key {
			res.drop[j] = true
		}
	}
	return res
}

// isMasthead reports a line of the masthead over a title: one that names an institution, with
// a line under it that may be the title, or one that ends with the separator a masthead's parts
// are set apart by ("Институт стратегических исследований ·"), or the part after such a line.
func isMasthead(cands []candidate, i, n int) bool {
	t := cands[i].text
	if articleGenre.MatchString(strings.TrimSpace(t)) {
		return true // "Научная статья", "Research article" over a paper's title
	}
	if i > 0 && endsWithSeparator(cands[i-1].text) && namesPublisher(t) {
		return true
	}
	if !namesPublisher(t) || i+1 >= n || !readsAsTitle(cands[i+1].text) {
		return false
	}
	// A genre's or a series' name alone ("Аналитический доклад", "Working Paper Series") over a
	// longer line is the masthead the running header repeats the rest of.
	return endsWithSeparator(t) || holdsAny(t, institutionWords) ||
		len(strings.Fields(t)) <= maxGenreWords && columns(cands[i+1].text) > columns(t)
}

// articleGenre matches the line that says what kind of paper follows, as journals print it over
// the title: "Научная статья", "Research article", "Ғылыми мақала", "研究论文".
var articleGenre = regexp.MustCompile(`(?i)^(?:(?:научная|обзорная|оригинальная|исследовательская) статья|` +
	`(?:research|original|review) (?:article|paper)|(?:ғылыми|шолу) мақала(?:сы)?|(?:研究|综述)论文)$`)

// maxGenreWords: the name of a genre or a series printed over a title is a word or three.
const maxGenreWords = 3

// endsWithSeparator reports a line that ends with a bar, a middle dot or a dash.
func endsWithSeparator(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune("|｜·•—–", r)
}

// readsAsTitle reports a line that may be a title: words in lower case among others, no
// sentence's end, and no byline, names or date.
func readsAsTitle(s string) bool {
	return (hasLower(s) || isHanText(s)) && !endsWithFullStop(s) && !hasBylinePrefix(s) && !isNameLine(s) && !isPublicationLine(s) && !isFilingLine(s)
}

// minStandfirstWords: a summary under a title is a sentence, longer than a title runs.
const minStandfirstWords = 12

// isStandfirst reports a block that reads as the summary set under a title: it ends a sentence
// or a question, or runs longer than a title does.
func isStandfirst(s string) bool {
	return endsWithTerminator(s) || len(strings.Fields(s)) >= minStandfirstWords
}

// maxTitleTailWords: the line a title breaks onto is a few words.
const maxTitleTailWords = 6

// maxTitleLines: a title set large runs over four lines at most.
const maxTitleLines = 3

// titleGoesOn reports a title (title, its text so far ending with block last) whose next block
// is more of it: a short line, no sentence and no byline, that begins in lower case (no block
// does), or that follows a title ending in a small word, a colon, a comma or a dash ("the", "of",
// "на", "через"), or that is short, no wider than the title's line, and stands over the byline,
// the authors' names, the summary or the text, where no section starts.
func titleGoesOn(cands []candidate, last int, title string) bool {
	next := cands[last+1]
	t := next.text
	if next.marker != "" || next.lines > 2 || endsWithTerminator(title) || endsWithTerminator(t) && !strings.HasSuffix(t, "?") && !strings.HasSuffix(t, "？") ||
		hasBylinePrefix(t) || isPublicationLine(t) || isFilingLine(t) {
		return false
	}
	if isHanText(title) && isHanText(t) {
		// (A short Chinese line reads as a menu's item; under a full line of a title it is the
		// title's end, and so it is over the authors' line under a title set large.)
		line := cands[last].text
		if hanTitleGoesOn(line, t, minHanTitleLine) {
			return true
		}
		if strings.ContainsRune("：:的与和及对在", lastRuneOf(line)) && hanTitleGoesOn(line, t, 2) {
			return true // a line that stops on a colon or a word that joins ("的", "与") goes on
		}
		if by := last + 2; by < len(cands) && cands[by].marker == "" && utf8.RuneCountInString(line) >= minHanTitleLine/2 &&
			(hasBylinePrefix(cands[by].text) || isChineseNames(cands[by].text)) {
			return hanTitleGoesOn(line, t, minHanTitleLine/2)
		}
		return false
	}
	if isAllCaps(cands[last].text) && isAllCaps(t) && len(strings.Fields(t)) <= 2*maxTitleTailWords && last+2 < len(cands) &&
		(endsWithSmallWord(title) || endsWithJoiner(title) || opensWithName(cands[last+2].text)) {
		// A title in capitals over several lines ("КАЗАХСТАНСКИЕ СТУДЕНТЫ В КИТАЕ:" / "МАСШТАБЫ, МОТИВЫ И
		// ТРАЕКТОРИИ" / "ВОЗВРАЩЕНИЯ") goes on in capitals down to the authors; a line in
		// capitals over the text is a section's heading.
		return true
	}
	if isNavigation(t) && !hasLower(t) {
		return false
	}
	words := len(strings.Fields(t))
	if first, _ := utf8.DecodeRuneInString(t); unicode.IsLower(first) {
		return words <= 2*maxTitleTailWords
	}
	if isNameLine(t) && !titleCased(title) || isInitialledAuthor(withoutAffiliationMarks(t)) || isHanText(t) {
		return false
	}
	if endsWithSmallWord(title) || endsWithJoiner(title) {
		// "China's electric buses arrive in" / "Tashkent, and the depots struggle" / "to keep
		// up": a title that stops on a small word goes on, over a line or two.
		return words <= 2*maxTitleTailWords
	}
	if next.lines != 1 || words > maxTitleTailWords || last+2 >= len(cands) || columns(t) > columns(cands[last].text) {
		return false
	}
	// Under a title's line a short line is its end or the first heading: a heading stands over
	// text, the end of a title over the byline, or over the summary that the byline follows.
	by := cands[last+2]
	if isNameLine(t) {
		return isAuthorLine(by.text) && !isNameLine(title)
	}
	signs := func(c candidate) bool {
		return c.marker == "" && (hasBylinePrefix(c.text) && isBylineText(c.text) || isAuthorLine(c.text))
	}
	return signs(by) || by.marker == "" && isStandfirst(by.text) && last+3 < len(cands) && signs(cands[last+3])
}

// titleStartsAbove reports a block dropped above the line a title was found on that is the
// title's start: no sentence, no navigation or masthead, and a line the title cannot end on (a
// small word, a colon, a comma, a dash) or a title that goes on in lower case.
func titleStartsAbove(prev candidate, title string) bool {
	p := prev.text
	if prev.marker == "" && prev.lines == 1 && isHanText(p) && isHanText(title) && !strings.ContainsAny(p, " \u3000") &&
		!strings.ContainsFunc(p, unicode.IsDigit) && !isSeriesLine(p) {
		// A Chinese title set large over two lines, found on its second: "中亚来华务工人员子女" /
		// "入学问题调研报告".
		return hanTitleGoesOn(p, title, minHanTitleLine/2)
	}
	if prev.marker != "" || prev.lines > 2 || endsWithTerminator(p) || isNavigation(p) || isPublicationLine(p) ||
		isFilingLine(p) || seriesMark.MatchString(p) || endsWithSeparator(p) || hasBylinePrefix(p) {
		return false
	}
	if isHanText(p) && isHanText(title) {
		return hanTitleGoesOn(p, title, minHanTitleLine)
	}
	first, _ := utf8.DecodeRuneInString(title)
	return endsWithSmallWord(p) || endsWithJoiner(p) || unicode.IsLower(first)
}

// Chinese titles break wherever a line is full, inside a word too: "中欧班列过境哈萨克斯坦的运力
// 瓶颈与扩" / "能路径". minHanTitleLine is the length of a title line that a break may end, and
// maxHanTitleTail that of the line the title ends on.
const (
	minHanTitleLine = 14
	maxHanTitleTail = 16
)

// hanTitleGoesOn reports a Chinese line t under the title's line line that ends the title: a
// shorter line, no sentence, no names or label (作者：…, 【文/…】, 记者 王海燕), no subtitle after a
// dash (——以…为例), no number of a section or a date. A title line that is not full is whole:
// a short line under it is a heading or a byline.
func hanTitleGoesOn(line, t string, minLine int) bool {
	n := utf8.RuneCountInString(t)
	if utf8.RuneCountInString(line) < minLine || n > maxHanTitleTail || columns(t) >= columns(line) ||
		endsWithTerminator(t) && !strings.HasSuffix(t, "？") && !strings.HasSuffix(t, "！") ||
		isChineseNames(t) || strings.ContainsAny(t, ":： /【[") || strings.HasPrefix(t, "—") || strings.HasPrefix(t, "─") ||
		isPublicationLine(t) || isDateline(t) {
		return false
	}
	for _, by := range hanAuthorGroups {
		if strings.HasSuffix(t, by) {
			return false // 县商务局课题组: the authors, a group
		}
	}
	r, _ := utf8.DecodeRuneInString(t)
	return !unicode.IsDigit(r)
}

// opensWithName reports a block that opens with a person's name, before a comma or alone: an
// author's line ("Жанар Болатовна Оспанова, кандидат социологических наук, …").
func opensWithName(s string) bool {
	name, _, _ := strings.Cut(s, ",")
	return len(strings.Fields(name)) >= 2 && (isNameLine(strings.TrimSpace(name)) || isInitialledAuthor(strings.TrimSpace(name)))
}

// hanAuthorGroups end the names of the groups that sign Chinese reports.
var hanAuthorGroups = []string{"课题组", "调研组", "编写组", "工作组", "编辑部", "研究组"}

// joinTitleLines joins two lines of a title: with a space, or with none between Chinese lines.
func joinTitleLines(a, b string) string {
	if isHanText(a) && isHanText(b) {
		return a + b
	}
	return a + " " + b
}

// titleJoiners are the words a title's line may end on that a title does not end with: English
// and Russian prepositions and conjunctions of four letters or more ("between", "через"); the
// shorter ones are endsWithSmallWord's.
var titleJoiners = map[string]bool{"with": true, "from": true, "into": true, "after": true, "over": true,
	"between": true, "without": true, "about": true, "against": true, "through": true, "across": true,
	"toward": true, "towards": true, "amid": true, "among": true, "than": true, "when": true, "where": true,
	"через": true, "между": true, "после": true, "перед": true, "против": true, "вокруг": true, "среди": true,
	"для": true, "без": true, "при": true, "над": true, "под": true, "или": true, "чтобы": true, "когда": true,
	"және": true, "немесе": true}

// endsWithJoiner reports a line that ends with a comma, a dash, or one of titleJoiners.
func endsWithJoiner(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	if r == ',' || r == '—' || r == '–' {
		return true
	}
	words := strings.Fields(s)
	return len(words) >= 2 && titleJoiners[words[len(words)-1]]
}

// titleSmallWords are the English words a title in title case leaves in lower case: articles,
// conjunctions and prepositions.
var titleSmallWords = map[string]bool{"from": true, "into": true, "onto": true, "over": true, "with": true,
	"than": true, "upon": true, "amid": true, "near": true, "past": true, "like": true, "unto": true}

// titleCased reports an English title in title case: every word of four letters or more
// capitalised but the small ones ("from", "with"). Its lines are then capitalised as names are
// ("Smaller Loans, Harder Terms").
func titleCased(s string) bool {
	n := 0
	for _, w := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(w)
		if utf8.RuneCountInString(w) < 4 || !unicode.IsLetter(r) || titleSmallWords[w] {
			continue
		}
		if !unicode.IsUpper(r) || !unicode.In(r, unicode.Latin) {
			return false
		}
		n++
	}
	return n >= 2
}

// titleAboveAuthors finds the title of a document whose head opens with a masthead (the
// journal, the series, a classification code, the publisher): the block right above the first
// line of authors' names under it, joined with the block above that when it ends in a small
// word that a title does not end with ("The Case for a" / "Regional Power Market"). It returns
// -1 when no line of names follows a title-like block after the first.
func titleAboveAuthors(head []candidate) (int, string) {
	for j := 2; j < len(head); j++ {
		// A title in capitals is no line of names, whatever its words' case says.
		if !isAuthorLine(head[j].text) || isNameLine(head[j-1].text) && !isAllCaps(head[j-1].text) {
			continue
		}
		if isAllCaps(head[j].text) && j+1 < len(head) && (isAllCaps(head[j+1].text) || isAuthorLine(head[j+1].text)) {
			continue // a line of a title in capitals, over the rest of it or over the names
		}
		t := head[j-1].text
		if isAllCaps(t) && !isFilingLine(t) && !endsWithFullStop(t) {
			// A title in capitals set over several lines ("ҚАЗАҚСТАН МЕН ҚЫТАЙ АРАСЫНДАҒЫ" /
			// "АУЫЛ ШАРУАШЫЛЫҒЫ ӨНІМДЕРІНІҢ САУДАСЫ"): the lines in capitals above it are its
			// start, up to the masthead or the classification code. Its last line may be as
			// short as a menu's word ("ВЫЗОВЫ И ВОЗМОЖНОСТИ").
			k := j - 1
			for k > 0 && isAllCaps(head[k-1].text) && !endsWithFullStop(head[k-1].text) && !seriesMark.MatchString(head[k-1].text) &&
				!isFilingLine(head[k-1].text) && !isNavigation(head[k-1].text) && !isPublicationLine(head[k-1].text) &&
				(k > 1 || !namesPublisher(head[k-1].text)) {
				k--
			}
			if k < j-1 && !seriesMark.MatchString(t) && !isPublicationLine(t) {
				parts := make([]string, 0, j-k)
				for _, c := range head[k:j] {
					parts = append(parts, c.text)
				}
				return j - 1, strings.Join(parts, " ")
			}
		}
		if j >= 2 && isStandfirst(t) {
			// Between the title and the authors, a summary in a sentence or two: the title is
			// the block above it.
			if p := head[j-2].text; readsAsTitle(p) && !namesPublisher(p) && !isNavigation(p) && !seriesMark.MatchString(p) {
				return j - 2, ""
			}
		}
		if endsWithFullStop(t) || isNavigation(t) || isPublicationLine(t) || seriesMark.MatchString(t) || isFilingLine(t) {
			return -1, ""
		}
		if endsWithSmallWord(t) && j+1 < len(head) && isNameLine(head[j+1].text) {
			// The title goes on over the next line, which only looked like names.
			return j, joinTitleLines(t, head[j].text)
		}
		if prev := head[j-2].text; !seriesMark.MatchString(prev) && (j >= 3 && endsWithSmallWord(prev) ||
			// A title set large breaks where the line is full: its first line is the longer.
			readsAsTitle(prev) && !namesPublisher(prev) && !isNavigation(prev) && columns(prev) > columns(t) && !endsWithTerminator(prev)) {
			return j - 1, joinTitleLines(prev, t)
		}
		return j - 1, ""
	}
	return -1, ""
}

// subsectionNumber matches the number of a section below a chapter ("2.3. Уран", "1.2.4
// Methods"), which a title does not carry; a capital follows it, not a unit ("2.5 million").
var subsectionNumber = regexp.MustCompile(`^\d{1,2}(\.\d{1,2})+\.?\s+\p{Lu}`)

// endsWithSmallWord reports a line that ends in a lower-case word of at most three letters ("a",
// "of", "the", "and"), or a colon: a title broken across lines.
func endsWithSmallWord(s string) bool {
	if strings.HasSuffix(s, ":") {
		return true
	}
	words := strings.Fields(s)
	if len(words) < 2 {
		return false
	}
	w := words[len(words)-1]
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r) && utf8.RuneCountInString(w) <= 3 && !strings.ContainsFunc(w, unicode.IsPunct)
}

// isHeadLike reports a block short enough, and free of list or quote markup, to be a title or
// navigation.
func isHeadLike(c candidate) bool {
	return c.marker == "" && columns(c.text) <= maxHeadColumns && !(endsWithFullStop(c.text) && columns(c.text) > 80)
}

// repeatedTitle returns the index of a head block that an earlier head block repeats or ends
// with, or -1.
func repeatedTitle(head []candidate) int {
	// A block printed twice whole is the title before one that a longer line merely ends with
	// ("Author(s): Karina Abdullaeva" / "KARINA ABDULLAEVA").
	for j := 1; j < len(head); j++ {
		t := titleKey(head[j].text)
		if utf8.RuneCountInString(t) < minRepeatedTitleRunes {
			continue
		}
		for i := range j {
			if titleKey(head[i].text) == t {
				return j
			}
		}
	}
	for j := 1; j < len(head); j++ {
		t := titleKey(head[j].text)
		if utf8.RuneCountInString(t) < minRepeatedTitleRunes {
			continue
		}
		for i := range j {
			crumb := titleKey(head[i].text)
			if crumb == t {
				return j
			}
			if prefix, ok := strings.CutSuffix(crumb, t); ok {
				last, _ := utf8.DecodeLastRuneInString(prefix)
				if last == ' ' || !unicode.IsLetter(last) || isHan(last) {
					return j
				}
			}
		}
	}
	return -1
}

// minCapsTitleWords: an all-caps run at the end of a breadcrumb line is taken for the title only
// from this many words on.
const minCapsTitleWords = 3

// withoutBreadcrumb returns the title of a line that holds breadcrumb words and then the title in
// capitals, when the title is not repeated on a line of its own: "Home Central Asia and China
// PARTNERSHIP BETWEEN …" gives "PARTNERSHIP BETWEEN …". Other lines are returned unchanged.
func withoutBreadcrumb(line string) string {
	words := strings.Split(line, " ")
	start := len(words)
	for start > 0 && !hasLower(words[start-1]) {
		start--
	}
	// Leading non-letter words ("—", "|") belong to the breadcrumb, not to the title.
	for start < len(words) && !hasLetters(words[start]) {
		start++
	}
	if start == 0 || len(words)-start < minCapsTitleWords {
		return line
	}
	return strings.Join(words[start:], " ")
}

func hasLetters(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }
func hasLower(s string) bool   { return strings.IndexFunc(s, unicode.IsLower) >= 0 }

// titleKey is the form in which title copies are compared: case-folded, without surrounding
// punctuation.
func titleKey(s string) string {
	return strings.ToLower(strings.TrimFunc(s, func(r rune) bool {
		return r == ' ' || unicode.IsPunct(r) || unicode.IsSymbol(r)
	}))
}

// endsWithFullStop reports text ending in a full stop, which titles do not.
func endsWithFullStop(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(s, isClosing))
	return r == '.' || r == '。' || r == '．'
}

// breadcrumbSeparators join the parts of a "Home > Section > Article" trail.
var breadcrumbSeparators = []string{" > ", " › ", " » ", " / ", " | ", " → ", " • ", " · ", " :: ", "＞", "›", "»"}

// isNavigation reports a line that looks like site navigation rather than article text: a
// breadcrumb trail, one to three capitalised menu words ("LATEST", "NEWS & EVENTS"), a single
// word, a short run of Chinese characters ("首页"), or a date.
func isNavigation(s string) bool {
	if endsWithTerminator(s) {
		return false
	}
	for _, sep := range breadcrumbSeparators {
		if strings.Contains(s, sep) && !(strings.TrimSpace(sep) == "»" && strings.Contains(s, "«")) &&
			!(strings.TrimSpace(sep) == "›" && strings.Contains(s, "‹")) {
			// A closing guillemet after an opening one quotes a name («Пояс и путь»).
			return true
		}
	}
	words := strings.Fields(s)
	switch {
	case len(words) == 1 && utf8.RuneCountInString(s) <= 20:
		return !isHanText(s) || utf8.RuneCountInString(s) <= 4
	case len(words) <= 3 && utf8.RuneCountInString(s) <= 30 && isAllCaps(s):
		return true
	}
	return isDateLine(s)
}

// isAllCaps reports text whose cased letters are all capitals, with at least two of them.
func isAllCaps(s string) bool {
	upper := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return upper >= 2
}

// isHanText reports text whose letters are mostly Chinese characters.
func isHanText(s string) bool {
	han, letters := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if isHan(r) {
				han++
			}
		}
	}
	return letters > 0 && han*2 > letters
}

// isDateLine reports a line that is only a date or a time stamp: "12 March 2024",
// "2024-03-12 14:05", "12.03.2024", "2024年3月12日".
func isDateLine(s string) bool {
	if !strings.ContainsFunc(s, unicode.IsDigit) {
		return false // every date has a number
	}
	s = withoutDateLead(s)
	if t := strings.TrimSpace(s); len(t) <= maxShortDateBytes &&
		(dayMonth.MatchString(t) || relativeTime.MatchString(t) || strings.Contains(t, ":") && timeOfDay.MatchString(t)) {
		return true
	}
	// Again after a match, since one match takes the space the next one needs: "10:42 a.m. ET".
	if t := timeZone.ReplaceAllString(s, " "); t != s {
		s = timeZone.ReplaceAllString(t, " ")
		if t := strings.TrimSpace(s); timeOfDay.MatchString(t) {
			return true // a time with its zone: "9:21 AM GMT+5"
		}
	}
	if strings.IndexFunc(s, func(r rune) bool { return isHan(r) && !strings.ContainsRune("年月日号", r) }) >= 0 {
		return false // Chinese words other than the date's own: "2023年发生了什么变化"
	}
	digits, letterWords, longWords := 0, 0, 0
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == ',' || r == '.' || r == '-' || r == '/' || r == ':' || r == '年' || r == '月' || r == '日'
	}) {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsDigit(r) {
			// A time of day with its half of the day written on: "06:00am", "2:05pm".
			if l := strings.ToLower(w); strings.HasSuffix(l, "am") || strings.HasSuffix(l, "pm") {
				w = w[:len(w)-2]
			} else if ordinalDay.MatchString(l) {
				w = w[:len(w)-2] // an English day written as an ordinal: "May 12th, 2024"
			}
			if strings.TrimFunc(w, unicode.IsDigit) != "" {
				return false
			}
			digits += len(w)
			continue
		}
		if strings.TrimFunc(w, func(r rune) bool { return unicode.Is(unicode.Pd, r) }) == "" {
			continue // a dash between the place and the year: "Москва — 2024"
		}
		letterWords++
		if utf8.RuneCountInString(w) > 10 || strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
			return false // a date's words are words: "marina_kz" or "|" is none
		}
		if l := strings.ToLower(w); !monthWord.MatchString(l) && !dateWords[l] && !unicode.IsUpper(firstLetter(w)) {
			return false // "Priorities for 2024": a word that belongs to no date
		}
		if utf8.RuneCountInString(w) > 3 {
			longWords++
		}
	}
	// A month and a weekday, or abbreviations alone ("Mon 4 Mar 2024 06.00 GMT").
	return digits >= 4 && (letterWords <= 2 || longWords == 0 && letterWords <= 4)
}

// ordinalDay matches a day of the month written as an English ordinal: "1st", "22nd", "12th".
var ordinalDay = regexp.MustCompile(`^\d{1,2}(st|nd|rd|th)$`)

// maxDateLeadRunes: a Chinese word that leads a date ("发布于", "发布时间：", "更新") is this short.
const maxDateLeadRunes = 4

// withoutDateLead returns s without a short word that says what the date is: a label of one
// or two words and a colon ("Опубликовано: 12 января 2024", "Updated: 3 March"), or a Chinese
// word ("发布于 2024年5月20日", "发布时间：2024-05-20"), when a digit follows it.
func withoutDateLead(s string) string {
	if label, rest, ok := strings.Cut(s, ":"); ok && len(strings.Fields(label)) <= 2 && hasLetters(label) &&
		!strings.ContainsFunc(label, unicode.IsDigit) {
		rest = strings.TrimSpace(rest)
		if r, _ := utf8.DecodeRuneInString(rest); unicode.IsDigit(r) {
			return rest
		}
	}
	i, n := 0, 0
	for _, r := range s {
		if !isHan(r) {
			break
		}
		i += utf8.RuneLen(r)
		n++
	}
	if n == 0 || n > maxDateLeadRunes {
		return s
	}
	rest := strings.TrimLeft(s[i:], "：: \u3000")
	if r, _ := utf8.DecodeRuneInString(rest); !unicode.IsDigit(r) {
		return s
	}
	return rest
}

// relativeTime matches a time counted back from now, as pages print recent dates: "2 hours ago",
// "5 минут назад", "3 сағат бұрын", "2小时前".
var relativeTime = regexp.MustCompile(`(?i)^(\d{1,3}\s*(min(ute)?s?|hours?|hrs?|days?|weeks?|months?)\s+ago|` +
	`\d{1,3}\s*(минут[уы]?|мин\.?|час(а|ов)?|дн(я|ей)|день|недел[юьи]|месяц(а|ев)?)\s+назад|` +
	`\d{1,3}\s*(минут|сағат|күн|апта|ай)\s+бұрын|\d{1,3}\s*(分钟|小时|天|周|个月)前)$`)

// maxShortDateBytes: a date without its year, a time counted back or a time of day is short.
const maxShortDateBytes = 48

// timeOfDay matches a time alone, as a post's footer prints it beside the date: "at 8:14 PM",
// "в 20:14", "14:05".
var timeOfDay = regexp.MustCompile(`(?i)^((at|в|сағат)\s+)?\d{1,2}:\d{2}(\s*[ap]\.?m\.?)?$`)

// timeZone matches the half of the day and the time zone printed after a time ("10:42 AM
// GMT+5", "06:00 EDT", "14:05 МСК"), which say nothing more of the date.
var timeZone = regexp.MustCompile(`(?i)(^|\s)(a\.?m\.?|p\.?m\.?|(gmt|utc)([+-]\d{1,2}(:\d{2})?)?|[ecmp][sd]?t|bst|cet|cest|msk|мск|almt)(\s|$)`)

// dayMonth matches a date without its year, as platforms print recent ones: "3 мая", "Jan 18",
// "11 мар в 13:05", "14 Ақпан, 11:20", "3月5日". The month names are those of the four languages,
// whole or cut to three letters.
var dayMonth = regexp.MustCompile(`(?i)^(\d{1,2}\s+(` + monthNames + `)\.?|(` + monthNames + `)\.?\s+\d{1,2}|\d{1,2}月\d{1,2}日)` +
	`(,?\s*(в|at|,)?\s*\d{1,2}:\d{2})?$`)

// monthWord matches a month's name, whole or cut; Russian months also in the nominative, as a
// report dates itself ("октябрь 2024 г.").
var monthWord = regexp.MustCompile(`^(` + monthNames + `)$`)

// dateWords are the other words a date line may hold in lower case: weekdays, the words for
// "year", and the particles before a time.
var dateWords = map[string]bool{
	"г": true, "гг": true, "года": true, "год": true, "ж": true, "жыл": true, "жылы": true, "жылғы": true,
	"at": true, "on": true, "of": true, "в": true, "сағат": true,
	"mon": true, "tue": true, "wed": true, "thu": true, "fri": true, "sat": true, "sun": true,
	"пн": true, "вт": true, "ср": true, "чт": true, "пт": true, "сб": true, "вс": true,
	"понедельник": true, "вторник": true, "среда": true, "четверг": true, "пятница": true, "суббота": true, "воскресенье": true,
	"дүйсенбі": true, "сейсенбі": true, "сәрсенбі": true, "бейсенбі": true, "жұма": true, "сенбі": true, "жексенбі": true,
}

const monthNames = `jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t|tember)?|oct(ober)?|nov(ember)?|dec(ember)?|` +
	`янв(аря|арь)?|фев(раля|раль)?|мар(та|т)?|апр(еля|ель)?|ма[яй]|июн[яь]?|июл[яь]?|авг(уста|уст)?|сен(тября|тябрь)?|окт(ября|ябрь)?|ноя(бря|брь)?|дек(абря|абрь)?|` +
	`қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан`
