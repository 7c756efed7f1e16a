package document

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text copied from a PDF carries the furniture of every page: a running header (the journal,
// the series, the title in capitals), the page number and sometimes the series again at the
// foot, and the notes printed at the foot of the page that refers to them. None of it can be
// recognised by a fixed list of words, so readPages finds it the way a reader does, from the
// document as a whole:
//
//   - page numbers are short lines whose digits count up, one per page, under one pattern
//     ("Page 3", "— 3 —", "Стр. 3", "3-бет", "第3页", or the number alone); they cut the text
//     into pages;
//   - a running header or footer is a line that opens or closes most pages the same way;
//   - a page's notes are the lines at its foot that open with a number the page's text carries
//     as a reference mark right after a word ("пропуска.1"), in ascending order.
//
// What it removes never reaches the blocks; the notes become footnote blocks in the order of
// their numbers, and the reference marks leave the text. Text that shows no page numbers is left as it is.

// pageNumberLine matches a line that may be a page number: at most three digits, and around
// them at most a short word or dashes.
var pageNumberLine = regexp.MustCompile(`^[^\d]{0,8}\d{1,3}[^\d]{0,8}$`)

// noteStart matches the first line of a note at the foot of a page: its number, a space, text.
var noteStart = regexp.MustCompile(`^(\d{1,3})[.)]?\s+\S`)

// minPageLines: a page number follows at least this many lines of text.
const minPageLines = 6

type pageLine struct {
	text  string
	blank bool
}

// pagedText is the result of readPages.
type pagedText struct {
	text  string   // the article's lines, furniture and notes removed
	notes []string // the notes, by number - 1
}

// readPages removes the page furniture of text copied from a PDF and takes out its notes. It
// returns ok false when the text has no page numbers.
func readPages(text string) (pagedText, bool) {
	raw := strings.Split(text, "\n")
	lines := make([]pageLine, len(raw))
	for i, l := range raw {
		t := collapseSpaces(l)
		lines[i] = pageLine{text: t, blank: t == ""}
	}
	breaks := pageNumbers(lines)
	if len(breaks) == 0 {
		return pagedText{}, false
	}
	// Pages: the lines between page numbers; what follows the last number is a page too.
	var pages [][]pageLine
	start := 0
	for _, b := range breaks {
		pages = append(pages, lines[start:b])
		start = b + 1
	}
	if tail := trimBlank(lines[min(start, len(lines)):]); len(tail) > 0 {
		pages = append(pages, tail)
	}
	for i := range pages {
		pages[i] = trimBlank(pages[i])
	}
	header := removeRunning(pages)
	for i, p := range pages {
		// The series' or journal's line right above a page number, repeated or not.
		if n := len(p); n > 2 && isSeriesLine(p[n-1].text) && !endsWithTerminator(p[n-1].text) {
			pages[i] = trimBlank(p[:n-1])
		}
	}
	notes := map[int]string{}
	for i := range pages {
		pages[i] = takeNotes(pages[i], notes)
	}
	if !header {
		removeLoneHeaders(pages)
	}
	var b strings.Builder
	for i, p := range pages {
		for j, l := range p {
			if l.blank {
				b.WriteString("\n")
				continue
			}
			b.WriteString(l.text)
			if j < len(p)-1 || i < len(pages)-1 {
				b.WriteString("\n")
			}
		}
	}
	out := pagedText{text: b.String()}
	nums := make([]int, 0, len(notes))
	for n := range notes {
		nums = append(nums, n)
	}
	sort.Ints(nums)
	for _, n := range nums {
		out.notes = append(out.notes, notes[n])
	}
	return out, true
}

func trimBlank(p []pageLine) []pageLine {
	for len(p) > 0 && p[0].blank {
		p = p[1:]
	}
	for len(p) > 0 && p[len(p)-1].blank {
		p = p[:len(p)-1]
	}
	return p
}

// pageNumbers returns the indexes of the page-number lines: the lines of the one pattern (the
// line with its digits replaced) whose numbers go up by one, at least twice, at least
// minPageLines lines apart.
func pageNumbers(lines []pageLine) []int {
	type hit struct{ at, n int }
	byPattern := map[string][]hit{}
	for i, l := range lines {
		if l.blank || !pageNumberLine.MatchString(l.text) || utf8.RuneCountInString(l.text) > 16 {
			continue
		}
		pattern, n := digitPattern(l.text)
		if n < 0 || strings.Count(pattern, "#") != 1 {
			continue
		}
		if letters := strings.IndexFunc(pattern, unicode.IsLetter); letters >= 0 && len(strings.Fields(pattern)) > 2 {
			continue
		}
		byPattern[pattern] = append(byPattern[pattern], hit{i, n})
	}
	var best []int
	for _, hits := range byPattern {
		// The longest run of numbers going up by one, far enough apart.
		var run, longest []hit
		for _, h := range hits {
			if len(run) > 0 && (h.n != run[len(run)-1].n+1 || h.at-run[len(run)-1].at < minPageLines) {
				if len(run) > len(longest) {
					longest = run
				}
				run = nil
			}
			if len(run) == 0 && h.at < minPageLines {
				continue
			}
			run = append(run, h)
		}
		if len(run) > len(longest) {
			longest = run
		}
		if len(longest) == 1 && len(hits) == 1 && lastLine(lines) == longest[0].at && len(best) == 0 {
			// One page: its number closes the text.
			best = []int{longest[0].at}
			continue
		}
		if len(longest) >= 2 && len(longest) > len(best) {
			best = best[:0]
			for _, h := range longest {
				best = append(best, h.at)
			}
		}
	}
	return best
}

// digitPattern returns s with its run of digits replaced by "#" and the number they spell.
func digitPattern(s string) (string, int) {
	var b strings.Builder
	num, digits := -1, ""
	for _, r := range s {
		if r >= '0' && r <= '9' {
			digits += string(r)
			continue
		}
		if digits != "" {
			b.WriteByte('#')
			num, _ = strconv.Atoi(digits)
			digits = ""
		}
		b.WriteRune(r)
	}
	if digits != "" {
		b.WriteByte('#')
		num, _ = strconv.Atoi(digits)
	}
	return b.String(), num
}

// furnitureKey is the form in which running lines are compared: digits masked, spaces
// collapsed.
func furnitureKey(s string) string {
	p, _ := digitPattern(s)
	return p
}

// removeRunning removes the running header (the first line of most pages) and footer (the
// last line of most pages, after the page number is gone), and reports whether there was a
// header. On the first page the header line
// is removed only when the title follows it: a repeated copy of it, or another short line.
func removeRunning(pages [][]pageLine) (header bool) {
	if len(pages) == 1 && len(pages[0]) > 2 && isSeriesLine(pages[0][0].text) && titleFollows(pages[0], pages[0][0].text) {
		// One page that opens with the series or journal line, the title under it.
		pages[0] = trimBlank(pages[0][1:])
		return true
	}
	if len(pages) == 1 {
		// One page: a line that both opens and closes it is the series' or journal's name.
		p := pages[0]
		if len(p) > 2 && furnitureKey(p[0].text) == furnitureKey(p[len(p)-1].text) && titleFollows(p, p[0].text) {
			pages[0] = trimBlank(p[1 : len(p)-1])
			return true
		}
		return false
	}
	for _, top := range []bool{true, false} {
		counts := map[string]int{}
		for _, p := range pages {
			if l, ok := edgeLine(p, top); ok {
				counts[furnitureKey(l)]++
			}
		}
		key, most := "", 0
		for k, n := range counts {
			if n > most || n == most && k < key {
				key, most = k, n
			}
		}
		// A line of most pages: all but one, at least two.
		if most < 2 || most < len(pages)-1 || utf8.RuneCountInString(key) > maxHeadColumns {
			continue
		}
		header = header || top
		for i, p := range pages {
			l, ok := edgeLine(p, top)
			if !ok || furnitureKey(l) != key {
				continue
			}
			if top && i == 0 && !titleFollows(p, l) {
				continue
			}
			if top {
				pages[i] = trimBlank(p[1:])
			} else {
				pages[i] = trimBlank(p[:len(p)-1])
			}
		}
	}
	return header
}

func edgeLine(p []pageLine, top bool) (string, bool) {
	if len(p) == 0 {
		return "", false
	}
	if top {
		return p[0].text, true
	}
	return p[len(p)-1].text, true
}

// A title has at least minTitleWords words, or minTitleHan Chinese characters; a shorter line
// after a running header is more likely a section heading under a title that the header is.
const (
	minTitleWords = 3
	minTitleHan   = 6
)

// titleFollows reports whether the first page, opening with the running header, has a title
// after it: the header repeated (in any case), or a short line that reads like a title.
func titleFollows(p []pageLine, header string) bool {
	for _, l := range p[1:] {
		if l.blank {
			continue
		}
		if strings.EqualFold(l.text, header) {
			return true
		}
		return columns(l.text) <= maxHeadColumns && !endsWithTerminator(l.text) && !hasBylinePrefix(l.text) &&
			!isPublicationLine(l.text) && (len(strings.Fields(l.text)) >= minTitleWords || columns(l.text) >= 2*minTitleHan)
	}
	return false
}

// takeNotes removes the notes from the foot of a page into notes and returns the rest. The
// notes are the lines from the last blank line or rule (a line of underscores or dashes) to
// the end, when every note there opens with a number that the page's text above carries as a
// reference mark, in ascending order; lines that do not open with a number continue the note
// above them.
func takeNotes(p []pageLine, notes map[int]string) []pageLine {
	if body, ok := takeNotesAt(p, notes); ok {
		return body
	}
	// A footer line under the notes (the series' name on a page whose number was the only
	// line to repeat) goes with them.
	end := len(p)
	for end > 0 && !p[end-1].blank && !isRule(p[end-1].text) {
		end--
	}
	if end == 0 || len(p)-end > 2 {
		return p
	}
	for _, l := range p[end:] {
		if endsWithTerminator(l.text) || columns(l.text) > maxHeadColumns || noteStart.MatchString(l.text) {
			return p
		}
	}
	if body, ok := takeNotesAt(trimBlank(p[:end]), notes); ok {
		return body
	}
	return p
}

// takeNotesAt takes the notes from the last lines of p, after its last blank line or rule.
func takeNotesAt(p []pageLine, notes map[int]string) ([]pageLine, bool) {
	marks := markCache{}
	start := len(p)
	for start > 0 && !p[start-1].blank && !isRule(p[start-1].text) {
		start--
	}
	if start == 0 || start == len(p) || !noteStart.MatchString(p[start].text) {
		return p, false
	}
	body := p[:start]
	var bodyText strings.Builder
	for _, l := range body {
		bodyText.WriteString(l.text + "\n")
	}
	found := map[int]string{}
	var order []int
	for _, l := range p[start:] {
		if m := noteStart.FindStringSubmatch(l.text); m != nil {
			n, _ := strconv.Atoi(m[1])
			if len(order) == 0 || n > order[len(order)-1] {
				if !marks.has(bodyText.String(), n) {
					return p, false
				}
				order = append(order, n)
				found[n] = strings.TrimSpace(strings.TrimLeft(strings.TrimPrefix(l.text, m[1]), ".)"))
				continue
			}
		}
		if len(order) == 0 {
			return p, false
		}
		last := order[len(order)-1]
		found[last] = joinNoteLine(found[last], l.text)
	}
	body = append([]pageLine(nil), body...)
	for n, t := range found {
		notes[n] = t
		at := -1
		for i := len(body) - 1; i >= 0; i-- {
			if !marks.has(body[i].text, n) {
				continue
			}
			if at < 0 {
				at = i
			}
			if marks.endsWith(body[i].text, n) {
				at = i
				break
			}
		}
		if at >= 0 {
			body[at].text = marks.remove(body[at].text, n)
		}
	}
	for len(body) > 0 && (body[len(body)-1].blank || isRule(body[len(body)-1].text)) {
		body = body[:len(body)-1]
	}
	return body, true
}

// joinNoteLine joins a note's continuation line as appendLine joins lines of a paragraph.
func joinNoteLine(note, line string) string {
	c := candidate{buf: []byte(note)}
	appendLine(&c, line)
	return string(c.buf)
}

// isRule reports a line drawn with underscores, dashes or box-drawing characters.
func isRule(s string) bool {
	if utf8.RuneCountInString(s) < 3 {
		return false
	}
	for _, r := range s {
		if !strings.ContainsRune("_-—–─━‾⎯ ", r) {
			return false
		}
	}
	return true
}

// markRe builds the pattern of a reference mark: the note's number right after a word or
// sentence punctuation, and followed by neither a digit nor a letter, or after sentence
// punctuation and before a Chinese character ("。1北京"): "2024年1月" and "G20s" are no marks.
func markRe(n int) *regexp.Regexp {
	num := strconv.Itoa(n)
	return regexp.MustCompile(`([\p{L}.,;:!?»”"')\]。，；：！？」』）])` + num + `([^\d\p{L}]|$)|` +
		`([.,;:!?»”"')\]。，；：！？」』）])` + num + `(\p{Han})`)
}

// markCache compiles the pattern of each note's mark once per page.
type markCache map[int]*regexp.Regexp

func (m markCache) re(n int) *regexp.Regexp {
	if m[n] == nil {
		m[n] = markRe(n)
	}
	return m[n]
}

func (m markCache) has(text string, n int) bool {
	for _, l := range m.re(n).FindAllStringSubmatchIndex(text, -1) {
		if !labelMark(text, l) {
			return true
		}
	}
	return false
}

// markAt returns where the number of a match starts and ends.
func markAt(l []int) (int, int) {
	if l[2] >= 0 {
		return l[3], l[4]
	}
	return l[7], l[8]
}

// labelMark reports a match that is the number of a caption label ("图2 …", "Figure 2. …").
func labelMark(text string, l []int) bool {
	start, _ := markAt(l)
	line := text[strings.LastIndexByte(text[:start], '\n')+1:]
	return isCaptionText(line) && start-(len(text)-len(line)) < 24
}

// remove takes out the reference mark of note n from a line: the one that ends the line if
// there is one (notes are mostly referred to at the end of a sentence), else the last.
func (m markCache) remove(text string, n int) string {
	var pick []int
	for _, l := range m.re(n).FindAllStringSubmatchIndex(text, -1) {
		if labelMark(text, l) {
			continue
		}
		if _, end := markAt(l); strings.TrimSpace(text[end:]) == "" {
			pick = l
			break
		}
		pick = l
	}
	if pick == nil {
		return text
	}
	start, end := markAt(pick)
	return text[:start] + text[end:]
}

// lastLine returns the index of the last line with text, or -1.
func lastLine(lines []pageLine) int {
	for i := len(lines) - 1; i >= 0; i-- {
		if !lines[i].blank {
			return i
		}
	}
	return -1
}

// removeLoneHeaders removes the first line of a later page when it can only be a running
// header even though no other page repeats it (a text of two pages, one without a header): it
// repeats the first line of the text (the title, or the header of the first page), or it is a
// line without end punctuation that cuts a sentence running on from the page before (it is
// short, or the sentence goes on after it in lower case).
func removeLoneHeaders(pages [][]pageLine) {
	if len(pages[0]) == 0 {
		return
	}
	first := pages[0][0].text
	for i := 1; i < len(pages); i++ {
		p, prev := pages[i], pages[i-1]
		if len(p) < 2 || len(prev) == 0 {
			continue
		}
		h, last := p[0].text, prev[len(prev)-1].text
		after, _ := utf8.DecodeRuneInString(p[1].text)
		cut := !endsWithTerminator(last) && !endsWithTerminator(h) &&
			(columns(h) < columns(last)*2/3 || unicode.IsLower(after))
		if strings.EqualFold(h, first) || cut || isSeriesLine(h) && !endsWithTerminator(h) {
			pages[i] = trimBlank(p[1:])
		}
	}
}

// endsWith reports a line that ends with the reference mark of note n.
func (m markCache) endsWith(line string, n int) bool {
	num := strconv.Itoa(n)
	if !strings.HasSuffix(line, num) {
		return false
	}
	at := max(0, len(line)-len(num)-4)
	for at > 0 && !utf8.RuneStart(line[at]) {
		at--
	}
	return m.has(line[at:], n)
}

// seriesMark matches what a journal's or series' running line carries and a section heading
// does not: a volume or issue number, a year in parentheses, a paper number ("2023/14").
var seriesMark = regexp.MustCompile(`(?i)(№|\bno\.\s*\d|\bvol\.|\bт\.\s*\d|\(\d{4}\)|\d{4}/\d{1,3}\b|第\s*\d+\s*[卷期])`)

// isSeriesLine reports a line that names a journal or a series rather than a part of the
// article: it carries a volume, issue or paper number, or it is in capitals throughout.
func isSeriesLine(s string) bool {
	return seriesMark.MatchString(s) || len(strings.Fields(s)) >= 2 && isAllCaps(s) && !strings.ContainsAny(s, ".!?")
}
