package library

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// termCell is one language of a concept in the termbase list.
type termCell struct {
	Lang      pipeline.Lang
	Term      string
	Forbidden string // its forbidden variants, joined for reading
}

type conceptRow struct {
	ID             int64
	Cells          []termCell
	DoNotTranslate bool
	Note           string
	Edit           string
	Label          string // the concept named by its first term, for the edit link's accessible name
}

type langColumn struct {
	Lang pipeline.Lang
	Name string
}

type termsPage struct {
	kit.AppPage
	Query    string
	CanEdit  bool
	Columns  []langColumn
	Rows     []conceptRow
	Summary  string
	Pager    pager
	Export   string
	Imported string // the import's outcome, after one
}

// handleTerms lists the termbase's concepts a page at a time, or those with a term or note
// containing ?q. Everyone signed in may read it, as in the API; editors see the forms to change it.
func (h *Handler) handleTerms(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	text := strings.TrimSpace(q.Get("q"))
	if len(text) > pipeline.MaxBoardSearchBytes {
		h.PageError(w, r, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "input.field_too_long_bytes",
			Data: map[string]any{"Field": "q", "Max": pipeline.MaxBoardSearchBytes}})
		return
	}
	page, err := pageNumber(q)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	p := termsPage{AppPage: h.NewAppPage(r, "find.terms.title"), Query: text, Export: termsPath + "export.csv"}
	h.renderTerms(w, r, p, page, http.StatusOK)
}

// renderTerms lists page of the concepts matching p.Query and shows the page with status.
func (h *Handler) renderTerms(w http.ResponseWriter, r *http.Request, p termsPage, page, status int) {
	cs, total, err := h.store.FindConceptPage(r.Context(), p.Query, pageSize, (page-1)*pageSize)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	if p.Notice == "" {
		p.Notice = doneNotice(r, p.T)
	}
	p.CanEdit = p.User.CanApprove()
	for _, l := range pipeline.Languages {
		p.Columns = append(p.Columns, langColumn{Lang: l, Name: l.NativeName()})
	}
	for _, c := range cs {
		row := conceptRow{ID: c.ID, DoNotTranslate: c.DoNotTranslate, Note: c.Note, Edit: termsPath + strconv.FormatInt(c.ID, 10)}
		for _, l := range pipeline.Languages {
			row.Cells = append(row.Cells, termCell{Lang: l, Term: c.Terms[l], Forbidden: strings.Join(c.Forbidden[l], ", ")})
			if row.Label == "" {
				row.Label = c.Terms[l]
			}
		}
		p.Rows = append(p.Rows, row)
	}
	p.Summary = p.T.T("find.terms.count", map[string]any{"Count": total}, total)
	p.Pager = newPager(p.T, page, total, func(n int) string {
		v := url.Values{}
		if p.Query != "" {
			v.Set("q", p.Query)
		}
		if n > 1 {
			v.Set("page", strconv.Itoa(n))
		}
		if len(v) == 0 {
			return termsPath
		}
		return termsPath + "?" + v.Encode()
	})
	h.pages.Render(w, r, "library_terms.html", status, p.Lang, p)
}
