package pipeline

import (
	"fmt"
	"slices"
)

// RuleEditorAnswer is the rule of a change that applies an editor's answer to a repair question.
const RuleEditorAnswer = "editor_answer"

// RepairDecisions is what an editor decided about a text repair: changes kept (Accept) or undone
// (Reject), by their index in the list under review, and answers to questions, by index, each the
// reading chosen (the token itself keeps it as written). Indexes rather than IDs let the same
// decisions apply to an article not stored yet.
type RepairDecisions struct {
	Accept  []int
	Reject  []int
	Answers map[int]string
}

// Empty reports whether nothing was decided.
func (d RepairDecisions) Empty() bool {
	return len(d.Accept) == 0 && len(d.Reject) == 0 && len(d.Answers) == 0
}

// SettledRepairs is a repair record after an editor's decisions: every change with its Undone and
// Accepted marks, the answers as new changes (rule RuleEditorAnswer, accepted), and the questions
// with their answers. TextChanged says whether the text the article reads changed.
type SettledRepairs struct {
	Changes     []RepairChange
	Added       []RepairChange
	Questions   []RepairQuestion
	TextChanged bool
}

// Active returns the changes that make the text after the decisions: those not undone and the
// answers, in text order.
func (s SettledRepairs) Active() []RepairChange {
	var out []RepairChange
	for _, c := range slices.Concat(s.Changes, s.Added) {
		if !c.Undone {
			out = append(out, c)
		}
	}
	slices.SortStableFunc(out, func(a, b RepairChange) int { return a.Start - b.Start })
	return out
}

// SettleRepairs applies an editor's decisions to changes and questions (neither is modified). A
// change may be rejected (undone) or accepted; one already undone cannot be accepted again. A
// question already answered cannot be answered again, and an answer must be one of its
// candidates or the token itself. A decision for an index that does not exist, or two decisions
// for one change, is refused: the editor looked at another version of the record.
func SettleRepairs(changes []RepairChange, questions []RepairQuestion, d RepairDecisions, actor string) (SettledRepairs, error) {
	out := SettledRepairs{Changes: slices.Clone(changes), Questions: slices.Clone(questions)}
	stale := func(what string, i int) error {
		return &Error{Code: CodeConflict, MessageID: "error.ingest.repair_stale",
			Err: fmt.Errorf("%s %d is not in the record under review", what, i)}
	}
	seen := map[int]bool{}
	for _, i := range d.Reject {
		if i < 0 || i >= len(changes) || seen[i] {
			return SettledRepairs{}, stale("change", i)
		}
		seen[i] = true
		if !out.Changes[i].Undone {
			out.Changes[i].Undone, out.Changes[i].Accepted = true, false
			out.TextChanged = true
		}
	}
	for _, i := range d.Accept {
		if i < 0 || i >= len(changes) || seen[i] {
			return SettledRepairs{}, stale("change", i)
		}
		seen[i] = true
		if out.Changes[i].Undone {
			return SettledRepairs{}, &Error{Code: CodeIllegalState, MessageID: "error.repair.accept_undone",
				Data: map[string]any{"Before": changes[i].Before}, Err: fmt.Errorf("change %d is undone", i)}
		}
		out.Changes[i].Accepted = true
	}
	keys := make([]int, 0, len(d.Answers))
	for i := range d.Answers {
		keys = append(keys, i)
	}
	slices.Sort(keys)
	for _, i := range keys {
		if i < 0 || i >= len(questions) {
			return SettledRepairs{}, stale("question", i)
		}
		q, answer := &out.Questions[i], d.Answers[i]
		if q.Answered {
			if q.Answer == answer {
				continue
			}
			return SettledRepairs{}, &Error{Code: CodeConflict, MessageID: "error.ingest.repair_stale",
				Err: fmt.Errorf("question %d is answered already", i)}
		}
		if answer != q.Token && !slices.Contains(q.Candidates, answer) {
			return SettledRepairs{}, &Error{Code: CodeInvalid, MessageID: "error.repair.answer_unknown",
				Data: map[string]any{"Token": q.Token}, Err: fmt.Errorf("answer %q is not a reading of %q", answer, q.Token)}
		}
		q.Answered, q.Answer, q.AnsweredBy = true, answer, actor
		if answer != q.Token {
			out.Added = append(out.Added, RepairChange{Start: q.Start, End: q.End, Before: q.Token, After: answer,
				Rule: RuleEditorAnswer, Accepted: true})
			out.TextChanged = true
		}
	}
	return out, nil
}

// OpenQuestions counts the questions nobody has answered yet.
func OpenQuestions(qs []RepairQuestion) int {
	n := 0
	for _, q := range qs {
		if !q.Answered {
			n++
		}
	}
	return n
}

// CheckSourceApprovable refuses to approve a source edition while the text repair's questions
// on its revision are open: the words they name may be damaged, and readers would see them so,
// as would every translation made from them. An editor answers them on the article's repairs
// page first.
func CheckSourceApprovable(openQuestions int) error {
	if openQuestions > 0 {
		return &Error{Code: CodeIllegalState, MessageID: "error.repair.questions_open",
			Data: map[string]any{"Count": openQuestions},
			Err:  fmt.Errorf("%d repair questions are open", openQuestions)}
	}
	return nil
}

// RepairSettlement is an editor's decisions on a stored revision's repairs, ready for the store:
// the changes accepted and rejected (by ID), the answers (by question ID) with the changes they
// add, and, when the text changed, the revision re-prepared with the decisions applied. Version is
// the repair version the editor saw.
type RepairSettlement struct {
	ArticleID  int64
	RevisionID int64
	Version    int
	Accept     []int64
	Reject     []int64
	Answers    map[int64]string
	Added      []RepairChange
	// TextChanged: Doc and Segments replace the revision's (as an undo does).
	TextChanged bool
	Doc         Document
	Segments    []Segment
	Actor       string
}
