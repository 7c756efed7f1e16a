package googletranslate

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

const secretKey = "AIzaSyD-secret-google-key"

type fakeGoogle struct {
	t      *testing.T
	status int
	body   string
	header http.Header
	mu     sync.Mutex
	reqs   []translateRequest
	posts  atomic.Int32
}

func (f *fakeGoogle) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || r.URL.Path != "/language/translate/v2" {
		f.t.Errorf("unexpected %s %s", r.Method, r.URL.Path)
		w.WriteHeader(http.StatusNotFound)
		return
	}
	if r.URL.Query().Get("key") != secretKey {
		f.t.Errorf("key missing from the query")
	}
	if ct := r.Header.Get("Content-Type"); ct != "application/json" {
		f.t.Errorf("Content-Type = %q", ct)
	}
	raw, _ := io.ReadAll(r.Body)
	if len(raw) > MaxRequestBytes {
		f.t.Errorf("body of %d bytes", len(raw))
	}
	var req translateRequest
	if err := json.Unmarshal(raw, &req); err != nil {
		f.t.Errorf("body: %v", err)
	}
	if req.Format != "text" || len(req.Q) == 0 || len(req.Q) > MaxTexts {
		f.t.Errorf("request %+v", req)
	}
	f.posts.Add(1)
	f.mu.Lock()
	f.reqs = append(f.reqs, req)
	f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json; charset=UTF-8")
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
	for _, q := range req.Q {
		resp.Data.Translations = append(resp.Data.Translations, struct {
			TranslatedText string `json:"translatedText"`
		}{req.Target + ":" + q})
	}
	json.NewEncoder(w).Encode(resp)
}

func start(t *testing.T, f *fakeGoogle) *Client {
	t.Helper()
	f.t = t
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	c, err := New(Config{APIKey: secretKey, URL: srv.URL + "/language/translate/v2", HTTPClient: srv.Client()})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestTranslate(t *testing.T) {
	t.Parallel()
	f := &fakeGoogle{}
	c := start(t, f)
	texts := make([]string, 300)
	for i := range texts {
		texts[i] = "s" + strings.Repeat("x", i%7)
	}
	out, err := c.Translate(context.Background(), pipeline.TranslateRequest{SourceLang: "en", TargetLang: "zh", Texts: texts})
	if err != nil {
		t.Fatal(err)
	}
	for i := range texts {
		if out[i] != "zh-CN:"+texts[i] {
			t.Fatalf("out[%d] = %q", i, out[i])
		}
	}
	if got := f.posts.Load(); got != 3 { // ceil(300/128)
		t.Fatalf("%d requests, want 3", got)
	}
	if f.reqs[0].Source != "en" {
		t.Fatalf("source %q", f.reqs[0].Source)
	}
	if _, err := c.Translate(context.Background(), pipeline.TranslateRequest{SourceLang: "kk", TargetLang: "ru", Texts: []string{strings.Repeat("Қ", 30000), strings.Repeat("Қ", 30000)}}); err != nil {
		t.Fatal(err)
	}
	if got := f.posts.Load(); got != 5 { // two texts of 60,000 bytes do not share a 100K request
		t.Fatalf("%d requests, want 5", got)
	}
}

func TestErrors(t *testing.T) {
	t.Parallel()
	gerr := func(code int, reason, msg string) string {
		return `{"error":{"code":` + itoa(code) + `,"message":"` + msg + `","errors":[{"message":"` + msg + `","domain":"usageLimits","reason":"` + reason + `"}]}}`
	}
	tests := []struct {
		name      string
		status    int
		body      string
		header    http.Header
		wantCode  pipeline.Code
		wantMsg   string
		wantRetry time.Duration
	}{
		{"403 user rate limit", 403, gerr(403, "userRateLimitExceeded", "User Rate Limit Exceeded"), nil, pipeline.CodeRateLimited, "error.provider_rate_limited", 30 * time.Second},
		{"403 rate limit with Retry-After", 403, gerr(403, "rateLimitExceeded", "Rate Limit Exceeded"), http.Header{"Retry-After": {"5"}}, pipeline.CodeRateLimited, "error.provider_rate_limited", 5 * time.Second},
		{"429", 429, `{"error":{"code":429,"message":"Quota exceeded","status":"RESOURCE_EXHAUSTED"}}`, nil, pipeline.CodeRateLimited, "error.provider_rate_limited", 30 * time.Second},
		{"403 daily limit", 403, gerr(403, "dailyLimitExceeded", "Daily Limit Exceeded"), nil, pipeline.CodeAuth, "error.provider_quota", 0},
		{"403 forbidden", 403, gerr(403, "forbidden", "The caller does not have permission"), nil, pipeline.CodeAuth, "error.provider_auth", 0},
		{"400 bad key", 400, `{"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","errors":[{"reason":"badRequest"}],"status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID"}]}}`, nil, pipeline.CodeAuth, "error.provider_auth", 0},
		{"400 bad language", 400, gerr(400, "invalid", "Invalid Value"), nil, pipeline.CodeUnsupported, "error.provider_unsupported_pair", 0},
		{"400 other", 400, gerr(400, "badRequest", "Request payload size exceeds the limit"), nil, pipeline.CodeBadResponse, "error.provider_bad_response", 0},
		{"500", 500, gerr(500, "backendError", "Internal error"), nil, pipeline.CodeUnavailable, "error.provider_unavailable", 0},
		{"503 HTML", 503, `<html>unavailable</html>`, nil, pipeline.CodeUnavailable, "error.provider_unavailable", 0},
		{"malformed", 0, `{"data":{"translations":[{"translatedText":`, nil, pipeline.CodeBadResponse, "error.provider_bad_response", 0},
		{"wrong count", 0, `{"data":{"translations":[]}}`, nil, pipeline.CodeBadResponse, "error.provider_bad_response", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := start(t, &fakeGoogle{status: tt.status, body: tt.body, header: tt.header})
			_, err := c.Translate(context.Background(), pipeline.TranslateRequest{SourceLang: "en", TargetLang: "kk", Texts: []string{"a"}})
			var e *pipeline.Error
			if !errors.As(err, &e) || e.Code != tt.wantCode || e.MessageID != tt.wantMsg {
				t.Fatalf("want %s/%s, got %#v", tt.wantCode, tt.wantMsg, err)
			}
			if tt.wantCode == pipeline.CodeRateLimited && e.RetryAfter != tt.wantRetry {
				t.Fatalf("RetryAfter = %v, want %v", e.RetryAfter, tt.wantRetry)
			}
			if strings.Contains(err.Error(), secretKey) {
				t.Fatalf("the key leaked: %v", err)
			}
		})
	}
}

func TestTransportErrorsHideTheKey(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.NotFoundHandler())
	srv.Close()
	c, err := New(Config{APIKey: secretKey, URL: srv.URL, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Translate(context.Background(), pipeline.TranslateRequest{SourceLang: "en", TargetLang: "ru", Texts: []string{"a"}})
	if pipeline.ErrorCode(err) != pipeline.CodeUnavailable {
		t.Fatalf("want unavailable, got %v", err)
	}
	for e := error(err); e != nil; e = errors.Unwrap(e) {
		if strings.Contains(e.Error(), secretKey) || strings.Contains(e.Error(), "key=") {
			t.Fatalf("the key is in the error chain: %v", e)
		}
	}
}

func TestNew(t *testing.T) {
	t.Parallel()
	for _, cfg := range []Config{{}, {APIKey: " "}, {APIKey: "k", URL: "translation.googleapis.com"}, {APIKey: "k", MaxTexts: -2}} {
		if _, err := New(cfg); pipeline.ErrorCode(err) != pipeline.CodeInvalid {
			t.Fatalf("%+v: want a config error, got %v", cfg, err)
		}
	}
	c, err := New(Config{APIKey: secretKey})
	if err != nil || strings.Contains(c.String(), secretKey) || c.base != DefaultURL {
		t.Fatalf("%v %v", c, err)
	}
	_, err = c.Translate(context.Background(), pipeline.TranslateRequest{SourceLang: "en", TargetLang: "en", Texts: []string{"a"}})
	if pipeline.ErrorCode(err) != pipeline.CodeUnsupported {
		t.Fatalf("same language: want unsupported, got %v", err)
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }
