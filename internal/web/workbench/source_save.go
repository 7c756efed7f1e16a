package workbench

import (
	"errors"
	"net/http"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// handleSourceSave stores the edited source as a new revision through the store's
// CreateRevision, as PUT /api/v1/articles/{id} does: aligned with the current revision, the
// translations carried over (kept, flagged, new, removed as the preview said), minor when the
// editor says so, and refused as a conflict when the article got another revision since the
// editor opened it. A text that changes nothing stores nothing and says so.
func (h *Handler) handleSourceSave(w http.ResponseWriter, r *http.Request) {
	defer cleanForm(r)
	e, err := h.sourceEdition(r)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	p, err := h.newSourcePage(r, e)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	se, err := h.readSourceEdit(w, r, &p)
	if err == nil && se.Base <= 0 {
		err = &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.field_required", Data: map[string]any{"Field": "base"}}
	}
	if err != nil {
		h.sourceProblem(w, r, p, err)
		return
	}
	res, err := h.store.CreateRevision(r.Context(), pipeline.NewRevision{ArticleID: e.ArticleID, Request: se.Article.Request,
		Doc: se.Article.Doc, Segments: se.Article.Segments, Minor: se.Minor, BaseNumber: se.Base})
	if err != nil {
		h.sourceProblem(w, r, p, err)
		return
	}
	done := "source_saved"
	if !res.Changed {
		done = "source_same"
	}
	kit.LocalRedirect(w, r, "/workbench/newsroom/articles/"+idStr(e.ArticleID)+"/?done="+done)
}

// asUserError finds the error a person may read in err.
func asUserError(err error, pe **pipeline.Error) bool {
	return errors.As(err, pe) && (*pe).Code != "" && kit.Status((*pe).Code) < 500
}
