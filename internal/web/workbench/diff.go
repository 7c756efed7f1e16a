package workbench

import "github.com/tilmash/tilmash/pipeline"

// diffPart is a run of text in a compared source: the same in both ("" Op), only in the older
// text ("del"), or only in the current one ("ins").
type diffPart struct {
	Op   string
	Text string
}

// wordDiff compares an older source (a memory match's, or the previous revision's) with the
// current one word by word, and character by character in Chinese, so that the translator sees
// what changed.
func wordDiff(old, cur string) []diffPart {
	ops := pipeline.WordDiff(old, cur)
	out := make([]diffPart, len(ops))
	for i, op := range ops {
		out[i].Text = op.Text
		switch op.Kind {
		case pipeline.DiffDelete:
			out[i].Op = "del"
		case pipeline.DiffInsert:
			out[i].Op = "ins"
		}
	}
	return out
}
