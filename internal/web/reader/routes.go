// Package reader is the public site readers see: every page of the live editions rendered from
// one index of the live editions, served from a page cache bounded in memory and backed by
// compressed files, Atom feeds and a sitemap, kept fresh by the database's change notifications
// and record of changes (only the pages a publication changes are rendered again), and exported
// as static files, whole or only what changed.
package reader

import (
	"context"
	"embed"
	"html/template"
	"io/fs"
	"net/http"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/maypok86/otter/v2"
	"golang.org/x/sync/singleflight"

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
	SiteChanges(ctx context.Context, since, upTo int64) (pipeline.SiteDelta, error)
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
	// CacheBytes bounds the pages kept in memory (all encodings); 0 means DefaultCacheBytes.
	CacheBytes int64
	// CacheDir is a directory of the site's own for the compressed page files, emptied when the
	// site is rebuilt whole; empty means a new temporary directory, removed by Close. "-" keeps
	// no files: pages evicted from memory are rendered again.
	CacheDir string
	// OnUpdate, if set, is called after every update of the site's index (for metrics).
	OnUpdate func(Update)
}

// DefaultCacheBytes is the page cache's memory when the configuration does not say.
const DefaultCacheBytes = 64 << 20

// Site is the public site. The templates are parsed and the site built on first use.
type Site struct {
	*kit.Base
	store           Store
	static          fs.FS
	markMachineText bool

	mu      sync.Mutex         // one update at a time; guards the templates and replacing ix
	pages   *template.Template // the reader templates
	started time.Time
	// ix is the site's index; pages are rendered holding ixMu for reading, updates change ix
	// and drop the pages they touch holding it for writing.
	ix       *siteIndex
	ixMu     sync.RWMutex
	loaded   atomic.Bool // ix is set
	mem      *otter.Cache[string, *cachedPage]
	cacheDir string // Config.CacheDir
	dirMade  bool   // the directory for page files has been chosen (on the first index load)
	dir      string // page files (pagefile.go); "" for none
	ownDir   bool   // dir is a temporary directory Close removes
	loads    singleflight.Group
	onUpdate func(Update)
	watched  atomic.Bool // a watcher keeps the cache fresh
	// stale is set from a change notification until the update it caused is done: requests then
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
	s := &Site{Base: base, store: cfg.Store, static: cfg.Static, markMachineText: cfg.MarkMachineText, onUpdate: cfg.OnUpdate}
	s.stop, s.cancel = context.WithCancel(context.Background())
	limit := cfg.CacheBytes
	if limit <= 0 {
		limit = DefaultCacheBytes
	}
	s.mem = otter.Must(&otter.Options[string, *cachedPage]{MaximumWeight: uint64(limit),
		Weigher: func(_ string, p *cachedPage) uint32 { return p.weight() }})
	s.cacheDir = cfg.CacheDir
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
	s.mem.StopAllGoroutines()
	s.ixMu.Lock()
	if s.ownDir {
		os.RemoveAll(s.dir) //nolint:errcheck // a temporary directory
	}
	s.dir, s.dirMade = "", true // no files after Close
	s.ixMu.Unlock()
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
	var p *cachedPage
	err := s.ready(r.Context())
	if err == nil {
		p, err = s.page(r.Context(), notFoundKey(lang))
	}
	if err != nil || p == nil {
		if err != nil {
			s.Logger.ErrorContext(r.Context(), "site unavailable", "error", err)
		}
		http.Error(w, http.StatusText(http.StatusServiceUnavailable), http.StatusServiceUnavailable)
		return
	}
	s.writeCached(w, r, p)
}
