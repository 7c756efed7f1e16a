package newsroom

import (
	"net/http"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// categoriesPath is the categories page.
const categoriesPath = newsroomBase + "/categories/"

// categoryNameField is one language's name of a category in a form.
type categoryNameField struct {
	Lang     pipeline.Lang
	LangName string
	Value    string
}

// categoryRow is one category on the categories page, with its rename form.
type categoryRow struct {
	Slug     string
	Articles string // how many articles are filed under it
	Board    string // the board filtered by it
	Names    []categoryNameField
}

type categoriesPage struct {
	kit.AppPage
	Rows []categoryRow
	// The add form, filled back in after a refusal.
	NewSlug  string
	NewNames []categoryNameField
}

// nameFields lists the four languages' names of a category, as they are or as sent back.
func nameFields(names map[pipeline.Lang]string) []categoryNameField {
	out := make([]categoryNameField, 0, len(pipeline.Languages))
	for _, l := range pipeline.Languages {
		out = append(out, categoryNameField{Lang: l, LangName: l.NativeName(), Value: names[l]})
	}
	return out
}

// handleCategories lists every category (named, or only used by articles so far) with its name
// in each language to change, and a form to add one.
func (h *Handler) handleCategories(w http.ResponseWriter, r *http.Request) {
	p := categoriesPage{AppPage: h.NewAppPage(r, "find.categories.title")}
	if id, ok := categoryDone[r.URL.Query().Get("done")]; ok {
		p.Notice = p.T.T(id, nil)
	}
	h.renderCategories(w, r, p, http.StatusOK)
}

// categoryDone are the confirmations the categories page shows, by the done parameter.
var categoryDone = map[string]string{
	"category_added":   "find.done.category_added",
	"category_renamed": "find.done.category_renamed",
}

// renderCategories fills in the list of categories and shows the page with status.
func (h *Handler) renderCategories(w http.ResponseWriter, r *http.Request, p categoriesPage, status int) {
	cats, err := h.store.FindCategories(r.Context())
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	for _, c := range cats {
		p.Rows = append(p.Rows, categoryRow{Slug: c.Slug, Names: nameFields(c.Names),
			Articles: p.T.T("find.categories.articles", map[string]any{"Count": c.Articles}, c.Articles),
			Board:    boardSearch{Category: c.Slug}.query(1)})
	}
	if p.NewNames == nil {
		p.NewNames = nameFields(nil)
	}
	h.pages.Render(w, r, "newsroom_categories.html", status, p.Lang, p)
}

// categoryFromForm reads a category's slug and its names (name_en … name_zh) from a form.
func categoryFromForm(r *http.Request) pipeline.Category {
	c := pipeline.Category{Slug: r.PostFormValue("slug"), Names: map[pipeline.Lang]string{}}
	for _, l := range pipeline.Languages {
		c.Names[l] = r.PostFormValue("name_" + string(l))
	}
	return c
}

// categoriesProblem shows the categories page again with the refusal of err, keeping what the
// editor typed into the add form when it came from there.
func (h *Handler) categoriesProblem(w http.ResponseWriter, r *http.Request, err error, fromAdd bool) {
	p := categoriesPage{AppPage: h.NewAppPage(r, "find.categories.title")}
	msg, status, ok := userMessage(p.T, err)
	if !ok {
		h.PageError(w, r, err)
		return
	}
	p.Problem = msg
	if fromAdd {
		c := categoryFromForm(r)
		p.NewSlug, p.NewNames = c.Slug, nameFields(c.Names)
	}
	h.renderCategories(w, r, p, status)
}
