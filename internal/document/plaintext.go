package document

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/pipeline"
)

// parseText recovers the structure of normalised plain text: candidate blocks from lines, then
// the title and navigation at the top, the byline at the bottom, and the kind of every block in
// between. See findHead, findByline and bodyKind for the rules.
func parseText(text string, lang pipeline.Lang) (pipeline.Document, error) {
	text = markLineBreakHyphens(text)
	var notes []string
	paged, fromPDF := readPages(text)
	if fromPDF {
		text, notes = paged.text, paged.notes
	}
	cands := splitCandidates(text, lang)
	head := findHead(cands)
	if head.title >= 0 {
		cands = withBylineApart(cands, head)
	}
	var body []int
	for i := 0; i < len(cands); i++ {
		c := cands[i]
		if head.drop[i] || i == head.title {
			continue
		}
		if n := readAlsoRun(cands, i); n > 0 {
			i += n - 1 // a "Related" label and the headlines of other stories under it
			continue
		}
		if c.marker == "" && (isFurnitureText(c.text) && !(fromPDF && isSourceNote(c.text)) || c.lines <= 2 && isFilingLine(c.text)) {
			// (A classification code or a DOI files the paper wherever the copy put it: under the
			// abstract and keywords too.)
			// What the site prints around the article, copied with it: a share button, a
			// notice, a credit, "Read also: <headline>".
			continue
		}
		body = append(body, i)
	}
	bylineStart := findByline(cands, body)
	if bylineStart == 0 {
		return pipeline.Document{}, invalid(msgTextNoBody, errNoBody)
	}

	var doc pipeline.Document
	if head.title >= 0 {
		doc.Title = head.titleText
		doc.Blocks = append(doc.Blocks, pipeline.Block{Kind: pipeline.BlockTitle, Text: doc.Title})
	}
	var bylines []string
	// "By NAME" right under the title counts when the end of the article has no byline; a line
	// of capitalised names there counts in any case.
	topByline := head.title >= 0 && bylineStart == len(body) && bylineStart > 1
	first, inAuthors := true, false
	bodyStarted := false // a paragraph was written
	for k, i := range body[:bylineStart] {
		c := cands[i]
		if c.marker == "" && isPublicationLine(c.text) {
			continue // the date and reading time belong to the page
		}
		if n := len(doc.Blocks); n > 0 && doc.Blocks[n-1].Kind == pipeline.BlockByline && c.marker == "" && isHanText(c.text) &&
			isChineseNames(c.text) && hasBylinePrefix(doc.Blocks[n-1].Text) {
			// A Chinese byline's names go on over the next line: "作者：王晓明" / "李娜".
			doc.Blocks[n-1].Text += " " + c.text
			bylines[len(bylines)-1] = doc.Blocks[n-1].Text
			continue
		}
		if !bodyStarted && c.marker == "" && isDateline(c.text) {
			continue // where and when, under the title and the authors: "Ташкент, 3 марта 2025 г."
		}
		if n := len(doc.Blocks); n > 0 && c.marker == "" && isDashSignature(c.text) &&
			(doc.Blocks[n-1].Kind == pipeline.BlockParagraph || doc.Blocks[n-1].Kind == pipeline.BlockQuote) && endsWithTerminator(doc.Blocks[n-1].Text) {
			// "— a regional official" on a line of its own signs the quotation above it, which
			// the copy gave without its indent.
			doc.Blocks[n-1].Kind = pipeline.BlockQuote
			doc.Blocks[n-1].Text += " " + c.text
			continue
		}
		kind := bodyKind(c, k+1 < bylineStart)
		if kind == pipeline.BlockParagraph && c.marker == "" && endsWithDashSignature(c.text) {
			kind = pipeline.BlockQuote // "The money changer wants a phone call. — a trader in Osh"
		}
		if fromPDF && c.marker == "" && isSourceNote(c.text) {
			kind = pipeline.BlockCaption // under a chart or a table of a report, its source
		}
		if (kind == pipeline.BlockParagraph || kind == pipeline.BlockHeading) && c.marker == "" && endsWithPictureCredit(c.text) {
			kind = pipeline.BlockCaption // "Apricots drying on rooftops near Isfara. Photo: Farrukh Nazarov"
		}
		if fromPDF && kind == pipeline.BlockParagraph && isLoneCaptionLine(cands, body, k) ||
			kind == pipeline.BlockHeading && isDatedCaption(c.text) ||
			fromPDF && kind == pipeline.BlockParagraph && c.lines == 1 && !hasSentenceInside(c.text) && isDatedCaption(strings.TrimSuffix(c.text, ".")) {
			// (a line of one sentence that ends ", September 2024." under a picture too)
			kind = pipeline.BlockCaption
		}
		if fromPDF && kind == pipeline.BlockParagraph && isPullQuote(cands, body[:bylineStart], k) {
			kind = pipeline.BlockQuote // "We do not need the corridor to be cheap." set apart from the text
		}
		if fromPDF && kind == pipeline.BlockHeading && isCaptionOverHeading(cands, body[:bylineStart], k) {
			kind = pipeline.BlockCaption
		}
		afterCaption := len(doc.Blocks) > 0 && doc.Blocks[len(doc.Blocks)-1].Kind == pipeline.BlockCaption
		if kind == pipeline.BlockParagraph && k > 0 && isQuestionHeading(cands, body[:bylineStart], k, afterCaption) {
			kind = pipeline.BlockHeading // "Кто ездит из Кыргызстана в Китай?" over the section's text
		}
		if kind == pipeline.BlockListItem && isSectionNumber(cands, body, k) {
			kind = pipeline.BlockHeading
		}
		// Under the title, a line of names is the byline; a paper names its authors one to a
		// line, with their initials and a degree or a post ("Б. Т. Оспанова, э.ғ.к., доцент").
		// A summary of a sentence or two may stand between the title and the byline: the
		// byline is then the block after it, before any other text.
		underTitle := first || k == 1 && len(doc.Blocks) > 0 && isStandfirstBlock(doc.Blocks[len(doc.Blocks)-1]) ||
			// A line that names its author explicitly ("Жазған: …", "Written by: …") signs the
			// article wherever it stands before the text.
			!bodyStarted && k <= maxHeadBylineAt && hasBylinePrefix(c.text) && isBylineText(c.text)
		authors := head.title >= 0 && c.marker == "" && k+1 < bylineStart &&
			(underTitle && (topByline && hasBylinePrefix(c.text) && isBylineText(c.text) || isAuthorLine(c.text) ||
				isNameWithPost(c.text) && printedLineCount(cands[body[k+1]]) >= 2) ||
				inAuthors && (isInitialledAuthor(c.text) || isAffiliationLine(c.text)))
		if authors {
			kind = pipeline.BlockByline
			c.text = withoutPublicationTail(withoutAffiliationMarks(c.text))
			bylines = append(bylines, c.text)
		}
		inAuthors = authors
		if kind == pipeline.BlockHeading && k > 0 && isSignatureLine(c.text) && k+1 < bylineStart {
			// A name, maybe with the role after it, between the end of a section's text and the
			// next heading signs that section (a foreword's "Elena Markova, Chair of the
			// Council"): a heading is followed by text, not by another heading.
			if n := cands[body[k+1]]; n.marker == "" && n.lines == 1 && isHeadingText(n.text) && endsWithTerminator(cands[body[k-1]].text) {
				kind = pipeline.BlockByline
				bylines = append(bylines, c.text)
			}
		}
		if n := len(doc.Blocks); fromPDF && kind == pipeline.BlockParagraph && n > 0 &&
			doc.Blocks[n-1].Kind == pipeline.BlockByline && isLeadCaption(cands, body[:bylineStart], k) {
			kind = pipeline.BlockCaption
		}
		first = false
		bodyStarted = bodyStarted || kind == pipeline.BlockParagraph
		doc.Blocks = append(doc.Blocks, pipeline.Block{Kind: kind, Text: c.text})
	}
	for _, i := range body[bylineStart:] {
		doc.Blocks = append(doc.Blocks, pipeline.Block{Kind: pipeline.BlockByline, Text: cands[i].text})
		bylines = append(bylines, cands[i].text)
	}
	doc.Byline = strings.Join(bylines, ", ")
	for _, n := range notes {
		doc.Blocks = append(doc.Blocks, pipeline.Block{Kind: pipeline.BlockFootnote, Text: withoutHanLatinSpaces(n)})
	}
	return doc, nil
}

// findByline returns the position in body where the byline starts (len(body) when there is
// none): up to maxBylineBlocks short signing lines at the very end, after at least one block of
// article text. It returns 0 when there is no article text at all.
func findByline(cands []candidate, body []int) int {
	if len(body) == 0 {
		return 0
	}
	start := len(body)
	for start > 1 && len(body)-start < maxBylineBlocks {
		c := cands[body[start-1]]
		if c.marker != "" || !isBylineText(c.text) || isCaptionText(c.text) {
			break
		}
		start--
	}
	return start
}

// maxSectionWords: a numbered section heading ("2. Findings") is a few words; maxSectionColumns
// bounds one in Chinese ("（一）项目数量明显增加").
const (
	maxSectionWords   = 8
	maxSectionColumns = 50
)

// isSectionNumber reports a numbered line that heads a section rather than opening a list: a
// short line without a sentence's end, alone (the blocks around it are no list items), with
// more text after it.
func isSectionNumber(cands []candidate, body []int, k int) bool {
	c := cands[body[k]]
	if c.lines != 1 || !isNumberedItem(c.text) || k+1 >= len(body) {
		return false
	}
	_, rest, _ := strings.Cut(c.text, " ")
	if parenNumber.MatchString(c.text) {
		// "（一）项目数量明显增加": no space need follow a number in brackets, and Chinese has
		// none between words, so the heading is bounded by its width.
		i := strings.IndexAny(c.text, ")）")
		_, size := utf8.DecodeRuneInString(c.text[i:])
		if rest = strings.TrimSpace(c.text[i+size:]); columns(rest) > maxSectionColumns {
			return false
		}
	}
	if len(strings.Fields(rest)) > maxSectionWords || !isHeadingText(rest) {
		return false
	}
	for _, j := range []int{k - 1, k + 1} {
		// A numbered item beside it makes it an item of that list; a bulleted list above it
		// ends where the numbered section starts.
		if j >= 0 && j < len(body) && cands[body[j]].marker == pipeline.BlockListItem && (j > k || isNumberedItem(cands[body[j]].text)) {
			return false
		}
	}
	return true
}

// readAlsoRun returns how many candidates from i make a list of other stories copied with the
// page: a read-also label alone on its line ("Related", "Читайте также:", "相关阅读") and the
// headlines under it, one a line, none ending with a full stop; 0 when cands[i] is no such label.
func readAlsoRun(cands []candidate, i int) int {
	if cands[i].marker != "" || !isReadAlsoLabelAlone(cands[i].text) {
		return 0
	}
	n := 1
	for i+n < len(cands) {
		c := cands[i+n]
		if c.lines != 1 || utf8.RuneCountInString(c.text) > maxHeadlineRunes || endsWithFullStop(c.text) {
			break
		}
		n++
	}
	if n == 1 {
		return 0 // a label with nothing under it may be a heading of the text
	}
	return n
}

// sourceNoteLabel matches the label of a line that gives the source of a chart's or a table's
// data: "Source:", "Sources:", "Источник:", "Дереккөз:", "资料来源：", "数据来源：".
var sourceNoteLabel = regexp.MustCompile(`^(?i:sources?|источники?|дереккөз(дер)?і?|资料来源|数据来源)\s*[:：]\s*\S`)

// isSourceNote reports the line under a chart or a table of a report that names the source of
// its data. A web page prints the same label over the agency a story came from, which is the
// page's; in a copy of a PDF (a page number found) the line belongs to the figure.
func isSourceNote(s string) bool {
	return len(s) <= maxCaptionBytes && sourceNoteLabel.MatchString(s)
}

// isStandfirstBlock reports a paragraph that reads as the summary under a title.
func isStandfirstBlock(b pipeline.Block) bool {
	return b.Kind == pipeline.BlockParagraph && isStandfirst(b.Text) && len(strings.Fields(b.Text)) <= maxStandfirstWords
}

// maxStandfirstWords: a summary under a title is a sentence or two.
const maxStandfirstWords = 60

// maxHeadBylineAt: a byline stands among the first blocks under the title (after a summary, a
// caption, a date).
const maxHeadBylineAt = 3

// maxLoneCaptionWords: a picture's caption set on one line is a short sentence.
const maxLoneCaptionWords = 16

// isLoneCaptionLine reports, in a copy of a PDF, a single line of one short sentence between
// two paragraphs of several lines: a picture's caption, set in its own smaller type, whose
// picture the copy does not show.
func isLoneCaptionLine(cands []candidate, body []int, k int) bool {
	c := cands[body[k]]
	if printedLineCount(c) != 1 || k == 0 || k+1 >= len(body) || !endsWithFullStop(c.text) || len(strings.Fields(c.text)) > maxLoneCaptionWords ||
		strings.ContainsAny(c.text, ":：") {
		return false // (a labelled line, "Keywords: …", is a paper's apparatus)
	}
	if r, _ := utf8.DecodeRuneInString(c.text); !unicode.IsUpper(r) && !isHan(r) {
		return false // a quotation's or a clause's line
	}
	if hasSentenceInside(c.text) {
		return false // two sentences: text
	}
	prev, next := cands[body[k-1]], cands[body[k+1]]
	return prev.marker == "" && next.marker == "" && printedLineCount(prev) >= 2 && printedLineCount(next) >= 2
}

// printedLineCount is how many lines a block takes printed: its lines, or as many lines of
// printedLineRunes as its text fills when the copy kept the paragraph on one line.
func printedLineCount(c candidate) int {
	return max(c.lines, (utf8.RuneCountInString(c.text)+printedLineRunes-1)/printedLineRunes)
}

// isNameWithPost reports a line of a name and, after a comma, the author's post in words
// ("Ерболат Жақыпов, ЕСТО жетекші сарапшысы", "Anna Kovacs, senior fellow"): under the title,
// over the text, it signs the article. A place or a date after a comma ("Central Asia, 2024")
// has no word in lower case.
func isNameWithPost(s string) bool {
	name, post, ok := strings.Cut(s, ",")
	return ok && isSignatureLine(s) && len(strings.Fields(name)) >= 2 && hasLower(post)
}

// maxLeadCaptionWords: the caption of the picture that opens an article is a short sentence.
const maxLeadCaptionWords = 20

// isLeadCaption reports, in a copy of a PDF, the block right under the byline when it reads as
// the caption of the picture that opens the article, which the copy does not show: a sentence
// of a line or two, without a colon or a dateline, with the text (a paragraph of several lines)
// under it. The text itself opens with a longer paragraph, or with a dateline.
func isLeadCaption(cands []candidate, body []int, k int) bool {
	c := cands[body[k]]
	words := len(strings.Fields(c.text))
	if c.marker != "" || c.lines > 2 || words < 3 || words > maxLeadCaptionWords || k+1 >= len(body) ||
		strings.ContainsAny(c.text, ":：;；") || hasSentenceInside(c.text) || isDateline(c.text) || startsWithDateline(c.text) {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(c.text); !unicode.IsUpper(r) && !isHan(r) {
		return false
	}
	next := cands[body[k+1]]
	return next.marker == "" && next.lines >= 2 && !isHeadingText(next.text)
}

// startsWithDateline reports text that opens with a place in capitals, as a news story's first
// paragraph does: "ALMATY, April 18 (Wire) -", "TASHKENT —", "АСТАНА. Ақпарат агенттігі –".
func startsWithDateline(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 {
		return false
	}
	w := strings.TrimRight(f[0], ",.—–-")
	return utf8.RuneCountInString(w) >= 3 && strings.ToUpper(w) == w && strings.ToLower(w) != w
}

// maxPullQuoteWords: a quotation set apart from the text, as a page displays one, is a
// sentence or two.
const maxPullQuoteWords = 30

// firstPersonWords are the pronouns of the first person in the four languages, lower case
// (Kazakh "мен" is also "and", and is left out).
var firstPersonWords = map[string]bool{"i": true, "we": true, "us": true, "our": true, "my": true, "me": true,
	"я": true, "мы": true, "нас": true, "нам": true, "наш": true, "наша": true, "наши": true, "мне": true, "меня": true, "мой": true,
	"біз": true, "бізге": true, "біздің": true, "бізде": true, "маған": true, "менің": true, "мені": true}

// isPullQuote reports, in a copy of a PDF, a block of a sentence or two in the first person set
// between two paragraphs of several lines: a quotation the page displays apart, whose marks or
// indent the copy lost. Analysis speaks of "we" in its paragraphs, not in a line of its own.
func isPullQuote(cands []candidate, body []int, k int) bool {
	c := cands[body[k]]
	if k == 0 || k+1 >= len(body) || c.marker != "" || printedLineCount(c) > 2 || len(strings.Fields(c.text)) > maxPullQuoteWords ||
		!endsWithTerminator(c.text) {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(c.text); !unicode.IsUpper(r) && !isHan(r) && !strings.ContainsRune("“«\"„", r) {
		return false
	}
	first := false
	if isHanText(c.text) {
		first = strings.Contains(c.text, "我们") || strings.Contains(c.text, "我")
	} else {
		for _, w := range strings.FieldsFunc(strings.ToLower(c.text), func(r rune) bool { return !unicode.IsLetter(r) }) {
			if firstPersonWords[w] {
				first = true
				break
			}
		}
	}
	prev, next := cands[body[k-1]], cands[body[k+1]]
	return first && prev.marker == "" && next.marker == "" && printedLineCount(prev) >= 2 && printedLineCount(next) >= 2
}

// isCaptionOverHeading reports, in a copy of a PDF, a line that reads as a heading between a
// paragraph's end and another heading with text under it: a picture's caption set without a
// full stop at the end of a section ("Сарқан ауданындағы қырқым алаңы" over "Қытай фабрикалары
// не алады?"). A section's heading has text under it, not another heading; a numbered one may
// have its first subsection's.
func isCaptionOverHeading(cands []candidate, body []int, k int) bool {
	if k == 0 || k+2 >= len(body) {
		return false
	}
	c, prev, next, after := cands[body[k]], cands[body[k-1]], cands[body[k+1]], cands[body[k+2]]
	if c.lines != 1 || isNumberedItem(c.text) || len(strings.Fields(c.text)) < 3 || prev.marker != "" || !endsWithTerminator(prev.text) {
		return false
	}
	nextHeading := next.marker == "" && next.lines == 1 && (isHeadingText(next.text) || strings.HasSuffix(next.text, "?") || strings.HasSuffix(next.text, "？"))
	return nextHeading && after.marker == "" && printedLineCount(after) >= 2
}

// maxQuestionHeadingWords: a question that heads a section is short.
const (
	maxQuestionHeadingWords = 8
	maxQuestionHeadingHan   = 20
)

// isQuestionHeading reports a short question on a line of its own between a sentence's end (or
// a caption, afterCaption) and a paragraph of several lines: the heading of the section it
// opens ("Кто ездит из Кыргызстана в Китай?", "Неге бұл маңызды?", "中亚为何需要绿色能源？"). A question inside the text goes on
// with the paragraph it is part of, or is set in quotation marks or after a dash as speech.
func isQuestionHeading(cands []candidate, body []int, k int, afterCaption bool) bool {
	c := cands[body[k]]
	if c.lines != 1 || c.marker != "" || k+1 >= len(body) || hasSentenceInside(c.text) {
		return false
	}
	if !strings.HasSuffix(c.text, "?") && !strings.HasSuffix(c.text, "？") {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(c.text); !unicode.IsUpper(r) && !isHan(r) {
		return false // speech after a dash or in quotation marks, a clause
	}
	if isHanText(c.text) {
		if utf8.RuneCountInString(c.text) > maxQuestionHeadingHan {
			return false
		}
	} else if len(strings.Fields(c.text)) > maxQuestionHeadingWords {
		return false
	}
	prev, next := cands[body[k-1]], cands[body[k+1]]
	return (endsWithTerminator(prev.text) || afterCaption) && next.marker == "" && (printedLineCount(next) >= 2 || endsWithListIntro(next.text))
}

// maxCreditedCaptionWords: a caption with its picture's credit is a sentence or two.
const maxCreditedCaptionWords = 45

// endsWithPictureCredit reports a short text that ends, after its last sentence, with the
// credit of a picture ("… near Isfara, Tajikistan. Photo: Farrukh Nazarov / Silk Ledger",
// "… shown in green. Image: Department of Geography"): a caption, since text credits no one
// that way.
func endsWithPictureCredit(s string) bool {
	if len(strings.Fields(s)) > maxCreditedCaptionWords {
		return false
	}
	for i, r := range s {
		if r != '.' && r != '。' {
			continue
		}
		tail := strings.TrimSpace(s[i+utf8.RuneLen(r):])
		if tail == "" || len(strings.Fields(tail)) > maxBylineWords || endsWithTerminator(tail) {
			continue
		}
		if isPhotoCredit(tail) && strings.ContainsAny(tail, ":：") {
			return true
		}
	}
	return false
}

// captionSeason matches a time a picture was taken as its caption gives it after a comma: a
// season or a month, with or without its year ("autumn 2025", "лето 2023 года", "тамыз").
var captionSeason = regexp.MustCompile(`(?i)^(?:(?:spring|summer|autumn|fall|winter|весна|весной|лето|летом|осень|осенью|зима|зимой|көктем|жаз|күз|қыс|` +
	monthNames + `)(?:\s+\d{4}(?:\s*(?:года?|г\.?|жыл|жылы))?)?|\d{4}\s*(?:года?|г\.?|жыл|жылы))$`)

// isDatedCaption reports a line set like a heading that ends, after a comma, with when the
// picture it describes was taken: "Разгрузка первого состава на терминале, 28 мая",
// "Қазақстан павильонына келушілер, Үрімжі, тамыз". A heading names a subject and gives no date
// after a comma.
func isDatedCaption(s string) bool {
	at := strings.LastIndex(s, ", ")
	if at <= 0 || len(strings.Fields(s[:at])) < 2 {
		return false
	}
	tail := strings.TrimSpace(s[at+2:])
	return isPlainDate(tail) || captionSeason.MatchString(tail)
}

// sentenceOpeners are words that begin a sentence and never end a name: a byline run into the
// text after it ends before one ("Written by Owen Price The queue at the crossing…").
var sentenceOpeners = map[string]bool{"The": true, "A": true, "An": true, "This": true, "That": true, "These": true,
	"Those": true, "It": true, "Its": true, "In": true, "On": true, "At": true, "For": true, "Since": true, "When": true,
	"While": true, "After": true, "Before": true, "Last": true, "Every": true, "Most": true, "Many": true, "Some": true,
	"Few": true, "As": true, "If": true, "Although": true, "Despite": true, "Each": true, "Our": true, "We": true, "I": true,
	"В": true, "На": true, "С": true, "По": true, "Как": true, "Это": true, "Когда": true, "За": true, "Ещё": true, "Еще": true,
	"Уже": true, "Сегодня": true, "После": true, "Для": true, "Из": true, "При": true, "Хотя": true,
	"Бұл": true, "Биыл": true, "Былтыр": true, "Қазір": true, "Соңғы": true, "Бүгін": true, "Осы": true}

// withBylineApart parts the first block under the title when the copy ran the byline into the
// text after it: "Written by Owen Price The queue…", "Nurlan Abenov, Senior Analyst The Ili
// rises…". The byline ends before the first word that opens a sentence, and must read as one
// (a label and names, or names and a post after a comma).
func withBylineApart(cands []candidate, head headResult) []candidate {
	i := head.title + 1
	for i < len(cands) && head.drop[i] {
		i++
	}
	if i >= len(cands) || cands[i].marker != "" || len(strings.Fields(cands[i].text)) <= maxBylineWords {
		return cands
	}
	words := strings.Fields(cands[i].text)
	for k := 2; k < len(words) && k <= maxBylineWords; k++ {
		if !sentenceOpeners[words[k]] {
			continue
		}
		by, rest := strings.Join(words[:k], " "), strings.Join(words[k:], " ")
		if !(hasBylinePrefix(by) && isBylineText(by) || isSignatureLine(by) && strings.Contains(by, ",")) {
			return cands
		}
		out := slices.Clone(cands[:i])
		out = append(out, candidate{text: by, lines: 1}, candidate{text: rest, lines: cands[i].lines})
		return append(out, cands[i+1:]...)
	}
	return cands
}

// isDashSignature reports a short line that opens with a dash and names who said what stands
// above it: "— a regional official", "– Марат Ахметов, министр". It ends no sentence.
func isDashSignature(s string) bool {
	rest, ok := strings.CutPrefix(s, "— ")
	if !ok {
		rest, ok = strings.CutPrefix(s, "– ")
	}
	return ok && rest != "" && len(strings.Fields(rest)) <= maxQuoteSignatureWords && !endsWithTerminator(rest) &&
		!strings.ContainsAny(rest, "“”«»\"")
}

// endsWithDashSignature reports a paragraph of sentences whose last words, after a dash, name
// who said them: "The bank wants a contract. The money changer wants a phone call. — a trader
// in Osh".
func endsWithDashSignature(s string) bool {
	for _, dash := range []string{" — ", " – "} {
		if at := strings.LastIndex(s, dash); at > 0 && endsWithTerminator(s[:at]) && isDashSignature(strings.TrimSpace(s[at+1:])) &&
			len(strings.Fields(s[at+1:])) <= maxSignatureTailWords {
			return true
		}
	}
	return false
}

// maxSignatureTailWords: the signature run into the end of a quotation is a few words.
const maxSignatureTailWords = 8
