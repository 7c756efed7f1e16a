package openai

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

const secretKey = "sk-test-secret-openai-key"

// fakeChat checks requests as the chat completions API defines them. answer builds the
// assistant content for the n-th request (0-based) from the segments; status/body override.
type fakeChat struct {
	t        *testing.T
	key      string
	status   int
	body     string
	header   http.Header
	answer   func(n int, segments []string) (content, finish string)
	calls    atomic.Int32
	mu       sync.Mutex
	docs     []userDoc
	requests []chatRequest
}

func (f *fakeChat) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || r.URL.Path != "/v1/chat/completions" {
		f.t.Errorf("unexpected %s %s", r.Method, r.URL.Path)
		w.WriteHeader(http.StatusNotFound)
		return
	}
	if want := "Bearer " + f.key; f.key != "" && r.Header.Get("Authorization") != want {
		f.t.Errorf("Authorization header missing or wrong")
	}
	if f.key == "" && r.Header.Get("Authorization") != "" {
		f.t.Errorf("Authorization sent without a key")
	}
	if ct := r.Header.Get("Content-Type"); ct != "application/json" {
		f.t.Errorf("Content-Type = %q", ct)
	}
	var req chatRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		f.t.Errorf("body: %v", err)
	}
	if req.Model != "test-model" || req.Temperature != 0 || len(req.Messages) != 2 ||
		req.Messages[0].Role != "system" || req.Messages[1].Role != "user" {
		f.t.Errorf("request %+v", req)
	}
	var doc userDoc
	if err := json.Unmarshal([]byte(req.Messages[1].Content), &doc); err != nil {
		f.t.Errorf("user message is not JSON: %v", err)
	}
	n := int(f.calls.Add(1)) - 1
	f.mu.Lock()
	f.docs = append(f.docs, doc)
	f.requests = append(f.requests, req)
	f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
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
	content, finish := f.answer(n, doc.Segments)
	json.NewEncoder(w).Encode(map[string]any{
		"id": "chatcmpl-1", "object": "chat.completion", "model": req.Model,
		"choices": []any{map[string]any{"index": 0, "finish_reason": finish,
			"message": map[string]any{"role": "assistant", "content": content}}},
	})
}

// echo answers with {"translations": ["T:<segment>", ...]}.
func echo(_ int, segments []string) (string, string) {
	out := make([]string, len(segments))
	for i, s := range segments {
		out[i] = "T:" + s
	}
	b, _ := json.Marshal(map[string]any{"translations": out})
	return string(b), "stop"
}

func start(t *testing.T, f *fakeChat, cfg Config) *Client {
	t.Helper()
	f.t = t
	if f.answer == nil {
		f.answer = echo
	}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	cfg.BaseURL, cfg.APIKey, cfg.Model, cfg.HTTPClient = srv.URL+"/v1", f.key, "test-model", srv.Client()
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestBatchesContextAndTerms(t *testing.T) {
	t.Parallel()
	f := &fakeChat{key: secretKey}
	c := start(t, f, Config{MaxConcurrent: 1})
	texts := make([]string, 45)
	for i := range texts {
		texts[i] = "segment " + string(rune('A'+i%26))
	}
	texts[0] = "The CPC leads the Belt and Road Initiative."
	req := pipeline.TranslateRequest{SourceLang: "en", TargetLang: "kk", Texts: texts, Title: "Party cooperation",
		Before: []string{"previous paragraph"}, After: []string{"next paragraph"},
		Terms: []pipeline.TermHint{{Source: "Belt and Road Initiative", Target: "«Белдеу және жол» бастамасы"},
			{Source: "CPC", DoNotTranslate: true}, {Source: "absent term", Target: "x"}}}
	out, err := c.Translate(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	for i := range texts {
		if out[i] != "T:"+texts[i] {
			t.Fatalf("out[%d] = %q", i, out[i])
		}
	}
	if got := f.calls.Load(); got != 3 { // ceil(45/20)
		t.Fatalf("%d requests, want 3", got)
	}
	d0, d1, d2 := f.docs[0], f.docs[1], f.docs[2]
	if len(d0.Segments) != 20 || len(d1.Segments) != 20 || len(d2.Segments) != 5 {
		t.Fatalf("batch sizes %d %d %d", len(d0.Segments), len(d1.Segments), len(d2.Segments))
	}
	if d0.Title != "Party cooperation" || strings.Join(d0.ContextBefore, "|") != "previous paragraph" {
		t.Fatalf("first batch context: %+v", d0)
	}
	if strings.Join(d1.ContextBefore, "|") != strings.Join(texts[17:20], "|") || strings.Join(d1.ContextAfter, "|") != strings.Join(texts[40:43], "|") {
		t.Fatalf("middle batch context: before %q after %q", d1.ContextBefore, d1.ContextAfter)
	}
	if strings.Join(d2.ContextAfter, "|") != "next paragraph" {
		t.Fatalf("last batch context after: %q", d2.ContextAfter)
	}
	if len(d0.Glossary) != 1 || d0.Glossary[0].Target != "«Белдеу және жол» бастамасы" || strings.Join(d0.KeepVerbatim, "|") != "CPC" {
		t.Fatalf("terms of the first batch: %+v %+v", d0.Glossary, d0.KeepVerbatim)
	}
	if len(d1.Glossary)+len(d1.KeepVerbatim) != 0 {
		t.Fatal("terms not found in a batch must not be sent with it")
	}
	sys := f.requests[0].Messages[0].Content
	if !strings.Contains(sys, "Kazakh") || !strings.Contains(sys, "exactly 20 strings") {
		t.Fatalf("system prompt: %s", sys)
	}
}

func TestAnswerShapesAndRetries(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		answer    func(n int, segs []string) (string, string)
		retries   int
		wantErr   bool
		wantCalls int32
	}{
		{"code fence", func(_ int, s []string) (string, string) {
			return "Here you go:\n```json\n[\"x\", \"y\"]\n```", "stop"
		}, 0, false, 1},
		{"bare array", func(_ int, s []string) (string, string) { return `["x","y"]`, "stop" }, 0, false, 1},
		{"other key", func(_ int, s []string) (string, string) { return `{"result":["x","y"]}`, "stop" }, 0, false, 1},
		{"wrong count then right", func(n int, s []string) (string, string) {
			if n == 0 {
				return `{"translations":["only one"]}`, "stop"
			}
			return `{"translations":["x","y"]}`, "stop"
		}, 0, false, 2},
		{"truncated then right", func(n int, s []string) (string, string) {
			if n == 0 {
				return `{"translations":["x"`, "length"
			}
			return `{"translations":["x","y"]}`, "stop"
		}, 0, false, 2},
		{"always malformed", func(int, []string) (string, string) { return "I cannot help with that.", "stop" }, 0, true, 3},
		{"numbers instead of strings", func(int, []string) (string, string) { return `[1, 2]`, "stop" }, -1, true, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := &fakeChat{answer: tt.answer}
			c := start(t, f, Config{Retries: tt.retries})
			out, err := c.Translate(context.Background(), pipeline.TranslateRequest{SourceLang: "ru", TargetLang: "zh", Texts: []string{"a", "b"}})
			if f.calls.Load() != tt.wantCalls {
				t.Fatalf("%d requests, want %d", f.calls.Load(), tt.wantCalls)
			}
			if tt.wantErr {
				if pipeline.ErrorCode(err) != pipeline.CodeBadResponse {
					t.Fatalf("want bad response, got %v", err)
				}
				return
			}
			if err != nil || out[0] != "x" || out[1] != "y" {
				t.Fatalf("got %q, %v", out, err)
			}
		})
	}
}

func TestErrors(t *testing.T) {
	t.Parallel()
	oerr := func(msg, typ, code string) string {
		return `{"error":{"message":"` + msg + `","type":"` + typ + `","param":null,"code":"` + code + `"}}`
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
		{"bad key", 401, oerr("Incorrect API key provided: sk-test-***-key", "invalid_request_error", "invalid_api_key"), nil, pipeline.CodeAuth, "error.provider_auth", 0},
		{"key echoed", 401, oerr("Incorrect API key provided: "+secretKey, "invalid_request_error", "invalid_api_key"), nil, pipeline.CodeAuth, "error.provider_auth", 0},
		{"rate limit", 429, oerr("Rate limit reached", "requests", "rate_limit_exceeded"), http.Header{"Retry-After": {"3"}}, pipeline.CodeRateLimited, "error.provider_rate_limited", 3 * time.Second},
		{"rate limit in ms", 429, oerr("Rate limit reached", "requests", "rate_limit_exceeded"), http.Header{"Retry-After-Ms": {"1500"}}, pipeline.CodeRateLimited, "error.provider_rate_limited", 1500 * time.Millisecond},
		{"quota", 429, oerr("You exceeded your current quota", "insufficient_quota", "insufficient_quota"), nil, pipeline.CodeAuth, "error.provider_quota", 0},
		{"server error", 500, oerr("The server had an error", "server_error", ""), nil, pipeline.CodeUnavailable, "error.provider_unavailable", 0},
		{"overloaded", 503, `upstream overloaded`, nil, pipeline.CodeUnavailable, "error.provider_unavailable", 0},
		{"unknown model", 404, oerr("The model does not exist", "invalid_request_error", "model_not_found"), nil, pipeline.CodeBadResponse, "error.provider_bad_response", 0},
		{"not JSON", 0, `<html>proxy page</html>`, nil, pipeline.CodeBadResponse, "error.provider_bad_response", 0},
		{"no choices", 0, `{"choices":[]}`, nil, pipeline.CodeBadResponse, "error.provider_bad_response", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := &fakeChat{key: secretKey, status: tt.status, body: tt.body, header: tt.header}
			c := start(t, f, Config{Retries: -1})
			_, err := c.Translate(context.Background(), pipeline.TranslateRequest{SourceLang: "en", TargetLang: "ru", Texts: []string{"a"}})
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
			if f.calls.Load() != 1 {
				t.Fatalf("HTTP errors must not be retried here, %d requests", f.calls.Load())
			}
		})
	}
}

func TestLocalServerWithoutKey(t *testing.T) {
	t.Parallel()
	f := &fakeChat{}
	c := start(t, f, Config{Name: "ollama", JSONMode: true})
	if c.Name() != "ollama" {
		t.Fatalf("Name() = %q", c.Name())
	}
	if _, err := c.Translate(context.Background(), pipeline.TranslateRequest{SourceLang: "en", TargetLang: "ru", Texts: []string{"a"}}); err != nil {
		t.Fatal(err)
	}
	if rf := f.requests[0].ResponseFormat; rf == nil || rf.Type != "json_object" {
		t.Fatalf("response_format %+v", rf)
	}
}

func TestNew(t *testing.T) {
	t.Parallel()
	for _, cfg := range []Config{
		{Model: "m"}, // api.openai.com without a key
		{BaseURL: "http://localhost:11434"},
		{BaseURL: "localhost:11434", Model: "m"},
		{BaseURL: "http://localhost:11434", Model: "m", BatchSize: -1},
		{BaseURL: "http://localhost:11434", Model: "m", APIKey: "a\nb"},
	} {
		if _, err := New(cfg); pipeline.ErrorCode(err) != pipeline.CodeInvalid {
			t.Fatalf("%+v: want a config error, got %v", cfg, err)
		}
	}
	c, err := New(Config{APIKey: secretKey, Model: "gpt-4o-mini"})
	if err != nil || c.endpoint != "https://api.openai.com/v1/chat/completions" || strings.Contains(c.String(), secretKey) {
		t.Fatalf("%v %v %q", c, err, c.endpoint)
	}
}

func FuzzParseTranslations(f *testing.F) {
	for _, s := range []string{`["a"]`, "```json\n{\"translations\":[\"a\"]}\n```", `{"a":[1],"b":[2]}`, "```", "{", "[\"\\u00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = parseTranslations(s) // must not panic
	})
}
