package reader

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"testing/fstest"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/locales"
)

// discardWriter is a ResponseWriter that keeps nothing, so that the benchmark measures the
// handler.
type discardWriter struct{ h http.Header }

func (d *discardWriter) Header() http.Header         { return d.h }
func (d *discardWriter) Write(p []byte) (int, error) { return len(p), nil }
func (d *discardWriter) WriteHeader(int)             {}

// BenchmarkServePublished serves a published article page (identity and brotli) from the page
// cache, next to a bare handler that writes the same bytes: the cost of the cache per request.
//
//	go test -run '^$' -bench ServePublished ./internal/web/reader/
func BenchmarkServePublished(b *testing.B) {
	bundle, err := locales.Bundle()
	if err != nil {
		b.Fatal(err)
	}
	base, err := kit.New(bundle, slog.New(slog.NewTextHandler(io.Discard, nil)), "https://news.example.org")
	if err != nil {
		b.Fatal(err)
	}
	s := New(base, Config{Store: newFakeStore(), Static: fstest.MapFS{"site.css": {Data: []byte("body{}")}}})
	b.Cleanup(s.Close)
	h := s.ServePublished(http.NotFoundHandler())
	const path = "/en/articles/rail-corridor"
	for _, enc := range []string{"identity", "br"} {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req.Header.Set("Accept-Encoding", enc)
		req.Header.Set("Cookie", "lang=en")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatalf("%s = %d", path, rec.Code)
		}
		body, headers := rec.Body.Bytes(), rec.Header()
		bare := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			for k, v := range headers {
				w.Header()[k] = v
			}
			w.WriteHeader(200)
			w.Write(body)
		})
		for name, handler := range map[string]http.Handler{"reader": h, "bare": bare} {
			b.Run(name+"/"+enc, func(b *testing.B) {
				b.ReportAllocs()
				b.RunParallel(func(pb *testing.PB) {
					w := &discardWriter{h: http.Header{}}
					r := req.Clone(req.Context())
					for pb.Next() {
						clear(w.h)
						handler.ServeHTTP(w, r)
					}
				})
			})
		}
	}
}
