package newsroom

import (
	"net/http"
	"slices"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// articleProblem answers a refused action by sending the editor back to the article page (post,
// redirect, get) with the reason at its top, next to what they tried; a reload then shows the
// page again rather than repeating the action. Other errors get the error page.
func (h *Handler) articleProblem(w http.ResponseWriter, r *http.Request, err error) {
	msg, code, ok := userMessage(h.Localizer(kit.UILang(r)), err)
	if !ok || code == http.StatusNotFound {
		h.PageError(w, r, err)
		return
	}
	h.RefuseTo(w, r, newsroomBase+"/articles/"+chi.URLParam(r, "article")+"/", msg, nil)
}

// releaseLangs reads the chosen editions of a release form, once each.
func releaseLangs(r *http.Request) ([]pipeline.Lang, error) {
	if err := r.ParseForm(); err != nil {
		return nil, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "newsroom.error.form_invalid", Err: err}
	}
	var langs []pipeline.Lang
	for _, v := range r.PostForm["langs"] {
		l, err := pipeline.ParseLang(v)
		if err != nil {
			return nil, err
		}
		if !slices.Contains(langs, l) {
			langs = append(langs, l)
		}
	}
	if len(langs) == 0 {
		return nil, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "newsroom.error.langs_required"}
	}
	return langs, nil
}

// checkAwaiting refuses, with the edition's language and state named, a release of an edition
// that is not awaiting approval. The store refuses it too; this says which one and why.
func (h *Handler) checkAwaiting(r *http.Request, articleID int64, langs []pipeline.Lang) error {
	eds, err := h.store.FindEditions(r.Context(), articleID)
	if err != nil {
		return err
	}
	for _, e := range eds {
		if slices.Contains(langs, e.Lang) && e.State != pipeline.StateAwaitingApproval {
			return &pipeline.Error{Code: pipeline.CodeIllegalState, MessageID: "newsroom.error.not_awaiting",
				Data: map[string]any{"Lang": string(e.Lang), "State": string(e.State)}}
		}
	}
	return nil
}

// release approves editions together and queues their release, now or at the chosen time.
func (h *Handler) release(w http.ResponseWriter, r *http.Request, articleID int64, langs []pipeline.Lang) error {
	sc, err := h.parseSchedule(r, time.Now())
	if err != nil {
		return err
	}
	if err := h.checkAwaiting(r, articleID, langs); err != nil {
		return err
	}
	if _, err := h.store.CreateRelease(r.Context(), articleID, langs,
		pipeline.Approval{Actor: kit.User(r).Name, PublishAt: sc.At, AcceptMachineText: r.PostFormValue("accept_machine") == "1"}); err != nil {
		return err
	}
	h.rememberZone(w, r, sc.Zone)
	done := "released"
	if sc.At != nil {
		done = "scheduled"
	}
	newsroomDone(w, r, newsroomArticlePath(articleID), done)
	return nil
}

// handleRelease approves the editions ticked on the article page and releases them
// together: they go live in one transaction, at once or at the chosen time.
func (h *Handler) handleRelease(w http.ResponseWriter, r *http.Request) {
	a, err := h.newsroomArticle(r)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	langs, err := releaseLangs(r)
	if err == nil {
		err = h.release(w, r, a.ID, langs)
	}
	if err != nil {
		h.articleProblem(w, r, err)
	}
}

// releaseParam reads {release}.
func releaseParam(r *http.Request) (int64, error) {
	return kit.PathID(r, "release")
}

// handleReschedule moves a scheduled release to another time, or to now.
func (h *Handler) handleReschedule(w http.ResponseWriter, r *http.Request) {
	a, err := h.newsroomArticle(r)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	id, err := releaseParam(r)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	sc, err := h.parseSchedule(r, time.Now())
	if err == nil {
		_, err = h.store.RescheduleRelease(r.Context(), a.ID, id, kit.User(r).Name, sc.At)
	}
	if err != nil {
		h.articleProblem(w, r, err)
		return
	}
	h.rememberZone(w, r, sc.Zone)
	newsroomDone(w, r, newsroomArticlePath(a.ID), "rescheduled")
}

// handleCancel withdraws a scheduled release; its editions go back to awaiting approval.
func (h *Handler) handleCancel(w http.ResponseWriter, r *http.Request) {
	a, err := h.newsroomArticle(r)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	id, err := releaseParam(r)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	if _, err := h.store.CancelRelease(r.Context(), a.ID, id, kit.User(r).Name); err != nil {
		h.articleProblem(w, r, err)
		return
	}
	newsroomDone(w, r, newsroomArticlePath(a.ID), "cancelled")
}
