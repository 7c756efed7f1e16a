package document

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/pipeline"
)

// Web pages and Word documents are stored as the Markdown text extracted from them: a text
// format an editor can read, that the text repair can work on and undo by offsets, and that
// ParseMarkdownMarkup reads back with its links, emphasis and notes. mdWriter writes that text.

// mdBlockWriter collects the blocks of one converted document.
type mdBlockWriter struct {
	blocks []string
	notes  []string // footnote definitions, by number - 1
}

// paragraph adds a block of the given kind. level is a heading's level (1 for the title);
// marker is a list item's "-" or "3.".
func (w *mdBlockWriter) add(kind pipeline.BlockKind, level int, marker string, in *mdInline) {
	text := in.String()
	if text == "" {
		return
	}
	switch kind {
	case pipeline.BlockHeading, pipeline.BlockTitle:
		level = min(max(level, 1), 6)
		w.blocks = append(w.blocks, strings.Repeat("#", level)+" "+text)
	case pipeline.BlockQuote:
		w.blocks = append(w.blocks, "> "+text)
	case pipeline.BlockCaption:
		// An HTML figure caption on a line of its own, which the Markdown readers take for a
		// caption; the text inside stays Markdown.
		w.blocks = append(w.blocks, "<figcaption>"+text+"</figcaption>")
	case pipeline.BlockListItem:
		if marker == "" {
			marker = "-"
		}
		w.blocks = append(w.blocks, marker+" "+text)
	default:
		w.blocks = append(w.blocks, text)
	}
}

// note sets the text of footnote n, without the marks of a link back to the reference that
// lead some notes ("^", "↑", "↩").
func (w *mdBlockWriter) note(n int, in *mdInline) {
	for len(w.notes) < n {
		w.notes = append(w.notes, "")
	}
	if w.notes[n-1] == "" {
		w.notes[n-1] = strings.TrimLeft(in.String(), "^↑↩ ")
	}
}

// dropEmptySections removes headings with nothing under them: those that end the body, like
// the "Notes" heading of a list of notes that are written as footnotes, and those followed at
// once by a heading of their level or above, whose section was all page furniture ("Related
// stories" over a list of links, "Comments" over the comments). The title stays.
func (w *mdBlockWriter) dropEmptySections() {
	out := w.blocks[:0]
	for i, b := range w.blocks {
		level := headingLevel(b)
		if level > 1 && i > 0 {
			next := 7 // the end of the body closes every section
			if i+1 < len(w.blocks) {
				next = headingLevel(w.blocks[i+1])
				if next == 0 {
					next = 8 // text under the heading
				}
			}
			if next <= level || next == 7 {
				continue
			}
		}
		out = append(out, b)
	}
	w.blocks = out
}

// mdLinkTarget matches the address part of a Markdown link, "](<…>)".
var mdLinkTarget = regexp.MustCompile(`\]\(<[^>]*>\)`)

// dropTrailingLines removes the short lines that end the body after its text, which read as no
// sentence and name no one (a channel's card, "В закладки", a tag): the page's, not the
// article's. A line that could sign the article stays for the byline's reader.
func (w *mdBlockWriter) dropTrailingLines() {
	for len(w.blocks) > 2 {
		b := w.blocks[len(w.blocks)-1]
		if headingLevel(b) > 0 || isListLine(b) || strings.HasPrefix(b, ">") || strings.HasPrefix(b, "<figcaption>") {
			return
		}
		plain := plainBlock(b)
		if plain == "" || utf8.RuneCountInString(plain) > maxTrailingLineRunes || endsWithTerminator(plain) ||
			isBylineText(plain) || hasBylinePrefix(plain) || isNameLine(plain) ||
			strings.HasPrefix(plain, "(") || strings.HasPrefix(plain, "（") {
			return // (a line in brackets is a note of the text's: "（作者单位：…）")
		}
		w.blocks = w.blocks[:len(w.blocks)-1]
	}
}

// dropRepeatedQuotes removes a quotation that repeats words of the article's own text: a pull
// quote, which a page sets in large type beside the paragraph it comes from, in an <aside>, a
// theme's pull-quote block or a <blockquote>. The words stay where the text has them.
func (w *mdBlockWriter) dropRepeatedQuotes() {
	var text strings.Builder
	hasQuote := false
	for _, b := range w.blocks {
		if strings.HasPrefix(b, "> ") {
			hasQuote = true
			continue
		}
		text.WriteString(plainBlock(b))
		text.WriteByte('\n')
	}
	if !hasQuote {
		return
	}
	body := strings.ToLower(text.String())
	var paragraphs []map[[2]string]bool // the word pairs of each block of text, built once
	compared := 0
	out := w.blocks[:0]
	for _, b := range w.blocks {
		if q, ok := strings.CutPrefix(b, "> "); ok {
			q = strings.ToLower(strings.Trim(plainBlock(q), "\"'«»“”„‘’「」『』 .…"))
			if columns(q) >= minPullQuoteRunes && strings.Contains(body, q) {
				continue
			}
			if paragraphs == nil {
				for _, p := range strings.Split(body, "\n") {
					paragraphs = append(paragraphs, wordPairs(p))
				}
			}
			// Each comparison reads every paragraph: a page's first few quotations are
			// compared, which bounds the work whatever the page holds.
			if compared < maxComparedQuotes && columns(q) >= minPullQuoteRunes {
				compared++
				if repeatsAParagraph(q, paragraphs) {
					continue
				}
			}
		}
		out = append(out, b)
	}
	w.blocks = out
}

// minPullQuoteShare: an editor shortens the line a pull quote repeats ("whose returns, after
// inflation, have often been" becomes "whose returns have often been"); when this share of the
// quote's word pairs stand in one paragraph, it repeats that paragraph.
const minPullQuoteShare = 0.7

// repeatsAParagraph reports a quotation most of whose word pairs one paragraph holds.
func repeatsAParagraph(q string, paragraphs []map[[2]string]bool) bool {
	pairs := wordPairs(q)
	if len(pairs) < minPullQuotePairs {
		return false
	}
	for _, p := range paragraphs {
		n := 0
		for pair := range pairs {
			if p[pair] {
				n++
			}
		}
		if float64(n) >= minPullQuoteShare*float64(len(pairs)) {
			return true
		}
	}
	return false
}

// maxComparedQuotes: an article sets a few pull quotes beside its text, not dozens.
const maxComparedQuotes = 16

// minPullQuotePairs: a quotation of fewer word pairs is too short to tell a repeat from a
// common phrase.
const minPullQuotePairs = 5

// wordPairs returns the pairs of neighbouring words of a lower-case text, each Chinese character
// counting as a word.
func wordPairs(s string) map[[2]string]bool {
	var words []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if !isHanText(f) {
			words = append(words, f)
			continue
		}
		for _, r := range f {
			words = append(words, string(r))
		}
	}
	pairs := make(map[[2]string]bool, len(words))
	for i := 1; i < len(words); i++ {
		pairs[[2]string{words[i-1], words[i]}] = true
	}
	return pairs
}

// bulletedRuns turns a run of two or more paragraphs that each open with a bullet and a space
// into list items: a list typed by hand, a line each between line breaks ("– регистрация …;<br>").
// A dash opens a line of dialogue too, so a dash item must go on in lower case or end with a
// semicolon (isBulletText).
func (w *mdBlockWriter) bulletedRuns() {
	for i := 0; i < len(w.blocks); {
		j := i
		for j < len(w.blocks) && isBulletText(w.blocks[j]) {
			j++
		}
		if j-i >= 2 {
			for k := i; k < j; k++ {
				b := strings.TrimPrefix(w.blocks[k], "\\")
				_, size := utf8.DecodeRuneInString(b)
				w.blocks[k] = "- " + strings.TrimLeftFunc(b[size:], unicode.IsSpace)
			}
		}
		i = max(j, i+1)
	}
}

// isBulletText reports a written paragraph that opens with a bullet (listBullets) and a space;
// after a dash, the item goes on in lower case or ends with a semicolon.
func isBulletText(b string) bool {
	if strings.HasPrefix(b, "- ") {
		return false // a list item already
	}
	b = strings.TrimPrefix(b, "\\") // a hyphen written as text is escaped
	r, size := utf8.DecodeRuneInString(b)
	if size == 0 || !strings.ContainsRune(listBullets, r) {
		return false
	}
	next, n := utf8.DecodeRuneInString(b[size:])
	if !unicode.IsSpace(next) {
		return false
	}
	if strings.ContainsRune(dashBullets, r) {
		item := strings.TrimLeftFunc(b[size+n:], unicode.IsSpace)
		first, _ := utf8.DecodeRuneInString(item)
		t := strings.TrimSpace(b)
		return unicode.IsLower(first) || strings.HasSuffix(t, ";") || strings.HasSuffix(t, "；")
	}
	return true
}

// circledNumbers are the note marks of Chinese and Japanese texts, ① to ⑳.
const circledNumbers = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

// notesByMark turns the paragraphs that end the body, each opening with the next circled number
// ("①　联合国粮农组织：…", "②　…"), into the notes of the marks the text carries (a plain
// "<sup>①</sup>", linked to nothing), when the page linked no notes itself. A mark's first
// place in the text becomes the reference.
func (w *mdBlockWriter) notesByMark() {
	if len(w.notes) > 0 {
		return
	}
	for _, marks := range [][]string{circledMarks, superscriptMarks} {
		if w.notesMarkedWith(marks) {
			return
		}
	}
}

// circledMarks and superscriptMarks are the marks of notes 1, 2, … in the two ways a page
// prints them unlinked: ①, ② and ¹, ² (an HTML <sup>1</sup> is read as ¹).
var (
	circledMarks     = strings.Split(circledNumbers, "")
	superscriptMarks = func() []string {
		var m []string
		for i := 1; i <= 99; i++ {
			m = append(m, superscriptDigits(strconv.Itoa(i)))
		}
		return m
	}()
)

// superscriptDigits writes the digits of s raised: "12" gives "¹²".
func superscriptDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(raisedDigits[r-'0'])
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// raisedDigits are the superscript digits 0 to 9.
var raisedDigits = []rune("⁰¹²³⁴⁵⁶⁷⁸⁹")

// noteMarkOf returns the mark of marks that block opens with, the longest if several fit
// ("¹²" before "¹"), and "" if none.
func noteMarkOf(block string, marks []string) string {
	best := ""
	for _, m := range marks {
		if len(m) > len(best) && strings.HasPrefix(block, m) {
			best = m
		}
	}
	return best
}

// notesMarkedWith does notesByMark's work for one kind of marks; it reports whether it found
// the notes.
func (w *mdBlockWriter) notesMarkedWith(marks []string) bool {
	end := len(w.blocks)
	// A line or two may close the page under the notes: a disclaimer, the author's affiliation.
	for k := 0; k < maxLinesUnderNotes && end > 0; k++ {
		if noteMarkOf(w.blocks[end-1], marks) != "" || utf8.RuneCountInString(w.blocks[end-1]) > maxTrailingLineRunes*3 {
			break
		}
		end--
	}
	start := end
	for start > 0 && noteMarkOf(w.blocks[start-1], marks) != "" {
		start--
	}
	count := end - start
	if count == 0 || count > len(marks) {
		return false
	}
	body := w.blocks[:start]
	for i := range count {
		if noteMarkOf(w.blocks[start+i], marks) != marks[i] {
			return false // not ①, ②, … in order
		}
		found := false
		for _, b := range body {
			found = found || strings.Contains(b, marks[i])
		}
		if !found {
			return false
		}
	}
	for i := range count {
		m := marks[i]
		for k, b := range body {
			if j := strings.Index(b, m); j >= 0 {
				body[k] = b[:j] + "[^" + strconv.Itoa(i+1) + "]" + b[j+len(m):]
				break
			}
		}
		w.notes = append(w.notes, strings.TrimLeft(w.blocks[start+i][len(m):], " \u3000"))
	}
	if n := len(body); n > 1 {
		// The label over the notes ("注释", "Notes", "Примечания"): a short line of its own.
		label := plainBlock(strings.TrimLeft(body[n-1], "# "))
		if utf8.RuneCountInString(label) <= maxNotesLabelRunes && !endsWithTerminator(label) && !strings.Contains(label, "[^") {
			body = body[:n-1]
		}
	}
	w.blocks = append(body, w.blocks[end:]...)
	return true
}

// maxNotesLabelRunes: the label over a page's notes is a word or two.
const maxNotesLabelRunes = 16

// maxLinesUnderNotes: the lines that may follow the notes at the end of a page.
const maxLinesUnderNotes = 2

// minPullQuoteRunes: a quotation this long (in columns, a Chinese character taking two) that
// the text also holds is the text's, repeated; a word or two may be quoted twice for good reason.
const minPullQuoteRunes = 30

// plainBlock returns a block's words without Markdown's escapes, emphasis (written with "*")
// and link targets.
func plainBlock(b string) string {
	return collapseSpaces(plainMarks.Replace(mdLinkTarget.ReplaceAllString(b, "")))
}

var plainMarks = strings.NewReplacer("\\", "", "*", "", "[", "", "]", "")

// maxTrailingLineRunes: the lines of a card or a control after the text are short.
const maxTrailingLineRunes = 60

// headingLevel returns the level of a heading block ("## …" is 2), or 0 for other blocks.
func headingLevel(b string) int {
	n := 0
	for n < len(b) && b[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || n >= len(b) || b[n] != ' ' {
		return 0
	}
	return n
}

// String joins the blocks with blank lines, keeping consecutive list items together, and adds
// the footnote definitions at the end. A note that is referenced but has no text gets a dash, so
// that its reference still parses as one.
func (w *mdBlockWriter) String() string {
	var b strings.Builder
	for i, bl := range w.blocks {
		if i > 0 {
			if isListLine(w.blocks[i-1]) && isListLine(bl) {
				b.WriteString("\n")
			} else {
				b.WriteString("\n\n")
			}
		}
		b.WriteString(bl)
	}
	for i, n := range w.notes {
		if n == "" {
			n = "—"
		}
		b.WriteString("\n\n[^" + strconv.Itoa(i+1) + "]: " + n)
	}
	if b.Len() > 0 {
		b.WriteString("\n")
	}
	return b.String()
}

func isListLine(s string) bool {
	if strings.HasPrefix(s, "- ") {
		return true
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i > 0 && strings.HasPrefix(s[i:], ". ")
}

// mdInline writes the inline content of one block as Markdown: text escaped, whitespace
// collapsed, emphasis and links written only around some text, with spaces kept outside the
// delimiters (CommonMark does not take "* word *" for emphasis).
type mdInline struct {
	b       bytes.Buffer
	pending bool // a space is due before the next text
	// lineBreak: the due space holds a line break, which between two wide (Chinese) characters
	// is no space at all, as browsers render it.
	lineBreak bool
	due       []string // openers to write before the next text
	stack     []mdOpen // open elements
	// closedAfterPunct: where the last emphasis closer was written right after punctuation,
	// and the closer (empty when none is). CommonMark does not close emphasis there when a letter follows
	// ("**一是。**每个"), so the punctuation is then moved out of the emphasis.
	closedAfterPunct int
	closer           string
}

type mdOpen struct {
	kind    pipeline.InlineKind
	href    string
	written bool // its opener was written: some text followed
}

// dropLeading removes from the start of the text written so far the characters of marks
// (escaped or not) and the spaces after them: a bullet written as text.
func (m *mdInline) dropLeading(marks string) {
	b := m.b.Bytes()
	i := 0
	for i < len(b) {
		r, size := utf8.DecodeRune(b[i:])
		if r == '\\' && i+1 < len(b) {
			if next, n := utf8.DecodeRune(b[i+1:]); strings.ContainsRune(marks, next) {
				i += 1 + n // an escaped mark: "\-"
				continue
			}
		}
		if unicode.IsSpace(r) || strings.ContainsRune(marks, r) {
			i += size
			continue
		}
		break
	}
	rest := append([]byte(nil), b[i:]...)
	m.b.Reset()
	m.b.Write(rest)
}

// dropTrailing closes whatever is open and removes from the end of the text the characters of
// marks (escaped or not) and spaces: a separator left after a piece that was dropped ("NAME ·"
// once the date after it is gone).
func (m *mdInline) dropTrailing(marks string) {
	t := strings.TrimRightFunc(m.String(), func(r rune) bool {
		return unicode.IsSpace(r) || r == '\\' || strings.ContainsRune(marks, r)
	})
	m.b.Reset()
	m.b.WriteString(t)
}

// dropTrailingCredit removes the credit in brackets that closes a caption ("（边疆资讯网记者
// 刘晓东 摄）", "(Photo: Reuters)", "(Фото: пресс-служба)"): it names who took the picture,
// not what it shows.
func (m *mdInline) dropTrailingCredit() {
	t := m.String()
	for _, br := range [][2]string{{"（", "）"}, {"\\(", "\\)"}, {"(", ")"}} {
		if !strings.HasSuffix(t, br[1]) {
			continue
		}
		i := strings.LastIndex(t, br[0])
		if i <= 0 {
			return
		}
		inner := strings.TrimSpace(t[i+len(br[0]) : len(t)-len(br[1])])
		if isPhotoCredit(inner) || strings.HasSuffix(inner, "摄") || strings.HasSuffix(inner, "摄影") {
			m.b.Reset()
			m.b.WriteString(strings.TrimRightFunc(t[:i], unicode.IsSpace))
		}
		return
	}
}

func (m *mdInline) text(s string) {
	for _, r := range s {
		if isSpace(r) {
			if !m.pending {
				m.lineBreak = false
			}
			m.pending = m.b.Len() > 0 || len(m.due) > 0
			m.lineBreak = m.lineBreak || r == '\n'
			m.closer = ""
			continue
		}
		if m.closer != "" {
			if !m.pending && len(m.due) == 0 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				m.punctuationOutOfEmphasis()
			}
			m.closer = ""
		}
		if m.pending {
			// The character before the break is read past the emphasis that closes on it:
			// "<b>货物</b>\n种类" joins as "货物种类" does.
			last, _ := utf8.DecodeLastRune(bytes.TrimRight(m.b.Bytes(), "*_"))
			if m.b.Len() > 0 && !(m.lineBreak && len(m.due) == 0 && breakJoins(last) && breakJoins(r)) {
				m.b.WriteByte(' ')
			}
			m.pending, m.lineBreak = false, false
		}
		if len(m.due) > 0 {
			for _, d := range m.due {
				m.b.WriteString(d)
			}
			m.due = m.due[:0]
			for i := range m.stack {
				m.stack[i].written = true
			}
		}
		m.writeEscaped(r)
	}
}

// breakJoins reports a character of the East Asian wide scripts and punctuation, between two of
// which a line break of the source is removed (CSS Text's segment break transformation):
// Chinese and Japanese characters and full-width forms, not Hangul.
func breakJoins(r rune) bool {
	return isWide(r) && !unicode.Is(unicode.Hangul, r)
}

// writeEscaped writes one character, escaping what Markdown would read as markup.
func (m *mdInline) writeEscaped(r rune) {
	switch r {
	case '\\', '*', '_', '[', ']', '<', '>', '`', '|':
		m.b.WriteByte('\\')
	case '#', '+', '-', '=':
		if m.b.Len() == 0 {
			m.b.WriteByte('\\')
		}
	case '.', ')':
		if s := m.b.Bytes(); len(s) > 0 && len(bytes.TrimLeft(s, "0123456789")) == 0 {
			m.b.WriteByte('\\') // "1984." at the start would be a list item
		}
	case '&':
		m.b.WriteByte('\\')
	}
	m.b.WriteRune(r)
}

func (m *mdInline) open(kind pipeline.InlineKind, href string) {
	if kind == pipeline.InlineLink {
		for _, o := range m.stack {
			if o.kind == pipeline.InlineLink {
				m.stack = append(m.stack, mdOpen{kind: "", written: true}) // a link in a link: text only
				return
			}
		}
	}
	opener := map[pipeline.InlineKind]string{pipeline.InlineEmphasis: "*", pipeline.InlineStrong: "**",
		pipeline.InlineLink: "["}[kind]
	if m.pending && m.b.Len() > 0 {
		m.b.WriteByte(' ')
		m.pending = false
	}
	m.due = append(m.due, opener)
	m.stack = append(m.stack, mdOpen{kind: kind, href: href})
}

// close ends the innermost open element.
func (m *mdInline) close() {
	if len(m.stack) == 0 {
		return
	}
	o := m.stack[len(m.stack)-1]
	m.stack = m.stack[:len(m.stack)-1]
	if o.kind == "" {
		return
	}
	if !o.written {
		m.due = m.due[:max(len(m.due)-1, 0)]
		return
	}
	switch o.kind {
	case pipeline.InlineEmphasis, pipeline.InlineStrong:
		closer := "*"
		if o.kind == pipeline.InlineStrong {
			closer = "**"
		}
		m.closer = ""
		if last, _ := utf8.DecodeLastRune(m.b.Bytes()); unicode.IsPunct(last) {
			m.closedAfterPunct, m.closer = m.b.Len(), closer
		}
		m.b.WriteString(closer)
	case pipeline.InlineLink:
		m.b.WriteString("](<" + mdDestination(o.href) + ">)")
	}
}

// punctuationOutOfEmphasis moves the punctuation that ends an emphasis after its closer, so
// that the closer, now after a letter, closes it before the letter that follows.
func (m *mdInline) punctuationOutOfEmphasis() {
	buf := m.b.Bytes()
	at := m.closedAfterPunct
	if at+len(m.closer) > len(buf) || string(buf[at:at+len(m.closer)]) != m.closer {
		return
	}
	k := at
	for k > 0 {
		r, size := utf8.DecodeLastRune(buf[:k])
		if !unicode.IsPunct(r) || k-size > 0 && buf[k-size-1] == '\\' {
			break // an escaped character is markup written as text: it stays
		}
		k -= size
	}
	if k == 0 || k == at || buf[k-1] == '*' {
		return // punctuation alone, or an opener right before it
	}
	// Only the tail from the punctuation on is written again, so that a paragraph of many
	// such runs is still written in linear time.
	tail := m.closer + string(buf[k:at]) + string(buf[at+len(m.closer):])
	m.b.Truncate(k)
	m.b.WriteString(tail)
}

// footnote writes a reference to note n right after the last word.
func (m *mdInline) footnote(n int) {
	m.b.WriteString("[^" + strconv.Itoa(n) + "]")
}

// String closes whatever is open and returns the text.
func (m *mdInline) String() string {
	for len(m.stack) > 0 {
		m.close()
	}
	return strings.TrimSpace(m.b.String())
}

// mdDestination makes an address safe inside <…> in a Markdown link.
func mdDestination(href string) string {
	return strings.NewReplacer("<", "%3C", ">", "%3E", " ", "%20", "\n", "").Replace(href)
}
