package web

import (
	"net/http"

	"github.com/tilmash/tilmash/pipeline"
)

// handleNewsroomRetry puts a failed edition back to translation and queues its job again.
func (s *Server) handleNewsroomRetry(w http.ResponseWriter, r *http.Request) {
	a, err := s.newsroomArticle(r)
	if err != nil {
		s.workbenchError(w, r, err)
		return
	}
	e, err := s.newsroomEdition(r, a.ID)
	if err != nil {
		s.workbenchError(w, r, err)
		return
	}
	if e.State != pipeline.StateFailed {
		s.articleProblem(w, r, &pipeline.Error{Code: pipeline.CodeIllegalState, MessageID: "newsroom.error.not_failed",
			Data: map[string]any{"Lang": string(e.Lang), "State": string(e.State)}})
		return
	}
	if err := s.cfg.Store.RetryEdition(r.Context(), e.ID, currentUser(r).Name); err != nil {
		s.articleProblem(w, r, err)
		return
	}
	newsroomDone(w, r, newsroomArticlePath(a.ID), "retried")
}
