// Package workbench is the translators' workbench: the queue of editions in review in their
// languages, and the editor where they save, confirm, compare and discuss each segment's
// translation and submit the edition to the editors.
package workbench

import (
	"context"
	"embed"
	"net/http"
	"strconv"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/tilmash/tilmash/internal/ingest"
	"github.com/tilmash/tilmash/internal/interchange"
	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

//go:embed templates/*.html
var templateFS embed.FS

// Store is what the workbench needs from storage.
type Store interface {
	FindQueue(ctx context.Context, langs []pipeline.Lang, me string) ([]pipeline.QueueItem, error)
	TouchPresence(ctx context.Context, editionID int64, user string) ([]string, error)
	FindEditionByID(ctx context.Context, id int64) (pipeline.Edition, error)
	FindEditionContentByID(ctx context.Context, editionID int64) (pipeline.EditionContent, error)
	FindSegmentHistory(ctx context.Context, editionID, segmentID int64) ([]pipeline.SegmentTranslation, error)
	FindSegmentSource(ctx context.Context, editionID, segmentID int64) (pipeline.SegmentSource, error)
	SaveSegment(ctx context.Context, u pipeline.SegmentUpdate) (pipeline.SaveResult, error)
	AddComment(ctx context.Context, editionID, segmentID int64, author, body string) (pipeline.Comment, error)
	FindComments(ctx context.Context, editionID int64) ([]pipeline.Comment, error)
	DismissFinding(ctx context.Context, editionID, findingID int64, actor, reason string) error
	SubmitEdition(ctx context.Context, editionID int64, actor string) error

	// What changed while the editor is open, and the open findings per check.
	FindEditionLive(ctx context.Context, editionID int64, since time.Time) (pipeline.EditionLive, error)
	CountFindings(ctx context.Context, editionID int64) ([]pipeline.FindingCount, error)

	// Translation memory and termbase.
	FindSuggestions(ctx context.Context, editionID int64) (map[int64][]pipeline.MemoryMatch, error)
	FindSegmentChanges(ctx context.Context, editionID int64) ([]pipeline.SegmentChange, error)
	FindMemoryExact(ctx context.Context, source, target pipeline.Lang, keys []pipeline.MemoryKey) (map[int]pipeline.MemoryMatch, error)
	FindConcepts(ctx context.Context) ([]pipeline.Concept, error)
	SaveConcept(ctx context.Context, c pipeline.Concept) (pipeline.Concept, error)

	// The edition as XLIFF, for a CAT tool.
	interchange.EditionStore

	// Editing the source edition (source.go).
	sourceStore
}

// Handler serves the workbench.
type Handler struct {
	*kit.Base
	store Store
	check kit.CheckFunc
	pages *kit.Pages
	// sourcePrep and maxBodyBytes prepare edited source texts (UseSourceEditor).
	sourcePrep   *ingest.Preparer
	maxBodyBytes int
}

// New parses the workbench's pages. check runs the automated checks on a saved segment; nil
// runs none.
func New(base *kit.Base, store Store, check kit.CheckFunc) (*Handler, error) {
	pages, err := base.ParsePages(templateFS)
	if err != nil {
		return nil, err
	}
	return &Handler{Base: base, store: store, check: check, pages: pages}, nil
}

// Routes mounts the translators' workbench: the queue and, per edition, the editor and what it
// does.
func (h *Handler) Routes(r chi.Router) {
	r.Get("/", h.handleQueue)
	r.Route("/editions/{edition}", func(r chi.Router) {
		r.Get("/", h.handleEditor)
		r.Get("/live", h.handleLive)
		r.Get("/xliff", h.handleXLIFF)
		r.Put("/segments/{segment}", h.handleSegmentSave)
		r.Get("/segments/{segment}/history", h.handleSegmentHistory)
		r.Post("/segments/{segment}/comments", h.handleCommentAdd)
		r.Post("/findings/{finding}/dismiss", h.handleDismiss)
		r.Post("/submit", h.handleSubmit)
		r.Post("/terms", h.handleTermAdd)
	})
}

// editionParam reads {edition} and loads it, after checking that the user works in its language
// and that it is a translation: the server decides, whatever the page shows.
func (h *Handler) editionParam(r *http.Request) (pipeline.Edition, error) {
	id, err := kit.PathID(r, "edition")
	if err != nil {
		return pipeline.Edition{}, err
	}
	e, err := h.store.FindEditionByID(r.Context(), id)
	if err != nil {
		return e, err
	}
	if !kit.User(r).CanEdit(e.Lang) {
		return e, &pipeline.Error{Code: pipeline.CodeForbidden, MessageID: "wb.error.not_your_language",
			Data: map[string]any{"Lang": e.Lang.NativeName()}}
	}
	if e.IsSource {
		return e, kit.ErrNotFound
	}
	return e, nil
}

// segmentParam reads {segment} and finds it among the content's segments.
func segmentParam(r *http.Request, c *pipeline.EditionContent) (int, error) {
	id, err := strconv.ParseInt(chi.URLParam(r, "segment"), 10, 64)
	if err == nil {
		for i := range c.Segments {
			if c.Segments[i].ID == id {
				return i, nil
			}
		}
	}
	return -1, &pipeline.Error{Code: pipeline.CodeNotFound, MessageID: "error.not_found", Data: map[string]any{"What": "segment"}}
}

func idStr(id int64) string { return strconv.FormatInt(id, 10) }
