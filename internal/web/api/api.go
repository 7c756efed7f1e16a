// Package api is the JSON API under /api/v1 for programs and other systems: articles and their
// revisions, editions segment by segment, findings, releases, the termbase, the translation
// memory, and files for CAT tools (XLIFF, TMX, TBX), with errors in the language of
// Accept-Language.
package api

import (
	"context"
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/tilmash/tilmash/internal/interchange"
	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// Store is what the API needs from storage.
type Store interface {
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
	CountFindings(ctx context.Context, editionID int64) ([]pipeline.FindingCount, error)

	// Publishing (releases.go).
	CreateRelease(ctx context.Context, articleID int64, langs []pipeline.Lang, a pipeline.Approval) (pipeline.Release, error)
	RescheduleRelease(ctx context.Context, articleID, releaseID int64, actor string, publishAt *time.Time) (pipeline.Release, error)
	CancelRelease(ctx context.Context, articleID, releaseID int64, actor string) (pipeline.Release, error)
	FindReleases(ctx context.Context, articleID int64) ([]pipeline.Release, error)
	Unpublish(ctx context.Context, articleID int64, lang pipeline.Lang, actor string) error
	Rollback(ctx context.Context, articleID int64, lang pipeline.Lang, versionID int64, actor string) error
	FindVersions(ctx context.Context, articleID int64) ([]pipeline.Version, error)
	FindAudit(ctx context.Context, articleID int64) ([]pipeline.AuditEntry, error)

	// Text repairs of the current revision (upload.go).
	FindRepairs(ctx context.Context, articleID int64) (pipeline.RevisionRepairs, error)
	UndoRepairs(ctx context.Context, u pipeline.RepairUndo) error
	SettleRepairs(ctx context.Context, s pipeline.RepairSettlement) error

	// Source revisions (revisions.go).
	CreateRevision(ctx context.Context, in pipeline.NewRevision) (pipeline.RevisionResult, error)
	FindRevisions(ctx context.Context, articleID int64) ([]pipeline.RevisionInfo, error)
	FindRevision(ctx context.Context, articleID int64, number int) (pipeline.RevisionDetail, error)
	FindSegmentChanges(ctx context.Context, editionID int64) ([]pipeline.SegmentChange, error)
	CheckSegmentCurrent(ctx context.Context, articleID int64, lang pipeline.Lang, segmentID int64) error

	// The termbase, the memory and machine translation's usage (terms.go).
	FindConcepts(ctx context.Context) ([]pipeline.Concept, error)
	SaveConcept(ctx context.Context, c pipeline.Concept) (pipeline.Concept, error)
	DeleteConcept(ctx context.Context, id int64) error
	ImportConcepts(ctx context.Context, concepts []pipeline.Concept) (created, updated int, err error)
	FindMemoryFuzzy(ctx context.Context, source, target pipeline.Lang, text string, threshold, limit int) ([]pipeline.MemoryMatch, error)
	FindMemoryExact(ctx context.Context, source, target pipeline.Lang, keys []pipeline.MemoryKey) (map[int]pipeline.MemoryMatch, error)
	FindUsage(ctx context.Context, editionID int64) ([]pipeline.Usage, error)

	// Exchanging files with CAT tools and other systems (interchange.go): editions as XLIFF, the
	// memory as TMX; the termbase's TBX uses the termbase's methods.
	interchange.EditionStore
	interchange.MemoryStore
	FindMemoryImports(ctx context.Context) ([]pipeline.MemoryImport, error)
	DeleteMemoryImport(ctx context.Context, id int64) (pipeline.MemoryImport, error)
}

// Config is what the API is built with.
type Config struct {
	Store Store
	// Prepare validates, parses and segments a submitted article.
	Prepare func(req pipeline.IngestRequest, maxBytes int) (pipeline.NewArticle, error)
	// Check runs the automated checks on a saved segment; nil runs none.
	Check        kit.CheckFunc
	MaxBodyBytes int // largest accepted article text; 0 = pipeline.DefaultMaxBodyBytes
}

// Handler serves the API.
type Handler struct {
	*kit.Base
	store        Store
	prepare      func(req pipeline.IngestRequest, maxBytes int) (pipeline.NewArticle, error)
	check        kit.CheckFunc
	maxBodyBytes int
}

// New makes the API.
func New(base *kit.Base, cfg Config) *Handler {
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = pipeline.DefaultMaxBodyBytes
	}
	return &Handler{Base: base, store: cfg.Store, prepare: cfg.Prepare, check: cfg.Check, maxBodyBytes: cfg.MaxBodyBytes}
}

// Routes mounts the API's endpoints; the router has checked the bearer token and the input.
func (h *Handler) Routes(r chi.Router) {
	r.Get("/articles", h.handleArticleList)
	r.Post("/articles", h.handleArticleCreate)
	r.Post("/articles/upload", h.handleArticleUpload)
	r.Get("/terms", h.handleTermList)
	r.Post("/terms", h.handleTermSave)
	r.Post("/terms/import", h.handleTermImport)
	r.Put("/terms/{concept}", h.handleTermSave)
	r.Delete("/terms/{concept}", h.handleTermDelete)
	r.Get("/tm", h.handleMemorySearch)
	r.Get("/tm/export", h.handleMemoryExport)
	r.Post("/tm/import", h.handleMemoryImport)
	r.Get("/tm/imports", h.handleMemoryImportList)
	r.Delete("/tm/imports/{import}", h.handleMemoryImportDelete)
	r.Get("/usage", h.handleUsage)
	r.Route("/articles/{id}", func(r chi.Router) {
		r.Get("/", h.handleArticleView)
		r.Get("/repairs", h.handleRepairList)
		r.Post("/repairs/undo", h.handleRepairUndo)
		r.Post("/repairs/settle", h.handleRepairSettle)
		r.Put("/", h.handleArticleRevise)
		r.Get("/revisions", h.handleRevisionList)
		r.Get("/revisions/{number}", h.handleRevisionView)
		r.Post("/release", h.handleReleaseCreate)
		r.Get("/releases", h.handleReleaseList)
		r.Patch("/releases/{release}", h.handleReleaseReschedule)
		r.Delete("/releases/{release}", h.handleReleaseCancel)
		r.Get("/versions", h.handleVersionList)
		r.Get("/audit", h.handleAuditList)
		r.Route("/editions/{lang}", func(r chi.Router) {
			r.Get("/", h.handleEditionView)
			r.Get("/changes", h.handleEditionChanges)
			r.Get("/xliff", h.handleXLIFFExport)
			r.Post("/xliff", h.handleXLIFFImport)
			r.Put("/segments/{segment}", h.guardStaleSegment(h.handleSegmentUpdate))
			r.Post("/submit", h.handleEditionSubmit)
			r.Post("/approve", h.handleEditionApprove)
			r.Post("/unpublish", h.handleEditionUnpublish)
			r.Post("/rollback", h.handleEditionRollback)
			r.Post("/send-back", h.handleEditionSendBack)
			r.Post("/retry", h.handleEditionRetry)
			r.Post("/findings/{finding}/dismiss", h.handleFindingDismiss)
		})
	})
	r.NotFound(func(w http.ResponseWriter, r *http.Request) {
		h.WriteError(w, r, kit.ErrNotFound)
	})
}
