// Package postgrestest gives a test package a fresh, migrated database of its own: on the server
// named by DATABASE_URL when it is set, or on a private server started for the run otherwise. The
// database is dropped when the package's tests end, so tests never share state with anything else.
package postgrestest

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"

	"github.com/tilmash/tilmash/internal/pgserver"
	"github.com/tilmash/tilmash/internal/postgres"
	"github.com/tilmash/tilmash/pipeline"
)

// env is the database of the running test binary.
var env struct {
	url  string
	pool *pgxpool.Pool
}

// Main runs a test package against its own database. Call it from TestMain:
//
//	func TestMain(m *testing.M) { postgrestest.Main(m) }
func Main(m *testing.M) {
	code, err := run(m)
	if err != nil {
		fmt.Fprintln(os.Stderr, "postgrestest:", err)
		os.Exit(1)
	}
	os.Exit(code)
}

func run(m *testing.M) (int, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	admin := os.Getenv("DATABASE_URL")
	if admin == "" {
		dir, err := os.MkdirTemp("", "tilmash-test-pg-")
		if err != nil {
			return 0, err
		}
		defer os.RemoveAll(dir) //nolint:errcheck // a temporary directory; the system cleans what is left
		if err := os.Chmod(dir, 0o755); err != nil {
			return 0, err
		}
		srv, err := pgserver.Start(ctx, pgserver.Options{Dir: dir})
		if err != nil {
			return 0, err
		}
		defer srv.Stop(context.Background()) //nolint:errcheck // tests are over; a stop that fails leaves a temporary server
		admin = srv.URL("postgres")
	}
	url, drop, err := pgserver.CreateTempDatabase(ctx, admin, "tilmash_test")
	if err != nil {
		return 0, err
	}
	defer drop(context.Background()) //nolint:errcheck // tests are over; the server is going away
	pool, err := pgxpool.New(ctx, url)
	if err != nil {
		return 0, err
	}
	defer pool.Close()
	if _, err := postgres.Migrate(ctx, pool); err != nil {
		return 0, err
	}
	env.url, env.pool = url, pool
	return m.Run(), nil
}

// Pool returns the package's migrated database.
func Pool(t testing.TB) *pgxpool.Pool {
	t.Helper()
	if env.pool == nil {
		t.Fatal("postgrestest: call postgrestest.Main from TestMain")
	}
	return env.pool
}

// URL returns the package database's connection URL.
func URL(t testing.TB) string {
	t.Helper()
	Pool(t)
	return env.url
}

// Store returns a store on the package database whose jobs go to River through an insert-only
// client: they are queued but not worked.
func Store(t testing.TB) *postgres.DB {
	t.Helper()
	pool := Pool(t)
	client, err := river.NewClient(riverpgxv5.New(pool), &river.Config{TestOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	db := postgres.New(pool)
	db.UseQueue(client)
	return db
}

// CountJobs counts queued jobs of a kind whose JSON args contain the given key and value.
func CountJobs(t testing.TB, kind, key string, value int64) int {
	t.Helper()
	var n int
	if err := Pool(t).QueryRow(context.Background(), `SELECT count(*) FROM river_job WHERE kind = $1 AND (args->>$2)::bigint = $3`,
		kind, key, value).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// QueryInt runs a query that returns exactly one row of one integer, and fails the test when it
// returns no row, more than one, or NULL: a count the test relies on is never made up.
func QueryInt(t testing.TB, sql string, args ...any) int {
	t.Helper()
	rows, err := Pool(t).Query(context.Background(), sql, args...)
	if err != nil {
		t.Fatalf("QueryInt %q: %v", sql, err)
	}
	n, err := pgx.CollectExactlyOneRow(rows, pgx.RowTo[int])
	if err != nil {
		t.Fatalf("QueryInt %q: %v", sql, err)
	}
	return n
}

// NewArticle builds an article to store: a title and one paragraph per text, one sentence each.
// slug may be empty to let the store derive it.
func NewArticle(lang pipeline.Lang, slug, title string, paragraphs ...string) pipeline.NewArticle {
	doc := pipeline.Document{Title: title, Blocks: []pipeline.Block{{Kind: pipeline.BlockTitle, Text: title}}}
	segs := []pipeline.Segment{{Position: 0, BlockIndex: 0, Kind: pipeline.BlockTitle, Text: title, Hash: "h0"}}
	for i, p := range paragraphs {
		doc.Blocks = append(doc.Blocks, pipeline.Block{Kind: pipeline.BlockParagraph, Text: p})
		segs = append(segs, pipeline.Segment{Position: i + 1, BlockIndex: i + 1, Kind: pipeline.BlockParagraph, Text: p, Hash: fmt.Sprint("h", i+1)})
	}
	return pipeline.NewArticle{Request: pipeline.IngestRequest{Text: title + "\n\n" + strings.Join(paragraphs, "\n\n"),
		Format: pipeline.FormatText, SourceLang: lang, Slug: slug, CreatedBy: "test"}, Doc: doc, Segments: segs}
}

// NewDatabase creates another fresh, migrated database on the package database's server, dropped
// when the test ends, and returns its URL. Tests that run River workers need one each: workers on
// a shared database would take each other's jobs.
func NewDatabase(t testing.TB) string {
	t.Helper()
	ctx := context.Background()
	url, drop, err := pgserver.CreateTempDatabase(ctx, URL(t), "tilmash_test")
	if err != nil {
		t.Fatal(err)
	}
	pool, err := pgxpool.New(ctx, url)
	if err != nil {
		drop(ctx) //nolint:errcheck // already failing; this error is the one to report
		t.Fatal(err)
	}
	defer pool.Close()
	if _, err := postgres.Migrate(ctx, pool); err != nil {
		drop(ctx) //nolint:errcheck // already failing; this error is the one to report
		t.Fatal(err)
	}
	t.Cleanup(func() { drop(context.Background()) }) //nolint:errcheck // the test is over
	return url
}
