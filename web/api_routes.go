package web

import (
	"context"
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/tilmash/tilmash/pipeline"
)

// apiStore is what the JSON API needs from storage.
type apiStore interface {
	CreateArticle(ctx context.Context, in pipeline.NewArticle) (pipeline.Article, error)
	FindArticles(ctx context.Context, limit, offset int) ([]pipeline.Article, error)
	FindArticleByID(ctx context.Context, id int64) (pipeline.Article, error)
	FindEditions(ctx context.Context, articleID int64) ([]pipeline.Edition, error)
	FindEditionContent(ctx context.Context, articleID int64, lang pipeline.Lang) (pipeline.EditionContent, error)
	UpdateSegmentTranslation(ctx context.Context, u pipeline.SegmentUpdate) (pipeline.SegmentTranslation, error)
	SubmitEdition(ctx context.Context, editionID int64, actor string) error
	ApproveEdition(ctx context.Context, editionID int64, actor string, publishAt *time.Time) (pipeline.Edition, error)
	SendBack(ctx context.Context, editionID int64, actor, comment string) error
	RetryEdition(ctx context.Context, editionID int64, actor string) error
	DismissFinding(ctx context.Context, editionID, findingID int64, actor, reason string) error
	FindUserByToken(ctx context.Context, token string) (pipeline.User, error)
}

// apiRoutes mounts the JSON API; every request needs a bearer token.
func (s *Server) apiRoutes(r chi.Router) {
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
}
