package checks_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/checks"
	"github.com/tilmash/tilmash/internal/checks/internal/corpus"
	"github.com/tilmash/tilmash/pipeline"
)

// BenchmarkCheckSample runs all checks (spelling too when the dictionaries are installed) on a
// 60-segment edition per target language and reports segments per second.
func BenchmarkCheckSample(b *testing.B) {
	clean, _, terms := loadCorpus(b)
	sp := corpusSpeller(b)
	for _, l := range corpus.Targets {
		var units []pipeline.CheckUnit
		for _, u := range clean {
			if u.Lang == l && len(units) < 60 {
				units = append(units, toCU(u))
			}
		}
		opts := checks.Options{Terms: terms, Spell: sp, OtherTranslations: func(string) []string { return []string{"x"} }}
		b.Run(string(l), func(b *testing.B) {
			for b.Loop() {
				for _, u := range units {
					checks.Check(u, opts)
				}
			}
			b.ReportMetric(float64(b.N*len(units))/b.Elapsed().Seconds(), "segments/s")
		})
	}
}

// BenchmarkCheckAdversarial runs all checks, spelling with a dictionary that rejects the long
// words, on adversarial translations of 1,000, 10,000 and 100,000 bytes: one long word in
// Russian, Kazakh and English, many long words, a hyphenated chain, long prose, many numbers,
// quote pairs and links, and random text from many scripts. Time and bytes per operation should
// grow tenfold from one size to the next (MB/s and B/op per byte stay flat).
func BenchmarkCheckAdversarial(b *testing.B) {
	opts := checks.Options{Spell: smallDict, OtherTranslations: func(string) []string { return nil },
		Terms: []checks.Term{{Terms: map[pipeline.Lang]string{en: "Belt and Road", ru: "Пояс и путь"},
			Forbidden: map[pipeline.Lang][]string{ru: {"Пояс"}}}}}
	cases := append(adversarial[:len(adversarial):len(adversarial)], struct {
		name string
		lang pipeline.Lang
		make func(n int) string
	}{"long prose", ru, func(n int) string {
		return strings.Repeat("Казахстан и Китай расширяют сотрудничество в рамках инициативы «Пояс и путь» на 12,5%. ", n/150+1)
	}})
	for _, tc := range cases {
		for _, n := range []int{1000, 10000, 100000} {
			text := tc.make(n)
			u := pipeline.CheckUnit{SourceLang: en, TargetLang: tc.lang, Source: "A word about the Belt and Road, 1 000 words.", Target: text}
			b.Run(fmt.Sprintf("%s/%d", strings.ReplaceAll(tc.name, " ", "_"), n), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				b.ReportAllocs()
				for b.Loop() {
					checks.Check(u, opts)
				}
			})
		}
	}
}
