package libretranslate

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

const secretKey = "lt-secret-key-123"

// fakeServer behaves like a LibreTranslate server: it checks every request as the API defines
// it and answers with upper-cased texts, or with the canned failure.
type fakeServer struct {
	t          *testing.T
	apiKey     string // expected api_key; "" means none may be sent
	maxTexts   int
	status     int    // when set, /translate answers with this status and body
	body       string // raw body for failures or malformed answers
	header     http.Header
	languages  string
	translates atomic.Int32
	langCalls  atomic.Int32
	mu         sync.Mutex
	batches    [][]string
	sources    []string
	targets    []string
}

func (f *fakeServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.Method == http.MethodGet && r.URL.Path == "/languages":
		f.langCalls.Add(1)
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, f.languages)
	case r.Method == http.MethodPost && r.URL.Path == "/translate":
		f.translates.Add(1)
		if ct := r.Header.Get("Content-Type"); ct != "application/json" {
			f.t.Errorf("Content-Type = %q", ct)
		}
		var req map[string]any
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			f.t.Errorf("body is not JSON: %v", err)
		}
		if req["format"] != "text" {
			f.t.Errorf("format = %v", req["format"])
		}
		key, hasKey := req["api_key"]
		if f.apiKey == "" && hasKey {
			f.t.Errorf("api_key sent although none is configured")
		}
		if f.apiKey != "" && key != f.apiKey {
			f.t.Errorf("api_key missing or wrong")
		}
		q, ok := req["q"].([]any)
		if !ok {
			f.t.Errorf("q is not an array: %T", req["q"])
		}
		if f.maxTexts > 0 && len(q) > f.maxTexts {
			w.WriteHeader(http.StatusBadRequest)
			io.WriteString(w, `{"error":"Invalid request: request (99) exceeds text limit (50)"}`)
			return
		}
		texts := make([]string, len(q))
		for i, v := range q {
			texts[i], _ = v.(string)
		}
		f.mu.Lock()
		f.batches = append(f.batches, texts)
		f.sources = append(f.sources, req["source"].(string))
		f.targets = append(f.targets, req["target"].(string))
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
		out := make([]string, len(texts))
		for i, t := range texts {
			out[i] = strings.ToUpper(t)
		}
		json.NewEncoder(w).Encode(map[string]any{"translatedText": out})
	default:
		f.t.Errorf("unexpected %s %s", r.Method, r.URL.Path)
		w.WriteHeader(http.StatusNotFound)
	}
}

const currentLanguages = `[{"code":"en","name":"English","targets":["en","kk","ru","zh-Hans"]},
{"code":"ru","name":"Russian","targets":["en","ru","zh-Hans"]},
{"code":"zh-Hans","name":"Chinese","targets":["en","ru","zh-Hans"]}]`

func start(t *testing.T, f *fakeServer) (*Client, *httptest.Server) {
	t.Helper()
	f.t = t
	if f.languages == "" {
		f.languages = currentLanguages
	}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	c, err := New(Config{URL: srv.URL + "/", APIKey: f.apiKey, MaxTexts: f.maxTexts, HTTPClient: srv.Client()})
	if err != nil {
		t.Fatal(err)
	}
	return c, srv
}

func TestTranslateBatchesAndOrder(t *testing.T) {
	t.Parallel()
	f := &fakeServer{apiKey: secretKey, maxTexts: 3}
	c, _ := start(t, f)
	texts := []string{"a", "b", "", "c", "d", "  ", "e", "f", "g"}
	out, err := c.Translate(context.Background(), pipeline.TranslateRequest{SourceLang: "en", TargetLang: "zh", Texts: texts})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"A", "B", "", "C", "D", "  ", "E", "F", "G"}
	if strings.Join(out, ",") != strings.Join(want, ",") {
		t.Fatalf("got %q, want %q", out, want)
	}
	if got := f.translates.Load(); got != 3 { // 7 non-blank texts, 3 per request
		t.Fatalf("%d translate requests, want 3", got)
	}
	for _, tg := range f.targets {
		if tg != "zh-Hans" {
			t.Fatalf("target code %q, want the server's zh-Hans", tg)
		}
	}
	if _, err := c.Translate(context.Background(), pipeline.TranslateRequest{SourceLang: "en", TargetLang: "ru", Texts: texts}); err != nil {
		t.Fatal(err)
	}
	if got := f.langCalls.Load(); got != 1 {
		t.Fatalf("/languages read %d times, want once (cached)", got)
	}
}

func TestOlderServerChineseCode(t *testing.T) {
	t.Parallel()
	f := &fakeServer{languages: `[{"code":"en","name":"English","targets":["zh","ru"]}]`}
	c, _ := start(t, f)
	if _, err := c.Translate(context.Background(), pipeline.TranslateRequest{SourceLang: "en", TargetLang: "zh", Texts: []string{"x"}}); err != nil {
		t.Fatal(err)
	}
	if f.targets[0] != "zh" {
		t.Fatalf("target %q, want zh", f.targets[0])
	}
}

func TestUnsupportedPairSendsNoText(t *testing.T) {
	t.Parallel()
	f := &fakeServer{}
	c, _ := start(t, f)
	_, err := c.Translate(context.Background(), pipeline.TranslateRequest{SourceLang: "ru", TargetLang: "kk", Texts: []string{"x"}})
	if pipeline.ErrorCode(err) != pipeline.CodeUnsupported {
		t.Fatalf("want unsupported, got %v", err)
	}
	if f.translates.Load() != 0 {
		t.Fatal("text was sent for an unsupported pair")
	}
}

func TestErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		status    int
		body      string
		header    http.Header
		wantCode  pipeline.Code
		wantMsg   string
		wantRetry time.Duration
	}{
		{"unsupported language", 400, `{"error":"kk is not supported"}`, nil, pipeline.CodeUnsupported, "error.provider_unsupported_pair", 0},
		{"over the char limit", 400, `{"error":"Invalid request: request (6000) exceeds character limit (5000)"}`, nil, pipeline.CodeTooLarge, "error.provider_text_too_large", 0},
		{"other bad request", 400, `{"error":"Invalid request: missing q parameter"}`, nil, pipeline.CodeBadResponse, "error.provider_bad_response", 0},
		{"bad key", 403, `{"error":"Invalid API key ` + secretKey + `"}`, nil, pipeline.CodeAuth, "error.provider_auth", 0},
		{"rate limited with seconds", 429, `{"error":"Slowdown: 30 per 1 minute"}`, http.Header{"Retry-After": {"12"}}, pipeline.CodeRateLimited, "error.provider_rate_limited", 12 * time.Second},
		{"rate limited without header", 429, `{"error":"Slowdown"}`, nil, pipeline.CodeRateLimited, "error.provider_rate_limited", 30 * time.Second},
		{"server error", 500, `{"error":"Cannot translate text: boom"}`, nil, pipeline.CodeUnavailable, "error.provider_unavailable", 0},
		{"gateway error with HTML", 502, `<html>bad gateway</html>`, nil, pipeline.CodeUnavailable, "error.provider_unavailable", 0},
		{"malformed body", 0, `{"translatedText": [1, 2`, nil, pipeline.CodeBadResponse, "error.provider_bad_response", 0},
		{"wrong count", 0, `{"translatedText": ["only one"]}`, nil, pipeline.CodeBadResponse, "error.provider_bad_response", 0},
		{"string instead of array", 0, `{"translatedText": "A"}`, nil, pipeline.CodeBadResponse, "error.provider_bad_response", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := &fakeServer{apiKey: secretKey, status: tt.status, body: tt.body, header: tt.header}
			c, _ := start(t, f)
			_, err := c.Translate(context.Background(), pipeline.TranslateRequest{SourceLang: "en", TargetLang: "ru", Texts: []string{"a", "b"}})
			var e *pipeline.Error
			if !errors.As(err, &e) {
				t.Fatalf("want *pipeline.Error, got %v", err)
			}
			if e.Code != tt.wantCode || e.MessageID != tt.wantMsg {
				t.Fatalf("got %s/%s, want %s/%s (%v)", e.Code, e.MessageID, tt.wantCode, tt.wantMsg, err)
			}
			if e.RetryAfter != tt.wantRetry && tt.wantCode == pipeline.CodeRateLimited {
				t.Fatalf("RetryAfter = %v, want %v", e.RetryAfter, tt.wantRetry)
			}
			if e.Data["Provider"] != "libretranslate" {
				t.Fatalf("Data = %v", e.Data)
			}
			if strings.Contains(err.Error(), secretKey) {
				t.Fatal("the API key leaked into the error text")
			}
		})
	}
}

func TestTimeoutAndConnectionErrors(t *testing.T) {
	t.Parallel()
	block := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/languages" {
			io.WriteString(w, currentLanguages)
			return
		}
		<-block
	}))
	t.Cleanup(func() { close(block); srv.Close() })
	c, err := New(Config{URL: srv.URL, APIKey: secretKey, Timeout: 100 * time.Millisecond, HTTPClient: srv.Client()})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Translate(context.Background(), pipeline.TranslateRequest{SourceLang: "en", TargetLang: "ru", Texts: []string{"x"}})
	if pipeline.ErrorCode(err) != pipeline.CodeUnavailable || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("timeout: want unavailable wrapping DeadlineExceeded, got %v", err)
	}

	closed := httptest.NewServer(http.NotFoundHandler())
	closed.Close()
	c2, _ := New(Config{URL: closed.URL, APIKey: secretKey})
	_, err = c2.Translate(context.Background(), pipeline.TranslateRequest{SourceLang: "en", TargetLang: "ru", Texts: []string{"x"}})
	if pipeline.ErrorCode(err) != pipeline.CodeUnavailable || strings.Contains(err.Error(), secretKey) {
		t.Fatalf("refused connection: want unavailable without the key, got %v", err)
	}
}

func TestNewValidates(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name string
		cfg  Config
	}{
		{"no URL", Config{}},
		{"relative URL", Config{URL: "localhost:5000"}},
		{"ftp URL", Config{URL: "ftp://example.com"}},
		{"query in URL", Config{URL: "http://example.com/?api_key=x"}},
		{"negative concurrency", Config{URL: "http://example.com", MaxConcurrent: -1}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if _, err := New(tt.cfg); pipeline.ErrorCode(err) != pipeline.CodeInvalid {
				t.Fatalf("want a config error, got %v", err)
			}
		})
	}
	c, err := New(Config{URL: "http://example.com", APIKey: secretKey})
	if err != nil || strings.Contains(c.String(), secretKey) {
		t.Fatalf("String() must not show the key: %v %v", c, err)
	}
}
