package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/postgres/postgrestest"
	"github.com/tilmash/tilmash/pipeline"
)

func TestMain(m *testing.M) {
	if os.Getenv(runAsTilmash) != "" { // a test started this binary as the program itself
		main()
		return
	}
	postgrestest.Main(m)
}

// client talks to the API as one user.
type client struct {
	t     *testing.T
	base  string
	token string
}

func (c client) do(method, path string, body any) (int, map[string]any) {
	c.t.Helper()
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, c.base+path, rd)
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer res.Body.Close()
	var out map[string]any
	json.NewDecoder(res.Body).Decode(&out)
	checkJSONNames(c.t, method+" "+path, out)
	return res.StatusCode, out
}

// checkJSONNames fails the test for a field name of a JSON answer, at any depth, that is not
// snake_case like the rest of the API (a Go name such as By or Text that lacks its json tag).
// Maps keyed by data (languages, months, providers) are not field names and are skipped. Every
// finding in an answer must carry its real id, by which a client dismisses it.
func checkJSONNames(t testing.TB, what string, v any) {
	t.Helper()
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if !jsonName.MatchString(k) {
				t.Errorf("%s: the JSON field %q is not snake_case", what, k)
			}
			if fs, ok := x.([]any); ok && k == "findings" {
				for _, f := range fs {
					if id, _ := f.(map[string]any)["id"].(float64); id <= 0 {
						t.Errorf("%s: a finding without its id: %v", what, f)
					}
				}
			}
			if !dataKeyed[k] {
				checkJSONNames(t, what, x)
			}
		}
	case []any:
		for _, x := range v {
			checkJSONNames(t, what, x)
		}
	}
}

var (
	jsonName  = regexp.MustCompile(`^[a-z0-9]+(_[a-z0-9]+)*$`)
	dataKeyed = map[string]bool{"characters_by_month": true, "terms": true, "forbidden": true}
)

func (c client) must(method, path string, body any, want int) map[string]any {
	c.t.Helper()
	code, out := c.do(method, path, body)
	if code != want {
		c.t.Fatalf("%s %s = %d %v, want %d", method, path, code, out, want)
	}
	return out
}

type testEnv struct {
	url   string
	app   *app
	srv   *httptest.Server
	site  *siteNotices // the site's change notices, followed from before any work
	users map[string]client
}

// start runs the whole program against the test database: workers, River and the HTTP server.
func start(t *testing.T, provider string) *testEnv {
	t.Helper()
	return startEnv(t, provider, nil)
}

// startEnv is start with provider settings in env (LIBRETRANSLATE_URL, ...).
func startEnv(t *testing.T, provider string, env map[string]string) *testEnv {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	cfg := &Config{DatabaseURL: postgrestest.NewDatabase(t), Provider: provider, Workers: true,
		Getenv: func(k string) string { return env[k] }, TimeZone: env["TILMASH_TIME_ZONE"]}
	if d, err := time.ParseDuration(env["TILMASH_LIVE_EVERY"]); err == nil {
		cfg.LiveEvery = d
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	a, err := newApp(ctx, cfg, log, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	site := listenSite(t, ctx, cfg.DatabaseURL)
	if err := a.start(ctx); err != nil {
		t.Fatal(err)
	}
	ws, err := a.webServer()
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(ws.Handler())
	t.Cleanup(func() { srv.Close(); cancel(); a.close(context.Background()) })
	te := &testEnv{url: cfg.DatabaseURL, app: a, srv: srv, site: site, users: map[string]client{}}
	for _, u := range []pipeline.User{
		{Name: "ed-" + t.Name(), Role: pipeline.RoleEditor},
		{Name: "ru-" + t.Name(), Role: pipeline.RoleTranslator, Langs: []pipeline.Lang{pipeline.Russian}},
		{Name: "kk-" + t.Name(), Role: pipeline.RoleTranslator, Langs: []pipeline.Lang{pipeline.Kazakh}},
	} {
		if _, err := a.store.CreateUser(ctx, u, "x"); err != nil {
			t.Fatal(err)
		}
		tok, err := a.store.CreateToken(ctx, u.Name)
		if err != nil {
			t.Fatal(err)
		}
		te.users[strings.SplitN(u.Name, "-", 2)[0]] = client{t: t, base: srv.URL, token: tok}
	}
	te.users["anonymous"] = client{t: t, base: srv.URL}
	return te
}

func TestPipelineEndToEnd(t *testing.T) {
	t.Parallel()
	env := start(t, "pseudo")
	ed, ru, kk, anon := env.users["ed"], env.users["ru"], env.users["kk"], env.users["anonymous"]
	sample, err := os.ReadFile("../../samples/party-cooperation-china-central-asia.txt")
	if err != nil {
		t.Fatal(err)
	}

	// Ingest: only with a token, and not as a translator.
	body := map[string]any{"text": string(sample), "format": "text", "source_lang": "en", "slug": "e2e-party-cooperation"}
	anon.must("POST", "/api/v1/articles", body, 401)
	ru.must("POST", "/api/v1/articles", body, 403)
	art := ed.must("POST", "/api/v1/articles", body, 201)
	id := int64(art["id"].(float64))
	slug := art["slug"].(string)

	env.waitFor(t, id, "review", func(s map[pipeline.Lang]string) bool {
		return s["ru"] == "in_review" && s["kk"] == "in_review" && s["zh"] == "in_review" && s["en"] == "awaiting_approval"
	})

	// Drafts are never public.
	if code, _ := get(t, env.srv.URL+"/ru/articles/"+slug, ""); code != 404 {
		t.Fatalf("a draft edition answered %d", code)
	}

	// Permissions: a Kazakh translator cannot open or change the Russian edition, nobody without a
	// token can, and a translator cannot approve.
	kk.must("GET", fmt.Sprintf("/api/v1/articles/%d/editions/ru", id), nil, 403)
	anon.must("GET", fmt.Sprintf("/api/v1/articles/%d/editions/ru", id), nil, 401)
	kk.must("POST", fmt.Sprintf("/api/v1/articles/%d/editions/kk/approve", id), nil, 403)

	// Review: the Russian translator edits the first segment, then confirms everything; a stale
	// save conflicts.
	edition := ru.must("GET", fmt.Sprintf("/api/v1/articles/%d/editions/ru", id), nil, 200)
	segs := edition["segments"].([]any)
	if len(segs) < 20 {
		t.Fatalf("only %d segments", len(segs))
	}
	first := segs[0].(map[string]any)
	if !strings.HasPrefix(first["origin"].(string), "mt:pseudo") || first["target"] == "" {
		t.Fatalf("first segment has no pseudo draft: %v", first)
	}
	path := fmt.Sprintf("/api/v1/articles/%d/editions/ru/segments/%d", id, int64(first["id"].(float64)))
	v := int(first["version"].(float64))
	saved := ru.must("PUT", path, map[string]any{"text": "Партнёрство Китая и стран Центральной Азии", "version": v}, 200)
	code, conflict := ru.do("PUT", path, map[string]any{"text": "Другой текст", "version": v})
	if code != 409 || !strings.Contains(fmt.Sprint(conflict), "Партнёрство Китая") {
		t.Fatalf("stale save = %d %v, want 409 with the current text", code, conflict)
	}
	ru.must("POST", fmt.Sprintf("/api/v1/articles/%d/editions/ru/submit", id), nil, 409) // not all confirmed
	first["version"] = saved["version"]
	first["target"] = saved["target"]

	review := map[pipeline.Lang]client{pipeline.Russian: ru, pipeline.Kazakh: kk, pipeline.Chinese: ed}
	for lang, c := range review {
		confirmAll(t, c, id, lang)
		c.must("POST", fmt.Sprintf("/api/v1/articles/%d/editions/%s/submit", id, lang), nil, 200)
	}

	// The source waits for the text repair's open questions; once answered, approval of all four,
	// which go out together.
	if code, out := ed.do("POST", fmt.Sprintf("/api/v1/articles/%d/editions/en/approve", id), map[string]any{}); code != 409 ||
		!strings.Contains(fmt.Sprint(out), "repair question") {
		t.Errorf("approving the source with open repair questions: %d %v", code, out)
	}
	answerRepairQuestions(t, env, id)
	for _, lang := range pipeline.Languages {
		ed.must("POST", fmt.Sprintf("/api/v1/articles/%d/editions/%s/approve", id, lang), map[string]any{}, 200)
	}
	env.waitFor(t, id, "publication", func(s map[pipeline.Lang]string) bool {
		return s["en"] == "published" && s["ru"] == "published" && s["kk"] == "published" && s["zh"] == "published"
	})

	// Reading: each edition with a switcher naming the others in their own scripts.
	for _, lang := range pipeline.Languages {
		code, page := getLive(t, env, env.srv.URL+"/"+string(lang)+"/articles/"+slug)
		if code != 200 {
			t.Fatalf("%s page: %d", lang, code)
		}
		if !strings.Contains(page, `<html lang="`+lang.BCP47()+`"`) {
			t.Errorf("%s page lacks its html lang", lang)
		}
		for _, other := range pipeline.Languages {
			if other == lang {
				continue
			}
			link := `<a href="/` + string(other) + `/articles/` + slug + `" hreflang="` + other.BCP47() + `" lang="` + string(other) + `">` + other.NativeName() + `</a>`
			if !strings.Contains(page, link) {
				t.Errorf("%s page lacks the switcher link to %s", lang, other)
			}
		}
	}
	_, ruPage := get(t, env.srv.URL+"/ru/articles/"+slug, "")
	if !strings.Contains(ruPage, "Партнёрство Китая и стран Центральной Азии") {
		t.Error("the Russian page does not show the translator's title")
	}
	_, enPage := get(t, env.srv.URL+"/en/articles/"+slug, "")
	if !strings.Contains(enPage, "strengthened its position") || strings.Contains(enPage, "ARTICLES") {
		t.Error("the English page lacks the article text or shows navigation crumbs")
	}
	if _, index := get(t, env.srv.URL+"/kk/", ""); !strings.Contains(index, "/kk/articles/"+slug) {
		t.Error("the Kazakh index does not list the article")
	}
}

// confirmAll has a translator go through every segment of an edition: each pseudo draft is
// rewritten (the pseudo markers removed, as a person replacing it with their own text), every
// segment is confirmed, and any blocking finding is overridden with a reason.
func confirmAll(t *testing.T, c client, id int64, lang pipeline.Lang) {
	t.Helper()
	base := fmt.Sprintf("/api/v1/articles/%d/editions/%s", id, lang)
	unmark := strings.NewReplacer(pipeline.PseudoOpen, "", pipeline.PseudoClose, "")
	for _, s := range c.must("GET", base, nil, 200)["segments"].([]any) {
		seg := s.(map[string]any)
		c.must("PUT", fmt.Sprintf("%s/segments/%d", base, int64(seg["id"].(float64))),
			map[string]any{"text": unmark.Replace(seg["target"].(string)), "version": seg["version"], "confirm": true}, 200)
	}
	for _, s := range c.must("GET", base, nil, 200)["segments"].([]any) {
		for _, f := range s.(map[string]any)["findings"].([]any) {
			fm := f.(map[string]any)
			if fm["severity"] == "error" && fm["dismissed"] == false {
				c.must("POST", fmt.Sprintf("%s/findings/%d/dismiss", base, int64(fm["id"].(float64))),
					map[string]any{"reason": "pseudo-translation in a test"}, 200)
			}
		}
	}
}

func get(t *testing.T, url, acceptLanguage string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	if acceptLanguage != "" {
		req.Header.Set("Accept-Language", acceptLanguage)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}
