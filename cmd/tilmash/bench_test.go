package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"testing"
	"time"

	"github.com/riverqueue/river"

	"github.com/tilmash/tilmash/internal/ingest"
	"github.com/tilmash/tilmash/internal/postgres/postgrestest"
	"github.com/tilmash/tilmash/pipeline"
)

// BenchmarkPipeline ingests articles like the sample and runs the real River workers until every
// target edition is in review with the pseudo provider. It reports articles, segments and jobs per
// second of wall time.
//
//	go test -run '^$' -bench BenchmarkPipeline -benchtime 3x ./cmd/tilmash/
func BenchmarkPipeline(b *testing.B) {
	const perRound = 20
	sample, err := os.ReadFile("../../samples/party-cooperation-china-central-asia.txt")
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cfg := &Config{DatabaseURL: postgrestest.NewDatabase(b), Provider: "pseudo", Workers: true, Getenv: func(string) string { return "" }}
	a, err := newApp(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), io.Discard)
	if err != nil {
		b.Fatal(err)
	}
	defer a.close(context.Background())
	events, unsubscribe := a.river.Subscribe(river.EventKindJobCompleted, river.EventKindJobFailed)
	defer unsubscribe()
	if err := a.start(ctx); err != nil {
		b.Fatal(err)
	}
	var articles, segments int
	var elapsed time.Duration
	b.ResetTimer()
	for round := range b.N {
		start := time.Now()
		ids := make([]int64, 0, perRound)
		for i := range perRound {
			in, err := ingest.Prepare(pipeline.IngestRequest{Text: string(sample), SourceLang: pipeline.English,
				Slug: fmt.Sprintf("bench-%d-%d", round, i)}, 0)
			if err != nil {
				b.Fatal(err)
			}
			art, err := a.store.CreateArticle(ctx, in)
			if err != nil {
				b.Fatal(err)
			}
			ids = append(ids, art.ID)
			segments += len(in.Segments)
		}
		// A target edition is in review when its check job completes: three per article.
		for checked := 0; checked < 3*perRound; {
			select {
			case ev := <-events:
				if ev.Kind == river.EventKindJobFailed {
					b.Fatalf("%s job %d failed: %v", ev.Job.Kind, ev.Job.ID, ev.Job.Errors)
				}
				if ev.Job.Kind == "check" {
					checked++
				}
			case <-time.After(5 * time.Minute):
				b.Fatalf("round %d: %d of %d editions checked after 5 minutes", round, checked, 3*perRound)
			}
		}
		for _, id := range ids {
			eds, err := a.store.FindEditions(ctx, id)
			if err != nil {
				b.Fatal(err)
			}
			for _, e := range eds {
				if !e.IsSource && e.State != pipeline.StateInReview {
					b.Fatalf("article %d: %s edition is %s after its check", id, e.Lang, e.State)
				}
			}
		}
		elapsed += time.Since(start)
		articles += perRound
	}
	b.StopTimer()
	secs := elapsed.Seconds()
	jobs := articles * 7 // fanout, three translate and three check jobs per article
	b.ReportMetric(float64(articles)/secs, "articles/s")
	b.ReportMetric(float64(segments)/secs, "segments/s")
	b.ReportMetric(float64(jobs)/secs, "jobs/s")
}
