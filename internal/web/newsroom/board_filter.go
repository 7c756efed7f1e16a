package newsroom

import (
	"net/url"
	"strings"
	"time"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// boardSearch is the board's filter as the request gave it and the form shows it back: every
// field a GET parameter, so that a filtered board is a link to share.
type boardSearch struct {
	Filter pipeline.BoardFilter
	// What the form shows back, as the editor typed it.
	Title, Category, From, To, Who string
	Categories                     []filterOption
}

// boardDate is how the date fields send a day.
const boardDate = "2006-01-02"

// parseBoardSearch reads the board's filter from q: title, state, lang, category, from and to
// (days in the editor's zone, both included) and who. Unknown values and bad dates are refused
// with a message that names them.
func parseBoardSearch(q url.Values, zone *time.Location) (boardSearch, error) {
	s := boardSearch{Title: strings.TrimSpace(q.Get("q")), Category: q.Get("category"),
		From: q.Get("from"), To: q.Get("to"), Who: strings.TrimSpace(q.Get("who"))}
	f := &s.Filter
	f.State = pipeline.EditionState(q.Get("state"))
	if f.State != "" && !f.State.Valid() {
		return s, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "newsroom.error.state_unknown",
			Data: map[string]any{"State": string(f.State)}}
	}
	f.Lang = pipeline.Lang(q.Get("lang"))
	if f.Lang != "" && !f.Lang.Valid() {
		return s, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.lang_unknown",
			Data: map[string]any{"Lang": string(f.Lang)}}
	}
	for field, v := range map[string]string{"q": s.Title, "category": s.Category, "who": s.Who} {
		if len(v) > pipeline.MaxBoardSearchBytes {
			return s, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "input.field_too_long_bytes",
				Data: map[string]any{"Field": field, "Max": pipeline.MaxBoardSearchBytes}}
		}
	}
	f.Title, f.Category, f.Who = s.Title, s.Category, s.Who
	day := func(v string) (*time.Time, error) {
		if v == "" {
			return nil, nil
		}
		t, err := time.ParseInLocation(boardDate, v, zone)
		if err != nil || t.Year() < 1900 || t.Year() > 9999 {
			return nil, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "find.error.date_invalid",
				Data: map[string]any{"Date": v}}
		}
		return &t, nil
	}
	var err error
	if f.From, err = day(s.From); err != nil {
		return s, err
	}
	if f.To, err = day(s.To); err != nil {
		return s, err
	}
	if f.To != nil {
		end := f.To.AddDate(0, 0, 1) // the last day is included
		f.To = &end
	}
	return s, nil
}

// query is the board's address for page n of this search.
func (s boardSearch) query(n int) string {
	v := url.Values{}
	for k, val := range map[string]string{"q": s.Title, "state": string(s.Filter.State), "lang": string(s.Filter.Lang),
		"category": s.Category, "from": s.From, "to": s.To, "who": s.Who} {
		if val != "" {
			v.Set(k, val)
		}
	}
	if n > 1 {
		v.Set("page", idStr(int64(n)))
	}
	if len(v) == 0 {
		return newsroomBase + "/"
	}
	return newsroomBase + "/?" + v.Encode()
}

// categoryOptions offers every category in the editor's language, the chosen one selected.
func categoryOptions(loc *kit.Localizer, lang pipeline.Lang, cats []pipeline.Category, chosen string) []filterOption {
	out := []filterOption{{Value: "", Label: loc.T("find.board.any_category", nil), Selected: chosen == ""}}
	for _, c := range cats {
		out = append(out, filterOption{Value: c.Slug, Label: c.Name(lang), Selected: c.Slug == chosen})
	}
	return out
}

// categoryNames maps slugs to their names in lang, for the board's rows.
func categoryNames(lang pipeline.Lang, cats []pipeline.Category) map[string]string {
	out := make(map[string]string, len(cats))
	for _, c := range cats {
		out[c.Slug] = c.Name(lang)
	}
	return out
}
