package document

import (
	"sort"
	"strings"

	"github.com/tilmash/tilmash/pipeline"
)

// inlineText builds the text of one block with inline markup: the words, with whitespace
// collapsed as in collapseSpaces, and the places where links, emphasis and footnote references
// open and close. A block is written out as text with <gN>…</gN> and <xN/> placeholders (see
// pipeline/markup.go), numbered in the order the elements open.
type inlineText struct {
	b       strings.Builder
	pending bool // a space is due before the next word
	events  []inlineEvent
	inline  []pipeline.Inline // by ID-1
}

// inlineEvent is a placeholder tag at a byte offset of the collapsed text.
type inlineEvent struct {
	pos  int
	kind pipeline.TokenKind
	id   int
}

func (t *inlineText) text(s string) {
	for _, r := range s {
		if isSpace(r) {
			t.pending = t.b.Len() > 0
			continue
		}
		if t.pending {
			t.b.WriteByte(' ')
			t.pending = false
		}
		t.b.WriteRune(r)
	}
}

// open starts an element and returns its ID. The element starts at the next word, so a space
// before it stays outside.
func (t *inlineText) open(in pipeline.Inline) int {
	if t.pending {
		t.b.WriteByte(' ')
		t.pending = false
	}
	in.ID = len(t.inline) + 1
	t.inline = append(t.inline, in)
	t.events = append(t.events, inlineEvent{pos: t.b.Len(), kind: pipeline.TokenOpen, id: in.ID})
	return in.ID
}

// close ends the element id after the last word written.
func (t *inlineText) close(id int) {
	t.events = append(t.events, inlineEvent{pos: t.b.Len(), kind: pipeline.TokenClose, id: id})
}

// empty places a self-closing element, a footnote reference, right after the last word.
func (t *inlineText) empty(in pipeline.Inline) {
	in.ID = len(t.inline) + 1
	t.inline = append(t.inline, in)
	t.events = append(t.events, inlineEvent{pos: t.b.Len(), kind: pipeline.TokenEmpty, id: in.ID})
}

func (t *inlineText) plain() string { return t.b.String() }

// block returns the text with placeholders and the elements behind them. Elements that enclose
// no text are dropped.
func (t *inlineText) block() (string, []pipeline.Inline) {
	return placeText(t.plain(), t.events, t.inline, 0, len(t.plain()))
}

// readInline is the reverse of block: it reads a text with placeholders into an inlineText.
// Placeholders without an element in inline are kept as text.
func readInline(text string, inline []pipeline.Inline) *inlineText {
	t := &inlineText{}
	byID := map[int]pipeline.Inline{}
	for _, in := range inline {
		byID[in.ID] = in
	}
	ids := map[int]int{} // placeholder ID in text → ID in t
	for _, tok := range pipeline.Tokens(text) {
		in, known := byID[tok.ID]
		switch {
		case tok.Kind == pipeline.TokenText || !known:
			t.text(tok.Text)
		case tok.Kind == pipeline.TokenOpen:
			ids[tok.ID] = t.open(in)
		case tok.Kind == pipeline.TokenClose:
			if id, ok := ids[tok.ID]; ok {
				t.close(id)
				delete(ids, tok.ID)
			}
		case tok.Kind == pipeline.TokenEmpty:
			t.empty(in)
		}
	}
	for _, id := range ids {
		t.close(id)
	}
	return t
}

// placeText writes plain[from:to] with the events that fall in it as placeholders, balanced
// within the span: an element that opened before the span opens again at its start, one that
// closes after it closes at its end. Elements are renumbered from 1 in order of appearance, and
// pairs that enclose no text are dropped.
func placeText(plain string, events []inlineEvent, inline []pipeline.Inline, from, to int) (string, []pipeline.Inline) {
	type tag struct {
		pos  int
		kind pipeline.TokenKind
		id   int
		seq  int
	}
	var tags []tag
	opened := map[int]bool{}
	closed := map[int]bool{}
	for i, e := range events {
		if e.pos < from || e.pos > to {
			continue
		}
		tags = append(tags, tag{pos: e.pos - from, kind: e.kind, id: e.id, seq: i})
		switch e.kind {
		case pipeline.TokenOpen:
			opened[e.id] = true
		case pipeline.TokenClose:
			closed[e.id] = true
		}
	}
	// Elements open across the start of the span, in the order they opened.
	var carried []tag
	for i, e := range events {
		if e.kind == pipeline.TokenOpen && e.pos < from && spansInto(events, e.id, from) {
			carried = append(carried, tag{pos: 0, kind: pipeline.TokenOpen, id: e.id, seq: -len(events) + i})
		}
	}
	tags = append(carried, tags...)
	for _, c := range carried {
		opened[c.id] = true
	}
	sort.SliceStable(tags, func(i, j int) bool { return tags[i].pos < tags[j].pos })
	// Close what is still open at the end, innermost first.
	var stillOpen []int
	for _, tg := range tags {
		switch tg.kind {
		case pipeline.TokenOpen:
			stillOpen = append(stillOpen, tg.id)
		case pipeline.TokenClose:
			for k := len(stillOpen) - 1; k >= 0; k-- {
				if stillOpen[k] == tg.id {
					stillOpen = append(stillOpen[:k], stillOpen[k+1:]...)
					break
				}
			}
		}
	}
	for k := len(stillOpen) - 1; k >= 0; k-- {
		tags = append(tags, tag{pos: to - from, kind: pipeline.TokenClose, id: stillOpen[k]})
	}
	// Drop pairs around nothing, and closes whose open is not in the span.
	openAt := map[int]int{}
	for _, tg := range tags {
		if tg.kind == pipeline.TokenOpen {
			openAt[tg.id] = tg.pos
		}
	}
	keep := map[int]bool{}
	for _, tg := range tags {
		switch tg.kind {
		case pipeline.TokenClose:
			if p, ok := openAt[tg.id]; ok && tg.pos > p && strings.TrimSpace(plain[from+p:from+tg.pos]) != "" {
				keep[tg.id] = true
			}
		case pipeline.TokenEmpty:
			keep[tg.id] = true
		}
	}
	byID := map[int]pipeline.Inline{}
	for _, in := range inline {
		byID[in.ID] = in
	}
	renum := map[int]int{}
	var out []pipeline.Inline
	var b strings.Builder
	last := 0
	text := plain[from:to]
	for _, tg := range tags {
		if !keep[tg.id] {
			continue
		}
		b.WriteString(text[last:tg.pos])
		last = tg.pos
		n, ok := renum[tg.id]
		if !ok {
			n = len(out) + 1
			renum[tg.id] = n
			in := byID[tg.id]
			in.ID = n
			out = append(out, in)
		}
		switch tg.kind {
		case pipeline.TokenOpen:
			b.WriteString(pipeline.PlaceholderOpen(n))
		case pipeline.TokenClose:
			b.WriteString(pipeline.PlaceholderClose(n))
		case pipeline.TokenEmpty:
			b.WriteString(pipeline.PlaceholderEmpty(n))
		}
	}
	b.WriteString(text[last:])
	return b.String(), out
}

// spansInto reports whether element id, opened before pos, is still open at pos.
func spansInto(events []inlineEvent, id, pos int) bool {
	for _, e := range events {
		if e.id == id && e.kind == pipeline.TokenClose {
			return e.pos > pos
		}
	}
	return true
}

// MarkupSegments is Segments for documents whose blocks carry inline markup: every block is cut
// into the same sentences as Segments cuts its plain text, and each sentence keeps the
// placeholders that fall in it, balanced and numbered from 1. An element that spans two sentences
// is closed at the end of the first and opened again in the second; a footnote reference right
// after a full stop stays with the sentence it follows. Blocks without markup give exactly what
// Segments gives.
func MarkupSegments(doc pipeline.Document, lang pipeline.Lang) []pipeline.Segment {
	var out []pipeline.Segment
	for bi, b := range doc.Blocks {
		if len(b.Inline) == 0 {
			for si, s := range Sentences(b.Text, lang) {
				out = append(out, pipeline.Segment{Position: len(out), BlockIndex: bi, SentenceIndex: si,
					Kind: b.Kind, Text: s, Hash: Hash(s)})
			}
			continue
		}
		t := readInline(b.Text, b.Inline)
		plain := t.plain()
		spans := sentenceSpans(plain, Sentences(plain, lang))
		for si, sp := range spans {
			text, inline := placeText(plain, assignEvents(t.events, spans, si), t.inline, sp[0], sp[1])
			out = append(out, pipeline.Segment{Position: len(out), BlockIndex: bi, SentenceIndex: si,
				Kind: b.Kind, Text: text, Hash: Hash(text), Inline: inline})
		}
	}
	return out
}

// sentenceSpans finds each sentence in plain, in order. Sentences are substrings of the collapsed
// text, which plain already is.
func sentenceSpans(plain string, sentences []string) [][2]int {
	out := make([][2]int, 0, len(sentences))
	at := 0
	for _, s := range sentences {
		i := strings.Index(plain[at:], s)
		if i < 0 {
			continue
		}
		out = append(out, [2]int{at + i, at + i + len(s)})
		at += i + len(s)
	}
	return out
}

// assignEvents returns the events that belong to sentence si: those between its start and the
// next sentence's start, except that an element opening in the space after the sentence belongs
// to the next one and one closing right at its start belongs to the previous one. Elements
// spanning sentences are carried by placeText.
func assignEvents(events []inlineEvent, spans [][2]int, si int) []inlineEvent {
	owner := func(e inlineEvent) int {
		i := 0
		for i+1 < len(spans) && spans[i+1][0] <= e.pos {
			i++
		}
		switch {
		case e.kind == pipeline.TokenOpen && e.pos >= spans[i][1] && i+1 < len(spans):
			i++
		case e.kind == pipeline.TokenClose && i > 0 && e.pos == spans[i][0]:
			i--
		}
		return i
	}
	var out []inlineEvent
	for _, e := range events {
		if owner(e) != si {
			continue
		}
		e.pos = min(max(e.pos, spans[si][0]), spans[si][1])
		out = append(out, e)
	}
	// Elements owned elsewhere but spanning this sentence are re-opened by placeText, which
	// needs their open event before the span.
	for _, e := range events {
		if e.kind == pipeline.TokenOpen && owner(e) < si {
			e.pos = min(e.pos, spans[si][0]-1)
			if e.pos < spans[si][0] {
				out = append([]inlineEvent{{pos: e.pos, kind: e.kind, id: e.id}}, out...)
			}
		}
	}
	// And their close events, wherever they are, so that placeText knows whether they span it.
	for _, e := range events {
		if e.kind == pipeline.TokenClose && owner(e) > si {
			out = append(out, inlineEvent{pos: spans[si][1] + 1, kind: e.kind, id: e.id})
		}
	}
	return out
}
