package workbench

import (
	"net/http"
	"strings"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

type queueRow struct {
	URL       string
	Title     string
	Lang      pipeline.Lang
	LangName  string
	Confirmed int
	Total     int
	Progress  string // "12 of 40 segments confirmed", in the user's language
	Findings  string // "3 open findings"
	Revision  string // source revision date
	Others    string // who else has it open, or ""
}

type queuePage struct {
	kit.AppPage
	Rows []queueRow
}

// myLangs are the target languages a user works in: a translator's own, everyone else's all.
func myLangs(u *pipeline.User) []pipeline.Lang {
	if u.Role == pipeline.RoleTranslator {
		return u.Langs
	}
	return pipeline.Languages
}

// handleQueue lists the editions waiting for review in the user's languages, newest first.
func (h *Handler) handleQueue(w http.ResponseWriter, r *http.Request) {
	u := kit.User(r)
	items, err := h.store.FindQueue(r.Context(), myLangs(u), u.Name)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	p := queuePage{AppPage: h.NewAppPage(r, "wb.queue.title")}
	if r.URL.Query().Get("submitted") != "" {
		p.Notice = p.T.T("wb.submit.done", nil)
	}
	for _, it := range items {
		e := it.Edition
		row := queueRow{URL: "/workbench/editions/" + idStr(e.ID) + "/", Title: it.Title, Lang: e.Lang,
			LangName: e.Lang.NativeName(), Confirmed: e.Confirmed, Total: e.Segments,
			Progress: p.T.T("wb.progress", map[string]any{"Confirmed": e.Confirmed, "Total": e.Segments}, e.Segments),
			Findings: p.T.T("wb.findings_open", nil, e.Findings),
			Revision: h.FormatDay(it.RevisionDate, p.Lang)}
		if len(it.Others) > 0 {
			row.Others = p.T.T("wb.queue.others", map[string]any{"Names": strings.Join(it.Others, ", ")}, len(it.Others))
		}
		p.Rows = append(p.Rows, row)
	}
	h.pages.Render(w, r, "workbench_queue.html", 0, p.Lang, p)
}
