package newsroom

import (
	"net/http"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// reviewProblem answers a refused action on the review page with that page and the reason at its
// top, keeping what the editor wrote.
func (h *Handler) reviewProblem(w http.ResponseWriter, r *http.Request, err error, comment string) {
	msg, code, ok := userMessage(h.Localizer(kit.UILang(r)), err)
	if !ok || code == http.StatusNotFound {
		h.PageError(w, r, err)
		return
	}
	h.renderReviewPage(w, r, code, msg, comment)
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
