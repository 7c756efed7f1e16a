package postgres_test

import (
	"context"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/tilmash/tilmash/internal/postgres"
	"github.com/tilmash/tilmash/internal/postgres/postgrestest"
	"github.com/tilmash/tilmash/pipeline"
)

// BenchmarkMemoryBrowse measures one page of the memory browser in a memory of 100,000 entries:
// searches by a word of a stored source (rare and common words alike, as drawn from real
// frequencies), by a word of the translations, and the newest entries with no search. It reports
// the median and 95th percentile latency.
//
//	go test -run '^$' -bench BenchmarkMemoryBrowse -benchtime 300x ./internal/postgres/
func BenchmarkMemoryBrowse(b *testing.B) {
	ctx := context.Background()
	pool, err := pgxpool.New(ctx, postgrestest.NewDatabase(b))
	if err != nil {
		b.Fatal(err)
	}
	defer pool.Close()
	r := rand.New(rand.NewPCG(3, 4))
	ws := loadWords(b, 30_000)
	sources := fillMemory(b, pool, ws, 100_000, r)
	db := postgres.New(pool)
	queries := make([]pipeline.MemoryQuery, 256)
	for i := range queries {
		q := pipeline.MemoryQuery{Source: pipeline.English, Target: pipeline.Russian, Limit: 25}
		words := strings.Fields(strings.TrimSuffix(sources[r.IntN(len(sources))], "."))
		switch i % 4 {
		case 0, 1:
			q.Text = words[r.IntN(len(words))]
		case 2:
			q.Text, q.InTarget = "перевод "+words[0], true
		}
		queries[i] = q
	}
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := range b.N {
		start := time.Now()
		if _, _, err := db.FindMemoryEntries(ctx, queries[i%len(queries)]); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "median-ms")
	b.ReportMetric(float64(lat[len(lat)*95/100].Microseconds())/1000, "p95-ms")
}
