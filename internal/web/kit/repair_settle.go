package kit

import (
	"context"

	"github.com/tilmash/tilmash/internal/ingest"
	"github.com/tilmash/tilmash/pipeline"
)

// RepairSettleStore is what settling text repairs needs from storage.
type RepairSettleStore interface {
	SettleRepairs(ctx context.Context, s pipeline.RepairSettlement) error
}

// RepairVerdicts are an editor's decisions on a stored repair record, by change and question ID.
// A form sends the state of every row: decisions that change nothing (accepting a change already
// accepted, answering a question as it was answered) are dropped before anything is stored.
type RepairVerdicts struct {
	Accept  []int64
	Reject  []int64
	Answers map[int64]string
}

// SettleRepairs applies an editor's decisions to the current revision's repairs, for the API and
// the newsroom alike: the domain rules decide (pipeline.SettleRepairs), and when the text changes
// (a change rejected, a question answered with another reading) the revision is parsed and
// segmented again with the decisions applied and its segments replaced by the store. rep is the
// record the editor saw; a newer one makes it a conflict. IDs that are not in rep are refused.
func SettleRepairs(ctx context.Context, store RepairSettleStore, a pipeline.Article, rep pipeline.RevisionRepairs, v RepairVerdicts, actor string) error {
	changeAt := map[int64]int{}
	for i, c := range rep.Changes {
		changeAt[c.ID] = i
	}
	questionAt := map[int64]int{}
	for i, q := range rep.Questions {
		questionAt[q.ID] = i
	}
	unknown := &pipeline.Error{Code: pipeline.CodeNotFound, MessageID: "error.ingest.repair_unknown"}
	var d pipeline.RepairDecisions
	s := pipeline.RepairSettlement{ArticleID: a.ID, RevisionID: rep.RevisionID, Version: rep.Version, Actor: actor}
	for _, id := range v.Accept {
		i, ok := changeAt[id]
		if !ok {
			return unknown
		}
		if c := rep.Changes[i]; !c.Accepted && !c.Undone {
			d.Accept, s.Accept = append(d.Accept, i), append(s.Accept, id)
		}
	}
	for _, id := range v.Reject {
		i, ok := changeAt[id]
		if !ok {
			return unknown
		}
		if !rep.Changes[i].Undone {
			d.Reject, s.Reject = append(d.Reject, i), append(s.Reject, id)
		}
	}
	for id, answer := range v.Answers {
		i, ok := questionAt[id]
		if !ok {
			return unknown
		}
		if q := rep.Questions[i]; q.Answered && q.Answer == answer {
			continue
		}
		if d.Answers == nil {
			d.Answers, s.Answers = map[int]string{}, map[int64]string{}
		}
		d.Answers[i], s.Answers[id] = answer, answer
	}
	if d.Empty() {
		return &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.repair.nothing_decided"}
	}
	settled, err := pipeline.SettleRepairs(rep.Changes, rep.Questions, d, actor)
	if err != nil {
		return err
	}
	s.Added, s.TextChanged = settled.Added, settled.TextChanged
	if settled.TextChanged {
		s.Doc, s.Segments, err = ingest.Parse(ingest.RepairedText(rep.Body, settled.Active()), rep.Format, a.SourceLang)
		if err != nil {
			return err
		}
	}
	return store.SettleRepairs(ctx, s)
}
