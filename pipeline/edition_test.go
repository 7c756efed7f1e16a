package pipeline

import "testing"

func TestEditionTransitions(t *testing.T) {
	t.Parallel()
	allowed := map[[2]EditionState]bool{}
	for from, tos := range transitions {
		for _, to := range tos {
			allowed[[2]EditionState{from, to}] = true
		}
	}
	for _, tc := range []struct {
		from, to EditionState
		ok       bool
	}{
		{StateTranslating, StateInReview, true},
		{StateInReview, StateAwaitingApproval, true},
		{StateAwaitingApproval, StateApproved, true},
		{StateApproved, StatePublished, true},
		{StatePublished, StateOutdated, true},
		{StateTranslating, StateFailed, true},
		{StateFailed, StateTranslating, true},
		{StateTranslating, StatePublished, false},
		{StateInReview, StateApproved, false},
		{StateInReview, StatePublished, false},
		{StateAwaitingApproval, StatePublished, false},
		{StatePublished, StateApproved, false},
		{StateFailed, StatePublished, false},
		{StatePublished, StatePublished, false},
		{EditionState("bogus"), StateInReview, false},
	} {
		got, err := tc.from.Move(tc.to)
		if tc.ok && (err != nil || got != tc.to) {
			t.Errorf("%s → %s refused: %v", tc.from, tc.to, err)
		}
		if !tc.ok {
			if err == nil {
				t.Errorf("%s → %s allowed", tc.from, tc.to)
			} else if ErrorCode(err) != CodeIllegalState || got != tc.from {
				t.Errorf("%s → %s: got %s, %v", tc.from, tc.to, got, err)
			}
		}
		if tc.from.Valid() && allowed[[2]EditionState{tc.from, tc.to}] != tc.ok {
			t.Errorf("table and test disagree on %s → %s", tc.from, tc.to)
		}
	}
	// Nothing publishes without approval: the only way into published is from approved.
	for from, tos := range transitions {
		for _, to := range tos {
			if to == StatePublished && from != StateApproved {
				t.Errorf("%s can move to published", from)
			}
		}
	}
	for _, s := range EditionStates {
		if !s.Valid() {
			t.Errorf("%s is listed but has no transitions", s)
		}
	}
}

func TestSegmentStateHuman(t *testing.T) {
	t.Parallel()
	for s, want := range map[SegmentState]bool{SegmentEmpty: false, SegmentDraft: false, SegmentEdited: true, SegmentConfirmed: true} {
		if s.Human() != want {
			t.Errorf("%s.Human() = %v", s, !want)
		}
	}
}

func TestUserRights(t *testing.T) {
	t.Parallel()
	tr := &User{Role: RoleTranslator, Langs: []Lang{Russian}}
	ed := &User{Role: RoleEditor}
	var nobody *User
	if !tr.CanEdit(Russian) || tr.CanEdit(Kazakh) || tr.CanApprove() || tr.CanAdminister() {
		t.Error("translator rights are wrong")
	}
	if !ed.CanEdit(Chinese) || !ed.CanApprove() || ed.CanAdminister() {
		t.Error("editor rights are wrong")
	}
	if nobody.CanEdit(English) || nobody.CanApprove() || nobody.CanAdminister() {
		t.Error("a missing user has rights")
	}
}
