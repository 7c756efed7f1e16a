package interchange

import (
	"strconv"

	"github.com/tilmash/tilmash/pipeline"
)

// toContent turns a segment text into content to write: text, and each placeholder the segment
// knows as an inline element (a pair for links and emphasis, a standalone element for footnote
// references). A placeholder the segment does not know is text, as it is everywhere else.
// Placeholders that cannot be written as well-formed elements (a pair closed before it opens or
// crossing another, a second copy, a pair tag standing for a footnote) are left out: the markup
// check already reports such a translation, and the file must stay well-formed.
func toContent(text string, markup pipeline.InlineMarkup) Content {
	kinds := inlineKinds(markup)
	toks := pipeline.Tokens(text)
	keep := make([]bool, len(toks))
	used := map[string]bool{}
	var open []int // indexes of kept opening tokens
	for i, t := range toks {
		kind, known := kinds[t.ID]
		switch {
		case t.Kind == pipeline.TokenText || !known:
			keep[i] = true
		case used[t.Text]:
		case t.Kind == pipeline.TokenOpen && kind.Paired():
			used[t.Text] = true
			keep[i] = true
			open = append(open, i)
		case t.Kind == pipeline.TokenClose && kind.Paired():
			used[t.Text] = true
			if n := len(open); n > 0 && toks[open[n-1]].ID == t.ID {
				keep[i] = true
				open = open[:n-1]
			}
		case t.Kind == pipeline.TokenEmpty && !kind.Paired():
			used[t.Text] = true
			keep[i] = true
		}
	}
	for _, i := range open { // never closed
		keep[i] = false
	}
	var c Content
	addText := func(s string) {
		if n := len(c); n > 0 && c[n-1].Kind == SpanText {
			c[n-1].Text += s
			return
		}
		c = append(c, Span{Kind: SpanText, Text: s})
	}
	for i, t := range toks {
		if !keep[i] {
			continue
		}
		_, known := kinds[t.ID]
		switch {
		case t.Kind == pipeline.TokenText || !known:
			addText(t.Text)
		case t.Kind == pipeline.TokenOpen:
			c = append(c, Span{Kind: SpanOpen, ID: strconv.Itoa(t.ID)})
		case t.Kind == pipeline.TokenClose:
			c = append(c, Span{Kind: SpanClose, ID: strconv.Itoa(t.ID)})
		case t.Kind == pipeline.TokenEmpty:
			c = append(c, Span{Kind: SpanEmpty, ID: strconv.Itoa(t.ID)})
		}
	}
	return c
}

func inlineKinds(markup pipeline.InlineMarkup) map[int]pipeline.InlineKind {
	list := markup.List()
	out := make(map[int]pipeline.InlineKind, len(list))
	for _, in := range list {
		out[in.ID] = in.Kind
	}
	return out
}

// exportedText is a segment text as a file carries it: toContent and back.
func exportedText(text string, markup pipeline.InlineMarkup) string {
	s, _ := fromContent(toContent(text, markup), markup)
	return s
}

// fromContent turns the content of a target read from a file back into a segment text with
// placeholders. Only the segment's own elements are accepted, each as the element Tilmash
// writes for it (1.2 <g>/<x/>, 2.x <pc>/<ph/>); any other inline element, or a placeholder of
// the segment typed as text instead of written as an element, is a problem for the unit.
func fromContent(c Content, markup pipeline.InlineMarkup) (string, *pipeline.Error) {
	kinds := inlineKinds(markup)
	var b []byte
	for _, s := range c {
		if s.Kind == SpanText {
			for _, t := range pipeline.Tokens(s.Text) {
				if _, known := kinds[t.ID]; t.Kind != pipeline.TokenText && known {
					return "", &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "interchange.placeholder_text",
						Data: map[string]any{"Tag": t.Text}}
				}
			}
			b = append(b, s.Text...)
			continue
		}
		id, err := strconv.Atoi(s.ID)
		kind, known := kinds[id]
		ok := err == nil && known && s.ID == strconv.Itoa(id)
		switch {
		case ok && s.Kind == SpanOpen && kind.Paired():
			b = append(b, pipeline.PlaceholderOpen(id)...)
		case ok && s.Kind == SpanClose && kind.Paired():
			b = append(b, pipeline.PlaceholderClose(id)...)
		case ok && s.Kind == SpanEmpty && !kind.Paired() && (s.Element == "x" || s.Element == "ph" || s.Element == ""):
			b = append(b, pipeline.PlaceholderEmpty(id)...)
		default:
			el := s.Element
			if el == "" {
				el = "?"
			}
			if s.Kind == SpanClose {
				continue // its opening element is reported
			}
			return "", &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "interchange.foreign_inline",
				Data: map[string]any{"Element": "<" + el + ` id="` + s.ID + `">`}}
		}
	}
	return string(b), nil
}

// genericText is content as a segment text, reading every paired element as <gN>…</gN> and every
// standalone one as <xN/> by its id, whatever the segment: the key of a unit's source.
func genericText(c Content) string {
	var b []byte
	for _, s := range c {
		id, err := strconv.Atoi(s.ID)
		switch {
		case s.Kind == SpanText:
			b = append(b, s.Text...)
		case err != nil || id <= 0:
		case s.Kind == SpanOpen:
			b = append(b, pipeline.PlaceholderOpen(id)...)
		case s.Kind == SpanClose:
			b = append(b, pipeline.PlaceholderClose(id)...)
		default:
			b = append(b, pipeline.PlaceholderEmpty(id)...)
		}
	}
	return string(b)
}
