package deepl

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tilmash/tilmash/pipeline"
)

const secretKey = "0123abcd-4567-89ef-0123-456789abcdef:fx"

// languagesJSON is a /v3/languages?resource=translate_text answer: Kazakh without glossary
// support, no traditional Chinese target.
const languagesJSON = `[
 {"lang":"en","name":"English","usable_as_source":true,"usable_as_target":false,"status":"stable","features":{"glossary":{"status":"stable"}}},
 {"lang":"en-US","name":"English (American)","usable_as_source":false,"usable_as_target":true,"status":"stable","features":{"glossary":{"status":"stable"}}},
 {"lang":"en-GB","name":"English (British)","usable_as_source":false,"usable_as_target":true,"status":"stable","features":{"glossary":{"status":"stable"}}},
 {"lang":"ru","name":"Russian","usable_as_source":true,"usable_as_target":true,"status":"stable","features":{"glossary":{"status":"stable"},"formality":{"status":"stable"}}},
 {"lang":"kk","name":"Kazakh","usable_as_source":true,"usable_as_target":true,"status":"stable","features":{}},
 {"lang":"zh","name":"Chinese","usable_as_source":true,"usable_as_target":false,"status":"stable","features":{"glossary":{"status":"stable"}}},
 {"lang":"zh-Hans","name":"Chinese (simplified)","usable_as_source":false,"usable_as_target":true,"status":"stable","features":{"glossary":{"status":"stable"}}}
]`

// fakeDeepL checks every request the way the DeepL API documents it.
type fakeDeepL struct {
	t         *testing.T
	status    int
	body      string
	header    http.Header
	existing  string // a /v3/glossaries list answer; "" means an empty list
	mu        sync.Mutex
	requests  []translateRequest
	sizes     []int
	created   []map[string]any
	posts     atomic.Int32
	langs     atomic.Int32
	glossGets atomic.Int32
}

func (f *fakeDeepL) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if got := r.Header.Get("Authorization"); got != "DeepL-Auth-Key "+secretKey {
		f.t.Errorf("%s %s: Authorization = %q", r.Method, r.URL.Path, got)
		w.WriteHeader(http.StatusForbidden)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	switch {
	case r.Method == http.MethodGet && r.URL.Path == "/v3/languages":
		f.langs.Add(1)
		if r.URL.Query().Get("resource") != "translate_text" {
			f.t.Errorf("resource = %q", r.URL.Query().Get("resource"))
		}
		io.WriteString(w, languagesJSON)
	case r.Method == http.MethodGet && r.URL.Path == "/v3/glossaries":
		f.glossGets.Add(1)
		if f.existing == "" {
			io.WriteString(w, `{"glossaries":[]}`)
		} else {
			io.WriteString(w, f.existing)
		}
	case r.Method == http.MethodPost && r.URL.Path == "/v3/glossaries":
		var body map[string]any
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
			f.t.Errorf("glossary body: %v", err)
		}
		dicts, _ := body["dictionaries"].([]any)
		if len(dicts) != 1 {
			f.t.Errorf("want one dictionary, got %v", body)
		} else if d, _ := dicts[0].(map[string]any); d["entries_format"] != "tsv" {
			f.t.Errorf("entries_format = %v", d["entries_format"])
		}
		f.mu.Lock()
		f.created = append(f.created, body)
		f.mu.Unlock()
		w.WriteHeader(http.StatusCreated)
		io.WriteString(w, `{"glossary_id":"g-123","name":"x","ready":true,"dictionaries":[{"source_lang":"en","target_lang":"ru","entry_count":2}],"creation_time":"2026-11-03T14:16:18.329Z"}`)
	case r.Method == http.MethodPost && r.URL.Path == "/v2/translate":
		f.posts.Add(1)
		if ct := r.Header.Get("Content-Type"); ct != "application/json" {
			f.t.Errorf("Content-Type = %q", ct)
		}
		raw, _ := io.ReadAll(r.Body)
		if len(raw) > MaxRequestBytes {
			f.t.Errorf("request body of %d bytes is over 128 KiB", len(raw))
			w.WriteHeader(http.StatusRequestEntityTooLarge)
			return
		}
		var req translateRequest
		if err := json.Unmarshal(raw, &req); err != nil {
			f.t.Errorf("body: %v", err)
		}
		if len(req.Text) == 0 || len(req.Text) > MaxTexts {
			f.t.Errorf("%d texts in one request", len(req.Text))
		}
		f.mu.Lock()
		f.requests = append(f.requests, req)
		f.sizes = append(f.sizes, len(raw))
		f.mu.Unlock()
		for k, vs := range f.header {
			w.Header()[k] = vs
		}
		if f.status != 0 {
			w.WriteHeader(f.status)
			io.WriteString(w, f.body)
			return
		}
		if f.body != "" {
			io.WriteString(w, f.body)
			return
		}
		var resp translateResponse
		for _, t := range req.Text {
			resp.Translations = append(resp.Translations, struct {
				DetectedSourceLanguage string `json:"detected_source_language"`
				Text                   string `json:"text"`
			}{req.SourceLang, req.TargetLang + ":" + t})
		}
		json.NewEncoder(w).Encode(resp)
	default:
		f.t.Errorf("unexpected %s %s", r.Method, r.URL)
		w.WriteHeader(http.StatusNotFound)
	}
}

func start(t *testing.T, f *fakeDeepL) *Client {
	t.Helper()
	f.t = t
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	c, err := New(Config{AuthKey: secretKey, URL: srv.URL, HTTPClient: srv.Client()})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestTranslateCodesAndOrder(t *testing.T) {
	t.Parallel()
	tests := []struct {
		from, to     pipeline.Lang
		source, want string
	}{
		{"en", "ru", "EN", "RU"},
		{"ru", "en", "RU", "EN-US"},
		{"en", "zh", "EN", "ZH-HANS"},
		{"zh", "kk", "ZH", "KK"},
	}
	for _, tt := range tests {
		t.Run(string(tt.from)+"-"+string(tt.to), func(t *testing.T) {
			t.Parallel()
			f := &fakeDeepL{}
			c := start(t, f)
			out, err := c.Translate(context.Background(), pipeline.TranslateRequest{SourceLang: tt.from, TargetLang: tt.to, Texts: []string{"a", "", "b"}})
			if err != nil {
				t.Fatal(err)
			}
			if out[0] != tt.want+":a" || out[1] != "" || out[2] != tt.want+":b" {
				t.Fatalf("got %q", out)
			}
			if r := f.requests[0]; r.SourceLang != tt.source || r.TargetLang != tt.want || r.GlossaryID != "" {
				t.Fatalf("request %+v", r)
			}
		})
	}
}

func TestBatchLimits(t *testing.T) {
	t.Parallel()
	f := &fakeDeepL{}
	c := start(t, f)
	texts := make([]string, 120)
	for i := range texts {
		texts[i] = "short sentence"
	}
	if _, err := c.Translate(context.Background(), pipeline.TranslateRequest{SourceLang: "en", TargetLang: "ru", Texts: texts}); err != nil {
		t.Fatal(err)
	}
	if got := f.posts.Load(); got != 3 { // ceil(120/50)
		t.Fatalf("%d requests for 120 texts, want 3", got)
	}

	big := &fakeDeepL{}
	c = start(t, big)
	long := strings.Repeat("Ж", 10000) // 20,000 bytes as UTF-8
	texts = make([]string, 20)
	for i := range texts {
		texts[i] = long
	}
	out, err := c.Translate(context.Background(), pipeline.TranslateRequest{SourceLang: "ru", TargetLang: "en", Texts: texts})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 20 || out[19] != "EN-US:"+long {
		t.Fatal("long texts lost or reordered")
	}
	if got := big.posts.Load(); got != 4 { // 6 texts of 20,000 bytes fit into 128 KiB
		t.Fatalf("%d requests, want 4 (sizes %v)", got, big.sizes)
	}

	_, err = c.Translate(context.Background(), pipeline.TranslateRequest{SourceLang: "ru", TargetLang: "en", Texts: []string{strings.Repeat("Ж", 70000)}})
	if pipeline.ErrorCode(err) != pipeline.CodeTooLarge {
		t.Fatalf("a text over 128 KiB: want too large, got %v", err)
	}
}

func TestUnsupportedPairSendsNoText(t *testing.T) {
	t.Parallel()
	f := &fakeDeepL{}
	c := start(t, f)
	_, err := c.Translate(context.Background(), pipeline.TranslateRequest{SourceLang: "en", TargetLang: "de", Texts: []string{"x"}})
	if pipeline.ErrorCode(err) != pipeline.CodeUnsupported {
		t.Fatalf("want unsupported, got %v", err)
	}
	// a list without Kazakh
	f2 := &fakeDeepL{}
	c2 := start(t, f2)
	c2.langs = map[string]language{"en": {Lang: "en", UsableAsSource: true}}
	c2.fetched = time.Now()
	_, err = c2.Translate(context.Background(), pipeline.TranslateRequest{SourceLang: "en", TargetLang: "kk", Texts: []string{"x"}})
	var e *pipeline.Error
	if !errors.As(err, &e) || e.Code != pipeline.CodeUnsupported || e.Data["Target"] != "kk" {
		t.Fatalf("want unsupported naming kk, got %v", err)
	}
	if f.posts.Load()+f2.posts.Load() != 0 {
		t.Fatal("text was sent for an unsupported pair")
	}
}

func TestGlossary(t *testing.T) {
	t.Parallel()
	terms := []pipeline.TermHint{{Source: "Belt and Road Initiative", Target: "инициатива «Пояс и путь»"},
		{Source: "CPC", Target: "CPC", DoNotTranslate: true}, {Source: "bad\tentry", Target: "x"}}
	f := &fakeDeepL{}
	c := start(t, f)
	req := pipeline.TranslateRequest{SourceLang: "en", TargetLang: "ru", Texts: []string{"The CPC and the Belt and Road Initiative."}, Terms: terms}
	for i := 0; i < 2; i++ {
		if _, err := c.Translate(context.Background(), req); err != nil {
			t.Fatal(err)
		}
	}
	if len(f.created) != 1 || f.glossGets.Load() != 1 {
		t.Fatalf("created %d glossaries after %d lists, want one of each", len(f.created), f.glossGets.Load())
	}
	d := f.created[0]["dictionaries"].([]any)[0].(map[string]any)
	if d["source_lang"] != "en" || d["target_lang"] != "ru" || d["entries"] != "Belt and Road Initiative\tинициатива «Пояс и путь»\nCPC\tCPC" {
		t.Fatalf("dictionary %v", d)
	}
	if name, _ := f.created[0]["name"].(string); !strings.HasPrefix(name, "tilmash-en-ru-") {
		t.Fatalf("name %q", name)
	}
	for _, r := range f.requests {
		if r.GlossaryID != "g-123" {
			t.Fatalf("translation without the glossary: %+v", r)
		}
	}

	// Another client finds the glossary by name instead of creating it again.
	name := f.created[0]["name"].(string)
	f2 := &fakeDeepL{existing: `{"glossaries":[{"glossary_id":"g-old","name":"` + name + `","dictionaries":[{"source_lang":"en","target_lang":"ru","entry_count":2}]}]}`}
	c2 := start(t, f2)
	if _, err := c2.Translate(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	if len(f2.created) != 0 || f2.requests[0].GlossaryID != "g-old" {
		t.Fatalf("existing glossary not reused: created %d, request %+v", len(f2.created), f2.requests[0])
	}

	// Kazakh lacks the glossary feature: no glossary calls at all.
	f3 := &fakeDeepL{}
	c3 := start(t, f3)
	if _, err := c3.Translate(context.Background(), pipeline.TranslateRequest{SourceLang: "en", TargetLang: "kk", Texts: []string{"x"}, Terms: terms}); err != nil {
		t.Fatal(err)
	}
	if f3.glossGets.Load() != 0 || len(f3.created) != 0 || f3.requests[0].GlossaryID != "" {
		t.Fatal("glossary used for a pair without glossary support")
	}

	if _, err := c3.EnsureGlossary(context.Background(), "en", "ru", map[string]string{"": "x", "a\nb": "c"}); pipeline.ErrorCode(err) != pipeline.CodeBadResponse {
		t.Fatalf("no usable entries: want bad response, got %v", err)
	}
}

func TestErrors(t *testing.T) {
	t.Parallel()
	future := time.Now().Add(90 * time.Second).UTC().Format(http.TimeFormat)
	tests := []struct {
		name      string
		status    int
		body      string
		header    http.Header
		wantCode  pipeline.Code
		wantMsg   string
		wantRetry time.Duration // lower bound for rate limits
	}{
		{"rate limited, seconds", 429, `{"message":"Too many requests"}`, http.Header{"Retry-After": {"7"}}, pipeline.CodeRateLimited, "error.provider_rate_limited", 7 * time.Second},
		{"rate limited, HTTP date", 429, `{"message":"Too many requests"}`, http.Header{"Retry-After": {future}}, pipeline.CodeRateLimited, "error.provider_rate_limited", 80 * time.Second},
		{"rate limited, no header", 429, ``, nil, pipeline.CodeRateLimited, "error.provider_rate_limited", 30 * time.Second},
		{"high load 529", 529, `{"message":"Too many requests"}`, nil, pipeline.CodeRateLimited, "error.provider_rate_limited", 30 * time.Second},
		{"quota 456", 456, `{"message":"Quota exceeded"}`, nil, pipeline.CodeAuth, "error.provider_quota", 0},
		{"forbidden", 403, `{"message":"Authorization failed. Please supply a valid auth_key parameter. ` + secretKey + `"}`, nil, pipeline.CodeAuth, "error.provider_auth", 0},
		{"unauthorized", 401, ``, nil, pipeline.CodeAuth, "error.provider_auth", 0},
		{"bad target", 400, `{"message":"Value for 'target_lang' not supported."}`, nil, pipeline.CodeUnsupported, "error.provider_unsupported_pair", 0},
		{"too large", 413, `{"message":"Request Entity Too Large"}`, nil, pipeline.CodeTooLarge, "error.provider_text_too_large", 0},
		{"internal", 500, `{"message":"Internal error"}`, nil, pipeline.CodeUnavailable, "error.provider_unavailable", 0},
		{"unavailable", 503, `{"message":"Service unavailable"}`, nil, pipeline.CodeUnavailable, "error.provider_unavailable", 0},
		{"malformed", 0, `{"translations": [`, nil, pipeline.CodeBadResponse, "error.provider_bad_response", 0},
		{"wrong count", 0, `{"translations":[{"detected_source_language":"EN","text":"one"}]}`, nil, pipeline.CodeBadResponse, "error.provider_bad_response", 0},
		{"not JSON", 0, `<html>maintenance</html>`, nil, pipeline.CodeBadResponse, "error.provider_bad_response", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := &fakeDeepL{status: tt.status, body: tt.body, header: tt.header}
			c := start(t, f)
			_, err := c.Translate(context.Background(), pipeline.TranslateRequest{SourceLang: "en", TargetLang: "ru", Texts: []string{"a", "b"}})
			var e *pipeline.Error
			if !errors.As(err, &e) {
				t.Fatalf("want *pipeline.Error, got %v", err)
			}
			if e.Code != tt.wantCode || e.MessageID != tt.wantMsg {
				t.Fatalf("got %s/%s, want %s/%s (%v)", e.Code, e.MessageID, tt.wantCode, tt.wantMsg, err)
			}
			if tt.wantCode == pipeline.CodeRateLimited && (e.RetryAfter < tt.wantRetry || e.RetryAfter > tt.wantRetry+15*time.Second) {
				t.Fatalf("RetryAfter = %v, want about %v", e.RetryAfter, tt.wantRetry)
			}
			if strings.Contains(err.Error(), secretKey) || strings.Contains(err.Error(), "0123abcd") {
				t.Fatalf("the key leaked: %v", err)
			}
		})
	}
}

func TestNew(t *testing.T) {
	t.Parallel()
	free, err := New(Config{AuthKey: "abc:fx"})
	if err != nil || free.base != FreeURL {
		t.Fatalf("free key: base %q, err %v", free.base, err)
	}
	pro, err := New(Config{AuthKey: "abc"})
	if err != nil || pro.base != ProURL {
		t.Fatalf("pro key: base %q, err %v", pro.base, err)
	}
	if strings.Contains(pro.String(), "abc") {
		t.Fatal("String() shows the key")
	}
	for _, cfg := range []Config{{}, {AuthKey: "  "}, {AuthKey: "k\nx"}, {AuthKey: "k", URL: "api.deepl.com"},
		{AuthKey: "k", EnglishVariant: "EN-AU"}, {AuthKey: "k", MaxTexts: -1}} {
		if _, err := New(cfg); pipeline.ErrorCode(err) != pipeline.CodeInvalid || strings.Contains(err.Error(), "k\nx") {
			t.Fatalf("%+v: want a config error, got %v", cfg, err)
		}
	}
}
