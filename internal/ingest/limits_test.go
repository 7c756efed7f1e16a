package ingest

import (
	"strings"
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

// TestPrepareArticleLimits: Prepare refuses an article past its Preparer's limits on sentences
// and on characters per sentence, with CodeTooLarge, and takes one at the limits.
func TestPrepareArticleLimits(t *testing.T) {
	t.Parallel()
	p := preparer(t).WithLimits(pipeline.ArticleLimits{MaxSegments: 4, MaxSegmentChars: 30})
	req := func(text string) pipeline.IngestRequest {
		return pipeline.IngestRequest{Text: text, Format: pipeline.FormatText, SourceLang: pipeline.English}
	}
	for _, tc := range []struct {
		text, id string
	}{
		{"Title\n\nOne. Two. Three. Four.", ""},
		{"Title\n\nOne. Two. Three. Four. Five.", "error.limits.too_many_segments"},
		{"Title\n\nA sentence of exactly thirty.", ""},
		{"Title\n\nA sentence of thirty-one chars.", "error.limits.segment_too_long"},
		{"Заголовок\n\nПредложение в тридцать знаков.", ""}, // characters, not bytes
	} {
		_, err := p.Prepare(req(tc.text), 0)
		var got string
		if pe, ok := err.(*pipeline.Error); ok {
			got = pe.MessageID
			if pe.Code != pipeline.CodeTooLarge {
				t.Errorf("%q: code %s, want too_large", tc.text, pe.Code)
			}
		} else if err != nil {
			t.Errorf("%q: %v", tc.text, err)
		}
		if got != tc.id {
			t.Errorf("%q: refused with %q, want %q", tc.text, got, tc.id)
		}
	}
	// The defaults hold when nothing is configured.
	if _, err := preparer(t).Prepare(req("Title\n\n"+strings.Repeat("Word. ", pipeline.DefaultMaxSegments+1)), 0); pipeline.ErrorCode(err) != pipeline.CodeTooLarge {
		t.Errorf("%d sentences with the default limits: %v", pipeline.DefaultMaxSegments+1, err)
	}
}
