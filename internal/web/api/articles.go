package api

import (
	"net/http"
	"strconv"
	"time"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

type editionJSON struct {
	Lang       pipeline.Lang         `json:"lang"`
	IsSource   bool                  `json:"is_source"`
	State      pipeline.EditionState `json:"state"`
	RevisionID int64                 `json:"revision_id"`
	Segments   int                   `json:"segments"`
	Confirmed  int                   `json:"confirmed"`
	Findings   int                   `json:"open_findings"`
	// MachineText counts segments of machine translation no person changed, MachineConfirmed
	// those of them confirmed unchanged, and PseudoText pseudo-translation, which is never
	// submitted or published.
	MachineText      int        `json:"machine_text"`
	MachineConfirmed int        `json:"machine_text_confirmed"`
	PseudoText       int        `json:"pseudo_text"`
	FailureCode      string     `json:"failure_code,omitempty"`
	FailureReason    string     `json:"failure_reason,omitempty"`
	FailureText      string     `json:"failure_message,omitempty"`
	Release          int64      `json:"release"`
	PublishAt        *time.Time `json:"publish_at,omitempty"`
	Live             bool       `json:"live"`
	UpdatedAt        time.Time  `json:"updated_at"`
}

type articleJSON struct {
	ID         int64         `json:"id"`
	Slug       string        `json:"slug"`
	Title      string        `json:"title"`
	SourceLang pipeline.Lang `json:"source_lang"`
	Category   string        `json:"category"`
	Byline     string        `json:"byline"`
	RevisionID int64         `json:"revision_id"`
	CreatedAt  time.Time     `json:"created_at"`
	Editions   []editionJSON `json:"editions,omitempty"`
	// Repairs and RepairQuestions count the text repair's active changes and open questions on
	// the current revision; GET /articles/{id}/repairs lists them.
	Repairs         int `json:"repairs"`
	RepairQuestions int `json:"repair_questions"`
}

func toArticleJSON(a pipeline.Article, eds []pipeline.Edition) articleJSON {
	out := articleJSON{ID: a.ID, Slug: a.Slug, Title: a.Title, SourceLang: a.SourceLang, Category: a.Category,
		Byline: a.Byline, RevisionID: a.RevisionID, CreatedAt: a.CreatedAt, Repairs: a.Repairs, RepairQuestions: a.RepairQuestions}
	for _, e := range eds {
		out.Editions = append(out.Editions, toEditionJSON(e))
	}
	return out
}

func toEditionJSON(e pipeline.Edition) editionJSON {
	return editionJSON{Lang: e.Lang, IsSource: e.IsSource, State: e.State, RevisionID: e.RevisionID,
		Segments: e.Segments, Confirmed: e.Confirmed, Findings: e.Findings, FailureCode: e.FailureCode,
		MachineText: e.Machine, MachineConfirmed: e.MachineConfirmed, PseudoText: e.Pseudo,
		FailureReason: e.FailureReason, Release: e.Release, PublishAt: e.PublishAt, Live: e.LiveVersionID != nil,
		UpdatedAt: e.UpdatedAt}
}

func (h *Handler) handleArticleList(w http.ResponseWriter, r *http.Request) {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	offset, _ := strconv.Atoi(r.URL.Query().Get("offset"))
	arts, err := h.store.FindArticles(r.Context(), limit, offset)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	out := make([]articleJSON, 0, len(arts))
	for _, a := range arts {
		eds, err := h.store.FindEditions(r.Context(), a.ID)
		if err != nil {
			h.WriteError(w, r, err)
			return
		}
		out = append(out, toArticleJSON(a, eds))
	}
	kit.WriteJSON(w, http.StatusOK, map[string]any{"articles": out})
}

// articleFromPath loads the article named by the {id} URL parameter.
func (h *Handler) articleFromPath(r *http.Request) (pipeline.Article, error) {
	id, err := kit.PathID(r, "id")
	if err != nil {
		return pipeline.Article{}, err
	}
	return h.store.FindArticleByID(r.Context(), id)
}

func (h *Handler) handleArticleView(w http.ResponseWriter, r *http.Request) {
	a, err := h.articleFromPath(r)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	eds, err := h.store.FindEditions(r.Context(), a.ID)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusOK, toArticleJSON(a, eds))
}

type articleCreateRequest struct {
	Text       *string `json:"text"`
	Format     string  `json:"format" input:"line"`
	SourceLang *string `json:"source_lang" input:"line"`
	Slug       string  `json:"slug" input:"line"`
	Category   string  `json:"category" input:"line"`
	Byline     string  `json:"byline" input:"line"`
}

// handleArticleCreate ingests an article: parse, segment, store and queue, all or nothing.
func (h *Handler) handleArticleCreate(w http.ResponseWriter, r *http.Request) {
	u := kit.User(r)
	if !u.CanApprove() {
		h.WriteError(w, r, kit.ErrForbidden)
		return
	}
	var body articleCreateRequest
	// JSON escaping can make the body up to six times the text; allow for it, the text limit is
	// checked on the decoded text.
	if err := kit.DecodeJSON(w, r, int64(h.maxBodyBytes)*6+4096, &body); err != nil {
		h.WriteError(w, r, err)
		return
	}
	if body.Text == nil {
		h.WriteError(w, r, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.field_required", Data: map[string]any{"Field": "text"}})
		return
	}
	if body.SourceLang == nil {
		h.WriteError(w, r, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.field_required", Data: map[string]any{"Field": "source_lang"}})
		return
	}
	lang, err := pipeline.ParseLang(*body.SourceLang)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	format, err := pipeline.ParseFormat(body.Format)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	if format == pipeline.FormatDOCX { // a binary file has no place in a JSON string
		h.WriteError(w, r, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.ingest.format_not_json",
			Data: map[string]any{"Format": body.Format}})
		return
	}
	in, err := h.prepare(pipeline.IngestRequest{Text: *body.Text, Format: format, SourceLang: lang, Slug: body.Slug,
		Category: body.Category, Byline: body.Byline, CreatedBy: u.Name}, h.maxBodyBytes)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	a, err := h.store.CreateArticle(r.Context(), in)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	eds, _ := h.store.FindEditions(r.Context(), a.ID)
	w.Header().Set("Location", "/api/v1/articles/"+strconv.FormatInt(a.ID, 10))
	kit.WriteJSON(w, http.StatusCreated, toArticleJSON(a, eds))
}
