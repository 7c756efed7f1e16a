package kit_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"go.uber.org/goleak"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/internal/web/kit/kittest"
	"github.com/tilmash/tilmash/pipeline"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestErrorsTranslatedAtTheEdge: an error is a code and a message ID until it is answered, in
// the requester's language: JSON for the API and the pages' scripts, a page for a browser, with
// the plural form its count asks for; an error without a code gives away nothing.
func TestErrorsTranslatedAtTheEdge(t *testing.T) {
	t.Parallel()
	b := kittest.Base(t, "")
	limited := &pipeline.Error{Code: pipeline.CodeConflict, MessageID: "wb.submit.unconfirmed", Data: map[string]any{"Count": 3}}
	api := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { b.WriteError(w, r, limited) })
	kittest.Says(t, "JSON in English", kittest.Do(api, "GET", "/", "en", ""), http.StatusConflict,
		`"code":"conflict"`, "3 segments not confirmed")
	kittest.Says(t, "JSON in Russian", kittest.Do(api, "GET", "/", "ru", ""), http.StatusConflict, "3 сегмента не подтверждены")

	page := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { b.PageError(w, r, limited) })
	rec := kittest.Do(page, "GET", "/workbench/x", "ru", "")
	kittest.Says(t, "a page in Russian", rec, http.StatusConflict, `<html lang="ru">`, "<title>Что-то мешает", "3 сегмента не подтверждены")
	if rec.Header().Get("Content-Type") != "text/html; charset=utf-8" || rec.Header().Get("Cache-Control") != "no-store" {
		t.Errorf("error page headers %v", rec.Header())
	}
	kittest.Says(t, "a script's request gets JSON", kittest.Do(page, "PUT", "/workbench/x", "en", `{}`), http.StatusConflict,
		`"message":"3 segments not confirmed"`)

	// A conflicting save answers the current text with snake_case names, like every JSON body.
	conflict := &pipeline.Error{Code: pipeline.CodeConflict, MessageID: "error.segment_conflict",
		Data: map[string]any{"Text": "Их текст", "Version": 4, "By": "marat", "State": "edited"}}
	kittest.Says(t, "a conflict", kittest.Do(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { b.WriteError(w, r, conflict) }),
		"PUT", "/", "en", ""), http.StatusConflict, `"current":{"by":"marat","state":"edited","text":"Их текст","version":4}`)
	if got := kit.SnakeCase("UpdatedBy"); got != "updated_by" {
		t.Errorf("SnakeCase(UpdatedBy) = %q", got)
	}

	// A page that does not exist is titled so, and says more than "Not found.".
	kittest.Says(t, "not found", kittest.Do(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b.PageError(w, r, &pipeline.Error{Code: pipeline.CodeNotFound, MessageID: "error.not_found"})
	}), "GET", "/workbench/x", "en", ""), http.StatusNotFound, "<title>Page not found", "There is no such page here")

	secret := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b.WriteError(w, r, errors.New("dial tcp 10.0.0.5:5432: password authentication failed"))
	})
	rec = kittest.Do(secret, "GET", "/", "en", "")
	if rec.Code != http.StatusInternalServerError || strings.Contains(rec.Body.String(), "10.0.0.5") {
		t.Errorf("an internal error = %d:\n%s", rec.Code, rec.Body.String())
	}
}

// TestInputRefusedAtTheDoor: a value that cannot be stored as sent is refused before any handler
// runs, in the requester's language, by the area's own error display.
func TestInputRefusedAtTheDoor(t *testing.T) {
	t.Parallel()
	b := kittest.Base(t, "")
	reached := 0
	h := kit.GuardInput(kit.PageInputLimits, b.WriteError)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reached++
		w.WriteHeader(http.StatusNoContent)
	}))
	kittest.Says(t, "NUL in a form, English", kittest.Do(h, "POST", "/", "en", "reason=a%00b"), http.StatusBadRequest,
		"“reason” contains a NUL character")
	kittest.Says(t, "NUL in a form, Russian", kittest.Do(h, "POST", "/", "ru", "reason=a%00b"), http.StatusBadRequest,
		"Поле «reason» содержит символ NUL")
	kittest.Says(t, "an escaped NUL in JSON", kittest.Do(h, "POST", "/", "ru", "{\"text\":\n\"a\\u0000\"}"), http.StatusBadRequest,
		"в строке 2")
	kittest.Says(t, "a control character in a query", kittest.Do(h, "GET", "/?q=a%07", "en", ""), http.StatusBadRequest,
		"“q” contains the control character U+0007")
	if reached != 0 {
		t.Errorf("the handler ran %d times", reached)
	}
	if rec := kittest.Do(h, "POST", "/", "en", "comment=line+one%0Aline+two"); rec.Code != http.StatusNoContent || reached != 1 {
		t.Errorf("a comment over two lines = %d", rec.Code)
	}
}

// TestLanguageOfARequest: the remembered choice first, then Accept-Language mapped onto the four
// languages, then English; a signed-in person's pick overrides the browser on their pages.
func TestLanguageOfARequest(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		accept, cookie string
		want           pipeline.Lang
	}{
		{"", "", pipeline.English},
		{"uk-UA,uk;q=0.9", "", pipeline.Russian},
		{"zh-TW", "", pipeline.Chinese},
		{"kk", "", pipeline.Kazakh},
		{"de", "", pipeline.English},
		{"ru", "zh", pipeline.Chinese},
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.Header.Set("Accept-Language", tc.accept)
		if tc.cookie != "" {
			r.AddCookie(&http.Cookie{Name: kit.LangCookie, Value: tc.cookie})
		}
		if got := kit.PreferredLang(r); got != tc.want {
			t.Errorf("Accept-Language %q, cookie %q: %s, want %s", tc.accept, tc.cookie, got, tc.want)
		}
	}
	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Set("Accept-Language", "ru")
	r = r.WithContext(kit.WithSession(r.Context(), &pipeline.Session{User: pipeline.User{Name: "olga"}, UILang: pipeline.Kazakh}))
	if kit.UILang(r) != pipeline.Kazakh || kit.User(r).Name != "olga" {
		t.Errorf("signed in: %s, %v", kit.UILang(r), kit.User(r))
	}
}
