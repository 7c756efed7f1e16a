package web

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
func (s *Server) newsroomEdition(r *http.Request, articleID int64) (pipeline.Edition, error) {
	lang, err := newsroomLang(r)
	if err != nil {
		return pipeline.Edition{}, err
	}
	eds, err := s.cfg.Store.FindEditions(r.Context(), articleID)
	if err != nil {
		return pipeline.Edition{}, err
	}
	for _, e := range eds {
		if e.Lang == lang {
			return e, nil
		}
	}
	return pipeline.Edition{}, errNewsroomNotFound
}

// handleNewsroomSendBack returns an edition awaiting approval, or approved and not yet out, to
// the translators with the editor's comment, which is required: a translator must learn what to
// change.
func (s *Server) handleNewsroomSendBack(w http.ResponseWriter, r *http.Request) {
	a, err := s.newsroomArticle(r)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	e, err := s.newsroomEdition(r, a.ID)
	if err != nil {
		s.PageError(w, r, err)
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
		err = s.cfg.Store.SendBack(r.Context(), e.ID, kit.User(r).Name, comment)
	}
	if err != nil {
		s.reviewProblem(w, r, err, comment)
		return
	}
	newsroomDone(w, r, newsroomArticlePath(a.ID), "sent_back")
}
