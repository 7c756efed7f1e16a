package web

import (
	"context"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// workbenchStore is what the translators' workbench needs from storage.
type workbenchStore interface {
	FindQueue(ctx context.Context, langs []pipeline.Lang, me string) ([]pipeline.QueueItem, error)
	TouchPresence(ctx context.Context, editionID int64, user string) ([]string, error)
	FindEditionByID(ctx context.Context, id int64) (pipeline.Edition, error)
	FindEditionContentByID(ctx context.Context, editionID int64) (pipeline.EditionContent, error)
	FindSegmentHistory(ctx context.Context, editionID, segmentID int64) ([]pipeline.SegmentTranslation, error)
	FindSegmentSource(ctx context.Context, editionID, segmentID int64) (pipeline.SegmentSource, error)
	SaveSegment(ctx context.Context, u pipeline.SegmentUpdate) (pipeline.SaveResult, error)
	AddComment(ctx context.Context, editionID, segmentID int64, author, body string) (pipeline.Comment, error)
	FindComments(ctx context.Context, editionID int64) ([]pipeline.Comment, error)

	// Translation memory and termbase.
	FindSuggestions(ctx context.Context, editionID int64) (map[int64][]pipeline.MemoryMatch, error)
	FindSegmentChanges(ctx context.Context, editionID int64) ([]pipeline.SegmentChange, error)
	FindMemoryExact(ctx context.Context, source, target pipeline.Lang, keys []pipeline.MemoryKey) (map[int]pipeline.MemoryMatch, error)
	FindConcepts(ctx context.Context) ([]pipeline.Concept, error)
	SaveConcept(ctx context.Context, c pipeline.Concept) (pipeline.Concept, error)
}

// workbenchRoutes mounts the translators' workbench: the queue and, per edition, the editor and
// what it does.
func (s *Server) workbenchRoutes(r chi.Router) {
	r.Get("/", s.handleQueue)
	r.Route("/editions/{edition}", func(r chi.Router) {
		r.Get("/", s.handleEditor)
		r.Get("/xliff", s.handleWorkbenchXLIFF)
		r.Put("/segments/{segment}", s.handleSegmentSave)
		r.Get("/segments/{segment}/history", s.handleSegmentHistory)
		r.Post("/segments/{segment}/comments", s.handleCommentAdd)
		r.Post("/findings/{finding}/dismiss", s.handleWorkbenchDismiss)
		r.Post("/submit", s.handleWorkbenchSubmit)
		r.Post("/terms", s.handleTermAdd)
	})
}

// editionParam reads {edition} and loads it, after checking that the user works in its language
// and that it is a translation: the server decides, whatever the page shows.
func (s *Server) editionParam(r *http.Request) (pipeline.Edition, error) {
	id, err := strconv.ParseInt(chi.URLParam(r, "edition"), 10, 64)
	if err != nil || id <= 0 {
		return pipeline.Edition{}, &pipeline.Error{Code: pipeline.CodeNotFound, MessageID: "error.not_found"}
	}
	e, err := s.cfg.Store.FindEditionByID(r.Context(), id)
	if err != nil {
		return e, err
	}
	if !kit.User(r).CanEdit(e.Lang) {
		return e, &pipeline.Error{Code: pipeline.CodeForbidden, MessageID: "wb.error.not_your_language",
			Data: map[string]any{"Lang": e.Lang.NativeName()}}
	}
	if e.IsSource {
		return e, &pipeline.Error{Code: pipeline.CodeNotFound, MessageID: "error.not_found"}
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
