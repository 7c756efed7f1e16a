package newsroom

import (
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// maxComment bounds a send-back comment: a paragraph or two, not a second article.
const maxComment = 4000

// newsroomEdition finds the edition named by {lang} among the article's editions.
func (h *Handler) newsroomEdition(r *http.Request, articleID int64) (pipeline.Edition, error) {
	lang, err := newsroomLang(r)
	if err != nil {
		return pipeline.Edition{}, err
	}
	eds, err := h.store.FindEditions(r.Context(), articleID)
	if err != nil {
		return pipeline.Edition{}, err
	}
	for _, e := range eds {
		if e.Lang == lang {
			return e, nil
		}
	}
	return pipeline.Edition{}, kit.ErrNotFound
}

// handleSendBack returns an edition awaiting approval, or approved and not yet out, to
// the translators with the editor's comment, which is required: a translator must learn what to
// change.
func (h *Handler) handleSendBack(w http.ResponseWriter, r *http.Request) {
	a, err := h.newsroomArticle(r)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	e, err := h.newsroomEdition(r, a.ID)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	comment := strings.TrimSpace(r.PostFormValue("comment"))
	switch {
	case comment == "":
		err = &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "newsroom.error.comment_required"}
	case utf8.RuneCountInString(comment) > maxComment:
		err = &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "newsroom.error.comment_too_long",
			Data: map[string]any{"Max": maxComment}}
	case e.State == pipeline.StatePublished || (e.IsSource && e.State != pipeline.StateApproved) ||
		(e.State != pipeline.StateAwaitingApproval && e.State != pipeline.StateApproved):
		err = &pipeline.Error{Code: pipeline.CodeIllegalState, MessageID: "newsroom.error.cannot_send_back",
			Data: map[string]any{"State": string(e.State)}}
	default:
		err = h.store.SendBack(r.Context(), e.ID, kit.User(r).Name, comment)
	}
	if err != nil {
		h.reviewProblem(w, r, err, comment)
		return
	}
	newsroomDone(w, r, newsroomArticlePath(a.ID), "sent_back")
}
