package document

import (
	"errors"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

func asError(err error, target **pipeline.Error) bool { return errors.As(err, target) }

// TestMarkupSegments checks that sentence splitting is the same with or without markup, that every
// segment's placeholders are balanced, and that markup spanning sentences is carried into each.
func TestMarkupSegments(t *testing.T) {
	t.Parallel()
	md := "# Title\n\nMr. Smith met *Dr. Jones in Astana. They talked* for [an hour](https://example.org).[^a] Then **he** left.\n\n" +
		"他们在阿斯塔纳见面。*他们谈了一个小时。然后离开了*。\n\n[^a]: A note.\n"
	doc, err := ParseMarkdownMarkup(md, pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	segs := MarkupSegments(doc, pipeline.English)
	var texts []string
	for _, s := range segs {
		texts = append(texts, s.Text)
		if s.Hash != Hash(s.Text) {
			t.Errorf("hash of %q", s.Text)
		}
	}
	want := []string{
		"Title",
		"Mr. Smith met <g1>Dr. Jones in Astana.</g1>",
		"<g1>They talked</g1> for <g2>an hour</g2>.<x3/>",
		"Then <g1>he</g1> left.",
		"他们在阿斯塔纳见面。",
		"<g1>他们谈了一个小时。</g1>",
		"<g1>然后离开了</g1>。",
		"A note.",
	}
	if strings.Join(texts, "|") != strings.Join(want, "|") {
		t.Errorf("segments\n%q\nwant\n%q", texts, want)
	}
	// The plain sentences are exactly those of the text without markup.
	for i, b := range doc.Blocks {
		plain := Sentences(readInline(b.Text, b.Inline.List()).plain(), pipeline.English)
		var got []string
		for _, s := range segs {
			if s.BlockIndex == i {
				got = append(got, pipeline.StripPlaceholders(s.Text))
			}
		}
		if strings.Join(plain, "|") != strings.Join(got, "|") {
			t.Errorf("block %d: %q vs %q", i, got, plain)
		}
	}
	if l := segs[2].Inline.List(); len(l) != 3 || l[1].Href != "https://example.org" || l[2].Note != 1 {
		t.Errorf("inline of %q = %v", segs[2].Text, l)
	}
	// Plain blocks segment exactly as Segments does.
	plainDoc := pipeline.Document{Blocks: []pipeline.Block{{Kind: pipeline.BlockParagraph, Text: "One. Two <b>three</b>."}}}
	a, b := MarkupSegments(plainDoc, pipeline.English), Segments(plainDoc, pipeline.English)
	if len(a) != len(b) || a[0] != b[0] || a[1] != b[1] {
		t.Errorf("MarkupSegments %v, Segments %v", a, b)
	}
}

func TestRepairDiff(t *testing.T) {
	t.Parallel()
	text := "in Central Asia, inCentral and  more"
	changes := []pipeline.RepairChange{
		{ID: 1, Start: strings.Index(text, "inC") + 2, End: strings.Index(text, "inC") + 2, Before: "", After: " ", Rule: "join"},
		{ID: 2, Start: strings.Index(text, "  "), End: strings.Index(text, "  ") + 2, Before: "  ", After: " ", Rule: "spaces"},
		{ID: 3, Start: 0, End: 2, Before: "xx", After: "yy", Rule: "stale"},
		{ID: 4, Start: 3, End: 10, Before: "Central", After: "Centre", Rule: "undone", Undone: true},
	}
	parts := RepairDiff(text, changes)
	var b strings.Builder
	changed := 0
	for _, p := range parts {
		b.WriteString(p.Text)
		if p.Changed {
			changed++
		}
	}
	if b.String() != "in Central Asia, in Central and more" || changed != 2 {
		t.Errorf("diff %+v gives %q", parts, b.String())
	}
}
