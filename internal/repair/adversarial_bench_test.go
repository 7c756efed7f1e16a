package repair

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

// BenchmarkRepairAdversarial repairs texts of 50 KB and 400 KB made to be slow: long lines of
// no-break spaces and spaced hyphens (each once looked back to its line's start), many small
// changes (each once mapped through every earlier change), one repeated unknown Russian word and
// random unknown words (each searched for splits through the dictionary). Time per byte should
// not grow with the size.
func BenchmarkRepairAdversarial(b *testing.B) {
	r := repairer(b)
	random := func(n int, alphabet string) string {
		rng := rand.New(rand.NewPCG(1, uint64(n)))
		letters := []rune(alphabet)
		var sb strings.Builder
		for sb.Len() < n {
			for range 40 {
				sb.WriteRune(letters[rng.IntN(len(letters))])
			}
			sb.WriteByte(' ')
		}
		return sb.String()
	}
	cases := []struct {
		name string
		lang pipeline.Lang
		make func(n int) string
	}{
		{"no-break spaces", pipeline.English, func(n int) string { return strings.Repeat("a  \u00a0 b ", n/8) }},
		{"spaced hyphens", pipeline.English, func(n int) string { return strings.Repeat("a - b ", n/6) }},
		{"many changes", pipeline.English, func(n int) string { return strings.Repeat("a,b \u00a0c - d ", n/14) }},
		{"repeated unknown word", pipeline.Russian, func(n int) string { return strings.Repeat("сотрудничествовобласти ", n/45) }},
		{"random Russian words", pipeline.Russian, func(n int) string {
			return random(n, "абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
		}},
		{"random Kazakh words", pipeline.Kazakh, func(n int) string {
			return random(n, "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя")
		}},
		{"random English words", pipeline.English, func(n int) string { return random(n, "abcdefghijklmnopqrstuvwxyz") }},
	}
	for _, tc := range cases {
		for _, n := range []int{50000, 400000} {
			text := tc.make(n)
			b.Run(strings.ReplaceAll(tc.name, " ", "_")+"/"+strconv.Itoa(n), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				b.ReportAllocs()
				for b.Loop() {
					r.Repair(text, tc.lang)
				}
			})
		}
	}
}
