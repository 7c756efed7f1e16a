package workbench

import (
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

type segmentSaveResponse struct {
	ID           int64                 `json:"id"`
	Text         string                `json:"text"`
	State        pipeline.SegmentState `json:"state"`
	StateLabel   string                `json:"state_label"`
	Version      int                   `json:"version"`
	Findings     []kit.FindingJSON     `json:"findings"`
	Open         int                   `json:"open_findings"`
	Confirmed    int                   `json:"confirmed"`
	Total        int                   `json:"total"`
	ProgressText string                `json:"progress_text"`
}

// handleSegmentSave stores a translator's text for one segment: an autosave of an unconfirmed
// edit, or a confirmation. The request names the version it was based on; when someone else saved
// meanwhile the answer is 409 with their text, and nothing is overwritten. The automated checks
// run on the new text and their findings come back with the segment.
func (h *Handler) handleSegmentSave(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	edID, err1 := strconv.ParseInt(chi.URLParam(r, "edition"), 10, 64)
	segID, err2 := strconv.ParseInt(chi.URLParam(r, "segment"), 10, 64)
	if err1 != nil || err2 != nil {
		h.PageError(w, r, kit.ErrNotFound)
		return
	}
	src, err := h.store.FindSegmentSource(ctx, edID, segID)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	u := kit.User(r)
	if !u.CanEdit(src.EditionLang) {
		h.PageError(w, r, &pipeline.Error{Code: pipeline.CodeForbidden, MessageID: "wb.error.not_your_language",
			Data: map[string]any{"Lang": src.EditionLang.NativeName()}})
		return
	}
	if src.IsSource {
		h.PageError(w, r, kit.ErrNotFound)
		return
	}
	var body kit.SegmentSaveRequest
	if err := kit.DecodeJSON(w, r, kit.MaxSegmentBytes, &body); err != nil {
		h.PageError(w, r, err)
		return
	}
	res, err := kit.SaveSegment(ctx, h.store, h.check, u, src, edID, segID, body)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	loc := h.Localizer(kit.UILang(r))
	t := res.Translation
	out := segmentSaveResponse{ID: segID, Text: t.Text, State: t.State, Version: t.Version, Findings: []kit.FindingJSON{},
		StateLabel: (&stateLabels{loc: loc, cache: map[string]string{}}).label(t),
		Confirmed:  res.Confirmed, Total: res.Total, ProgressText: progressText(loc, res.Confirmed, res.Total)}
	for _, f := range res.Findings {
		out.Findings = append(out.Findings, kit.ToFindingJSON(loc, f))
		if !f.Dismissed {
			out.Open++
		}
	}
	kit.WriteJSON(w, http.StatusOK, out)
}
