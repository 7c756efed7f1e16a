package postgres_test

import (
	"context"
	"testing"

	"github.com/tilmash/tilmash/internal/postgres/postgrestest"
	"github.com/tilmash/tilmash/pipeline"
)

// finishJobs marks every job of an article's editions as River would after working them.
func finishJobs(t *testing.T, a pipeline.Article) {
	t.Helper()
	if _, err := postgrestest.Pool(t).Exec(context.Background(), `UPDATE river_job SET state = 'completed', finalized_at = now()
		WHERE args->>'article_id' = $1::bigint::text OR args->>'edition_id' IN (SELECT id::text FROM editions WHERE article_id = $1::bigint)`, a.ID); err != nil {
		t.Fatal(err)
	}
}

func liveJobs(t *testing.T, kind string, editionID int64) int {
	t.Helper()
	return postgrestest.QueryInt(t, `SELECT count(*) FROM river_job WHERE kind = $1 AND args->>'edition_id' = $2::bigint::text
		AND state IN ('available', 'pending', 'retryable', 'running', 'scheduled')`, kind, editionID)
}

// A retry must queue a job even though the edition's earlier translate job of the same revision
// completed: River's unique-job rule would otherwise drop the insert and leave the edition
// translating with nothing to move it on.
func TestRetryQueuesANewRunAfterACompletedJob(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, a := setup(t)
	if _, err := db.FanOut(ctx, a.ID, a.RevisionID); err != nil {
		t.Fatal(err)
	}
	finishJobs(t, a)
	ru := edition(t, db, a, pipeline.Russian).Edition
	if err := db.FailEdition(ctx, ru.ID, pipeline.CodeUnavailable, "error.translate_failed"); err != nil {
		t.Fatal(err)
	}
	if err := db.RetryEdition(ctx, ru.ID, "editor"); err != nil {
		t.Fatalf("retry: %v", err)
	}
	if n := liveJobs(t, "translate", ru.ID); n != 1 {
		t.Fatalf("live translate jobs after retry = %d, want 1", n)
	}
	e := edition(t, db, a, pipeline.Russian).Edition
	if e.State != pipeline.StateTranslating || e.Run != 1 {
		t.Fatalf("after retry: state %s run %d, want translating and run 1", e.State, e.Run)
	}
	// A second failure and retry is a third run, queued again.
	finishJobs(t, a)
	if err := db.FailEdition(ctx, ru.ID, pipeline.CodeUnavailable, "error.translate_failed"); err != nil {
		t.Fatal(err)
	}
	if err := db.RetryEdition(ctx, ru.ID, "editor"); err != nil {
		t.Fatalf("second retry: %v", err)
	}
	if n := liveJobs(t, "translate", ru.ID); n != 1 {
		t.Fatalf("live translate jobs after the second retry = %d, want 1", n)
	}
}

// Retrying an edition that has not failed is refused and changes nothing: an edition in review
// would lose its place, and one translating already has its job.
func TestRetryRefusesEditionsThatHaveNotFailed(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, a := setup(t)
	if _, err := db.FanOut(ctx, a.ID, a.RevisionID); err != nil {
		t.Fatal(err)
	}
	ru := edition(t, db, a, pipeline.Russian).Edition
	if err := db.CompleteCheck(ctx, ru.ID, a.RevisionID, nil); err != nil {
		t.Fatal(err)
	}
	kk := edition(t, db, a, pipeline.Kazakh).Edition
	for _, e := range []pipeline.Edition{ru, kk} {
		before := edition(t, db, a, e.Lang).Edition
		err := db.RetryEdition(ctx, e.ID, "editor")
		if pipeline.ErrorCode(err) != pipeline.CodeIllegalState {
			t.Errorf("%s (%s): retry error %v, want illegal state", e.Lang, before.State, err)
		}
		after := edition(t, db, a, e.Lang).Edition
		if after.State != before.State || after.Run != before.Run {
			t.Errorf("%s: retry changed the edition from %s/%d to %s/%d", e.Lang, before.State, before.Run, after.State, after.Run)
		}
	}
}

// An edition translating with no live job (its job discarded, or lost with a killed process too
// often) is marked failed with a reason, so the editor sees it and can retry; one whose job is
// still queued is left alone.
func TestFailStalledEditions(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, a := setup(t)
	if _, err := db.FanOut(ctx, a.ID, a.RevisionID); err != nil {
		t.Fatal(err)
	}
	ru := edition(t, db, a, pipeline.Russian).Edition
	kk := edition(t, db, a, pipeline.Kazakh).Edition
	if _, err := postgrestest.Pool(t).Exec(ctx, `UPDATE river_job SET state = 'discarded', finalized_at = now()
		WHERE kind = 'translate' AND args->>'edition_id' = $1::bigint::text`, ru.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := postgrestest.Pool(t).Exec(ctx, `UPDATE river_job SET state = 'completed', finalized_at = now()
		WHERE kind = 'fanout' AND args->>'article_id' = $1::bigint::text`, a.ID); err != nil {
		t.Fatal(err)
	}
	failed, err := db.FailStalledEditions(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	var mine []int64
	for _, id := range failed {
		if id == ru.ID || id == kk.ID {
			mine = append(mine, id)
		}
	}
	if len(mine) != 1 || mine[0] != ru.ID {
		t.Fatalf("failed %v of this article's editions, want only Russian (%d)", mine, ru.ID)
	}
	got := edition(t, db, a, pipeline.Russian).Edition
	if got.State != pipeline.StateFailed || got.FailureReason != "error.job_lost" {
		t.Fatalf("Russian: %s %q, want failed with error.job_lost", got.State, got.FailureReason)
	}
	if got := edition(t, db, a, pipeline.Kazakh).Edition; got.State != pipeline.StateTranslating {
		t.Fatalf("Kazakh, whose job is queued: %s, want translating", got.State)
	}
	// The way out works: a retry queues the work again.
	if err := db.RetryEdition(ctx, ru.ID, "editor"); err != nil {
		t.Fatal(err)
	}
	if n := liveJobs(t, "translate", ru.ID); n != 1 {
		t.Fatalf("live translate jobs after retry = %d, want 1", n)
	}
}
