package kit

import (
	"sort"

	"github.com/tilmash/tilmash/pipeline"
)

// FindingGroup is the open findings of one check in an edition, for pages that show findings by
// check rather than one long list: a sample article of 67 sentences can have hundreds of findings,
// most of them of one or two checks, and what blocks a submission must not drown in them.
type FindingGroup struct {
	Check    string `json:"check"`
	Name     string `json:"name"` // the check's name in the reader's language
	Open     int    `json:"open"`
	Blocking int    `json:"blocking"` // open findings of error severity
	// Summary names the check with its counts, in the reader's language and plural forms.
	Summary string `json:"summary"`
	// Segments are the segments with an open finding of the check, in the order of the findings
	// given, each once; empty when the groups were made from counts alone.
	Segments []int64 `json:"-"`
}

// GroupFindings groups the open findings by check (see GroupFindingCounts for the order).
func GroupFindings(loc *Localizer, fs []pipeline.Finding) []FindingGroup {
	var counts []pipeline.FindingCount
	at := map[string]int{}
	segs := map[string][]int64{}
	seen := map[[2]any]bool{}
	for _, f := range fs {
		if f.Dismissed {
			continue
		}
		key := f.Check + "|" + string(f.Severity)
		i, ok := at[key]
		if !ok {
			i = len(counts)
			at[key] = i
			counts = append(counts, pipeline.FindingCount{Check: f.Check, Severity: f.Severity})
		}
		counts[i].Open++
		if k := [2]any{f.Check, f.SegmentID}; !seen[k] {
			seen[k] = true
			segs[f.Check] = append(segs[f.Check], f.SegmentID)
		}
	}
	groups := GroupFindingCounts(loc, counts)
	for i := range groups {
		groups[i].Segments = segs[groups[i].Check]
	}
	return groups
}

// GroupFindingCounts turns counts per check and severity into one group per check with open
// findings: those with blocking findings first, then by how many are open, then by name.
func GroupFindingCounts(loc *Localizer, counts []pipeline.FindingCount) []FindingGroup {
	at := map[string]int{}
	var groups []FindingGroup
	for _, c := range counts {
		if c.Open == 0 {
			continue
		}
		i, ok := at[c.Check]
		if !ok {
			i = len(groups)
			at[c.Check] = i
			groups = append(groups, FindingGroup{Check: c.Check, Name: loc.T("check.name."+c.Check, nil)})
		}
		groups[i].Open += c.Open
		if c.Severity == pipeline.SeverityError {
			groups[i].Blocking += c.Open
		}
	}
	sort.SliceStable(groups, func(i, j int) bool {
		a, b := groups[i], groups[j]
		if (a.Blocking > 0) != (b.Blocking > 0) {
			return a.Blocking > 0
		}
		if a.Open != b.Open {
			return a.Open > b.Open
		}
		return a.Name < b.Name
	})
	for i := range groups {
		g := &groups[i]
		g.Summary = g.Name + " — " + loc.T("live.findings.count", nil, g.Open)
		if g.Blocking > 0 {
			g.Summary += " · " + loc.T("live.findings.blocking", nil, g.Blocking)
		}
	}
	return groups
}
