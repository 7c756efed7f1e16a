package text

import (
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

// FuzzSentences checks that any text, in any language, splits without a panic into trimmed
// sentences that give the text back, and that CountSentences agrees.
func FuzzSentences(f *testing.F) {
	for _, s := range []string{"В 2023 г. Казахстан вырос. Это было в 2023 г. Россия тоже.",
		"“为什么？”他问道。《谁？》很好。1.加强；2.开放。", "Dr. J. R. R. Tolkien, U.S. The end… a. b. 1. (2).",
		"2023 ж. 5 маусымда. XIX ғ. Б.з.д. V ғ. Сақтар.", "。（2）“OK.”然后", ". . . ? ! … ” » 》"} {
		f.Add(s, 0)
	}
	f.Fuzz(func(t *testing.T, s string, l int) {
		lang := pipeline.Languages[(l%4+4)%4]
		got := Sentences(s, lang)
		// Chinese runs without spaces may be split in any language, so the text is compared
		// without its spaces.
		assertSentencesKeepText(t, s, pipeline.Chinese, got)
		if n := CountSentences(s, lang); n != len(got) {
			t.Errorf("CountSentences = %d, Sentences gave %d", n, len(got))
		}
	})
}
