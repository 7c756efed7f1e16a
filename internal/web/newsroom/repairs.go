package newsroom

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
	// Settle is the form where the editor accepts or rejects each change and answers each
	// question (repairs_settle.go).
	Settle   string
	Changes  []repairChangeRow
	Open     int
	Answered int
}

type repairQuestionRow struct {
	ID         int64
	Token      string
	Candidates string
	Reason     string
	Options    []composeOption
	Answered   bool
	Answer     string
	AnsweredBy string
}

// repairChangeRow is one change in the settle form, with its state.
type repairChangeRow struct {
	ID       int64
	Before   string
	After    string
	Rule     string
	Accepted bool
	Undone   bool
}

// handleRepairs shows the repairs of the article's current revision.
func (h *Handler) handleRepairs(w http.ResponseWriter, r *http.Request) {
	problem, _ := h.TakeFlash(w, r)
	h.renderRepairsPage(w, r, problem)
}

func (h *Handler) renderRepairsPage(w http.ResponseWriter, r *http.Request, problem string) {
	a, err := h.newsroomArticle(r)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	rep, err := h.store.FindRepairs(r.Context(), a.ID)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	p := repairsPage{AppPage: h.NewAppPage(r, "newsroom.repairs.title"), ArticleID: a.ID, ArticleTag: a.SourceLang,
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
	p.Settle = newsroomArticlePath(a.ID) + "repairs/settle"
	for _, c := range rep.Changes {
		p.Changes = append(p.Changes, repairChangeRow{ID: c.ID, Before: c.Before, After: c.After, Rule: c.Rule,
			Accepted: c.Accepted, Undone: c.Undone})
	}
	for _, q := range rep.Questions {
		row := repairQuestionRow{ID: q.ID, Token: q.Token, Reason: q.Reason, Answered: q.Answered, Answer: q.Answer,
			AnsweredBy: q.AnsweredBy}
		for i, c := range q.Candidates {
			if i > 0 {
				row.Candidates += " · "
			}
			row.Candidates += c
			row.Options = append(row.Options, composeOption{Value: c, Label: c})
		}
		row.Options = append(row.Options, composeOption{Value: q.Token, Label: q.Token, Keep: true})
		if q.Answered {
			p.Answered++
		} else {
			p.Open++
		}
		p.Questions = append(p.Questions, row)
	}
	h.pages.Render(w, r, "newsroom_repairs.html", 0, p.Lang, p)
}

// handleRepairUndo undoes the repairs the editor ticked, then shows the page again; a refusal
// sends the editor back to the page (post, redirect, get) with its reason at the top.
func (h *Handler) handleRepairUndo(w http.ResponseWriter, r *http.Request) {
	a, err := h.newsroomArticle(r)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	if err := r.ParseForm(); err != nil {
		h.RefuseTo(w, r, newsroomArticlePath(a.ID)+"repairs/", h.Localizer(kit.UILang(r)).T("newsroom.repairs.none_selected", nil), nil)
		return
	}
	var ids []int64
	for _, v := range r.PostForm["change"] {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			h.RefuseTo(w, r, newsroomArticlePath(a.ID)+"repairs/", h.Localizer(kit.UILang(r)).T("newsroom.repairs.none_selected", nil), nil)
			return
		}
		ids = append(ids, id)
	}
	if len(ids) == 0 {
		h.RefuseTo(w, r, newsroomArticlePath(a.ID)+"repairs/", h.Localizer(kit.UILang(r)).T("newsroom.repairs.none_selected", nil), nil)
		return
	}
	rep, err := h.store.FindRepairs(r.Context(), a.ID)
	if err == nil && strconv.Itoa(rep.Version) != r.PostForm.Get("version") {
		err = &pipeline.Error{Code: pipeline.CodeConflict, MessageID: "error.ingest.repair_stale"}
	}
	if err == nil {
		err = kit.UndoRepairs(r.Context(), h.store, a, rep, ids, kit.User(r).Name)
	}
	if err != nil {
		msg, code, ok := userMessage(h.Localizer(kit.UILang(r)), err)
		if !ok || code == http.StatusNotFound {
			h.PageError(w, r, err)
			return
		}
		h.RefuseTo(w, r, newsroomArticlePath(a.ID)+"repairs/", msg, nil)
		return
	}
	newsroomDone(w, r, newsroomArticlePath(a.ID)+"repairs/", "repairs_undone")
}
