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
			fmt.Fprintf(&sb, "Sentence *number %d* stands out here. ", i)
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

// markdownAdversaries are texts on which the Markdown parser's work grows with the square of the
// markup in one block, or faster, each of about n bytes.
var markdownAdversaries = []struct {
	name string
	make func(n int) string
}{
	{"unmatched emphasis", func(n int) string { return strings.Repeat("*a_ ", n/4) }},
	{"unclosed links", func(n int) string { return strings.Repeat("[a](", n/4) }},
	{"nested brackets", func(n int) string { return strings.Repeat("[", n/2) + "a" + strings.Repeat("]", n/2) }},
	{"nested quotes", func(n int) string { return strings.Repeat("> ", n/2) + "a" }},
	{"mixed", func(n int) string { return strings.Repeat("*a_ [b]( <!-- ", n/15) }},
}

// TestMarkdownDenseMarkupRefused: Markdown with a block of 64 KB of unmatched markup is refused
// before the parser sees it, with a message a person can act on, while an article of a thousand
// paragraphs with a link and emphasis in each, or one paragraph of a thousand links, is read.
func TestMarkdownDenseMarkupRefused(t *testing.T) {
	t.Parallel()
	for _, a := range markdownAdversaries {
		text := "Title\n\n" + a.make(64000)
		for name, parse := range map[string]func() error{
			"ParseMarkdownMarkup": func() error { _, err := ParseMarkdownMarkup(text, pipeline.English); return err },
			"Parse":               func() error { _, err := Parse(text, pipeline.FormatMarkdown, pipeline.English); return err },
		} {
			err := parse()
			if pipeline.ErrorCode(err) != pipeline.CodeInvalid || !strings.Contains(err.Error(), "markup cost") {
				t.Errorf("%s of %s: err = %v, want the markup refused", name, a.name, err)
			}
		}
	}
	var many, links strings.Builder
	many.WriteString("Title\n\n")
	links.WriteString("Title\n\n")
	for i := range 1000 {
		fmt.Fprintf(&many, "Paragraph %d has *emphasis* and [a link](https://example.org/%d) in it.\n\n", i, i)
		fmt.Fprintf(&links, "[Source %d](https://example.org/%d), ", i, i)
	}
	for _, text := range []string{many.String(), links.String()} {
		if _, err := ParseMarkdownMarkup(text, pipeline.English); err != nil {
			t.Errorf("an ordinary article is refused: %v", err)
		}
	}
}
