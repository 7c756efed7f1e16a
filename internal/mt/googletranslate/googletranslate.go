// Package googletranslate is the machine-translation provider for Google Cloud Translation -
// Basic (v2).
//
// Texts go to POST https://translation.googleapis.com/language/translate/v2?key=KEY with a JSON
// body {"q": [...], "source", "target", "format": "text"}; the answer is {"data":
// {"translations": [{"translatedText"}]}} in order. A request holds at most 128 texts and 100K
// bytes (the Basic edition's request size limit). Chinese is "zh-CN" (simplified), Kazakh "kk".
//
// Errors come as {"error": {"code", "message", "errors": [{"reason"}], "details": [{"reason"}]}}:
// a 403 with reason rateLimitExceeded or userRateLimitExceeded is a rate limit, not a rejected
// key; dailyLimitExceeded and quotaExceeded are the used-up quota; a 400 for an invalid API key is
// a rejected key, a 400 "Invalid Value" or "Bad language pair" an unsupported pair.
package googletranslate

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/tilmash/tilmash/internal/mt/batch"
	"github.com/tilmash/tilmash/internal/mt/mthttp"
	"github.com/tilmash/tilmash/pipeline"
)

// Name is the provider name.
const Name = "google"

// Service limits and address.
const (
	MaxTexts        = 128
	MaxRequestBytes = 100_000
	DefaultURL      = "https://translation.googleapis.com/language/translate/v2"
)

// Config configures a client.
type Config struct {
	APIKey string // required
	URL    string // optional override of DefaultURL (tests, proxies)

	MaxTexts        int           // texts per request; default and maximum 128
	MaxRequestBytes int           // bytes per request body; default and maximum 100,000
	MaxConcurrent   int           // requests in flight; default 2
	Timeout         time.Duration // per request; default 60s
	HTTPClient      *http.Client  // optional, for tests and proxies
}

// Client translates through Google Cloud Translation. It is safe for concurrent use.
type Client struct {
	endpoint string // with ?key=
	base     string
	http     *mthttp.Client
	runner   batch.Runner
}

// New validates cfg: the key must be present and the URL, when given, absolute http(s).
func New(cfg Config) (*Client, error) {
	key := strings.TrimSpace(cfg.APIKey)
	if key == "" {
		return nil, mthttp.Config(Name, "APIKey", errors.New("google: APIKey is empty"))
	}
	if cfg.URL == "" {
		cfg.URL = DefaultURL
	}
	base, err := mthttp.ParseBaseURL(Name, "URL", cfg.URL)
	if err != nil {
		return nil, err
	}
	if cfg.MaxTexts < 0 || cfg.MaxRequestBytes < 0 || cfg.MaxConcurrent < 0 || cfg.Timeout < 0 {
		return nil, mthttp.Config(Name, "MaxTexts", errors.New("google: limits must not be negative"))
	}
	if cfg.MaxTexts == 0 || cfg.MaxTexts > MaxTexts {
		cfg.MaxTexts = MaxTexts
	}
	if cfg.MaxRequestBytes == 0 || cfg.MaxRequestBytes > MaxRequestBytes {
		cfg.MaxRequestBytes = MaxRequestBytes
	}
	if cfg.MaxConcurrent == 0 {
		cfg.MaxConcurrent = 2
	}
	c := &Client{
		endpoint: base + "?key=" + url.QueryEscape(key),
		base:     base,
		http:     mthttp.NewClient(Name, cfg.HTTPClient, cfg.Timeout, key),
	}
	envelope, _ := mthttp.MarshalJSON(translateRequest{Q: []string{}, Source: "zh-CN", Target: "zh-CN", Format: "text"})
	c.runner = batch.Runner{Provider: Name, Limiter: batch.NewLimiter(cfg.MaxConcurrent), Size: jsonSize,
		Limits: batch.Limits{MaxTexts: cfg.MaxTexts, MaxBytes: cfg.MaxRequestBytes, Overhead: len(envelope)}}
	return c, nil
}

// Name returns "google".
func (c *Client) Name() string { return Name }

// String describes the client without its key.
func (c *Client) String() string { return "google(" + c.base + ")" }

// code is Google's code for a site language.
func code(l pipeline.Lang) string {
	if l == pipeline.Chinese {
		return "zh-CN"
	}
	return string(l)
}

type translateRequest struct {
	Q      []string `json:"q"`
	Source string   `json:"source"`
	Target string   `json:"target"`
	Format string   `json:"format"`
}

type translateResponse struct {
	Data struct {
		Translations []struct {
			TranslatedText string `json:"translatedText"`
		} `json:"translations"`
	} `json:"data"`
}

// Translate translates req.Texts, split by 128 texts and 100K bytes per request.
func (c *Client) Translate(ctx context.Context, req pipeline.TranslateRequest) ([]string, error) {
	if !req.SourceLang.Valid() || !req.TargetLang.Valid() || req.SourceLang == req.TargetLang {
		return nil, mthttp.Unsupported(Name, req.SourceLang, req.TargetLang, fmt.Errorf("google: unsupported pair %q→%q", req.SourceLang, req.TargetLang))
	}
	// Inline markup placeholders travel as HTML, which Google keeps in place.
	texts, markup := mthttp.EscapeMarkup(req.Texts)
	format := "text"
	if markup {
		format = "html"
	}
	out, err := c.runner.Translate(ctx, texts, func(ctx context.Context, b batch.Batch) ([]string, error) {
		return c.send(ctx, req.SourceLang, req.TargetLang, format, b.Texts)
	})
	if err == nil && markup {
		out = mthttp.UnescapeMarkup(out)
	}
	return out, err
}

func jsonSize(s string) int {
	b, err := mthttp.MarshalJSON(s)
	if err != nil {
		return len(s)*6 + 3
	}
	return len(b) + 1
}

func (c *Client) send(ctx context.Context, from, to pipeline.Lang, format string, texts []string) ([]string, error) {
	resp, err := c.http.PostJSON(ctx, c.endpoint, nil, translateRequest{Q: texts, Source: code(from), Target: code(to), Format: format})
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
	if len(out.Data.Translations) != len(texts) {
		return nil, mthttp.BadResponse(Name, fmt.Errorf("google: sent %d texts, got %d translations", len(texts), len(out.Data.Translations)))
	}
	res := make([]string, len(texts))
	for i, t := range out.Data.Translations {
		res[i] = t.TranslatedText
	}
	return res, nil
}

type errorBody struct {
	Error struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
		Status  string `json:"status"`
		Errors  []struct {
			Reason string `json:"reason"`
		} `json:"errors"`
		Details []struct {
			Reason string `json:"reason"`
		} `json:"details"`
	} `json:"error"`
}

// statusError maps Google's error answers by reason first, then by status.
func (c *Client) statusError(resp *mthttp.Response, from, to pipeline.Lang) error {
	var body errorBody
	_ = json.Unmarshal(resp.Body, &body)
	msg := c.http.Scrub(body.Error.Message)
	cause := fmt.Errorf("google: HTTP %d: %s", resp.Status, msg)
	reasons := map[string]bool{}
	for _, e := range body.Error.Errors {
		reasons[e.Reason] = true
	}
	for _, d := range body.Error.Details {
		reasons[d.Reason] = true
	}
	lower := strings.ToLower(msg)
	switch {
	case reasons["rateLimitExceeded"] || reasons["userRateLimitExceeded"] || reasons["RATE_LIMIT_EXCEEDED"]:
		return mthttp.RateLimited(Name, mthttp.RetryAfter(resp.Header, time.Now()), cause)
	case reasons["dailyLimitExceeded"] || reasons["quotaExceeded"]:
		return mthttp.Quota(Name, cause)
	case reasons["keyInvalid"] || reasons["API_KEY_INVALID"] || strings.Contains(lower, "api key not valid"):
		return mthttp.Auth(Name, cause)
	case resp.Status == http.StatusBadRequest && (strings.Contains(lower, "language pair") || strings.Contains(lower, "invalid value") || reasons["invalid"]):
		return mthttp.Unsupported(Name, from, to, cause)
	}
	return c.http.StatusError(resp, msg)
}
