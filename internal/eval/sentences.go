package eval

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/text"
	"github.com/tilmash/tilmash/pipeline"
)

func init() { Register(sentenceStage{}) }

// sentenceStage measures text.Sentences. A case is a paragraph written one gold sentence per
// line; the paragraph given to the splitter is its lines joined by a space, or by nothing
// between two Chinese sentences. A positive is a boundary between two sentences.
type sentenceStage struct{}

func (sentenceStage) Name() string           { return "sentences" }
func (sentenceStage) Goal() Goal             { return Goal{Exact: 0.95, Precision: 0.98, Recall: 0.98} }
func (sentenceStage) Prepare() error         { return nil }
func (sentenceStage) Langs() []pipeline.Lang { return pipeline.Languages }

func (sentenceStage) Score(c Case) (Tally, string, error) {
	para, gold := JoinSentences(c.Lines, c.Lang)
	got := text.Sentences(para, c.Lang)
	found, err := sentenceStarts(para, got)
	if err != nil {
		return Tally{}, "", err
	}
	t := compareSets(gold, found)
	t.Cases = 1
	if t.FP == 0 && t.FN == 0 {
		t.Exact = 1
		return t, "", nil
	}
	return t, "got " + strings.Join(quoteAll(got), " | "), nil
}

// JoinSentences writes gold sentences as the paragraph they came from and returns the byte
// offsets where the second and later sentences start. Chinese sentences follow each other
// without a space unless both sides of the join are Latin (a quoted English sentence).
func JoinSentences(lines []string, lang pipeline.Lang) (string, []int) {
	var b strings.Builder
	starts := make([]int, 0, len(lines))
	for i, l := range lines {
		if i > 0 {
			prev, _ := utf8.DecodeLastRuneInString(lines[i-1])
			next, _ := utf8.DecodeRuneInString(l)
			if lang != pipeline.Chinese || !wide(prev) && !wide(next) {
				b.WriteByte(' ')
			}
			starts = append(starts, b.Len())
		}
		b.WriteString(l)
	}
	return b.String(), starts
}

// wide reports Chinese characters and full-width punctuation, which need no space after them.
func wide(r rune) bool {
	return r >= 0x2E80 || unicode.Is(unicode.Han, r)
}

// sentenceStarts finds each sentence in para, in order, and returns where the second and later
// ones start.
func sentenceStarts(para string, sentences []string) ([]int, error) {
	var out []int
	pos := 0
	for i, s := range sentences {
		at := strings.Index(para[pos:], s)
		if at < 0 {
			return nil, fmt.Errorf("sentence %q is not in the paragraph", s)
		}
		if i > 0 {
			out = append(out, pos+at)
		}
		pos += at + len(s)
	}
	return out, nil
}

// compareSets counts the offsets of found against those of gold.
func compareSets(gold, found []int) Tally {
	want := make(map[int]bool, len(gold))
	for _, g := range gold {
		want[g] = true
	}
	var t Tally
	for _, f := range found {
		if want[f] {
			t.TP++
			delete(want, f)
		} else {
			t.FP++
		}
	}
	t.FN = len(want)
	return t
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}
