package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/postgres/postgrestest"
	"github.com/tilmash/tilmash/internal/web"
)

// BenchmarkPublishAtSize measures publishing on a generated archive of N articles in four
// languages (bench/archive.sql): each iteration publishes one more article in its four languages
// with the transaction the release worker runs, and times, from its commit, until a serve
// process answers the new article's page in English and Chinese and lists it on the English front
// page (ms/served, median and slowest of the run), then an incremental export of the site into a
// directory (ms/export). A whole export of the archive is timed once (s/full-export), and the
// process's heap after the run is reported (MB-heap). Run:
//
//	go test -run '^$' -bench PublishAtSize -benchtime 20x ./cmd/tilmash/
func BenchmarkPublishAtSize(b *testing.B) {
	for _, n := range []int{10, 10000} {
		b.Run("articles="+strconv.Itoa(n), func(sub *testing.B) { benchmarkPublish(sub, b, n) })
	}
}

// publishBench is a generated archive with a serving process, kept across the benchmark's runs.
type publishBench struct {
	app       *app
	ws        *web.Server
	srv       *httptest.Server
	dir       string
	next      int
	fullSecs  float64
	fullFiles int
}

var publishBenches = map[int]*publishBench{}

// newPublishBench sets up (once per size) what outlives the runs of the sub-benchmark b: the
// database and server are owned by parent.
func newPublishBench(b, parent *testing.B, n int) *publishBench {
	if pb := publishBenches[n]; pb != nil {
		return pb
	}
	ctx := context.Background()
	cfg := &Config{DatabaseURL: postgrestest.NewDatabase(parent), Getenv: func(string) string { return "" }}
	a, err := newApp(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), io.Discard)
	if err != nil {
		b.Fatal(err)
	}
	sql, err := os.ReadFile(filepath.Join("..", "..", "bench", "archive.sql"))
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	if _, err := a.db.pool.Exec(ctx, strings.ReplaceAll(string(sql), ":articles", strconv.Itoa(n))); err != nil {
		b.Fatal(err)
	}
	b.Logf("generated %d articles × 4 languages in %s", n, time.Since(start).Round(time.Millisecond))
	ws, err := a.newWebServer()
	if err != nil {
		b.Fatal(err)
	}
	ws.Watch(ctx)
	pb := &publishBench{app: a, ws: ws, srv: httptest.NewServer(ws.Handler()), dir: filepath.Join(parent.TempDir(), "site")}
	parent.Cleanup(func() { pb.srv.Close(); ws.Close(); a.close(ctx) })
	start = time.Now()
	res, err := a.exportSite(ctx, pb.dir, true)
	if err != nil {
		b.Fatal(err)
	}
	pb.fullSecs, pb.fullFiles = time.Since(start).Seconds(), res.Written
	b.Logf("whole export: %d files in %.1f s", res.Written, pb.fullSecs)
	for _, p := range []string{"/en/", "/zh/", "/en/articles/archive-1"} {
		if code, _ := fetch(pb.srv.URL + p); code != 200 {
			b.Fatalf("GET %s = %d", p, code)
		}
	}
	publishBenches[n] = pb
	return pb
}

func fetch(url string) (int, string) {
	res, err := http.Get(url)
	if err != nil {
		return 0, err.Error()
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(body)
}

func benchmarkPublish(b, parent *testing.B, n int) {
	pb := newPublishBench(b, parent, n)
	ctx := context.Background()
	pool := pb.app.db.pool
	var served, exported []time.Duration
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		pb.next++
		slug := fmt.Sprintf("bench-%d-%d", n, pb.next)
		// The article, approved in four languages: done before the release, untimed.
		var id int64
		if err := pool.QueryRow(ctx, `WITH a AS (INSERT INTO articles (slug, source_lang, category, byline)
			VALUES ($1, 'en', 'analysis', 'Bench') RETURNING id),
			r AS (INSERT INTO revisions (article_id, number, format, body, title) SELECT id, 1, 'text', 'x', $1 FROM a RETURNING id, article_id)
			INSERT INTO editions (article_id, lang, is_source, state, revision_id, release)
			SELECT r.article_id, l, l = 'en', 'approved', r.id, 1 FROM r CROSS JOIN unnest(ARRAY['en', 'ru', 'kk', 'zh']) l
			RETURNING article_id`, slug).Scan(&id); err != nil {
			b.Fatal(err)
		}
		if _, err := pool.Exec(ctx, `UPDATE articles SET revision_id = (SELECT id FROM revisions WHERE article_id = $1) WHERE id = $1`, id); err != nil {
			b.Fatal(err)
		}
		if code, _ := fetch(pb.srv.URL + "/en/articles/" + slug); code != 404 {
			b.Fatalf("the article is served before it is published: %d", code)
		}
		b.StartTimer()
		start := time.Now()
		if _, err := pool.Exec(ctx, `WITH v AS (INSERT INTO published_versions
				(edition_id, article_id, lang, revision_id, release, title, byline, html, approved_by)
				SELECT e.id, e.article_id, e.lang, e.revision_id, 1, $2 || ' ' || e.lang, 'Bench', repeat('<p>Published now.</p>', 200), 'bench'
				FROM editions e WHERE e.article_id = $1 RETURNING id, edition_id)
			UPDATE editions e SET live_version_id = v.id, state = 'published' FROM v WHERE e.id = v.edition_id`, id, slug); err != nil {
			b.Fatal(err)
		}
		for _, p := range []string{"/en/articles/" + slug, "/zh/articles/" + slug} {
			for {
				if code, _ := fetch(pb.srv.URL + p); code == 200 {
					break
				}
			}
		}
		for {
			if _, body := fetch(pb.srv.URL + "/en/"); strings.Contains(body, "/en/articles/"+slug) {
				break
			}
		}
		served = append(served, time.Since(start))
		b.StopTimer()
		start = time.Now()
		res, err := pb.app.exportSite(ctx, pb.dir, false)
		if err != nil {
			b.Fatal(err)
		}
		if res.Full {
			b.Fatal("the export after one publication wrote the whole site")
		}
		exported = append(exported, time.Since(start))
		if _, err := os.Stat(filepath.Join(pb.dir, "zh", "articles", slug+".html")); err != nil {
			b.Fatalf("the incremental export lacks the new article: %v", err)
		}
		b.StartTimer()
	}
	b.StopTimer()
	slices.Sort(served)
	slices.Sort(exported)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	b.ReportMetric(ms(served[len(served)/2]), "ms/served-median")
	b.ReportMetric(ms(served[len(served)-1]), "ms/served-max")
	b.ReportMetric(ms(exported[len(exported)/2]), "ms/export-median")
	b.ReportMetric(pb.fullSecs, "s/full-export")
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(m.HeapInuse)/(1<<20), "MB-heap")
	cache := pb.ws.ReaderCache()
	b.ReportMetric(float64(cache.Bytes)/(1<<20), "MB-page-cache")
}
