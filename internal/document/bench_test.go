package document

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

// BenchmarkSegmentsSample measures the whole path for the sample article: parsing and sentence
// segmentation. It reports segments per second.
func BenchmarkSegmentsSample(b *testing.B) {
	text := readSample(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	segments := 0
	for b.Loop() {
		doc, err := Parse(text, pipeline.FormatText, pipeline.English)
		if err != nil {
			b.Fatal(err)
		}
		segments += len(Segments(doc, pipeline.English))
	}
	b.ReportMetric(float64(segments)/b.Elapsed().Seconds(), "segments/s")
}

// BenchmarkParseLongWrappedParagraph checks that joining thousands of wrapped lines is linear.
func BenchmarkParseLongWrappedParagraph(b *testing.B) {
	text := "Title\n\n" + strings.Repeat("the quick brown fox jumps over the lazy dog and keeps running on\n", 5000)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := Parse(text, pipeline.FormatText, pipeline.English); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMarkupSegmentsManySentences checks that a paragraph of many sentences, each with
// emphasis, is cut into segments in linear time: every sentence once looked at every element of
// the paragraph, and every carried element at every close (4,000 sentences took 19 seconds). The
// largest paragraph has 8,000 marks, within what the Markdown reader accepts.
func BenchmarkMarkupSegmentsManySentences(b *testing.B) {
	for _, n := range []int{100, 1000, 4000} {
		var sb strings.Builder
		sb.WriteString("Title\n\n")
		for i := range n {
			fmt.Fprintf(&sb, "Sentence *number %d* stands out here. ", i)
		}
		text := sb.String()
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				doc, err := ParseMarkdownMarkup(text, pipeline.English)
				if err != nil {
					b.Fatal(err)
				}
				if segs := MarkupSegments(doc, pipeline.English); len(segs) != n+1 {
					b.Fatalf("%d segments, want %d", len(segs), n+1)
				}
			}
		})
	}
}

// BenchmarkMarkdownAdversarial reads Markdown whose markup would make the parser slow, at 16 KB,
// 64 KB and 256 KB: past the first size it is refused after one linear pass, and before that the
// parser's work is bounded (see maxMarkdownCost).
func BenchmarkMarkdownAdversarial(b *testing.B) {
	for _, a := range markdownAdversaries {
		for _, n := range []int{16000, 64000, 256000} {
			text := "Title\n\n" + a.make(n)
			b.Run(strings.ReplaceAll(a.name, " ", "_")+"/"+strconv.Itoa(n), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				b.ReportAllocs()
				for b.Loop() {
					ParseMarkdownMarkup(text, pipeline.English) // refused or read, both fine
				}
			})
		}
	}
}

// BenchmarkHTMLBlockUnclosed reads HTML blocks full of constructs that never close (comments,
// quoted attributes, processing instructions): each end is looked for once, not once per "<".
func BenchmarkHTMLBlockUnclosed(b *testing.B) {
	for _, unit := range []string{"<!-- a ", "<b a='x ", "<? a ", "<![CDATA[ a "} {
		for _, n := range []int{16000, 256000} {
			text := "Title\n\n<div>\n" + strings.Repeat(unit, n/len(unit)) + "\n</div>\n"
			b.Run(fmt.Sprintf("%q/%d", unit, n), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				for b.Loop() {
					htmlText(text)
				}
			})
		}
	}
}
