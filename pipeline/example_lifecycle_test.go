package pipeline_test

import (
	"fmt"

	"github.com/tilmash/tilmash/pipeline"
)

// An edition (an article in one language) moves only along the transitions of
// pipeline/edition.go: drafted and checked by the workers, submitted by a translator, approved by
// an editor, published by the release job. Anything else is refused with CodeIllegalState, and
// only a failed edition can be retried.
func ExampleEditionState_Move() {
	s := pipeline.StateTranslating
	for _, to := range []pipeline.EditionState{
		pipeline.StateInReview,         // the check job ran on the drafts
		pipeline.StateAwaitingApproval, // a translator submitted it
		pipeline.StateApproved,         // an editor approved it
		pipeline.StatePublished,        // the release job put it live
		pipeline.StateApproved,         // refused: a published edition is unpublished, not re-approved
	} {
		next, err := s.Move(to)
		if err != nil {
			fmt.Printf("%s → %s refused (%s)\n", s, to, pipeline.ErrorCode(err))
			continue
		}
		fmt.Printf("%s → %s\n", s, next)
		s = next
	}
	fmt.Println("retry in review:", pipeline.ErrorCode(pipeline.CanRetry(pipeline.StateInReview)))
	fmt.Println("retry failed:", pipeline.CanRetry(pipeline.StateFailed) == nil)
	fmt.Println("translators may edit in review:", pipeline.StateInReview.Editable(), "once submitted:", pipeline.StateAwaitingApproval.Editable())
	// Output:
	// translating → in_review
	// in_review → awaiting_approval
	// awaiting_approval → approved
	// approved → published
	// published → approved refused (illegal_state)
	// retry in review: illegal_state
	// retry failed: true
	// translators may edit in review: true once submitted: false
}

// A segment translation changes only through a SegmentAction. Machine or memory output fills an
// empty segment and nothing else, so it never replaces what a person wrote; a person's edit or
// confirmation makes the text theirs; a source sentence changed in place reopens it; a new
// revision that changes the sentence resets it.
func ExampleSegmentState_Apply() {
	s := pipeline.SegmentEmpty
	for _, a := range []pipeline.SegmentAction{
		pipeline.SegmentFill,    // the translate job drafts it
		pipeline.SegmentFill,    // refused: a rerun of the job leaves the draft alone
		pipeline.SegmentEdit,    // a translator changes it
		pipeline.SegmentFill,    // refused: machine output never overwrites a person
		pipeline.SegmentConfirm, // the translator confirms it
		pipeline.SegmentReopen,  // a repair in the source sentence was undone
		pipeline.SegmentReset,   // a new revision changed the sentence
	} {
		next, err := s.Apply(a)
		if err != nil {
			fmt.Printf("%-7s %s: refused (%s)\n", a, s, pipeline.ErrorCode(err))
			continue
		}
		fmt.Printf("%-7s %s → %s (by a person: %v)\n", a, s, next, a.ByPerson())
		s = next
	}
	fmt.Println("a save with confirm is", pipeline.SegmentActionFor(true), "and without", pipeline.SegmentActionFor(false))
	// Output:
	// fill    empty → draft (by a person: false)
	// fill    draft: refused (illegal_state)
	// edit    draft → edited (by a person: true)
	// fill    edited: refused (illegal_state)
	// confirm edited → confirmed (by a person: true)
	// reopen  confirmed → draft (by a person: false)
	// reset   draft → empty (by a person: false)
	// a save with confirm is confirm and without edit
}
