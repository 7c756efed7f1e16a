package newsroom

import (
	"net/http"

	"github.com/tilmash/tilmash/internal/web/kit"
)

// handleRetry puts a failed edition back to translation and queues its job again.
func (h *Handler) handleRetry(w http.ResponseWriter, r *http.Request) {
	a, err := h.newsroomArticle(r)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	e, err := h.newsroomEdition(r, a.ID)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	if err := h.store.RetryEdition(r.Context(), e.ID, kit.User(r).Name); err != nil {
		h.articleProblem(w, r, err)
		return
	}
	newsroomDone(w, r, newsroomArticlePath(a.ID), "retried")
}
