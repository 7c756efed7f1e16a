package eval

import (
	"io/fs"
	"path"
	"strings"

	"github.com/tilmash/tilmash/pipeline"
)

// ProseClass is the class of the repair cases made by ProseCases.
const ProseClass = "clean-articles"

// ProseCases makes repair cases of whole articles in which nothing is damaged: the text of the
// hand-written articles of the structure corpus of a split (the blocks of their gold, a
// paragraph each), which were written after real sites and editors and were never read by the
// rules of the repair. Every space the repair inserts there is a false positive: the share of
// an editor's review list spent on correct words (names, compounds, inflected forms) that the
// hand-written clean classes, a paragraph each, measure on words chosen to be hard. A whole
// article is one case, so that the repair sees the article's vocabulary as it does on import.
// Blocks holding JoinMark are left out.
func ProseCases(root fs.FS, split string) ([]Case, error) {
	articles, err := (&structureStage{}).LoadCases(root, split)
	if err != nil {
		return nil, err
	}
	var out []Case
	for _, a := range articles {
		// One case per article: the structure stage lists each under several classes.
		if a.Class != "chrome" || !handWritten(a.File) || a.Lang == pipeline.Chinese {
			continue
		}
		var blocks []string
		for _, line := range a.Lines[1:] {
			_, text, ok := strings.Cut(line, "\t")
			if ok && text != "" && !strings.Contains(text, JoinMark) {
				blocks = append(blocks, text)
			}
		}
		if len(blocks) == 0 {
			continue
		}
		out = append(out, Case{Stage: "repair", Split: split, Lang: a.Lang, Class: ProseClass,
			File: strings.TrimSuffix(a.File, path.Ext(a.File)) + ".gold", Line: 1, Lines: []string{strings.Join(blocks, "\n\n")}})
	}
	return out, nil
}
