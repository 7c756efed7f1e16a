// Package web is Tilmash's HTTP adapter: the JSON API under /api/v1 and the public reader site,
// with chi for routing, go-i18n for every word a person reads, and html/template for pages.
package web

import (
	"context"
	"embed"
	"io/fs"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/tilmash/tilmash/internal/ingest"
	"github.com/tilmash/tilmash/internal/sitexport"
	"github.com/tilmash/tilmash/internal/web/accounts"
	"github.com/tilmash/tilmash/internal/web/api"
	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/internal/web/library"
	"github.com/tilmash/tilmash/internal/web/newsroom"
	"github.com/tilmash/tilmash/internal/web/reader"
	"github.com/tilmash/tilmash/internal/web/workbench"
	"github.com/tilmash/tilmash/pipeline"
)

//go:embed static
var staticFS embed.FS

// Store is what the web needs from storage: the router's own share (who is asking) and each
// area's.
type Store interface {
	FindUserByToken(ctx context.Context, token string) (pipeline.User, error)
	FindSession(ctx context.Context, token string) (pipeline.Session, error)
	api.Store
	reader.Store
	workbench.Store
	newsroom.Store
	accounts.Store
	library.Store
}

// Config holds the server's collaborators and settings.
type Config struct {
	Store  Store
	Bundle *i18n.Bundle
	// Prepare validates, parses and segments a submitted article.
	Prepare func(req pipeline.IngestRequest, maxBytes int) (pipeline.NewArticle, error)
	// Preparer prepares the articles editors start and edit in the newsroom and the workbench
	// (nil: no text repair, default limits).
	Preparer *ingest.Preparer
	// Check runs the automated checks on a saved segment.
	Check        func(u pipeline.CheckUnit) []pipeline.Finding
	MaxBodyBytes int // largest accepted article text; 0 = pipeline.DefaultMaxBodyBytes
	Logger       *slog.Logger
	// BaseURL is the public address of the site, for canonical URLs (e.g. https://example.org).
	BaseURL string
	// MarkMachineText tells readers, on an article page, when the translation they read holds
	// machine translation that no person changed (published by an editor's explicit choice).
	MarkMachineText bool
	// TimeZone is the newsroom's zone, for the times the signed-in pages show and the release
	// times editors type; nil is the server's local zone.
	TimeZone *time.Location
	// LiveEvery is how often signed-in pages ask what changed; zero is kit.DefaultLiveEvery.
	LiveEvery time.Duration

	// Ready, when set, runs the readiness checks for /readyz: each failing check by name, with
	// what is wrong. None failing (or no Ready) answers 200.
	Ready func(ctx context.Context) map[string]string
	// ObserveRequest, when set, is told every request's method, route (the chi pattern, or
	// RoutePublished, RouteUnmatched), status and duration.
	ObserveRequest func(method, route string, status int, d time.Duration)
	// QueueUI, when set, is the queue's UI (River UI with Prefix QueueUIPath), served under
	// QueueUIPath to signed-in administrators only.
	QueueUI http.Handler
	// Metrics, when set, is served at /metrics; it guards itself (a token, loopback clients).
	Metrics http.Handler
	// ReaderCacheBytes bounds the reader's pages in memory, ReaderCacheDir holds their compressed
	// files (see reader.Config).
	ReaderCacheBytes int64
	ReaderCacheDir   string
	// OnReaderUpdate, if set, is told of every update of the reader's pages (for metrics).
	OnReaderUpdate func(reader.Update)
}

// Server serves the API and the site.
type Server struct {
	*kit.Base
	cfg       Config
	api       *api.Handler
	reader    *reader.Site
	accounts  *accounts.Handler
	workbench *workbench.Handler
	newsroom  *newsroom.Handler
	library   *library.Handler
}

// New builds the server and its routes.
func New(cfg Config) (*Server, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = pipeline.DefaultMaxBodyBytes
	}
	base, err := kit.New(cfg.Bundle, cfg.Logger, cfg.BaseURL)
	if err != nil {
		return nil, err
	}
	base.Zone, base.LiveEvery = cfg.TimeZone, cfg.LiveEvery
	s := &Server{Base: base, cfg: cfg}
	static, err := fs.Sub(staticFS, "static")
	if err != nil {
		return nil, err
	}
	s.api = api.New(base, api.Config{Store: cfg.Store, Prepare: cfg.Prepare, Check: cfg.Check, MaxBodyBytes: cfg.MaxBodyBytes})
	s.reader = reader.New(base, reader.Config{Store: cfg.Store, Static: static, MarkMachineText: cfg.MarkMachineText,
		CacheBytes: cfg.ReaderCacheBytes, CacheDir: cfg.ReaderCacheDir, OnUpdate: cfg.OnReaderUpdate})
	if s.accounts, err = accounts.New(base, cfg.Store); err != nil {
		return nil, err
	}
	if s.workbench, err = workbench.New(base, cfg.Store, cfg.Check); err != nil {
		return nil, err
	}
	if s.newsroom, err = newsroom.New(base, cfg.Store); err != nil {
		return nil, err
	}
	if s.library, err = library.New(base, cfg.Store); err != nil {
		return nil, err
	}
	s.newsroom.UseComposer(cfg.Preparer, cfg.MaxBodyBytes)
	s.workbench.UseSourceEditor(cfg.Preparer, cfg.MaxBodyBytes)
	return s, nil
}

// NewReader builds the public site alone, for a static export: the rest of the server (and what
// it needs, such as the preparer) is not made.
func NewReader(cfg Config) (*reader.Site, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	base, err := kit.New(cfg.Bundle, cfg.Logger, cfg.BaseURL)
	if err != nil {
		return nil, err
	}
	static, err := fs.Sub(staticFS, "static")
	if err != nil {
		return nil, err
	}
	return reader.New(base, reader.Config{Store: cfg.Store, Static: static, MarkMachineText: cfg.MarkMachineText}), nil
}

// Watch keeps the reader site's pages in step with the database until ctx ends or Close.
func (s *Server) Watch(ctx context.Context) { s.reader.Watch(ctx) }

// Close stops the server's background work (the reader site's watcher and rebuilds) and waits
// for it to end. The handler still answers afterwards.
func (s *Server) Close() { s.reader.Close() }

// SiteFiles builds the whole public site from the current database state, as the files a static
// server needs (see reader.Site.Files).
func (s *Server) SiteFiles(ctx context.Context) ([]sitexport.File, error) { return s.reader.Files(ctx) }

// ExportSite writes the public site to sink, only what changed after generation since when it
// can (see reader.Site.Export).
func (s *Server) ExportSite(ctx context.Context, sink reader.ExportSink, since int64) (reader.ExportResult, error) {
	return s.reader.Export(ctx, sink, since)
}

// ReaderCache reports the reader's page cache: pages and bytes in memory, its limit, and the
// site generation it serves.
func (s *Server) ReaderCache() reader.CacheStats { return s.reader.CacheStats() }

// Handler returns the routes as a tree.
func (s *Server) Handler() http.Handler {
	// Published pages are answered from memory before the router: they are most of the traffic.
	// The request's start comes first, so that every answer has a request id and a duration.
	return s.requestStart(s.transportSecurity(s.reader.ServePublished(requestScope(s.Routes()))))
}

// Routes is the router behind Handler: every route the site answers, without the fast path for
// published pages in front of it.
func (s *Server) Routes() chi.Router {
	r := chi.NewRouter()
	r.Use(routePattern, s.recoverer, s.securityHeaders)

	// Static files answer GET and HEAD only, and never list a directory.
	static, _ := fs.Sub(staticFS, "static")
	files := http.StripPrefix("/static/", http.FileServer(http.FS(filesOnly{static})))
	r.Method(http.MethodGet, "/static/*", files)
	r.Method(http.MethodHead, "/static/*", files)
	r.Get("/healthz", Healthz)
	r.Get("/readyz", Readyz(s.cfg.Ready))
	if s.cfg.Metrics != nil {
		r.Handle("/metrics", s.cfg.Metrics)
	}
	s.adminRoutes(r)

	// The JSON API: every request needs a bearer token, and once it has one its input is checked
	// at the door.
	r.Route("/api/v1", func(r chi.Router) {
		r.Use(s.apiAuth, kit.GuardInput(kit.APIInputLimits(s.cfg.MaxBodyBytes), s.WriteError))
		s.api.Routes(r)
	})

	// The translators' workbench, with signing in and the accounts. Every state-changing request
	// is checked twice against cross-site forgery: by the browser's Fetch Metadata and by the
	// session's synchronizer token (the sign-in form by its own, before there is a session).
	r.Route("/workbench", func(r chi.Router) {
		r.Use(s.crossOriginProtection().Handler, s.loadSession, kit.GuardInput(kit.PageInputLimits, s.PageError))
		s.accounts.SigninRoutes(r)
		r.Group(func(r chi.Router) {
			r.Use(s.requireSession, s.sessionCSRF)
			s.accounts.Routes(r)
			s.workbench.Routes(r)
		})
	})

	// The editors' newsroom, with the workbench's protection and sign-in: it lives under
	// /workbench because the session cookie is scoped there.
	r.Route("/workbench/newsroom", func(r chi.Router) {
		r.Use(s.crossOriginProtection().Handler, s.loadSession, s.requireSession,
			kit.GuardInput(kit.PageInputLimits, s.PageError), s.sessionCSRF)
		s.newsroom.Routes(r)
	})

	// The translation memory and the termbase, with the workbench's protection and sign-in; a
	// termbase CSV may be uploaded here.
	r.Route("/workbench/library", func(r chi.Router) {
		r.Use(s.crossOriginProtection().Handler, s.loadSession, s.requireSession,
			kit.GuardInput(kit.LibraryInputLimits, s.PageError), s.sessionCSRF)
		s.library.Routes(r)
	})

	// Starting an article and editing a source text take a whole article: the same protection,
	// with the article limits at the door.
	articleForm := func(r chi.Router) {
		r.Use(s.crossOriginProtection().Handler, s.loadSession, s.requireSession,
			kit.GuardInput(kit.ArticleFormInputLimits(s.cfg.MaxBodyBytes), s.PageError), s.sessionCSRF)
	}
	r.Route("/workbench/newsroom/new", func(r chi.Router) {
		articleForm(r)
		s.newsroom.ComposeRoutes(r)
	})
	r.Route("/workbench/sources", func(r chi.Router) {
		articleForm(r)
		s.workbench.SourceRoutes(r)
	})

	// The public site beyond its cached pages: the language choice at /, and not-found pages.
	s.reader.Routes(r)
	r.NotFound(s.reader.NotFound)
	return r
}

// filesOnly serves files and nothing else: a directory does not exist, so that no path lists
// what is in one.
type filesOnly struct{ fs.FS }

func (f filesOnly) Open(name string) (fs.File, error) {
	file, err := f.FS.Open(name)
	if err != nil {
		return nil, err
	}
	if st, err := file.Stat(); err != nil || st.IsDir() {
		file.Close() //nolint:errcheck // read-only
		return nil, fs.ErrNotExist
	}
	return file, nil
}

// hstsHeader keeps browsers on https for a year once they have seen the site there. Subdomains
// are left out: they may be other services of the same organisation, not all on https.
var hstsHeader = []string{"max-age=31536000"}

// transportSecurity sends Strict-Transport-Security on every answer, published pages included,
// when the site's public address is https (TLS may end at a proxy in front of us, so the
// connection itself does not tell).
func (s *Server) transportSecurity(next http.Handler) http.Handler {
	if !strings.HasPrefix(strings.ToLower(s.cfg.BaseURL), "https://") {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Strict-Transport-Security"] = hstsHeader
		next.ServeHTTP(w, r)
	})
}

func (s *Server) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.Logger.ErrorContext(r.Context(), "panic", "value", v, "path", r.URL.Path)
				s.WriteError(w, r, kit.ErrInternal)
			}
		}()
		next.ServeHTTP(w, r)
	})
}

func (s *Server) securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'")
		next.ServeHTTP(w, r)
	})
}

// ReaderCacheSize reports the reader site's pages held in memory and their bytes.
func (s *Server) ReaderCacheSize() (pages int, bytes int64) { return s.reader.CacheSize() }
