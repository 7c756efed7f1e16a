package workbench

import (
	"net/http"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

type historyRow struct {
	Version int
	When    string
	By      string
	Origin  string
	State   string
	Text    string
}

type historyPage struct {
	kit.AppPage
	Back      string
	Source    string
	Num       int
	SourceTag string
	TargetTag string
	Rows      []historyRow
}

// handleSegmentHistory shows every saved state of one segment, newest first: who changed what,
// when, and whether it came from a person, the memory or a machine.
func (h *Handler) handleSegmentHistory(w http.ResponseWriter, r *http.Request) {
	e, err := h.editionParam(r)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	c, err := h.store.FindEditionContentByID(r.Context(), e.ID)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	i, err := segmentParam(r, &c)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	sg := c.Segments[i]
	hist, err := h.store.FindSegmentHistory(r.Context(), e.ID, sg.ID)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	p := historyPage{AppPage: h.NewAppPage(r, "wb.history.title"), Back: "/workbench/editions/" + idStr(e.ID) + "/#seg-" + idStr(sg.ID),
		Source: sg.Text, Num: sg.Position + 1, SourceTag: c.Article.SourceLang.BCP47(), TargetTag: e.Lang.BCP47()}
	p.Title = p.T.T("wb.history.title", map[string]any{"Num": p.Num})
	sl := &stateLabels{loc: p.T, cache: map[string]string{}}
	hd := h // the loop's h is a history row
	for k := len(hist) - 1; k >= 0; k-- {
		h := hist[k]
		by := h.UpdatedBy
		if by == "" {
			by = p.T.T("wb.history.system", nil)
		}
		origin := h.Origin
		switch {
		case origin == pipeline.OriginHuman:
			origin = p.T.T("wb.history.human", nil)
		case origin == "":
			origin = "—"
		}
		p.Rows = append(p.Rows, historyRow{Version: h.Version, When: hd.FormatDateTime(h.UpdatedAt, p.Lang, "15:04:05"),
			By: by, Origin: origin, State: sl.label(h), Text: h.Text})
	}
	h.pages.Render(w, r, "workbench_history.html", 0, p.Lang, p)
}
