// Package kittest helps the web areas' tests: the shared base with every locale's messages, a
// signed-in session without a database, and requests in a chosen language.
package kittest

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/locales"
	"github.com/tilmash/tilmash/pipeline"
)

// Base is the shared base with the real messages, a silent log and baseURL as the public address.
func Base(t testing.TB, baseURL string) *kit.Base {
	t.Helper()
	bundle, err := locales.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	b, err := kit.New(bundle, slog.New(slog.NewTextHandler(io.Discard, nil)), baseURL)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// SignedIn puts sess, when not nil, in every request's context, as the router does for a valid
// session cookie.
func SignedIn(sess *pipeline.Session) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if sess != nil {
				r = r.WithContext(kit.WithSession(r.Context(), sess))
			}
			next.ServeHTTP(w, r)
		})
	}
}

// Do sends a request with body (a form when it looks like one, JSON when it starts with "{")
// in the language lang asks for, and returns the answer.
func Do(h http.Handler, method, path, lang, body string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	switch {
	case strings.HasPrefix(body, "{"):
		req.Header.Set("Content-Type", "application/json")
	case body != "":
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if lang != "" {
		req.Header.Set("Accept-Language", lang)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// Says fails the test unless the answer has the status and holds every one of want.
func Says(t testing.TB, what string, rec *httptest.ResponseRecorder, status int, want ...string) {
	t.Helper()
	if rec.Code != status {
		t.Errorf("%s = %d, want %d:\n%s", what, rec.Code, status, rec.Body.String())
	}
	for _, w := range want {
		if !strings.Contains(rec.Body.String(), w) {
			t.Errorf("%s does not say %q:\n%s", what, w, rec.Body.String())
		}
	}
}

// Follow answers a redirect as a browser does: it gets the Location in lang, sending back the
// cookies the redirect set (a refused form's reason travels in one), and returns the answer.
// It fails the test unless rec is a 303 redirect.
func Follow(t testing.TB, h http.Handler, rec *httptest.ResponseRecorder, lang string) *httptest.ResponseRecorder {
	t.Helper()
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("answer = %d, want a redirect (303):\n%s", rec.Code, rec.Body.String())
	}
	req := httptest.NewRequest("GET", rec.Header().Get("Location"), nil)
	for _, c := range rec.Result().Cookies() {
		req.AddCookie(c)
	}
	if lang != "" {
		req.Header.Set("Accept-Language", lang)
	}
	out := httptest.NewRecorder()
	h.ServeHTTP(out, req)
	return out
}
