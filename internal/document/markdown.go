package document

import (
	"strconv"
	"strings"

	"github.com/tilmash/tilmash/pipeline"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
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
	if err := checkMarkdownCost(src); err != nil {
		return pipeline.Document{}, err
	}
	md := goldmark.New()
	source, root := parseKeepingHTMLText([]byte(src), func(b []byte) ast.Node { return md.Parser().Parse(text.NewReader(b)) })
	r := markdownReader{source: source}
	r.blocks(root, "")

	titleAt := r.titleIndex()
	var doc pipeline.Document
	var body []mdBlock
	if titleAt >= 0 {
		doc.Title = r.out[titleAt].text
		doc.Blocks = append(doc.Blocks, pipeline.Block{Kind: pipeline.BlockTitle, Text: doc.Title})
	}
	for i, b := range r.out {
		if i != titleAt {
			body = append(body, b)
		}
	}
	start := len(body)
	for start > 1 && len(body)-start < maxBylineBlocks {
		b := body[start-1]
		if b.kind != pipeline.BlockParagraph || !isBylineText(b.text) {
			break
		}
		start--
	}
	hasText := false
	for _, b := range body[:start] {
		hasText = hasText || b.kind != pipeline.BlockHeading
		doc.Blocks = append(doc.Blocks, pipeline.Block{Kind: b.kind, Text: b.text})
	}
	if !hasText {
		return pipeline.Document{}, invalid(msgTextNoBody, errNoBody)
	}
	var bylines []string
	for _, b := range body[start:] {
		doc.Blocks = append(doc.Blocks, pipeline.Block{Kind: pipeline.BlockByline, Text: b.text})
		bylines = append(bylines, b.text)
	}
	doc.Byline = strings.Join(bylines, ", ")
	return doc, nil
}

// mdBlock is a block read from Markdown; level is the heading level, 0 for other blocks.
type mdBlock struct {
	kind  pipeline.BlockKind
	text  string
	level int
}

type markdownReader struct {
	source []byte
	out    []mdBlock
}

// titleIndex picks the title among the blocks read: the first level-1 heading, else the first
// heading, else a short first paragraph without a full stop when more blocks follow. It returns
// -1 when there is none.
func (r *markdownReader) titleIndex() int {
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
	if first >= 0 {
		return first
	}
	if len(r.out) > 1 && r.out[0].kind == pipeline.BlockParagraph && columns(r.out[0].text) <= maxHeadColumns &&
		!endsWithTerminator(r.out[0].text) && !hasBylinePrefix(r.out[0].text) {
		return 0
	}
	return -1
}

// blocks walks the block-level children of n. inside is the kind forced by an enclosing block
// quote, so that a paragraph or list inside a quote is a quote.
func (r *markdownReader) blocks(n ast.Node, inside pipeline.BlockKind) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Heading:
			r.add(pipeline.BlockHeading, r.inline(c), c.Level, inside)
		case *ast.Paragraph, *ast.TextBlock:
			r.add(pipeline.BlockParagraph, r.inline(c), 0, inside)
		case *ast.Blockquote:
			r.blocks(c, pipeline.BlockQuote)
		case *ast.List:
			r.list(c, inside)
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			r.add(pipeline.BlockParagraph, codeLines(c, r.source), 0, inside)
		case *ast.HTMLBlock, *ast.ThematicBreak:
			// Markup without article text: HTML blocks were turned into text before this parse.
		default:
			r.blocks(c, inside)
		}
	}
}

// list adds one block per item. An item's own paragraphs form its text; nested lists follow it as
// items of their own.
func (r *markdownReader) list(l *ast.List, inside pipeline.BlockKind) {
	number := l.Start
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		var parts []string
		var nested []ast.Node
		for c := item.FirstChild(); c != nil; c = c.NextSibling() {
			switch c.(type) {
			case *ast.List, *ast.Blockquote, *ast.FencedCodeBlock, *ast.CodeBlock:
				nested = append(nested, c)
			default:
				if t := r.inline(c); t != "" {
					parts = append(parts, t)
				}
			}
		}
		t := strings.Join(parts, " ")
		if l.IsOrdered() && t != "" {
			t = strconv.Itoa(number) + string(l.Marker) + " " + t
		}
		r.add(pipeline.BlockListItem, t, 0, inside)
		for _, c := range nested {
			switch c := c.(type) {
			case *ast.List:
				r.list(c, inside)
			case *ast.Blockquote:
				r.blocks(c, pipeline.BlockQuote)
			default:
				r.add(pipeline.BlockListItem, codeLines(c, r.source), 0, inside)
			}
		}
		number++
	}
}

func (r *markdownReader) add(kind pipeline.BlockKind, text string, level int, inside pipeline.BlockKind) {
	text = collapseSpaces(text)
	if text == "" {
		return
	}
	if inside != "" {
		kind, level = inside, 0
	}
	r.out = append(r.out, mdBlock{kind: kind, text: text, level: level})
}

// inline returns the plain text of n's inline content.
func (r *markdownReader) inline(n ast.Node) string {
	var b strings.Builder
	r.writeInline(&b, n)
	return b.String()
}

func (r *markdownReader) writeInline(b *strings.Builder, n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			v := c.Value(r.source)
			if !c.IsRaw() {
				v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
			}
			b.Write(v)
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		case *ast.AutoLink:
			b.Write(c.Label(r.source))
		case *ast.RawHTML:
			// Inline HTML tags carry no text of their own; their text is in the nodes around.
			if rawHTMLSeparates(c, r.source) {
				b.WriteByte(' ')
			}
		default:
			r.writeInline(b, c)
		}
	}
}

// codeLines returns the raw lines of a code block, joined by spaces. Both Markdown readers (plain
// text and with inline markup) use it.
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
