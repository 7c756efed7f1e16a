package newsroom

import (
	"net/http"
	"strconv"
	"time"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// boardPageSize is how many articles one page of the board shows: a morning's worth.
const boardPageSize = 20

// editionCell is one edition as the board and the article page show it.
type editionCell struct {
	Lang       pipeline.Lang
	LangName   string
	IsSource   bool
	State      pipeline.EditionState
	StateLabel string
	Detail     string // progress, the release time or the failure reason
	Live       string // "a previous version is live", when the edition is not published but readers see one
	Confirmed  int
	Drafted    int
	Total      int
	Review     string // the review page
}

// newEditionCell describes an edition in the editor's language and zone.
func newEditionCell(loc *kit.Localizer, zone *time.Location, articleID int64, e pipeline.Edition) editionCell {
	c := editionCell{Lang: e.Lang, LangName: e.Lang.NativeName(), IsSource: e.IsSource, State: e.State,
		StateLabel: stateName(loc, string(e.State)), Confirmed: e.Confirmed, Drafted: e.Drafted, Total: e.Segments,
		Review: newsroomReviewPath(articleID, e.Lang)}
	switch e.State {
	case pipeline.StateTranslating:
		if !e.IsSource && e.Segments > 0 {
			c.Detail = loc.T("live.progress.drafted", map[string]any{"Drafted": e.Drafted, "Total": e.Segments}, e.Segments)
		}
	case pipeline.StateInReview:
		c.Detail = loc.T("newsroom.progress", map[string]any{"Confirmed": e.Confirmed, "Total": e.Segments}, e.Segments)
	case pipeline.StateApproved:
		if e.PublishAt != nil && e.PublishAt.After(time.Now()) {
			c.StateLabel = loc.T("newsroom.state.scheduled", nil)
			c.Detail = formatWhen(*e.PublishAt, zone, loc.Lang)
		} else {
			c.Detail = loc.T("newsroom.state.going_out", nil)
		}
	case pipeline.StateFailed:
		reason := e.FailureReason
		if reason == "" {
			reason = "error.translate_failed"
		}
		c.Detail = loc.T(reason, nil)
	}
	if !e.IsSource && e.Machine > 0 && (e.State == pipeline.StateInReview || e.State == pipeline.StateAwaitingApproval) {
		note := loc.T("newsroom.cell.machine", map[string]any{"Count": e.Machine}, e.Machine)
		if c.Detail != "" {
			note = c.Detail + " · " + note
		}
		c.Detail = note
	}
	if e.State != pipeline.StatePublished && e.LiveVersionID != nil {
		c.Live = loc.T("newsroom.cell.live", nil)
	}
	return c
}

type boardRow struct {
	Title      string
	SourceLang pipeline.Lang
	URL        string
	Created    string
	Category   string // its name in the editor's language
	Cells      []editionCell
}

type filterOption struct {
	Value    string
	Label    string
	Selected bool
	Lang     pipeline.Lang // for language options: the language the label is written in
}

type boardPage struct {
	kit.AppPage
	Columns  []editionCell // the languages shown, as column heads
	Rows     []boardRow
	States   []filterOption
	LangOpts []filterOption
	Search   boardSearch
	Summary  string
	PageInfo string
	Prev     string
	Next     string
	Live     livePage
}

// readBoardFilter reads the board's search (board_filter.go) and page from its query, refusing
// what it cannot read; the board and its live answer read the same.
func (h *Handler) readBoardFilter(r *http.Request) (boardSearch, int, error) {
	q := r.URL.Query()
	search, err := parseBoardSearch(q, h.editorZone(r))
	if err != nil {
		return search, 0, err
	}
	page := 1
	if v := q.Get("page"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 100000 {
			return search, 0, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "newsroom.error.page_invalid",
				Data: map[string]any{"Page": v}}
		}
		page = n
	}
	return search, page, nil
}

// handleBoard shows every article with its editions, newest first, filtered by title, state,
// language, category, dates and the people who worked on it (board_filter.go), and paginated.
// With a language chosen only that column is shown.
func (h *Handler) handleBoard(w http.ResponseWriter, r *http.Request) {
	p := boardPage{AppPage: h.NewAppPage(r, "newsroom.board.title")}
	p.Notice = doneNotice(r, p.T)
	search, page, err := h.readBoardFilter(r)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	state, lang := search.Filter.State, search.Filter.Lang
	articles, editions, total, err := h.store.FindBoard(r.Context(), search.Filter, boardPageSize, (page-1)*boardPageSize)
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	cats, err := h.store.FindCategories(r.Context())
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	search.Categories = categoryOptions(p.T, p.Lang, cats, search.Category)
	p.Search = search
	catNames := categoryNames(p.Lang, cats)

	p.States = append(p.States, filterOption{Value: "", Label: p.T.T("newsroom.filter.any_state", nil), Selected: state == ""})
	for _, st := range pipeline.EditionStates {
		p.States = append(p.States, filterOption{Value: string(st), Label: stateName(p.T, string(st)), Selected: st == state})
	}
	p.LangOpts = append(p.LangOpts, filterOption{Value: "", Label: p.T.T("newsroom.filter.any_lang", nil), Selected: lang == ""})
	for _, l := range pipeline.Languages {
		p.LangOpts = append(p.LangOpts, filterOption{Value: string(l), Label: l.NativeName(), Selected: l == lang, Lang: l})
		if lang == "" || l == lang {
			p.Columns = append(p.Columns, editionCell{Lang: l, LangName: l.NativeName()})
		}
	}

	p.Live = livePage{URL: liveURL(r.URL.RawQuery), Stamp: boardStamp(articles, editions, total)}
	zone := h.editorZone(r)
	for _, a := range articles {
		row := boardRow{Title: a.Title, SourceLang: a.SourceLang, URL: newsroomArticlePath(a.ID), Created: h.FormatDay(a.CreatedAt, p.Lang),
			Category: catNames[a.Category]}
		for _, e := range editions[a.ID] {
			if lang == "" || e.Lang == lang {
				row.Cells = append(row.Cells, newEditionCell(p.T, zone, a.ID, e))
			}
		}
		p.Rows = append(p.Rows, row)
	}

	pages := max((total+boardPageSize-1)/boardPageSize, 1)
	p.Summary = p.T.T("newsroom.board.count", map[string]any{"Count": total}, total)
	p.PageInfo = p.T.T("newsroom.board.page", map[string]any{"Page": page, "Pages": pages})
	link := search.query
	if page > 1 {
		p.Prev = link(min(page-1, pages))
	}
	if page < pages {
		p.Next = link(page + 1)
	}
	h.pages.Render(w, r, "newsroom_board.html", 0, p.Lang, p)
}
