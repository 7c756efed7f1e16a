// Package web is Tilmash's HTTP adapter: the JSON API under /api/v1 and the public reader site,
// with chi for routing, go-i18n for every word a person reads, and html/template for pages.
package web

import (
	"embed"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"

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
	r := chi.NewRouter()
	r.Use(middleware.RequestID, s.recoverer, s.securityHeaders)

	static, _ := fs.Sub(staticFS, "static")
	r.Handle("/static/*", http.StripPrefix("/static/", http.FileServer(http.FS(static))))
	r.Get("/healthz", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("ok\n")) }) //nolint:errcheck

	r.Route("/api/v1", s.apiRoutes)
	s.workbenchRoutes(r)
	s.newsroomRoutes(r)
	s.readerRoutes(r)
	r.NotFound(s.handleReaderNotFound)
	// Published pages are answered from memory before the router: they are most of the traffic.
	return s.servePublished(r)
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
