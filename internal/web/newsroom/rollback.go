package newsroom

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// handleRollback makes an earlier published version of a live edition the live one.
func (h *Handler) handleRollback(w http.ResponseWriter, r *http.Request) {
	a, err := h.newsroomArticle(r)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	lang, err := newsroomLang(r)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	v, perr := strconv.ParseInt(strings.TrimSpace(r.PostFormValue("version")), 10, 64)
	if perr != nil || v <= 0 {
		h.articleProblem(w, r, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "newsroom.error.version_required"})
		return
	}
	if err := h.store.Rollback(r.Context(), a.ID, lang, v, kit.User(r).Name); err != nil {
		if pipeline.ErrorCode(err) == pipeline.CodeNotFound { // a version of another edition, or none
			err = &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "newsroom.error.version_unknown",
				Data: map[string]any{"Lang": string(lang)}, Err: err}
		}
		h.articleProblem(w, r, err)
		return
	}
	newsroomDone(w, r, newsroomArticlePath(a.ID), "rolled_back")
}
