package web

import (
	"net/http"
	"strconv"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// repairsPage shows an editor what the text repair changed in the article as it arrived: the
// text with every change highlighted (what was there, what is there now), a box to undo each, and
// the questions the repair left open.
type repairsPage struct {
	kit.AppPage
	ArticleID  int64
	ArticleTag pipeline.Lang
	Heading    string
	Back       string
	Action     string
	Version    int
	Parts      []pipeline.DiffPart
	Active     int
	Undone     int
	Questions  []repairQuestionRow
}

type repairQuestionRow struct {
	Token      string
	Candidates string
	Reason     string
}

// handleNewsroomRepairs shows the repairs of the article's current revision.
func (s *Server) handleNewsroomRepairs(w http.ResponseWriter, r *http.Request) {
	s.renderRepairsPage(w, r, http.StatusOK, "")
}

func (s *Server) renderRepairsPage(w http.ResponseWriter, r *http.Request, status int, problem string) {
	a, err := s.newsroomArticle(r)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	rep, err := s.cfg.Store.FindRepairs(r.Context(), a.ID)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	p := repairsPage{AppPage: s.NewAppPage(r, "newsroom.repairs.title"), ArticleID: a.ID, ArticleTag: a.SourceLang,
		Heading: a.Title, Back: newsroomArticlePath(a.ID), Action: newsroomArticlePath(a.ID) + "repairs/undo",
		Version: rep.Version, Parts: document.RepairDiff(rep.Body, rep.Changes)}
	p.Problem = problem
	p.Notice = doneNotice(r, p.T)
	for _, c := range rep.Changes {
		if c.Undone {
			p.Undone++
		} else {
			p.Active++
		}
	}
	for _, q := range rep.Questions {
		row := repairQuestionRow{Token: q.Token, Reason: q.Reason}
		for i, c := range q.Candidates {
			if i > 0 {
				row.Candidates += " · "
			}
			row.Candidates += c
		}
		p.Questions = append(p.Questions, row)
	}
	s.pages.Render(w, r, "newsroom_repairs.html", status, p.Lang, p)
}

// handleNewsroomRepairUndo undoes the repairs the editor ticked, then shows the page again.
func (s *Server) handleNewsroomRepairUndo(w http.ResponseWriter, r *http.Request) {
	a, err := s.newsroomArticle(r)
	if err != nil {
		s.PageError(w, r, err)
		return
	}
	if err := r.ParseForm(); err != nil {
		s.renderRepairsPage(w, r, http.StatusBadRequest, s.Localizer(kit.UILang(r)).T("newsroom.repairs.none_selected", nil))
		return
	}
	var ids []int64
	for _, v := range r.PostForm["change"] {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			s.renderRepairsPage(w, r, http.StatusBadRequest, s.Localizer(kit.UILang(r)).T("newsroom.repairs.none_selected", nil))
			return
		}
		ids = append(ids, id)
	}
	if len(ids) == 0 {
		s.renderRepairsPage(w, r, http.StatusBadRequest, s.Localizer(kit.UILang(r)).T("newsroom.repairs.none_selected", nil))
		return
	}
	rep, err := s.cfg.Store.FindRepairs(r.Context(), a.ID)
	if err == nil && strconv.Itoa(rep.Version) != r.PostForm.Get("version") {
		err = &pipeline.Error{Code: pipeline.CodeConflict, MessageID: "error.ingest.repair_stale"}
	}
	if err == nil {
		err = kit.UndoRepairs(r.Context(), s.cfg.Store, a, rep, ids, kit.User(r).Name)
	}
	if err != nil {
		msg, code, ok := userMessage(s.Localizer(kit.UILang(r)), err)
		if !ok {
			s.PageError(w, r, err)
			return
		}
		s.renderRepairsPage(w, r, code, msg)
		return
	}
	newsroomDone(w, r, newsroomArticlePath(a.ID)+"repairs/", "repairs_undone")
}
