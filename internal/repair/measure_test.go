package repair

import (
	"math/rand/v2"
	"os"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tilmash/tilmash/pipeline"
)

// damage re-wraps every paragraph of text at 70 to 90 columns and drops the space at some line
// breaks, as copying from a PDF does. It returns the damaged text and the byte offsets where a
// space was lost. The seed makes the damage the same on every run.
func damage(text string, seed uint64, dropRate float64) (string, map[int]bool) {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	var b strings.Builder
	joins := map[int]bool{}
	for _, para := range strings.Split(text, "\n\n") {
		words := strings.Fields(para)
		if len(words) == 0 {
			continue
		}
		width := 70 + rng.IntN(21)
		col := 0
		for i, w := range words {
			n := utf8.RuneCountInString(w)
			switch {
			case i == 0:
			case col+1+n > width:
				if rng.Float64() < dropRate {
					joins[b.Len()] = true
				} else {
					b.WriteByte('\n')
				}
				col = 0
			default:
				b.WriteByte(' ')
				col++
			}
			b.WriteString(w)
			col += n
		}
		b.WriteString("\n\n")
	}
	return b.String(), joins
}

// joinRules are the rules that put back a lost space.
var joinRuleNames = setOf("split", "split-case", "split-apostrophe", "split-number", "quote-space", "punct-space")

// insertedSpaces lists the input offsets where the join rules of res inserted a space.
func insertedSpaces(res Result) []int {
	var out []int
	for _, c := range res.Changes {
		join := false
		for _, r := range strings.Split(c.Rule, "+") {
			join = join || joinRuleNames[r]
		}
		if !join {
			continue
		}
		out = append(out, c.InsertedSpaces()...)
	}
	sort.Ints(out)
	return out
}

type score struct{ joins, inserted, right int }

func (s score) recall() float64    { return float64(s.right) / float64(max(s.joins, 1)) }
func (s score) precision() float64 { return float64(s.right) / float64(max(s.inserted, 1)) }

// measure damages each file, repairs it and scores the inserted spaces against the lost ones.
// Every inserted space that is not a lost one counts against precision, whatever caused it.
func measure(t *testing.T, lang pipeline.Lang, files []string, seeds int) score {
	t.Helper()
	r := repairer(t)
	var s score
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for seed := range uint64(seeds) {
			text, joins := damage(string(raw), seed+1, 0.35)
			res := r.Repair(text, lang)
			s.joins += len(joins)
			got := insertedSpaces(res)
			s.inserted += len(got)
			for _, at := range got {
				if joins[at] {
					s.right++
					delete(joins, at)
				} else {
					t.Logf("%s seed %d: false split at %q", f, seed+1, context(text, at))
				}
			}
			for at := range joins {
				t.Logf("%s seed %d: missed join %q", f, seed+1, context(text, at))
			}
		}
	}
	return s
}

func context(text string, at int) string {
	s := strings.LastIndexAny(text[:at], " \n")
	e := strings.IndexAny(text[at:], " \n")
	if e < 0 {
		e = len(text) - at
	}
	return text[s+1 : at+e]
}

// TestRepairMeasure reports recall (lost spaces put back) and precision (inserted spaces that
// were right) on English and Russian prose damaged like a PDF copy. English must reach 0.95 and
// 0.99; Russian is reported.
func TestRepairMeasure(t *testing.T) {
	t.Parallel()
	en := measure(t, pipeline.English, []string{"testdata/analysis-en.txt", "testdata/gpl-3.txt"}, 4)
	t.Logf("English: %d joins, %d spaces inserted, %d right: recall %.3f, precision %.3f",
		en.joins, en.inserted, en.right, en.recall(), en.precision())
	ru := measure(t, pipeline.Russian, []string{"testdata/analysis-ru.txt"}, 8)
	t.Logf("Russian: %d joins, %d spaces inserted, %d right: recall %.3f, precision %.3f",
		ru.joins, ru.inserted, ru.right, ru.recall(), ru.precision())
	if en.recall() < 0.95 || en.precision() < 0.99 {
		t.Errorf("English below target: recall %.3f (want ≥ 0.95), precision %.3f (want ≥ 0.99)",
			en.recall(), en.precision())
	}
}

// TestCleanTextUntouched repairs correct prose: not one space may be inserted into it.
func TestCleanTextUntouched(t *testing.T) {
	t.Parallel()
	r := repairer(t)
	for _, tc := range []struct {
		file string
		lang pipeline.Lang
	}{
		{"testdata/analysis-en.txt", pipeline.English},
		{"testdata/gpl-3.txt", pipeline.English},
		{"testdata/analysis-ru.txt", pipeline.Russian},
		{"testdata/analysis-kk.txt", pipeline.Kazakh},
	} {
		raw, err := os.ReadFile(tc.file)
		if err != nil {
			t.Fatal(err)
		}
		res := r.Repair(string(raw), tc.lang)
		for _, c := range res.Changes {
			if strings.Contains(c.Rule, "split") || strings.Contains(c.Rule, "-space") {
				t.Errorf("%s: false repair %q → %q (%s)", tc.file, c.Before, c.After, c.Rule)
			}
		}
		for _, q := range res.Questions {
			t.Logf("%s: question %q %v: %s", tc.file, q.Token, q.Candidates, q.Reason)
		}
		t.Logf("%s: %d changes (typography), %d questions", tc.file, len(res.Changes), len(res.Questions))
	}
}
