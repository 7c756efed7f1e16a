package reader

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/go-chi/chi/v5"
	"go.uber.org/goleak"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/locales"
	"github.com/tilmash/tilmash/pipeline"
)

// The site starts goroutines (the watcher, rebuilds in the background): none may outlive Close.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// fakeStore is a database with one article live in English and Russian.
type fakeStore struct {
	mu        sync.Mutex
	gen       int64
	live      []pipeline.Live
	listening chan struct{} // closed when ListenSite starts
	listened  chan struct{} // closed when ListenSite returns
}

func newFakeStore() *fakeStore {
	at := time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC)
	return &fakeStore{gen: 1, listening: make(chan struct{}), listened: make(chan struct{}), live: []pipeline.Live{
		{VersionID: 11, ArticleID: 1, Lang: pipeline.English, Slug: "rail-corridor", Category: "analysis",
			Title: "A new rail corridor", Byline: "A. Writer", PublishedAt: at},
		{VersionID: 12, ArticleID: 1, Lang: pipeline.Russian, Slug: "rail-corridor", Category: "analysis",
			Title: "Новый железнодорожный коридор", Byline: "A. Writer", PublishedAt: at},
	}}
}

func (f *fakeStore) LoadSnapshot(context.Context) (pipeline.Snapshot, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return pipeline.Snapshot{Generation: f.gen, ChangedAt: f.live[0].PublishedAt, Live: f.live}, nil
}

func (f *fakeStore) FindVersionHTML(_ context.Context, ids []int64) (map[int64]string, error) {
	out := map[int64]string{}
	for _, id := range ids {
		out[id] = "<p>Body of version " + string(rune('0'+id%10)) + ".</p>"
	}
	return out, nil
}

func (f *fakeStore) SiteGeneration(context.Context) (int64, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.gen, nil
}

// SiteChanges has no record of changes: the site rebuilds its index whole.
func (f *fakeStore) SiteChanges(context.Context, int64, int64) (pipeline.SiteDelta, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return pipeline.SiteDelta{Generation: f.gen}, nil
}

func (f *fakeStore) ListenSite(ctx context.Context, _ time.Duration, changed func(notified bool)) {
	defer close(f.listened)
	changed(false)
	close(f.listening)
	<-ctx.Done()
}

func newSite(t *testing.T, store Store) (*Site, http.Handler) {
	t.Helper()
	return newSiteWith(t, store, Config{})
}

// newSiteWith makes a site with cfg's cache settings.
func newSiteWith(t *testing.T, store Store, cfg Config) (*Site, http.Handler) {
	t.Helper()
	bundle, err := locales.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	base, err := kit.New(bundle, slog.New(slog.NewTextHandler(io.Discard, nil)), "https://news.example.org")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Store, cfg.Static = store, fstest.MapFS{"site.css": {Data: []byte("body{}")}}
	s := New(base, cfg)
	t.Cleanup(s.Close)
	r := chi.NewRouter()
	s.Routes(r)
	r.NotFound(s.NotFound)
	return s, s.ServePublished(r)
}

func get(t *testing.T, h http.Handler, path string, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// TestArticlePagesInTheirLanguage: each edition's page speaks its language, dates included, and
// a language the article is not published in says so in that language.
func TestArticlePagesInTheirLanguage(t *testing.T) {
	t.Parallel()
	_, h := newSite(t, newFakeStore())
	for _, tc := range []struct {
		path   string
		status int
		lang   string
		want   []string
	}{
		{"/en/articles/rail-corridor", 200, "en", []string{"A new rail corridor", "Published November 27, 2026",
			`hreflang="ru"`, "Body of version 1."}},
		{"/ru/articles/rail-corridor", 200, "ru", []string{"Новый железнодорожный коридор", "Опубликовано 27 ноября 2026 г.",
			`hreflang="en"`, "Body of version 2."}},
		{"/kk/articles/rail-corridor", 404, "kk", []string{"Қазақ тілінде жоқ"}},
		{"/zh/articles/rail-corridor", 404, "zh", []string{"暂无中文版"}},
		{"/en/no-such-page", 404, "en", []string{"Page not found"}},
		{"/ru/no-such-page", 404, "ru", []string{"Страница не найдена"}},
	} {
		rec := get(t, h, tc.path)
		if rec.Code != tc.status || rec.Header().Get("Content-Language") != tc.lang {
			t.Errorf("%s = %d in %q, want %d in %q", tc.path, rec.Code, rec.Header().Get("Content-Language"), tc.status, tc.lang)
		}
		for _, w := range tc.want {
			if !strings.Contains(rec.Body.String(), w) {
				t.Errorf("%s does not say %q:\n%s", tc.path, w, rec.Body.String())
			}
		}
	}
}

// TestFrontPagesAndFeeds: the front pages list the article in their language, the feeds carry
// it, and / sends a visitor to the language they ask for.
func TestFrontPagesAndFeeds(t *testing.T) {
	t.Parallel()
	_, h := newSite(t, newFakeStore())
	if rec := get(t, h, "/en/"); rec.Code != 200 || !strings.Contains(rec.Body.String(), "Latest analysis") {
		t.Errorf("/en/ = %d:\n%s", rec.Code, rec.Body.String())
	}
	if rec := get(t, h, "/ru/"); rec.Code != 200 || !strings.Contains(rec.Body.String(), "Новые материалы") ||
		!strings.Contains(rec.Body.String(), "Новый железнодорожный коридор") {
		t.Errorf("/ru/ = %d:\n%s", rec.Code, rec.Body.String())
	}
	if rec := get(t, h, "/ru/feed.atom"); rec.Code != 200 || !strings.Contains(rec.Body.String(), `xml:lang="ru"`) {
		t.Errorf("/ru/feed.atom = %d:\n%s", rec.Code, rec.Body.String())
	}
	if rec := get(t, h, "/", "Accept-Language", "uk,en;q=0.5"); rec.Code != http.StatusFound || rec.Header().Get("Location") != "/ru/" {
		t.Errorf("/ for a Ukrainian reader = %d to %q", rec.Code, rec.Header().Get("Location"))
	}
	if rec := get(t, h, "/static/site.css", "Accept-Encoding", "br"); rec.Code != 200 || rec.Body.String() != "body{}" {
		t.Errorf("/static/site.css = %d %q", rec.Code, rec.Body.String())
	}
	if rec := get(t, h, "/sitemap.xml"); rec.Code != 200 || !strings.Contains(rec.Body.String(),
		"<loc>https://news.example.org/sitemap-0.xml</loc>") {
		t.Errorf("/sitemap.xml = %d:\n%s", rec.Code, rec.Body.String())
	}
	if rec := get(t, h, "/sitemap-0.xml"); rec.Code != 200 || !strings.Contains(rec.Body.String(),
		"https://news.example.org/ru/articles/rail-corridor") {
		t.Errorf("/sitemap-0.xml = %d:\n%s", rec.Code, rec.Body.String())
	}
}

// TestCloseStopsTheWatcher: Watch listens until Close, and Close returns only once the listener
// has returned; a watch asked for after Close starts nothing.
func TestCloseStopsTheWatcher(t *testing.T) {
	t.Parallel()
	store := newFakeStore()
	s, h := newSite(t, store)
	s.Watch(context.Background()) // a context that never ends: Close must end the watcher anyway
	<-store.listening
	if rec := get(t, h, "/en/articles/rail-corridor"); rec.Code != 200 {
		t.Fatalf("article with a watcher = %d", rec.Code)
	}
	s.Close()
	select {
	case <-store.listened:
	default:
		t.Fatal("Close returned while the watcher was still listening")
	}
	s.Watch(context.Background())
	if s.watched.Load() {
		t.Error("a watch after Close claims to keep the site fresh")
	}
	if rec := get(t, h, "/ru/articles/rail-corridor"); rec.Code != 200 {
		t.Errorf("article after Close = %d", rec.Code)
	}
}

// TestBackgroundRebuildEndsWithClose: without a watcher, a request after a second starts a
// freshness check in the background, which picks up a new generation; Close waits for it.
func TestBackgroundRebuildEndsWithClose(t *testing.T) {
	t.Parallel()
	store := newFakeStore()
	s, h := newSite(t, store)
	if rec := get(t, h, "/en/"); rec.Code != 200 {
		t.Fatalf("/en/ = %d", rec.Code)
	}
	store.mu.Lock()
	store.gen = 2
	store.live = store.live[:1] // the Russian edition is unpublished
	store.mu.Unlock()
	s.lastTry.Store(time.Now().Add(-2 * time.Second).UnixNano())
	get(t, h, "/en/") // starts the check
	s.Close()         // waits for it
	if rec := get(t, h, "/ru/articles/rail-corridor"); rec.Code != 404 {
		t.Errorf("an unpublished edition after the rebuild = %d, want 404", rec.Code)
	}
}
