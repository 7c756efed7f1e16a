package library

import (
	"net/http"
	"strconv"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// handleMemoryDelete removes an entry, if it is still the version the editor saw: an entry someone
// changed meanwhile is shown again with the conflict, not deleted unseen.
func (h *Handler) handleMemoryDelete(w http.ResponseWriter, r *http.Request) {
	id, err := kit.PathID(r, "entry")
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	version, err := strconv.Atoi(r.PostFormValue("version"))
	if err != nil {
		h.PageError(w, r, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.field_required", Data: map[string]any{"Field": "version"}})
		return
	}
	if err := h.store.DeleteMemoryEntry(r.Context(), id, version); err != nil {
		cur, ferr := h.store.FindMemoryEntry(r.Context(), id)
		if ferr != nil {
			h.PageError(w, r, err)
			return
		}
		h.memoryProblem(w, r, id, pipeline.MemoryEdit{ID: id, Version: version, Source: cur.Source, Target: cur.Target}, err)
		return
	}
	kit.LocalRedirect(w, r, withDone(memoryBack(r), "memory_deleted"))
}
