package api

import (
	"net/http"
	"strconv"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// handleArticleUpload ingests an article sent as a file: multipart/form-data with the fields
// file, source_lang, format (optional: detected from the content, and checked against the
// content when given), slug, category and byline. The file goes through the same preparation
// as a pasted text (format, repair, parse, segment) and is stored all or nothing; a file that is
// too large, encrypted, damaged or not what it says is refused before anything is stored.
func (h *Handler) handleArticleUpload(w http.ResponseWriter, r *http.Request) {
	u := kit.User(r)
	if !u.CanApprove() {
		h.WriteError(w, r, kit.ErrForbidden)
		return
	}
	if err := kit.ParseArticleForm(w, r, h.maxBodyBytes); err != nil {
		h.WriteError(w, r, err)
		return
	}
	defer kit.CleanArticleForm(r.MultipartForm)
	data, _, ok, err := kit.ReadArticleFile(r, h.maxBodyBytes)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	if !ok {
		h.WriteError(w, r, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.field_required",
			Data: map[string]any{"Field": "file"}})
		return
	}
	if r.FormValue("source_lang") == "" {
		h.WriteError(w, r, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.field_required",
			Data: map[string]any{"Field": "source_lang"}})
		return
	}
	lang, err := pipeline.ParseLang(r.FormValue("source_lang"))
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	format, err := kit.ArticleFormat(r.FormValue("format")) // empty: detect
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	in, err := h.prepare(pipeline.IngestRequest{Text: string(data), Format: format, SourceLang: lang,
		Slug: r.FormValue("slug"), Category: r.FormValue("category"), Byline: r.FormValue("byline"), CreatedBy: u.Name},
		h.maxBodyBytes)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	a, err := h.store.CreateArticle(r.Context(), in)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	eds, _ := h.store.FindEditions(r.Context(), a.ID)
	w.Header().Set("Location", "/api/v1/articles/"+strconv.FormatInt(a.ID, 10))
	kit.WriteJSON(w, http.StatusCreated, toArticleJSON(a, eds))
}

// repairsJSON is the repair record of an article's current revision.
type repairsJSON struct {
	RevisionID int64                     `json:"revision_id"`
	Version    int                       `json:"version"`
	Format     pipeline.Format           `json:"format"`
	Active     int                       `json:"active"`
	Changes    []pipeline.RepairChange   `json:"changes"`
	Questions  []pipeline.RepairQuestion `json:"questions"`
	// Diff is the repaired text cut into unchanged runs and changes, for a highlighted view;
	// only with ?diff=1.
	Diff []pipeline.DiffPart `json:"diff,omitempty"`
}

// handleRepairList answers GET /articles/{id}/repairs: every change the text repair made to the
// current revision (with before, after, byte offsets in the text as it arrived, rule and whether
// it was undone) and every open question.
func (h *Handler) handleRepairList(w http.ResponseWriter, r *http.Request) {
	a, err := h.articleFromPath(r)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	rep, err := h.store.FindRepairs(r.Context(), a.ID)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusOK, toRepairsJSON(rep, r.URL.Query().Get("diff") == "1"))
}

func toRepairsJSON(rep pipeline.RevisionRepairs, diff bool) repairsJSON {
	out := repairsJSON{RevisionID: rep.RevisionID, Version: rep.Version, Format: rep.Format,
		Active: len(rep.Active()), Changes: rep.Changes, Questions: rep.Questions}
	if out.Changes == nil {
		out.Changes = []pipeline.RepairChange{}
	}
	if out.Questions == nil {
		out.Questions = []pipeline.RepairQuestion{}
	}
	if diff {
		out.Diff = document.RepairDiff(rep.Body, rep.Changes)
	}
	return out
}

type repairUndoRequest struct {
	Changes []int64 `json:"changes"`
	Version *int    `json:"version"`
}

// handleRepairUndo answers POST /articles/{id}/repairs/undo with {"changes": [IDs], "version":
// N}: the revision's text is prepared again from the text as it arrived with the remaining
// changes applied, and its segments are replaced (see UndoRepairs), while no edition has left
// translation and review. version is the one the editor saw; a stale one is a conflict.
func (h *Handler) handleRepairUndo(w http.ResponseWriter, r *http.Request) {
	u := kit.User(r)
	if !u.CanApprove() {
		h.WriteError(w, r, kit.ErrForbidden)
		return
	}
	a, err := h.articleFromPath(r)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	var body repairUndoRequest
	if err := kit.DecodeJSON(w, r, 1<<20, &body); err != nil {
		h.WriteError(w, r, err)
		return
	}
	if len(body.Changes) == 0 {
		h.WriteError(w, r, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.field_required",
			Data: map[string]any{"Field": "changes"}})
		return
	}
	rep, err := h.store.FindRepairs(r.Context(), a.ID)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	if body.Version != nil && *body.Version != rep.Version {
		h.WriteError(w, r, &pipeline.Error{Code: pipeline.CodeConflict, MessageID: "error.ingest.repair_stale"})
		return
	}
	if err := kit.UndoRepairs(r.Context(), h.store, a, rep, body.Changes, u.Name); err != nil {
		h.WriteError(w, r, err)
		return
	}
	rep, err = h.store.FindRepairs(r.Context(), a.ID)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusOK, toRepairsJSON(rep, false))
}
