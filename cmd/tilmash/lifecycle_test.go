package main

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"

	"github.com/tilmash/tilmash/internal/postgres/postgrestest"
	"github.com/tilmash/tilmash/pipeline"
)

// A job that a killed process left "running" goes back to the queue shortly after the job
// timeout, not after River's default hour, and the next process finishes the work.
func TestJobLeftRunningByAKilledProcessIsRescued(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dbURL := postgrestest.NewDatabase(t)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))

	// The first process stores an article with its fan-out job, then dies holding that job.
	first, err := newApp(ctx, &Config{DatabaseURL: dbURL, Provider: "pseudo"}, log, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	a, err := first.store.CreateArticle(ctx, postgrestest.NewArticle(pipeline.English, "rescued", "A title", "One sentence.", "Two sentences."))
	if err != nil {
		t.Fatal(err)
	}
	first.close(ctx)
	pool, err := pgxpool.New(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	if _, err := pool.Exec(ctx, `UPDATE river_job SET state = 'running', attempt = 1, attempted_at = now() - interval '1 minute',
		attempted_by = ARRAY['killed-process'] WHERE kind = 'fanout'`); err != nil {
		t.Fatal(err)
	}

	// The next process runs with a short job timeout.
	next, err := newApp(ctx, &Config{DatabaseURL: dbURL, Provider: "pseudo", Workers: true, JobTimeout: 5 * time.Second}, log, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	events, cancel := next.river.Subscribe(river.EventKindJobCompleted)
	defer cancel()
	runCtx, stop := context.WithCancel(ctx)
	defer func() { stop(); next.close(ctx) }()
	if err := next.start(runCtx); err != nil {
		t.Fatal(err)
	}
	timeout := time.After(2 * time.Minute)
	for {
		select {
		case ev := <-events:
			if ev.Job.Kind != "check" {
				continue
			}
			e, err := next.store.FindEdition(ctx, a.ID, pipeline.Russian)
			if err != nil {
				t.Fatal(err)
			}
			if e.State == pipeline.StateInReview {
				return
			}
		case <-timeout:
			t.Fatal("the job left running by the killed process was never rescued")
		}
	}
}
