package postgres_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/tilmash/tilmash/internal/postgres/postgrestest"
	"github.com/tilmash/tilmash/pipeline"
)

// The workers' store commits without waiting for the log flush, the others' wait; both write
// what they are given, and the workers' store enqueues jobs with the queue set afterwards.
func TestAsynchronousCommitStore(t *testing.T) {
	ctx := context.Background()
	db, a := setup(t)
	async := db.AsynchronousCommit()
	for _, c := range []struct {
		name string
		got  func(context.Context) (string, error)
		want string
	}{{"store", db.SynchronousCommitInTx, "on"}, {"workers' store", async.SynchronousCommitInTx, "off"}} {
		if v, err := c.got(ctx); err != nil || v != c.want {
			t.Errorf("%s: synchronous_commit %q (%v), want %q", c.name, v, err, c.want)
		}
	}
	ed := edition(t, db, a, pipeline.Russian)
	if err := async.RecordUsage(ctx, pipeline.Usage{EditionID: ed.Edition.ID, Provider: "pseudo", Characters: 10, Requests: 1}); err != nil {
		t.Fatal(err)
	}
	us, err := db.FindUsage(ctx, ed.Edition.ID)
	if err != nil || len(us) != 1 || us[0].Characters != 10 {
		t.Errorf("usage recorded through the workers' store: %v, %v", us, err)
	}
	if n, err := async.FanOut(ctx, a.ID, a.RevisionID); err != nil || n != 3 {
		t.Errorf("fan-out through the workers' store: %d jobs, %v", n, err)
	}
	if got := postgrestest.QueryInt(t, `SELECT count(*) FROM river_job WHERE kind = 'translate' AND (args->>'edition_id')::bigint = $1`, ed.Edition.ID); got != 1 {
		t.Errorf("%d translate jobs for the edition, want 1", got)
	}
}

// An edition's content read by its ID in one round trip is what FindEditionContent reads; a
// missing edition is not found.
func TestEditionContentByIDInOneRoundTrip(t *testing.T) {
	ctx := context.Background()
	db, a := setup(t)
	want := edition(t, db, a, pipeline.Kazakh)
	if _, err := db.SaveDrafts(ctx, want.Edition.ID, want.Edition.RevisionID, []pipeline.Draft{
		{SegmentID: want.Segments[0].ID, Text: "Бірінші сөйлем.", Origin: "mt:pseudo"}}); err != nil {
		t.Fatal(err)
	}
	want = edition(t, db, a, pipeline.Kazakh)
	got, err := db.FindEditionContentByID(ctx, want.Edition.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("by ID:\n got  %+v\n want %+v", got, want)
	}
	if len(got.Segments) < 3 || len(got.Translations) != len(got.Segments) {
		t.Errorf("%d segments, %d translations, want the title and three sentences, each with its translation", len(got.Segments), len(got.Translations))
	}
	if _, err := db.FindEditionContentByID(ctx, -1); pipeline.ErrorCode(err) != pipeline.CodeNotFound {
		t.Errorf("missing edition: %v, want not found", err)
	}
}

// A provider's drafts and its usage commit together; the usage counts even when the edition has
// moved on and nothing is filled.
func TestMachineDraftsWithTheirUsage(t *testing.T) {
	ctx := context.Background()
	db, a := setup(t)
	c := edition(t, db, a, pipeline.Russian)
	n, err := db.AsynchronousCommit().SaveMachineDrafts(ctx, c.Edition.ID, c.Edition.RevisionID+1000, // another revision
		[]pipeline.Draft{{SegmentID: c.Segments[0].ID, Text: "Текст", Origin: "mt:pseudo"}},
		&pipeline.Usage{EditionID: c.Edition.ID, Provider: "pseudo", Characters: 7, Requests: 1})
	if err != nil || n != 0 {
		t.Fatalf("filled %d (%v), want 0: the edition is translating another revision", n, err)
	}
	us, err := db.FindUsage(ctx, c.Edition.ID)
	if err != nil || len(us) != 1 || us[0].Characters != 7 || us[0].Requests != 1 {
		t.Errorf("usage: %+v, %v", us, err)
	}
	n, err = db.SaveMachineDrafts(ctx, c.Edition.ID, c.Edition.RevisionID,
		[]pipeline.Draft{{SegmentID: c.Segments[0].ID, Text: "Текст", Origin: "mt:pseudo"}},
		&pipeline.Usage{EditionID: c.Edition.ID, Provider: "pseudo", Characters: 5, Requests: 1})
	if err != nil || n != 1 {
		t.Fatalf("filled %d (%v), want 1", n, err)
	}
	if us, err := db.FindUsage(ctx, c.Edition.ID); err != nil || len(us) != 1 || us[0].Characters != 12 || us[0].Requests != 2 {
		t.Errorf("usage after the second batch: %+v, %v", us, err)
	}
	if got := edition(t, db, a, pipeline.Russian).Translations[c.Segments[0].ID]; got.Text != "Текст" || got.Origin != "mt:pseudo" {
		t.Errorf("draft: %+v", got)
	}
}
