package library

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/internal/web/kit/kittest"
	"github.com/tilmash/tilmash/pipeline"
)

// fakeStore holds one memory entry and one concept; any method the tests do not reach panics
// through the nil Store it embeds.
type fakeStore struct {
	Store
	entry   pipeline.MemoryView
	saved   []pipeline.Concept
	queries []pipeline.MemoryQuery
}

var used = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

func newFake() *fakeStore {
	article := int64(7)
	return &fakeStore{entry: pipeline.MemoryView{MemoryEntry: pipeline.MemoryEntry{ID: 5, SourceLang: pipeline.English,
		TargetLang: pipeline.Russian, Source: "Trade grew.", Target: "Торговля выросла.", ArticleID: &article, CreatedBy: "olga",
		UpdatedAt: used}, ArticleTitle: "A new rail corridor", UseCount: 3, LastUsedAt: &used, Version: 2}}
}

func (f *fakeStore) FindMemoryEntries(_ context.Context, q pipeline.MemoryQuery) ([]pipeline.MemoryView, bool, error) {
	f.queries = append(f.queries, q)
	if q.Offset > 0 { // a second page, with more after it
		return []pipeline.MemoryView{f.entry}, true, nil
	}
	return []pipeline.MemoryView{f.entry}, false, nil
}

func (f *fakeStore) FindMemoryEntry(_ context.Context, id int64) (pipeline.MemoryView, error) {
	if id != f.entry.ID {
		return pipeline.MemoryView{}, kit.ErrNotFound
	}
	return f.entry, nil
}

func (f *fakeStore) UpdateMemoryEntry(_ context.Context, e pipeline.MemoryEdit) (pipeline.MemoryView, error) {
	if e.Version != f.entry.Version {
		return pipeline.MemoryView{}, &pipeline.Error{Code: pipeline.CodeConflict, MessageID: "find.memory.conflict"}
	}
	f.entry.Target, f.entry.Version = e.Target, f.entry.Version+1
	return f.entry, nil
}

func (f *fakeStore) FindConceptPage(_ context.Context, text string, limit, offset int) ([]pipeline.Concept, int, error) {
	return []pipeline.Concept{{ID: 3, Terms: map[pipeline.Lang]string{pipeline.English: "Belt and Road", pipeline.Russian: "«Пояс и путь»"},
		Forbidden: map[pipeline.Lang][]string{pipeline.Russian: {"Один пояс"}}, DoNotTranslate: false}}, 1, nil
}

var conceptChanged = time.Date(2026, 3, 1, 8, 0, 0, 123456000, time.UTC)

func (f *fakeStore) FindConcept(_ context.Context, id int64) (pipeline.Concept, error) {
	if id != 3 {
		return pipeline.Concept{}, kit.ErrNotFound
	}
	return pipeline.Concept{ID: 3, Terms: map[pipeline.Lang]string{pipeline.English: "Belt and Road"}, UpdatedAt: conceptChanged}, nil
}

func (f *fakeStore) UpdateConceptSeen(_ context.Context, c pipeline.Concept, seen time.Time) (pipeline.Concept, error) {
	if !seen.Equal(conceptChanged) {
		return c, &pipeline.Error{Code: pipeline.CodeConflict, MessageID: "find.terms.conflict"}
	}
	f.saved = append(f.saved, c)
	return c, nil
}

func (f *fakeStore) SaveConcept(_ context.Context, c pipeline.Concept) (pipeline.Concept, error) {
	f.saved = append(f.saved, c)
	return c, nil
}

var (
	editor     = &pipeline.Session{User: pipeline.User{ID: 1, Name: "dana", Role: pipeline.RoleEditor}, CSRFToken: "x"}
	translator = &pipeline.Session{User: pipeline.User{ID: 2, Name: "olga", Role: pipeline.RoleTranslator,
		Langs: []pipeline.Lang{pipeline.Russian}}, CSRFToken: "x"}
)

func newHandler(t *testing.T, store Store, sess *pipeline.Session) http.Handler {
	t.Helper()
	h, err := New(kittest.Base(t, ""), store)
	if err != nil {
		t.Fatal(err)
	}
	r := chi.NewRouter()
	r.Route(libraryBase, func(r chi.Router) {
		r.Use(kittest.SignedIn(sess))
		h.Routes(r)
	})
	return r
}

// TestMemoryBrowserInFourLanguages: the browser shows an entry's provenance and usage in the
// editor's language, and passes the search on.
func TestMemoryBrowserInFourLanguages(t *testing.T) {
	t.Parallel()
	store := newFake()
	h := newHandler(t, store, editor)
	for lang, want := range map[string][]string{
		"en": {"<title>Translation memory", "1 entry", "3 times, last March 2, 2026", "A new rail corridor", "olga"},
		"ru": {"<title>Память переводов", "1 запись", "3 раза, последний — 2 марта 2026 г."},
		"kk": {"<title>Аударма жады", "1 жазба", "3 рет"},
		"zh": {"<title>翻译记忆库", "1 个条目", "3 次"},
	} {
		kittest.Says(t, lang+" memory", kittest.Do(h, "GET", "/workbench/library/memory/?source=en&target=ru&q=trade&in=target", lang, ""), 200, want...)
	}
	if q := store.queries[0]; q.Source != pipeline.English || q.Target != pipeline.Russian || q.Text != "trade" || !q.InTarget || q.Limit != pageSize {
		t.Errorf("query = %+v", q)
	}
	kittest.Says(t, "second page", kittest.Do(h, "GET", "/workbench/library/memory/?source=en&target=ru&page=2", "ru", ""), 200,
		"Записи 26–26", "Страница 2", `href="/workbench/library/memory/?page=3&amp;source=en&amp;target=ru"`,
		`href="/workbench/library/memory/?source=en&amp;target=ru"`)
	kittest.Says(t, "unknown language", kittest.Do(h, "GET", "/workbench/library/memory/?source=xx", "en", ""), http.StatusBadRequest)
	kittest.Says(t, "bad page", kittest.Do(h, "GET", "/workbench/library/memory/?page=0", "en", ""), http.StatusBadRequest)
	kittest.Says(t, "long text", kittest.Do(h, "GET", "/workbench/library/memory/?q="+strings.Repeat("a", 201), "en", ""), http.StatusBadRequest)
}

// TestMemoryEditConflictKeepsBothTexts: a save based on an old version is refused with 409; the
// page shows the entry as it is now and keeps the editor's text in the form.
func TestMemoryEditConflictKeepsBothTexts(t *testing.T) {
	t.Parallel()
	store := newFake()
	h := newHandler(t, store, editor)
	kittest.Says(t, "entry", kittest.Do(h, "GET", "/workbench/library/memory/5", "ru", ""), 200, `name="version" value="2"`, "Торговля выросла.")
	rec := kittest.Do(h, "POST", "/workbench/library/memory/5", "en", "version=2&source=Trade+grew.&target=Торговля+росла.")
	if rec.Code != http.StatusSeeOther || !strings.HasPrefix(rec.Header().Get("Location"), memoryPath) {
		t.Fatalf("save = %d to %q", rec.Code, rec.Header().Get("Location"))
	}
	kittest.Says(t, "stale save", kittest.Do(h, "POST", "/workbench/library/memory/5", "ru", "version=2&source=Trade+grew.&target=Мой+текст"),
		http.StatusConflict, "Пока вы правили запись", "Торговля росла.", "Мой текст", `name="version" value="3"`)
	kittest.Says(t, "no such entry", kittest.Do(h, "GET", "/workbench/library/memory/99", "en", ""), http.StatusNotFound)
	kittest.Says(t, "bad id", kittest.Do(h, "GET", "/workbench/library/memory/x", "en", ""), http.StatusNotFound)
}

// TestTranslatorsReadTheTermbaseOnly: as in the API, translators may list the termbase but not
// change it, and may not open the memory browser.
func TestTranslatorsReadTheTermbaseOnly(t *testing.T) {
	t.Parallel()
	store := newFake()
	h := newHandler(t, store, translator)
	rec := kittest.Do(h, "GET", "/workbench/library/terms/", "kk", "")
	kittest.Says(t, "termbase", rec, 200, "<title>Терминдер қоры", "Belt and Road", "Один пояс", "1 ұғым")
	if strings.Contains(rec.Body.String(), "/workbench/library/terms/new") {
		t.Error("a translator is offered to add a concept")
	}
	kittest.Says(t, "memory", kittest.Do(h, "GET", "/workbench/library/memory/", "ru", ""), http.StatusForbidden,
		"только редакторы и администраторы")
	kittest.Says(t, "new concept", kittest.Do(h, "POST", "/workbench/library/terms/", "en", "term_en=x"), http.StatusForbidden)
	kittest.Says(t, "delete concept", kittest.Do(h, "POST", "/workbench/library/terms/3/delete", "en", ""), http.StatusForbidden)
	if len(store.saved) != 0 {
		t.Error("a translator's concept was saved")
	}
}

// TestConceptForm: the form's fields become a concept with its forbidden variants and flag; a
// concept without a term comes back with the reason, in the editor's language.
func TestConceptForm(t *testing.T) {
	t.Parallel()
	store := newFake()
	h := newHandler(t, store, editor)
	for lang, title := range map[string]string{"en": "New concept", "ru": "Новое понятие", "kk": "Жаңа ұғым", "zh": "新概念"} {
		kittest.Says(t, lang+" form", kittest.Do(h, "GET", "/workbench/library/terms/new", lang, ""), 200, "<title>"+title)
	}
	rec := kittest.Do(h, "POST", "/workbench/library/terms/", "en",
		"term_en=Silk+Road&term_ru=Шёлковый+путь&forbidden_ru=Шелковый+путь+|+Великий+путь&do_not_translate=1&note=")
	if rec.Code != http.StatusSeeOther || len(store.saved) != 1 {
		t.Fatalf("save = %d, saved %d", rec.Code, len(store.saved))
	}
	c := store.saved[0]
	if c.Terms[pipeline.Russian] != "Шёлковый путь" || len(c.Forbidden[pipeline.Russian]) != 2 || c.Forbidden[pipeline.Russian][1] != "Великий путь" || !c.DoNotTranslate {
		t.Errorf("saved %+v", c)
	}
	kittest.Says(t, "too long", kittest.Do(h, "POST", "/workbench/library/terms/", "ru", "term_en="+strings.Repeat("a", 501)),
		http.StatusBadRequest, "слишком длинн")
}

// TestConceptEditConflict: a change based on an older state of the concept is refused with 409,
// shows the concept as it is now and keeps the editor's input; saving again with the new state
// goes through.
func TestConceptEditConflict(t *testing.T) {
	t.Parallel()
	store := newFake()
	h := newHandler(t, store, editor)
	seen := conceptChanged.Format(seenLayout)
	kittest.Says(t, "form", kittest.Do(h, "GET", "/workbench/library/terms/3", "en", ""), 200, `name="seen" value="`+seen+`"`, "Belt and Road")
	kittest.Says(t, "stale", kittest.Do(h, "POST", "/workbench/library/terms/3", "ru", "seen=2026-01-01T00:00:00Z&term_en=Belt+and+Road+Initiative"),
		http.StatusConflict, "его изменил кто-то другой", `value="Belt and Road Initiative"`, `name="seen" value="`+seen+`"`)
	if len(store.saved) != 0 {
		t.Fatal("a stale change was saved")
	}
	rec := kittest.Do(h, "POST", "/workbench/library/terms/3", "en", "seen="+url.QueryEscape(seen)+"&term_en=Belt+and+Road+Initiative")
	if rec.Code != http.StatusSeeOther || len(store.saved) != 1 || store.saved[0].ID != 3 {
		t.Fatalf("save on the current state = %d, saved %+v", rec.Code, store.saved)
	}
}
