package document

import (
	"bytes"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/text"
	"github.com/tilmash/tilmash/pipeline"
)

// candidate is a block of plain text before its role is known: one or more source lines joined.
// marker is set when the lines carried list or quote markup, which decides the kind outright.
type candidate struct {
	text   string
	marker pipeline.BlockKind
	lines  int
	buf    []byte // the text while lines are still being joined, so that joining stays linear
}

// Limits of the line-joining heuristics, in display columns (a Chinese character counts two).
const (
	// A group of lines no wider than this, and at least minWrapColumns wide, was hard-wrapped
	// (a PDF copy), so its line breaks fall inside paragraphs. Wider lines are whole paragraphs.
	maxWrapColumns = 160
	minWrapColumns = 40
	// In wrapped text a line this full (of the widest line) does not end a paragraph.
	fullLineRatio = 0.7
	// A wrapped line ending a sentence is full when the next word would not fit within this
	// share of the width; the slack allows for proportional fonts in the source.
	wordFitRatio = 0.95
)

// splitCandidates cuts normalised text into candidate blocks. Blank lines (lines holding only
// spaces, no-break spaces included) always separate blocks. Inside a run of non-blank lines, a line
// starts a new block when it carries a list or quote marker, and otherwise joins the previous line
// only when that line clearly did not end a paragraph: it stops mid-sentence before a lower-case
// word, or the lines are hard-wrapped and it fills the width.
func splitCandidates(text string, lang pipeline.Lang) []candidate {
	var out []candidate
	var group []sourceLine
	flush := func() {
		out = append(out, withRunInItems(splitGroup(group), lang)...)
		group = group[:0]
	}
	bullet := "" // a list's bullet copied on a line of its own, waiting for its item
	bullets := 0 // how many bullets were copied so, one or several to a line
	lines := withoutContents(strings.Split(text, "\n"))
	for _, raw := range lines {
		l := sourceLine{text: withoutHanLatinSpaces(collapseSpaces(raw)), indented: leadingIndent(raw)}
		if l.text == "" || isNoteRule(l.text) {
			flush()
			continue
		}
		if marks := strings.Fields(l.text); isLoneBullet(marks[0]) && allSame(marks) {
			bullet = marks[0]
			bullets += len(marks)
			continue
		}
		if items := inlineBulletItems(l.text, lang); items != nil {
			// A list run into one line with its bullets ("• a; • b; • c. The text goes on."):
			// an item per bullet, and the text after the last item's sentence apart.
			for _, item := range items[:len(items)-1] {
				group = append(group, sourceLine{text: item, indented: l.indented})
			}
			flush()
			if rest := items[len(items)-1]; rest != "" {
				group = append(group, sourceLine{text: rest, indented: l.indented})
			}
			continue
		}
		if bullet != "" {
			// The items of a list whose bullets the copy set apart, with their texts run into
			// one line after them: as many items as bullets, parted where one ends.
			for _, item := range bulletItems(l.text, bullets) {
				group = append(group, sourceLine{text: bullet + " " + item, indented: l.indented})
			}
			bullet, bullets = "", 0
			continue
		}
		group = append(group, l)
	}
	flush()
	return out
}

// inlineBulletItems parts a line that runs a list's items into one, each after the same
// bullet ("• тоңазытқыш қоймалар; • шекарадағы кезек; • қаптама. Осы мәселелерді …"), into the
// items, each with its bullet, and, last, the text that follows the last item's sentence (or
// "" when the line ends with the list). It returns nil for a line of one item or none.
func inlineBulletItems(line string, lang pipeline.Lang) []string {
	for _, b := range []string{"• ", "▪ ", "◦ ", "● "} {
		if !strings.HasPrefix(line, b) || strings.Count(line, " "+b) < 1 {
			continue
		}
		parts := strings.Split(line[len(b):], " "+b)
		var out []string
		for _, p := range parts {
			out = append(out, b+strings.TrimSpace(p))
		}
		last, rest := firstSentence(strings.TrimPrefix(out[len(out)-1], b), lang)
		out[len(out)-1] = b + last
		return append(out, rest)
	}
	return nil
}

// firstSentence parts s, in lang, after its first sentence (text.Sentences, which knows
// abbreviations and initials: "Dr. Smith" is no end): the sentence and the text after it, or s
// and "" when s is one sentence.
func firstSentence(s string, lang pipeline.Lang) (string, string) {
	sents := text.Sentences(s, lang)
	if len(sents) < 2 || !strings.HasPrefix(s, sents[0]) {
		return s, ""
	}
	return sents[0], strings.TrimSpace(s[len(sents[0]):])
}

// endsWithListIntro reports a line that ends with a colon, as the sentence that introduces a
// list does: a dash at the start of the next line is the first item's bullet.
func endsWithListIntro(s string) bool {
	return strings.HasSuffix(s, ":") || strings.HasSuffix(s, "：")
}

// listEnds reports a list whose items end with semicolons when its last item ends with a full
// stop on line prev and the line after opens a sentence: the text after the list, not more of
// the item. (An item of its own sentences, in a list whose items end with full stops, goes on.)
func listEnds(item []byte, prev, cur string) bool {
	if !endsWithFullStop(prev) {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(cur); !unicode.IsUpper(r) {
		return false
	}
	return bytes.Contains(item, []byte(";")) || strings.HasSuffix(strings.TrimSpace(string(item)), ";") || itemNumbered(item)
}

// itemNumbered reports a list item that opens with a number other than 1: one of a numbered
// list's later items, whose list a semicolon or a full stop ends alike.
func itemNumbered(item []byte) bool {
	i := 0
	for i < len(item) && item[i] >= '0' && item[i] <= '9' {
		i++
	}
	return i > 0 && string(item[:i]) != "1" && i < len(item) && (item[i] == '.' || item[i] == ')')
}

// isNoteRule reports the short rule a page prints over its footnotes ("_______________"): it
// parts the text from the notes, as a blank line does, and is no text itself.
func isNoteRule(s string) bool {
	return len(s) >= 5 && strings.Trim(s, "_") == ""
}

// contentsEntry matches an entry of a table of contents as a PDF prints it: a heading, a leader
// of dots (or of middle dots or ellipses) and the page number, arabic or roman, or a long leader
// whose number the copy lost.
var contentsEntry = regexp.MustCompile(`^\S.*?\s*(?:(?:\.{4,}|…{2,}|·{4,}|(?:\. ){4,})\s*(?:\d{1,3}|[ivxlc]{1,6})|\.{8,}|…{4,})$`)

// withoutContents returns lines without the entries of a table of contents and the short label
// over them ("Contents", "Содержание", "Мазмұны", "目录"): a page's guide, no text.
func withoutContents(lines []string) []string {
	out := lines[:0:0]
	inContents := false
	for _, raw := range lines {
		t := strings.TrimSpace(raw)
		if contentsEntry.MatchString(t) {
			if inContents {
				continue
			}
			inContents = true
			// The label is the line of its own right above the first entry.
			for len(out) > 0 && strings.TrimSpace(out[len(out)-1]) == "" {
				out = out[:len(out)-1]
			}
			if n := len(out); n > 0 {
				if l := strings.TrimSpace(out[n-1]); utf8.RuneCountInString(l) <= maxNotesLabelRunes && !endsWithTerminator(l) &&
					!contentsEntry.MatchString(l) && !strings.ContainsFunc(l, unicode.IsDigit) {
					out = out[:n-1]
				}
			}
			continue
		}
		inContents = inContents && t == ""
		out = append(out, raw)
	}
	return out
}

// allSame reports a list of equal strings.
func allSame(xs []string) bool {
	for _, x := range xs[1:] {
		if x != xs[0] {
			return false
		}
	}
	return true
}

// bulletItems parts text, the items of n bullets run into one line, into n items: at the
// semicolons that end all items but the last ("…opened; industrial demand…; the needs…"), or
// else at the ends of sentences ("…mountain sections? How will…"). Text that parts neither way
// into n is one item.
func bulletItems(text string, n int) []string {
	if n < 2 {
		return []string{text}
	}
	if parts := strings.SplitAfter(text, "; "); len(parts) == n {
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
		}
		return parts
	}
	var parts []string
	rest := text
	for len(parts) < n-1 {
		at := sentenceEnd(rest)
		if at < 0 {
			return []string{text}
		}
		parts = append(parts, strings.TrimSpace(rest[:at]))
		rest = strings.TrimSpace(rest[at:])
	}
	if rest == "" {
		return []string{text}
	}
	return append(parts, rest)
}

// sentenceEnd returns the offset just after the first ".", "?" or "!" in s that a space and a
// capital letter follow, or -1.
func sentenceEnd(s string) int {
	for i, r := range s {
		if r != '.' && r != '?' && r != '!' {
			continue
		}
		rest := s[i+1:]
		if t := strings.TrimLeft(rest, " "); len(t) < len(rest) {
			if next, _ := utf8.DecodeRuneInString(t); unicode.IsUpper(next) {
				return i + 1
			}
		}
	}
	return -1
}

// isLoneBullet reports a line that is a list's bullet alone: a PDF sets the bullet and the
// item's text apart, and copying may put them on lines of their own.
func isLoneBullet(s string) bool {
	switch s {
	case "•", "▪", "◦", "●", "‣", "-", "*", "–", "·", "○", "■", "□", "➢", "✓":
		return true
	}
	return false
}

// hanLatinSpace matches a space between a Chinese character or full-width punctuation mark and
// a Latin letter, a digit or a sign written with digits, on either side.
var hanLatinSpace = regexp.MustCompile(`([\p{Han}\x{3000}-\x{303F}\x{FF00}-\x{FF60}]) +([0-9A-Za-z%$])|([0-9A-Za-z%]) +([\p{Han}\x{3000}-\x{303F}\x{FF00}-\x{FF60}])`)

// withoutHanLatinSpaces removes the spaces a PDF's text layer puts between Chinese and the
// Latin letters and digits set in another font ("2023 年" for "2023年"); Chinese sets none
// there. A line without Chinese is returned as it is.
func withoutHanLatinSpaces(s string) string {
	if !strings.ContainsFunc(s, isHan) || !strings.Contains(s, " ") {
		return s
	}
	label := ""
	if m := hanCaptionLabel.FindString(s); m != "" {
		label, s = m, s[len(m):] // "图 1 跨里海…": the space after a caption's number parts it from the caption
	} else if m := hanSectionNumber.FindString(s); m != "" && utf8.RuneCountInString(s[len(m):]) <= maxHanSectionTitle &&
		!strings.ContainsAny(s[len(m):], "，。；") {
		label, s = m, s[len(m):] // "2.1 技术示范": a section's number keeps the space before its title
	}
	// Twice, since one match takes the character the next one needs: "年 6 %".
	s = hanLatinSpace.ReplaceAllString(s, "$1$2$3$4")
	return label + hanLatinSpace.ReplaceAllString(s, "$1$2$3$4")
}

// hanSectionNumber matches the number of a section at a line's start and the space after it:
// "1 ", "2.1 ", "3.2.1 ".
var hanSectionNumber = regexp.MustCompile(`^\d{1,2}(?:\.\d{1,2}){0,2} +`)

// maxHanSectionTitle: the title of a section after its number is short.
const maxHanSectionTitle = 20

// hanCaptionLabel matches the label and number a Chinese caption opens with, and the space
// after them: "图 1 ", "表2 ".
var hanCaptionLabel = regexp.MustCompile(`^[图表] ?\d{1,3}(\.\d{1,2})? +`)

type sourceLine struct {
	text     string
	indented bool
}

func splitGroup(group []sourceLine) []candidate {
	if len(group) == 0 {
		return nil
	}
	width := 0
	for _, l := range group {
		width = max(width, columns(l.text))
	}
	wrapped := len(group) > 1 && width >= minWrapColumns && width <= maxWrapColumns && !paragraphPerLine(group, width)
	lw := lineWidths{width: width, full: wrapFullness(group, width)}
	// When only some lines are indented, the indent opens a paragraph (or continues a list item).
	// When it does so more than once, after a sentence's end, the indent is what opens
	// paragraphs: a line set flush after a sentence's end goes on with the paragraph.
	someFlush, indentOpens := false, 0
	for i, l := range group {
		someFlush = someFlush || !l.indented
		if i > 0 && l.indented && endsWithTerminator(group[i-1].text) {
			indentOpens++
		}
	}
	indentMarked := someFlush && indentOpens >= minIndentOpens
	var out []candidate
	var prev string
	itemIndented := false // the list item being read was set in with its first line
	for i, l := range group {
		next := ""
		if i+1 < len(group) {
			next = group[i+1].text
		}
		kind, body := lineMarker(l.text)
		if body == "" {
			// A bare ">" or bullet: an empty line of a quote or list, which separates nothing.
			continue
		}
		if kind == pipeline.BlockListItem && strings.HasPrefix(l.text, "– ") && wrapped && len(out) > 0 && !l.indented &&
			out[len(out)-1].marker != pipeline.BlockListItem && !endsWithTerminator(prev) && !endsWithListIntro(prev) &&
			float64(columns(prev)) >= fullLineRatio*float64(width) {
			// A dash that a wrap put at the start of a line ("«Азия" / "– Китай»") is no bullet;
			// a wrap sets no indent.
			kind, body = "", l.text
		}
		if kind == "" && strings.HasPrefix(l.text, "— ") && (endsWithClauseBreak(l.text) ||
			len(out) > 0 && out[len(out)-1].marker == pipeline.BlockListItem && endsWithClauseBreak(prev)) {
			// Items set off by em dashes and ended by semicolons ("— first;" / "— last.") are a
			// list; an em dash alone opens dialogue.
			kind, body = pipeline.BlockListItem, strings.TrimPrefix(l.text, "— ")
		}
		switch {
		case i == 0 || len(out) == 0:
		case i == 1 && namesPublisher(prev) && !endsWithTerminator(prev) && unicode.IsUpper(firstRuneOf(l.text)):
			// The masthead over a title ("Caspian Research Centre — Occasional Papers"): a line
			// of its own, however wide.
		case kind == pipeline.BlockQuote && out[len(out)-1].marker == pipeline.BlockQuote:
			appendLine(&out[len(out)-1], body)
			prev = l.text
			continue
		case kind != "":
		case out[len(out)-1].marker == pipeline.BlockQuote:
		case out[len(out)-1].marker == pipeline.BlockListItem && itemIndented && l.indented && endsWithTerminator(prev):
			// Items set in like paragraphs' first lines ("   – …"): an indented line after an
			// item's end opens the next paragraph.
		case out[len(out)-1].marker == pipeline.BlockListItem:
			if !l.indented && listEnds(out[len(out)-1].buf, prev, l.text) {
				break // "…; 3. a shared study of the lake." / "None of these would…": text again
			}
			if l.indented || lw.continues(&out[len(out)-1], prev, l.text, next, wrapped) {
				appendLine(&out[len(out)-1], l.text)
				prev = l.text
				continue
			}
		case isCaptionText(l.text) || isSourceNote(l.text):
			// A caption opens a block of its own, and so does the source under a chart.
		case isFilingLine(l.text) || isFilingLine(prev) || isPaperApparatusStart(l.text):
			// A classification code or a DOI is a line of its own; a paper's abstract and
			// keywords open blocks of their own.
		case l.indented && someFlush && endsWithTerminator(prev):
			// An indented first line after a sentence's end opens a paragraph.
		case indentMarked && !l.indented && out[len(out)-1].marker == "" && endsWithTerminator(prev) &&
			!lw.standalone(l.text, next) && !isQuotationLine(l.text) && !blockEnds(out[len(out)-1].buf):
			// Where indents open paragraphs, a line set flush after a sentence's end goes on.
			appendLine(&out[len(out)-1], l.text)
			prev = l.text
			continue
		case isBylineLine(l.text) || isBylineLine(prev):
			// A line that names its author ("By Aigerim Sadykova") is a block of its own, and
			// what follows it opens the next: a title or a summary does not go on over it.
		case lw.continues(&out[len(out)-1], prev, l.text, next, wrapped):
			appendLine(&out[len(out)-1], l.text)
			prev = l.text
			continue
		}
		out = append(out, candidate{buf: []byte(body), marker: kind, lines: 1})
		itemIndented = kind == pipeline.BlockListItem && l.indented
		prev = l.text
	}
	for i := range out {
		// A hyphenation mark that no next line took back is the hyphen it stood for.
		out[i].text, out[i].buf = strings.ReplaceAll(string(out[i].buf), string(softBreak), "-"), nil
	}
	return out
}

// runInItem matches the number of the next item of a numbered list run into one line after the
// item before it ends with a semicolon: "…производств; 2. растущий…".
var runInItem = regexp.MustCompile(`[;；]\s+(\d{1,2})[.)]\s`)

// withRunInItems parts a numbered list that a copy ran into one line ("1. a; 2. b; 3. c.") into
// its items, when the numbers go up by one from the item's own.
func withRunInItems(cands []candidate, lang pipeline.Lang) []candidate {
	var out []candidate
	for _, c := range cands {
		if c.marker != pipeline.BlockListItem || !runInItem.MatchString(c.text) {
			out = append(out, c)
			continue
		}
		n, _ := strconv.Atoi(c.text[:strings.IndexFunc(c.text, func(r rune) bool { return r < '0' || r > '9' })])
		start, parts := 0, []string(nil) // start: where the item being read begins
		for _, m := range runInItem.FindAllStringSubmatchIndex(c.text, -1) {
			if k, _ := strconv.Atoi(c.text[m[2]:m[3]]); k != n+1+len(parts) {
				continue
			}
			_, semicolon := utf8.DecodeRuneInString(c.text[m[0]:])
			parts = append(parts, strings.TrimSpace(c.text[start:m[0]+semicolon]))
			start = m[2]
		}
		if len(parts) == 0 {
			out = append(out, c)
			continue
		}
		// "…; 3. a shared study of the lake. None of these would settle…": the list ends with
		// its last item's sentence, and the text goes on after it.
		last, rest := firstSentence(strings.TrimSpace(c.text[start:]), lang)
		for _, p := range append(parts, last) {
			out = append(out, candidate{text: p, marker: pipeline.BlockListItem, lines: c.lines})
		}
		if rest != "" {
			out = append(out, candidate{text: rest, lines: c.lines})
		}
	}
	return out
}

// lineWidths is what a group of lines says about its layout: the widest line, and how full a
// line must be for its break to be a wrap (see wrapFullness).
type lineWidths struct {
	width int
	full  float64
}

// minIndentOpens: a group whose lines after a sentence's end are indented this often sets its
// paragraphs apart by their first lines' indent.
const minIndentOpens = 2

// standaloneRatio: a line this much shorter than the width, with no end punctuation, is a block
// of its own (a heading, a byline, a caption) and not the end of the paragraph above.
const standaloneRatio = 0.6

// continues reports whether cur continues the block c, whose last line is prev; next is the
// line after cur ("" at the end). Lines join when prev stops mid-sentence before a lower-case
// word, or when the lines are hard-wrapped and prev is full. A wrapped line that ends a
// sentence counts as full only when the next word would not have fitted on it, judged against
// how full the document's certain wraps are, since proportional fonts give lines of one column
// different lengths. A block wholly in quotation marks ends with its closing mark, a caption
// with its first sentence, and a short line without end punctuation stands alone.
func (lw lineWidths) continues(c *candidate, prev, cur, next string, wrapped bool) bool {
	first, _ := utf8.DecodeRuneInString(cur)
	if keywordsLabel.Match(c.buf[:min(len(c.buf), maxCaptionStart)]) {
		// A paper's keywords run on only after a separator or before a lower-case word: the
		// line that stops without one ends them ("Keywords: trade, logistics" / "Introduction").
		return strings.ContainsRune(",;，；、-‐", lastRuneOf(prev)) || unicode.IsLower(first) && !endsWithTerminator(prev)
	}
	if unicode.IsLower(first) && !endsWithTerminator(prev) {
		return true
	}
	if isHan(first) && !endsWithTerminator(prev) && !isClosingEnd(prev) && isHanText(prev) && strings.ContainsAny(prev, "，。；") &&
		!hanSection.MatchString(cur) {
		// Chinese breaks lines anywhere: a line of running text (it holds a comma or a sentence's
		// end) that stops mid-sentence runs on into the next, whatever its width.
		return true
	}
	if attachedDashEnd(prev) && unicode.IsLetter(first) {
		// A hyphen or a dash set close after a word never ends a paragraph: a word or a
		// compound broke there ("Kazakh-" / "Chinese border").
		return true
	}
	if !wrapped {
		return false
	}
	if isCaptionText(string(c.buf)) && unicode.IsUpper(first) && !strings.ContainsRune(",;:-‐–—(", lastRuneOf(prev)) {
		// A caption's line that stops at no comma, before a capital: the caption ends there,
		// and the text goes on under it.
		return false
	}
	used := float64(columns(prev))
	if !endsWithTerminator(prev) {
		// A full line that stops mid-sentence runs on, whatever follows.
		return used >= fullLineRatio*float64(lw.width)
	}
	if blockEnds(c.buf) || lw.standalone(cur, next) || isQuotationLine(cur) {
		return false
	}
	fit := nextWordColumns(cur)
	if isHanText(prev) {
		// Chinese breaks a line after any character: one more of them would have fitted on a
		// line that ends a sentence short of the width, whatever word opens the next.
		fit = 2
	}
	return used+float64(fit) > lw.full
}

// attachedDashEnd reports a line that ends with a hyphen or a dash right after a letter.
func attachedDashEnd(s string) bool {
	last, n := utf8.DecodeLastRuneInString(s)
	before, _ := utf8.DecodeLastRuneInString(s[:len(s)-n])
	return (last == '-' || last == '‐' || last == '–') && unicode.IsLetter(before)
}

// standalone reports a short line without end punctuation that is not continued by a
// lower-case word: it is a block of its own.
func (lw lineWidths) standalone(cur, next string) bool {
	if float64(columns(cur)) >= standaloneRatio*float64(lw.width) || endsWithTerminator(cur) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(cur)
	if strings.ContainsRune(",;:-‐–—(，；：、（", last) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(next)
	return next == "" || !unicode.IsLower(first)
}

// isQuotationLine reports a whole line in quotation marks after a sentence: a quotation set
// apart.
func isQuotationLine(s string) bool { return isWhollyQuoted(s) }

// nextWordColumns is the room the first word of s takes after a line break: its width and the
// space before it, or one character in Chinese, which breaks lines between any two characters.
func nextWordColumns(s string) int {
	first, _ := utf8.DecodeRuneInString(s)
	if isWide(first) {
		return 2
	}
	// The word ends at a space, or where Chinese text resumes ("2005年…").
	word := s
	if i := strings.IndexFunc(s, func(r rune) bool { return r == ' ' || isWide(r) }); i >= 0 {
		word = s[:i]
	}
	return 1 + columns(word)
}

// minWrapSamples: below this many certain wraps, a fixed share of the width stands in for them.
const minWrapSamples = 4

// minParagraphLines: so many long lines, each ending a sentence, are paragraphs; fewer may be
// lines of a PDF page that happen to end where sentences do.
const minParagraphLines = 4

// paragraphPerLine reports lines that each hold a whole paragraph, as text copied from a web
// page or a word processor comes: several long lines that end a sentence, no line nearly as
// wide as the widest that does not (a title or a heading is shorter), and no line that stops
// mid-sentence before a word in lower case (or a Chinese character) going on in the next.
// Lines wrapped at a width end mid-sentence at most breaks.
func paragraphPerLine(group []sourceLine, width int) bool {
	long := 0
	for i, l := range group {
		if w := columns(l.text); w >= minWrapColumns && !endsWithTerminator(l.text) {
			if float64(w) >= fullLineRatio*float64(width) {
				return false // a full line that stops mid-sentence: wrapped
			}
			// (a shorter one is a heading or a title)
		} else if w >= minWrapColumns {
			long++
		}
		if i+1 < len(group) {
			first, _ := utf8.DecodeRuneInString(group[i+1].text)
			if !endsWithTerminator(l.text) && (unicode.IsLower(first) || isWide(first)) {
				return false
			}
		}
	}
	return long >= minParagraphLines
}

// wrapFullness returns how full a line must be (its width and the next word) for its break to
// be taken for a wrap. Certain wraps (a line that stops mid-sentence before a lower-case word)
// show it: each broke because the next word did not fit, so the lowest of their "line + next
// word" widths is about the shortest room a line had. With too few of them, wordFitRatio of
// the widest line stands in.
func wrapFullness(group []sourceLine, width int) float64 {
	var fits []int
	for i := 0; i+1 < len(group); i++ {
		cur, nxt := group[i].text, group[i+1].text
		first, _ := utf8.DecodeRuneInString(nxt)
		if endsWithTerminator(cur) || !(unicode.IsLower(first) || isWide(first)) {
			continue
		}
		last, _ := utf8.DecodeLastRuneInString(cur)
		if isWide(first) && !isWide(last) || float64(columns(cur)) < standaloneRatio*float64(width) {
			continue // a heading or a title before a Chinese line is no wrap
		}
		fits = append(fits, columns(cur)+nextWordColumns(nxt))
	}
	if len(fits) < minWrapSamples {
		return wordFitRatio * float64(width)
	}
	sort.Ints(fits)
	// The tenth percentile, so that one line cut short by a long word does not decide.
	return float64(fits[len(fits)/10])
}

// appendLine joins a continuation line to a candidate: with a space between words, without one
// between Chinese characters and after a hyphen that breaks a word across lines ("inter-" +
// "party"), so that no character is invented.
func appendLine(c *candidate, line string) {
	last, size := utf8.DecodeLastRune(c.buf)
	beforeLast, _ := utf8.DecodeLastRune(c.buf[:len(c.buf)-size])
	first, _ := utf8.DecodeRuneInString(line)
	if last == softBreak {
		c.buf = append(c.buf[:len(c.buf)-size], line...)
		c.lines++
		return
	}
	hyphenated := (last == '-' || last == '‐') && unicode.IsLetter(beforeLast) && unicode.IsLower(first)
	// A hyphen or dash that ends a line after a letter, before a capital, joins a compound of
	// names ("Kazakh-" + "Chinese", "Central Asia–" + "China"): no space comes between.
	compound := (last == '-' || last == '‐' || last == '–' || last == '—') && unicode.IsLetter(beforeLast) && unicode.IsUpper(first)
	if !isWide(last) && !isWide(first) && !hyphenated && !compound && !inHanRun(c.buf, line) {
		c.buf = append(c.buf, ' ')
	}
	c.buf = append(c.buf, line...)
	c.lines++
}

// endsWithTerminator reports text whose last character, before closing quotes and brackets, can
// end a sentence.
func endsWithTerminator(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(s, isClosing))
	return isTerminator(r)
}

// lineMarker recognises plain-text list and quote markup at the start of a line and returns the
// kind it marks and the line without the markup. Bullets and "> " are markup and are removed;
// numbers ("1. ", "2) ") are content and stay. An em dash is not a bullet: it opens dialogue.
func lineMarker(line string) (pipeline.BlockKind, string) {
	if rest, ok := strings.CutPrefix(line, ">"); ok {
		return pipeline.BlockQuote, strings.TrimLeft(rest, " >")
	}
	for _, bullet := range []string{"- ", "* ", "• ", "▪ ", "◦ ", "● ", "‣ ", "– "} {
		if rest, ok := strings.CutPrefix(line, bullet); ok {
			return pipeline.BlockListItem, rest
		}
	}
	if isNumberedItem(line) {
		return pipeline.BlockListItem, line
	}
	return "", line
}

// endsWithClauseBreak reports a line ending with a semicolon, as list items in a sentence do.
func endsWithClauseBreak(s string) bool {
	return strings.HasSuffix(s, ";") || strings.HasSuffix(s, "；")
}

// parenNumber matches a list number in brackets at the start of a line: "(1) ", "（一）", "（2）".
var parenNumber = regexp.MustCompile(`^[(（]([0-9]{1,2}|[一二三四五六七八九十]{1,2}|[a-z])[)）]\s*\S`)

// isNumberedItem reports a line starting with a list number: one to three digits or one letter,
// then "." or ")", then a space and more text ("1. First", "2) Second", "a) third").
func isNumberedItem(line string) bool {
	if parenNumber.MatchString(line) {
		return true
	}
	i := 0
	for i < len(line) && i < 3 && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	if i == 0 {
		r, size := utf8.DecodeRuneInString(line)
		if !unicode.IsLower(r) {
			return false
		}
		i = size
		if i >= len(line) || line[i] != ')' {
			return false
		}
	}
	if i > 0 {
		// Chinese numbers its items with a full-width point or a 、 and no space: "1．推动…", "2、支持…".
		for _, sep := range []string{"．", "、"} {
			if rest, ok := strings.CutPrefix(line[i:], sep); ok {
				r, _ := utf8.DecodeRuneInString(rest)
				return isHan(r) || r == '“'
			}
		}
	}
	if i+2 > len(line) || (line[i] != '.' && line[i] != ')') || line[i+1] != ' ' {
		return false
	}
	return strings.TrimSpace(line[i+2:]) != ""
}

// inHanRun reports a line break inside a run of Latin letters or digits within Chinese text
// ("自1" + "992年"): Chinese breaks lines anywhere, even inside a number, and no space was there.
func inHanRun(buf []byte, line string) bool {
	i := len(buf)
	for i > 0 {
		r, size := utf8.DecodeLastRune(buf[:i])
		if !(r < utf8.RuneSelf && (unicode.IsDigit(r) || unicode.IsLetter(r) || r == '.' || r == ',' || r == '%')) {
			if !isHan(r) && !isWide(r) {
				return false
			}
			break
		}
		i -= size
	}
	if i == 0 || i == len(buf) {
		return false
	}
	for _, r := range line {
		if r < utf8.RuneSelf && (unicode.IsDigit(r) || unicode.IsLetter(r) || r == '.' || r == ',' || r == '%') {
			continue
		}
		return isHan(r) || isWide(r)
	}
	return false
}

// Bounds of the looks at a block being joined, so that joining stays linear however long it
// grows: a quotation set apart or a caption is short; a longer block is a paragraph.
const (
	maxQuoteBytes   = 2000
	maxCaptionStart = 120
)

// blockEnds reports a block that ends with its line: a quotation wholly in quotation marks, or
// a caption, whose first sentence is all of it; a paper's keywords.
func blockEnds(buf []byte) bool {
	if len(buf) <= maxQuoteBytes && isWhollyQuoted(string(buf)) {
		return true
	}
	start := buf[:min(len(buf), maxCaptionStart)]
	for len(start) > 0 && !utf8.Valid(start) {
		start = start[:len(start)-1]
	}
	// A paper's keywords end with the sentence that ends their line.
	return isCaptionText(string(start)) || keywordsLabel.Match(start)
}

// hanSection matches the number a Chinese section heading opens with: "一、", "第二章", "（三）".
var hanSection = regexp.MustCompile(`^([一二三四五六七八九十]+、|第[一二三四五六七八九十\d]+[章节部分]|[（(][一二三四五六七八九十]+[)）])`)

// isClosingEnd reports text that ends with a closing quotation mark or bracket.
func isClosingEnd(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return isClosing(r)
}

// lastRuneOf returns the last character of s.
func lastRuneOf(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// firstRuneOf returns the first rune of s, or utf8.RuneError for an empty s.
func firstRuneOf(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
