package workbench

import (
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

type commentRequest struct {
	Body string `json:"body"`
}

type commentJSON struct {
	ID     int64  `json:"id"`
	Author string `json:"author"`
	Body   string `json:"body"`
	When   string `json:"when"`
}

// handleCommentAdd adds a comment to a segment for the others working on the edition. The page's
// script posts JSON; without script the form posts and comes back to the segment.
func (h *Handler) handleCommentAdd(w http.ResponseWriter, r *http.Request) {
	e, err := h.editionParam(r)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	segID := chiInt(r, "segment")
	if segID <= 0 {
		h.PageError(w, r, &pipeline.Error{Code: pipeline.CodeNotFound, MessageID: "error.not_found", Data: map[string]any{"What": "segment"}})
		return
	}
	var body string
	if kit.WantsJSON(r) {
		var req commentRequest
		if err := kit.DecodeJSON(w, r, 16<<10, &req); err != nil {
			h.PageError(w, r, err)
			return
		}
		body = req.Body
	} else {
		body = r.PostFormValue("body")
	}
	body = strings.TrimSpace(body)
	if body == "" || utf8.RuneCountInString(body) > 4000 {
		h.refuse(w, r, e.ID, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "wb.comment.invalid"})
		return
	}
	c, err := h.store.AddComment(r.Context(), e.ID, segID, kit.User(r).Name, body)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	if !kit.WantsJSON(r) {
		kit.LocalRedirect(w, r, "/workbench/editions/"+idStr(e.ID)+"/#seg-"+idStr(segID))
		return
	}
	lang := kit.UILang(r)
	kit.WriteJSON(w, http.StatusCreated, commentJSON{ID: c.ID, Author: c.Author, Body: c.Body,
		When: h.FormatDateTime(c.CreatedAt, lang, "15:04")})
}
