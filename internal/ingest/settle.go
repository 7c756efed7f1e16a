package ingest

import (
	"github.com/tilmash/tilmash/internal/repair"
	"github.com/tilmash/tilmash/pipeline"
)

// RepairedText is the text an article reads after its repair record: the text as it arrived
// with every change that is not undone applied (an editor's answers included).
func RepairedText(body string, changes []pipeline.RepairChange) string {
	return repair.Apply(body, toRepairChanges(pipeline.RevisionRepairs{Changes: changes}.Active()))
}

func toRepairChanges(cs []pipeline.RepairChange) []repair.Change {
	out := make([]repair.Change, 0, len(cs))
	for _, c := range cs {
		out = append(out, repair.Change{Start: c.Start, End: c.End, Before: c.Before, After: c.After, Rule: c.Rule})
	}
	return out
}

// Settle applies an editor's decisions on the repairs of an article that is not stored yet (as
// Prepare returned it): rejected changes are kept in the record as undone, the others as
// accepted, answered questions carry their answer, and the article is parsed and segmented again
// from its text with the decisions applied, within the Preparer's limits. With no decisions it
// returns in with every change accepted.
func (p *Preparer) Settle(in pipeline.NewArticle, d pipeline.RepairDecisions, actor string) (pipeline.NewArticle, error) {
	accept := make([]int, 0, len(in.Repairs))
	rejected := map[int]bool{}
	for _, i := range d.Reject {
		rejected[i] = true
	}
	for i := range in.Repairs {
		if !rejected[i] {
			accept = append(accept, i)
		}
	}
	s, err := pipeline.SettleRepairs(in.Repairs, in.Questions, pipeline.RepairDecisions{Accept: accept, Reject: d.Reject,
		Answers: d.Answers}, actor)
	if err != nil {
		return pipeline.NewArticle{}, err
	}
	out := in
	out.Repairs, out.Questions = append(s.Changes, s.Added...), s.Questions
	if !s.TextChanged {
		return out, nil
	}
	out.Doc, out.Segments, err = Parse(RepairedText(in.Request.Text, out.Repairs), in.Request.Format, in.Request.SourceLang)
	if err != nil {
		return pipeline.NewArticle{}, err
	}
	if err := p.limits.Check(out.Segments); err != nil {
		return pipeline.NewArticle{}, err
	}
	return out, nil
}

// WithoutRepair returns a Preparer like p that does not repair the text: for a text a person
// has just corrected by hand, where a repair would undo their decisions.
func (p *Preparer) WithoutRepair() *Preparer {
	q := *p
	q.repairer = nil
	return &q
}
