package repair

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

// corpusText joins the paragraphs of the evaluation corpora of one stage and language (both
// splits) into one article, without comments and join marks: for the repair stage the damaged
// text the evaluation repairs, for the sentence stage clean prose.
func corpusText(tb testing.TB, stage, lang string) string {
	tb.Helper()
	var paras []string
	for _, split := range []string{"tune", "heldout"} {
		files, err := filepath.Glob(filepath.Join("../../testdata/eval", stage, split, lang+"*.txt"))
		if err != nil || len(files) == 0 {
			tb.Fatalf("the %s corpora of %s are tracked in testdata/eval and must be there: %v", stage, lang, err)
		}
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				tb.Fatal(err)
			}
			for _, para := range strings.Split(string(data), "\n\n") {
				var lines []string
				for _, line := range strings.Split(para, "\n") {
					if line != "" && !strings.HasPrefix(line, "#") {
						lines = append(lines, strings.ReplaceAll(line, "|", ""))
					}
				}
				if len(lines) > 0 {
					paras = append(paras, strings.Join(lines, " "))
				}
			}
		}
	}
	return strings.Join(paras, "\n\n")
}

// BenchmarkRepair repairs the sample article, as pasted from a PDF, and the evaluation corpora
// of each language taken as one article each: the damaged paragraphs of the repair stage and the
// clean prose of the sentence stage.
func BenchmarkRepair(b *testing.B) {
	r := repairer(b)
	sample, err := os.ReadFile("../../samples/party-cooperation-china-central-asia.txt")
	if err != nil {
		b.Fatalf("the sample article is tracked in samples/ and must be there: %v", err)
	}
	cases := []struct {
		name string
		lang pipeline.Lang
		text string
	}{{"sample", pipeline.English, string(sample)}}
	for _, stage := range []string{"repair", "sentences"} {
		for _, lang := range []pipeline.Lang{pipeline.English, pipeline.Russian, pipeline.Kazakh} {
			cases = append(cases, struct {
				name string
				lang pipeline.Lang
				text string
			}{stage + "-" + string(lang), lang, corpusText(b, stage, string(lang))})
		}
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(tc.text)))
			b.ReportAllocs()
			for b.Loop() {
				r.Repair(tc.text, tc.lang)
			}
		})
	}
}
