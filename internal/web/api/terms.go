package api

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

type conceptJSON struct {
	ID             int64                      `json:"id"`
	Terms          map[pipeline.Lang]string   `json:"terms"`
	Forbidden      map[pipeline.Lang][]string `json:"forbidden,omitempty"`
	DoNotTranslate bool                       `json:"do_not_translate"`
	Note           string                     `json:"note,omitempty"`
}

func toConceptJSON(c pipeline.Concept) conceptJSON {
	return conceptJSON{ID: c.ID, Terms: c.Terms, Forbidden: c.Forbidden, DoNotTranslate: c.DoNotTranslate, Note: c.Note}
}

// handleTermList returns the termbase as JSON, or as CSV with ?format=csv (the import format).
func (h *Handler) handleTermList(w http.ResponseWriter, r *http.Request) {
	cs, err := h.store.FindConcepts(r.Context())
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	if wantsTBX(r) {
		h.handleTermListTBX(w, r, cs)
		return
	}
	if r.URL.Query().Get("format") == "csv" || strings.Contains(r.Header.Get("Accept"), "text/csv") {
		var buf bytes.Buffer
		if err := pipeline.WriteConceptsCSV(&buf, cs); err != nil {
			h.WriteError(w, r, err)
			return
		}
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="termbase.csv"`)
		w.Write(buf.Bytes()) //nolint:errcheck // the client went away: nothing to do
		return
	}
	out := make([]conceptJSON, len(cs))
	for i, c := range cs {
		out[i] = toConceptJSON(c)
	}
	kit.WriteJSON(w, http.StatusOK, map[string]any{"concepts": out})
}

type conceptRequest struct {
	Terms          map[string]string   `json:"terms" input:"line"`
	Forbidden      map[string][]string `json:"forbidden" input:"line"`
	DoNotTranslate bool                `json:"do_not_translate"`
	Note           string              `json:"note"`
}

func (req conceptRequest) concept() (pipeline.Concept, error) {
	c := pipeline.Concept{Terms: map[pipeline.Lang]string{}, Forbidden: map[pipeline.Lang][]string{},
		DoNotTranslate: req.DoNotTranslate, Note: req.Note}
	if err := termFieldLength("note", req.Note); err != nil {
		return c, err
	}
	for l, t := range req.Terms {
		lang, err := pipeline.ParseLang(l)
		if err != nil {
			return c, err
		}
		if err := termFieldLength("terms."+l, t); err != nil {
			return c, err
		}
		if strings.TrimSpace(t) != "" {
			c.Terms[lang] = t
		}
	}
	for l, vs := range req.Forbidden {
		lang, err := pipeline.ParseLang(l)
		if err != nil {
			return c, err
		}
		// The CSV holds a language's forbidden variants in one field, joined by "|".
		if err := termFieldLength("forbidden."+l, strings.Join(vs, "|")); err != nil {
			return c, err
		}
		c.Forbidden[lang] = vs
	}
	return c, nil
}

// termFieldLength applies the termbase CSV's limit, so that every stored concept exports and
// imports again.
func termFieldLength(field, v string) error {
	if len(v) > pipeline.MaxTermFieldBytes {
		return &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "input.field_too_long_bytes",
			Data: map[string]any{"Field": field, "Max": pipeline.MaxTermFieldBytes}}
	}
	return nil
}

// handleTermSave creates a concept (POST) or replaces one (PUT /terms/{concept}). Editors only.
func (h *Handler) handleTermSave(w http.ResponseWriter, r *http.Request) {
	if !kit.User(r).CanApprove() {
		h.WriteError(w, r, kit.ErrForbidden)
		return
	}
	var body conceptRequest
	if err := kit.DecodeJSON(w, r, 64<<10, &body); err != nil {
		h.WriteError(w, r, err)
		return
	}
	c, err := body.concept()
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	status := http.StatusCreated
	if idText := chi.URLParam(r, "concept"); idText != "" {
		if c.ID, err = strconv.ParseInt(idText, 10, 64); err != nil {
			h.WriteError(w, r, kit.ErrNotFound)
			return
		}
		status = http.StatusOK
	}
	saved, err := h.store.SaveConcept(r.Context(), c)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	kit.WriteJSON(w, status, toConceptJSON(saved))
}

func (h *Handler) handleTermDelete(w http.ResponseWriter, r *http.Request) {
	if !kit.User(r).CanApprove() {
		h.WriteError(w, r, kit.ErrForbidden)
		return
	}
	id, err := strconv.ParseInt(chi.URLParam(r, "concept"), 10, 64)
	if err == nil {
		err = h.store.DeleteConcept(r.Context(), id)
	} else {
		err = kit.ErrNotFound
	}
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// handleTermImport imports a termbase CSV sent as the request body (text/csv). Editors only.
func (h *Handler) handleTermImport(w http.ResponseWriter, r *http.Request) {
	if !kit.User(r).CanApprove() {
		h.WriteError(w, r, kit.ErrForbidden)
		return
	}
	if wantsTBX(r) {
		h.handleTermImportTBX(w, r)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, kit.MaxTermImportBytes)
	cs, err := pipeline.ReadConceptsCSV(r.Body)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	created, updated, err := h.store.ImportConcepts(r.Context(), cs)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	kit.WriteJSON(w, http.StatusOK, map[string]int{"created": created, "updated": updated})
}

type memoryMatchJSON struct {
	Score     int    `json:"score"`
	Context   bool   `json:"context,omitempty"`
	Source    string `json:"source"`
	Target    string `json:"target"`
	ArticleID *int64 `json:"article_id,omitempty"`
	By        string `json:"by"`
	UpdatedAt string `json:"updated_at"`
}

func toMemoryJSON(m pipeline.MemoryMatch) memoryMatchJSON {
	return memoryMatchJSON{Score: m.Score, Context: m.Context, Source: m.Entry.Source, Target: m.Entry.Target,
		ArticleID: m.Entry.ArticleID, By: m.Entry.CreatedBy, UpdatedAt: m.Entry.UpdatedAt.UTC().Format("2006-01-02T15:04:05Z")}
}

// handleMemorySearch looks a sentence up in the translation memory: the exact match first, then
// fuzzy matches at or above ?threshold (default 75), at most ?limit (default 3).
func (h *Handler) handleMemorySearch(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	src, err := pipeline.ParseLang(q.Get("source_lang"))
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	tgt, err := pipeline.ParseLang(q.Get("target_lang"))
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	text := q.Get("q")
	if strings.TrimSpace(text) == "" {
		h.WriteError(w, r, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.field_required", Data: map[string]any{"Field": "q"}})
		return
	}
	threshold, _ := strconv.Atoi(q.Get("threshold"))
	limit, _ := strconv.Atoi(q.Get("limit"))
	if limit <= 0 {
		limit = 3
	}
	out := []memoryMatchJSON{}
	exact, err := h.store.FindMemoryExact(r.Context(), src, tgt, []pipeline.MemoryKey{{Norm: pipeline.NormalizeForMemory(text)}})
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	seen := map[string]bool{}
	if m, ok := exact[0]; ok {
		out = append(out, toMemoryJSON(m))
		seen[m.Entry.Target] = true
	}
	fuzzy, err := h.store.FindMemoryFuzzy(r.Context(), src, tgt, text, threshold, limit)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	for _, m := range fuzzy {
		if !seen[m.Entry.Target] && len(out) < limit {
			out = append(out, toMemoryJSON(m))
		}
	}
	kit.WriteJSON(w, http.StatusOK, map[string]any{"matches": out})
}

type usageJSON struct {
	EditionID  int64  `json:"edition_id"`
	Provider   string `json:"provider"`
	Month      string `json:"month"`
	Characters int64  `json:"characters"`
	Requests   int64  `json:"requests"`
}

// handleUsage reports the characters sent to machine translation, per edition, provider and month,
// with totals per provider and month.
func (h *Handler) handleUsage(w http.ResponseWriter, r *http.Request) {
	if !kit.User(r).CanApprove() {
		h.WriteError(w, r, kit.ErrForbidden)
		return
	}
	us, err := h.store.FindUsage(r.Context(), 0)
	if err != nil {
		h.WriteError(w, r, err)
		return
	}
	rows := make([]usageJSON, 0, len(us))
	totals := map[string]map[string]int64{}
	for _, u := range us {
		month := u.Month.Format("2006-01")
		rows = append(rows, usageJSON{EditionID: u.EditionID, Provider: u.Provider, Month: month, Characters: u.Characters, Requests: u.Requests})
		if totals[month] == nil {
			totals[month] = map[string]int64{}
		}
		totals[month][u.Provider] += u.Characters
	}
	kit.WriteJSON(w, http.StatusOK, map[string]any{"usage": rows, "characters_by_month": totals})
}
