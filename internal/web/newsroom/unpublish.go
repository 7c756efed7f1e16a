package newsroom

import (
	"net/http"

	"github.com/tilmash/tilmash/internal/web/kit"
)

// handleUnpublish takes an edition off the public site. Its versions stay on record, and
// a published edition goes back to awaiting approval, to be released again when it is right.
func (h *Handler) handleUnpublish(w http.ResponseWriter, r *http.Request) {
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
	if err := h.store.Unpublish(r.Context(), a.ID, lang, kit.User(r).Name); err != nil {
		h.articleProblem(w, r, err)
		return
	}
	newsroomDone(w, r, newsroomArticlePath(a.ID), "unpublished")
}
