package newsroom

import (
	"net/http"

	"github.com/tilmash/tilmash/internal/web/kit"
)

// handleComposePreview prepares the text or file the editor sent, stores nothing, and shows the
// article as it would be created: its structure block by block, every repair highlighted with a
// choice to keep or undo it, every question with its readings, and the language (detected when
// the editor did not name one), category, byline and slug to confirm. The page carries the text
// in its form, so creating it needs nothing kept on the server.
func (h *Handler) handleComposePreview(w http.ResponseWriter, r *http.Request) {
	defer kit.CleanArticleForm(r.MultipartForm)
	p := h.newComposePage(r, "compose.title")
	in, err := h.readComposeInput(w, r)
	p.Text, p.FileName, p.Format = in.Text, in.FileName, in.Format
	if err != nil {
		p.Text = ""
		h.composeProblem(w, r, p, err)
		return
	}
	art, detected, err := h.prepareComposed(in, kit.User(r).Name)
	if err != nil {
		if len(in.Text) > h.maxTextShown() {
			p.Text = "" // a file's content is not put back in the box
		}
		h.composeProblem(w, r, p, err)
		return
	}
	pp := h.newComposePage(r, "compose.preview.title")
	// Decisions carry over when the editor only changed the language or fields and asked again.
	d := in.Decisions
	if in.Repairs != len(art.Repairs) || in.Questions != len(art.Questions) {
		d = pipelineNoDecisions
	}
	pp.fillPreview(art, in, detected, d)
	h.renderCompose(w, r, http.StatusOK, pp)
}

// maxTextShown is the longest text put back in the form's box after a refusal.
func (h *Handler) maxTextShown() int { return 1 << 20 }
