package web

import (
	"context"

	"github.com/go-chi/chi/v5"

	"github.com/tilmash/tilmash/pipeline"
)

// readerStore is what the public site needs from storage: published versions only.
type readerStore interface {
	FindArticleBySlug(ctx context.Context, slug string) (pipeline.Article, error)
	FindLiveVersion(ctx context.Context, lang pipeline.Lang, slug string) (pipeline.PublishedVersion, error)
	FindLiveLangs(ctx context.Context, articleID int64) ([]pipeline.Lang, error)
	FindLiveVersions(ctx context.Context, lang pipeline.Lang, limit, offset int) ([]pipeline.PublishedVersion, error)
}

// readerRoutes mounts the public site.
func (s *Server) readerRoutes(r chi.Router) {
	r.Get("/", s.handleRoot)
	r.Route("/{lang}", func(r chi.Router) {
		r.Use(s.readerLang)
		r.Get("/", s.handleReaderIndex)
		r.Get("/articles/{slug}", s.handleReaderArticle)
	})
}
