package library

import (
	"net/http"

	"github.com/tilmash/tilmash/internal/web/kit"
)

// handleTermDelete removes a concept with all its terms, if nobody changed it since the editor
// opened it; otherwise the form shows it as it is now.
func (h *Handler) handleTermDelete(w http.ResponseWriter, r *http.Request) {
	id, err := kit.PathID(r, "concept")
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	seen, err := formSeen(r)
	if err == nil {
		err = h.store.DeleteConceptSeen(r.Context(), id, seen)
	}
	if err != nil {
		cur, ferr := h.store.FindConcept(r.Context(), id)
		if ferr != nil {
			h.PageError(w, r, ferr)
			return
		}
		h.termProblem(w, r, cur, err)
		return
	}
	kit.LocalRedirect(w, r, termsPath+"?done=term_deleted")
}
