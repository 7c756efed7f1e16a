package ingest

import (
	"os"
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

// BenchmarkPrepare measures one ingest of each fixture with the loaded repairer: reading the
// format, repairing, parsing and segmenting.
func BenchmarkPrepare(b *testing.B) {
	p, err := loaded()
	if err != nil {
		b.Fatal(err)
	}
	for _, f := range []string{"../../samples/party-cooperation-china-central-asia.txt",
		"../document/testdata/article-page.html", "../document/testdata/article.docx"} {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(f[len(f)-4:], func(b *testing.B) {
			for b.Loop() {
				if _, err := p.Prepare(pipeline.IngestRequest{Text: string(data), SourceLang: pipeline.English}, 0); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
