package library

import (
	"net/http"

	"github.com/tilmash/tilmash/internal/web/kit"
)

// handleTermDelete removes a concept with all its terms.
func (h *Handler) handleTermDelete(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "concept")
	if err == nil {
		err = h.store.DeleteConcept(r.Context(), id)
	}
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	kit.LocalRedirect(w, r, termsPath+"?done=term_deleted")
}
