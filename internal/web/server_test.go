package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/tilmash/tilmash/locales"
	"github.com/tilmash/tilmash/pipeline"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// fakeStore knows one API token, one session and an empty site; any other method panics through
// the nil Store it embeds.
type fakeStore struct {
	Store
	listening chan struct{}
}

func (f *fakeStore) FindUserByToken(_ context.Context, token string) (pipeline.User, error) {
	if token == "api-token" {
		return pipeline.User{ID: 1, Name: "dana", Role: pipeline.RoleEditor}, nil
	}
	return pipeline.User{}, &pipeline.Error{Code: pipeline.CodeNotFound, MessageID: "error.not_found"}
}

func (f *fakeStore) FindSession(_ context.Context, token string) (pipeline.Session, error) {
	if token == "session" {
		return pipeline.Session{User: pipeline.User{ID: 2, Name: "olga", Role: pipeline.RoleTranslator,
			Langs: []pipeline.Lang{pipeline.Russian}}, CSRFToken: "csrf", ExpiresAt: time.Now().Add(time.Hour)}, nil
	}
	return pipeline.Session{}, &pipeline.Error{Code: pipeline.CodeNotFound, MessageID: "error.not_found"}
}

func (f *fakeStore) DeleteSession(context.Context, string) error { return nil }

func (f *fakeStore) FindArticles(context.Context, int, int) ([]pipeline.Article, error) {
	return nil, nil
}

func (f *fakeStore) LoadSnapshot(context.Context) (pipeline.Snapshot, error) {
	return pipeline.Snapshot{Generation: 1}, nil
}

func (f *fakeStore) FindVersionHTML(context.Context, []int64) (map[int64]string, error) {
	return nil, nil
}

func (f *fakeStore) SiteGeneration(context.Context) (int64, error) { return 1, nil }

func (f *fakeStore) SiteChanges(context.Context, int64, int64) (pipeline.SiteDelta, error) {
	return pipeline.SiteDelta{Generation: 1}, nil
}

func (f *fakeStore) ListenSite(ctx context.Context, _ time.Duration, changed func(bool)) {
	changed(false)
	close(f.listening)
	<-ctx.Done()
}

func newServer(t *testing.T, baseURL string) (*Server, *fakeStore) {
	t.Helper()
	bundle, err := locales.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	store := &fakeStore{listening: make(chan struct{})}
	s, err := New(Config{Store: store, Bundle: bundle, BaseURL: baseURL, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s, store
}

type req struct {
	method, path, lang, body string
	header                   map[string]string
}

func (r req) do(h http.Handler) *httptest.ResponseRecorder {
	hr := httptest.NewRequest(r.method, r.path, strings.NewReader(r.body))
	if r.body != "" {
		hr.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	hr.Header.Set("Accept-Language", r.lang)
	for k, v := range r.header {
		hr.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, hr)
	return rec
}

// TestTheTreeGuardsEachArea: the API wants a token, the workbench and the newsroom a session,
// its token on every form and no cross-site request, the newsroom an editor; each refusal speaks
// the requester's language.
func TestTheTreeGuardsEachArea(t *testing.T) {
	t.Parallel()
	s, _ := newServer(t, "")
	h := s.Handler()
	session := map[string]string{"Cookie": "tilmash_session=session"}
	for _, tc := range []struct {
		what   string
		req    req
		status int
		want   string
	}{
		{"the API without a token, English", req{"GET", "/api/v1/articles", "en", "", nil}, 401, "Sign in or send a valid API token."},
		{"the API without a token, Russian", req{"GET", "/api/v1/articles", "ru", "", nil}, 401, "Войдите или передайте действительный API-токен."},
		{"the API with a token", req{"GET", "/api/v1/articles", "en", "", map[string]string{"Authorization": "Bearer api-token"}}, 200, `"articles":[]`},
		{"the API with a NUL in the query", req{"GET", "/api/v1/articles?q=%00", "ru", "", map[string]string{"Authorization": "Bearer api-token"}},
			400, "Поле «q» содержит символ NUL"},
		{"the workbench's script signed out", req{"PUT", "/workbench/editions/1/segments/2", "ru", "", nil}, 401,
			"Сеанс завершён."},
		{"a form without the session's token, English", req{"POST", "/workbench/signout", "en", "x=1", session}, 403,
			"This form has expired."},
		{"a form without the session's token, Russian", req{"POST", "/workbench/signout", "ru", "x=1", session}, 403,
			"Срок действия формы истёк."},
		{"a cross-site form with the token", req{"POST", "/workbench/signout", "en", "csrf=csrf",
			map[string]string{"Cookie": "tilmash_session=session", "Sec-Fetch-Site": "cross-site"}}, 403, "This form has expired."},
		{"a translator in the newsroom", req{"GET", "/workbench/newsroom/", "ru", "", session}, 403,
			"Редакция доступна только редакторам и администраторам."},
		{"the sign-in form", req{"GET", "/workbench/signin", "ru", "", nil}, 200, "<title>Вход"},
		{"an unknown page", req{"GET", "/ru/nothing-here", "en", "", nil}, 404, "Страница не найдена"},
		{"health", req{"GET", "/healthz", "", "", nil}, 200, "ok"},
		{"a stylesheet", req{"GET", "/static/workbench.css", "", "", nil}, 200, "{"},
		{"a directory", req{"GET", "/static/", "", "", nil}, 404, ""},
	} {
		rec := tc.req.do(h)
		if rec.Code != tc.status || !strings.Contains(rec.Body.String(), tc.want) {
			t.Errorf("%s = %d, want %d with %q:\n%s", tc.what, rec.Code, tc.status, tc.want, rec.Body.String())
		}
		if rec.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no security headers", tc.what)
		}
	}
	rec := req{"GET", "/workbench/", "en", "", nil}.do(h)
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/workbench/signin?next=%2Fworkbench%2F" {
		t.Errorf("the queue signed out = %d to %q", rec.Code, rec.Header().Get("Location"))
	}
	rec = req{"POST", "/workbench/signout", "en", "csrf=csrf", session}.do(h)
	if rec.Code != http.StatusSeeOther || !strings.Contains(rec.Header().Get("Set-Cookie"), "tilmash_session=;") {
		t.Errorf("signing out = %d, %q", rec.Code, rec.Header().Get("Set-Cookie"))
	}
}

// TestHSTSOnlyOnHTTPS: every answer carries Strict-Transport-Security when the public address is
// https, published pages included.
func TestHSTSOnlyOnHTTPS(t *testing.T) {
	t.Parallel()
	for base, want := range map[string]bool{"https://news.example.org": true, "http://127.0.0.1:8080": false} {
		s, _ := newServer(t, base)
		for _, p := range []string{"/en/", "/healthz", "/api/v1/articles"} {
			got := req{"GET", p, "en", "", nil}.do(s.Handler()).Header().Get("Strict-Transport-Security")
			if (got != "") != want {
				t.Errorf("%s %s: %q", base, p, got)
			}
		}
	}
}

// TestCloseStopsTheWatcher: a server's watcher ends with Close, whatever its context.
func TestCloseStopsTheWatcher(t *testing.T) {
	t.Parallel()
	s, store := newServer(t, "")
	s.Watch(context.Background())
	<-store.listening
	s.Close()
	if rec := (req{"GET", "/en/", "en", "", nil}).do(s.Handler()); rec.Code != 200 {
		t.Errorf("the front page after Close = %d", rec.Code)
	}
}
