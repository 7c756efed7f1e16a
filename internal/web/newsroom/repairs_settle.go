package newsroom

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// handleRepairSettle records the editor's decisions from the repairs page: change.ID=accept or
// reject for each change they decided, question.ID=the reading chosen (the token itself keeps
// it as written) for each question they answered. The decisions go through kit.SettleRepairs, as
// from the API; a repair version other than the one shown is a conflict, and the editor is sent
// back to the page (post, redirect, get) with the reason.
func (h *Handler) handleRepairSettle(w http.ResponseWriter, r *http.Request) {
	a, err := h.newsroomArticle(r)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	loc := h.Localizer(kit.UILang(r))
	if err := r.ParseForm(); err != nil {
		h.RefuseTo(w, r, newsroomArticlePath(a.ID)+"repairs/", loc.T("input.form_invalid", nil), nil)
		return
	}
	var v kit.RepairVerdicts
	bad := false
	for k, vals := range r.PostForm {
		kind, idText, found := strings.Cut(k, ".")
		if !found || (kind != "change" && kind != "question") {
			continue
		}
		id, err := strconv.ParseInt(idText, 10, 64)
		if err != nil || id <= 0 || len(vals) != 1 {
			bad = true
			break
		}
		switch {
		case kind == "change" && vals[0] == "accept":
			v.Accept = append(v.Accept, id)
		case kind == "change" && vals[0] == "reject":
			v.Reject = append(v.Reject, id)
		case kind == "question" && vals[0] != "":
			if v.Answers == nil {
				v.Answers = map[int64]string{}
			}
			v.Answers[id] = vals[0]
		case kind == "change":
			bad = true
		}
	}
	if bad {
		h.RefuseTo(w, r, newsroomArticlePath(a.ID)+"repairs/", loc.T("compose.error.decision_invalid", nil), nil)
		return
	}
	rep, err := h.store.FindRepairs(r.Context(), a.ID)
	if err == nil && strconv.Itoa(rep.Version) != r.PostForm.Get("version") {
		err = &pipeline.Error{Code: pipeline.CodeConflict, MessageID: "error.ingest.repair_stale"}
	}
	if err == nil {
		err = kit.SettleRepairs(r.Context(), h.store, a, rep, v, kit.User(r).Name)
	}
	if err != nil {
		msg, code, ok := userMessage(loc, err)
		if !ok || code == http.StatusNotFound {
			h.PageError(w, r, err)
			return
		}
		h.RefuseTo(w, r, newsroomArticlePath(a.ID)+"repairs/", msg, nil)
		return
	}
	newsroomDone(w, r, newsroomArticlePath(a.ID)+"repairs/", "repairs_settled")
}
