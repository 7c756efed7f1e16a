package api

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

type repairSettleRequest struct {
	Version *int              `json:"version"`
	Accept  []int64           `json:"accept"`
	Reject  []int64           `json:"reject"`
	Answers map[string]string `json:"answers"` // question ID → the reading chosen (the token keeps it)
}

// handleRepairSettle answers POST /articles/{id}/repairs/settle with {"version": N, "accept":
// [change IDs], "reject": [change IDs], "answers": {"question ID": "reading"}}: the editor's
// decisions on the current revision's repairs, as the newsroom's repairs page takes them
// (kit.SettleRepairs). version is the repair version the editor saw; a stale one is a conflict.
// The source edition cannot be approved while a question is unanswered.
func (h *Handler) handleRepairSettle(w http.ResponseWriter, r *http.Request) {
	u := kit.User(r)
	if !u.CanApprove() {
		h.WriteError(w, r, kit.ErrForbidden)
		return
	}
	a, err := h.articleFromPath(r)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	var body repairSettleRequest
	if err := kit.DecodeJSON(w, r, 1<<20, &body); err != nil {
		h.WriteError(w, r, err)
		return
	}
	if body.Version == nil {
		h.WriteError(w, r, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.field_required",
			Data: map[string]any{"Field": "version"}})
		return
	}
	v := kit.RepairVerdicts{Accept: body.Accept, Reject: body.Reject}
	for k, answer := range body.Answers {
		id, err := strconv.ParseInt(k, 10, 64)
		if err != nil || id <= 0 {
			h.WriteError(w, r, &pipeline.Error{Code: pipeline.CodeNotFound, MessageID: "error.ingest.repair_unknown"})
			return
		}
		if f, c := pipeline.CheckText(answer, true); f != pipeline.TextOK || len(answer) > 300 {
			h.WriteError(w, r, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.repair.answer_unknown",
				Data: map[string]any{"Token": k}, Err: fmt.Errorf("answer to %s: %s (%s)", k, f, pipeline.RuneCode(c))})
			return
		}
		if v.Answers == nil {
			v.Answers = map[int64]string{}
		}
		v.Answers[id] = answer
	}
	rep, err := h.store.FindRepairs(r.Context(), a.ID)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	if *body.Version != rep.Version {
		h.WriteError(w, r, &pipeline.Error{Code: pipeline.CodeConflict, MessageID: "error.ingest.repair_stale"})
		return
	}
	if err := kit.SettleRepairs(r.Context(), h.store, a, rep, v, u.Name); err != nil {
		h.WriteError(w, r, err)
		return
	}
	if rep, err = h.store.FindRepairs(r.Context(), a.ID); err != nil {
		h.WriteError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusOK, toRepairsJSON(rep, false))
}
