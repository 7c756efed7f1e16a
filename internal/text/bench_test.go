package text

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

// corpusParagraphs reads the paragraphs of the sentence evaluation corpus (both splits), each
// rebuilt from its one-sentence-per-line form, with its language.
func corpusParagraphs(tb testing.TB) (paras []string, langs []pipeline.Lang) {
	tb.Helper()
	files, err := filepath.Glob("../../testdata/eval/sentences/*/*.txt")
	if err != nil || len(files) == 0 {
		tb.Fatalf("no sentence corpus: %v", err)
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		// "ru-b.txt" holds Russian cases, as "ru.txt" does.
		name, _, _ := strings.Cut(strings.TrimSuffix(filepath.Base(f), ".txt"), "-")
		lang := pipeline.Lang(name)
		sep := " "
		if lang == pipeline.Chinese {
			sep = ""
		}
		for _, block := range strings.Split(string(raw), "\n\n") {
			var lines []string
			for _, l := range strings.Split(block, "\n") {
				if l != "" && !strings.HasPrefix(l, "#") {
					lines = append(lines, l)
				}
			}
			if len(lines) > 0 {
				paras = append(paras, strings.Join(lines, sep))
				langs = append(langs, lang)
			}
		}
	}
	return paras, langs
}

// BenchmarkSentences splits every paragraph of the evaluation corpus, in all four languages,
// and reports sentences per second.
func BenchmarkSentences(b *testing.B) {
	paras, langs := corpusParagraphs(b)
	size, segments := 0, 0
	for i, p := range paras {
		size += len(p)
		segments += len(Sentences(p, langs[i]))
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for i, p := range paras {
			Sentences(p, langs[i])
		}
	}
	b.ReportMetric(float64(segments)*float64(b.N)/b.Elapsed().Seconds(), "segments/s")
}
