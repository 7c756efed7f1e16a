package newsroom

import (
	"net/http"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// handleComposeCreate creates the article the editor previewed, with their decisions: the text
// is prepared again (the same text in the same language gives the same repairs), the decisions
// are applied (ingest.Preparer.Settle), and the article goes through the store's CreateArticle
// with its fan-out job, as one from the API. Questions left for later stay open on the article's
// repairs page, and its source edition cannot be approved until they are answered. When the
// editor changed the language, or the repairs no longer match what the preview showed, the
// preview comes back to be checked again, and nothing is stored.
func (h *Handler) handleComposeCreate(w http.ResponseWriter, r *http.Request) {
	defer func() { kit.CleanArticleForm(r.MultipartForm) }()
	in, err := h.readComposeInput(w, r)
	if err == nil && in.Lang == "" {
		err = &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.field_required", Data: map[string]any{"Field": "lang"}}
	}
	if err != nil {
		h.composeProblem(w, r, composePageForm(h, r, in), err)
		return
	}
	p := h.newComposePage(r, "compose.preview.title")
	u := kit.User(r)
	art, _, err := h.prepareComposed(in, u.Name)
	if err != nil {
		h.composeProblem(w, r, composePageForm(h, r, in), err)
		return
	}
	if in.Previewed != art.Request.SourceLang || in.Repairs != len(art.Repairs) || in.Questions != len(art.Questions) {
		p.fillPreview(art, in, false, pipeline.RepairDecisions{})
		p.Problem = p.T.T("compose.preview.check_again", map[string]any{"Lang": art.Request.SourceLang.NativeName()})
		h.renderCompose(w, r, http.StatusConflict, p)
		return
	}
	settled, err := h.preparer().Settle(art, in.Decisions, u.Name)
	if err == nil {
		var a pipeline.Article
		if a, err = h.store.CreateArticle(r.Context(), settled); err == nil {
			newsroomDone(w, r, newsroomArticlePath(a.ID), "created")
			return
		}
	}
	p.fillPreview(art, in, false, in.Decisions)
	h.composeProblem(w, r, p, err)
}

// composePageForm is the form with the editor's pasted text back in its box (a file's content
// is not put there).
func composePageForm(h *Handler, r *http.Request, in composeInput) composePage {
	p := h.newComposePage(r, "compose.title")
	if in.FileName == "" {
		p.Text = in.Text
	}
	p.Format = in.Format
	return p
}
