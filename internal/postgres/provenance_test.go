package postgres_test

import (
	"context"
	"errors"
	"testing"

	"github.com/tilmash/tilmash/internal/postgres"
	"github.com/tilmash/tilmash/pipeline"
)

// draftAndConfirm fills every segment of the Russian edition with machine drafts of the given
// origin, moves it to review, and has a translator confirm every draft without changing it.
func draftAndConfirm(t *testing.T, db *postgres.DB, a pipeline.Article, origin string, text func(string) string) pipeline.Edition {
	t.Helper()
	ctx := context.Background()
	c := edition(t, db, a, pipeline.Russian)
	var drafts []pipeline.Draft
	for _, s := range c.Segments {
		drafts = append(drafts, pipeline.Draft{SegmentID: s.ID, Text: text(s.Text), Origin: origin})
	}
	if n, err := db.SaveDrafts(ctx, c.Edition.ID, a.RevisionID, drafts); err != nil || n != len(drafts) {
		t.Fatalf("drafts: %d, %v", n, err)
	}
	if err := db.CompleteCheck(ctx, c.Edition.ID, a.RevisionID, nil); err != nil {
		t.Fatal(err)
	}
	c = edition(t, db, a, pipeline.Russian)
	for _, s := range c.Segments {
		tr := c.Translations[s.ID]
		res, err := db.SaveSegment(ctx, pipeline.SegmentUpdate{EditionID: c.Edition.ID, SegmentID: s.ID, Text: tr.Text,
			BaseVersion: tr.Version, Confirm: true, User: "olga"})
		if err != nil {
			t.Fatal(err)
		}
		if res.Translation.Origin != origin {
			t.Fatalf("confirmed unchanged, the origin became %q, want %q", res.Translation.Origin, origin)
		}
	}
	return edition(t, db, a, pipeline.Russian).Edition
}

// Pseudo-translation confirmed unchanged cannot be submitted, and the edition shows how much of
// it there is.
func TestPseudoTextCannotBeSubmitted(t *testing.T) {
	t.Parallel()
	db, a := setup(t)
	e := draftAndConfirm(t, db, a, pipeline.OriginPseudo, func(s string) string { return "[ru] ⟦" + s + "⟧" })
	if e.Pseudo != e.Segments || e.Machine != e.Segments || e.MachineConfirmed != e.Segments {
		t.Fatalf("counts: pseudo %d machine %d confirmed %d of %d", e.Pseudo, e.Machine, e.MachineConfirmed, e.Segments)
	}
	err := db.SubmitEdition(context.Background(), e.ID, "olga")
	if pe := (*pipeline.Error)(nil); pipeline.ErrorCode(err) != pipeline.CodeIllegalState || !asError(err, &pe) || pe.MessageID != "error.pseudo_text" {
		t.Fatalf("submit of pseudo text: %v, want error.pseudo_text", err)
	}
	if got := edition(t, db, a, pipeline.Russian).Edition.State; got != pipeline.StateInReview {
		t.Fatalf("after the refused submit the edition is %s", got)
	}
}

// Machine text no person changed is approved only by the editor's explicit choice, which the
// audit trail records; a person's edit makes the text theirs.
func TestApprovingUneditedMachineTextIsExplicit(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, a := setup(t)
	e := draftAndConfirm(t, db, a, "mt:deepl", func(s string) string { return "Перевод: " + s })
	if e.Machine != e.Segments || e.MachineConfirmed != e.Segments || e.Pseudo != 0 {
		t.Fatalf("counts: machine %d confirmed %d pseudo %d of %d", e.Machine, e.MachineConfirmed, e.Pseudo, e.Segments)
	}
	if err := db.SubmitEdition(ctx, e.ID, "olga"); err != nil {
		t.Fatalf("submit: %v", err)
	}
	_, err := db.ApproveEdition(ctx, e.ID, pipeline.Approval{Actor: "editor"})
	if pe := (*pipeline.Error)(nil); !asError(err, &pe) || pe.MessageID != "error.machine_text_unaccepted" || pe.Data["Count"] != e.Segments {
		t.Fatalf("approval without accepting machine text: %v, want error.machine_text_unaccepted with the count", err)
	}
	if got := edition(t, db, a, pipeline.Russian).Edition.State; got != pipeline.StateAwaitingApproval {
		t.Fatalf("after the refused approval the edition is %s", got)
	}
	if _, err := db.ApproveEdition(ctx, e.ID, pipeline.Approval{Actor: "editor", AcceptMachineText: true}); err != nil {
		t.Fatalf("approval accepting machine text: %v", err)
	}
	trail, err := db.FindAudit(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, en := range trail {
		if en.Action == "edition.approved" && en.EditionID != nil && *en.EditionID == e.ID {
			found = en.Detail["machine_text_accepted"] == true && en.Detail["machine_text"] == float64(e.Segments)
		}
	}
	if !found {
		t.Fatalf("the audit trail does not record the accepted machine text: %+v", trail)
	}
}

// A person's change makes the text theirs: it no longer counts as machine text.
func TestEditedMachineTextIsHuman(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, a := setup(t)
	e := draftAndConfirm(t, db, a, "mt:deepl", func(s string) string { return "Перевод: " + s })
	c := edition(t, db, a, pipeline.Russian)
	s := c.Segments[0]
	res, err := db.SaveSegment(ctx, pipeline.SegmentUpdate{EditionID: e.ID, SegmentID: s.ID, Text: "Заголовок",
		BaseVersion: c.Translations[s.ID].Version, Confirm: true, User: "olga"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Translation.Origin != pipeline.OriginHuman {
		t.Fatalf("edited text has origin %q", res.Translation.Origin)
	}
	if got := edition(t, db, a, pipeline.Russian).Edition; got.Machine != e.Machine-1 {
		t.Fatalf("machine count %d after an edit, want %d", got.Machine, e.Machine-1)
	}
}

func asError(err error, target **pipeline.Error) bool { return errors.As(err, target) }

// The translators' queue lists editions in review with their progress and machine-text counts.
func TestQueueListsEditionsWithProvenance(t *testing.T) {
	t.Parallel()
	db, a := setup(t)
	e := draftAndConfirm(t, db, a, "mt:deepl", func(s string) string { return "Перевод: " + s })
	items, err := db.FindQueue(context.Background(), []pipeline.Lang{pipeline.Russian}, "nobody")
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		if it.Edition.ID == e.ID {
			if it.Edition.Confirmed != e.Segments || it.Edition.Machine != e.Segments || it.Title == "" {
				t.Fatalf("queue item: %+v", it)
			}
			return
		}
	}
	t.Fatalf("the queue does not list edition %d", e.ID)
}
