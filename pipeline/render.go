package pipeline

import (
	"strconv"
	"strings"
)

// Rendered is an edition turned into what readers see.
type Rendered struct {
	Title  string
	Byline string
	HTML   string // the body: every text escaped, the title and byline left to the page
}

// Render assembles an edition from its segments and their texts in lang (for the source edition,
// the segments' own texts). Sentences of one block are joined with a space, or with nothing in
// Chinese; blocks become headings, paragraphs, quotes, lists and figure captions (a <figure>
// holding only its <figcaption>), and notes a numbered list at the end. All text is escaped here, so nothing in an article can inject markup into a page; the
// only elements added inside text are those of the segments' inline placeholders (see
// renderInline), and the title and byline are plain text without them.
func Render(segments []Segment, texts map[int64]string, lang Lang) Rendered {
	sep := " "
	if lang == Chinese {
		sep = ""
	}
	type block struct {
		kind  BlockKind
		parts []string // plain texts
		html  []string // the same, escaped, with inline markup
		note  int      // footnotes: the note's number
	}
	var blocks []block
	last := -1
	notes := 0
	for _, s := range segments {
		t := strings.TrimSpace(texts[s.ID])
		if s.BlockIndex != last || len(blocks) == 0 {
			blocks = append(blocks, block{kind: s.Kind})
			last = s.BlockIndex
			if s.Kind == BlockFootnote {
				notes++
				blocks[len(blocks)-1].note = notes
			}
		}
		if t != "" {
			bl := &blocks[len(blocks)-1]
			bl.parts = append(bl.parts, StripPlaceholdersOf(t, s.Inline))
			bl.html = append(bl.html, renderInline(t, s.Inline))
		}
	}
	var out Rendered
	var b, foot strings.Builder
	inList := false
	for _, bl := range blocks {
		text := strings.Join(bl.parts, sep)
		if strings.TrimSpace(text) == "" && bl.kind != BlockFootnote {
			continue
		}
		if bl.kind != BlockListItem && bl.kind != BlockFootnote && inList {
			b.WriteString("</ul>\n")
			inList = false
		}
		esc := strings.Join(bl.html, sep)
		switch bl.kind {
		case BlockTitle:
			if out.Title == "" {
				out.Title = text
				continue
			}
			b.WriteString("<h2>" + esc + "</h2>\n")
		case BlockByline:
			if out.Byline != "" {
				out.Byline += "; "
			}
			out.Byline += text
		case BlockHeading:
			b.WriteString("<h2>" + esc + "</h2>\n")
		case BlockQuote:
			b.WriteString("<blockquote><p>" + esc + "</p></blockquote>\n")
		case BlockCaption:
			// The figure itself is not carried over; its caption is, in its place in the text.
			b.WriteString("<figure><figcaption>" + esc + "</figcaption></figure>\n")
		case BlockFootnote:
			if text != "" {
				n := strconv.Itoa(bl.note)
				foot.WriteString(`<li id="fn-` + n + `" value="` + n + `">` + esc + "</li>\n")
			}
		case BlockListItem:
			if !inList {
				b.WriteString("<ul>\n")
				inList = true
			}
			b.WriteString("<li>" + esc + "</li>\n")
		default:
			b.WriteString("<p>" + esc + "</p>\n")
		}
	}
	if inList {
		b.WriteString("</ul>\n")
	}
	if foot.Len() > 0 {
		b.WriteString("<ol class=\"footnotes\">\n" + foot.String() + "</ol>\n")
	}
	out.HTML = b.String()
	return out
}
