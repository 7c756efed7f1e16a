package postgres_test

import (
	"bufio"
	"compress/gzip"
	"context"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/tilmash/tilmash/internal/postgres"
	"github.com/tilmash/tilmash/internal/postgres/postgrestest"
	"github.com/tilmash/tilmash/pipeline"
)

// wordSampler draws English words with their real frequencies (the subtitle-corpus counts that
// the repair package ships), so that synthetic sentences share words and trigrams the way real
// prose does: a few very common, most rare.
type wordSampler struct {
	words []string
	cum   []float64
}

func loadWords(b *testing.B, n int) *wordSampler {
	b.Helper()
	f, err := os.Open("../repair/data/en.tsv.gz")
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	ws := &wordSampler{}
	sc := bufio.NewScanner(zr)
	total := 0.0
	for sc.Scan() && len(ws.words) < n {
		parts := strings.Split(sc.Text(), "\t")
		if len(parts) < 2 || len(parts[0]) < 2 && parts[0] != "a" {
			continue
		}
		c, err := strconv.ParseFloat(parts[1], 64)
		if err != nil {
			continue
		}
		total += c
		ws.words = append(ws.words, parts[0])
		ws.cum = append(ws.cum, total)
	}
	return ws
}

func (ws *wordSampler) word(r *rand.Rand) string {
	x := r.Float64() * ws.cum[len(ws.cum)-1]
	i, _ := slices.BinarySearch(ws.cum, x)
	return ws.words[min(i, len(ws.words)-1)]
}

func (ws *wordSampler) sentence(r *rand.Rand) string {
	n := 10 + r.IntN(16)
	w := make([]string, n)
	for i := range w {
		w[i] = ws.word(r)
	}
	return strings.ToUpper(w[0][:1]) + w[0][1:] + " " + strings.Join(w[1:], " ") + "."
}

// fillMemory inserts n synthetic entries with COPY.
func fillMemory(b *testing.B, pool *pgxpool.Pool, ws *wordSampler, n int, r *rand.Rand) []string {
	b.Helper()
	rows := make([][]any, n)
	sources := make([]string, n)
	for i := range rows {
		s := ws.sentence(r)
		sources[i] = s
		rows[i] = []any{int64(i + 1), "en", "ru", s, pipeline.NormalizeForMemory(s), "перевод " + s}
	}
	if _, err := pool.CopyFrom(context.Background(), pgx.Identifier{"memory_entries"},
		[]string{"id", "source_lang", "target_lang", "source_text", "source_norm", "target_text"}, pgx.CopyFromRows(rows)); err != nil {
		b.Fatal(err)
	}
	var keys [][]any
	for i, s := range sources {
		for _, sh := range pipeline.MemoryShingles(pipeline.NormalizeForMemory(s)) {
			keys = append(keys, []any{sh, int64(i + 1)})
		}
	}
	if _, err := pool.CopyFrom(context.Background(), pgx.Identifier{"memory_shingles"}, []string{"shingle", "entry_id"},
		pgx.CopyFromRows(dedupe(keys))); err != nil {
		b.Fatal(err)
	}
	if _, err := pool.Exec(context.Background(), `SELECT setval('memory_entries_id_seq', $1)`, len(sources)); err != nil {
		b.Fatal(err)
	}
	if _, err := pool.Exec(context.Background(), `ANALYZE memory_entries; ANALYZE memory_shingles`); err != nil {
		b.Fatal(err)
	}
	return sources
}

// perturb changes a few words of a sentence, as an author's revision would.
func perturb(ws *wordSampler, s string, r *rand.Rand) string {
	w := strings.Fields(s)
	for range 1 + r.IntN(2) {
		w[r.IntN(len(w))] = ws.word(r)
	}
	return strings.Join(w, " ")
}

// BenchmarkMemoryFuzzy measures fuzzy lookups (threshold 75, best 3) in a memory of 100,000
// entries: half the queries are revisions of stored sentences (one or two words changed), half
// new sentences. It reports
// the median and 95th percentile latency.
//
//	go test -run '^$' -bench BenchmarkMemoryFuzzy -benchtime 1000x ./postgres/
func BenchmarkMemoryFuzzy(b *testing.B) {
	ctx := context.Background()
	pool, err := pgxpool.New(ctx, postgrestest.NewDatabase(b))
	if err != nil {
		b.Fatal(err)
	}
	defer pool.Close()
	r := rand.New(rand.NewPCG(1, 2))
	ws := loadWords(b, 30_000)
	sources := fillMemory(b, pool, ws, 100_000, r)
	db := postgres.New(pool)
	queries := make([]string, 512)
	for i := range queries {
		if i%2 == 0 {
			queries[i] = perturb(ws, sources[r.IntN(len(sources))], r)
		} else {
			queries[i] = ws.sentence(r)
		}
	}
	for _, q := range queries[:20] { // warm the cache
		db.FindMemoryFuzzy(ctx, pipeline.English, pipeline.Russian, q, 75, 3)
	}
	lat := make([]time.Duration, 0, b.N)
	found := 0
	b.ResetTimer()
	for i := range b.N {
		start := time.Now()
		ms, err := db.FindMemoryFuzzy(ctx, pipeline.English, pipeline.Russian, queries[i%len(queries)], 75, 3)
		lat = append(lat, time.Since(start))
		if err != nil {
			b.Fatal(err)
		}
		if len(ms) > 0 {
			found++
		}
	}
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "median-ms")
	b.ReportMetric(float64(lat[len(lat)*95/100].Microseconds())/1000, "p95-ms")
	b.ReportMetric(float64(found)/float64(b.N), "hit-rate")
}

// dedupe drops repeated (shingle, entry) rows: a sentence can repeat a word sequence.
func dedupe(rows [][]any) [][]any {
	seen := map[[2]int64]bool{}
	out := rows[:0]
	for _, r := range rows {
		k := [2]int64{r[0].(int64), r[1].(int64)}
		if !seen[k] {
			seen[k] = true
			out = append(out, r)
		}
	}
	return out
}

// BenchmarkMemoryFuzzyEdition measures the fuzzy look-ups of a 64-segment edition in the same
// memory of 100,000 entries: one batched statement (FindMemoryFuzzyMany, as the translate worker
// runs it) against 64 single look-ups, and checks that both find the same matches.
//
//	go test -run '^$' -bench BenchmarkMemoryFuzzyEdition -benchtime 20x ./internal/postgres/
func BenchmarkMemoryFuzzyEdition(b *testing.B) {
	ctx := context.Background()
	pool, err := pgxpool.New(ctx, postgrestest.NewDatabase(b))
	if err != nil {
		b.Fatal(err)
	}
	defer pool.Close()
	r := rand.New(rand.NewPCG(1, 2))
	ws := loadWords(b, 30_000)
	sources := fillMemory(b, pool, ws, 100_000, r)
	db := postgres.New(pool)
	norms := make([]string, 64)
	for i := range norms {
		q := ws.sentence(r)
		if i%2 == 0 {
			q = perturb(ws, sources[r.IntN(len(sources))], r)
		}
		norms[i] = pipeline.NormalizeForMemory(q)
	}
	var batched, single time.Duration
	b.ResetTimer()
	for range b.N {
		start := time.Now()
		many, err := db.FindMemoryFuzzyMany(ctx, pipeline.English, pipeline.Russian, norms, 75, 3)
		batched += time.Since(start)
		if err != nil {
			b.Fatal(err)
		}
		start = time.Now()
		for i, q := range norms {
			one, err := db.FindMemoryFuzzy(ctx, pipeline.English, pipeline.Russian, q, 75, 3)
			if err != nil {
				b.Fatal(err)
			}
			if len(one) != len(many[i]) || len(one) > 0 && one[0].Entry.ID != many[i][0].Entry.ID {
				b.Fatalf("text %d: alone %v, batched %v", i, one, many[i])
			}
		}
		single += time.Since(start)
	}
	b.ReportMetric(float64(batched.Microseconds())/1000/float64(b.N), "batched-ms/edition")
	b.ReportMetric(float64(single.Microseconds())/1000/float64(b.N), "single-ms/edition")
}
