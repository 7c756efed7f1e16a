package document

import (
	"sort"

	"github.com/tilmash/tilmash/pipeline"
)

// RepairDiff lays the repaired text out for the editor's highlighted view: the text as it now
// reads (original with the changes that are not undone applied), cut into runs that are
// unchanged and runs that a change produced, each with what was there before, its rule and its
// ID so that the editor can undo it. Changes that no longer fit the original (outside it, not
// matching their Before, overlapping an earlier one) are left out, exactly as repair.Apply
// skips them, so the runs joined always give the text the segments were made from.
func RepairDiff(original string, changes []pipeline.RepairChange) []pipeline.DiffPart {
	cs := make([]pipeline.RepairChange, 0, len(changes))
	for _, c := range changes {
		if !c.Undone {
			cs = append(cs, c)
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].Start < cs[j].Start })
	var out []pipeline.DiffPart
	pos := 0
	for _, c := range cs {
		if c.Start < pos || c.End < c.Start || c.End > len(original) || original[c.Start:c.End] != c.Before {
			continue
		}
		if c.Start > pos {
			out = append(out, pipeline.DiffPart{Text: original[pos:c.Start]})
		}
		out = append(out, pipeline.DiffPart{Text: c.After, Before: c.Before, ChangeID: c.ID, Rule: c.Rule, Changed: true})
		pos = c.End
	}
	if pos < len(original) {
		out = append(out, pipeline.DiffPart{Text: original[pos:]})
	}
	return out
}
