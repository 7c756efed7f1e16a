package web

import (
	"net/http"

	"github.com/tilmash/tilmash/internal/web/kit"
)

// handleNewsroomRetry puts a failed edition back to translation and queues its job again.
func (s *Server) handleNewsroomRetry(w http.ResponseWriter, r *http.Request) {
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
	if err := s.cfg.Store.RetryEdition(r.Context(), e.ID, kit.User(r).Name); err != nil {
		s.articleProblem(w, r, err)
		return
	}
	newsroomDone(w, r, newsroomArticlePath(a.ID), "retried")
}
