package library

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// memoryRow is one memory entry in the browser.
type memoryRow struct {
	ID             int64
	Source, Target string
	SourceLang     pipeline.Lang
	TargetLang     pipeline.Lang
	By             string // who confirmed or imported it
	From           string // where it came from: an article, an import, an article no longer here
	FromURL        string // the article in the newsroom, when it is still ours
	Usage          string // how often it filled a segment, and when last
	Changed        string // when it last changed, and by which editor in the browser
	Edit           string
}

type langOption struct {
	Lang     pipeline.Lang
	Name     string
	Selected bool
}

type memoryPage struct {
	kit.AppPage
	Query       string
	InTarget    bool
	Sources     []langOption
	Targets     []langOption
	SourceLang  pipeline.Lang
	TargetLang  pipeline.Lang
	Rows        []memoryRow
	Summary     string
	Pager       pager
	SearchedFor string
}

// memorySearch is the browser's search as the request gave it.
type memorySearch struct {
	Source, Target pipeline.Lang
	Text           string
	InTarget       bool
	Page           int
}

// parseMemorySearch reads source and target (the language pair, English into Russian by
// default), q (the text, up to pipeline.MaxBoardSearchBytes), in=target to search translations,
// and page.
func parseMemorySearch(q url.Values) (memorySearch, error) {
	s := memorySearch{Source: pipeline.English, Target: pipeline.Russian, Text: strings.TrimSpace(q.Get("q")),
		InTarget: q.Get("in") == "target"}
	for _, p := range []struct {
		key  string
		dest *pipeline.Lang
	}{{"source", &s.Source}, {"target", &s.Target}} {
		if v := q.Get(p.key); v != "" {
			l, err := pipeline.ParseLang(v)
			if err != nil {
				return s, err
			}
			*p.dest = l
		}
	}
	if len(s.Text) > pipeline.MaxBoardSearchBytes {
		return s, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "input.field_too_long_bytes",
			Data: map[string]any{"Field": "q", "Max": pipeline.MaxBoardSearchBytes}}
	}
	var err error
	s.Page, err = pageNumber(q)
	return s, err
}

// link is the browser's address for page n of this search.
func (s memorySearch) link(n int) string {
	v := url.Values{"source": {string(s.Source)}, "target": {string(s.Target)}}
	if s.Text != "" {
		v.Set("q", s.Text)
	}
	if s.InTarget {
		v.Set("in", "target")
	}
	if n > 1 {
		v.Set("page", strconv.Itoa(n))
	}
	return memoryPath + "?" + v.Encode()
}

// handleMemory lists the memory entries of a language pair, most recently changed first,
// optionally those whose source or target contains some text, a page at a time.
func (h *Handler) handleMemory(w http.ResponseWriter, r *http.Request) {
	s, err := parseMemorySearch(r.URL.Query())
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	entries, more, err := h.store.FindMemoryEntries(r.Context(), pipeline.MemoryQuery{Source: s.Source, Target: s.Target,
		Text: s.Text, InTarget: s.InTarget, Limit: pageSize, Offset: (s.Page - 1) * pageSize})
	if err != nil {
		h.PageError(w, r, err)
		return
	}
	p := memoryPage{AppPage: h.NewAppPage(r, "find.memory.title"), Query: s.Text, InTarget: s.InTarget,
		SourceLang: s.Source, TargetLang: s.Target}
	p.Notice = doneNotice(r, p.T)
	for _, l := range pipeline.Languages {
		p.Sources = append(p.Sources, langOption{Lang: l, Name: l.NativeName(), Selected: l == s.Source})
		p.Targets = append(p.Targets, langOption{Lang: l, Name: l.NativeName(), Selected: l == s.Target})
	}
	for _, e := range entries {
		p.Rows = append(p.Rows, newMemoryRow(p.T, p.Lang, e, s.link(s.Page)))
	}
	// The memory is not counted (see Store.FindMemoryEntries): the first page, when it is all,
	// says how many; other pages say which entries they show, and the pager goes on while more
	// follow.
	first := (s.Page-1)*pageSize + 1
	if s.Page == 1 && !more {
		p.Summary = p.T.T("find.memory.count", map[string]any{"Count": len(entries)}, len(entries))
	} else if len(entries) > 0 {
		p.Summary = p.T.T("find.memory.range", map[string]any{"From": first, "To": first + len(entries) - 1})
	} else {
		p.Summary = p.T.T("find.memory.past_end", nil)
	}
	p.Pager = pager{Info: p.T.T("find.page", map[string]any{"Page": s.Page})}
	if s.Page > 1 {
		p.Pager.Prev = s.link(s.Page - 1)
	}
	if more {
		p.Pager.Next = s.link(s.Page + 1)
	}
	h.pages.Render(w, r, "library_memory.html", 0, p.Lang, p)
}

// newMemoryRow describes an entry in the reader's language lang; back is the list to return to
// after an edit.
func newMemoryRow(loc *kit.Localizer, lang pipeline.Lang, e pipeline.MemoryView, back string) memoryRow {
	row := memoryRow{ID: e.ID, Source: e.Source, Target: e.Target, SourceLang: e.SourceLang, TargetLang: e.TargetLang,
		By: e.CreatedBy, Edit: memoryPath + strconv.FormatInt(e.ID, 10) + "?back=" + url.QueryEscape(back)}
	switch {
	case e.ImportID != nil:
		file := e.ImportFile
		if file == "" {
			file = "#" + strconv.FormatInt(*e.ImportID, 10)
		}
		row.From = loc.T("find.memory.from_import", map[string]any{"File": file})
		if e.SourceArticle != "" {
			row.From += " · " + e.SourceArticle
		}
	case e.ArticleID != nil:
		row.From = e.ArticleTitle
		row.FromURL = "/workbench/newsroom/articles/" + strconv.FormatInt(*e.ArticleID, 10) + "/"
	default:
		row.From = loc.T("find.memory.from_gone", nil)
	}
	if e.UseCount == 0 || e.LastUsedAt == nil {
		row.Usage = loc.T("find.memory.unused", nil)
	} else {
		row.Usage = loc.T("find.memory.used", map[string]any{"Count": e.UseCount, "Date": kit.FormatDate(*e.LastUsedAt, lang)}, e.UseCount)
	}
	row.Changed = kit.FormatDate(e.UpdatedAt, lang)
	if e.UpdatedBy != "" {
		row.Changed = loc.T("find.memory.changed_by", map[string]any{"Date": row.Changed, "Name": e.UpdatedBy})
	}
	return row
}
