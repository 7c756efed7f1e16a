package accounts

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"
	"go.uber.org/goleak"

	"github.com/tilmash/tilmash/internal/argon2id"
	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/internal/web/kit/kittest"
	"github.com/tilmash/tilmash/locales"
	"github.com/tilmash/tilmash/pipeline"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// fakeStore keeps accounts in memory and records what the handlers ask of it.
type fakeStore struct {
	mu        sync.Mutex
	users     map[string]pipeline.User
	hashes    map[string]string
	wait      time.Duration // what ReserveSignin answers
	succeeded []string
	sessions  map[string]int64
	uiLang    map[int64]pipeline.Lang
}

func newFakeStore() *fakeStore {
	created := time.Date(2026, 3, 8, 10, 0, 0, 0, time.UTC)
	return &fakeStore{users: map[string]pipeline.User{
		"aigerim": {ID: 1, Name: "aigerim", Role: pipeline.RoleTranslator, Langs: []pipeline.Lang{pipeline.Kazakh}, CreatedAt: created},
		"boss":    {ID: 2, Name: "boss", Role: pipeline.RoleAdmin, CreatedAt: created},
	}, hashes: map[string]string{}, sessions: map[string]int64{}, uiLang: map[int64]pipeline.Lang{}}
}

func (f *fakeStore) FindUserByName(_ context.Context, name string) (pipeline.User, string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	u, ok := f.users[name]
	if !ok {
		return u, "", &pipeline.Error{Code: pipeline.CodeNotFound, MessageID: "error.not_found"}
	}
	return u, f.hashes[name], nil
}

func (f *fakeStore) FindUsers(context.Context) ([]pipeline.User, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return []pipeline.User{f.users["aigerim"], f.users["boss"]}, nil
}

func (f *fakeStore) CreateUser(_ context.Context, u pipeline.User, hash string) (pipeline.User, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, ok := f.users[u.Name]; ok {
		return u, &pipeline.Error{Code: pipeline.CodeConflict, MessageID: "error.user_exists"}
	}
	u.ID = int64(len(f.users) + 1)
	f.users[u.Name], f.hashes[u.Name] = u, hash
	return u, nil
}

func (f *fakeStore) SetUILang(_ context.Context, userID int64, lang pipeline.Lang) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.uiLang[userID] = lang
	return nil
}

func (f *fakeStore) ReserveSignin(context.Context, string, string, pipeline.SigninPolicy) (int64, time.Duration, error) {
	return 7, f.wait, nil
}

func (f *fakeStore) ReleaseSignin(context.Context, int64) error { return nil }

func (f *fakeStore) SigninSucceeded(_ context.Context, _ int64, name, _ string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.succeeded = append(f.succeeded, name)
	return nil
}

func (f *fakeStore) CreateSession(_ context.Context, userID int64, _ time.Duration) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.sessions["session-token"] = userID
	return "session-token", nil
}

func (f *fakeStore) DeleteSession(_ context.Context, token string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.sessions, token)
	return nil
}

// newHandler mounts the accounts as the router does, with sess (if any) signed in.
func newHandler(t *testing.T, store Store, sess *pipeline.Session) http.Handler {
	t.Helper()
	bundle, err := locales.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	base, err := kit.New(bundle, slog.New(slog.NewTextHandler(io.Discard, nil)), "")
	if err != nil {
		t.Fatal(err)
	}
	h, err := New(base, store)
	if err != nil {
		t.Fatal(err)
	}
	r := chi.NewRouter()
	r.Route("/workbench", func(r chi.Router) {
		h.SigninRoutes(r)
		r.Group(func(r chi.Router) {
			r.Use(func(next http.Handler) http.Handler {
				return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
					if sess != nil {
						r = r.WithContext(kit.WithSession(r.Context(), sess))
					}
					next.ServeHTTP(w, r)
				})
			})
			h.Routes(r)
		})
	})
	return r
}

// post sends a sign-in form with the double-submitted token, in lang.
func post(h http.Handler, path, lang string, form url.Values) *httptest.ResponseRecorder {
	form.Set("csrf", strings.Repeat("t", 43))
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept-Language", lang)
	req.AddCookie(&http.Cookie{Name: signinCSRFCookie, Value: strings.Repeat("t", 43)})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func get(h http.Handler, path, lang string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.Header.Set("Accept-Language", lang)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func contains(t *testing.T, what string, rec *httptest.ResponseRecorder, status int, want ...string) {
	t.Helper()
	if rec.Code != status {
		t.Errorf("%s = %d, want %d:\n%s", what, rec.Code, status, rec.Body.String())
	}
	for _, w := range want {
		if !strings.Contains(rec.Body.String(), w) {
			t.Errorf("%s does not say %q:\n%s", what, w, rec.Body.String())
		}
	}
}

// TestSigninSpeaksTheVisitorsLanguage: the form, its refusals and the wait it imposes read in
// the browser's language, plural forms included.
func TestSigninSpeaksTheVisitorsLanguage(t *testing.T) {
	t.Parallel()
	store := newFakeStore()
	h := newHandler(t, store, nil)

	rec := get(h, "/workbench/signin", "en")
	contains(t, "English sign-in form", rec, 200, "<title>Sign in", "User name")
	if !strings.Contains(rec.Header().Get("Set-Cookie"), signinCSRFCookie+"=") {
		t.Error("the sign-in form sets no token cookie")
	}
	contains(t, "Russian sign-in form", get(h, "/workbench/signin", "ru"), 200, "<title>Вход", "Имя пользователя")
	contains(t, "Kazakh sign-in form chosen on the page", get(h, "/workbench/signin?lang=kk", "ru"), 200, `<html lang="kk-Cyrl">`, "Кіру")

	req := httptest.NewRequest(http.MethodPost, "/workbench/signin", strings.NewReader("name=a&password=b"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept-Language", "ru")
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	contains(t, "sign-in without its token", rec, http.StatusForbidden, "Срок действия формы истёк")

	contains(t, "English sign-in without a password", post(h, "/workbench/signin", "en", url.Values{"name": {"aigerim"}}),
		http.StatusBadRequest, "Enter your user name and password.")
	contains(t, "Russian sign-in without a password", post(h, "/workbench/signin", "ru", url.Values{"name": {"aigerim"}}),
		http.StatusBadRequest, "Введите имя пользователя и пароль.")

	store.wait = 5 * time.Second
	rec = post(h, "/workbench/signin", "en", url.Values{"name": {"aigerim"}, "password": {"guess"}})
	contains(t, "English sign-in past the limit", rec, http.StatusTooManyRequests, "Try again in 5 seconds.")
	if rec.Header().Get("Retry-After") != "5" {
		t.Errorf("Retry-After %q", rec.Header().Get("Retry-After"))
	}
	contains(t, "Russian sign-in past the limit", post(h, "/workbench/signin", "ru", url.Values{"name": {"aigerim"}, "password": {"guess"}}),
		http.StatusTooManyRequests, "Попробуйте снова через 5 секунд.")
}

// TestSigninChecksThePassword: a wrong password reads the same as an unknown name; the right one
// starts a session and goes where the visitor was going.
func TestSigninChecksThePassword(t *testing.T) {
	t.Parallel()
	store := newFakeStore()
	hash, err := argon2id.Hash("correct horse")
	if err != nil {
		t.Fatal(err)
	}
	store.hashes["aigerim"] = hash
	h := newHandler(t, store, nil)
	contains(t, "wrong password", post(h, "/workbench/signin", "ru", url.Values{"name": {"aigerim"}, "password": {"battery staple"}}),
		http.StatusUnauthorized, "Неверное имя пользователя или пароль.")
	rec := post(h, "/workbench/signin", "en", url.Values{"name": {"aigerim"}, "password": {"correct horse"},
		"next": {"/workbench/editions/4/"}})
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/workbench/editions/4/" {
		t.Fatalf("right password = %d to %q", rec.Code, rec.Header().Get("Location"))
	}
	if c := rec.Result().Cookies(); len(c) == 0 || c[0].Name != kit.SessionCookie || c[0].Value != "session-token" {
		t.Errorf("cookies after signing in: %v", c)
	}
	if len(store.succeeded) != 1 || store.succeeded[0] != "aigerim" {
		t.Errorf("successful sign-ins recorded: %v", store.succeeded)
	}
}

// TestAdminUsersInTheUsersLanguage: an administrator reads the accounts in the language they
// picked; a translator is refused in theirs.
func TestAdminUsersInTheUsersLanguage(t *testing.T) {
	t.Parallel()
	store := newFakeStore()
	admin := &pipeline.Session{User: store.users["boss"], CSRFToken: "x", UILang: pipeline.Russian}
	contains(t, "Russian users page", get(newHandler(t, store, admin), "/workbench/admin/users", "en"), 200,
		"<title>Пользователи", "Переводчик", "Қазақша", "8 марта 2026 г.")
	admin.UILang = ""
	contains(t, "English users page", get(newHandler(t, store, admin), "/workbench/admin/users?created=nurlan", "en"), 200,
		"<title>Users", "Translator", "March 8, 2026", "User nurlan was created.")
	translator := &pipeline.Session{User: store.users["aigerim"], CSRFToken: "x"}
	contains(t, "a translator on the users page", get(newHandler(t, store, translator), "/workbench/admin/users", "ru"),
		http.StatusForbidden, "У вас нет прав на это действие.")

	h := newHandler(t, store, admin)
	rec := post(h, "/workbench/admin/users", "ru", url.Values{"name": {"bad name"},
		"role": {"editor"}, "password": {"long enough"}})
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/workbench/admin/users" {
		t.Fatalf("a refused account = %d to %q, want a redirect back to the page", rec.Code, rec.Header().Get("Location"))
	}
	back := kittest.Follow(t, h, rec, "ru")
	contains(t, "an invalid name", back, http.StatusOK, "Имя — до 64 латинских букв", `value="bad name"`)
	if strings.Contains(back.Body.String(), "long enough") {
		t.Error("the refused form comes back with the password")
	}
}
