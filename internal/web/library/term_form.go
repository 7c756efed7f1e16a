package library

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// variantSeparator separates a language's forbidden variants in the form's field, as in the
// termbase CSV.
const variantSeparator = "|"

// termField is one language of the concept form.
type termField struct {
	Lang      pipeline.Lang
	LangName  string
	Term      string
	Forbidden string
}

type termFormPage struct {
	kit.AppPage
	ID             int64
	Action         string
	Delete         string
	Fields         []termField
	Note           string
	DoNotTranslate bool
	// Seen is when the concept last changed as the form shows it: a save or deletion names it, so
	// that a change made meanwhile by someone else is a conflict.
	Seen string
	// After a conflict: the concept as it is now.
	Theirs []termField
}

// seenLayout writes and reads Seen; PostgreSQL keeps microseconds, which it holds exactly.
const seenLayout = time.RFC3339Nano

// handleTermForm shows the form for a new concept (/terms/new) or an existing one.
func (h *Handler) handleTermForm(w http.ResponseWriter, r *http.Request) {
	c := pipeline.Concept{}
	if !strings.HasSuffix(r.URL.Path, "/new") {
		id, err := kit.PathID(r, "concept")
		if err != nil {
			h.PageError(w, r, err)
			return
		}
		if c, err = h.store.FindConcept(r.Context(), id); err != nil {
			h.PageError(w, r, err)
			return
		}
	}
	p := h.newTermFormPage(r, c)
	h.pages.Render(w, r, "library_term_form.html", 0, p.Lang, p)
}

// newTermFormPage fills the concept form with c (ID 0: a new concept).
func (h *Handler) newTermFormPage(r *http.Request, c pipeline.Concept) termFormPage {
	title := "find.terms.new_title"
	if c.ID != 0 {
		title = "find.terms.edit_title"
	}
	p := termFormPage{AppPage: h.NewAppPage(r, title), ID: c.ID, Note: c.Note, DoNotTranslate: c.DoNotTranslate, Action: termsPath}
	if c.ID != 0 {
		p.Action = termsPath + strconv.FormatInt(c.ID, 10)
		p.Delete = p.Action + "/delete"
		p.Seen = c.UpdatedAt.UTC().Format(seenLayout)
	}
	p.Fields = termFields(c)
	return p
}

// termFields lays out a concept's terms and variants by language.
func termFields(c pipeline.Concept) []termField {
	out := make([]termField, 0, len(pipeline.Languages))
	for _, l := range pipeline.Languages {
		out = append(out, termField{Lang: l, LangName: l.NativeName(), Term: c.Terms[l],
			Forbidden: strings.Join(c.Forbidden[l], " "+variantSeparator+" ")})
	}
	return out
}

// formSeen reads the form's seen field.
func formSeen(r *http.Request) (time.Time, error) {
	seen, err := time.Parse(seenLayout, r.PostFormValue("seen"))
	if err != nil {
		return seen, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.field_required", Data: map[string]any{"Field": "seen"}}
	}
	return seen, nil
}
