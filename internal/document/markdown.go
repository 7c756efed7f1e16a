package document

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/tilmash/tilmash/pipeline"
)

// parseMarkdown reads normalised Markdown with goldmark's CommonMark parser. The first level-1
// heading (or, failing that, the first heading) is the title; other headings are headings;
// paragraphs, block quotes (every paragraph inside one is a quote) and list items (nested lists
// flattened, ordered items keep their number) keep their kinds. Inline markup is reduced to its
// text: link text, emphasised text, image descriptions, code. HTML blocks keep their text (see
// markdown_html.go); thematic breaks are dropped. A trailing short signing paragraph ("By NAME",
// an organisation and a city) is the byline, as in plain text. Without any heading, a short
// first paragraph without a full stop that something follows is the title.
func parseMarkdown(src string) (pipeline.Document, error) {
	return readMarkdown(src, false)
}

// ParseMarkdownMarkup reads Markdown like Parse does, with the same rules for the title, the
// byline and the kinds of blocks, but keeps the inline markup a translation must carry: links
// (http, https and mailto only; others keep their text), emphasis, strong emphasis and footnote
// references ([^1]), as placeholders with their elements on the block (see pipeline/markup.go).
// Footnote definitions become footnote blocks at the end, numbered in the order they are first
// referenced. HTML blocks keep their text (see markdown_html.go); inline HTML tags are dropped,
// their text kept. Web pages and Word documents are read through this function after
// HTMLToMarkdown and DOCXToMarkdown.
func ParseMarkdownMarkup(src string, lang pipeline.Lang) (pipeline.Document, error) {
	normalized, err := normalizeInput(src, lang)
	if err != nil {
		return pipeline.Document{}, err
	}
	return readMarkdown(normalized, true)
}

// The two Markdown parsers: CommonMark with GitHub's tables, and the same with footnotes for the
// reading that keeps inline markup. Plain reading leaves "[^1]" as text, as it was written.
var (
	plainMarkdown    = goldmark.New(goldmark.WithExtensions(extension.Table)).Parser()
	footnoteMarkdown = goldmark.New(goldmark.WithExtensions(extension.Footnote, extension.Table)).Parser()
)

// readMarkdown is the one Markdown reader of both Parse and ParseMarkdownMarkup: with markup, the
// blocks keep their links, emphasis and footnote references as placeholders and footnote
// definitions become blocks; without, only the text is kept.
func readMarkdown(src string, markup bool) (pipeline.Document, error) {
	if err := checkMarkdownCost(src); err != nil {
		return pipeline.Document{}, err
	}
	p := plainMarkdown
	if markup {
		p = footnoteMarkdown
	}
	src = fromOutline(src)
	fmLen, meta := frontMatter(src)
	src = blankFrontMatter(src, fmLen)
	src = withoutGeneratorAsides(src)
	if markup {
		src = handNotes(src)
	}
	src = withoutTemplateTags(src)
	src = withoutWikiMarkup(src)
	src = withoutWikiJSMarkup(src)
	src = withoutIconCallouts(src)
	src = withoutRevisionLines(src)
	src = withoutExtensionMarkup(src)
	src = withCJKStrong(src)
	src = withoutTaskBoxes(src)
	src = withoutMDXStatements(src)
	src = withoutCaptionCredits(src)
	captions, centred := figcaptionLines(src), centredLines(src)
	source, root := parseKeepingHTMLText([]byte(src), func(b []byte) ast.Node { return p.Parse(text.NewReader(b)) })
	r := &markdownReader{source: source, markup: markup, captionLines: captions, centredLines: centred, metaTitle: meta.title, metaAuthor: meta.author}
	r.blocks(root, "")
	return r.document()
}

// mdBlock is a block read from Markdown; level is the heading level, 0 for other blocks.
type mdBlock struct {
	kind  pipeline.BlockKind
	level int
	text  *inlineText
	// strong: a paragraph wholly in bold, which is a heading typed by hand when it is short
	// and is not the signature at the end.
	strong bool
}

type markdownReader struct {
	source       []byte
	markup       bool // keep inline markup (links, emphasis, footnotes)
	out          []mdBlock
	notes        []mdBlock
	captionLines map[int]bool // lines inside a <figcaption> of an HTML block
	centredLines map[int]bool // lines of an HTML block set centred (<center>, align="center")
	lineStarts   []int        // byte offsets of the source's lines, for lineOf
	metaTitle    string       // the title the front matter declares
	metaAuthor   string       // the author the front matter names
}

// maxBlocksAboveByline: a byline that names itself ("By NAME") may sit under this many blocks
// of a head (a subtitle, a lead), and is looked for no further down.
const maxBlocksAboveByline = 2

// document picks the title and the byline among the blocks read.
func (r *markdownReader) document() (pipeline.Document, error) {
	titleAt := r.titleIndex()
	var doc pipeline.Document
	switch {
	case titleAt >= 0:
		doc.Title = r.out[titleAt].text.plain()
		doc.Blocks = append(doc.Blocks, toBlock(pipeline.BlockTitle, r.out[titleAt]))
	case r.metaTitle != "":
		t := &inlineText{}
		t.text(r.metaTitle)
		doc.Title = t.plain()
		doc.Blocks = append(doc.Blocks, toBlock(pipeline.BlockTitle, mdBlock{kind: pipeline.BlockTitle, text: t}))
	}
	// A quotation's last paragraph that names its speaker after a dash ("> — a regional
	// official") closes the quotation, on its line.
	for i := 1; i < len(r.out); i++ {
		cur, prev := r.out[i], r.out[i-1]
		if cur.kind == pipeline.BlockQuote && prev.kind == pipeline.BlockQuote && len(cur.text.events) == 0 &&
			isDashAttributionLine(cur.text.plain()) {
			prev.text.text(" " + cur.text.plain())
			r.out = append(r.out[:i], r.out[i+1:]...)
			i--
		}
	}
	var body []mdBlock
	boxUnder := 0 // the level of a heading that labels a section of the page's (0: none)
	for i, b := range r.out {
		if b.kind == pipeline.BlockHeading && i != titleAt {
			if boxUnder > 0 && b.level > boxUnder {
				continue
			}
			boxUnder = 0
			if b.level >= 2 && isBoxLabel(b.text.plain()) {
				// "## Citation", "## License", "## Contents": the section says how to cite or
				// reuse the text, or lists its parts, as a README or a page's box does.
				boxUnder = b.level
				continue
			}
		} else if boxUnder > 0 {
			continue
		}
		// The editor's credit or a reprint notice set as a quote ("> Written with StackEdit.",
		// "> 原创文章，转载请注明出处。"): the page's furniture, as it would be in a paragraph.
		endQuote := b.kind == pipeline.BlockQuote && isFurnitureText(b.text.plain())
		if i != titleAt && !endQuote && !(b.kind == pipeline.BlockParagraph && (isPublicationLine(b.text.plain()) || isFurnitureText(b.text.plain()) ||
			isLinkLine(b.text))) && !(b.kind == pipeline.BlockCaption && (isPhotoCredit(b.text.plain()) || isNoticeCaption(b.text.plain()))) {
			// (a caption that only credits the picture, or asks the reader to follow the
			// site, says nothing of what it shows)
			body = append(body, b)
		}
	}
	// A heading with nothing under it (the notes are read apart) is the notes' label
	// ("## Дереккөздер", "## Notes"), no heading of the text.
	for k := len(body) - 1; k >= 0; k-- {
		if body[k].kind == pipeline.BlockFootnote {
			continue
		}
		if body[k].kind == pipeline.BlockHeading && k > 0 {
			body = append(body[:k], body[k+1:]...)
		}
		break
	}
	// A short signing line right under the title ("By NAME", a name alone) is the byline when
	// the article goes on after it.
	var topBylines []string
	if len(doc.Blocks) > 0 && len(body) > 2 {
		// A line wholly in bold there is the first section's heading, unless it names itself a
		// byline ("**By NAME**") or is a name ("**Ровшен Атаев**").
		// A name with a post after a comma counts too: "Ержан Тулегенов, ведущий аналитик".
		if by := withoutPublicationTail(body[0].text.plain()); body[0].kind == pipeline.BlockParagraph &&
			(isTopByline(by) || isSignatureLine(by) && strings.Contains(by, ",")) &&
			(!body[0].strong || isNameLine(by)) {
			topBylines = append(topBylines, by)
			doc.Blocks = append(doc.Blocks, pipeline.Block{Kind: pipeline.BlockByline, Text: by})
			body = body[1:]
		} else {
			// Under a subtitle or a lead set apart as a quotation, a byline that names itself
			// ("Текст: NAME", "Автор: NAME", "By NAME"), or, right under the subtitle, a line of
			// names alone ("Lucy Farrant and Jasur Rakhimov").
			for j := 1; j <= maxBlocksAboveByline && j+2 < len(body); j++ {
				if body[j].kind != pipeline.BlockParagraph {
					continue
				}
				if by := withoutPublicationTail(body[j].text.plain()); hasBylinePrefix(by) && isBylineText(by) || j == 1 && isNameLine(by) {
					topBylines = append(topBylines, by)
					for _, b := range body[:j] {
						doc.Blocks = append(doc.Blocks, toBlock(b.kind, b))
					}
					doc.Blocks = append(doc.Blocks, pipeline.Block{Kind: pipeline.BlockByline, Text: by})
					body = body[j+1:]
				}
				break
			}
		}
	}
	start := len(body)
	for start > 1 && len(body)-start < maxBylineBlocks {
		b := body[start-1]
		// A name with the author's post or degree after a comma signs the text too
		// ("Айгуль Садыкова, кандидат исторических наук").
		if b.kind != pipeline.BlockParagraph || !isBylineText(b.text.plain()) && !isSignatureLine(b.text.plain()) {
			break
		}
		start--
	}
	hasText := false
	for _, b := range body[:start] {
		kind := b.kind
		if b.strong && kind == pipeline.BlockParagraph && isBoldHeadingText(b.text.plain()) && !isNameLine(b.text.plain()) {
			kind = pipeline.BlockHeading
		}
		if kind == pipeline.BlockParagraph && isWhollyQuoted(b.text.plain()) {
			kind = pipeline.BlockQuote // one quotation set apart, as in plain text
		}
		hasText = hasText || kind != pipeline.BlockHeading
		doc.Blocks = append(doc.Blocks, toBlock(kind, b))
	}
	if !hasText {
		return pipeline.Document{}, invalid(msgTextNoBody, errNoBody)
	}
	bylines := topBylines
	if len(topBylines) == 0 && start == len(body) && r.metaAuthor != "" && len(doc.Blocks) > 0 && doc.Blocks[0].Kind == pipeline.BlockTitle {
		// The text does not sign itself: the author the front matter names is the byline.
		by := pipeline.Block{Kind: pipeline.BlockByline, Text: r.metaAuthor}
		doc.Blocks = append(doc.Blocks[:1], append([]pipeline.Block{by}, doc.Blocks[1:]...)...)
		bylines = append(bylines, r.metaAuthor)
	}
	var signing []string
	for _, b := range body[start:] {
		// A separator the page set after the name ("Жазған <name> -") is no part of it.
		signing = append(signing, strings.TrimRightFunc(withoutPublicationTail(b.text.plain()), func(r rune) bool { return isSpace(r) || strings.ContainsRune("-–—|·•,", r) }))
	}
	for i, by := range signing {
		// A name the page gives again (the author's box under the signed text) is one byline.
		if named := slices.ContainsFunc(slices.Concat(signing[:i], topBylines, signing[i+1:]), func(o string) bool {
			return len(o) > len(by) && strings.Contains(titleKey(o), titleKey(by))
		}); named {
			continue
		}
		doc.Blocks = append(doc.Blocks, pipeline.Block{Kind: pipeline.BlockByline, Text: by})
		bylines = append(bylines, by)
	}
	doc.Byline = strings.Join(bylines, ", ")
	for _, n := range r.notes {
		doc.Blocks = append(doc.Blocks, toBlock(pipeline.BlockFootnote, n))
	}
	return doc, nil
}

func toBlock(kind pipeline.BlockKind, b mdBlock) pipeline.Block {
	text, inline := b.text.block()
	return pipeline.Block{Kind: kind, Text: text, Inline: pipeline.NewInlineMarkup(inline)}
}

// titleIndex picks the title among the blocks read: the heading that repeats the front
// matter's title when there is one, else the first level-1 heading, else the first heading,
// else a short first paragraph without a full stop when more blocks follow. It returns -1 when
// there is none (or when only the front matter holds the title).
func (r *markdownReader) titleIndex() int {
	if r.metaTitle != "" {
		// The front matter names the title: a heading is the title only when it repeats it;
		// other level-1 headings are the article's sections (as Pandoc and Hugo write them).
		// But a text that opens with its only level-1 heading shows that heading as its title
		// (VitePress, Docusaurus and HedgeDoc put the page's <title> in the front matter).
		ones := 0
		for i, b := range r.out {
			if b.kind == pipeline.BlockHeading && titleKey(b.text.plain()) == titleKey(r.metaTitle) {
				return i
			}
			if b.kind == pipeline.BlockHeading && b.level == 1 {
				ones++
			}
		}
		if ones == 1 && len(r.out) > 1 && r.out[0].kind == pipeline.BlockHeading && r.out[0].level == 1 {
			return 0
		}
		return -1
	}
	first := -1
	for i, b := range r.out {
		if b.kind != pipeline.BlockHeading {
			continue
		}
		if b.level == 1 {
			return i
		}
		if first < 0 {
			first = i
		}
	}
	if first >= 0 && r.metaTitle == "" {
		return first
	}
	if r.metaTitle != "" {
		return -1
	}
	if len(r.out) > 1 && r.out[0].kind == pipeline.BlockParagraph {
		if t := r.out[0].text.plain(); columns(t) <= maxHeadColumns && !endsWithTerminator(t) && !hasBylinePrefix(t) {
			return 0
		}
	}
	return -1
}

// blocks walks the block-level children of n. inside is the kind forced by an enclosing block
// quote, so that a paragraph or list inside a quote is a quote.
func (r *markdownReader) blocks(n ast.Node, inside pipeline.BlockKind) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Heading:
			r.add(pipeline.BlockHeading, r.inline(c, nil), c.Level, inside)
		case *ast.Paragraph:
			r.paragraph(c, inside)
		case *ast.TextBlock:
			r.add(pipeline.BlockParagraph, r.inline(c, nil), 0, inside)
		case *ast.Blockquote:
			r.blocks(c, pipeline.BlockQuote)
		case *ast.List:
			r.list(c, inside)
		case *ast.FencedCodeBlock:
			if info := fenceInfo(c, r.source); isProgramFence(info) {
				// A chunk of R Markdown, Quarto or Jupyter runs to draw a chart or a table and
				// shows what it draws, not its code; a diagram's source is drawn too. What the
				// reader sees of it is the caption it gives its figure.
				if caption := chunkCaption(info, c, r.source); caption != "" {
					t := &inlineText{}
					t.text(caption)
					r.add(pipeline.BlockCaption, t, 0, inside)
				}
				continue
			}
			t := &inlineText{}
			t.text(codeLines(c, r.source))
			r.add(pipeline.BlockParagraph, t, 0, inside)
		case *ast.CodeBlock:
			t := &inlineText{}
			t.text(codeLines(c, r.source))
			r.add(pipeline.BlockParagraph, t, 0, inside)
		case *east.FootnoteList:
			r.footnotes(c)
		case *east.Table:
			r.table(c, inside)
		case *ast.HTMLBlock, *ast.ThematicBreak:
			// Markup without article text: HTML blocks were turned into text before this parse.
		default:
			r.blocks(c, inside)
		}
	}
}

// table adds one paragraph per row of a table, the header's included, its cells separated by
// semicolons, as the Word and web page readers write a table's rows.
func (r *markdownReader) table(tbl *east.Table, inside pipeline.BlockKind) {
	for row := tbl.FirstChild(); row != nil; row = row.NextSibling() {
		t := &inlineText{}
		first := true
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			if cell.FirstChild() == nil {
				continue // an empty cell
			}
			if !first {
				t.text("; ")
			}
			first = false
			r.writeInline(t, cell)
		}
		r.add(pipeline.BlockParagraph, t, 0, inside)
	}
}

// footnotes adds one footnote block per note, its paragraphs joined.
func (r *markdownReader) footnotes(list *east.FootnoteList) {
	for c := list.FirstChild(); c != nil; c = c.NextSibling() {
		fn, ok := c.(*east.Footnote)
		if !ok {
			continue
		}
		t := &inlineText{}
		for p := fn.FirstChild(); p != nil; p = p.NextSibling() {
			r.inline(p, t)
			t.pending = t.b.Len() > 0
		}
		if t.plain() != "" {
			r.notes = append(r.notes, mdBlock{kind: pipeline.BlockFootnote, text: t})
		}
	}
}

// list adds one block per item: an item's own paragraphs form its text, ordered items keep their
// number, and nested lists follow it as items of their own.
// isContentsList reports a list of two items or more each of which is one link to a place in
// the page ("[1 History](#History)"), its sublists too.
func isContentsList(l *ast.List) bool { return contentsItems(l) >= 2 }

// contentsItems counts the items of a list of links to places in the page, 0 when an item is
// anything else.
func contentsItems(l *ast.List) int {
	items := 0
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		links := 0
		for c := item.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.List:
				if contentsItems(c) == 0 {
					return 0
				}
			case *ast.TextBlock, *ast.Paragraph:
				kids := inlineChildren(c)
				if len(kids) != 1 {
					return 0
				}
				if link, ok := kids[0].(*ast.Link); !ok || !strings.HasPrefix(string(link.Destination), "#") {
					return 0
				}
				links++
			default:
				return 0
			}
		}
		if links != 1 {
			return 0
		}
		items++
	}
	return items
}

func (r *markdownReader) list(l *ast.List, inside pipeline.BlockKind) {
	if isContentsList(l) {
		// A table of contents (links to the page's own headings, as wikis and converters
		// print one): no text, and neither is its label ("Contents", "Мазмұны") above it.
		if n := len(r.out); n > 0 && r.out[n-1].kind == pipeline.BlockParagraph {
			if label := r.out[n-1].text.plain(); utf8.RuneCountInString(label) <= maxNotesLabelRunes && !endsWithTerminator(label) {
				r.out = r.out[:n-1]
			}
		}
		return
	}
	number := l.Start
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		t := &inlineText{}
		if l.IsOrdered() {
			t.text(strconv.Itoa(number) + string(l.Marker) + " ")
		}
		var nested []ast.Node
		empty := true
		for c := item.FirstChild(); c != nil; c = c.NextSibling() {
			switch c.(type) {
			case *ast.List, *ast.Blockquote, *ast.FencedCodeBlock, *ast.CodeBlock:
				nested = append(nested, c)
			default:
				before := t.b.Len()
				r.inline(c, t)
				if t.b.Len() > before {
					empty = false
					t.pending = true
				}
			}
		}
		if !empty {
			r.add(pipeline.BlockListItem, t, 0, inside)
		}
		for _, c := range nested {
			switch c := c.(type) {
			case *ast.List:
				r.list(c, inside)
			case *ast.Blockquote:
				r.blocks(c, pipeline.BlockQuote)
			default:
				ct := &inlineText{}
				ct.text(codeLines(c, r.source))
				r.add(pipeline.BlockListItem, ct, 0, inside)
			}
		}
		number++
	}
}

// maxCounterBytes: a paragraph of digits alone up to this long is a page's counter.
const maxCounterBytes = 12

func (r *markdownReader) add(kind pipeline.BlockKind, t *inlineText, level int, inside pipeline.BlockKind) {
	if t.plain() == "" || !strings.ContainsFunc(t.plain(), func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		return // nothing but punctuation or symbols: a separator left between page parts
	}
	if kind == pipeline.BlockParagraph && inside == "" && !strings.ContainsFunc(t.plain(), unicode.IsLetter) && len(t.plain()) <= maxCounterBytes &&
		!strings.Contains(t.plain(), "; ") {
		return // a number alone: a counter of views, likes or comments (not a table's row of numbers, "2023; 41")
	}
	if inside != "" {
		kind, level = inside, 0
	}
	r.out = append(r.out, mdBlock{kind: kind, level: level, text: t})
}

// inline reads n's inline content into t (a new one when t is nil).
func (r *markdownReader) inline(n ast.Node, t *inlineText) *inlineText {
	if t == nil {
		t = &inlineText{}
	}
	r.writeInline(t, n)
	return t
}

func (r *markdownReader) writeInline(t *inlineText, n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Value(r.source)
			if !c.IsRaw() {
				v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
			}
			t.text(string(v))
			if c.SoftLineBreak() || c.HardLineBreak() {
				t.text("\n")
			}
		case *ast.String:
			t.text(string(c.Value))
		case *ast.Emphasis:
			if !r.markup {
				r.writeInline(t, c)
				continue
			}
			kind := pipeline.InlineEmphasis
			if c.Level >= 2 {
				kind = pipeline.InlineStrong
			}
			id := t.open(pipeline.Inline{Kind: kind})
			r.writeInline(t, c)
			t.close(id)
		case *ast.Link:
			href, ok := pipeline.SafeHref(string(c.Destination))
			if !ok || !r.markup {
				r.writeInline(t, c)
				continue
			}
			id := t.open(pipeline.Inline{Kind: pipeline.InlineLink, Href: href})
			r.writeInline(t, c)
			t.close(id)
		case *ast.AutoLink:
			label := string(c.Label(r.source))
			href, ok := pipeline.SafeHref(string(c.URL(r.source)))
			if !ok || !r.markup {
				t.text(label)
				continue
			}
			id := t.open(pipeline.Inline{Kind: pipeline.InlineLink, Href: href})
			t.text(label)
			t.close(id)
		case *east.FootnoteLink:
			t.empty(pipeline.Inline{Kind: pipeline.InlineFootnote, Note: c.Index})
		case *east.FootnoteBacklink:
			// A way back to the reference: no text of its own.
		case *ast.RawHTML:
			// Inline HTML tags carry no text of their own; their text is in the nodes around.
			if rawHTMLSeparates(c, r.source) {
				t.text(" ")
			}
		default:
			r.writeInline(t, c)
		}
	}
}

// codeLines returns the raw lines of a code block, joined by spaces.
// fenceInfo is the info string of a fenced code block: what follows its opening fence.
func fenceInfo(c *ast.FencedCodeBlock, source []byte) string {
	if c.Info == nil {
		return ""
	}
	return strings.TrimSpace(string(c.Info.Segment.Value(source)))
}

// diagramLanguages are the languages of fenced blocks that a site draws as a diagram.
var diagramLanguages = map[string]bool{"mermaid": true, "plantuml": true, "dot": true, "graphviz": true, "flowchart": true,
	"sequence": true, "vega-lite": true, "chart": true, "echarts": true}

// isProgramFence reports the info string of a fence whose code the page runs or draws rather
// than shows: an executable chunk of R Markdown, Quarto or Jupytext ("{r setup}", "{python}"),
// or a diagram ("mermaid").
func isProgramFence(info string) bool {
	if strings.HasPrefix(info, "{") {
		return true
	}
	lang, _, _ := strings.Cut(info, " ")
	return diagramLanguages[strings.ToLower(lang)]
}

// chunkCaption matches the caption a chunk gives its figure: knitr's fig.cap="…" in its info
// string, Quarto's "#| fig-cap: …" (or tbl-cap) among its first lines.
var chunkCaptionAttr = regexp.MustCompile(`\b(?:fig\.cap|fig-cap|tbl-cap)\s*[=:]\s*(?:"([^"
]*)"|'([^'
]*)'|([^\s,}"'][^,}
]*))`)

// chunkOptionCaption matches Quarto's caption option on a line of a chunk: "#| fig-cap: "Wind
// capacity, MW"".
var chunkOptionCaption = regexp.MustCompile(`^#\|\s*(?:fig-cap|tbl-cap):\s*(?:"([^"]*)"|'([^']*)'|(.+))$`)

// chunkCaption returns the caption of a chunk's figure or table, or "". Quarto's options are
// the chunk's first lines.
func chunkCaption(info string, c *ast.FencedCodeBlock, source []byte) string {
	if m := chunkCaptionAttr.FindStringSubmatch(info); m != nil {
		return strings.TrimSpace(m[1] + m[2] + m[3])
	}
	ls := c.Lines()
	for i := range ls.Len() {
		seg := ls.At(i)
		line := strings.TrimSpace(string(seg.Value(source)))
		if !strings.HasPrefix(line, "#|") {
			break
		}
		if m := chunkOptionCaption.FindStringSubmatch(line); m != nil {
			return strings.TrimSpace(m[1] + m[2] + m[3])
		}
	}
	return ""
}

func codeLines(n ast.Node, source []byte) string {
	var b strings.Builder
	ls := n.Lines()
	for i := range ls.Len() {
		seg := ls.At(i)
		b.Write(seg.Value(source))
		b.WriteByte(' ')
	}
	return b.String()
}

// isLinkLine reports a short paragraph made mostly of links to other pages, after a label
// ("Share this post: Twitter · Facebook", "Читайте также: …"): a way out of the article, as
// the HTML reader judges a block of links.
// isPrevNextLine reports a short line that opens with an arrow back and ends with an arrow
// forward ("← Previous | Next →"), as the links to neighbouring pages are printed.
func isPrevNextLine(s string) bool {
	s = strings.TrimSpace(s)
	return len(s) <= maxLinkBlockBytes && (strings.HasPrefix(s, "←") || strings.HasPrefix(s, "‹")) &&
		(strings.HasSuffix(s, "→") || strings.HasSuffix(s, "›"))
}

func isLinkLine(t *inlineText) bool {
	whole := t.plain()
	if len(whole) > maxLinkBlockBytes || whole == "" {
		return false
	}
	if isPrevNextLine(whole) {
		// "← Chapter 3: Rail wagons | Chapter 5: Batteries →": the way to the pages before
		// and after, as a book or a series prints it (its links to files of the book are
		// not kept).
		return true
	}
	linked := t.linkedBytes()
	if linked == 0 {
		return false
	}
	share := linkTextShare
	rest := whole
	if n := readAlsoLabel(whole); n > 0 {
		share = readAlsoLinkShare
	} else if label, after, ok := strings.Cut(whole, ":"); ok && len(strings.Fields(label)) <= 3 && after != "" &&
		!strings.ContainsFunc(label, unicode.IsDigit) {
		rest = after
	} else {
		return false // links without a label over them may be the text's own
	}
	rest = strings.TrimSpace(rest)
	return float64(linked) >= share*float64(len(strings.ReplaceAll(rest, " ", "")))
}
