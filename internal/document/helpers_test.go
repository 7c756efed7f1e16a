package document

import (
	"os"
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

const samplePath = "../../samples/party-cooperation-china-central-asia.txt"

// readSample returns the sample article, a real copy from a web page.
func readSample(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile(samplePath)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

func parseSample(tb testing.TB) pipeline.Document {
	tb.Helper()
	doc, err := Parse(readSample(tb), pipeline.FormatText, pipeline.English)
	if err != nil {
		tb.Fatal(err)
	}
	return doc
}
