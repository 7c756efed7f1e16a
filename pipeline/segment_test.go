package pipeline

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// segmentWalk is a segment translation as the rules see it: its state and whether a person's
// text is in it.
type segmentWalk struct {
	state SegmentState
	human bool // the text was written or vouched for by a person
}

// Random walks over the segment lifecycle: machine output never lands on a segment a person
// touched, a person's action always succeeds, and every refused action leaves the state as it was.
func TestSegmentLifecycleProperties(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	reached := map[SegmentState]bool{}
	for walk := range 2000 {
		w := segmentWalk{state: SegmentEmpty}
		for step := range 40 {
			a := SegmentActions[rng.IntN(len(SegmentActions))]
			before := w
			to, err := w.state.Apply(a)
			if err != nil {
				if to != before.state || ErrorCode(err) != CodeIllegalState {
					t.Fatalf("walk %d step %d: refused %s on %s moved to %s (%v)", walk, step, a, before.state, to, err)
				}
				if a.ByPerson() {
					t.Fatalf("walk %d step %d: a person's %s refused on %s", walk, step, a, before.state)
				}
				continue
			}
			if to != a.To() {
				t.Fatalf("%s on %s gave %s, the table says %s", a, before.state, to, a.To())
			}
			if a == SegmentFill && before.human {
				t.Fatalf("walk %d step %d: machine output replaced a person's text (state %s)", walk, step, before.state)
			}
			if before.state.Human() && a == SegmentFill {
				t.Fatalf("fill allowed on %s", before.state)
			}
			w.state = to
			switch {
			case a.ByPerson():
				w.human = true
			case a == SegmentReset:
				w.human = false // the old text is set aside; the segment starts again
			}
			reached[to] = true
		}
	}
	for _, s := range SegmentStates {
		if !reached[s] {
			t.Errorf("state %s is never reached", s)
		}
	}
}

func TestSegmentActionsTable(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		from SegmentState
		a    SegmentAction
		ok   bool
	}{
		{SegmentEmpty, SegmentFill, true},
		{SegmentDraft, SegmentFill, false},
		{SegmentEdited, SegmentFill, false},
		{SegmentConfirmed, SegmentFill, false},
		{SegmentDraft, SegmentConfirm, true},
		{SegmentEmpty, SegmentEdit, true},
		{SegmentConfirmed, SegmentEdit, true},
		{SegmentDraft, SegmentReopen, false},
		{SegmentConfirmed, SegmentReopen, true},
		{SegmentConfirmed, SegmentReset, true},
		{SegmentDraft, SegmentAction("bogus"), false},
	} {
		_, err := tc.from.Apply(tc.a)
		if (err == nil) != tc.ok {
			t.Errorf("%s on %s: err %v, want allowed %v", tc.a, tc.from, err, tc.ok)
		}
	}
	if got := SegmentFill.From(); !slices.Equal(got, []SegmentState{SegmentEmpty}) {
		t.Errorf("fill starts from %v, want only empty", got)
	}
}

// Random walks over the edition lifecycle: nothing reaches readers without approval, a refused
// move changes nothing, and from every state the edition can still reach published (no dead end).
func TestEditionLifecycleProperties(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(3, 4))
	for walk := range 2000 {
		s := StateTranslating
		for step := range 40 {
			to := EditionStates[rng.IntN(len(EditionStates))]
			got, err := s.Move(to)
			if err != nil {
				if got != s {
					t.Fatalf("walk %d step %d: refused move %s → %s changed the state to %s", walk, step, s, to, got)
				}
				continue
			}
			if to == StatePublished && s != StateApproved {
				t.Fatalf("walk %d step %d: %s went straight to published", walk, step, s)
			}
			if to == StateApproved && s != StateAwaitingApproval {
				t.Fatalf("walk %d step %d: %s approved without awaiting approval", walk, step, s)
			}
			s = got
		}
	}
	for _, s := range EditionStates {
		if !reaches(s, StatePublished) {
			t.Errorf("an edition in %s can never be published", s)
		}
		if s.Editable() && !reaches(s, StateAwaitingApproval) {
			t.Errorf("an editable edition in %s can never be submitted", s)
		}
	}
	if err := CanRetry(StateFailed); err != nil {
		t.Errorf("failed edition cannot be retried: %v", err)
	}
	for _, s := range EditionStates {
		if s != StateFailed && CanRetry(s) == nil {
			t.Errorf("an edition in %s may be retried", s)
		}
	}
}

// reaches reports whether the edition lifecycle leads from one state to another.
func reaches(from, to EditionState) bool {
	seen := map[EditionState]bool{from: true}
	queue := []EditionState{from}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		if s == to {
			return true
		}
		for _, n := range transitions[s] {
			if !seen[n] {
				seen[n] = true
				queue = append(queue, n)
			}
		}
	}
	return false
}
