package pipeline_test

import (
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/ingest"
	"github.com/tilmash/tilmash/pipeline"
)

// editor applies random edits to an article's paragraphs, as authors revise a published text,
// and remembers the sentences it fixed a word in, to check that they pair with their old selves.
type editor struct {
	rng   *rand.Rand
	paras []string
	fixes map[string]string // new sentence → old sentence, for one-word fixes
}

var newWords = strings.Fields(`regional partnership dialogue summit delegation programme infrastructure
	investment logistics energy corridor governance modernization stability exchange institutions`)

func (e *editor) sentence() string {
	n := 6 + e.rng.IntN(10)
	w := make([]string, n)
	for i := range w {
		w[i] = newWords[e.rng.IntN(len(newWords))]
	}
	w[0] = strings.ToUpper(w[0][:1]) + w[0][1:]
	return strings.Join(w, " ") + "."
}

// long picks a paragraph with some prose in it, or -1.
func (e *editor) long() int {
	for range 20 {
		if p := e.rng.IntN(len(e.paras)); len(e.paras[p]) > 120 {
			return p
		}
	}
	return -1
}

func (e *editor) edit() string {
	p := e.rng.IntN(len(e.paras))
	switch op := e.rng.IntN(9); op {
	case 0: // insert a paragraph
		e.paras = slices.Insert(e.paras, p, e.sentence()+" "+e.sentence())
		return "insert"
	case 1: // delete a paragraph
		e.paras = slices.Delete(e.paras, p, p+1)
		return "delete"
	case 2: // move a paragraph
		para := e.paras[p]
		e.paras = slices.Delete(e.paras, p, p+1)
		e.paras = slices.Insert(e.paras, e.rng.IntN(len(e.paras)+1), para)
		return "move"
	case 3: // split a paragraph between two sentences
		if i := strings.Index(e.paras[p], ". "); i > 0 {
			e.paras = slices.Insert(e.paras, p+1, e.paras[p][i+2:])
			e.paras[p] = e.paras[p][:i+1]
		}
		return "split paragraph"
	case 4: // merge two paragraphs
		if p+1 < len(e.paras) {
			e.paras[p] += " " + e.paras[p+1]
			e.paras = slices.Delete(e.paras, p+1, p+2)
		}
		return "merge paragraphs"
	case 5: // split a sentence at a comma
		if q := e.long(); q >= 0 {
			if i := strings.Index(e.paras[q], ", "); i > 0 && i+3 < len(e.paras[q]) {
				rest := []rune(e.paras[q][i+2:])
				rest[0] = unicode.ToUpper(rest[0])
				e.paras[q] = e.paras[q][:i] + ". " + string(rest)
			}
		}
		return "split sentence"
	case 6: // merge two sentences
		if q := e.long(); q >= 0 {
			if i := strings.Index(e.paras[q], ". "); i > 0 && i+3 < len(e.paras[q]) {
				rest := []rune(e.paras[q][i+2:])
				rest[0] = unicode.ToLower(rest[0])
				e.paras[q] = e.paras[q][:i] + ", and " + string(rest)
			}
		}
		return "merge sentences"
	case 7: // rewrite: a paragraph's last sentence replaced
		if i := strings.LastIndex(strings.TrimSuffix(e.paras[p], "."), ". "); i > 0 {
			e.paras[p] = e.paras[p][:i+2] + e.sentence()
		} else {
			e.paras[p] = e.sentence()
		}
		return "rewrite"
	default: // fix one word of a sentence
		q := e.long()
		if q < 0 {
			return "fix"
		}
		before := document.Sentences(e.paras[q], pipeline.English)
		words := strings.Fields(e.paras[q])
		w := e.rng.IntN(len(words))
		if len(words[w]) < 4 || !unicode.IsLetter(rune(words[w][0])) {
			return "fix"
		}
		words[w] = strings.ToUpper(words[w][:1]) + words[w][1:] + "s"
		e.paras[q] = strings.Join(words, " ")
		after := document.Sentences(e.paras[q], pipeline.English)
		if len(before) == len(after) {
			for k := range before {
				if before[k] != after[k] && len(strings.Fields(after[k])) >= 8 {
					e.fixes[pipeline.AlignKey(after[k])] = pipeline.AlignKey(before[k])
				}
			}
		}
		return "fix"
	}
}

func (e *editor) text() string { return strings.Join(e.paras, "\n\n") }

func sampleParagraphs(t testing.TB) []string {
	t.Helper()
	b, err := os.ReadFile("../samples/party-cooperation-china-central-asia.txt")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(line) != "" {
			out = append(out, strings.TrimSpace(line))
		}
	}
	return out
}

func prepare(t testing.TB, text string) []pipeline.Segment {
	t.Helper()
	in, err := ingest.Prepare(pipeline.IngestRequest{Text: text, Format: pipeline.FormatText, SourceLang: pipeline.English}, 0)
	if err != nil {
		t.Fatal(err)
	}
	return in.Segments
}

// TestAlignRandomEdits revises the sample article three hundred times with random edit scripts
// (insert, delete, move, split and merge paragraphs and sentences, rewrite and fix words) and
// checks after each revision that every unchanged sentence keeps its translation and every other
// one is flagged, and that fixed sentences pair with their old selves.
func TestAlignRandomEdits(t *testing.T) {
	t.Parallel()
	sample := sampleParagraphs(t)
	e := &editor{rng: rand.New(rand.NewPCG(2026, 11)), paras: slices.Clone(sample)}
	old := prepare(t, e.text())
	fixes, paired := 0, 0
	for script := range 300 {
		if len(e.paras) < 8 {
			e.paras = slices.Clone(sample)
		}
		e.fixes = map[string]string{}
		var ops []string
		for range 1 + e.rng.IntN(4) {
			ops = append(ops, e.edit())
		}
		new := prepare(t, e.text())
		a := pipeline.Align(old, new)
		if err := checkAlignment(old, new, a); err != nil {
			t.Fatalf("script %d (%v): %v", script, ops, err)
		}
		// A fixed sentence pairs with its old self, when both are there once.
		for _, p := range a.Pairs {
			if p.New < 0 {
				continue
			}
			want, ok := e.fixes[pipeline.AlignKey(new[p.New].Text)]
			if !ok || count(old, want) != 1 || count(new, pipeline.AlignKey(new[p.New].Text)) != 1 {
				continue
			}
			fixes++
			if p.Kind == pipeline.AlignChanged && pipeline.AlignKey(old[p.Old].Text) == want {
				paired++
			} else {
				t.Logf("script %d (%v): fixed sentence %q is %s", script, ops, new[p.New].Text, p.Kind)
			}
		}
		old = new
	}
	if fixes < 50 || paired < fixes*95/100 {
		t.Errorf("%d of %d fixed sentences paired with their old selves, want 95%%", paired, fixes)
	}
	t.Logf("%d of %d fixed sentences paired with their old selves", paired, fixes)
}

func count(segs []pipeline.Segment, key string) int {
	n := 0
	for _, s := range segs {
		if pipeline.AlignKey(s.Text) == key {
			n++
		}
	}
	return n
}

func BenchmarkAlignSample(b *testing.B) {
	paras := sampleParagraphs(b)
	old := prepare(b, strings.Join(paras, "\n\n"))
	e := &editor{rng: rand.New(rand.NewPCG(1, 2)), paras: slices.Clone(paras), fixes: map[string]string{}}
	for range 5 {
		e.edit()
	}
	new := prepare(b, e.text())
	for b.Loop() {
		pipeline.Align(old, new)
	}
	b.ReportMetric(float64(len(old)), "segments")
}
