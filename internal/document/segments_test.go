package document

import (
	"strings"
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

func TestSegments(t *testing.T) {
	t.Parallel()
	doc := pipeline.Document{Blocks: []pipeline.Block{
		{Kind: pipeline.BlockTitle, Text: "A Title"},
		{Kind: pipeline.BlockParagraph, Text: "Dr. Smith came. He left!"},
		{Kind: pipeline.BlockQuote, Text: ""},
		{Kind: pipeline.BlockByline, Text: "China Studies Center, Astana"},
	}}
	want := []pipeline.Segment{
		{Position: 0, BlockIndex: 0, SentenceIndex: 0, Kind: pipeline.BlockTitle, Text: "A Title"},
		{Position: 1, BlockIndex: 1, SentenceIndex: 0, Kind: pipeline.BlockParagraph, Text: "Dr. Smith came."},
		{Position: 2, BlockIndex: 1, SentenceIndex: 1, Kind: pipeline.BlockParagraph, Text: "He left!"},
		{Position: 3, BlockIndex: 3, SentenceIndex: 0, Kind: pipeline.BlockByline, Text: "China Studies Center, Astana"},
	}
	got := Segments(doc, pipeline.English)
	if len(got) != len(want) {
		t.Fatalf("got %d segments, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		want[i].Hash = Hash(want[i].Text)
		if got[i] != want[i] {
			t.Errorf("segment %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestSegmentsSampleKeepsEveryBlock(t *testing.T) {
	t.Parallel()
	doc := parseSample(t)
	segs := Segments(doc, pipeline.English)
	byBlock := make([][]string, len(doc.Blocks))
	for i, s := range segs {
		if s.Position != i || s.Text == "" || s.Kind != doc.Blocks[s.BlockIndex].Kind || s.SentenceIndex != len(byBlock[s.BlockIndex]) {
			t.Fatalf("segment %d is misnumbered or empty: %+v", i, s)
		}
		byBlock[s.BlockIndex] = append(byBlock[s.BlockIndex], s.Text)
	}
	for i, b := range doc.Blocks {
		if got := strings.Join(byBlock[i], " "); got != b.Text {
			t.Errorf("block %d: segments give %q, want %q", i, got, b.Text)
		}
	}
}

func TestHash(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		a, b string
		same bool
	}{
		{"composed and decomposed letters", "Қазақстан café", "Қазақстан cafe\u0301", true},
		{"spacing differences", " China  and\tAsia\n", "China and Asia", true},
		{"no-break space", "China\u00a0and Asia", "China and Asia", true},
		{"different words", "China and Asia", "China or Asia", false},
		{"case matters", "China", "china", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ha, hb := Hash(tt.a), Hash(tt.b)
			if (ha == hb) != tt.same {
				t.Errorf("Hash(%q)=%s, Hash(%q)=%s, same=%v want %v", tt.a, ha, tt.b, hb, ha == hb, tt.same)
			}
			if len(ha) != 64 || strings.Trim(ha, "0123456789abcdef") != "" {
				t.Errorf("Hash(%q) = %q is not hex SHA-256", tt.a, ha)
			}
		})
	}
	// The hash of a known text is fixed: stored segments and memory entries depend on it.
	if got, want := Hash(" China and Asia "), "5991bf0e5e9d6bcd9ca3009506fd2f1e137a783521ccacfbeb75e4c9c76ba02a"; got != want {
		t.Errorf("Hash = %s, want %s (sha256 of \"China and Asia\")", got, want)
	}
}
