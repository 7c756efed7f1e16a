// Package deepl is the machine-translation provider for the DeepL API.
//
// Texts go to POST /v2/translate with "Authorization: DeepL-Auth-Key KEY" and a JSON body
// {"text": [...], "source_lang", "target_lang", "glossary_id"?}, at most 50 texts and 128 KiB per
// request; the answer is {"translations": [{"detected_source_language", "text"}]} in order.
// Keys ending in ":fx" belong to DeepL API Free and use https://api-free.deepl.com, all others
// https://api.deepl.com (Config.URL overrides both).
//
// Supported languages come from GET /v3/languages?resource=translate_text (the endpoint that
// replaced /v2/languages and /v2/glossary-language-pairs), read once and cached for an hour. A
// pair DeepL does not offer is CodeUnsupported before any text is sent. When a request carries
// termbase hints and both languages have the "glossary" feature, the hints become a glossary
// (see EnsureGlossary) that the translation uses.
//
// Status mapping: 429 and 529 are rate limits, 456 is the used-up quota (error.provider_quota,
// CodeAuth), 401/403 rejected keys, 5xx unavailability.
package deepl

import (
	"context"
	"errors"
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
const Name = "deepl"

// Service limits of /v2/translate.
const (
	MaxTexts        = 50
	MaxRequestBytes = 128 * 1024
)

// Service addresses.
const (
	ProURL  = "https://api.deepl.com"
	FreeURL = "https://api-free.deepl.com"
)

// Config configures a client.
type Config struct {
	AuthKey string // required; a key ending in ":fx" selects the Free API
	URL     string // optional override of the service address (tests, proxies)

	// EnglishVariant is the English target DeepL writes: "EN-US" (default) or "EN-GB".
	EnglishVariant string

	MaxTexts        int           // texts per request; default and maximum 50
	MaxRequestBytes int           // bytes per request body; default and maximum 128 KiB
	MaxConcurrent   int           // requests in flight; default 2
	Timeout         time.Duration // per request; default 60s
	HTTPClient      *http.Client  // optional, for tests and proxies
	LanguagesCache  time.Duration // how long the language list is trusted; default 1h
}

// Client translates through DeepL. It is safe for concurrent use.
type Client struct {
	base    string
	auth    string
	english string
	http    *mthttp.Client
	limits  batch.Limits
	limiter *batch.Limiter
	ttl     time.Duration

	langMu  sync.Mutex
	langs   map[string]language // lower-cased code → language
	fetched time.Time

	glossMu    sync.Mutex
	glossaries map[string]string // glossary name → id
}

// New validates cfg: the key must be present and the URL, when given, absolute http(s).
func New(cfg Config) (*Client, error) {
	key := strings.TrimSpace(cfg.AuthKey)
	if key == "" {
		return nil, mthttp.Config(Name, "AuthKey", errors.New("deepl: AuthKey is empty"))
	}
	if strings.ContainsAny(key, "\r\n") {
		return nil, mthttp.Config(Name, "AuthKey", errors.New("deepl: AuthKey contains a line break"))
	}
	raw := cfg.URL
	if raw == "" {
		raw = ProURL
		if strings.HasSuffix(key, ":fx") {
			raw = FreeURL
		}
	}
	base, err := mthttp.ParseBaseURL(Name, "URL", raw)
	if err != nil {
		return nil, err
	}
	english := strings.ToUpper(strings.TrimSpace(cfg.EnglishVariant))
	switch english {
	case "":
		english = "EN-US"
	case "EN-US", "EN-GB":
	default:
		return nil, mthttp.Config(Name, "EnglishVariant", fmt.Errorf("deepl: EnglishVariant %q is neither EN-US nor EN-GB", cfg.EnglishVariant))
	}
	if cfg.MaxTexts < 0 || cfg.MaxRequestBytes < 0 || cfg.MaxConcurrent < 0 || cfg.Timeout < 0 || cfg.LanguagesCache < 0 {
		return nil, mthttp.Config(Name, "MaxTexts", errors.New("deepl: limits must not be negative"))
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
	if cfg.LanguagesCache == 0 {
		cfg.LanguagesCache = time.Hour
	}
	return &Client{
		base:       base,
		auth:       "DeepL-Auth-Key " + key,
		english:    english,
		http:       mthttp.NewClient(Name, cfg.HTTPClient, cfg.Timeout, key),
		limits:     batch.Limits{MaxTexts: cfg.MaxTexts, MaxBytes: cfg.MaxRequestBytes},
		limiter:    batch.NewLimiter(cfg.MaxConcurrent),
		ttl:        cfg.LanguagesCache,
		glossaries: map[string]string{},
	}, nil
}

// Name returns "deepl".
func (c *Client) Name() string { return Name }

// String describes the client without its key.
func (c *Client) String() string { return "deepl(" + c.base + ")" }

func (c *Client) header() http.Header {
	return http.Header{"Authorization": {c.auth}}
}

type translateRequest struct {
	Text       []string `json:"text"`
	SourceLang string   `json:"source_lang"`
	TargetLang string   `json:"target_lang"`
	GlossaryID string   `json:"glossary_id,omitempty"`
	// TagHandling "xml" keeps inline markup placeholders in place (mthttp.EscapeMarkup).
	TagHandling string `json:"tag_handling,omitempty"`
}

type translateResponse struct {
	Translations []struct {
		DetectedSourceLanguage string `json:"detected_source_language"`
		Text                   string `json:"text"`
	} `json:"translations"`
}

// Translate translates req.Texts. Unsupported pairs fail before any text is sent. Termbase hints
// become a glossary when the pair supports glossaries; a glossary DeepL refuses (a 400, such as
// for entries it considers invalid) is skipped and the texts are translated without one.
func (c *Client) Translate(ctx context.Context, req pipeline.TranslateRequest) ([]string, error) {
	pair, err := c.pair(ctx, req.SourceLang, req.TargetLang)
	if err != nil {
		return nil, err
	}
	body := translateRequest{SourceLang: pair.source, TargetLang: pair.target}
	if _, n := glossaryTSV(termEntries(req.Terms)); n > 0 && pair.glossary {
		id, err := c.EnsureGlossary(ctx, req.SourceLang, req.TargetLang, termEntries(req.Terms))
		switch {
		case err == nil:
			body.GlossaryID = id
		case pipeline.ErrorCode(err) == pipeline.CodeBadResponse:
			// translate without the glossary rather than not at all
		default:
			return nil, err
		}
	}
	texts, markup := mthttp.EscapeMarkup(req.Texts)
	if markup {
		body.TagHandling = "xml"
	}
	envelope, err := mthttp.MarshalJSON(body)
	if err != nil {
		return nil, mthttp.BadResponse(Name, fmt.Errorf("deepl: encode request: %w", err))
	}
	runner := batch.Runner{Provider: Name, Limits: c.limits, Size: jsonSize, Limiter: c.limiter}
	runner.Limits.Overhead = len(envelope) + 8 // the envelope with an empty list, plus slack for Content-Length rounding
	out, err := runner.Translate(ctx, texts, func(ctx context.Context, b batch.Batch) ([]string, error) {
		r := body
		r.Text = b.Texts
		return c.send(ctx, req.SourceLang, req.TargetLang, r)
	})
	if err == nil && markup {
		out = mthttp.UnescapeMarkup(out)
	}
	return out, err
}

// jsonSize is a text's cost in the body: its JSON encoding and a separating comma.
func jsonSize(s string) int {
	b, err := mthttp.MarshalJSON(s)
	if err != nil {
		return len(s)*6 + 3
	}
	return len(b) + 1
}

func (c *Client) send(ctx context.Context, from, to pipeline.Lang, body translateRequest) ([]string, error) {
	resp, err := c.http.PostJSON(ctx, c.base+"/v2/translate", c.header(), body)
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
	if len(out.Translations) != len(body.Text) {
		return nil, mthttp.BadResponse(Name, fmt.Errorf("deepl: sent %d texts, got %d translations", len(body.Text), len(out.Translations)))
	}
	texts := make([]string, len(out.Translations))
	for i, t := range out.Translations {
		texts[i] = t.Text
	}
	return texts, nil
}
