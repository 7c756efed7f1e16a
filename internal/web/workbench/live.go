package workbench

import (
	"net/http"
	"time"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// The editor follows the edition while it is open: every few seconds (kit.Base.LiveEvery) its
// script asks what changed since the newest save it has seen. The answer is small (the edition's
// state and counts, and only the segments saved since), so that many open editors cost the
// database little, and it works whichever serve process answers, since it reads the database.

// liveSegment is one segment saved since the moment asked for.
type liveSegment struct {
	ID         int64                 `json:"id"`
	Text       string                `json:"text"`
	State      pipeline.SegmentState `json:"state"`
	StateLabel string                `json:"state_label"`
	Version    int                   `json:"version"`
	UpdatedBy  string                `json:"updated_by"`
	Note       string                `json:"note"` // who saved it, for the translator who sees it change
	Findings   []kit.FindingJSON     `json:"findings"`
	Open       int                   `json:"open_findings"`
}

// liveEdition is the editor's live answer.
type liveEdition struct {
	State        pipeline.EditionState `json:"state"`
	StateLabel   string                `json:"state_label"`
	Editable     bool                  `json:"editable"`
	Confirmed    int                   `json:"confirmed"`
	Drafted      int                   `json:"drafted"`
	Total        int                   `json:"total"`
	Blocking     int                   `json:"blocking"`
	ProgressText string                `json:"progress_text"`
	DraftedText  string                `json:"drafted_text"` // while translating: how far the machine got
	SubmitHint   string                `json:"submit_hint"`
	CheckGroups  []kit.FindingGroup    `json:"check_groups"`
	Cursor       string                `json:"cursor"` // the since of the next request
	Segments     []liveSegment         `json:"segments"`
}

// handleLive answers what changed in the edition since the moment in ?since (RFC 3339, as the
// last answer's cursor gave it; empty: every segment).
func (h *Handler) handleLive(w http.ResponseWriter, r *http.Request) {
	id, err := kit.PathID(r, "edition")
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	var since time.Time
	if v := r.URL.Query().Get("since"); v != "" {
		if since, err = time.Parse(time.RFC3339Nano, v); err != nil {
			h.WriteError(w, r, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "live.error.since_invalid",
				Data: map[string]any{"Value": v}, Err: err})
			return
		}
	}
	ctx := r.Context()
	l, err := h.store.FindEditionLive(ctx, id, since)
	if err == nil && !kit.User(r).CanEdit(l.Edition.Lang) {
		err = &pipeline.Error{Code: pipeline.CodeForbidden, MessageID: "wb.error.not_your_language",
			Data: map[string]any{"Lang": l.Edition.Lang.NativeName()}}
	}
	if err == nil && l.Edition.IsSource {
		err = kit.ErrNotFound
	}
	var counts []pipeline.FindingCount
	if err == nil {
		counts, err = h.store.CountFindings(ctx, id)
	}
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	loc := h.Localizer(kit.UILang(r))
	e := l.Edition
	out := liveEdition{State: e.State, StateLabel: loc.T("state."+string(e.State), nil), Editable: e.State.Editable(),
		Confirmed: e.Confirmed, Drafted: e.Drafted, Total: e.Segments, Blocking: l.Blocking,
		ProgressText: progressText(loc, e.Confirmed, e.Segments), DraftedText: draftedText(loc, e),
		SubmitHint: submitHint(loc, e.Segments-e.Confirmed, l.Blocking), CheckGroups: kit.GroupFindingCounts(loc, counts),
		Cursor: cursorText(l.Cursor), Segments: []liveSegment{}}
	if out.CheckGroups == nil {
		out.CheckGroups = []kit.FindingGroup{}
	}
	findings := map[int64][]pipeline.Finding{}
	for _, f := range l.Findings {
		findings[f.SegmentID] = append(findings[f.SegmentID], f)
	}
	sl := &stateLabels{loc: loc, cache: map[string]string{}}
	for _, t := range l.Changed {
		s := liveSegment{ID: t.SegmentID, Text: t.Text, State: t.State, StateLabel: sl.label(t), Version: t.Version,
			UpdatedBy: t.UpdatedBy, Findings: []kit.FindingJSON{}}
		if t.UpdatedBy != "" {
			s.Note = loc.T("live.seg.saved_by", map[string]any{"Name": t.UpdatedBy})
		} else {
			s.Note = loc.T("live.seg.updated", nil)
		}
		for _, f := range findings[t.SegmentID] {
			s.Findings = append(s.Findings, kit.ToFindingJSON(loc, f))
			if !f.Dismissed {
				s.Open++
			}
		}
		out.Segments = append(out.Segments, s)
	}
	w.Header().Set("Cache-Control", "no-store")
	kit.WriteJSON(w, http.StatusOK, out)
}

// draftedText says how many segments have a translation while the edition is being translated,
// and nothing otherwise.
func draftedText(loc *kit.Localizer, e pipeline.Edition) string {
	if e.State != pipeline.StateTranslating {
		return ""
	}
	return loc.T("live.progress.drafted", map[string]any{"Drafted": e.Drafted, "Total": e.Segments}, e.Segments)
}

// cursorText writes a cursor for ?since; the zero time (no translation yet) is empty.
func cursorText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}
