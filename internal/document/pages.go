package document

import (
	"regexp"
	"slices"
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
var pageNumberLine = regexp.MustCompile(`^[^\d]{0,12}\d{1,3}[^\d]{0,8}$`)

// minPageLines: a page number follows at least this many lines of text.
const minPageLines = 6

type pageLine struct {
	text  string
	raw   string // the line as copied, with its runs of spaces
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
		lines[i] = pageLine{text: t, raw: l, blank: t == ""}
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
	var running []string
	for _, b := range breaks {
		for _, h := range pageHits(b, lines[b]) {
			if h.running != "" {
				running = append(running, h.running)
			}
		}
	}
	footed := make([]bool, len(pages)) // the page ends in the series' or journal's line
	for i, p := range pages {
		n := len(p)
		footed[i] = n > 2 && isSeriesLine(p[n-1].text) && !endsWithTerminator(p[n-1].text)
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
		pages[i] = takeNotes(joinLoneNoteNumbers(pages[i]), notes)
	}
	if !header {
		removeLoneHeaders(pages, footed)
	}
	removeHeadEchoes(pages, running)
	// Endnotes: notes at the end of the text whose marks are on earlier pages.
	if last := len(pages) - 1; last > 0 && len(pages[last]) > 0 {
		var all []pageLine
		for _, p := range pages {
			all = append(all, p...)
		}
		if body := takeNotes(all, notes); len(body) < len(all) {
			pages = [][]pageLine{body}
		}
	}
	var b strings.Builder
	for i, p := range pages {
		for j, l := range p {
			if l.blank {
				b.WriteString("\n")
				continue
			}
			if leadingIndent(l.raw) {
				// The indent of a paragraph's first line is kept for splitCandidates.
				b.WriteString(l.raw[:len(l.raw)-len(strings.TrimLeftFunc(l.raw, unicode.IsSpace))])
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

// pageNumbers returns the indexes of the page-number lines: lines that may carry a page
// number (pageHits) of one pattern (the line with its digits masked) whose numbers go up by one,
// at least twice, at least minPageLines lines apart. Numbers printed beside a running title
// ("Running title 4") may join a chain of any pattern, since a copy often prints the number
// alone on some pages and beside the running title on others.
func pageNumbers(lines []pageLine) []int {
	var hits []pageHit
	patterns := map[string]int{}
	for i, l := range lines {
		if l.blank {
			continue
		}
		for _, h := range pageHits(i, l) {
			hits = append(hits, h)
			if h.running == "" {
				patterns[h.pattern]++
			}
		}
	}
	var best []int
	patterns[""] += 0 // numbers beside running titles alone
	keys := make([]string, 0, len(patterns))
	for k := range patterns {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	bestExplicit := false
	for _, pattern := range keys {
		count := patterns[pattern]
		chain := longestChain(hits, pattern, lastLine(lines), printedLines(lines))
		// Of chains as long, one whose lines say they are page numbers ("Page #", or a number
		// beside the running title) wins over bare numbers, which notes' numbers on lines of
		// their own may make too; then the earlier.
		explicit := pattern == "" || explicitPageNumber(pattern)
		if len(chain) > len(best) || len(chain) == len(best) && len(chain) > 0 &&
			(explicit && !bestExplicit || explicit == bestExplicit && chain[0] < best[0]) {
			best, bestExplicit = chain, explicit
		}
		if len(best) == 0 && count == 1 {
			for _, h := range hits {
				if h.pattern == pattern && h.running == "" && lastLine(lines) == h.at {
					// One page: its number closes the text.
					best = []int{h.at}
				}
			}
		}
	}
	if len(best) == 0 {
		best = mastheadNumbers(lines, hits)
	}
	if len(best) == 0 {
		best = repeatedFooters(lines)
	}
	return best
}

// minFooterRunes: a line repeated at the foot of every page ("This content downloaded from …",
// a licence line) is at least this long, so that short repeated lines of text do not count.
const minFooterRunes = 15

// repeatedFooters returns, for a copy without page numbers, the lines that a service or a
// printer repeats on every page: the same line (digits aside) at least three times, or twice
// when it carries a number (a time stamp), each time at least minPageLines lines apart. They
// end the pages as page numbers would.
func repeatedFooters(lines []pageLine) []int {
	at := map[string][]int{}
	for i, l := range lines {
		if l.blank || utf8.RuneCountInString(l.text) < minFooterRunes || columns(l.text) > maxRunningColumns || endsWithFullStop(l.text) {
			continue
		}
		key := furnitureKey(l.text)
		if prev := at[key]; len(prev) > 0 && i-prev[len(prev)-1] < minPageLines {
			continue
		}
		at[key] = append(at[key], i)
	}
	var out []int
	for key, idx := range at {
		if len(idx) >= 3 || len(idx) == 2 && strings.Contains(key, "#") {
			out = append(out, idx...)
		}
	}
	sort.Ints(out)
	return out
}

// mastheadNumbers returns the lines that give a page number beside a running title that the
// first lines of the text print as the masthead ("THE LONG VIEW      14" under "THE LONG VIEW
// Spring 2024"): the mark of page furniture even on the one page that shows its number.
func mastheadNumbers(lines []pageLine, hits []pageHit) []int {
	var top []string
	for i := 0; i < len(lines) && len(top) < 3; i++ {
		if !lines[i].blank {
			top = append(top, wordTokens(lines[i].text)...)
		}
	}
	var out []int
	for _, h := range hits {
		words := wordTokens(h.running)
		if h.running != "" && h.at >= minPageLines && len(words) >= 2 && containsAll(top, words) {
			out = append(out, h.at)
		}
	}
	return out
}

// longestChain returns the lines of the longest run of hits of one pattern (or beside a running
// title) whose numbers go up by one, at least minPageLines lines apart; nil when it is shorter
// than two.
//
// Lines are counted as printed (printedLines): a copy that kept each paragraph on one line has
// few lines on a page, each as long as several.
func longestChain(hits []pageHit, pattern string, last int, printed []int) []int {
	length := make([]int, len(hits))
	parent := make([]int, len(hits))
	end := -1
	for j, h := range hits {
		parent[j] = -1
		if h.running == "" && (pattern == "" || h.pattern != pattern) {
			continue
		}
		explicit := explicitPageNumber(h.pattern)
		if printed[h.at] < minPageLines && h.running == "" && !explicit {
			continue // the first number follows some text; a running line may open the text
		}
		length[j] = 1
		for i := range j {
			// The last page may be short: the text ends on it, maybe with one line, a note.
			// A number that says it is one ("Page 1", "1/3") may close a short page too: a
			// title page.
			apart := printed[h.at]-printed[hits[i].at] >= minPageLines || h.at == last && h.at-hits[i].at >= 2 || explicit && h.at-hits[i].at > 2
			if length[i] > 0 && hits[i].n+1 == h.n && apart && length[i]+1 > length[j] {
				length[j], parent[j] = length[i]+1, i
			}
		}
		// Of chains as long, the one that closes the text (the last page's number) wins over
		// one of notes' numbers, which their notes follow.
		if end < 0 || length[j] > length[end] || length[j] == length[end] && h.at == last {
			end = j
		}
	}
	if end < 0 || length[end] < 2 {
		return nil
	}
	var out []int
	for j := end; j >= 0; j = parent[j] {
		out = append(out, hits[j].at)
	}
	slices.Reverse(out)
	return out
}

// printedLineRunes is the length of a printed line of text, for a copy that kept a paragraph on
// one line (printedLines).
const printedLineRunes = 90

// printedLines returns, for each line, how many printed lines of text come before it: a blank
// line counts none, a line of text one for every printedLineRunes characters begun.
func printedLines(lines []pageLine) []int {
	out := make([]int, len(lines)+1)
	for i, l := range lines {
		n := 0
		if !l.blank {
			n = (utf8.RuneCountInString(l.text) + printedLineRunes - 1) / printedLineRunes
		}
		out[i+1] = out[i] + n
	}
	return out
}

// noteMarkAfterWord reports a pattern whose number is set right after a word or its full stop
// ("Россией.#", "year#"): the mark of a note at a paragraph's end, which a short last line may
// be, and no page number, which stands apart ("Page #", "— # —") or after a Chinese word ("第#页").
func noteMarkAfterWord(pattern string) bool {
	before, _, _ := strings.Cut(pattern, "#")
	r, n := utf8.DecodeLastRuneInString(before)
	if r == '.' || r == ',' {
		r, _ = utf8.DecodeLastRuneInString(before[:len(before)-n])
	}
	return unicode.IsLetter(r) && !isHan(r)
}

// explicitPageNumber reports the pattern of a line that says it is a page's number: a word
// beside the number ("Page #", "Стр. #", "#-бет", "第#页"), the count of pages ("# / 12"), or
// dashes around it ("— # —"), which nothing but a page number is set between.
func explicitPageNumber(pattern string) bool {
	return strings.ContainsFunc(pattern, unicode.IsLetter) || strings.Contains(pattern, "/") || dashedNumber.MatchString(pattern)
}

// dashedNumber matches the pattern of a number between dashes.
var dashedNumber = regexp.MustCompile(`^[-–—]+\s*#\s*[-–—]+$`)

// pageHit is a line that may give a page number.
type pageHit struct {
	at, n   int
	pattern string // the line with its number masked
	running string // the running title printed beside the number, if any
}

// pageNumberPair matches "Page 3 of 12", "3 / 12", "Стр. 3 из 12": a number and the count of pages.
var pageNumberPair = regexp.MustCompile(`^[^\d]{0,10}(\d{1,3})\s*(?:/|of|из|из\s+|бет\s+/|页\s*/?\s*共?)\s*\d{1,3}[^\d]{0,3}$`)

// gluedPageNumber matches a running title and a page number set far apart on one line (the
// copy keeps the gap as a run of spaces): "Central Asia Review          14", "4      Annual Review".
var (
	gluedNumberAfter  = regexp.MustCompile(`^(\S.*?\S)(?:[ \t\x{3000}]{3,}|\t|\x{3000}{2,})[ \x{3000}]*([^\d\s]{0,2}(\d{1,3})[^\d\s]{0,2})$`)
	gluedNumberBefore = regexp.MustCompile(`^([^\d\s]{0,2}(\d{1,3})[^\d\s]{0,2})(?:[ \t\x{3000}]{3,}|\t|\x{3000}{2,})[ \x{3000}]*(\S.*)$`)
)

// maxPagePairBytes: "Page 12 of 240" and its translations are no longer.
const maxPagePairBytes = 40

// maxRunningColumns: a running title beside a page number is at most this wide.
const maxRunningColumns = 100

// pageHits returns the page numbers line i may give: the number alone or with a short word
// ("Page 3", "— 3 —", "Стр. 3", "3-бет", "第3页"), the number with the count of pages, or the
// number set apart from a running title.
func pageHits(i int, l pageLine) []pageHit {
	var out []pageHit
	// (Copies set spaces around a number among Chinese characters: "第 1 页" is "第1页".)
	if t := withoutHanLatinSpaces(l.text); pageNumberLine.MatchString(t) && utf8.RuneCountInString(t) <= 16 {
		pattern, n := digitPattern(t)
		letters := strings.IndexFunc(pattern, unicode.IsLetter)
		if n >= 0 && strings.Count(pattern, "#") == 1 && !(letters >= 0 && len(strings.Fields(pattern)) > 2) && !noteMarkAfterWord(pattern) {
			out = append(out, pageHit{at: i, n: n, pattern: pattern})
		}
	}
	if len(l.text) <= maxPagePairBytes {
		if m := pageNumberPair.FindStringSubmatchIndex(l.text); m != nil {
			n, _ := strconv.Atoi(l.text[m[2]:m[3]])
			out = append(out, pageHit{at: i, n: n, pattern: l.text[:m[2]] + "#" + l.text[m[3]:]})
		}
	}
	return append(out, runningHit(i, l)...)
}

// barredNumberAfter and barredNumberBefore match a running title and a page number on one line
// with a bar or a dot between them: "Central Asia Review | 14", "14 · Occasional Papers".
var (
	barredNumberAfter  = regexp.MustCompile(`^(\S.*?\S)\s+[|｜·•]\s+(\d{1,3})$`)
	barredNumberBefore = regexp.MustCompile(`^(\d{1,3})\s+[|｜·•]\s+(\S.*)$`)
)

// runningHit returns the page number line i gives beside a running title, if it does.
func runningHit(i int, l pageLine) []pageHit {
	if !strings.Contains(l.raw, "   ") && !strings.ContainsAny(l.raw, "\t\u3000|｜·•") {
		return nil // no gap or bar between a title and a number
	}
	var out []pageHit
	raw := strings.TrimSpace(strings.TrimRight(l.raw, " \t\u3000"))
	var text, num string
	if m := gluedNumberAfter.FindStringSubmatch(raw); m != nil {
		text, num = m[1], m[3]
	} else if m := gluedNumberBefore.FindStringSubmatch(raw); m != nil {
		text, num = m[3], m[2]
	} else if m := barredNumberAfter.FindStringSubmatch(raw); m != nil {
		text, num = m[1], m[2]
	} else if m := barredNumberBefore.FindStringSubmatch(raw); m != nil {
		text, num = m[2], m[1]
	}
	if text != "" {
		text = collapseSpaces(text)
		if hasLetters(text) && columns(text) <= maxRunningColumns && !endsWithFullStop(text) {
			n, _ := strconv.Atoi(num)
			out = append(out, pageHit{at: i, n: n, running: text})
		}
	}
	return out
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
		// A line of most pages: all but one, at least two. A bare number is not one: the page
		// numbers are gone, and a number left at the foot of pages is a note's (its text above).
		if most < 2 || most < len(pages)-1 || utf8.RuneCountInString(key) > maxHeadColumns || key == "#" {
			continue
		}
		header = header || top
		// A header set over two lines ("Институт стратегических исследований ·" / "Аналитический
		// доклад") repeats its second line under the first on every page that has it.
		lines := 1
		if top {
			lines = runningHeaderLines(pages, key)
		}
		for i, p := range pages {
			l, ok := edgeLine(p, top)
			if !ok || furnitureKey(l) != key {
				continue
			}
			if top && i == 0 && !titleFollows(p[lines-1:], l) {
				continue
			}
			if top {
				pages[i] = trimBlank(p[lines:])
			} else {
				pages[i] = trimBlank(p[:len(p)-1])
			}
		}
	}
	return header
}

// runningHeaderLines returns how many lines the running header whose first line is key takes: 2
// when every page that opens with it has the same short line under it, which ends no sentence;
// 1 otherwise.
func runningHeaderLines(pages [][]pageLine, key string) int {
	second, n := "", 0
	for _, p := range pages {
		if len(p) < 3 || furnitureKey(p[0].text) != key {
			continue
		}
		k := furnitureKey(p[1].text)
		if p[1].blank || endsWithTerminator(p[1].text) || columns(p[1].text) > maxHeadColumns/3 || n > 0 && k != second {
			return 1
		}
		second, n = k, n+1
	}
	if n < 2 {
		return 1
	}
	return 2
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
// the end, when every note there opens with a number (or a mark: "¹", "①", "[1]", "*") that
// the page's text above carries as a reference mark, in ascending order; lines that do not open
// with a number continue the note above them. A copy that lost the gap above the notes is read
// the same way from the lowest line at the foot where such a run of notes starts.
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
	if end > 0 && len(p)-end <= 2 {
		footer := true
		for _, l := range p[end:] {
			if endsWithTerminator(l.text) || columns(l.text) > maxHeadColumns || isNoteStart(l.text) {
				footer = false
			}
		}
		if footer {
			if body, ok := takeNotesAt(trimBlank(p[:end]), notes); ok {
				return body
			}
		}
	}
	// No gap above the notes: the lowest start of a run of notes among the last lines.
	best := -1
	for k := len(p) - 1; k >= 1 && len(p)-k <= maxNoteLines; k-- {
		if p[k].blank || isRule(p[k].text) {
			break
		}
		if isNoteStart(p[k].text) {
			if _, ok := notesFrom(p, k, map[int]string{}); ok {
				best = k
			}
		}
	}
	if best > 0 {
		body, _ := notesFrom(p, best, notes)
		return body
	}
	return p
}

// loneNumber matches a line that is a number of one to three digits and nothing else.
var loneNumber = regexp.MustCompile(`^\d{1,3}$`)

// joinLoneNoteNumbers joins a note's number that the copy put on a line of its own (a raised
// number set apart from the note's text) to the line of text under it, or to the line above
// it when it ends the page: "1" / "Customs statistics, 2024." reads "1 Customs statistics,
// 2024.", as notes are read.
func joinLoneNoteNumbers(p []pageLine) []pageLine {
	// The numbers after their notes' texts, at the page's foot (a copy that took each note's
	// text before its raised number): "Customs statistics, 2024." / "1", from the last line up.
	// A note's text set over several lines starts after the line that ends the sentence (or
	// the note) above it: "…would store.1" / "China has financed …, mainly" / "through
	// equipment supply." / "1" is the note "1 China has financed … supply.".
	if n := len(p); n >= 3 && loneNumber.MatchString(p[n-1].text) {
		q := slices.Clone(p)
		k, joined := n-1, 0
		for k >= 1 && loneNumber.MatchString(q[k].text) && !q[k-1].blank && !loneNumber.MatchString(q[k-1].text) && !isNoteStart(q[k-1].text) {
			start := k - 1
			for start >= 1 && k-start < maxNoteLines && !q[start-1].blank && !loneNumber.MatchString(q[start-1].text) &&
				!endsWithTerminator(strings.TrimRightFunc(q[start-1].text, isMarkDigit)) {
				start--
			}
			if start == 0 || k-start >= maxNoteLines {
				start = k - 1 // no sentence ends above it: the note is its last line
			}
			if r, _ := utf8.DecodeRuneInString(q[start].text); !unicode.IsLetter(r) {
				break
			}
			q = append(q[:start], append(append([]pageLine{numberedLine(q[k].text, q[start])}, q[start+1:k]...), q[k+1:]...)...)
			k = start - 1
			joined++
		}
		if joined > 0 {
			p = q
		}
	}
	out := p[:0:0]
	for i := 0; i < len(p); i++ {
		// Several numbers in a row ("1" / "2"), then the notes' texts run into one line: as
		// many notes as numbers, parted where a sentence ends.
		run := i
		for run+1 < len(p) && loneNumber.MatchString(p[run].text) && loneNumber.MatchString(p[run+1].text) &&
			atoi(p[run+1].text) == atoi(p[run].text)+1 {
			run++
		}
		if n := run - i + 1; n >= 2 && run+1 < len(p) && !p[run+1].blank && !loneNumber.MatchString(p[run+1].text) {
			if texts := bulletItems(p[run+1].text, n); len(texts) == n {
				for k, t := range texts {
					l := p[run+1]
					l.text, l.raw = t, t
					out = append(out, numberedLine(p[i+k].text, l))
				}
				i = run + 1
				continue
			}
		}
		if loneNumber.MatchString(p[i].text) && i+1 < len(p) && !p[i+1].blank {
			if r, _ := utf8.DecodeRuneInString(p[i+1].text); unicode.IsLetter(r) {
				out = append(out, numberedLine(p[i].text, p[i+1]))
				i++
				continue
			}
		}
		if loneNumber.MatchString(p[i].text) && i+2 < len(p) && p[i+1].blank && !p[i+2].blank && footLine(p, i+2) {
			// The number and its note set apart by a blank line at the page's foot: "1" / "" /
			// "Customs statistics, 2024.".
			if r, _ := utf8.DecodeRuneInString(p[i+2].text); unicode.IsLetter(r) {
				out = append(out, numberedLine(p[i].text, p[i+2]))
				i += 2
				continue
			}
		}
		out = append(out, p[i])
	}
	return out
}

// isMarkDigit reports a digit of a reference mark set after a word: "store.1", "store.¹".
func isMarkDigit(r rune) bool {
	return unicode.IsDigit(r) || strings.ContainsRune("¹²³⁴⁵⁶⁷⁸⁹⁰", r)
}

// footLine reports a line that ends the page, but for blank lines and the numbers of notes
// under it.
func footLine(p []pageLine, i int) bool {
	for j := i + 1; j < len(p); j++ {
		if !p[j].blank && !loneNumber.MatchString(p[j].text) {
			return false
		}
		if loneNumber.MatchString(p[j].text) {
			return true
		}
	}
	return true
}

// atoi is the value of a line of digits (loneNumber), 0 for any other.
func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0
	}
	return n
}

// numberedLine returns note line l with its number num put before its text: "1 Customs
// statistics, 2024.".
func numberedLine(num string, l pageLine) pageLine {
	l.text = num + " " + l.text
	l.raw = num + " " + strings.TrimLeft(l.raw, " \t")
	return l
}

// isNotesLabel reports a short line that announces the notes under it: a word or two and a
// colon.
func isNotesLabel(s string) bool {
	label, ok := strings.CutSuffix(strings.TrimSpace(s), ":")
	if !ok {
		label, ok = strings.CutSuffix(strings.TrimSpace(s), "：")
	}
	return ok && label != "" && len(strings.Fields(label)) <= 2 && utf8.RuneCountInString(label) <= 20
}

// maxNoteLines: the notes at the foot of a page without a gap above them are looked for in
// this many last lines.
const maxNoteLines = 16

// takeNotesAt takes the notes from the last lines of p, after its last blank line or rule.
func takeNotesAt(p []pageLine, notes map[int]string) ([]pageLine, bool) {
	start := len(p)
	for start > 0 && !p[start-1].blank && !isRule(p[start-1].text) {
		start--
	}
	if start == 0 || start == len(p) || !isNoteStart(p[start].text) {
		return p, false
	}
	return notesFrom(p, start, notes)
}

// notesFrom reads p[start:] as notes when it is one (see takeNotes), adds them to notes and
// returns the page without them and without their marks.
func notesFrom(p []pageLine, start int, notes map[int]string) ([]pageLine, bool) {
	marks := markCache{}
	body := p[:start]
	if n := len(body); n > 0 && isNotesLabel(body[n-1].text) {
		body = body[:n-1] // "Notes:", "Примечания:", "注释：" over the notes
	}
	var bodyText strings.Builder
	for _, l := range body {
		bodyText.WriteString(l.text + "\n")
	}
	found := map[int]string{}
	markOf := map[int]int{} // the key of the mark a note's is in the text, when it is in another style
	var order []int
	for _, l := range p[start:] {
		if n, rest, ok := pageNoteLabel(l.text); ok {
			if n/1000*1000 == styleSuperscript && !marks.has(bodyText.String(), n) && marks.has(bodyText.String(), n%1000) {
				// "¹ Жоғарғы ағыстағы…" under "артты.1": a raised number the text layer kept
				// raised in the note and plain in the text.
				markOf[n] = n % 1000
			}
			if len(order) > 0 && n <= order[len(order)-1] && n >= order[0] {
				// "2. Two suitors" over "1 Estimates…", "2 This…": a numbered heading and
				// the notes under it, not one run of notes.
				return p, false
			}
			if len(order) > 0 && n < order[0] || !marks.has(bodyText.String(), n) && markOf[n] == 0 {
				if len(order) == 0 {
					return p, false
				}
				last := order[len(order)-1]
				found[last] = joinNoteLine(found[last], l.text) // "3 million tonnes" in a note
				continue
			}
			order = append(order, n)
			found[n] = rest
			continue
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
		mark := n
		if m, ok := markOf[n]; ok {
			mark = m
		}
		at := -1
		for i := len(body) - 1; i >= 0; i-- {
			if !marks.has(body[i].text, mark) {
				continue
			}
			if at < 0 {
				at = i
			}
			if marks.endsWith(body[i].text, mark) {
				at = i
				break
			}
		}
		if at >= 0 {
			body[at].text = marks.remove(body[at].text, mark)
		}
	}
	for len(body) > 0 && (body[len(body)-1].blank || isRule(body[len(body)-1].text)) {
		body = body[:len(body)-1]
	}
	return body, true
}

// Notes are numbered in one of several styles; a note's key in the notes map is its number
// plus the style's base, so that the styles never mix and each sorts in its own order.
const (
	styleDigits      = 0    // "1 Text", mark "word1"
	styleSuperscript = 1000 // "¹ Text", mark "word¹"
	styleCircled     = 2000 // "① Text", mark "word①"
	styleBracket     = 3000 // "[1] Text", mark "word[1]"
	styleAsterisk    = 4000 // "* Text", "** Text", mark "word*"
)

var (
	noteDigits   = regexp.MustCompile(`^(\d{1,3})[.)]?\s+(\S.*)$`)
	noteOther    = regexp.MustCompile(`^([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}|[\x{2460}-\x{2473}]|\[\d{1,3}\]|\*{1,3})\s*([^\s*].*)$`)
	superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹"
)

// pageNoteLabel reads the number a note line opens with, as a key of the notes map, and the note's
// text.
func pageNoteLabel(line string) (int, string, bool) {
	if m := noteDigits.FindStringSubmatch(line); m != nil {
		n, _ := strconv.Atoi(m[1])
		return styleDigits + n, strings.TrimSpace(m[2]), true
	}
	m := noteOther.FindStringSubmatch(line)
	if m == nil {
		return 0, "", false
	}
	label, rest := m[1], strings.TrimSpace(m[2])
	r, _ := utf8.DecodeRuneInString(label)
	switch {
	case r == '*':
		return styleAsterisk + len(label), rest, true
	case r == '[':
		n, _ := strconv.Atoi(strings.Trim(label, "[]"))
		return styleBracket + n, rest, true
	case r >= '\u2460' && r <= '\u2473':
		return styleCircled + int(r-'\u2460') + 1, rest, true
	}
	n := 0
	for _, d := range label {
		n = n*10 + strings.IndexRune(superscripts, d)/len("¹")
	}
	return styleSuperscript + n, rest, true
}

func isNoteStart(line string) bool {
	_, _, ok := pageNoteLabel(line)
	return ok
}

// markLabel is how a note's mark is printed in the text.
func markLabel(key int) string {
	n := key % 1000
	switch key - n {
	case styleSuperscript:
		var b strings.Builder
		for _, d := range strconv.Itoa(n) {
			b.WriteString(string([]rune(superscripts)[d-'0']))
		}
		return b.String()
	case styleCircled:
		return string(rune('\u2460' + n - 1))
	case styleBracket:
		return "[" + strconv.Itoa(n) + "]"
	case styleAsterisk:
		return strings.Repeat("*", n)
	}
	return strconv.Itoa(n)
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
// A mark of another style ("¹", "①", "[1]", "*") follows any character but a space.
func markRe(key int) *regexp.Regexp {
	if key >= styleSuperscript {
		label := regexp.QuoteMeta(markLabel(key))
		switch key - key%1000 {
		case styleAsterisk:
			return regexp.MustCompile(`([^\s*])` + label + `([^*]|$)`)
		case styleSuperscript:
			return regexp.MustCompile(`([^\s⁰¹²³⁴⁵⁶⁷⁸⁹])` + label + `([^⁰¹²³⁴⁵⁶⁷⁸⁹]|$)`)
		}
		return regexp.MustCompile(`(\S)` + label + `()`)
	}
	num := strconv.Itoa(key)
	// A raised number that the copy set apart with a space ("залива. 1") ends its line.
	return regexp.MustCompile(`([\p{L}.,;:!?»”"')\]。，；：！？」』）])` + num + `([^\d\p{L}]|$)|` +
		`([.,;:!?»”"')\]。，；：！？」』）])` + num + `(\p{Han})|` +
		`([.!?»”"')\]] )` + num + `( *(?:\n|$))`)
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
	switch {
	case l[2] >= 0:
		return l[3], l[4]
	case l[6] >= 0:
		return l[7], l[8]
	}
	return l[11], l[12]
}

// sectionNumberHead matches the start of a section's number up to its last point: "2.", "3.2.".
var sectionNumberHead = regexp.MustCompile(`^\d{1,2}\.(?:\d{1,2}\.){0,2}$`)

// labelMark reports a match that is the number of a caption label ("图2 …", "Figure 2. …"), or
// the last part of a section's number ("2.1 技术示范"): no mark.
func labelMark(text string, l []int) bool {
	start, _ := markAt(l)
	lineStart := strings.LastIndexByte(text[:start], '\n') + 1
	if _, end := markAt(l); start >= 2 && text[start-1] == '.' && sectionNumberHead.MatchString(text[lineStart:start]) &&
		end < len(text) && text[end] == ' ' {
		return true // a section's number at the line's start: "2.1 技术示范", "3.2.1 Method"
	}
	line := text[lineStart:]
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
// short, or the sentence goes on after it in lower case), or the page before ended in a running
// footer (footed), since a layout that prints one prints a running header too, or the page
// before ended in a heading and the line, set apart by space, is no text of it; and the line
// does not open with a number, as a numbered section heading does.
func removeLoneHeaders(pages [][]pageLine, footed []bool) {
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
		cut := !endsWithTerminator(last) && !endsWithTerminator(h) && !isCaptionText(last) &&
			(columns(h) < columns(last)*2/3 || unicode.IsLower(after))
		r0, _ := utf8.DecodeRuneInString(h)
		running := footed[i-1] && !endsWithTerminator(h) && columns(h) <= maxHeadColumns && !unicode.IsDigit(r0) && !isListLine(h)
		// A heading is kept with its text: one that ends a page is followed on the next by
		// that text, not by another line without end punctuation set apart by space.
		afterHeading := p[1].blank && isHeadingText(last) && !isHeadingText(prevText(prev)) && isHeadingText(h) &&
			!unicode.IsDigit(r0) && !isListLine(h)
		if strings.EqualFold(h, first) || cut || running || afterHeading || (isSeriesLine(h) || namesPublisher(h)) && !endsWithTerminator(h) {
			pages[i] = trimBlank(p[1:])
		}
	}
}

// publisherWords are the words that name who publishes a report or the series it is in: a
// running header's, not a section's ("Institute for Regional Studies", "Occasional Papers",
// "Аналитический доклад", "欧亚经济评论"), with institutionWords.
var publisherWords = []string{"papers", "series", "review", "journal", "bulletin", "report", "brief", "notes", "outlook", "monitor",
	"studies", "исследований", "зерттеулер",
	"обозрение", "записки", "доклад", "вестник", "журнал", "серия", "бюллетень", "хабаршы", "жазба", "баяндама", "шолу",
	"评论", "报告", "学报", "期刊", "丛书", "简报", "研究"}

// maxPublisherColumns: a running header is a line.
const maxPublisherColumns = 70

// namesPublisher reports a short line that names an institution or a series: a running header
// a page repeats, or prints once on a later page.
func namesPublisher(s string) bool {
	if columns(s) > maxPublisherColumns || endsWithTerminator(s) {
		return false
	}
	s = centralWord.ReplaceAllString(strings.ToLower(s), "") // «Центральной Азии» names no centre
	return holdsAny(s, institutionWords) || holdsAny(s, publisherWords)
}

// centralWord matches the Russian adjective "central", which holds the word for a centre.
var centralWord = regexp.MustCompile(`центральн\p{L}*`)

// prevText returns the line before the last line of text of a page, "" when there is none.
func prevText(p []pageLine) string {
	seen := false
	for i := len(p) - 1; i >= 0; i-- {
		if p[i].blank {
			continue
		}
		if seen {
			return p[i].text
		}
		seen = true
	}
	return ""
}

// endsWith reports a line that ends with the reference mark of note n.
func (m markCache) endsWith(line string, n int) bool {
	num := markLabel(n)
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
var seriesMark = regexp.MustCompile(`(?i)(№|\bno\.\s*\d|\bvol\.|\bт\.\s*\d|[(（]\d{4}[)）]|\d{4}/\d{1,3}\b|第\s*\d+\s*[卷期])`)

// isSeriesLine reports a line that names a journal or a series rather than a part of the
// article: it carries a volume, issue or paper number, or it is in capitals throughout.
func isSeriesLine(s string) bool {
	return seriesMark.MatchString(s) || len(strings.Fields(s)) >= 2 && isAllCaps(s) && !strings.ContainsAny(s, ".!?")
}

// maxHeadEchoColumns: a line of the head, even one that runs on to the next line, is shorter
// than a line of text.
const maxHeadEchoColumns = 60

// maxEchoHeadLines: the head of the first page, whose words a running header repeats, is at
// most this many lines.
const maxEchoHeadLines = 8

// removeHeadEchoes removes what repeats the head of the first page as page furniture: the
// first line of a later page made only of words of the first page's head (the author's name,
// a short title, the journal: "Osmonov · Who Drives the Trucks?"), and, on the first page, a
// masthead line laid out in parts set far apart ("THE LONG VIEW      Spring 2024"), one that
// says what a running title beside the page numbers says, or one that gives a volume or issue.
func removeHeadEchoes(pages [][]pageLine, running []string) {
	first := 0
	for first < len(pages) && len(pages[first]) == 0 {
		first++
	}
	if first == len(pages) {
		return
	}
	var head [][]string
	p := pages[first]
	for i := 0; i < len(p) && i < maxEchoHeadLines; i++ {
		if endsWithFullStop(p[i].text) || i+1 < len(p) && unicode.IsLower(firstLetter(p[i+1].text)) && columns(p[i].text) > maxHeadEchoColumns {
			break // the article's text has begun (a title may run on in lower case: "… Beijing" / "and Brussels")
		}
		head = append(head, wordTokens(p[i].text))
	}
	for i := first + 1; i < len(pages); i++ {
		// A title over its authors' names (the article's first page after a cover) stays.
		if len(pages[i]) > 1 && isHeadEcho(pages[i][0], head) && !isNameLine(pages[i][1].text) {
			pages[i] = trimBlank(pages[i][1:])
		}
	}
	runningKeys := map[string]bool{}
	for _, r := range running {
		runningKeys[strings.Join(sortedTokens(r), " ")] = true
	}
	// The first page's masthead, above the title: at most its first three lines, and never
	// the last line of the head.
	for k := 0; k < 3 && len(p) > 2; k++ {
		l := p[0]
		masthead := hasWideGap(l.raw) || runningKeys[strings.Join(sortedTokens(l.text), " ")] ||
			seriesMark.MatchString(l.text) && !unicode.IsLower(firstLetter(p[1].text))
		if !masthead {
			break
		}
		p = trimBlank(p[1:])
	}
	pages[first] = p
}

// isHeadEcho reports a line that can be a running header repeating the first page's head: short,
// not a sentence, not continuing one, and made of parts (between separators and numbers) each of
// which a line of the head holds word for word.
func isHeadEcho(l pageLine, head [][]string) bool {
	line := l.text
	if columns(line) > maxRunningColumns || endsWithFullStop(line) {
		return false
	}
	if r := firstLetter(line); r == 0 || unicode.IsLower(r) {
		return false
	}
	// Parts set far apart ("Short title            Author") are read apart too.
	var parts []string
	for _, piece := range wideGapSplit.Split(strings.TrimSpace(l.raw), -1) {
		parts = append(parts, strings.FieldsFunc(piece, func(r rune) bool { return unicode.IsDigit(r) || strings.ContainsRune("·|•—–/", r) })...)
	}
	found := 0
	for _, part := range parts {
		words := wordTokens(part)
		if len(words) == 0 {
			continue
		}
		held := heldByHead(part, words, head)
		for k := 2; k+1 < len(words) && !held && !isHanText(part); k++ {
			// The author and the title run together ("Ә. Б. Нұрғалиева. Қазақстандағы…"): two
			// lines of the head, one after the other, of two words or more each (a Chinese line,
			// read character by character, is not cut so).
			held = heldByHead(part, words[:k], head) && heldByHead(part, words[k:], head)
		}
		if !held {
			return false
		}
		found++
	}
	return found > 0
}

// heldByHead reports words of a part of a line that a line of the head holds word for word.
func heldByHead(part string, words []string, head [][]string) bool {
	for _, h := range head {
		if len(words) <= 2 && isHanText(part) && containsAll(h, words) || containsRun(h, words) {
			return true
		}
	}
	return false
}

// containsRun reports whether words occur in seq one after another.
func containsRun(seq, words []string) bool {
	for i := 0; i+len(words) <= len(seq); i++ {
		if slices.Equal(seq[i:i+len(words)], words) {
			return true
		}
	}
	return false
}

func containsAll(seq, words []string) bool {
	for _, w := range words {
		if !slices.Contains(seq, w) {
			return false
		}
	}
	return true
}

// wordTokens returns the words of s in lower case, each Chinese character a word of its own;
// numbers are left out.
func wordTokens(s string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	for _, r := range s {
		switch {
		case isHan(r):
			flush()
			out = append(out, string(r))
		case unicode.IsLetter(r):
			cur = append(cur, r)
		default:
			flush()
		}
	}
	flush()
	return out
}

// sortedTokens returns the distinct words of s, sorted: lines that say the same in another
// order ("Annual Review · Ports Council", "PORTS COUNCIL ANNUAL REVIEW") compare equal.
func sortedTokens(s string) []string {
	t := wordTokens(s)
	sort.Strings(t)
	return slices.Compact(t)
}

// wideGap matches a run of spaces that sets the parts of a header or footer line apart.
var wideGap = regexp.MustCompile(`\S(?:[ \t]{3,}|\t|\x{3000}{2,}|[ \x{3000}]{4,})\S`)

// wideGapSplit cuts a line at the gaps that set a header's parts apart.
var wideGapSplit = regexp.MustCompile(`[ \t]{3,}|\t|\x{3000}{2,}|[ \x{3000}]{4,}`)

// hasWideGap reports a line laid out in parts far apart, as a page's header or footer is.
func hasWideGap(raw string) bool { return wideGap.MatchString(raw) }
