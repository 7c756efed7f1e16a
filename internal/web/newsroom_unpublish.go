package web

import (
	"net/http"

	"github.com/tilmash/tilmash/internal/web/kit"
)

// handleNewsroomUnpublish takes an edition off the public site. Its versions stay on record, and
// a published edition goes back to awaiting approval, to be released again when it is right.
func (s *Server) handleNewsroomUnpublish(w http.ResponseWriter, r *http.Request) {
	a, err := s.newsroomArticle(r)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	lang, err := newsroomLang(r)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	if err := s.cfg.Store.Unpublish(r.Context(), a.ID, lang, kit.User(r).Name); err != nil {
		s.articleProblem(w, r, err)
		return
	}
	newsroomDone(w, r, newsroomArticlePath(a.ID), "unpublished")
}
