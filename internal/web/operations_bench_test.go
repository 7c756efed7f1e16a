package web

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/tilmash/tilmash/locales"
)

// discardWriter is a response writer that keeps nothing, so that only the server's work counts.
type discardWriter struct{ h http.Header }

func (d *discardWriter) Header() http.Header         { return d.h }
func (d *discardWriter) Write(b []byte) (int, error) { return len(b), nil }
func (d *discardWriter) WriteHeader(int)             {}

// BenchmarkPublishedPage serves a page from the reader's cache: through the cache alone, and
// with what every request gets in front of it (the request id, the route and the duration for
// the metrics), to show what that costs:
//
//	go test -run '^$' -bench BenchmarkPublishedPage -benchmem ./internal/web/
func BenchmarkPublishedPage(b *testing.B) {
	bundle, err := locales.Bundle()
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		scope bool
	}{{"cache only", false}, {"with request scope and metrics", true}} {
		b.Run(c.name, func(b *testing.B) {
			store := &fakeStore{listening: make(chan struct{})}
			s, err := New(Config{Store: store, Bundle: bundle, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
				ObserveRequest: func(string, string, int, time.Duration) {}})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			h := s.Handler()
			if !c.scope {
				h = s.reader.ServePublished(s.Routes())
			}
			r := httptest.NewRequest("GET", "/en/", nil)
			w := &discardWriter{h: http.Header{}}
			for b.Loop() {
				clear(w.h)
				h.ServeHTTP(w, r)
			}
		})
	}
}
