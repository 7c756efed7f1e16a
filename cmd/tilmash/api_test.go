package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

func TestAPIRefusesBadInputAndStoresNothing(t *testing.T) {
	t.Parallel()
	env := start(t, "none")
	ed := env.users["ed"]
	countArticles := func() int {
		out := ed.must("GET", "/api/v1/articles?limit=500", nil, 200)
		return len(out["articles"].([]any))
	}
	before := countArticles()
	big := strings.Repeat("Word ", 2<<20/5+10)
	for _, tc := range []struct {
		name string
		body any
		code int
		msg  string
	}{
		{"empty text", map[string]any{"text": "  ", "source_lang": "en"}, 400, "The text is empty."},
		{"missing text", map[string]any{"source_lang": "en"}, 400, "“text” is required"},
		{"unknown language", map[string]any{"text": "T\n\nBody.", "source_lang": "de"}, 400, "Unknown language “de”"},
		{"missing language", map[string]any{"text": "T\n\nBody."}, 400, "“source_lang” is required"},
		{"unknown format", map[string]any{"text": "T\n\nBody.", "source_lang": "en", "format": "pdf"}, 400, "Unknown format"},
		{"unknown field", map[string]any{"text": "T\n\nBody.", "source_lang": "en", "target_lang": "en"}, 400, "not valid JSON"},
		{"too large", map[string]any{"text": big, "source_lang": "en"}, 413, "too large"},
		{"bad slug", map[string]any{"text": "T\n\nBody.", "source_lang": "en", "slug": "../x"}, 400, "slug"},
	} {
		code, out := ed.do("POST", "/api/v1/articles", tc.body)
		msg, _ := out["error"].(map[string]any)["message"].(string)
		if code != tc.code || !strings.Contains(msg, tc.msg) {
			t.Errorf("%s: %d %q; want %d and %q", tc.name, code, msg, tc.code, tc.msg)
		}
	}
	for _, raw := range []string{"{", "[]", `{"text": 5}`, "", `{"text":"a"} {"x":1}`} {
		req, _ := http.NewRequest("POST", env.srv.URL+"/api/v1/articles", bytes.NewBufferString(raw))
		req.Header.Set("Authorization", "Bearer "+ed.token)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var out map[string]any
		json.NewDecoder(res.Body).Decode(&out)
		res.Body.Close()
		if res.StatusCode != 400 || out["error"] == nil {
			t.Errorf("malformed JSON %q: %d %v", raw, res.StatusCode, out)
		}
	}
	if after := countArticles(); after != before {
		t.Fatalf("refused requests stored %d articles", after-before)
	}
	// Unknown things are 404 with a JSON message, never a 500.
	for _, p := range []string{"/api/v1/articles/999999", "/api/v1/articles/abc", "/api/v1/articles/1/editions/xx", "/api/v1/nothing"} {
		code, out := ed.do("GET", p, nil)
		if (code != 404 && code != 400) || out["error"] == nil {
			t.Errorf("GET %s = %d %v", p, code, out)
		}
	}
}

func TestAPIErrorsSpeakTheRequestersLanguage(t *testing.T) {
	t.Parallel()
	env := start(t, "none")
	for lang, want := range map[string]string{
		"ru-RU,ru;q=0.9": "Текст пуст.",
		"kk":             "Мәтін бос.",
		"zh-CN":          "文本为空。",
		"en-GB":          "The text is empty.",
	} {
		b, _ := json.Marshal(map[string]any{"text": "", "source_lang": "en"})
		req, _ := http.NewRequest("POST", env.srv.URL+"/api/v1/articles", bytes.NewReader(b))
		req.Header.Set("Authorization", "Bearer "+env.users["ed"].token)
		req.Header.Set("Accept-Language", lang)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var out struct{ Error struct{ Message string } }
		json.NewDecoder(res.Body).Decode(&out)
		res.Body.Close()
		if out.Error.Message != want {
			t.Errorf("Accept-Language %s: %q, want %q", lang, out.Error.Message, want)
		}
	}
}

func TestReaderPagesUnknownThingsAre404(t *testing.T) {
	t.Parallel()
	env := start(t, "none")
	for path, want := range map[string]string{
		"/en/articles/no-such-article": "Page not found",
		"/ru/articles/no-such-article": "Страница не найдена",
		"/xx/":                         "Page not found",
	} {
		code, body := get(t, env.srv.URL+path, "")
		if code != 404 || !strings.Contains(body, want) {
			t.Errorf("%s: %d, want 404 with %q", path, code, want)
		}
	}
	req, _ := http.NewRequest("GET", env.srv.URL+"/", nil)
	req.Header.Set("Accept-Language", "kk-KZ,ru;q=0.8")
	res, err := (&http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if loc := res.Header.Get("Location"); loc != "/kk/" {
		t.Errorf("/ with Accept-Language kk-KZ redirects to %q", loc)
	}
}
