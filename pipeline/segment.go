package pipeline

import (
	"fmt"
	"slices"
)

// SegmentAction is one of the ways a segment translation can change. Every write to a segment
// translation is one of these, and the store applies each through SegmentAction's rule, so that
// "machine output never replaces a person's work" is a rule of the domain and not a WHERE clause
// repeated in several statements.
type SegmentAction string

const (
	// SegmentFill is machine or memory output. It only fills a segment that is empty: a draft
	// already there (an earlier run), or anything a person touched, stays.
	SegmentFill SegmentAction = "fill"
	// SegmentEdit is a person's change that is not yet confirmed.
	SegmentEdit SegmentAction = "edit"
	// SegmentConfirm is a person confirming a text (changed or not).
	SegmentConfirm SegmentAction = "confirm"
	// SegmentReopen asks a person to look again at what they wrote, because the source sentence
	// changed in place (a repair undone): the text stays, its confirmation goes.
	SegmentReopen SegmentAction = "reopen"
	// SegmentReset starts a translation again because a new source revision changed its sentence.
	// The old text is kept aside for the translator (segment_changes), not in the segment.
	SegmentReset SegmentAction = "reset"
)

// SegmentActions lists every action.
var SegmentActions = []SegmentAction{SegmentFill, SegmentEdit, SegmentConfirm, SegmentReopen, SegmentReset}

// SegmentStates lists every segment state.
var SegmentStates = []SegmentState{SegmentEmpty, SegmentDraft, SegmentEdited, SegmentConfirmed}

type segmentRule struct {
	from     []SegmentState
	to       SegmentState
	byPerson bool // done by a person: the origin becomes OriginHuman and the author is recorded
}

// segmentRules is the segment translation's lifecycle. Everything not listed is refused.
//
//	fill     empty                          → draft      machine or memory
//	edit     empty, draft, edited, confirmed → edited     a person
//	confirm  empty, draft, edited, confirmed → confirmed  a person
//	reopen   edited, confirmed              → draft      the source changed in place
//	reset    empty, draft, edited, confirmed → empty      a new revision changed the source
var segmentRules = map[SegmentAction]segmentRule{
	SegmentFill:    {from: []SegmentState{SegmentEmpty}, to: SegmentDraft},
	SegmentEdit:    {from: SegmentStates, to: SegmentEdited, byPerson: true},
	SegmentConfirm: {from: SegmentStates, to: SegmentConfirmed, byPerson: true},
	SegmentReopen:  {from: []SegmentState{SegmentEdited, SegmentConfirmed}, to: SegmentDraft},
	SegmentReset:   {from: SegmentStates, to: SegmentEmpty},
}

// From lists the states a may start from. The store passes it to its statements, so that a
// segment in any other state is left untouched.
func (a SegmentAction) From() []SegmentState { return slices.Clone(segmentRules[a].from) }

// To is the state a leads to.
func (a SegmentAction) To() SegmentState { return segmentRules[a].to }

// ByPerson reports whether a is a person's action, which makes the text theirs.
func (a SegmentAction) ByPerson() bool { return segmentRules[a].byPerson }

// Apply returns the state after a, or an illegal-state error when a may not start from s.
func (s SegmentState) Apply(a SegmentAction) (SegmentState, error) {
	r, ok := segmentRules[a]
	if !ok || !slices.Contains(r.from, s) {
		return s, &Error{Code: CodeIllegalState, MessageID: "error.segment_illegal_action",
			Data: map[string]any{"Action": string(a), "State": string(s)},
			Err:  fmt.Errorf("a segment translation that is %s cannot take %s", s, a)}
	}
	return r.to, nil
}

// SegmentActionFor is the action of a person's save: confirm or edit.
func SegmentActionFor(confirm bool) SegmentAction {
	if confirm {
		return SegmentConfirm
	}
	return SegmentEdit
}

// EditableStates are the edition states in which people may change segment translations:
// while drafts arrive, in review, and when translation failed (translators can go on by hand).
// Once submitted, an edition's text is the editors'; they send it back to change it.
var EditableStates = []EditionState{StateTranslating, StateInReview, StateFailed}

// Editable reports whether people may change segment translations of an edition in state s.
func (s EditionState) Editable() bool { return slices.Contains(EditableStates, s) }

// CheckEditable returns an error naming the state when an edition in state s is locked.
func (s EditionState) CheckEditable() error {
	if s.Editable() {
		return nil
	}
	return &Error{Code: CodeIllegalState, MessageID: "error.edition_locked",
		Data: map[string]any{"State": string(s)}, Err: fmt.Errorf("edition is %s", s)}
}
