package library

import (
	"net/http"

	"github.com/tilmash/tilmash/pipeline"
)

// handleTermImport reads an uploaded termbase CSV (the field "file") with the same reader as the
// API and `tilmash terms import`, and imports it whole or not at all. The outcome, or the reason
// nothing was imported (which names the line), shows on the termbase page.
func (h *Handler) handleTermImport(w http.ResponseWriter, r *http.Request) {
	p := termsPage{AppPage: h.NewAppPage(r, "find.terms.title"), Export: termsPath + "export.csv"}
	err := func() error {
		f, _, err := r.FormFile("file")
		if err != nil {
			return &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "find.terms.file_required"}
		}
		defer f.Close()
		cs, err := pipeline.ReadConceptsCSV(f)
		if err != nil {
			return err
		}
		created, updated, err := h.store.ImportConcepts(r.Context(), cs)
		if err != nil {
			return err
		}
		p.Notice = p.T.T("find.terms.imported", map[string]any{"Created": created, "Updated": updated})
		return nil
	}()
	status := http.StatusOK
	if err != nil {
		msg, st, ok := problemMessage(p.T, err)
		if !ok {
			h.PageError(w, r, err)
			return
		}
		p.Problem, status = msg, st
	}
	h.renderTerms(w, r, p, 1, status)
}
