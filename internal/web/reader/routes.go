// Package reader is the public site readers see: every page of the live editions built whole
// from one snapshot, served from memory with its compressed copies, Atom feeds and a sitemap,
// kept fresh by the database's change notifications, and exported as static files.
package reader

import (
	"context"
	"embed"
	"html/template"
	"io/fs"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

//go:embed templates/*.html
var templateFS embed.FS

// Store is what the public site needs from storage: snapshots of the live editions only, so that
// nothing unpublished can reach a page.
type Store interface {
	LoadSnapshot(ctx context.Context) (pipeline.Snapshot, error)
	FindVersionHTML(ctx context.Context, ids []int64) (map[int64]string, error)
	SiteGeneration(ctx context.Context) (int64, error)
	ListenSite(ctx context.Context, poll time.Duration, changed func(notified bool))
}

// Config is what the site is built from.
type Config struct {
	Store Store
	// Static holds the stylesheets and scripts, cached and exported with the pages under /static/.
	Static fs.FS
	// MarkMachineText tells readers, on an article page, when the translation they read holds
	// machine translation that no person changed (published by an editor's explicit choice).
	MarkMachineText bool
}

// Site is the public site. The templates are parsed and the site built on first use.
type Site struct {
	*kit.Base
	store           Store
	static          fs.FS
	markMachineText bool

	current atomic.Pointer[siteCache]
	mu      sync.Mutex         // one build at a time; guards the fields below
	pages   *template.Template // the reader templates
	started time.Time
	bodies  map[int64]string // version bodies by ID; immutable, reused across builds
	watched atomic.Bool      // a watcher keeps the cache fresh
	// stale is set from a change notification until the rebuild it caused is done: requests then
	// wait for the new generation instead of showing the old one.
	stale   atomic.Bool
	lastTry atomic.Int64 // unix nanoseconds of the last freshness check without a watcher

	// The watcher and the rebuilds requests start run in the background until Close, which
	// cancels stop and waits for them.
	bgMu   sync.Mutex
	bg     sync.WaitGroup
	closed bool
	stop   context.Context
	cancel context.CancelFunc
}

// New makes the site; nothing is read from storage until the first request or Watch.
func New(base *kit.Base, cfg Config) *Site {
	s := &Site{Base: base, store: cfg.Store, static: cfg.Static, markMachineText: cfg.MarkMachineText}
	s.stop, s.cancel = context.WithCancel(context.Background())
	return s
}

// background runs fn in a goroutine that Close waits for, with a context Close cancels; after
// Close it runs nothing and reports false.
func (s *Site) background(fn func(stop context.Context)) bool {
	s.bgMu.Lock()
	defer s.bgMu.Unlock()
	if s.closed {
		return false
	}
	s.bg.Go(func() { fn(s.stop) })
	return true
}

// Close stops the watcher and any rebuild running in the background, and waits until they have
// returned. Pages are still served afterwards, rebuilt in the request when they must be.
func (s *Site) Close() {
	s.bgMu.Lock()
	s.closed = true
	s.bgMu.Unlock()
	s.cancel()
	s.bg.Wait()
}

// Routes mounts what the public site answers beyond its cached pages (ServePublished): the
// language choice at /, and not-found pages.
func (s *Site) Routes(r chi.Router) {
	r.Get("/", s.handleRoot)
	r.Get("/{lang}", s.handleLangRedirect)
	r.Get("/{lang}/*", s.NotFound)
}

// handleRoot sends a visitor to their language's front page: a remembered choice first, then
// Accept-Language, then English.
//
// Readers who ask for Chinese in Traditional characters (zh-TW, zh-HK, zh-Hant) get the Chinese
// edition, which is in Simplified characters, with a one-line note saying so: the front page
// carries it hidden, and the #hant fragment shows it, so the cached page stays one page for all.
func (s *Site) handleRoot(w http.ResponseWriter, r *http.Request) {
	w.Header().Add("Vary", "Accept-Language, Cookie")
	w.Header().Set("Cache-Control", "private, no-cache")
	lang := kit.PreferredLang(r)
	target := "/" + string(lang) + "/"
	if lang == pipeline.Chinese && kit.PrefersTraditional(r) {
		target += "#hant"
	}
	http.Redirect(w, r, target, http.StatusFound)
}

// handleLangRedirect adds the slash to a language's front page ("/ru" to "/ru/").
func (s *Site) handleLangRedirect(w http.ResponseWriter, r *http.Request) {
	lang := chi.URLParam(r, "lang")
	if l, err := pipeline.ParseLang(lang); err == nil && string(l) == lang {
		http.Redirect(w, r, "/"+lang+"/", http.StatusMovedPermanently)
		return
	}
	s.NotFound(w, r)
}

// NotFound answers any unknown page, in the language of its URL when it has one. An article that
// exists but is not live (a draft, an embargoed release) looks exactly like this.
func (s *Site) NotFound(w http.ResponseWriter, r *http.Request) {
	lang, ok := langOfPath(r.URL.Path)
	if !ok {
		lang = kit.PreferredLang(r)
	}
	c, err := s.site(r.Context())
	if err != nil || c.notFound[lang] == nil {
		if err != nil {
			s.Logger.ErrorContext(r.Context(), "site unavailable", "error", err)
		}
		http.Error(w, http.StatusText(http.StatusServiceUnavailable), http.StatusServiceUnavailable)
		return
	}
	s.writeCached(w, r, c.notFound[lang])
}
