package document

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

// TestMarkupSegmentsMemoryLinear: a paragraph of eight times as many sentences with markup costs
// about eight times the memory to segment, not sixty-four (each sentence once built a table of
// every element of its paragraph). Bytes are counted, not time; the test does not run in
// parallel so that only its own allocations count.
func TestMarkupSegmentsMemoryLinear(t *testing.T) {
	cost := func(n int) float64 {
		var sb strings.Builder
		sb.WriteString("Title\n\n")
		for i := range n {
			fmt.Fprintf(&sb, "Sentence *number %d* has [a link](https://example.org/%d) here. ", i, i)
		}
		doc, err := ParseMarkdownMarkup(sb.String(), pipeline.English)
		if err != nil {
			t.Fatal(err)
		}
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		segs := MarkupSegments(doc, pipeline.English)
		runtime.ReadMemStats(&after)
		if len(segs) != n+1 {
			t.Fatalf("%d segments, want %d", len(segs), n+1)
		}
		return float64(after.TotalAlloc - before.TotalAlloc)
	}
	small, large := cost(250), cost(2000)
	if large > 12*small {
		t.Errorf("250 sentences allocate %.0f bytes, 2,000 allocate %.0f (%.1f times); want about 8 times", small, large, large/small)
	}
}
