package web

import (
	"net/http"
	"strings"
	"unicode/utf8"

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
func (s *Server) handleCommentAdd(w http.ResponseWriter, r *http.Request) {
	e, err := s.editionParam(r)
	if err != nil {
		s.workbenchError(w, r, err)
		return
	}
	segID := chiInt(r, "segment")
	var body string
	if wantsJSON(r) {
		var req commentRequest
		if err := decodeJSON(w, r, 16<<10, &req); err != nil {
			s.workbenchError(w, r, err)
			return
		}
		body = req.Body
	} else {
		body = r.PostFormValue("body")
	}
	body = strings.TrimSpace(body)
	if body == "" || utf8.RuneCountInString(body) > 4000 {
		s.workbenchError(w, r, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "wb.comment.invalid"})
		return
	}
	c, err := s.cfg.Store.AddComment(r.Context(), e.ID, segID, currentUser(r).Name, body)
	if err != nil {
		s.workbenchError(w, r, err)
		return
	}
	if !wantsJSON(r) {
		localRedirect(w, r, "/workbench/editions/"+idStr(e.ID)+"/#seg-"+idStr(segID))
		return
	}
	lang := uiLang(r)
	writeJSON(w, http.StatusCreated, commentJSON{ID: c.ID, Author: c.Author, Body: c.Body,
		When: formatDate(c.CreatedAt, lang) + " " + c.CreatedAt.Format("15:04")})
}
