package newsroom

import (
	"net/http"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// handleComposePreview prepares the text or file the editor sent, stores nothing, and shows the
// article as it would be created: its structure block by block, every repair highlighted with a
// choice to keep or undo it, every question with its readings, and the language (detected when
// the editor did not name one), category, byline and slug to confirm. The page carries the text
// in its form, so creating it needs nothing kept on the server.
func (h *Handler) handleComposePreview(w http.ResponseWriter, r *http.Request) {
	defer func() { kit.CleanArticleForm(r.MultipartForm) }()
	in, err := h.readComposeInput(w, r)
	if err != nil {
		h.composeProblem(w, r, composePageForm(h, r, in), err)
		return
	}
	art, detected, err := h.prepareComposed(in, kit.User(r).Name)
	if err != nil {
		h.composeProblem(w, r, composePageForm(h, r, in), err)
		return
	}
	pp := h.newComposePage(r, "compose.preview.title")
	// Decisions carry over when the editor changed only the fields and asked again; in another
	// language the repairs are others.
	d := in.Decisions
	if in.Previewed != art.Request.SourceLang || in.Repairs != len(art.Repairs) || in.Questions != len(art.Questions) {
		d = pipeline.RepairDecisions{}
	}
	pp.fillPreview(art, in, detected, d)
	h.renderCompose(w, r, http.StatusOK, pp)
}
