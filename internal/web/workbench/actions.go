package workbench

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-chi/chi/v5"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

func chiInt(r *http.Request, name string) int64 {
	n, err := strconv.ParseInt(chi.URLParam(r, name), 10, 64)
	if err != nil {
		return 0
	}
	return n
}

// handleDismiss overrides a finding with the translator's written reason, which the
// editor sees next to it.
func (h *Handler) handleDismiss(w http.ResponseWriter, r *http.Request) {
	e, err := h.editionParam(r)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	reason := strings.TrimSpace(r.PostFormValue("reason"))
	if reason == "" || utf8.RuneCountInString(reason) > 2000 {
		h.refuse(w, r, e.ID, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "wb.finding.reason_required"})
		return
	}
	if err := h.store.DismissFinding(r.Context(), e.ID, chiInt(r, "finding"), kit.User(r).Name, reason); err != nil {
		h.PageError(w, r, err)
		return
	}
	kit.LocalRedirect(w, r, "/workbench/editions/"+idStr(e.ID)+"/#seg-"+strings.TrimSpace(r.PostFormValue("segment")))
}

// handleSubmit sends the edition to the editors. When segments are unconfirmed or a blocking
// finding is open, the translator is sent back to the editor with the reason at the top.
func (h *Handler) handleSubmit(w http.ResponseWriter, r *http.Request) {
	e, err := h.editionParam(r)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	if err := h.store.SubmitEdition(r.Context(), e.ID, kit.User(r).Name); err != nil {
		h.refuse(w, r, e.ID, err)
		return
	}
	kit.LocalRedirect(w, r, "/workbench/?submitted="+idStr(e.ID))
}

// refuse answers a refused form of the editor by sending the translator back to the editor
// (post, redirect, get) with the reason at its top, so that a reload asks for nothing twice.
// Errors that are not a refusal (a page that does not exist, a failure) get the error page, and
// the page's script gets its JSON answer.
func (h *Handler) refuse(w http.ResponseWriter, r *http.Request, editionID int64, err error) {
	var pe *pipeline.Error
	if kit.WantsJSON(r) || !errors.As(err, &pe) || (pe.Code != pipeline.CodeIllegalState && pe.Code != pipeline.CodeConflict && pe.Code != pipeline.CodeInvalid) {
		h.PageError(w, r, err)
		return
	}
	loc := h.Localizer(kit.UILang(r))
	msg := loc.T(pe.MessageID, kit.CopyData(pe.Data))
	if n, ok := pe.Data["Count"].(int); ok {
		msg = loc.T(pe.MessageID, kit.CopyData(pe.Data), n)
	}
	h.RefuseTo(w, r, "/workbench/editions/"+idStr(editionID)+"/", msg, nil)
}

// handleTermAdd adds a term pair to the termbase; only editors and administrators may.
func (h *Handler) handleTermAdd(w http.ResponseWriter, r *http.Request) {
	e, err := h.editionParam(r)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	if !kit.User(r).CanApprove() {
		h.PageError(w, r, kit.ErrForbidden)
		return
	}
	c, err := h.store.FindEditionContentByID(r.Context(), e.ID)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	src, tgt := strings.TrimSpace(r.PostFormValue("source")), strings.TrimSpace(r.PostFormValue("target"))
	if src == "" || tgt == "" || len(src) > 200 || len(tgt) > 200 {
		h.refuse(w, r, e.ID, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "wb.term.invalid"})
		return
	}
	concept, err := h.termToSave(r, c.Article.SourceLang, e.Lang, src, tgt)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	if _, err := h.store.SaveConcept(r.Context(), concept); err != nil {
		h.PageError(w, r, err)
		return
	}
	kit.LocalRedirect(w, r, "/workbench/editions/"+idStr(e.ID)+"/")
}

// termToSave is the concept an editor's term form describes. A concept whose source term is the
// same (ignoring case) is changed rather than duplicated: its term in the target language becomes
// the new one, the forbidden variants given replace that language's, and a note given replaces
// the note; its other languages stay as they are.
func (h *Handler) termToSave(r *http.Request, source, target pipeline.Lang, src, tgt string) (pipeline.Concept, error) {
	note := strings.TrimSpace(r.PostFormValue("note"))
	var forbidden []string
	for _, f := range strings.FieldsFunc(r.PostFormValue("forbidden"), func(c rune) bool { return c == '|' || c == ',' || c == ';' }) {
		if f = strings.TrimSpace(f); f != "" && len(f) <= 200 {
			forbidden = append(forbidden, f)
		}
	}
	concepts, err := h.store.FindConcepts(r.Context())
	if err != nil {
		return pipeline.Concept{}, err
	}
	for _, c := range concepts {
		if strings.EqualFold(c.Terms[source], src) {
			c.Terms[target] = tgt
			if len(forbidden) > 0 {
				c.Forbidden[target] = forbidden
			}
			if note != "" {
				c.Note = note
			}
			return c, nil
		}
	}
	c := pipeline.Concept{Terms: map[pipeline.Lang]string{source: src, target: tgt}, Note: note,
		Forbidden: map[pipeline.Lang][]string{}}
	if len(forbidden) > 0 {
		c.Forbidden[target] = forbidden
	}
	return c, nil
}
