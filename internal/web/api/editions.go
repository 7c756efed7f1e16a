package api

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// editionFromPath loads the edition named by {id} and {lang}, after checking that the user may
// work on it: translators only in their languages.
func (h *Handler) editionFromPath(r *http.Request) (pipeline.EditionContent, error) {
	lang, err := pipeline.ParseLang(chi.URLParam(r, "lang"))
	if err != nil {
		return pipeline.EditionContent{}, err
	}
	if !kit.User(r).CanEdit(lang) {
		return pipeline.EditionContent{}, kit.ErrForbidden
	}
	id, err := kit.PathID(r, "id")
	if err != nil {
		return pipeline.EditionContent{}, err
	}
	return h.store.FindEditionContent(r.Context(), id, lang)
}

type segmentJSON struct {
	ID        int64                 `json:"id"`
	Position  int                   `json:"position"`
	Kind      pipeline.BlockKind    `json:"kind"`
	Source    string                `json:"source"`
	Target    string                `json:"target"`
	State     pipeline.SegmentState `json:"state"`
	Origin    string                `json:"origin"`
	Version   int                   `json:"version"`
	UpdatedBy string                `json:"updated_by,omitempty"`
	Findings  []kit.FindingJSON     `json:"findings"`
}

func (h *Handler) handleEditionView(w http.ResponseWriter, r *http.Request) {
	c, err := h.editionFromPath(r)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	loc := h.Localizer(kit.AcceptLang(r))
	bySegment := map[int64][]kit.FindingJSON{}
	for _, f := range c.Findings {
		bySegment[f.SegmentID] = append(bySegment[f.SegmentID], kit.ToFindingJSON(loc, f))
	}
	segs := make([]segmentJSON, 0, len(c.Segments))
	for _, sg := range c.Segments {
		out := segmentJSON{ID: sg.ID, Position: sg.Position, Kind: sg.Kind, Source: sg.Text, Findings: bySegment[sg.ID]}
		if c.Edition.IsSource {
			out.Target, out.State, out.Origin = sg.Text, pipeline.SegmentConfirmed, "source"
		} else {
			t := c.Translations[sg.ID]
			out.Target, out.State, out.Origin, out.Version, out.UpdatedBy = t.Text, t.State, t.Origin, t.Version, t.UpdatedBy
		}
		if out.Findings == nil {
			out.Findings = []kit.FindingJSON{}
		}
		segs = append(segs, out)
	}
	ed := toEditionJSON(c.Edition)
	if ed.FailureReason != "" {
		ed.FailureText = loc.T(ed.FailureReason, nil)
	}
	usage, err := h.store.FindUsage(r.Context(), c.Edition.ID)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	mt := []usageJSON{}
	for _, u := range usage {
		mt = append(mt, usageJSON{EditionID: u.EditionID, Provider: u.Provider, Month: u.Month.Format("2006-01"),
			Characters: u.Characters, Requests: u.Requests})
	}
	counts, err := h.store.CountFindings(r.Context(), c.Edition.ID)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	byCheck := []map[string]any{}
	for _, fc := range counts {
		byCheck = append(byCheck, map[string]any{"check": fc.Check, "name": loc.T("check.name."+fc.Check, nil),
			"severity": fc.Severity, "open": fc.Open, "dismissed": fc.Dismissed})
	}
	kit.WriteJSON(w, http.StatusOK, map[string]any{
		"article":        toArticleJSON(c.Article, nil),
		"edition":        ed,
		"segments":       segs,
		"mt_usage":       mt,
		"finding_counts": byCheck,
	})
}

// handleSegmentUpdate saves a translator's text. The request names the version it was based on;
// a stale version answers 409 with the current text, so the translator can compare and merge.
func (h *Handler) handleSegmentUpdate(w http.ResponseWriter, r *http.Request) {
	c, err := h.editionFromPath(r)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	if c.Edition.IsSource {
		h.WriteError(w, r, &pipeline.Error{Code: pipeline.CodeIllegalState, MessageID: "error.edition_locked",
			Data: map[string]any{"State": string(c.Edition.State)}})
		return
	}
	segID, err := strconv.ParseInt(chi.URLParam(r, "segment"), 10, 64)
	var seg *pipeline.Segment
	for i := range c.Segments {
		if c.Segments[i].ID == segID {
			seg = &c.Segments[i]
		}
	}
	if err != nil || seg == nil {
		h.WriteError(w, r, &pipeline.Error{Code: pipeline.CodeNotFound, MessageID: "error.not_found", Data: map[string]any{"What": "segment"}})
		return
	}
	var body kit.SegmentSaveRequest
	if err := kit.DecodeJSON(w, r, kit.MaxSegmentBytes, &body); err != nil {
		h.WriteError(w, r, err)
		return
	}
	src := pipeline.SegmentSource{EditionLang: c.Edition.Lang, SourceLang: c.Article.SourceLang, Text: seg.Text}
	res, err := kit.SaveSegment(r.Context(), h.store, h.check, kit.User(r), src, c.Edition.ID, seg.ID, body)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	loc := h.Localizer(kit.AcceptLang(r))
	t := res.Translation
	out := segmentJSON{ID: seg.ID, Position: seg.Position, Kind: seg.Kind, Source: seg.Text, Target: t.Text,
		State: t.State, Origin: t.Origin, Version: t.Version, UpdatedBy: t.UpdatedBy, Findings: []kit.FindingJSON{}}
	for _, f := range res.Findings {
		out.Findings = append(out.Findings, kit.ToFindingJSON(loc, f))
	}
	kit.WriteJSON(w, http.StatusOK, out)
}

func (h *Handler) handleEditionSubmit(w http.ResponseWriter, r *http.Request) {
	c, err := h.editionFromPath(r)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	if err := h.store.SubmitEdition(r.Context(), c.Edition.ID, kit.User(r).Name); err != nil {
		h.WriteError(w, r, err)
		return
	}
	h.respondEdition(w, r, c.Article.ID, c.Edition.Lang)
}

type approveRequest struct {
	PublishAt string `json:"publish_at"`
	// AcceptMachineText publishes machine translation no person changed; without it such an
	// edition is refused (409) with the count.
	AcceptMachineText bool `json:"accept_machine_text"`
}

// handleEditionApprove approves an edition for publication now or at publish_at (RFC 3339).
func (h *Handler) handleEditionApprove(w http.ResponseWriter, r *http.Request) {
	if !kit.User(r).CanApprove() {
		h.WriteError(w, r, kit.ErrForbidden)
		return
	}
	c, err := h.editionFromPath(r)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	var body approveRequest
	if r.ContentLength != 0 {
		if err := kit.DecodeJSON(w, r, 4096, &body); err != nil {
			h.WriteError(w, r, err)
			return
		}
	}
	var at *time.Time
	if strings.TrimSpace(body.PublishAt) != "" {
		t, err := time.Parse(time.RFC3339, strings.TrimSpace(body.PublishAt))
		if err != nil {
			h.WriteError(w, r, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.publish_at_invalid", Err: err})
			return
		}
		if err := kit.CheckPublishAt(t, time.Now(), strings.TrimSpace(body.PublishAt)); err != nil {
			h.WriteError(w, r, err)
			return
		}
		at = &t
	}
	if _, err := h.store.ApproveEdition(r.Context(), c.Edition.ID,
		pipeline.Approval{Actor: kit.User(r).Name, PublishAt: at, AcceptMachineText: body.AcceptMachineText}); err != nil {
		h.WriteError(w, r, err)
		return
	}
	h.respondEdition(w, r, c.Article.ID, c.Edition.Lang)
}

type sendBackRequest struct {
	Comment string `json:"comment"`
}

func (h *Handler) handleEditionSendBack(w http.ResponseWriter, r *http.Request) {
	if !kit.User(r).CanApprove() {
		h.WriteError(w, r, kit.ErrForbidden)
		return
	}
	c, err := h.editionFromPath(r)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	var body sendBackRequest
	if r.ContentLength != 0 {
		if err := kit.DecodeJSON(w, r, 64<<10, &body); err != nil {
			h.WriteError(w, r, err)
			return
		}
	}
	if err := h.store.SendBack(r.Context(), c.Edition.ID, kit.User(r).Name, body.Comment); err != nil {
		h.WriteError(w, r, err)
		return
	}
	h.respondEdition(w, r, c.Article.ID, c.Edition.Lang)
}

// handleEditionRetry queues the translation of a failed edition again. Editors only: a retry
// redoes work, and translators whose edition failed tell an editor.
func (h *Handler) handleEditionRetry(w http.ResponseWriter, r *http.Request) {
	if !kit.User(r).CanApprove() {
		h.WriteError(w, r, kit.ErrForbidden)
		return
	}
	c, err := h.editionFromPath(r)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	if err := h.store.RetryEdition(r.Context(), c.Edition.ID, kit.User(r).Name); err != nil {
		h.WriteError(w, r, err)
		return
	}
	h.respondEdition(w, r, c.Article.ID, c.Edition.Lang)
}

func (h *Handler) respondEdition(w http.ResponseWriter, r *http.Request, articleID int64, lang pipeline.Lang) {
	c, err := h.store.FindEditionContent(r.Context(), articleID, lang)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusOK, toEditionJSON(c.Edition))
}

type dismissRequest struct {
	Reason string `json:"reason" input:"line"`
}

// handleFindingDismiss dismisses (or, for a blocking finding, overrides) a finding with a written
// reason, which the editor sees.
func (h *Handler) handleFindingDismiss(w http.ResponseWriter, r *http.Request) {
	c, err := h.editionFromPath(r)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	var body dismissRequest
	if err := kit.DecodeJSON(w, r, 16<<10, &body); err != nil {
		h.WriteError(w, r, err)
		return
	}
	if strings.TrimSpace(body.Reason) == "" {
		h.WriteError(w, r, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.field_required", Data: map[string]any{"Field": "reason"}})
		return
	}
	id, err := kit.PathID(r, "finding")
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	if err := h.store.DismissFinding(r.Context(), c.Edition.ID, id, kit.User(r).Name, strings.TrimSpace(body.Reason)); err != nil {
		h.WriteError(w, r, err)
		return
	}
	h.respondEdition(w, r, c.Article.ID, c.Edition.Lang)
}
