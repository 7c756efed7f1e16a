package document

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/tilmash/tilmash/pipeline"
)

// inlineText builds the text of one block with inline markup: the words, with whitespace
// collapsed as in collapseSpaces, and the places where links, emphasis and footnote references
// open and close. A block is written out as text with <gN>…</gN> and <xN/> placeholders (see
// pipeline/markup.go), numbered in the order the elements open.
type inlineText struct {
	b       strings.Builder
	pending bool // a space is due before the next word
	// broken marks a pending space that holds a line break: between two East Asian wide
	// characters it is dropped (breakJoins).
	broken bool
	events []inlineEvent
	inline []pipeline.Inline // by ID-1
}

// inlineEvent is a placeholder tag at a byte offset of the collapsed text.
type inlineEvent struct {
	pos  int
	kind pipeline.TokenKind
	id   int
}

// text writes s with its runs of white space collapsed to one space. A run that holds a line
// break and stands between two Chinese or Japanese characters is dropped, as CSS Text's segment
// break transformation drops it: the source wrapped a line there ("…8万列，\n通达…"), and
// these scripts set no space between words.
func (t *inlineText) text(s string) {
	for _, r := range s {
		if isSpace(r) {
			if !t.pending {
				t.broken = false
			}
			t.pending = t.b.Len() > 0
			t.broken = t.broken || r == '\n' || r == '\r'
			continue
		}
		if t.pending {
			if last, _ := utf8.DecodeLastRuneInString(t.b.String()); !t.broken || !breakJoins(last) || !breakJoins(r) {
				t.b.WriteByte(' ')
			}
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
	if len(t.events) == 0 {
		return t.plain(), nil
	}
	return placeText(t.plain(), t.events, nil, t.inline)
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

// inlineByID returns the element with an ID from a list held by ID-1 (as inlineText keeps it),
// without building a map of the whole list for every sentence.
func inlineByID(inline []pipeline.Inline, id int) pipeline.Inline {
	if id >= 1 && id <= len(inline) && inline[id-1].ID == id {
		return inline[id-1]
	}
	for _, in := range inline { // not in ID order: look it up the slow way
		if in.ID == id {
			return in
		}
	}
	return pipeline.Inline{}
}

// placeText writes text with events (offsets of text) as placeholders, balanced within it:
// carried elements, open since before text starts, open again at its start, and an element still
// open at the end closes there. Elements are renumbered from 1 in order of appearance, and pairs
// that enclose no text are dropped.
func placeText(text string, events []inlineEvent, carried []int, inline []pipeline.Inline) (string, []pipeline.Inline) {
	tags := make([]inlineEvent, 0, len(carried)+len(events)+2)
	for _, id := range carried {
		tags = append(tags, inlineEvent{pos: 0, kind: pipeline.TokenOpen, id: id})
	}
	tags = append(tags, events...)
	sort.SliceStable(tags, func(i, j int) bool { return tags[i].pos < tags[j].pos })
	// Drop closes without an open, then close what is still open at the end, innermost first.
	var stillOpen []int
	kept := tags[:0]
	for _, tg := range tags {
		switch tg.kind {
		case pipeline.TokenOpen:
			stillOpen = append(stillOpen, tg.id)
		case pipeline.TokenClose:
			k := len(stillOpen) - 1
			for k >= 0 && stillOpen[k] != tg.id {
				k--
			}
			if k < 0 {
				continue
			}
			stillOpen = append(stillOpen[:k], stillOpen[k+1:]...)
		}
		kept = append(kept, tg)
	}
	tags = kept
	for k := len(stillOpen) - 1; k >= 0; k-- {
		tags = append(tags, inlineEvent{pos: len(text), kind: pipeline.TokenClose, id: stillOpen[k]})
	}
	// Keep pairs around some text, and every footnote reference.
	openAt := map[int]int{}
	keep := map[int]bool{}
	for _, tg := range tags {
		switch tg.kind {
		case pipeline.TokenOpen:
			openAt[tg.id] = tg.pos
		case pipeline.TokenClose:
			if p, ok := openAt[tg.id]; ok && strings.TrimSpace(text[p:tg.pos]) != "" {
				keep[tg.id] = true
			}
		case pipeline.TokenEmpty:
			keep[tg.id] = true
		}
	}
	renum := map[int]int{}
	var out []pipeline.Inline
	var b strings.Builder
	last := 0
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
			in := inlineByID(inline, tg.id)
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

// MarkupSegments is Segments for documents whose blocks carry inline markup: every block is cut
// into the same sentences as Segments cuts its plain text, and each sentence keeps the
// placeholders that fall in it, balanced and numbered from 1. An element that spans two sentences
// is closed at the end of the first and opened again in the second; a footnote reference right
// after a full stop stays with the sentence it follows. Blocks without markup give exactly what
// Segments gives.
func MarkupSegments(doc pipeline.Document, lang pipeline.Lang) []pipeline.Segment {
	var out []pipeline.Segment
	for bi, b := range doc.Blocks {
		if b.Inline == "" {
			for si, s := range Sentences(b.Text, lang) {
				out = append(out, pipeline.Segment{Position: len(out), BlockIndex: bi, SentenceIndex: si,
					Kind: b.Kind, Text: s, Hash: Hash(s)})
			}
			continue
		}
		t := readInline(b.Text, b.Inline.List())
		plain := t.plain()
		spans := sentenceSpans(plain, Sentences(plain, lang))
		owners := eventOwners(t.events, spans)
		// The events of each sentence, and the sentence of each element's first close, are
		// gathered once: a paragraph of many sentences with markup in each would otherwise be
		// scanned whole for every sentence, and again for every element still open.
		bySentence := make([][]int, len(spans))
		firstClose := map[int]int{} // element id → the sentence its first close belongs to
		for i, e := range t.events {
			bySentence[owners[i]] = append(bySentence[owners[i]], i)
			if _, seen := firstClose[e.id]; e.kind == pipeline.TokenClose && !seen {
				firstClose[e.id] = owners[i]
			}
		}
		var open []int // opening events of earlier sentences whose element may still be open
		for si, sp := range spans {
			// An element opened in an earlier sentence is carried into this one while its close
			// belongs to this sentence or a later one, or never comes.
			kept := open[:0]
			for _, i := range open {
				if c, ok := firstClose[t.events[i].id]; !ok || c >= si {
					kept = append(kept, i)
				}
			}
			open = kept
			carried := make([]int, 0, len(open))
			for _, i := range open {
				carried = append(carried, t.events[i].id)
			}
			events := make([]inlineEvent, 0, len(bySentence[si]))
			for _, i := range bySentence[si] {
				e := t.events[i]
				e.pos = min(max(e.pos, sp[0]), sp[1]) - sp[0]
				events = append(events, e)
				if e.kind == pipeline.TokenOpen {
					open = append(open, i)
				}
			}
			text, inline := placeText(plain[sp[0]:sp[1]], events, carried, t.inline)
			out = append(out, pipeline.Segment{Position: len(out), BlockIndex: bi, SentenceIndex: si,
				Kind: b.Kind, Text: text, Hash: Hash(text), Inline: pipeline.NewInlineMarkup(inline)})
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

// eventOwners gives the sentence each event belongs to: the one whose text or following space
// holds it, except that an element opening in the space after a sentence belongs to the next one
// and one closing right at a sentence's start belongs to the previous one.
func eventOwners(events []inlineEvent, spans [][2]int) []int {
	out := make([]int, len(events))
	if len(spans) == 0 {
		return out
	}
	for k, e := range events {
		// The last sentence starting at or before the event (the first one when none does).
		i := max(sort.Search(len(spans), func(j int) bool { return spans[j][0] > e.pos })-1, 0)
		switch {
		case e.kind == pipeline.TokenOpen && e.pos >= spans[i][1] && i+1 < len(spans):
			i++
		case e.kind == pipeline.TokenClose && i > 0 && e.pos == spans[i][0]:
			i--
		}
		out[k] = i
	}
	return out
}

// linkedBytes returns how many bytes of the plain text lie inside links to other pages.
func (t *inlineText) linkedBytes() int {
	open := map[int]int{}
	linked := 0
	for _, e := range t.events {
		in := t.inline[e.id-1]
		if in.Kind != pipeline.InlineLink || strings.HasPrefix(in.Href, "#") {
			continue
		}
		switch e.kind {
		case pipeline.TokenOpen:
			open[e.id] = e.pos
		case pipeline.TokenClose:
			if at, ok := open[e.id]; ok {
				linked += e.pos - at
				delete(open, e.id)
			}
		}
	}
	return linked
}
