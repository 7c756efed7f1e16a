package workbench

import (
	"context"
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/web/kit/kittest"
	"github.com/tilmash/tilmash/pipeline"
)

// The editor's edition in the fake store: three segments, the second already confirmed, with
// findings of two checks (one blocking) and one dismissed.
var (
	edSegments = []pipeline.Segment{
		{ID: 21, Position: 0, Kind: pipeline.BlockParagraph, Text: "Trade between the countries grew by 27 percent."},
		{ID: 22, Position: 1, Kind: pipeline.BlockParagraph, Text: "The UN welcomed it."},
		{ID: 23, Position: 2, Kind: pipeline.BlockParagraph, Text: "Trade grew"},
	}
	edSaved    = time.Date(2026, 5, 4, 8, 30, 0, 0, time.UTC)
	edFindings = []pipeline.Finding{
		{ID: 501, SegmentID: 21, Check: "number", Severity: pipeline.SeverityError, MessageID: "check.number.missing", Data: map[string]any{"Number": "27"}},
		{ID: 502, SegmentID: 21, Check: "spelling", Severity: pipeline.SeverityWarning, MessageID: "check.spelling.unknown", Data: map[string]any{"Word": "Торговл"}},
		{ID: 503, SegmentID: 23, Check: "spelling", Severity: pipeline.SeverityWarning, MessageID: "check.spelling.unknown", Data: map[string]any{"Word": "рост"}},
		{ID: 504, SegmentID: 22, Check: "punctuation", Severity: pipeline.SeverityWarning, MessageID: "check.punctuation.end_missing",
			Data: map[string]any{"Source": "."}, Dismissed: true, Reason: "a heading"},
	}
)

func (f *fakeStore) FindEditionContentByID(_ context.Context, id int64) (pipeline.EditionContent, error) {
	e, err := f.FindEditionByID(context.Background(), id)
	e.Segments, e.Confirmed = 3, 1
	return pipeline.EditionContent{Article: pipeline.Article{ID: 1, Title: "A new rail corridor", SourceLang: pipeline.English},
		Edition: e, Segments: edSegments, Findings: edFindings,
		Translations: map[int64]pipeline.SegmentTranslation{
			21: {SegmentID: 21, Text: "Торговл выросла.", State: pipeline.SegmentDraft, Origin: "mt:pseudo", Version: 3, UpdatedAt: edSaved},
			22: {SegmentID: 22, Text: "ООН приветствовала это", State: pipeline.SegmentConfirmed, Origin: pipeline.OriginHuman, Version: 2, UpdatedAt: edSaved},
			23: {SegmentID: 23, Text: "Торговля рост.", State: pipeline.SegmentEdited, Origin: pipeline.OriginHuman, Version: 5, UpdatedAt: edSaved},
		}}, err
}

func (f *fakeStore) TouchPresence(context.Context, int64, string) ([]string, error) { return nil, nil }
func (f *fakeStore) FindSuggestions(context.Context, int64) (map[int64][]pipeline.MemoryMatch, error) {
	return nil, nil
}
func (f *fakeStore) FindMemoryExact(context.Context, pipeline.Lang, pipeline.Lang, []pipeline.MemoryKey) (map[int]pipeline.MemoryMatch, error) {
	return nil, nil
}
func (f *fakeStore) FindSegmentChanges(context.Context, int64) ([]pipeline.SegmentChange, error) {
	return nil, nil
}
func (f *fakeStore) FindComments(context.Context, int64) ([]pipeline.Comment, error) { return nil, nil }

func (f *fakeStore) SubmitEdition(context.Context, int64, string) error {
	return &pipeline.Error{Code: pipeline.CodeIllegalState, MessageID: "error.submit_unconfirmed", Data: map[string]any{"Count": 2}}
}

func (f *fakeStore) CountFindings(context.Context, int64) ([]pipeline.FindingCount, error) {
	return []pipeline.FindingCount{{Check: "number", Severity: pipeline.SeverityError, Open: 1},
		{Check: "punctuation", Severity: pipeline.SeverityWarning, Dismissed: 1},
		{Check: "spelling", Severity: pipeline.SeverityWarning, Open: 2}}, nil
}

// FindEditionLive answers as if a colleague confirmed segment 23 at version 6 after the page
// was read: only it comes back for a since after the page's cursor.
func (f *fakeStore) FindEditionLive(_ context.Context, id int64, since time.Time) (pipeline.EditionLive, error) {
	e, err := f.FindEditionByID(context.Background(), id)
	if err != nil {
		return pipeline.EditionLive{}, err
	}
	e.Segments, e.Confirmed, e.Drafted = 3, 2, 3
	later := edSaved.Add(time.Minute)
	l := pipeline.EditionLive{Edition: e, Blocking: 1, Cursor: later,
		Changed:  []pipeline.SegmentTranslation{{SegmentID: 23, Text: "Торговля выросла.", State: pipeline.SegmentConfirmed, Origin: pipeline.OriginHuman, UpdatedBy: "marat", Version: 6, UpdatedAt: later}},
		Findings: []pipeline.Finding{{ID: 505, SegmentID: 23, Check: "punctuation", Severity: pipeline.SeverityWarning, MessageID: "check.punctuation.end_extra", Data: map[string]any{"Target": "."}}}}
	if since.IsZero() {
		l.Changed = append(l.Changed, pipeline.SegmentTranslation{SegmentID: 21, Text: "Торговл выросла.", State: pipeline.SegmentDraft, Origin: "mt:pseudo", Version: 3, UpdatedAt: edSaved})
	}
	return l, nil
}

// TestEditorTermsPanelMatchesAsTheGlossaryCheck: "UN" is listed for the segment that names the
// UN, not for the one whose "countries" holds the letters.
func TestEditorTermsPanelMatchesAsTheGlossaryCheck(t *testing.T) {
	t.Parallel()
	store := &fakeStore{concepts: []pipeline.Concept{{ID: 1, Terms: map[pipeline.Lang]string{pipeline.English: "UN", pipeline.Russian: "ООН"}}}}
	rec := kittest.Do(newHandler(t, store, ruTranslator), "GET", "/workbench/editions/9/", "en", "")
	kittest.Says(t, "editor", rec, 200)
	page := rec.Body.String()
	rowOf := func(id string) string {
		i := strings.Index(page, `id="seg-`+id+`"`)
		j := strings.Index(page[i+1:], `<div class="seg `)
		if j < 0 {
			return page[i:]
		}
		return page[i : i+1+j]
	}
	if strings.Contains(rowOf("21"), "ООН") {
		t.Error("the terms panel lists UN → ООН for a segment about countries")
	}
	if !strings.Contains(rowOf("22"), `<span lang="ru">ООН</span>`) {
		t.Errorf("the terms panel does not list UN → ООН for the segment that names the UN:\n%s", rowOf("22"))
	}
}

// TestEditorGroupsFindingsByCheck: the open findings are counted by check, blocking first, with
// links to their segments; a dismissed finding counts in none; the missing final punctuation is
// said as such.
func TestEditorGroupsFindingsByCheck(t *testing.T) {
	t.Parallel()
	h := newHandler(t, &fakeStore{}, ruTranslator)
	rec := kittest.Do(h, "GET", "/workbench/editions/9/", "en", "")
	kittest.Says(t, "English editor", rec, 200, "Findings by check", "Numbers — 1 open finding · 1 blocking", "Spelling — 2 open findings",
		`<a href="#seg-21">1</a> <a href="#seg-23">3</a>`, "the translation has no final punctuation")
	page := rec.Body.String()
	if strings.Index(page, "Numbers —") > strings.Index(page, "Spelling —") {
		t.Error("the check with a blocking finding is not listed first")
	}
	if strings.Contains(page, "Punctuation —") {
		t.Error("a dismissed finding makes a group of its own")
	}
	kittest.Says(t, "Russian editor", kittest.Do(h, "GET", "/workbench/editions/9/", "ru", ""), 200,
		"Замечания по проверкам", "Орфография — 2 открытых замечания", "1 блокирующее")
}

// TestEditorLive: the live answer carries the state, the progress, the line beside the submit
// button and the findings by check, and the segments saved since the moment asked for, with
// their findings' real ids; every name in it is snake_case.
func TestEditorLive(t *testing.T) {
	t.Parallel()
	h := newHandler(t, &fakeStore{}, ruTranslator)
	page := kittest.Do(h, "GET", "/workbench/editions/9/", "en", "").Body.String()
	cursor := regexp.MustCompile(`data-cursor="([^"]+)"`).FindStringSubmatch(page)
	if cursor == nil || cursor[1] != "2026-05-04T08:30:00Z" || !strings.Contains(page, `data-live="/workbench/editions/9/live"`) {
		t.Fatalf("the editor does not say where and since when to follow it: %v", cursor)
	}
	rec := kittest.Do(h, "GET", "/workbench/editions/9/live?since="+cursor[1], "en", "")
	kittest.Says(t, "live", rec, 200)
	var raw map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &raw); err != nil {
		t.Fatal(err)
	}
	assertSnakeCase(t, "live", raw)
	var out liveEdition
	if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	if out.SubmitHint != "1 segment not confirmed · 1 blocking finding open" || out.ProgressText != "2 of 3 segments confirmed" ||
		out.Cursor != "2026-05-04T08:31:00Z" || out.StateLabel != "in review" || !out.Editable {
		t.Errorf("live = %+v", out)
	}
	if len(out.Segments) != 1 || out.Segments[0].ID != 23 || out.Segments[0].Version != 6 || out.Segments[0].Note != "Saved by marat" ||
		len(out.Segments[0].Findings) != 1 || out.Segments[0].Findings[0].ID != 505 || out.Segments[0].Open != 1 {
		t.Errorf("live segments = %+v", out.Segments)
	}
	if len(out.CheckGroups) != 2 || out.CheckGroups[0].Check != "number" || out.CheckGroups[1].Summary != "Spelling — 2 open findings" {
		t.Errorf("live check groups = %+v", out.CheckGroups)
	}

	ru := kittest.Do(h, "GET", "/workbench/editions/9/live", "ru", "")
	kittest.Says(t, "live in Russian, from the start", ru, 200, "1 сегмент не подтверждён", "Сохранил(а) marat")
	if err := json.Unmarshal(ru.Body.Bytes(), &out); err != nil || len(out.Segments) != 2 {
		t.Errorf("live from the start = %d segments, %v", len(out.Segments), err)
	}
	kittest.Says(t, "a bad since", kittest.Do(h, "GET", "/workbench/editions/9/live?since=yesterday", "en", ""), http.StatusBadRequest,
		"“yesterday” is not a moment in time")
	kittest.Says(t, "another language's edition", kittest.Do(newHandler(t, &fakeStore{}, kkTranslator), "GET", "/workbench/editions/9/live", "en", ""),
		http.StatusForbidden, "You do not translate into Русский")
	kittest.Says(t, "an edition that does not exist", kittest.Do(h, "GET", "/workbench/editions/8/live", "en", ""), http.StatusNotFound)
}

// TestRefusedSubmitRedirects: a refused submission sends the translator back to the editor,
// which shows the reason once; the browser is then on a page it can reload.
func TestRefusedSubmitRedirects(t *testing.T) {
	t.Parallel()
	h := newHandler(t, &fakeStore{}, ruTranslator)
	rec := kittest.Do(h, "POST", "/workbench/editions/9/submit", "en", "csrf=x")
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/workbench/editions/9/" {
		t.Fatalf("a refused submit = %d to %q, want 303 to the editor", rec.Code, rec.Header().Get("Location"))
	}
	kittest.Says(t, "the editor after it", kittest.Follow(t, h, rec, "en"), 200, `class="problem" role="alert">2 segments are not confirmed yet.`)
	if strings.Contains(kittest.Do(h, "GET", "/workbench/editions/9/", "en", "").Body.String(), `class="problem"`) {
		t.Error("the reason shows again on the next visit")
	}
}

// assertSnakeCase fails the test for any key of a JSON object, at any depth, that is not
// snake_case (Go field names such as By or Text).
func assertSnakeCase(t *testing.T, what string, v any) {
	t.Helper()
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if !snakeCase.MatchString(k) {
				t.Errorf("%s: key %q is not snake_case", what, k)
			}
			assertSnakeCase(t, what+"."+k, x)
		}
	case []any:
		for _, x := range v {
			assertSnakeCase(t, what, x)
		}
	}
}

var snakeCase = regexp.MustCompile(`^[a-z0-9]+(_[a-z0-9]+)*$`)

// TestEditorShowsDraftingInFlight: while the edition is being translated the editor and its live
// answer say how many segments have a draft, in the translator's language; translators may
// already work on the drafts that arrived.
func TestEditorShowsDraftingInFlight(t *testing.T) {
	t.Parallel()
	h := newHandler(t, &fakeStore{state: pipeline.StateTranslating}, ruTranslator)
	kittest.Says(t, "editor", kittest.Do(h, "GET", "/workbench/editions/9/", "en", ""), 200, `<span id="drafted">`,
		"translating", `data-state="translating"`)
	rec := kittest.Do(h, "GET", "/workbench/editions/9/live", "ru", "")
	var out liveEdition
	if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil || out.DraftedText != "Черновик готов для 3 из 3 сегментов" || !out.Editable {
		t.Errorf("live while translating = %+v, %v", out, err)
	}
}
