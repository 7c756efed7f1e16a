package web

import (
	"net/http"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// reviewProblem answers a refused action on the review page with that page and the reason at its
// top, keeping what the editor wrote.
func (s *Server) reviewProblem(w http.ResponseWriter, r *http.Request, err error, comment string) {
	msg, code, ok := userMessage(s.Localizer(kit.UILang(r)), err)
	if !ok || code == http.StatusNotFound {
		s.PageError(w, r, err)
		return
	}
	s.renderReviewPage(w, r, code, msg, comment)
}

// handleNewsroomApprove approves the edition under review on its own, as a release of one, so
// that its time can be changed or cancelled like any other release.
func (s *Server) handleNewsroomApprove(w http.ResponseWriter, r *http.Request) {
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
	if err := s.release(w, r, a.ID, []pipeline.Lang{lang}); err != nil {
		s.reviewProblem(w, r, err, "")
	}
}
