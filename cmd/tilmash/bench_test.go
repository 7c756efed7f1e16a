package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"testing"
	"time"

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
		for _, id := range ids {
			for {
				eds, err := a.store.FindEditions(ctx, id)
				if err != nil {
					b.Fatal(err)
				}
				done := true
				for _, e := range eds {
					done = done && (e.IsSource || e.State == pipeline.StateInReview)
				}
				if done {
					break
				}
				time.Sleep(20 * time.Millisecond)
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
