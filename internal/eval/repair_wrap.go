package eval

import (
	"hash/fnv"
	"io/fs"
	"math/rand/v2"
	"strings"
	"unicode/utf8"

	"github.com/tilmash/tilmash/pipeline"
)

// WrapClass is the class of the repair cases made by WrapCases.
const WrapClass = "line-wrap"

// WrapCases makes repair cases of the commonest damage of all from the sentence corpus of a
// split: each paragraph set in lines of 55 to 95 columns, as a PDF sets it, and copied with
// every line break lost, so that the last word of each line runs into the first of the next.
// The joins fall wherever the line ends, on any pair of words the prose holds, so these cases
// measure the repair on joins nobody chose; the hand-written sets measure the shapes the issue
// names. The width of each paragraph comes from a hash of its text, so the cases are the same on
// every run, and a case stays in the split of the paragraph it was made from. Chinese, which
// has no spaces to lose, is left out.
func WrapCases(root fs.FS, split string) ([]Case, error) {
	src, err := LoadCases(root, "sentences", split)
	if err != nil {
		return nil, err
	}
	var out []Case
	for _, c := range src {
		if c.Lang == pipeline.Chinese {
			continue
		}
		para, _ := JoinSentences(c.Lines, c.Lang)
		marked, joins := wrapJoined(para)
		if joins == 0 {
			continue
		}
		out = append(out, Case{Stage: "repair", Split: split, Lang: c.Lang, Class: WrapClass,
			File: c.File, Line: c.Line, Lines: []string{marked}})
	}
	return out, nil
}

// wrapJoined sets para in lines of a width between 55 and 95 columns and writes JoinMark at
// every line break, where the copy lost the space. It returns the marked text and the number of
// breaks.
func wrapJoined(para string) (string, int) {
	h := fnv.New64a()
	h.Write([]byte(para))
	seed := h.Sum64()
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	width := 55 + rng.IntN(41)
	var b strings.Builder
	col, joins := 0, 0
	for i, w := range strings.Fields(para) {
		n := utf8.RuneCountInString(w)
		switch {
		case i == 0:
		case col+1+n > width:
			b.WriteString(JoinMark)
			joins++
			col = 0
		default:
			b.WriteByte(' ')
			col++
		}
		b.WriteString(w)
		col += n
	}
	return b.String(), joins
}
