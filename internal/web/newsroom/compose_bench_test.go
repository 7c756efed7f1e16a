package newsroom

import (
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/go-chi/chi/v5"

	"github.com/tilmash/tilmash/internal/ingest"
	"github.com/tilmash/tilmash/internal/web/kit/kittest"
)

// BenchmarkComposePreview measures the preview of the sample article sent as a file, with the
// text repair and language detection: what an editor waits for after the upload.
func BenchmarkComposePreview(b *testing.B) {
	sample, err := os.ReadFile("../../../samples/party-cooperation-china-central-asia.txt")
	if err != nil {
		b.Fatal(err)
	}
	prep, err := ingest.Load()
	if err != nil {
		b.Fatal(err)
	}
	h, err := New(kittest.Base(b, ""), &composeFake{})
	if err != nil {
		b.Fatal(err)
	}
	h.UseComposer(prep, 0)
	r := chi.NewRouter()
	r.Route(composeBase, func(r chi.Router) {
		r.Use(kittest.SignedIn(editor))
		h.ComposeRoutes(r)
	})
	b.ReportAllocs()
	for b.Loop() {
		body, ctype := multipartForm(b, [][2]string{{"lang", "auto"}}, string(sample))
		req := httptest.NewRequest("POST", composeBase+"/preview", body)
		req.Header.Set("Content-Type", ctype)
		rec := httptest.NewRecorder()
		r.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("preview = %d", rec.Code)
		}
	}
}
