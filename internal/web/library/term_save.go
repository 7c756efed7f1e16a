package library

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// conceptFromForm reads the concept form: term_LANG, forbidden_LANG (variants separated by "|"),
// note and do_not_translate, each within the termbase CSV's limit so that whatever is stored
// exports and imports again (as the API checks it).
func conceptFromForm(r *http.Request) (pipeline.Concept, error) {
	c := pipeline.Concept{Terms: map[pipeline.Lang]string{}, Forbidden: map[pipeline.Lang][]string{},
		Note: strings.TrimSpace(r.PostFormValue("note")), DoNotTranslate: r.PostFormValue("do_not_translate") != ""}
	fields := map[string]string{"note": c.Note}
	for _, l := range pipeline.Languages {
		term := strings.TrimSpace(r.PostFormValue("term_" + string(l)))
		variants := r.PostFormValue("forbidden_" + string(l))
		fields["term_"+string(l)], fields["forbidden_"+string(l)] = term, variants
		if term != "" {
			c.Terms[l] = term
		}
		for _, v := range strings.Split(variants, variantSeparator) {
			if v = strings.TrimSpace(v); v != "" {
				c.Forbidden[l] = append(c.Forbidden[l], v)
			}
		}
	}
	for name, v := range fields {
		if len(v) > pipeline.MaxTermFieldBytes {
			return c, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "input.field_too_long_bytes",
				Data: map[string]any{"Field": name, "Max": pipeline.MaxTermFieldBytes}}
		}
	}
	return c, nil
}

// handleTermSave creates a concept (POST /terms/) or replaces one's terms, variants, note and
// flag (POST /terms/{concept}), if nobody changed it since the editor opened it. A refusal shows
// the form again with what the editor typed; after a conflict, with the concept as it is now, and
// saving again replaces it knowingly.
func (h *Handler) handleTermSave(w http.ResponseWriter, r *http.Request) {
	c, err := conceptFromForm(r)
	if err == nil && chi.URLParam(r, "concept") == "" {
		_, err = h.store.SaveConcept(r.Context(), c)
	} else if err == nil {
		if c.ID, err = kit.PathID(r, "concept"); err == nil {
			var seen time.Time
			if seen, err = formSeen(r); err == nil {
				_, err = h.store.UpdateConceptSeen(r.Context(), c, seen)
			}
		}
	}
	if err != nil {
		h.termProblem(w, r, c, err)
		return
	}
	kit.LocalRedirect(w, r, termsPath+"?done=term_saved")
}

// termProblem shows the concept form again with the refusal of err and the editor's input c;
// after a conflict, with the concept as it is now and when it changed.
func (h *Handler) termProblem(w http.ResponseWriter, r *http.Request, c pipeline.Concept, err error) {
	p := h.newTermFormPage(r, c)
	msg, status, ok := problemMessage(p.T, err)
	if !ok {
		h.PageError(w, r, err)
		return
	}
	p.Problem = msg
	p.Seen = r.PostFormValue("seen")
	var pe *pipeline.Error
	if errors.As(err, &pe) && pe.Code == pipeline.CodeConflict && c.ID != 0 {
		cur, ferr := h.store.FindConcept(r.Context(), c.ID)
		if ferr != nil {
			h.PageError(w, r, ferr)
			return
		}
		p.Theirs = termFields(cur)
		p.Seen = cur.UpdatedAt.UTC().Format(seenLayout)
	}
	h.pages.Render(w, r, "library_term_form.html", status, p.Lang, p)
}
