package pipeline

import (
	"html"
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
// Chinese; blocks become headings, paragraphs, quotes and lists. All text is escaped here, so
// nothing in an article can inject markup into a page.
func Render(segments []Segment, texts map[int64]string, lang Lang) Rendered {
	sep := " "
	if lang == Chinese {
		sep = ""
	}
	type block struct {
		kind  BlockKind
		parts []string
	}
	var blocks []block
	last := -1
	for _, s := range segments {
		t := strings.TrimSpace(texts[s.ID])
		if s.BlockIndex != last || len(blocks) == 0 {
			blocks = append(blocks, block{kind: s.Kind})
			last = s.BlockIndex
		}
		if t != "" {
			blocks[len(blocks)-1].parts = append(blocks[len(blocks)-1].parts, t)
		}
	}
	var out Rendered
	var b strings.Builder
	inList := false
	for _, bl := range blocks {
		text := strings.Join(bl.parts, sep)
		if text == "" {
			continue
		}
		if bl.kind != BlockListItem && inList {
			b.WriteString("</ul>\n")
			inList = false
		}
		esc := html.EscapeString(text)
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
	out.HTML = b.String()
	return out
}
