package newsroom

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// reviewProblem answers a refused action on the review page by sending the editor back to that
// page (post, redirect, get) with the reason at its top and what they wrote kept in the form; a
// reload then shows the page again rather than repeating the action.
func (h *Handler) reviewProblem(w http.ResponseWriter, r *http.Request, err error, comment string) {
	msg, code, ok := userMessage(h.Localizer(kit.UILang(r)), err)
	if !ok || code == http.StatusNotFound {
		h.PageError(w, r, err)
		return
	}
	var keep map[string]string
	if comment != "" {
		keep = map[string]string{"comment": comment}
	}
	h.RefuseTo(w, r, newsroomBase+"/articles/"+chi.URLParam(r, "article")+"/editions/"+chi.URLParam(r, "lang")+"/", msg, keep)
}

// handleApprove approves the edition under review on its own, as a release of one, so
// that its time can be changed or cancelled like any other release.
func (h *Handler) handleApprove(w http.ResponseWriter, r *http.Request) {
	a, err := h.newsroomArticle(r)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	lang, err := newsroomLang(r)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	if err := h.release(w, r, a.ID, []pipeline.Lang{lang}); err != nil {
		h.reviewProblem(w, r, err, "")
	}
}
