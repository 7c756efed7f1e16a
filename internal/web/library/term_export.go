package library

import (
	"bytes"
	"net/http"

	"github.com/tilmash/tilmash/pipeline"
)

// handleTermExport sends the whole termbase as the termbase CSV, the file `tilmash terms import`
// and the API read.
func (h *Handler) handleTermExport(w http.ResponseWriter, r *http.Request) {
	cs, err := h.store.FindConcepts(r.Context())
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	var buf bytes.Buffer
	if err := pipeline.WriteConceptsCSV(&buf, cs); err != nil {
		h.PageError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="termbase.csv"`)
	w.Header().Set("Cache-Control", "no-store")
	w.Write(buf.Bytes()) //nolint:errcheck // the client went away: nothing to do
}
