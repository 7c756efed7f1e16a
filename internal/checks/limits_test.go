package checks_test

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/checks"
	"github.com/tilmash/tilmash/pipeline"
)

// wordList is a Speller that knows a fixed list of words (in lower case) and rejects the rest,
// the way a dictionary rejects a long made-up word.
type wordList map[string]bool

func (l wordList) Misspelled(w string, _ pipeline.Lang) bool { return !l[strings.ToLower(w)] }

var smallDict = wordList{"слово": true, "здесь": true, "сөз": true, "осында": true, "the": true, "word": true, "here": true}

// adversarial texts for the check stage, each made of n repetitions of its unit, with the target
// language they are checked in.
var adversarial = []struct {
	name string
	lang pipeline.Lang
	make func(n int) string
}{
	{"one Russian word", ru, func(n int) string { return "Слово " + strings.Repeat("б", n) + " здесь." }},
	{"one Kazakh word", kk, func(n int) string { return "Сөз " + strings.Repeat("ә", n) + " осында." }},
	{"one English word", en, func(n int) string { return "The word " + strings.Repeat("b", n) + " here." }},
	{"long words", ru, func(n int) string { return strings.Repeat("слово"+strings.Repeat("ж", 45)+" ", n/50+1) }},
	{"hyphen chain", ru, func(n int) string { return strings.Repeat("абвгдежзиклмн-", n/14+1) + "слово" }},
	{"low quote pairs", ru, func(n int) string { return strings.Repeat("„а“ ", n/4+1) }},
	{"full stops after Chinese", zh, func(n int) string { return "中国" + strings.Repeat(" .", n/2+1) }},
	{"thousands groups", en, func(n int) string { return "It cost 1" + strings.Repeat(",000", n/4+1) + " tenge." }},
	{"numbers", ru, func(n int) string {
		var b strings.Builder
		for i := 0; b.Len() < n; i++ {
			fmt.Fprintf(&b, "%d; ", i)
		}
		return b.String()
	}},
	{"links", ru, func(n int) string { return strings.Repeat("[а](https://a.kz/x) ", n/20+1) }},
	{"random Unicode", ru, randomText},
}

// randomText is n bytes or so of letters, marks, digits and punctuation from many scripts.
func randomText(n int) string {
	r := rand.New(rand.NewPCG(1, uint64(n)))
	ranges := [][2]rune{{'a', 'z'}, {'а', 'я'}, {'ә', 'ә'}, {'一', '龥'}, {'0', '9'}, {' ', '/'}, {'«', '»'},
		{'\u0300', '\u036f'}, {'ぁ', 'ゖ'}, {'Ա', 'Ֆ'}, {'„', '„'}, {'“', '”'}, {'-', '-'}}
	var b strings.Builder
	for b.Len() < n {
		rg := ranges[r.IntN(len(ranges))]
		b.WriteRune(rg[0] + r.Int32N(rg[1]-rg[0]+1))
	}
	return b.String()
}

// bytesAllocated returns the bytes f allocates.
func bytesAllocated(f func()) float64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return float64(after.TotalAlloc - before.TotalAlloc)
}

// TestCheckMemoryLinear holds the check stage to memory that grows in proportion to its input:
// for each adversarial text, at 1,000 and 8,000 bytes, all checks (spelling with a dictionary
// that rejects the long words) allocate at most a fixed multiple of the input, and eight times
// the input costs at most about eight times the memory. A 500-letter word once cost hundreds of
// megabytes: every one-edit variant of it was built and looked up. Bytes are counted, not time,
// so the test says the same on any machine. It runs alone (not in parallel) so that other tests'
// allocations are not counted.
func TestCheckMemoryLinear(t *testing.T) {
	if raceDetector {
		t.Skip("allocation counts mean nothing under -race (sync.Pool drops at random); make test runs this test again without it")
	}
	const small, large, perByte = 1000, 8000, 1024
	opts := checks.Options{Spell: smallDict, OtherTranslations: func(string) []string { return nil },
		Terms: []checks.Term{{Terms: map[pipeline.Lang]string{en: "Belt and Road", ru: "Пояс и путь"},
			Forbidden: map[pipeline.Lang][]string{ru: {"Пояс"}}}}}
	unit := func(lang pipeline.Lang, text string) pipeline.CheckUnit {
		return pipeline.CheckUnit{SourceLang: en, TargetLang: lang, Source: "A word about the Belt and Road, 1 000 words.", Target: text}
	}
	for _, l := range []pipeline.Lang{en, ru, kk, zh} {
		checks.Check(unit(l, "Слово 1."), opts) // tables built on first use are not the text's cost
	}
	for _, tc := range adversarial {
		// Lazy tables of the checks this text reaches (a pattern compiled on first use) are a
		// one-time cost, not the text's.
		checks.Check(unit(tc.lang, tc.make(small)), opts)
		cost := func(n int) (float64, int, bool) {
			text := tc.make(n)
			b := bytesAllocated(func() { checks.Check(unit(tc.lang, text), opts) })
			if b > perByte*float64(len(text)) {
				t.Errorf("%s: %d bytes of text allocate %.0f bytes (%.0f per byte); want at most %d per byte",
					tc.name, len(text), b, b/float64(len(text)), perByte)
				return b, len(text), false
			}
			return b, len(text), true
		}
		s, sn, ok := cost(small)
		if !ok {
			continue // the larger text would only take longer to say the same
		}
		l, ln, ok := cost(large)
		t.Logf("%-24s %6d B → %9.0f B allocated; %6d B → %9.0f B", tc.name, sn, s, ln, l)
		if growth := l / max(s, 1); ok && growth > 1.5*float64(ln)/float64(sn) && l > 1<<20 {
			t.Errorf("%s: 8 times the text allocates %.1f times the memory (%.0f → %.0f bytes); want linear growth", tc.name, growth, s, l)
		}
	}
}

// TestSpellingLongWordQuiet: a token longer than any word is not reported and not looked up,
// nor are variants of it; a typo beside it still is.
func TestSpellingLongWordQuiet(t *testing.T) {
	t.Parallel()
	var long []string
	sp := spellerFunc(func(w string) bool {
		if len([]rune(w)) > 40 {
			long = append(long, w)
		}
		return w != "благодаря" && w != "слово" && w != "здесь"
	})
	got := findIDs(checks.CheckSpelling, "A word.", "Слово "+strings.Repeat("б", 41)+" здесь благодоря.", en, ru, checks.Options{Spell: sp})
	if len(got) != 1 || got[0] != "check.spelling.unknown" {
		t.Errorf("findings %v, want one for благодоря and none for the 41-letter token", got)
	}
	if len(long) > 0 {
		t.Errorf("%d dictionary lookups of words longer than 40 letters; want none", len(long))
	}
}

type spellerFunc func(string) bool

func (f spellerFunc) Misspelled(w string, _ pipeline.Lang) bool { return f(w) }
