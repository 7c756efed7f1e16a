package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"golang.org/x/sync/errgroup"

	"github.com/tilmash/tilmash/internal/postgres/postgrestest"
	"github.com/tilmash/tilmash/pipeline"
)

// BenchmarkPipeline ingests articles like the sample through the real ingest path (preparer with
// the text repair, then the store) and runs the real River workers on PostgreSQL with the pseudo
// provider until every target edition is in review. Each round first ingests one article alone
// and times it from ingest to its three editions in review, then ingests a batch from four
// clients at once and waits for all of its editions. It reports:
//
//   - articles/s, segments/s, jobs/s: the batches' throughput in wall time, from the first
//     ingest of a batch until its last edition is in review (the time the last check's
//     transaction stamps on its edition);
//
//   - articles/s-jobs-completed: the same until River reports the batch's check jobs completed;
//
//   - ingest-ms/article: the wall time of a batch's ingests (prepare and store, from four clients
//     at once while the workers run), per article;
//
//   - ms/sample: the single article's time from ingest to three editions in review (the time
//     the last check's transaction stamps on its edition);
//
//   - ms/sample-jobs-completed: the same until River reports the three check jobs completed,
//     which its completer records in batches up to 250 ms later;
//
//   - go-cpu-ms/article: this process's CPU (user + system, getrusage) over all rounds, per article;
//
//   - pg-cpu-ms/article: the CPU of the PostgreSQL server processes serving this benchmark's
//     database (user + system from /proc/PID/stat), per article;
//
//   - queue-wait-ms-mean, queue-wait-ms-max: how long jobs stayed available in the queue before a
//     worker took them;
//
//   - findings/article: what the checks found, the same before and after any change of speed.
//
// With BENCH_LOG_SQL=1 the server logs every statement on the benchmark's database with its
// duration (log_min_duration_statement = 0 for that database), to count and weigh them.
//
//	go test -run '^$' -bench BenchmarkPipeline -benchtime 5x ./cmd/tilmash/
func BenchmarkPipeline(b *testing.B) {
	// A batch long enough that filling and draining the pipeline (the last article's own time
	// from ingest to review, 40 to 100 ms) is a small part of it: the throughput of a steady
	// stream of articles, not of a short burst.
	const perRound, ingestClients = 100, 4
	sample, err := os.ReadFile("../../samples/party-cooperation-china-central-asia.txt")
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	dburl := postgrestest.NewDatabase(b)
	if os.Getenv("BENCH_LOG_SQL") != "" {
		c, _ := pgxpool.New(ctx, dburl)
		if _, err := c.Exec(ctx, "DO $$BEGIN EXECUTE 'ALTER DATABASE ' || quote_ident(current_database()) || ' SET log_min_duration_statement = 0'; END$$"); err != nil {
			b.Fatal(err)
		}
		c.Close()
	}
	cfg := &Config{DatabaseURL: dburl, Provider: "pseudo", Workers: true, Getenv: func(string) string { return "" }}
	a, err := newApp(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), io.Discard)
	if err != nil {
		b.Fatal(err)
	}
	defer a.close(context.Background())
	prep, err := a.preparer()
	if err != nil {
		b.Fatal(err)
	}
	events, unsubscribe := a.river.Subscribe(river.EventKindJobCompleted, river.EventKindJobFailed)
	defer unsubscribe()
	if err := a.start(ctx); err != nil {
		b.Fatal(err)
	}
	ingestOne := func(slug string) (int64, int, error) {
		in, err := prep.Prepare(pipeline.IngestRequest{Text: string(sample), SourceLang: pipeline.English, Slug: slug}, 0)
		if err != nil {
			return 0, 0, err
		}
		art, err := a.store.CreateArticle(ctx, in)
		if err != nil {
			return 0, 0, err
		}
		return art.ID, len(in.Segments), nil
	}
	ingest := func(slug string) (int64, int) {
		id, n, err := ingestOne(slug)
		if err != nil {
			b.Fatal(err)
		}
		return id, n
	}
	// A target edition is in review when its check job completes: three per article.
	waitChecked := func(round, editions int) {
		for checked := 0; checked < editions; {
			select {
			case ev := <-events:
				if ev.Kind == river.EventKindJobFailed {
					b.Fatalf("%s job %d failed: %v", ev.Job.Kind, ev.Job.ID, ev.Job.Errors)
				}
				if ev.Job.Kind == "check" {
					checked++
				}
			case <-time.After(5 * time.Minute):
				b.Fatalf("round %d: %d of %d editions checked after 5 minutes", round, checked, editions)
			}
		}
	}
	var articles, segments int
	var batchTime, batchJobsTime, ingestTime, sampleTime, sampleJobsTime time.Duration
	goStart := processCPU(b)
	pgStart := postgresCPU(ctx, b, a.db.pool)
	b.ResetTimer()
	for round := range b.N {
		start := time.Now()
		id, _ := ingest(fmt.Sprintf("bench-%d-sample", round))
		waitChecked(round, 3)
		sampleJobsTime += time.Since(start)
		// The editions are in review when the check's transaction moves them, which stamps
		// updated_at; River records the check jobs as completed later, in batches.
		var n int
		var inReview time.Time
		if err := a.db.pool.QueryRow(ctx, `SELECT count(*), max(updated_at) FROM editions
			WHERE article_id = $1 AND NOT is_source AND state = 'in_review'`, id).Scan(&n, &inReview); err != nil || n != 3 {
			b.Fatalf("sample article: %d editions in review (%v)", n, err)
		}
		sampleTime += inReview.Sub(start)

		start = time.Now()
		// The batch comes from several clients at once, as articles do through the API: one
		// client sending one article after another measures its own waits, not the pipeline.
		ids := make([]int64, perRound)
		sizes := make([]int, perRound)
		var clients errgroup.Group
		clients.SetLimit(ingestClients)
		for i := range perRound {
			clients.Go(func() (err error) {
				ids[i], sizes[i], err = ingestOne(fmt.Sprintf("bench-%d-%d", round, i))
				return err
			})
		}
		if err := clients.Wait(); err != nil {
			b.Fatal(err)
		}
		for _, n := range sizes {
			segments += n
		}
		ingestTime += time.Since(start)
		waitChecked(round, 3*perRound)
		batchJobsTime += time.Since(start)
		if err := a.db.pool.QueryRow(ctx, `SELECT count(*), max(updated_at) FROM editions
			WHERE article_id = ANY($1) AND NOT is_source AND state = 'in_review'`, ids).Scan(&n, &inReview); err != nil || n != 3*perRound {
			b.Fatalf("batch: %d editions in review (%v)", n, err)
		}
		batchTime += inReview.Sub(start)
		articles += perRound
	}
	b.StopTimer()
	goCPU := processCPU(b) - goStart
	pgCPU := postgresCPU(ctx, b, a.db.pool).since(pgStart)
	var inReview, findings int
	if err := a.db.pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM editions WHERE NOT is_source AND state = 'in_review'),
		(SELECT count(*) FROM findings)`).Scan(&inReview, &findings); err != nil {
		b.Fatal(err)
	}
	all := articles + b.N // the batches and the single articles
	if inReview != 3*all {
		b.Fatalf("%d target editions in review, want %d", inReview, 3*all)
	}
	// How long jobs waited in the queue, from being available to being taken by a worker.
	var waitMean, waitMax float64
	if err := a.db.pool.QueryRow(ctx, `SELECT coalesce(avg(w), 0), coalesce(max(w), 0) FROM (
			SELECT extract(epoch FROM attempted_at - greatest(scheduled_at, created_at)) * 1000 AS w
			FROM river_job WHERE attempted_at IS NOT NULL) j`).Scan(&waitMean, &waitMax); err != nil {
		b.Fatal(err)
	}
	secs := batchTime.Seconds()
	b.ReportMetric(float64(articles)/secs, "articles/s")
	b.ReportMetric(float64(articles)/batchJobsTime.Seconds(), "articles/s-jobs-completed")
	b.ReportMetric(float64(segments)/secs, "segments/s")
	b.ReportMetric(float64(articles*7)/secs, "jobs/s") // fanout, three translate and three check jobs per article
	b.ReportMetric(float64(ingestTime.Milliseconds())/float64(articles), "ingest-ms/article")
	b.ReportMetric(float64(sampleTime.Milliseconds())/float64(b.N), "ms/sample")
	b.ReportMetric(float64(sampleJobsTime.Milliseconds())/float64(b.N), "ms/sample-jobs-completed")
	b.ReportMetric(goCPU.Seconds()*1000/float64(all), "go-cpu-ms/article")
	b.ReportMetric(pgCPU.Seconds()*1000/float64(all), "pg-cpu-ms/article")
	b.ReportMetric(float64(findings)/float64(all), "findings/article")
	b.ReportMetric(waitMean, "queue-wait-ms-mean")
	b.ReportMetric(waitMax, "queue-wait-ms-max")
}

// processCPU is the CPU time (user and system) this process has used.
func processCPU(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// pgCPU is the CPU time of PostgreSQL server processes by process id.
type pgCPU map[int]time.Duration

// postgresCPU reads the CPU time (user and system, from /proc/PID/stat) of the server processes
// connected to pool's database: the pool's connections and River's listener. The benchmark's
// connections stay open from start to end, so none is missed; other databases' processes (other
// tests on the same server) are left out.
func postgresCPU(ctx context.Context, b *testing.B, pool *pgxpool.Pool) pgCPU {
	rows, err := pool.Query(ctx, `SELECT pid FROM pg_stat_activity WHERE datname = current_database()`)
	if err != nil {
		b.Fatal(err)
	}
	defer rows.Close()
	out := pgCPU{}
	for rows.Next() {
		var pid int
		if err := rows.Scan(&pid); err != nil {
			b.Fatal(err)
		}
		stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
		if err != nil {
			b.Skipf("PostgreSQL's processes are not readable here (%v): its CPU cannot be measured", err)
		}
		// Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
		f := strings.Fields(string(stat[strings.LastIndexByte(string(stat), ')')+1:]))
		utime, _ := strconv.ParseInt(f[11], 10, 64)
		stime, _ := strconv.ParseInt(f[12], 10, 64)
		out[pid] = time.Duration(utime+stime) * time.Second / clockTicks
	}
	if err := rows.Err(); err != nil {
		b.Fatal(err)
	}
	return out
}

// clockTicks is the kernel's USER_HZ, the unit of /proc/PID/stat's times (100 on Linux).
const clockTicks = 100

// since sums the CPU each process used after start (all of it for a process that started since).
func (c pgCPU) since(start pgCPU) time.Duration {
	var d time.Duration
	for pid, t := range c {
		d += t - start[pid]
	}
	return d
}
