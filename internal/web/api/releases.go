package api

import (
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// The editors' publishing steps: releasing several editions together, now or at a chosen time;
// changing or cancelling that time until the release runs; unpublishing; rolling back to an
// earlier version; and reading the record of versions and the audit trail. Every step is for
// editors and admins only, like approval.

type releaseJSON struct {
	ID          int64                 `json:"id"`
	ArticleID   int64                 `json:"article_id"`
	Langs       []pipeline.Lang       `json:"langs"`
	State       pipeline.ReleaseState `json:"state"`
	PublishAt   *time.Time            `json:"publish_at"`
	CreatedBy   string                `json:"created_by"`
	CreatedAt   time.Time             `json:"created_at"`
	PublishedAt *time.Time            `json:"published_at,omitempty"`
	Skipped     []pipeline.Lang       `json:"skipped,omitempty"`
}

func toReleaseJSON(r pipeline.Release) releaseJSON {
	langs := r.Langs
	if langs == nil {
		langs = []pipeline.Lang{}
	}
	return releaseJSON{ID: r.ID, ArticleID: r.ArticleID, Langs: langs, State: r.State, PublishAt: r.PublishAt,
		CreatedBy: r.CreatedBy, CreatedAt: r.CreatedAt, PublishedAt: r.PublishedAt, Skipped: r.Skipped}
}

// editorArticle checks that the user may publish and loads the article named by {id}.
func (h *Handler) editorArticle(r *http.Request) (pipeline.Article, error) {
	if !kit.User(r).CanApprove() {
		return pipeline.Article{}, kit.ErrForbidden
	}
	return h.articleFromPath(r)
}

// parsePublishAt reads an optional RFC 3339 time: empty or null means "now"; a time outside
// checkPublishAt's range is refused.
func parsePublishAt(raw json.RawMessage) (*time.Time, error) {
	var text *string
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &text); err != nil {
			return nil, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.publish_at_invalid", Err: err}
		}
	}
	if text == nil || strings.TrimSpace(*text) == "" {
		return nil, nil
	}
	t, err := time.Parse(time.RFC3339, strings.TrimSpace(*text))
	if err != nil {
		return nil, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.publish_at_invalid", Err: err}
	}
	if err := kit.CheckPublishAt(t, time.Now(), strings.TrimSpace(*text)); err != nil {
		return nil, err
	}
	return &t, nil
}

type releaseRequest struct {
	Langs     []string        `json:"langs" input:"line"`
	PublishAt json.RawMessage `json:"publish_at"`
	// AcceptMachineText: see approveRequest.
	AcceptMachineText bool `json:"accept_machine_text"`
}

// handleReleaseCreate approves the named editions together; they go live in one transaction, at
// publish_at or at once.
func (h *Handler) handleReleaseCreate(w http.ResponseWriter, r *http.Request) {
	a, err := h.editorArticle(r)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	var body releaseRequest
	if err := kit.DecodeJSON(w, r, 4096, &body); err != nil {
		h.WriteError(w, r, err)
		return
	}
	var langs []pipeline.Lang
	for _, l := range body.Langs {
		lang, err := pipeline.ParseLang(l)
		if err != nil {
			h.WriteError(w, r, err)
			return
		}
		if slices.Contains(langs, lang) {
			langs = nil
			break
		}
		langs = append(langs, lang)
	}
	if len(langs) == 0 {
		h.WriteError(w, r, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.langs_required"})
		return
	}
	at, err := parsePublishAt(body.PublishAt)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	rel, err := h.store.CreateRelease(r.Context(), a.ID, langs,
		pipeline.Approval{Actor: kit.User(r).Name, PublishAt: at, AcceptMachineText: body.AcceptMachineText})
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/articles/"+strconv.FormatInt(a.ID, 10)+"/releases/"+strconv.FormatInt(rel.ID, 10))
	kit.WriteJSON(w, http.StatusCreated, toReleaseJSON(rel))
}

func (h *Handler) handleReleaseList(w http.ResponseWriter, r *http.Request) {
	a, err := h.editorArticle(r)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	rels, err := h.store.FindReleases(r.Context(), a.ID)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	out := make([]releaseJSON, 0, len(rels))
	for _, rel := range rels {
		out = append(out, toReleaseJSON(rel))
	}
	kit.WriteJSON(w, http.StatusOK, map[string]any{"releases": out})
}

func releaseIDFromPath(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(chi.URLParam(r, "release"), 10, 64)
	if err != nil || id <= 0 {
		return 0, &pipeline.Error{Code: pipeline.CodeNotFound, MessageID: "error.not_found", Data: map[string]any{"What": "release"}}
	}
	return id, nil
}

type rescheduleRequest struct {
	PublishAt json.RawMessage `json:"publish_at"`
}

// handleReleaseReschedule moves a scheduled release to another time; null or "" means now.
func (h *Handler) handleReleaseReschedule(w http.ResponseWriter, r *http.Request) {
	a, err := h.editorArticle(r)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	id, err := releaseIDFromPath(r)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	var body rescheduleRequest
	if err := kit.DecodeJSON(w, r, 4096, &body); err != nil {
		h.WriteError(w, r, err)
		return
	}
	if body.PublishAt == nil {
		h.WriteError(w, r, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.field_required", Data: map[string]any{"Field": "publish_at"}})
		return
	}
	at, err := parsePublishAt(body.PublishAt)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	rel, err := h.store.RescheduleRelease(r.Context(), a.ID, id, kit.User(r).Name, at)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusOK, toReleaseJSON(rel))
}

// handleReleaseCancel withdraws a scheduled release; its editions go back to awaiting approval.
func (h *Handler) handleReleaseCancel(w http.ResponseWriter, r *http.Request) {
	a, err := h.editorArticle(r)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	id, err := releaseIDFromPath(r)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	rel, err := h.store.CancelRelease(r.Context(), a.ID, id, kit.User(r).Name)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusOK, toReleaseJSON(rel))
}

// handleEditionUnpublish takes an edition off the public site; its versions stay on record.
func (h *Handler) handleEditionUnpublish(w http.ResponseWriter, r *http.Request) {
	a, err := h.editorArticle(r)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	lang, err := pipeline.ParseLang(chi.URLParam(r, "lang"))
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	if err := h.store.Unpublish(r.Context(), a.ID, lang, kit.User(r).Name); err != nil {
		h.WriteError(w, r, err)
		return
	}
	h.respondEdition(w, r, a.ID, lang)
}

type rollbackRequest struct {
	Version *int64 `json:"version"`
}

// handleEditionRollback makes an earlier published version live again.
func (h *Handler) handleEditionRollback(w http.ResponseWriter, r *http.Request) {
	a, err := h.editorArticle(r)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	lang, err := pipeline.ParseLang(chi.URLParam(r, "lang"))
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	var body rollbackRequest
	if err := kit.DecodeJSON(w, r, 1024, &body); err != nil {
		h.WriteError(w, r, err)
		return
	}
	if body.Version == nil || *body.Version <= 0 {
		h.WriteError(w, r, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.field_required", Data: map[string]any{"Field": "version"}})
		return
	}
	if err := h.store.Rollback(r.Context(), a.ID, lang, *body.Version, kit.User(r).Name); err != nil {
		h.WriteError(w, r, err)
		return
	}
	h.respondEdition(w, r, a.ID, lang)
}

type versionJSON struct {
	ID          int64         `json:"id"`
	Lang        pipeline.Lang `json:"lang"`
	Release     int64         `json:"release"`
	RevisionID  int64         `json:"revision_id"`
	Title       string        `json:"title"`
	ApprovedBy  string        `json:"approved_by"`
	ApprovedAt  *time.Time    `json:"approved_at"`
	PublishedAt time.Time     `json:"published_at"`
	Live        bool          `json:"live"`
}

// handleVersionList lists every published version of the article, newest first.
func (h *Handler) handleVersionList(w http.ResponseWriter, r *http.Request) {
	a, err := h.editorArticle(r)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	vs, err := h.store.FindVersions(r.Context(), a.ID)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	out := make([]versionJSON, 0, len(vs))
	for _, v := range vs {
		out = append(out, versionJSON{ID: v.ID, Lang: v.Lang, Release: v.Release, RevisionID: v.RevisionID, Title: v.Title,
			ApprovedBy: v.ApprovedBy, ApprovedAt: v.ApprovedAt, PublishedAt: v.PublishedAt, Live: v.Live})
	}
	kit.WriteJSON(w, http.StatusOK, map[string]any{"versions": out})
}

type auditJSON struct {
	At     time.Time      `json:"at"`
	Actor  string         `json:"actor"`
	Action string         `json:"action"`
	Lang   pipeline.Lang  `json:"lang,omitempty"`
	From   string         `json:"from,omitempty"`
	To     string         `json:"to,omitempty"`
	Detail map[string]any `json:"detail"`
}

// handleAuditList returns the article's audit trail, oldest first.
func (h *Handler) handleAuditList(w http.ResponseWriter, r *http.Request) {
	a, err := h.editorArticle(r)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	eds, err := h.store.FindEditions(r.Context(), a.ID)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	langOf := map[int64]pipeline.Lang{}
	for _, e := range eds {
		langOf[e.ID] = e.Lang
	}
	entries, err := h.store.FindAudit(r.Context(), a.ID)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	out := make([]auditJSON, 0, len(entries))
	for _, e := range entries {
		j := auditJSON{At: e.At, Actor: e.Actor, Action: e.Action, From: e.From, To: e.To, Detail: e.Detail}
		if e.EditionID != nil {
			j.Lang = langOf[*e.EditionID]
		}
		if j.Detail == nil {
			j.Detail = map[string]any{}
		}
		out = append(out, j)
	}
	kit.WriteJSON(w, http.StatusOK, map[string]any{"audit": out})
}
