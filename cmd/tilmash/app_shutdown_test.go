package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"go.uber.org/goleak"

	"github.com/tilmash/tilmash/internal/postgres/postgrestest"
)

// TestCloseEndsEverythingItStarted: an app started with the workers and the export on change,
// with a web server whose page cache follows the database, leaves no goroutine behind once
// closed, although the context it was started with never ends. Not parallel: goleak sees every
// goroutine of the process, and parallel tests only run once the sequential ones are done.
func TestCloseEndsEverythingItStarted(t *testing.T) {
	dir := t.TempDir()
	cfg := &Config{DatabaseURL: postgrestest.NewDatabase(t), Provider: "none", Workers: true,
		Getenv: func(k string) string {
			if k == "TILMASH_EXPORT_DIR" {
				return dir
			}
			return ""
		}}
	before := goleak.IgnoreCurrent()
	a, err := newApp(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.start(context.Background()); err != nil {
		a.close(context.Background())
		t.Fatal(err)
	}
	ws, err := a.webServer()
	if err != nil {
		a.close(context.Background())
		t.Fatal(err)
	}
	h := ws.Handler()
	for _, path := range []string{"/en/", "/ru/no-such-page", "/sitemap.xml"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		if rec.Code >= 500 {
			t.Errorf("%s = %d", path, rec.Code)
		}
	}
	if _, err := a.export(context.Background(), t.TempDir()); err != nil {
		t.Error(err)
	}
	a.close(context.Background())
	goleak.VerifyNone(t, before)
}
