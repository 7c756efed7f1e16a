package main

import (
	"fmt"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

// reviewEdition ingests the sample article, waits until its translations are in review and
// returns the article ID and the Russian edition's ID.
func reviewEdition(t *testing.T, env *testEnv) (articleID, ruEdition, enEdition int64) {
	t.Helper()
	sample, err := os.ReadFile("../../samples/party-cooperation-china-central-asia.txt")
	if err != nil {
		t.Fatal(err)
	}
	art := env.users["ed"].must("POST", "/api/v1/articles", map[string]any{"text": string(sample), "format": "text",
		"source_lang": "en", "slug": "wb-" + strings.ToLower(t.Name())}, 201)
	articleID = int64(art["id"].(float64))
	env.waitFor(t, articleID, "review", func(s map[pipeline.Lang]string) bool { return s["ru"] == "in_review" })
	eds, err := env.app.store.FindEditions(t.Context(), articleID)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range eds {
		switch e.Lang {
		case pipeline.Russian:
			ruEdition = e.ID
		case pipeline.English:
			enEdition = e.ID
		}
	}
	return articleID, ruEdition, enEdition
}

var segIDs = regexp.MustCompile(`data-seg="(\d+)" data-version="(\d+)"`)

// TestWorkbenchOverHTTP drives the workbench as a browser without script would, and as the page's
// script does with JSON: sign-in, rate limit, permissions, saves and conflicts, comments, history,
// administration, interface language and submission.
func TestWorkbenchOverHTTP(t *testing.T) {
	t.Parallel()
	env := start(t, "pseudo")
	store := env.app.store
	ruName, kkName := "ru-"+t.Name(), "kk-"+t.Name()
	setPassword(t, store, ruName, "ru-password-1")
	setPassword(t, store, kkName, "kk-password-1")
	base := env.srv.URL
	articleID, ruID, enID := reviewEdition(t, env)
	edPath := fmt.Sprintf("/workbench/editions/%d/", ruID)

	// Not signed in: pages lead to the sign-in form, scripts get 401.
	anon := newWBClient(t, base)
	req, _ := http.NewRequest("GET", base+edPath, nil)
	if code, _, loc := anon.do(req); code != http.StatusSeeOther || !strings.HasPrefix(loc, "/workbench/signin?next=") {
		t.Fatalf("anonymous editor = %d %q", code, loc)
	}
	if code, _ := anon.json("PUT", edPath+"segments/1", map[string]any{"text": "x", "version": 1}); code != 401 {
		t.Fatalf("anonymous save = %d", code)
	}

	// Wrong passwords read the same for unknown and known names, and lock the name after five.
	probe := newWBClient(t, base)
	code, page, _ := probe.signIn("nobody-here", "whatever-1")
	if code != 401 || !strings.Contains(page, "The user name or password is wrong.") {
		t.Fatalf("unknown user = %d", code)
	}
	for i := 0; i < 5; i++ {
		if code, _, _ := probe.signIn(kkName, "wrong-password"); code != 401 {
			t.Fatalf("wrong password %d = %d", i, code)
		}
	}
	if code, page, _ := probe.signIn(kkName, "kk-password-1"); code != 429 || !strings.Contains(page, "Too many failed sign-ins") {
		t.Fatalf("sixth attempt = %d, want 429", code)
	}
	if _, err := env.app.db.pool.Exec(t.Context(), `DELETE FROM signin_failures`); err != nil {
		t.Fatal(err)
	}

	// The session cookie is HttpOnly and SameSite; the sign-in form without its token is refused.
	raw := newWBClient(t, base)
	_, form := raw.get("/workbench/signin")
	tok := csrfField.FindStringSubmatch(form)[1]
	req, _ = http.NewRequest("POST", base+"/workbench/signin", strings.NewReader(url.Values{"csrf": {tok}, "name": {ruName}, "password": {"ru-password-1"}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	res, err := raw.hc.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	cookie := strings.Join(res.Header.Values("Set-Cookie"), "\n")
	if !strings.Contains(cookie, "tilmash_session=") || !strings.Contains(cookie, "HttpOnly") || !strings.Contains(cookie, "SameSite=Lax") {
		t.Fatalf("session cookie: %s", cookie)
	}
	if code, _, _ := newWBClient(t, base).postForm("/workbench/signin", url.Values{"name": {ruName}, "password": {"ru-password-1"}}); code != 403 {
		t.Fatalf("sign-in without token = %d", code)
	}

	ru := signIn(t, base, ruName, "ru-password-1")
	kk := signIn(t, base, kkName, "kk-password-1")

	// The queue lists the Russian edition for the Russian translator only.
	_, q := ru.get("/workbench/")
	if !strings.Contains(q, edPath) || !strings.Contains(q, "segments confirmed") {
		t.Fatalf("Russian queue lacks the edition:\n%s", q)
	}
	if _, q := kk.get("/workbench/"); strings.Contains(q, edPath) {
		t.Fatal("the Kazakh translator's queue lists the Russian edition")
	}

	// The editor shows every segment; the Kazakh translator and the source edition are refused.
	code, page = ru.get(edPath)
	segs := segIDs.FindAllStringSubmatch(page, -1)
	if code != 200 || len(segs) < 20 {
		t.Fatalf("editor = %d with %d segments", code, len(segs))
	}
	if code, page := kk.get(edPath); code != 403 || !strings.Contains(page, "You do not translate into Русский") {
		t.Fatalf("Kazakh translator on the Russian editor = %d", code)
	}

	// Saving: the token is required, a confirmation counts, a stale version conflicts.
	seg := segs[0][1]
	save := edPath + "segments/" + seg
	noToken := *ru
	noToken.csrf = ""
	if code, _ := noToken.json("PUT", save, map[string]any{"text": "x", "version": 1}); code != 403 {
		t.Fatalf("save without CSRF token = %d", code)
	}
	if code, out := kk.json("PUT", save, map[string]any{"text": "x", "version": 1}); code != 403 {
		t.Fatalf("Kazakh translator's save = %d %v", code, out)
	}
	v := atoi(segs[0][2])
	code, out := ru.json("PUT", save, map[string]any{"text": "Партнёрство Китая и Центральной Азии", "version": v, "confirm": true})
	if code != 200 || out["state"] != "confirmed" || out["confirmed"].(float64) != 1 || !strings.Contains(out["progress_text"].(string), "1 of") {
		t.Fatalf("confirm = %d %v", code, out)
	}
	code, out = ru.json("PUT", save, map[string]any{"text": "Другое", "version": v})
	cur, _ := out["error"].(map[string]any)["detail"].(map[string]any)["current"].(map[string]any)
	if code != 409 || cur["Text"] != "Партнёрство Китая и Центральной Азии" || cur["By"] != ruName {
		t.Fatalf("stale save = %d %v", code, out)
	}
	for _, bad := range []struct {
		path string
		body any
		code int
	}{
		{save, map[string]any{"text": "x"}, 400},
		{save, map[string]any{"text": "x", "version": "one"}, 400},
		{save, map[string]any{"text": "x", "version": 1, "extra": true}, 400},
		{edPath + "segments/999999999", map[string]any{"text": "x", "version": 1}, 404},
		{edPath + "segments/abc", map[string]any{"text": "x", "version": 1}, 404},
	} {
		if code, out := ru.json("PUT", bad.path, bad.body); code != bad.code {
			t.Errorf("PUT %s %v = %d %v, want %d", bad.path, bad.body, code, out, bad.code)
		}
	}

	// History and comments.
	if _, h := ru.get(save + "/history"); !strings.Contains(h, "Партнёрство Китая и Центральной Азии") || !strings.Contains(h, ruName) {
		t.Fatalf("history lacks the save:\n%s", h)
	}
	if code, c := ru.json("POST", save+"/comments", map[string]any{"body": "Проверьте термин «партнёрство»"}); code != 201 || c["author"] != ruName {
		t.Fatalf("comment = %d %v", code, c)
	}
	if code, _ := ru.json("POST", save+"/comments", map[string]any{"body": "   "}); code != 400 {
		t.Fatalf("empty comment = %d", code)
	}
	if _, page := ru.get(edPath); !strings.Contains(page, "Проверьте термин «партнёрство»") || !strings.Contains(page, "1 comment") {
		t.Fatal("the editor does not show the comment")
	}

	// Submitting with unconfirmed segments comes back with the reason; once all are confirmed it goes.
	code, page, _ = ru.postForm(edPath+"submit", url.Values{"csrf": {ru.csrf}})
	if code != 409 || !strings.Contains(page, "not confirmed") {
		t.Fatalf("early submit = %d", code)
	}
	confirmAll(t, env.users["ru"], articleID, pipeline.Russian)
	if code, _, loc := ru.postForm(edPath+"submit", url.Values{"csrf": {ru.csrf}}); code != 303 || !strings.HasPrefix(loc, "/workbench/?submitted=") {
		t.Fatalf("submit = %d %q", code, loc)
	}
	if e, _ := store.FindEditionByID(t.Context(), ruID); e.State != pipeline.StateAwaitingApproval {
		t.Fatalf("after submit the edition is %s", e.State)
	}

	// Administration: only administrators, and the new account can sign in.
	if code, _ := ru.get("/workbench/admin/users"); code != 403 {
		t.Fatalf("translator on the users page = %d", code)
	}
	if _, err := store.CreateUser(t.Context(), pipeline.User{Name: "admin-" + t.Name(), Role: pipeline.RoleAdmin}, "x"); err != nil {
		t.Fatal(err)
	}
	setPassword(t, store, "admin-"+t.Name(), "admin-password-1")
	admin := signIn(t, base, "admin-"+t.Name(), "admin-password-1")
	if code, _ := admin.get(fmt.Sprintf("/workbench/editions/%d/", enID)); code != 404 {
		t.Fatalf("source edition = %d, want 404: it is never edited here", code)
	}
	if code, page, _ := admin.postForm("/workbench/admin/users", url.Values{"csrf": {admin.csrf}, "name": {"new-zh"},
		"role": {"translator"}, "password": {"short"}, "langs": {"zh"}}); code != 400 || !strings.Contains(page, "at least 8 characters") {
		t.Fatalf("short password = %d", code)
	}
	if code, _, loc := admin.postForm("/workbench/admin/users", url.Values{"csrf": {admin.csrf}, "name": {"new-zh"},
		"role": {"translator"}, "password": {"zh-password-1"}, "langs": {"zh"}}); code != 303 || !strings.Contains(loc, "created=new-zh") {
		t.Fatalf("create user = %d %q", code, loc)
	}
	signIn(t, base, "new-zh", "zh-password-1")

	// Interface language: the user's choice wins over the browser's.
	if code, _, _ := ru.postForm("/workbench/lang", url.Values{"csrf": {ru.csrf}, "lang": {"kk"}, "back": {"/workbench/"}}); code != 303 {
		t.Fatalf("language = %d", code)
	}
	if _, q := ru.get("/workbench/"); !strings.Contains(q, "Менің кезегім") || !strings.Contains(q, `<html lang="kk-Cyrl">`) {
		t.Fatal("the queue is not in Kazakh after choosing it")
	}

	// Signing out ends the session on the server.
	if code, _, _ := ru.postForm("/workbench/signout", url.Values{"csrf": {ru.csrf}}); code != 303 {
		t.Fatalf("sign-out = %d", code)
	}
	req, _ = http.NewRequest("GET", base+"/workbench/", nil)
	if code, _, loc := ru.do(req); code != 303 || !strings.HasPrefix(loc, "/workbench/signin") {
		t.Fatalf("after sign-out the queue = %d", code)
	}
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}
