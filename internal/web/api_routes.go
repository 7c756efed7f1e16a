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
	SaveSegment(ctx context.Context, u pipeline.SegmentUpdate) (pipeline.SaveResult, error)
	SubmitEdition(ctx context.Context, editionID int64, actor string) error
	ApproveEdition(ctx context.Context, editionID int64, a pipeline.Approval) (pipeline.Edition, error)
	SendBack(ctx context.Context, editionID int64, actor, comment string) error
	RetryEdition(ctx context.Context, editionID int64, actor string) error
	DismissFinding(ctx context.Context, editionID, findingID int64, actor, reason string) error
	FindUserByToken(ctx context.Context, token string) (pipeline.User, error)

	// Publishing (api_releases.go).
	CreateRelease(ctx context.Context, articleID int64, langs []pipeline.Lang, a pipeline.Approval) (pipeline.Release, error)
	RescheduleRelease(ctx context.Context, articleID, releaseID int64, actor string, publishAt *time.Time) (pipeline.Release, error)
	CancelRelease(ctx context.Context, articleID, releaseID int64, actor string) (pipeline.Release, error)
	FindReleases(ctx context.Context, articleID int64) ([]pipeline.Release, error)
	Unpublish(ctx context.Context, articleID int64, lang pipeline.Lang, actor string) error
	Rollback(ctx context.Context, articleID int64, lang pipeline.Lang, versionID int64, actor string) error
	FindVersions(ctx context.Context, articleID int64) ([]pipeline.Version, error)
	FindAudit(ctx context.Context, articleID int64) ([]pipeline.AuditEntry, error)
	FindConcepts(ctx context.Context) ([]pipeline.Concept, error)

	// Text repairs of the current revision (api_upload.go).
	FindRepairs(ctx context.Context, articleID int64) (pipeline.RevisionRepairs, error)
	UndoRepairs(ctx context.Context, u pipeline.RepairUndo) error
	CountFindings(ctx context.Context, editionID int64) ([]pipeline.FindingCount, error)

	// Source revisions (api_revisions.go).
	CreateRevision(ctx context.Context, in pipeline.NewRevision) (pipeline.RevisionResult, error)
	FindRevisions(ctx context.Context, articleID int64) ([]pipeline.RevisionInfo, error)
	FindRevision(ctx context.Context, articleID int64, number int) (pipeline.RevisionDetail, error)
	FindSegmentChanges(ctx context.Context, editionID int64) ([]pipeline.SegmentChange, error)
	CheckSegmentCurrent(ctx context.Context, articleID int64, lang pipeline.Lang, segmentID int64) error
}

// apiRoutes mounts the JSON API's endpoints.
func (s *Server) apiRoutes(r chi.Router) {
	r.Get("/articles", s.handleArticleList)
	r.Post("/articles", s.handleArticleCreate)
	r.Post("/articles/upload", s.handleArticleUpload)
	r.Get("/terms", s.handleTermList)
	r.Post("/terms", s.handleTermSave)
	r.Post("/terms/import", s.handleTermImport)
	r.Put("/terms/{concept}", s.handleTermSave)
	r.Delete("/terms/{concept}", s.handleTermDelete)
	r.Get("/tm", s.handleMemorySearch)
	r.Get("/tm/export", s.handleMemoryExport)
	r.Post("/tm/import", s.handleMemoryImport)
	r.Get("/tm/imports", s.handleMemoryImportList)
	r.Delete("/tm/imports/{import}", s.handleMemoryImportDelete)
	r.Get("/usage", s.handleUsage)
	r.Route("/articles/{id}", func(r chi.Router) {
		r.Get("/", s.handleArticleView)
		r.Get("/repairs", s.handleRepairList)
		r.Post("/repairs/undo", s.handleRepairUndo)
		r.Put("/", s.handleArticleRevise)
		r.Get("/revisions", s.handleRevisionList)
		r.Get("/revisions/{number}", s.handleRevisionView)
		r.Post("/release", s.handleReleaseCreate)
		r.Get("/releases", s.handleReleaseList)
		r.Patch("/releases/{release}", s.handleReleaseReschedule)
		r.Delete("/releases/{release}", s.handleReleaseCancel)
		r.Get("/versions", s.handleVersionList)
		r.Get("/audit", s.handleAuditList)
		r.Route("/editions/{lang}", func(r chi.Router) {
			r.Get("/", s.handleEditionView)
			r.Get("/changes", s.handleEditionChanges)
			r.Get("/xliff", s.handleXLIFFExport)
			r.Post("/xliff", s.handleXLIFFImport)
			r.Put("/segments/{segment}", s.guardStaleSegment(s.handleSegmentUpdate))
			r.Post("/submit", s.handleEditionSubmit)
			r.Post("/approve", s.handleEditionApprove)
			r.Post("/unpublish", s.handleEditionUnpublish)
			r.Post("/rollback", s.handleEditionRollback)
			r.Post("/send-back", s.handleEditionSendBack)
			r.Post("/retry", s.handleEditionRetry)
			r.Post("/findings/{finding}/dismiss", s.handleFindingDismiss)
		})
	})
	r.NotFound(func(w http.ResponseWriter, r *http.Request) {
		s.WriteError(w, r, &pipeline.Error{Code: pipeline.CodeNotFound, MessageID: "error.not_found"})
	})
}
