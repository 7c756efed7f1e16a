// Package web is Tilmash's HTTP adapter: the JSON API under /api/v1 and the public reader site,
// with chi for routing, go-i18n for every word a person reads, and html/template for pages.
package web

import (
	"embed"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/tilmash/tilmash/pipeline"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Store is what the web layer needs from storage; each part of the site declares its share.
type Store interface {
	apiStore
	termStore
	readerStore
	workbenchStore
	newsroomStore
	interchangeStore
}

// Config holds the server's collaborators and settings.
type Config struct {
	Store  Store
	Bundle *i18n.Bundle
	// Prepare validates, parses and segments a submitted article.
	Prepare func(req pipeline.IngestRequest, maxBytes int) (pipeline.NewArticle, error)
	// Check runs the automated checks on a saved segment.
	Check        func(u pipeline.CheckUnit) []pipeline.Finding
	MaxBodyBytes int // largest accepted article text; 0 = pipeline.DefaultMaxBodyBytes
	Logger       *slog.Logger
	// BaseURL is the public address of the site, for canonical URLs (e.g. https://example.org).
	BaseURL string
	// MarkMachineText tells readers, on an article page, when the translation they read holds
	// machine translation that no person changed (published by an editor's explicit choice).
	MarkMachineText bool
}

// Server serves the API and the site.
type Server struct {
	cfg    Config
	pages  *template.Template
	reader readerState // the public site, served from memory (cache.go)
}

// New builds the server and its routes.
func New(cfg Config) (*Server, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = pipeline.DefaultMaxBodyBytes
	}
	s := &Server{cfg: cfg}
	t, err := template.New("").Funcs(s.templateFuncs()).ParseFS(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	s.pages = t
	return s, nil
}

// Handler returns the routes as a tree.
func (s *Server) Handler() http.Handler {
	// Published pages are answered from memory before the router: they are most of the traffic.
	return s.transportSecurity(s.servePublished(s.Routes()))
}

// Routes is the router behind Handler: every route the site answers, without the fast path for
// published pages in front of it.
func (s *Server) Routes() chi.Router {
	r := chi.NewRouter()
	r.Use(middleware.RequestID, s.recoverer, s.securityHeaders)

	// Static files answer GET and HEAD only, and never list a directory.
	static, _ := fs.Sub(staticFS, "static")
	files := http.StripPrefix("/static/", http.FileServer(http.FS(filesOnly{static})))
	r.Method(http.MethodGet, "/static/*", files)
	r.Method(http.MethodHead, "/static/*", files)
	r.Get("/healthz", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("ok\n")) }) //nolint:errcheck

	r.Route("/api/v1", s.apiRoutes)
	s.workbenchRoutes(r)
	s.newsroomRoutes(r)
	s.readerRoutes(r)
	r.NotFound(s.handleReaderNotFound)
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
				s.cfg.Logger.ErrorContext(r.Context(), "panic", "value", v, "path", r.URL.Path)
				s.writeError(w, r, errInternal)
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
