// Package openai is the machine-translation provider for OpenAI-compatible chat completion
// servers: OpenAI itself, Ollama, vLLM, llama.cpp's server and others that implement
// POST {BaseURL}/v1/chat/completions.
//
// Each request sends {"model", "messages": [system, user], "temperature": 0} (plus
// "response_format": {"type": "json_object"} when Config.JSONMode is set) with
// "Authorization: Bearer KEY" when a key is configured. The system message states the language
// pair and the rules; the user message is a JSON document with the article title, the segments
// just before and after the batch, the termbase entries found in it (do-not-translate ones to
// be kept verbatim) and the segments themselves. The model must answer with
// {"translations": [...]} (or a bare JSON array) holding exactly one string per segment, in order.
//
// The assistant's content is parsed leniently (code fences and text around the JSON are
// ignored). A malformed answer, a wrong count or a truncated answer (finish_reason "length") is
// retried up to Config.Retries times, then reported as CodeBadResponse. HTTP failures are not
// retried here: they are returned with their codes for the job to decide.
package openai

import (
	"context"
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

// Defaults.
const (
	DefaultName      = "openai"
	DefaultBaseURL   = "https://api.openai.com"
	DefaultBatchSize = 20
	DefaultBatchSrc  = 12_000 // bytes of segment text per request
	DefaultRetries   = 2
	contextSegments  = 3 // neighbouring segments sent as context on each side
)

// Config configures a client.
type Config struct {
	Name    string // provider name in origins; default "openai"
	BaseURL string // default https://api.openai.com; e.g. http://localhost:11434 for Ollama
	APIKey  string // sent as a Bearer token; required for api.openai.com, optional elsewhere
	Model   string // required, e.g. "gpt-4o-mini" or "qwen2.5:14b"

	BatchSize     int           // segments per request; default 20
	MaxBatchBytes int           // bytes of segment text per request; default 12,000
	Retries       int           // extra attempts after a malformed answer; default 2, -1 for none
	JSONMode      bool          // send response_format json_object (servers that support it)
	MaxConcurrent int           // requests in flight; default 2
	Timeout       time.Duration // per request; default 60s
	HTTPClient    *http.Client  // optional, for tests and proxies
}

// Client translates through one chat completion server. It is safe for concurrent use.
type Client struct {
	name     string
	endpoint string
	base     string
	auth     string
	model    string
	retries  int
	jsonMode bool
	http     *mthttp.Client
	runner   batch.Runner
}

// New validates cfg: a model is required, the base URL must be absolute http(s), and
// api.openai.com needs a key.
func New(cfg Config) (*Client, error) {
	name := strings.TrimSpace(cfg.Name)
	if name == "" {
		name = DefaultName
	}
	if cfg.BaseURL == "" {
		cfg.BaseURL = DefaultBaseURL
	}
	base, err := mthttp.ParseBaseURL(name, "BaseURL", cfg.BaseURL)
	if err != nil {
		return nil, err
	}
	base = strings.TrimSuffix(base, "/v1") // accept ".../v1" as many tools document it
	key := strings.TrimSpace(cfg.APIKey)
	if u, _ := url.Parse(base); u != nil && u.Hostname() == "api.openai.com" && key == "" {
		return nil, mthttp.Config(name, "APIKey", errors.New(name+": APIKey is required for api.openai.com"))
	}
	if strings.ContainsAny(key, "\r\n") {
		return nil, mthttp.Config(name, "APIKey", errors.New(name+": APIKey contains a line break"))
	}
	if strings.TrimSpace(cfg.Model) == "" {
		return nil, mthttp.Config(name, "Model", errors.New(name+": Model is empty"))
	}
	if cfg.BatchSize < 0 || cfg.MaxBatchBytes < 0 || cfg.MaxConcurrent < 0 || cfg.Timeout < 0 || cfg.Retries < -1 {
		return nil, mthttp.Config(name, "BatchSize", errors.New(name+": limits must not be negative"))
	}
	if cfg.BatchSize == 0 {
		cfg.BatchSize = DefaultBatchSize
	}
	if cfg.MaxBatchBytes == 0 {
		cfg.MaxBatchBytes = DefaultBatchSrc
	}
	switch cfg.Retries {
	case 0:
		cfg.Retries = DefaultRetries
	case -1:
		cfg.Retries = 0
	}
	if cfg.MaxConcurrent == 0 {
		cfg.MaxConcurrent = 2
	}
	c := &Client{
		name:     name,
		endpoint: base + "/v1/chat/completions",
		base:     base,
		model:    strings.TrimSpace(cfg.Model),
		retries:  cfg.Retries,
		jsonMode: cfg.JSONMode,
		http:     mthttp.NewClient(name, cfg.HTTPClient, cfg.Timeout, key),
		runner: batch.Runner{Provider: name, Limiter: batch.NewLimiter(cfg.MaxConcurrent),
			Limits: batch.Limits{MaxTexts: cfg.BatchSize, MaxBytes: cfg.MaxBatchBytes}},
	}
	if key != "" {
		c.auth = "Bearer " + key
	}
	return c, nil
}

// Name returns the configured name ("openai" by default).
func (c *Client) Name() string { return c.name }

// String describes the client without its key.
func (c *Client) String() string { return c.name + "(" + c.base + ", " + c.model + ")" }

// Translate translates req.Texts in batches of BatchSize, each with its own context window.
func (c *Client) Translate(ctx context.Context, req pipeline.TranslateRequest) ([]string, error) {
	if !req.SourceLang.Valid() || !req.TargetLang.Valid() || req.SourceLang == req.TargetLang {
		return nil, mthttp.Unsupported(c.name, req.SourceLang, req.TargetLang, fmt.Errorf("%s: unsupported pair %q→%q", c.name, req.SourceLang, req.TargetLang))
	}
	return c.runner.Translate(ctx, req.Texts, func(ctx context.Context, b batch.Batch) ([]string, error) {
		return c.translateBatch(ctx, req, b)
	})
}

// translateBatch asks for one batch, retrying malformed answers.
func (c *Client) translateBatch(ctx context.Context, req pipeline.TranslateRequest, b batch.Batch) ([]string, error) {
	body := chatRequest{
		Model:       c.model,
		Temperature: 0,
		Messages: []message{
			{Role: "system", Content: systemPrompt(req.SourceLang, req.TargetLang, len(b.Texts))},
			{Role: "user", Content: userPrompt(req, b)},
		},
	}
	if c.jsonMode {
		body.ResponseFormat = &responseFormat{Type: "json_object"}
	}
	var lastErr error
	for attempt := 0; attempt <= c.retries; attempt++ {
		out, err := c.complete(ctx, body, len(b.Texts))
		if err == nil {
			return out, nil
		}
		if pipeline.ErrorCode(err) != pipeline.CodeBadResponse || ctx.Err() != nil {
			return nil, err
		}
		lastErr = err
	}
	return nil, fmt.Errorf("%s: %d attempts: %w", c.name, c.retries+1, lastErr)
}
