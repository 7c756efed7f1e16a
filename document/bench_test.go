package document

import (
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

// BenchmarkSentencesDotted checks that text full of dots that end no sentence (initials,
// abbreviations) is split in linear time.
func BenchmarkSentencesDotted(b *testing.B) {
	text := strings.Repeat("J. R. R. Dr. Mr. e.g. ", 2000)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Sentences(text, pipeline.English)
	}
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
