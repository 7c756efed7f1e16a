package api

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"
	"go.uber.org/goleak"

	"github.com/tilmash/tilmash/internal/web/kit/kittest"
	"github.com/tilmash/tilmash/pipeline"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// fakeStore keeps articles in memory; any method the tests do not reach panics through the nil
// Store it embeds.
type fakeStore struct {
	Store
	articles []pipeline.Article
	created  []pipeline.NewArticle
}

func (f *fakeStore) FindArticles(context.Context, int, int) ([]pipeline.Article, error) {
	return f.articles, nil
}

func (f *fakeStore) FindArticleByID(_ context.Context, id int64) (pipeline.Article, error) {
	for _, a := range f.articles {
		if a.ID == id {
			return a, nil
		}
	}
	return pipeline.Article{}, &pipeline.Error{Code: pipeline.CodeNotFound, MessageID: "error.not_found"}
}

func (f *fakeStore) FindEditions(_ context.Context, id int64) ([]pipeline.Edition, error) {
	var out []pipeline.Edition
	for i, l := range pipeline.Languages {
		out = append(out, pipeline.Edition{ID: id*10 + int64(i), ArticleID: id, Lang: l, IsSource: i == 0, State: pipeline.StateTranslating})
	}
	return out, nil
}

func (f *fakeStore) CreateArticle(_ context.Context, in pipeline.NewArticle) (pipeline.Article, error) {
	f.created = append(f.created, in)
	a := pipeline.Article{ID: int64(len(f.articles) + 1), Slug: in.Request.Slug, Title: "Title", SourceLang: in.Request.SourceLang,
		CreatedAt: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	f.articles = append(f.articles, a)
	return a, nil
}

var (
	editor     = &pipeline.Session{User: pipeline.User{ID: 1, Name: "dana", Role: pipeline.RoleEditor}}
	translator = &pipeline.Session{User: pipeline.User{ID: 2, Name: "olga", Role: pipeline.RoleTranslator,
		Langs: []pipeline.Lang{pipeline.Russian}}}
)

// newHandler mounts the API as the router does, with the token's user (here a session's) known.
func newHandler(t *testing.T, store Store, as *pipeline.Session) http.Handler {
	t.Helper()
	prepare := func(req pipeline.IngestRequest, maxBytes int) (pipeline.NewArticle, error) {
		if len(req.Text) > maxBytes {
			return pipeline.NewArticle{}, &pipeline.Error{Code: pipeline.CodeTooLarge, MessageID: "error.body_too_large"}
		}
		return pipeline.NewArticle{Request: req}, nil
	}
	h := New(kittest.Base(t, ""), Config{Store: store, Prepare: prepare, MaxBodyBytes: 1000})
	r := chi.NewRouter()
	r.Route("/api/v1", func(r chi.Router) {
		r.Use(kittest.SignedIn(as))
		h.Routes(r)
	})
	return r
}

// message reads the error message of an API answer.
func message(t *testing.T, body []byte) string {
	t.Helper()
	var e struct {
		Error struct{ Code, Message string } `json:"error"`
	}
	if err := json.Unmarshal(body, &e); err != nil {
		t.Fatalf("not an API error: %v\n%s", err, body)
	}
	return e.Error.Message
}

// TestAPIErrorsInTheRequestersLanguage: every refusal is JSON with its message in the language
// of Accept-Language.
func TestAPIErrorsInTheRequestersLanguage(t *testing.T) {
	t.Parallel()
	store := &fakeStore{}
	ed, tr := newHandler(t, store, editor), newHandler(t, store, translator)
	for _, tc := range []struct {
		what         string
		h            http.Handler
		method, path string
		body         string
		status       int
		en, ru       string
	}{
		{"an unknown article", ed, "GET", "/api/v1/articles/7", "", http.StatusNotFound, "Not found.", "Не найдено."},
		{"an unknown route", ed, "GET", "/api/v1/nothing", "", http.StatusNotFound, "Not found.", "Не найдено."},
		{"a translator posting an article", tr, "POST", "/api/v1/articles", `{"text": "x", "source_lang": "en"}`,
			http.StatusForbidden, "You are not allowed to do this.", "У вас нет прав на это действие."},
		{"an article without its language", ed, "POST", "/api/v1/articles", `{"text": "x"}`,
			http.StatusBadRequest, "The field “source_lang” is required.", "Поле «source_lang» обязательно."},
		{"an article in an unknown language", ed, "POST", "/api/v1/articles", `{"text": "x", "source_lang": "xx"}`,
			http.StatusBadRequest, "Unknown language “xx”: use en, ru, kk or zh.", "Неизвестный язык «xx»: используйте en, ru, kk или zh."},
		{"broken JSON", ed, "POST", "/api/v1/articles", `{"text": `,
			http.StatusBadRequest, "The request body is not valid JSON", "Тело запроса — некорректный JSON"},
	} {
		for lang, want := range map[string]string{"en": tc.en, "ru": tc.ru} {
			rec := kittest.Do(tc.h, tc.method, tc.path, lang, tc.body)
			if rec.Code != tc.status || rec.Header().Get("Content-Type") != "application/json; charset=utf-8" {
				t.Errorf("%s in %s = %d %q", tc.what, lang, rec.Code, rec.Header().Get("Content-Type"))
			}
			if got := message(t, rec.Body.Bytes()); len(got) < len(want) || got[:len(want)] != want {
				t.Errorf("%s in %s says %q, want %q", tc.what, lang, got, want)
			}
		}
	}
	if len(store.created) != 0 {
		t.Errorf("refused articles were stored: %+v", store.created)
	}
}

// TestArticleCreated: an editor's article is prepared, stored and answered with its four
// editions and its address.
func TestArticleCreated(t *testing.T) {
	t.Parallel()
	store := &fakeStore{}
	h := newHandler(t, store, editor)
	rec := kittest.Do(h, "POST", "/api/v1/articles", "en", `{"text": "A title\n\nA sentence.", "source_lang": "ru", "slug": "s"}`)
	if rec.Code != http.StatusCreated || rec.Header().Get("Location") != "/api/v1/articles/1" {
		t.Fatalf("create = %d at %q:\n%s", rec.Code, rec.Header().Get("Location"), rec.Body.String())
	}
	var a articleJSON
	if err := json.Unmarshal(rec.Body.Bytes(), &a); err != nil || a.SourceLang != pipeline.Russian || len(a.Editions) != 4 {
		t.Errorf("created %+v (%v)", a, err)
	}
	if len(store.created) != 1 || store.created[0].Request.CreatedBy != "dana" || store.created[0].Request.Slug != "s" {
		t.Errorf("stored %+v", store.created)
	}
	kittest.Says(t, "the list", kittest.Do(h, "GET", "/api/v1/articles", "", ""), 200, `"slug":"s"`, `"source_lang":"ru"`)
}
