// Package libretranslate is the machine-translation provider for LibreTranslate, the open-source
// service (self-hosted or libretranslate.com).
//
// It sends POST {URL}/translate with a JSON body {"q": [texts...], "source", "target",
// "format": "text", "api_key" (only when configured)} and expects {"translatedText": [...]} in the
// same order. Errors come as {"error": "..."}: 400 (an unsupported language, a request over the
// server's limits), 403 (a wrong or missing key), 429 (the server's rate limit), 500.
//
// Before the first translation of a pair it reads GET {URL}/languages once (cached for an hour) to
// refuse pairs the server lacks without sending any text, and to pick the server's code for
// simplified Chinese ("zh-Hans" on current versions, "zh" on older ones).
package libretranslate

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/tilmash/tilmash/internal/mt/batch"
	"github.com/tilmash/tilmash/internal/mt/mthttp"
	"github.com/tilmash/tilmash/pipeline"
)

// Name is the provider name.
const Name = "libretranslate"

// Defaults for the limits a LibreTranslate server may be started with (--batch-limit,
// --char-limit are unlimited unless set; these keep requests reasonable anyway).
const (
	DefaultMaxTexts = 50
	DefaultMaxChars = 20000
)

// Config configures a client.
type Config struct {
	URL    string // the server, e.g. "http://localhost:5000"; required
	APIKey string // sent as api_key when set; optional for self-hosted servers

	// MaxTexts and MaxChars bound one request: set them to the server's --batch-limit and
	// --char-limit (characters of all texts together, as the server counts them). Zero means the
	// defaults above; -1 means no limit.
	MaxTexts int
	MaxChars int

	MaxConcurrent  int           // requests in flight; default 2
	Timeout        time.Duration // per request; default 60s
	HTTPClient     *http.Client  // optional, for tests and proxies
	SkipLanguages  bool          // do not read /languages; send every pair as asked
	LanguagesCache time.Duration // how long /languages is trusted; default 1h
}

// Client translates through one LibreTranslate server. It is safe for concurrent use.
type Client struct {
	base     string
	apiKey   string
	http     *mthttp.Client
	runner   batch.Runner
	skipLang bool
	ttl      time.Duration

	mu      sync.Mutex
	langs   map[string]map[string]bool // source code → target codes
	fetched time.Time
}

// New validates cfg: the URL must be an absolute http(s) URL.
func New(cfg Config) (*Client, error) {
	base, err := mthttp.ParseBaseURL(Name, "URL", cfg.URL)
	if err != nil {
		return nil, err
	}
	maxTexts := limit(cfg.MaxTexts, DefaultMaxTexts)
	maxChars := limit(cfg.MaxChars, DefaultMaxChars)
	if cfg.MaxConcurrent == 0 {
		cfg.MaxConcurrent = 2
	}
	if cfg.MaxConcurrent < 0 || cfg.Timeout < 0 || cfg.LanguagesCache < 0 {
		return nil, mthttp.Config(Name, "MaxConcurrent", fmt.Errorf("libretranslate: negative MaxConcurrent, Timeout or LanguagesCache"))
	}
	if cfg.LanguagesCache == 0 {
		cfg.LanguagesCache = time.Hour
	}
	return &Client{
		base:   base,
		apiKey: strings.TrimSpace(cfg.APIKey),
		http:   mthttp.NewClient(Name, cfg.HTTPClient, cfg.Timeout, cfg.APIKey),
		runner: batch.Runner{
			Provider: Name,
			Limits:   batch.Limits{MaxTexts: maxTexts, MaxBytes: maxChars},
			Size:     func(s string) int { return len([]rune(s)) }, // the server counts characters
			Limiter:  batch.NewLimiter(cfg.MaxConcurrent),
		},
		skipLang: cfg.SkipLanguages,
		ttl:      cfg.LanguagesCache,
	}, nil
}

func limit(v, def int) int {
	switch {
	case v == 0:
		return def
	case v < 0:
		return 0 // no limit
	}
	return v
}

// Name returns "libretranslate".
func (c *Client) Name() string { return Name }

// String describes the client without its key.
func (c *Client) String() string { return "libretranslate(" + c.base + ")" }

// Translate translates req.Texts, split into requests by MaxTexts and MaxChars.
func (c *Client) Translate(ctx context.Context, req pipeline.TranslateRequest) ([]string, error) {
	source, target, err := c.codes(ctx, req.SourceLang, req.TargetLang)
	if err != nil {
		return nil, err
	}
	// Inline markup placeholders travel as HTML, which LibreTranslate keeps in place.
	texts, markup := mthttp.EscapeMarkup(req.Texts)
	format := "text"
	if markup {
		format = "html"
	}
	out, err := c.runner.Translate(ctx, texts, func(ctx context.Context, b batch.Batch) ([]string, error) {
		return c.send(ctx, req.SourceLang, req.TargetLang, source, target, format, b.Texts)
	})
	if err == nil && markup {
		out = mthttp.UnescapeMarkup(out)
	}
	return out, err
}

type translateRequest struct {
	Q      []string `json:"q"`
	Source string   `json:"source"`
	Target string   `json:"target"`
	Format string   `json:"format"`
	APIKey string   `json:"api_key,omitempty"`
}

type translateResponse struct {
	TranslatedText []string `json:"translatedText"`
}

type errorResponse struct {
	Error string `json:"error"`
}

func (c *Client) send(ctx context.Context, from, to pipeline.Lang, source, target, format string, texts []string) ([]string, error) {
	resp, err := c.http.PostJSON(ctx, c.base+"/translate", nil, translateRequest{
		Q: texts, Source: source, Target: target, Format: format, APIKey: c.apiKey})
	if err != nil {
		return nil, err
	}
	if resp.Status/100 != 2 {
		return nil, c.statusError(resp, from, to)
	}
	var out translateResponse
	if err := c.http.Decode(resp, &out); err != nil {
		return nil, err
	}
	if len(out.TranslatedText) != len(texts) {
		return nil, mthttp.BadResponse(Name, fmt.Errorf("libretranslate: sent %d texts, got %d translations", len(texts), len(out.TranslatedText)))
	}
	return out.TranslatedText, nil
}

// statusError reads LibreTranslate's {"error": "..."}: a 400 naming an unsupported language is
// CodeUnsupported, a 400 about the server's limits CodeTooLarge; the rest maps by status.
func (c *Client) statusError(resp *mthttp.Response, from, to pipeline.Lang) error {
	var e errorResponse
	_ = jsonDecode(resp.Body, &e)
	msg := c.http.Scrub(e.Error)
	if resp.Status == http.StatusBadRequest {
		lower := strings.ToLower(msg)
		switch {
		case strings.Contains(lower, "not supported") || strings.Contains(lower, "language"):
			return mthttp.Unsupported(Name, from, to, fmt.Errorf("libretranslate: HTTP 400: %s", msg))
		case strings.Contains(lower, "limit"):
			return mthttp.TooLarge(Name, fmt.Errorf("libretranslate: HTTP 400: %s", msg))
		}
	}
	return c.http.StatusError(resp, msg)
}
