package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/go-chi/chi/v5"

	"github.com/tilmash/tilmash/internal/postgres/postgrestest"
	"github.com/tilmash/tilmash/internal/web"
	"github.com/tilmash/tilmash/pipeline"
)

// hostileReq is one request meant to break a route.
type hostileReq struct {
	name   string
	method string
	path   string
	ctype  string
	body   []byte
	want   string // what the refusal says (English); "" for any 4xx with a message
}

// The refusals' words, from locales/input.en.toml.
const (
	saysNUL       = "NUL character (U+0000)"
	saysUTF8      = "not valid UTF-8"
	saysSurrogate = "unpaired surrogate"
	saysControl   = "control character U+001B"
	saysTooLong   = "is too long"
)

// placeholder marks where raw bytes go into a JSON body after it is marshalled.
const placeholder = "\u2063HOSTILE\u2063"

// hostileJSON returns the requests that poison one string field of a JSON body: with is the
// valid body with v in the field; line tells a single-line field (controls refused, 2000
// characters at most); overlong is a value beyond the field's limit (nil for single-line
// fields); wrong is a body with a value of the wrong type.
func hostileJSON(method, path string, with func(v any) map[string]any, line bool, overlong any, wrong map[string]any) []hostileReq {
	mk := func(v any) []byte {
		b, err := json.Marshal(with(v))
		if err != nil {
			panic(err)
		}
		return b
	}
	raw := func(s string) []byte { return bytes.Replace(mk(placeholder), []byte(placeholder), []byte(s), 1) }
	req := func(name string, body []byte, want string) hostileReq {
		return hostileReq{name: name, method: method, path: path, ctype: "application/json", body: body, want: want}
	}
	out := []hostileReq{
		req("NUL as \\u0000", mk("a\x00b"), saysNUL),
		req("raw NUL byte", raw("a\x00b"), saysNUL),
		req("invalid UTF-8", raw("a\xff\xfeb"), saysUTF8),
		req("lone surrogate escape", raw(`a\ud800b`), saysSurrogate),
		req("wrong type", mustJSON(wrong), ""),
	}
	if line {
		out = append(out, req("control character", mk("a\x1bb"), saysControl),
			req("overlong", mk(strings.Repeat("ж", 2001)), saysTooLong))
	} else {
		out = append(out, req("overlong", mk(overlong), ""))
	}
	q := req("NUL in the query", mk("ok"), saysNUL)
	q.path += "?note=%00"
	return append(out, q)
}

// hostileForm returns the requests that poison one field of a url-encoded form; the form's
// other fields stay valid. wrong is a request whose only fault is a value or a path parameter of
// the wrong type (nil where a form has no typed value).
func hostileForm(path string, base url.Values, field string, line bool, wrong *hostileReq) []hostileReq {
	with := func(v string) []byte {
		f := url.Values{}
		for k, vs := range base {
			f[k] = slices.Clone(vs)
		}
		f.Set(field, v)
		return []byte(f.Encode())
	}
	req := func(name string, body []byte, want string) hostileReq {
		return hostileReq{name: name, method: "POST", path: path, ctype: "application/x-www-form-urlencoded", body: body, want: want}
	}
	out := []hostileReq{
		req("NUL", with("a\x00b"), saysNUL),
		req("invalid UTF-8", with("a\xff\xfeb"), saysUTF8),
		req("NUL in a field name", append(with("ok"), "&x%00y=1"...), saysNUL),
	}
	if line {
		out = append(out, req("control character", with("a\x1bb"), saysControl),
			req("overlong", with(strings.Repeat("ж", 2001)), saysTooLong))
	} else {
		out = append(out, req("overlong form", with(strings.Repeat("a", 1<<20+1)), ""))
	}
	if wrong != nil {
		out = append(out, *wrong)
	}
	q := req("NUL in the query", with("ok"), saysNUL)
	q.path += "?back=%00"
	return append(out, q)
}

// hostileNoBody returns the requests for a route that reads no body: the door refuses a body or
// a query that is not text all the same, and a path parameter that is not one.
func hostileNoBody(method, path, ctype string, body func(v string) []byte, wrongPath string) []hostileReq {
	req := func(name, p string, b []byte, want string) hostileReq {
		return hostileReq{name: name, method: method, path: p, ctype: ctype, body: b, want: want}
	}
	out := []hostileReq{
		req("NUL in the body", path, body("a\x00b"), saysNUL),
		req("invalid UTF-8 in the body", path, body("a\xffb"), saysUTF8),
		req("NUL in the query", path+"?note=%00", body("ok"), saysNUL),
		req("invalid UTF-8 in the query", path+"?note=%FF", body("ok"), saysUTF8),
	}
	if strings.Contains(path, "/ru/") {
		out = append(out, req("overlong path parameter", strings.Replace(path, "/ru/", "/"+strings.Repeat("9", 3000)+"/", 1), body("ok"), ""))
	}
	if wrongPath != "" {
		out = append(out, req("wrong type in the path", wrongPath, body("ok"), ""))
	}
	return out
}

// hostileFile returns the requests that poison a file sent as the raw body of an import: head
// and tail surround the poisoned text; a DOCTYPE with an entity and a file cut short are refused
// too.
func hostileFile(path, ctype, head, tail string) []hostileReq {
	req := func(name string, body []byte, want string) hostileReq {
		return hostileReq{name: name, method: "POST", path: path, ctype: ctype, body: body, want: want}
	}
	with := func(v string) []byte { return []byte(head + v + tail) }
	q := req("NUL in the query", with("ok"), saysNUL)
	q.path += "?note=%00"
	return []hostileReq{
		req("NUL in the file", with("a\x00b"), saysNUL),
		req("invalid UTF-8 in the file", with("a\xff\xfeb"), saysUTF8),
		req("an entity", []byte(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>`+head+"&e;"+tail), "DOCTYPE"),
		req("cut short", with("ok")[:len(head)+1], ""),
		q,
	}
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

// multipartBody is an upload with the given fields and a small article file.
func multipartBody(fields [][2]string) (string, []byte) {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for _, f := range fields {
		mw.WriteField(f[0], f[1])
	}
	fw, _ := mw.CreateFormFile("file", "article.txt")
	fw.Write([]byte("A title\n\nThe body of the article.\n"))
	mw.Close()
	return mw.FormDataContentType(), body.Bytes()
}

// bookkeeping names the column of a table that every request may touch: a token's last use.
var bookkeeping = map[string]string{"api_tokens": "last_used_at"}

// fingerprint is a digest of every row of the application's tables (River's own bookkeeping and
// the columns above aside), to tell that a refused request stored nothing.
func fingerprint(t *testing.T, env *testEnv) string {
	t.Helper()
	ctx := t.Context()
	rows, err := env.app.db.pool.Query(ctx, `SELECT table_name FROM information_schema.tables
		WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'river%'
		ORDER BY table_name`)
	if err != nil {
		t.Fatal(err)
	}
	var parts []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		row := fmt.Sprintf("(to_jsonb(t) - '%s')::text", bookkeeping[name])
		parts = append(parts, fmt.Sprintf(`SELECT '%s:' || count(*) || ':' || md5(coalesce(string_agg(%s, '|' ORDER BY %s), '')) FROM %q t`,
			name, row, row, name))
	}
	rows.Close()
	var out string
	if err := env.app.db.pool.QueryRow(ctx, `SELECT string_agg(x, ' ') FROM (`+strings.Join(parts, " UNION ALL ")+`) AS d(x)`).Scan(&out); err != nil {
		t.Fatal(err)
	}
	return out
}

// settledArticle ingests the sample and waits until every translation is in review and the
// source awaits approval: no worker writes after that.
func settledArticle(t *testing.T, env *testEnv, slug string) int64 {
	t.Helper()
	sample, err := os.ReadFile("../../samples/party-cooperation-china-central-asia.txt")
	if err != nil {
		t.Fatal(err)
	}
	art := env.users["ed"].must("POST", "/api/v1/articles", map[string]any{"text": string(sample), "format": "text",
		"source_lang": "en", "slug": slug}, 201)
	id := int64(art["id"].(float64))
	env.waitFor(t, id, "review", func(s map[pipeline.Lang]string) bool {
		return s["ru"] == "in_review" && s["kk"] == "in_review" && s["zh"] == "in_review" && s["en"] == "awaiting_approval"
	})
	return id
}

// TestHostileInputOnEveryWriteRoute sends every write route of the API, the workbench and the
// newsroom NUL bytes, invalid UTF-8, control characters, overlong values and values of the wrong
// type. Each is refused with a 4xx (never a 500) that says why, as JSON on the JSON endpoints,
// and the database is unchanged after each one. The routes come from the router itself: a new
// write route without its cases here fails the test.
func TestHostileInputOnEveryWriteRoute(t *testing.T) {
	t.Parallel()
	env := start(t, "pseudo")
	ed := env.users["ed"]
	aid := settledArticle(t, env, "hostile-input")
	admin := "admin-" + t.Name()
	if _, err := env.app.store.CreateUser(t.Context(), pipeline.User{Name: admin, Role: pipeline.RoleAdmin}, "x"); err != nil {
		t.Fatal(err)
	}
	setPassword(t, env.app.store, admin, "admin-password-1")
	wb := signIn(t, env.srv.URL, admin, "admin-password-1")
	anon := newWBClient(t, env.srv.URL)
	_, signinPage := anon.get("/workbench/signin")
	signinToken := csrfField.FindStringSubmatch(signinPage)[1]

	edition := ed.must("GET", fmt.Sprintf("/api/v1/articles/%d/editions/ru", aid), nil, 200)
	seg := edition["segments"].([]any)[1].(map[string]any)
	segID, segVersion := int64(seg["id"].(float64)), int(seg["version"].(float64))
	findingID := int64(1)
	for _, s := range edition["segments"].([]any) {
		for _, f := range s.(map[string]any)["findings"].([]any) {
			findingID = int64(f.(map[string]any)["id"].(float64))
		}
	}
	var ruEdition, enEdition int64
	for _, e := range newsroomEditions(t, env, aid) {
		switch e.Lang {
		case pipeline.Russian:
			ruEdition = e.ID
		case pipeline.English:
			enEdition = e.ID
		}
	}
	srcEd := fmt.Sprintf("/workbench/sources/%d", enEdition)
	concept := ed.must("POST", "/api/v1/terms", map[string]any{"terms": map[string]string{"en": "Astana", "ru": "Астана"}}, 201)
	conceptID := int64(concept["id"].(float64))

	api := fmt.Sprintf("/api/v1/articles/%d", aid)
	apiEd := api + "/editions/ru"
	wbEd := fmt.Sprintf("/workbench/editions/%d", ruEdition)
	nr := fmt.Sprintf("/workbench/newsroom/articles/%d", aid)
	csrf := wb.csrf
	// Raw, not marshalled: encoding/json would turn invalid UTF-8 into U+FFFD before sending.
	jsonNote := func(v string) []byte { return []byte(`{"note": "` + v + `"}`) }
	formNote := func(v string) []byte { return []byte(url.Values{"csrf": {csrf}, "note": {v}}.Encode()) }
	set := func(base map[string]any, field string) func(any) map[string]any {
		return func(v any) map[string]any {
			out := map[string]any{}
			for k, x := range base {
				out[k] = x
			}
			out[field] = v
			return out
		}
	}
	withNote := func(base map[string]any) func(any) map[string]any { return set(base, "note") }
	wrongPath := func(method, path, ctype string, body []byte) *hostileReq {
		return &hostileReq{name: "wrong type in the path", method: method, path: path, ctype: ctype, body: body}
	}
	form := func(kv ...string) url.Values {
		v := url.Values{"csrf": {csrf}}
		for i := 0; i < len(kv); i += 2 {
			v.Add(kv[i], kv[i+1])
		}
		return v
	}
	formWrong := func(path string, v url.Values) *hostileReq {
		return &hostileReq{name: "wrong type", method: "POST", path: path, ctype: "application/x-www-form-urlencoded", body: []byte(v.Encode())}
	}
	later := "2030-01-02T10:00"

	// How each route is sent: "api" with the editor's token, "wb" with the admin's session (JSON
	// with the CSRF header as the page's script sends it), "anon" as a browser before sign-in.
	type routeCases struct {
		via   string
		json  bool // the route answers JSON
		cases []hostileReq
	}
	termsBody := func(v any) map[string]any {
		return map[string]any{"terms": map[string]any{"en": "Almaty", "ru": v}, "note": "city"}
	}
	csvReq := func(name, rows, want string) hostileReq {
		return hostileReq{name: name, method: "POST", path: "/api/v1/terms/import", ctype: "text/csv", want: want,
			body: []byte("en,ru,kk,zh,note,do_not_translate,forbidden_en,forbidden_ru,forbidden_kk,forbidden_zh\n" +
				"Bishkek,Бишкек,Бішкек,比什凯克,,false,,,,\n" + rows)}
	}
	upload := func(name string, fields [][2]string, want string) hostileReq {
		ct, b := multipartBody(fields)
		return hostileReq{name: name, method: "POST", path: "/api/v1/articles/upload", ctype: ct, body: b, want: want}
	}
	uploadWith := func(k, v string) [][2]string {
		return [][2]string{{"source_lang", "en"}, {"category", "analysis"}, {k, v}}
	}
	cases := map[string]routeCases{
		"POST /api/v1/articles": {"api", true, slices.Concat(
			hostileJSON("POST", "/api/v1/articles", set(map[string]any{"text": "A title\n\nThe body.", "source_lang": "en"}, "byline"),
				true, nil, map[string]any{"text": 5, "source_lang": "en"}),
			hostileJSON("POST", "/api/v1/articles", set(map[string]any{"text": "A title\n\nThe body.", "source_lang": "en"}, "category"),
				true, nil, map[string]any{"text": "A title\n\nThe body.", "source_lang": []string{"en"}}),
			hostileJSON("POST", "/api/v1/articles", set(map[string]any{"source_lang": "en"}, "text"),
				false, strings.Repeat("Word ", 2<<20/5+10), map[string]any{"text": true, "source_lang": "en"}))},
		"POST /api/v1/articles/upload": {"api", true, []hostileReq{
			upload("NUL in the byline", uploadWith("byline", "By A.\x00"), saysNUL),
			upload("invalid UTF-8 in the category", uploadWith("category", "ok\xff"), saysUTF8),
			upload("control character in the byline", uploadWith("byline", "By\x1bA."), saysControl),
			upload("overlong byline", uploadWith("byline", strings.Repeat("ж", 2001)), saysTooLong),
			upload("wrong type of language", [][2]string{{"source_lang", "123"}}, ""),
			func() hostileReq {
				r := upload("NUL in the query", uploadWith("byline", "ok"), saysNUL)
				r.path += "?x=%00"
				return r
			}(),
		}},
		"POST /api/v1/terms": {"api", true, hostileJSON("POST", "/api/v1/terms", termsBody, true, nil,
			map[string]any{"terms": []string{"en", "x"}})},
		"PUT /api/v1/terms/{concept}": {"api", true, hostileJSON("PUT", fmt.Sprintf("/api/v1/terms/%d", conceptID), termsBody, true, nil,
			map[string]any{"terms": map[string]string{"en": "Astana"}, "do_not_translate": "yes"})},
		"POST /api/v1/terms/import": {"api", true, []hostileReq{
			csvReq("NUL in a term", "Almaty,Алм\x00аты,Алматы,阿拉木图,,false,,,,\n", saysNUL),
			csvReq("invalid UTF-8", "Almaty,\xff\xfe,Алматы,阿拉木图,,false,,,,\n", saysUTF8),
			csvReq("control character", "Almaty,Алматы\x1b,Алматы,阿拉木图,,false,,,,\n", saysControl),
			csvReq("two of ten columns", "Almaty,Алматы\n", "has 2 columns"),
			csvReq("overlong term", "Almaty,"+strings.Repeat("ж", 300)+",Алматы,阿拉木图,,false,,,,\n", "500 bytes"),
			csvReq("wrong type of flag", "Almaty,Алматы,Алматы,阿拉木图,,maybe,,,,\n", "do_not_translate"),
			func() hostileReq {
				r := csvReq("NUL in the query", "", saysNUL)
				r.path += "?x=%00"
				return r
			}(),
		}},
		"DELETE /api/v1/terms/{concept}": {"api", true, hostileNoBody("DELETE", fmt.Sprintf("/api/v1/terms/%d", conceptID),
			"application/json", jsonNote, "/api/v1/terms/abc")},
		"POST /api/v1/articles/{id}/repairs/undo": {"api", true, hostileJSON("POST", api+"/repairs/undo",
			withNote(map[string]any{"changes": []int{1}, "version": 1}), false, strings.Repeat("a", 1<<20+1),
			map[string]any{"changes": []string{"a"}})},
		"PUT /api/v1/articles/{id}/": {"api", true, slices.Concat(
			hostileJSON("PUT", api+"/", set(map[string]any{"text": "A title\n\nA revised body."}, "byline"), true, nil,
				map[string]any{"text": true}),
			hostileJSON("PUT", api+"/", set(map[string]any{}, "text"), false, strings.Repeat("Word ", 2<<20/5+10),
				map[string]any{"text": "A title\n\nA revised body.", "minor": "yes"}))},
		"POST /api/v1/articles/{id}/release": {"api", true, hostileJSON("POST", api+"/release",
			func(v any) map[string]any {
				return map[string]any{"langs": []any{v}, "publish_at": "2030-01-01T00:00:00Z"}
			},
			true, nil, map[string]any{"langs": "en"})},
		"PATCH /api/v1/articles/{id}/releases/{release}": {"api", true, hostileJSON("PATCH", api+"/releases/999999",
			set(map[string]any{}, "publish_at"), false, strings.Repeat("2", 2001), map[string]any{"publish_at": 5})},
		"DELETE /api/v1/articles/{id}/releases/{release}": {"api", true, hostileNoBody("DELETE", api+"/releases/999999",
			"application/json", jsonNote, api+"/releases/abc")},
		"PUT /api/v1/articles/{id}/editions/{lang}/segments/{segment}": {"api", true, hostileJSON("PUT",
			fmt.Sprintf("%s/segments/%d", apiEd, segID), set(map[string]any{"version": segVersion}, "text"), false,
			strings.Repeat("ж", 300<<10), map[string]any{"text": "Текст.", "version": "1"})},
		"POST /api/v1/articles/{id}/editions/{lang}/submit": {"api", true, hostileNoBody("POST", apiEd+"/submit",
			"application/json", jsonNote, api+"/editions/xx/submit")},
		"POST /api/v1/articles/{id}/editions/{lang}/approve": {"api", true, hostileJSON("POST", apiEd+"/approve",
			set(map[string]any{}, "publish_at"), false, strings.Repeat("2", 2001), map[string]any{"publish_at": 5})},
		"POST /api/v1/articles/{id}/editions/{lang}/unpublish": {"api", true, hostileNoBody("POST", apiEd+"/unpublish",
			"application/json", jsonNote, api+"/editions/xx/unpublish")},
		"POST /api/v1/articles/{id}/editions/{lang}/rollback": {"api", true, hostileJSON("POST", apiEd+"/rollback",
			withNote(map[string]any{"version": 1}), false, strings.Repeat("a", 2000), map[string]any{"version": "one"})},
		"POST /api/v1/articles/{id}/editions/{lang}/send-back": {"api", true, hostileJSON("POST", apiEd+"/send-back",
			set(map[string]any{}, "comment"), false, strings.Repeat("a", 64<<10+1), map[string]any{"comment": 5})},
		"POST /api/v1/articles/{id}/editions/{lang}/retry": {"api", true, hostileNoBody("POST", apiEd+"/retry",
			"application/json", jsonNote, api+"/editions/xx/retry")},
		"POST /api/v1/articles/{id}/editions/{lang}/findings/{finding}/dismiss": {"api", true, hostileJSON("POST",
			fmt.Sprintf("%s/findings/%d/dismiss", apiEd, findingID), set(map[string]any{}, "reason"), true, nil,
			map[string]any{"reason": 5})},

		"POST /api/v1/articles/{id}/editions/{lang}/xliff": {"api", true, append(hostileFile(apiEd+"/xliff", "application/xliff+xml",
			`<xliff version="1.2"><file source-language="en" target-language="ru"><body><trans-unit id="x"><source>A</source><target>`,
			`</target></trans-unit></body></file></xliff>`), hostileReq{name: "wrong type in the path", method: "POST",
			path: api + "/editions/xx/xliff", ctype: "application/xliff+xml", body: []byte(`<xliff/>`)})},
		"POST /api/v1/tm/import": {"api", true, hostileFile("/api/v1/tm/import", "application/x-tmx+xml",
			`<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>Hostile unit</seg></tuv><tuv xml:lang="ru"><seg>`,
			`</seg></tuv></tu></body></tmx>`)},
		"DELETE /api/v1/tm/imports/{import}": {"api", true, hostileNoBody("DELETE", "/api/v1/tm/imports/999999",
			"application/json", jsonNote, "/api/v1/tm/imports/abc")},

		"POST /workbench/signin": {"anon", false, hostileForm("/workbench/signin",
			url.Values{"csrf": {signinToken}, "name": {"someone"}, "password": {"some-password"}}, "name", true, nil)},
		"POST /workbench/signout": {"wb", false, hostileNoBody("POST", "/workbench/signout",
			"application/x-www-form-urlencoded", formNote, "")},
		"POST /workbench/lang": {"wb", false, hostileForm("/workbench/lang", form("lang", "ru", "back", "/workbench/"), "back", true,
			formWrong("/workbench/lang", form("lang", "xx")))},
		"PUT /workbench/editions/{edition}/segments/{segment}": {"wb", true, hostileJSON("PUT",
			fmt.Sprintf("%s/segments/%d", wbEd, segID), set(map[string]any{"version": segVersion}, "text"), false,
			strings.Repeat("ж", 64<<10), map[string]any{"text": "Текст.", "version": "1"})},
		"POST /workbench/editions/{edition}/segments/{segment}/comments": {"wb", true, slices.Concat(
			hostileJSON("POST", fmt.Sprintf("%s/segments/%d/comments", wbEd, segID), set(map[string]any{}, "body"), false,
				strings.Repeat("a", 16<<10+1), map[string]any{"body": 5}),
			hostileForm(fmt.Sprintf("%s/segments/%d/comments", wbEd, segID), form("body", "A note."), "body", false,
				wrongPath("POST", wbEd+"/segments/abc/comments", "application/x-www-form-urlencoded", []byte(form("body", "").Encode()))))},
		"POST /workbench/editions/{edition}/findings/{finding}/dismiss": {"wb", false, hostileForm(
			fmt.Sprintf("%s/findings/%d/dismiss", wbEd, findingID), form("reason", "Fine as it is.", "segment", fmt.Sprint(segID)),
			"reason", true, wrongPath("POST", wbEd+"/findings/abc/dismiss", "application/x-www-form-urlencoded",
				[]byte(form("reason", "Fine.").Encode())))},
		"POST /workbench/editions/{edition}/submit": {"wb", false, hostileNoBody("POST", wbEd+"/submit",
			"application/x-www-form-urlencoded", formNote, "/workbench/editions/abc/submit")},
		"POST /workbench/editions/{edition}/terms": {"wb", false, slices.Concat(
			hostileForm(wbEd+"/terms", form("source", "Almaty", "target", "Алматы"), "target", true,
				wrongPath("POST", "/workbench/editions/abc/terms", "application/x-www-form-urlencoded",
					[]byte(form("source", "Almaty", "target", "Алматы").Encode()))),
			hostileForm(wbEd+"/terms", form("source", "Almaty", "target", "Алматы"), "note", true, nil))},
		"POST /workbench/admin/users": {"wb", false, hostileForm("/workbench/admin/users",
			form("name", "new-user", "role", "translator", "langs", "ru", "password", "a-long-password"), "name", true,
			formWrong("/workbench/admin/users", form("name", "new-user", "role", "wizard", "password", "a-long-password")))},

		"POST /workbench/newsroom/articles/{article}/release": {"wb", false, hostileForm(nr+"/release",
			form("langs", "en", "when", "later", "publish_at", later, "tz", "UTC"), "publish_at", true,
			formWrong(nr+"/release", form("langs", "xx", "when", "now", "tz", "UTC")))},
		"POST /workbench/newsroom/articles/{article}/releases/{release}/reschedule": {"wb", false, hostileForm(
			nr+"/releases/999999/reschedule", form("when", "later", "publish_at", later, "tz", "UTC"), "tz", true,
			formWrong(nr+"/releases/999999/reschedule", form("when", "sometimes", "tz", "UTC")))},
		"POST /workbench/newsroom/articles/{article}/releases/{release}/cancel": {"wb", false, hostileNoBody("POST",
			nr+"/releases/999999/cancel", "application/x-www-form-urlencoded", formNote, nr+"/releases/abc/cancel")},
		"POST /workbench/newsroom/articles/{article}/repairs/undo": {"wb", false, hostileForm(nr+"/repairs/undo",
			form("change", "1", "version", "1"), "version", true, formWrong(nr+"/repairs/undo", form("change", "abc", "version", "1")))},
		"POST /api/v1/articles/{id}/repairs/settle": {"api", true, hostileJSON("POST", api+"/repairs/settle",
			func(v any) map[string]any { return map[string]any{"version": 0, "answers": map[string]any{"1": v}} },
			false, strings.Repeat("a", 1<<20+1), map[string]any{"version": "one", "accept": []int{1}})},
		"POST /workbench/newsroom/articles/{article}/repairs/settle": {"wb", false, hostileForm(nr+"/repairs/settle",
			form("question.1", "keep", "version", "1"), "version", true, formWrong(nr+"/repairs/settle", form("change.abc", "accept", "version", "1")))},
		"POST /workbench/newsroom/new/preview": {"wb", false, hostileForm("/workbench/newsroom/new/preview",
			form("text", "A title\n\nThe body.", "lang", "en"), "category", true,
			formWrong("/workbench/newsroom/new/preview", form("text", "A title\n\nThe body.", "lang", "xx")))},
		"POST /workbench/newsroom/new/create": {"wb", false, hostileForm("/workbench/newsroom/new/create",
			form("text", "A title\n\nThe body.", "lang", "en", "previewed", "en"), "byline", true,
			formWrong("/workbench/newsroom/new/create", form("text", "A title\n\nThe body.", "lang", "en", "format", "pdf")))},
		"POST /workbench/sources/{edition}/preview": {"wb", false, hostileForm(srcEd+"/preview",
			form("para", "A title", "format", "text", "base", "1"), "base", true,
			formWrong(srcEd+"/preview", form("para", "A title", "format", "pdf", "base", "1")))},
		"POST /workbench/sources/{edition}/save": {"wb", false, hostileForm(srcEd+"/save",
			form("para", "A new title", "para", "A new body.", "format", "text", "base", "1"), "base", true,
			formWrong(srcEd+"/save", form("para", "A new title", "format", "pdf", "base", "1")))},
		"POST /workbench/newsroom/categories/": {"wb", false, hostileForm("/workbench/newsroom/categories/",
			form("slug", "region", "name_en", "Region", "name_ru", "Регион"), "name_ru", true,
			formWrong("/workbench/newsroom/categories/", form("slug", "a/b", "name_en", "Region")))},
		"POST /workbench/newsroom/categories/rename": {"wb", false, hostileForm("/workbench/newsroom/categories/rename",
			form("slug", "analysis", "name_en", "Analysis", "name_kk", "Талдау"), "name_kk", true,
			formWrong("/workbench/newsroom/categories/rename", form("slug", "a/b", "name_en", "Analysis")))},
		"POST /workbench/library/memory/{entry}": {"wb", false, hostileForm("/workbench/library/memory/999999",
			form("source", "A sentence.", "target", "Предложение.", "version", "1"), "version", true,
			formWrong("/workbench/library/memory/999999", form("source", "A sentence.", "target", "Предложение.", "version", "one")))},
		"POST /workbench/library/memory/{entry}/delete": {"wb", false, hostileForm("/workbench/library/memory/999999/delete",
			form("version", "1"), "version", true, formWrong("/workbench/library/memory/999999/delete", form("version", "one")))},
		"POST /workbench/library/terms/": {"wb", false, hostileForm("/workbench/library/terms/",
			form("term_en", "Silk Road", "term_ru", "Шёлковый путь"), "term_ru", true, nil)},
		"POST /workbench/library/terms/{concept}": {"wb", false, hostileForm("/workbench/library/terms/999999",
			form("term_en", "Silk Road", "term_ru", "Шёлковый путь", "seen", "2026-01-01T00:00:00Z"), "forbidden_ru", true, nil)},
		"POST /workbench/library/terms/{concept}/delete": {"wb", false, hostileForm("/workbench/library/terms/999999/delete",
			form("seen", "2026-01-01T00:00:00Z"), "seen", true, nil)},
		"POST /workbench/library/terms/import": {"wb", false, hostileForm("/workbench/library/terms/import",
			form("note", "import"), "note", false, nil)},
		"POST /workbench/newsroom/articles/{article}/editions/{lang}/approve": {"wb", false, hostileForm(nr+"/editions/ru/approve",
			form("when", "later", "publish_at", later, "tz", "UTC"), "tz", true,
			formWrong(nr+"/editions/ru/approve", form("when", "sometimes", "tz", "UTC")))},
		"POST /workbench/newsroom/articles/{article}/editions/{lang}/send-back": {"wb", false, hostileForm(nr+"/editions/ru/send-back",
			form("comment", "Please check the numbers."), "comment", false,
			wrongPath("POST", nr+"/editions/xx/send-back", "application/x-www-form-urlencoded", []byte(form("comment", "x").Encode())))},
		"POST /workbench/newsroom/articles/{article}/editions/{lang}/unpublish": {"wb", false, hostileNoBody("POST",
			nr+"/editions/ru/unpublish", "application/x-www-form-urlencoded", formNote, nr+"/editions/xx/unpublish")},
		"POST /workbench/newsroom/articles/{article}/editions/{lang}/rollback": {"wb", false, hostileForm(nr+"/editions/ru/rollback",
			form("version", "1"), "version", true, formWrong(nr+"/editions/ru/rollback", form("version", "abc")))},
		"POST /workbench/newsroom/articles/{article}/editions/{lang}/retry": {"wb", false, hostileNoBody("POST",
			nr+"/editions/ru/retry", "application/x-www-form-urlencoded", formNote, nr+"/editions/xx/retry")},
	}

	// Every write route of the router has its cases, and every case a route.
	ws, err := web.New(web.Config{}) // for its routes only
	if err != nil {
		t.Fatal(err)
	}
	routes := map[string]bool{}
	if err := chi.Walk(ws.Routes(), func(method, route string, _ http.Handler, _ ...func(http.Handler) http.Handler) error {
		switch method {
		case http.MethodGet, http.MethodHead, http.MethodOptions:
			return nil
		}
		routes[method+" "+route] = true
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for r := range routes {
		if _, ok := cases[r]; !ok {
			t.Errorf("write route %s has no hostile-input cases: add them to this test", r)
		}
	}
	for r := range cases {
		if !routes[r] {
			t.Errorf("cases for %s, which the router does not have", r)
		}
	}

	send := func(via string, h hostileReq) (int, string, []byte, string) {
		req, err := http.NewRequest(h.method, env.srv.URL+h.path, bytes.NewReader(h.body))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", h.ctype)
		hc := http.DefaultClient
		switch via {
		case "api":
			req.Header.Set("Authorization", "Bearer "+ed.token)
		case "wb":
			hc = wb.hc
			req.Header.Set("X-CSRF-Token", csrf)
			if h.ctype == "application/json" {
				req.Header.Set("Accept", "application/json")
			}
		case "anon":
			hc = anon.hc
		}
		res, err := hc.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, res.Header.Get("Content-Type"), b, res.Header.Get("Location")
	}

	names := make([]string, 0, len(cases))
	for r := range cases {
		names = append(names, r)
	}
	slices.Sort(names)
	before := fingerprint(t, env)
	for _, route := range names {
		rc := cases[route]
		for _, h := range rc.cases {
			code, ctype, body, loc := send(rc.via, h)
			what := fmt.Sprintf("%s, %s (%s %.80s)", route, h.name, h.method, h.path)
			if code == http.StatusSeeOther && rc.via == "wb" && h.ctype != "application/json" {
				// A refused form sends the browser back to its page, which says why.
				req, _ := http.NewRequest("GET", env.srv.URL+loc, nil)
				res, err := wb.hc.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				body, _ = io.ReadAll(res.Body)
				res.Body.Close()
				if code = res.StatusCode; code != http.StatusOK || !strings.Contains(string(body), `class="problem" role="alert"`) {
					t.Errorf("%s: redirected to %s = %d without the reason", what, loc, code)
				}
				code = http.StatusBadRequest
			}
			if code < 400 || code >= 500 {
				t.Errorf("%s: %d, want a 4xx:\n%.300s", what, code, body)
			}
			isJSON := rc.json && (rc.via == "api" || h.ctype == "application/json")
			text := html.UnescapeString(string(body))
			if isJSON {
				var out struct {
					Error struct{ Code, Message string }
				}
				if !strings.HasPrefix(ctype, "application/json") || json.Unmarshal(body, &out) != nil || out.Error.Message == "" {
					t.Errorf("%s: %q %.200q, want a JSON error with a message", what, ctype, body)
				}
				text = out.Error.Message
			}
			if h.want != "" && !strings.Contains(text, h.want) {
				t.Errorf("%s: the refusal does not say %q: %.300s", what, h.want, text)
			}
			if after := fingerprint(t, env); after != before {
				t.Fatalf("%s: the database changed", what)
			}
		}
	}
}

// TestJSONInvalidUTF8IsRefusedNotReplaced checks that a JSON body with bytes that are not UTF-8
// is refused instead of being stored with U+FFFD in their place, as encoding/json would.
func TestJSONInvalidUTF8IsRefusedNotReplaced(t *testing.T) {
	t.Parallel()
	env := start(t, "none")
	ed := env.users["ed"]
	body := []byte("{\"terms\": {\"en\": \"Tash\xffkent\", \"ru\": \"Ташкент\"}}")
	req, _ := http.NewRequest("POST", env.srv.URL+"/api/v1/terms", bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+ed.token)
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var out struct{ Error struct{ Message string } }
	json.NewDecoder(res.Body).Decode(&out)
	res.Body.Close()
	if res.StatusCode != 400 || !strings.Contains(out.Error.Message, "line 1") || !strings.Contains(out.Error.Message, "UTF-8") {
		t.Fatalf("invalid UTF-8 = %d %q, want 400 naming the line", res.StatusCode, out.Error.Message)
	}
	if cs := ed.must("GET", "/api/v1/terms", nil, 200)["concepts"].([]any); len(cs) != 0 {
		t.Fatalf("stored %v", cs)
	}
	// In every interface language.
	req, _ = http.NewRequest("POST", env.srv.URL+"/api/v1/terms", bytes.NewReader([]byte(`{"terms": {"en": "a\u0000"}}`)))
	req.Header.Set("Authorization", "Bearer "+ed.token)
	req.Header.Set("Accept-Language", "kk")
	res, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	json.NewDecoder(res.Body).Decode(&out)
	res.Body.Close()
	if res.StatusCode != 400 || !strings.Contains(out.Error.Message, "NUL таңбасы") {
		t.Fatalf("NUL in Kazakh = %d %q", res.StatusCode, out.Error.Message)
	}
}

// TestWorkbenchJSONErrorsAreJSON checks that the workbench's JSON save answers JSON when its
// token is missing or wrong, or the request comes from another site, whatever it asks for.
func TestWorkbenchJSONErrorsAreJSON(t *testing.T) {
	t.Parallel()
	env := start(t, "pseudo")
	_, ruID, _ := reviewEdition(t, env)
	name := "ed-" + t.Name()
	setPassword(t, env.app.store, name, "ed-password-1")
	c := signIn(t, env.srv.URL, name, "ed-password-1")
	path := fmt.Sprintf("%s/workbench/editions/%d/segments/1", env.srv.URL, ruID)
	for _, tc := range []struct {
		name    string
		headers map[string]string
	}{
		{"no token, asking for JSON", map[string]string{"Accept": "application/json"}},
		{"no token, no Accept", map[string]string{}},
		{"wrong token", map[string]string{"X-CSRF-Token": "not-the-token"}},
		{"another site", map[string]string{"X-CSRF-Token": c.csrf, "Sec-Fetch-Site": "cross-site"}},
	} {
		req, _ := http.NewRequest("PUT", path, strings.NewReader(`{"text": "x", "version": 1}`))
		req.Header.Set("Content-Type", "application/json")
		for k, v := range tc.headers {
			req.Header.Set(k, v)
		}
		res, err := c.hc.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var out struct {
			Error struct{ Code, Message string }
		}
		err = json.NewDecoder(res.Body).Decode(&out)
		res.Body.Close()
		if res.StatusCode != 403 || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") || err != nil ||
			out.Error.Message != "This form has expired. Reload the page and try again." {
			t.Errorf("%s: %d %q %+v (%v), want 403 with a JSON message", tc.name, res.StatusCode, res.Header.Get("Content-Type"), out, err)
		}
	}
	// A form post without its token still gets the error page.
	code, page, _ := c.postForm(fmt.Sprintf("/workbench/editions/%d/submit", ruID), url.Values{})
	if code != 403 || !strings.Contains(page, "<html") {
		t.Errorf("form without token = %d, want the 403 page", code)
	}
}

// TestTermsImportIsStrict checks that a termbase CSV with a short row, or a field that is not
// text, is refused with its line named, and that nothing of it is stored.
func TestTermsImportIsStrict(t *testing.T) {
	t.Parallel()
	env := start(t, "none")
	ed := env.users["ed"]
	header := "en,ru,kk,zh,note,do_not_translate,forbidden_en,forbidden_ru,forbidden_kk,forbidden_zh\n"
	good := "Astana,Астана,Астана,阿斯塔纳,,false,,,,\n"
	for _, tc := range []struct{ name, csv, want string }{
		{"two of ten columns", header + good + "Almaty,Алматы\n", "Line 3 of the termbase file has 2 columns, but the header has 10. Nothing was imported."},
		{"NUL", header + good + "Alm\x00aty,Алматы,Алматы,阿拉木图,,false,,,,\n", "line 3"},
		{"invalid UTF-8", header + good + "Almaty,\xff,Алматы,阿拉木图,,false,,,,\n", "line 3"},
		{"control character", header + good + "Almaty,Алматы\x07,Алматы,阿拉木图,,false,,,,\n", "Line 3 of the termbase file contains the control character U+0007"},
	} {
		req, _ := http.NewRequest("POST", env.srv.URL+"/api/v1/terms/import", strings.NewReader(tc.csv))
		req.Header.Set("Authorization", "Bearer "+ed.token)
		req.Header.Set("Content-Type", "text/csv")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var out struct{ Error struct{ Message string } }
		json.NewDecoder(res.Body).Decode(&out)
		res.Body.Close()
		if res.StatusCode != 400 || !strings.Contains(out.Error.Message, tc.want) {
			t.Errorf("%s: %d %q, want 400 with %q", tc.name, res.StatusCode, out.Error.Message, tc.want)
		}
	}
	if cs := ed.must("GET", "/api/v1/terms", nil, 200)["concepts"].([]any); len(cs) != 0 {
		t.Fatalf("refused imports stored %d concepts", len(cs))
	}
	// The command line reads files the same way.
	code, _, errOut := runCLI(t, "", "terms", "import", "--database-url", env.url, writeFile(t, header+good+"Almaty,Алматы\n"))
	if code != 1 || !strings.Contains(errOut, "Line 3") || !strings.Contains(errOut, "2 columns") {
		t.Errorf("CLI import of a short row: %d %q", code, errOut)
	}
}

// TestReleaseTimesMustBeSane checks that a release time before 2000 or more than ten years ahead
// is refused with a clear 400 by the API and the newsroom, and that nothing is released.
func TestReleaseTimesMustBeSane(t *testing.T) {
	t.Parallel()
	env := start(t, "none")
	ed := env.users["ed"]
	art := ed.must("POST", "/api/v1/articles", map[string]any{"text": "A title\n\nThe body of the article.", "source_lang": "en"}, 201)
	id := int64(art["id"].(float64))
	env.waitFor(t, id, "source awaiting approval", func(s map[pipeline.Lang]string) bool { return s["en"] == "awaiting_approval" })
	far := "2200-01-01T00:00:00Z"
	for _, tc := range []struct{ path, body string }{
		{"/release", `{"langs": ["en"], "publish_at": "0001-01-01T00:00:00Z"}`},
		{"/release", `{"langs": ["en"], "publish_at": "1999-12-31T23:59:59Z"}`},
		{"/release", `{"langs": ["en"], "publish_at": "` + far + `"}`},
		{"/editions/en/approve", `{"publish_at": "0001-01-01T00:00:00Z"}`},
		{"/editions/en/approve", `{"publish_at": "` + far + `"}`},
	} {
		var body map[string]any
		json.Unmarshal([]byte(tc.body), &body)
		code, out := ed.do("POST", fmt.Sprintf("/api/v1/articles/%d%s", id, tc.path), body)
		e, _ := out["error"].(map[string]any)
		msg, _ := e["message"].(string)
		if code != 400 || !strings.Contains(msg, "out of range") {
			t.Errorf("POST %s %s = %d %q, want 400 out of range", tc.path, tc.body, code, msg)
		}
	}
	if rels := ed.must("GET", fmt.Sprintf("/api/v1/articles/%d/releases", id), nil, 200)["releases"].([]any); len(rels) != 0 {
		t.Fatalf("refused times made releases: %v", rels)
	}
	// A real schedule can be moved, but not to year 1.
	rel := ed.must("POST", fmt.Sprintf("/api/v1/articles/%d/release", id), map[string]any{"langs": []string{"en"},
		"publish_at": "2030-06-01T08:00:00Z"}, 201)
	relPath := fmt.Sprintf("/api/v1/articles/%d/releases/%d", id, int64(rel["id"].(float64)))
	if code, _ := ed.do("PATCH", relPath, map[string]any{"publish_at": "0001-01-01T00:00:00Z"}); code != 400 {
		t.Errorf("reschedule to year 1 = %d, want 400", code)
	}
	rels := ed.must("GET", fmt.Sprintf("/api/v1/articles/%d/releases", id), nil, 200)["releases"].([]any)
	if len(rels) != 1 || !strings.HasPrefix(rels[0].(map[string]any)["publish_at"].(string), "2030-06-01T08:00:00") {
		t.Fatalf("releases after the refused reschedule: %v", rels)
	}
	// The newsroom form says the same.
	name := "ed-" + t.Name()
	setPassword(t, env.app.store, name, "ed-password-1")
	c := signIn(t, env.srv.URL, name, "ed-password-1")
	expectPost(t, c, fmt.Sprintf("/workbench/newsroom/articles/%d/releases/%d/reschedule", id, int64(rel["id"].(float64))),
		url.Values{"when": {"later"}, "publish_at": {"2200-01-01T10:00"}, "tz": {"UTC"}}, 400, "out of range")
}

// TestStaticServesNoDirectoryListing checks that no path lists a directory, and that static
// files answer only reads.
func TestStaticServesNoDirectoryListing(t *testing.T) {
	t.Parallel()
	env := start(t, "none")
	for _, p := range []string{"/static/", "/static", "/static/.", "/static/../static/"} {
		code, body := get(t, env.srv.URL+p, "")
		if code == 200 || strings.Contains(body, "workbench.js") {
			t.Errorf("GET %s = %d:\n%.300s", p, code, body)
		}
	}
	if code, body := get(t, env.srv.URL+"/static/workbench.js", ""); code != 200 || !strings.Contains(body, "function") {
		t.Errorf("GET /static/workbench.js = %d", code)
	}
	res, err := http.Post(env.srv.URL+"/static/workbench.js", "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST /static/workbench.js = %d, want 405", res.StatusCode)
	}
}

// TestHSTSWhenBaseURLIsHTTPS checks that every answer, published pages included, carries
// Strict-Transport-Security when the public address is https, and none does otherwise.
func TestHSTSWhenBaseURLIsHTTPS(t *testing.T) {
	t.Parallel()
	dbURL := postgrestest.NewDatabase(t)
	for _, base := range []string{"https://news.example.org", "http://127.0.0.1:8080"} {
		cfg := &Config{DatabaseURL: dbURL, Provider: "none", BaseURL: base, Getenv: func(string) string { return "" }}
		a, err := newApp(t.Context(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), io.Discard)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { a.close(context.Background()) })
		ws, err := a.webServer()
		if err != nil {
			t.Fatal(err)
		}
		h := ws.Handler()
		for _, p := range []string{"/", "/en/", "/en/no-such-page", "/healthz", "/static/site.css", "/api/v1/articles", "/workbench/signin"} {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", p, nil))
			got := rec.Header().Get("Strict-Transport-Security")
			if want := strings.HasPrefix(base, "https:"); (got != "") != want || want && !strings.HasPrefix(got, "max-age=") {
				t.Errorf("%s %s: Strict-Transport-Security %q", base, p, got)
			}
		}
	}
}
