package qa_test

import (
	"testing"

	"github.com/tilmash/tilmash/pipeline"
	"github.com/tilmash/tilmash/qa"
	"github.com/tilmash/tilmash/qa/internal/corpus"
)

// BenchmarkCheckSample runs all checks (spelling too when the dictionaries are installed) on a
// 60-segment edition per target language and reports segments per second.
func BenchmarkCheckSample(b *testing.B) {
	clean, _, terms := loadCorpus(b)
	sp := corpusSpeller()
	for _, l := range corpus.Targets {
		var units []pipeline.CheckUnit
		for _, u := range clean {
			if u.Lang == l && len(units) < 60 {
				units = append(units, toCU(u))
			}
		}
		opts := qa.Options{Terms: terms, Spell: sp, OtherTranslations: func(string) []string { return []string{"x"} }}
		b.Run(string(l), func(b *testing.B) {
			for b.Loop() {
				for _, u := range units {
					qa.Check(u, opts)
				}
			}
			b.ReportMetric(float64(b.N*len(units))/b.Elapsed().Seconds(), "segments/s")
		})
	}
}
