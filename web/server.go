// Package web is Tilmash's HTTP adapter: the JSON API under /api/v1 and the public reader site,
// with chi for routing, go-i18n for every word a person reads, and html/template for pages.
package web

import (
	"context"
	"embed"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/tilmash/tilmash/pipeline"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Store is what the web layer needs from storage.
type Store interface {
	CreateArticle(ctx context.Context, in pipeline.NewArticle) (pipeline.Article, error)
	FindArticles(ctx context.Context, limit, offset int) ([]pipeline.Article, error)
	FindArticleByID(ctx context.Context, id int64) (pipeline.Article, error)
	FindArticleBySlug(ctx context.Context, slug string) (pipeline.Article, error)
	FindEditions(ctx context.Context, articleID int64) ([]pipeline.Edition, error)
	FindEditionContent(ctx context.Context, articleID int64, lang pipeline.Lang) (pipeline.EditionContent, error)
	UpdateSegmentTranslation(ctx context.Context, u pipeline.SegmentUpdate) (pipeline.SegmentTranslation, error)
	SubmitEdition(ctx context.Context, editionID int64, actor string) error
	ApproveEdition(ctx context.Context, editionID int64, actor string, publishAt *time.Time) (pipeline.Edition, error)
	SendBack(ctx context.Context, editionID int64, actor, comment string) error
	RetryEdition(ctx context.Context, editionID int64, actor string) error
	DismissFinding(ctx context.Context, editionID, findingID int64, actor, reason string) error
	FindUserByToken(ctx context.Context, token string) (pipeline.User, error)
	FindLiveVersion(ctx context.Context, lang pipeline.Lang, slug string) (pipeline.PublishedVersion, error)
	FindLiveLangs(ctx context.Context, articleID int64) ([]pipeline.Lang, error)
	FindLiveVersions(ctx context.Context, lang pipeline.Lang, limit, offset int) ([]pipeline.PublishedVersion, error)
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
	cfg   Config
	pages *template.Template
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
	r.Use(middleware.RequestID, middleware.RealIP, s.recoverer, s.securityHeaders)

	static, _ := fs.Sub(staticFS, "static")
	r.Handle("/static/*", http.StripPrefix("/static/", http.FileServer(http.FS(static))))
	r.Get("/healthz", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("ok\n")) }) //nolint:errcheck

	r.Route("/api/v1", func(r chi.Router) {
		r.Use(s.apiAuth)
		r.Get("/articles", s.handleArticleList)
		r.Post("/articles", s.handleArticleCreate)
		r.Route("/articles/{id}", func(r chi.Router) {
			r.Get("/", s.handleArticleView)
			r.Route("/editions/{lang}", func(r chi.Router) {
				r.Get("/", s.handleEditionView)
				r.Put("/segments/{segment}", s.handleSegmentUpdate)
				r.Post("/submit", s.handleEditionSubmit)
				r.Post("/approve", s.handleEditionApprove)
				r.Post("/send-back", s.handleEditionSendBack)
				r.Post("/retry", s.handleEditionRetry)
				r.Post("/findings/{finding}/dismiss", s.handleFindingDismiss)
			})
		})
		r.NotFound(func(w http.ResponseWriter, r *http.Request) {
			s.writeError(w, r, &pipeline.Error{Code: pipeline.CodeNotFound, MessageID: "error.not_found"})
		})
	})

	r.Get("/", s.handleRoot)
	r.Route("/{lang}", func(r chi.Router) {
		r.Use(s.readerLang)
		r.Get("/", s.handleReaderIndex)
		r.Get("/articles/{slug}", s.handleReaderArticle)
	})
	r.NotFound(s.handleReaderNotFound)
	return r
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
