package openai

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/tilmash/tilmash/internal/mt/mthttp"
)

type chatRequest struct {
	Model          string          `json:"model"`
	Messages       []message       `json:"messages"`
	Temperature    float64         `json:"temperature"`
	ResponseFormat *responseFormat `json:"response_format,omitempty"`
}

type message struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

type responseFormat struct {
	Type string `json:"type"`
}

type chatResponse struct {
	Choices []struct {
		Message      message `json:"message"`
		FinishReason string  `json:"finish_reason"`
	} `json:"choices"`
}

type errorBody struct {
	Error struct {
		Message string `json:"message"`
		Type    string `json:"type"`
		Code    any    `json:"code"` // a string on OpenAI, sometimes a number elsewhere
	} `json:"error"`
}

// complete sends one chat completion and parses n translations from it.
func (c *Client) complete(ctx context.Context, body chatRequest, n int) ([]string, error) {
	h := http.Header{}
	if c.auth != "" {
		h.Set("Authorization", c.auth)
	}
	resp, err := c.http.PostJSON(ctx, c.endpoint, h, body)
	if err != nil {
		return nil, err
	}
	if resp.Status/100 != 2 {
		return nil, c.statusError(resp)
	}
	var out chatResponse
	if err := c.http.Decode(resp, &out); err != nil {
		return nil, err
	}
	if len(out.Choices) == 0 {
		return nil, mthttp.BadResponse(c.name, fmt.Errorf("%s: answer without choices", c.name))
	}
	choice := out.Choices[0]
	if choice.FinishReason == "length" {
		return nil, mthttp.BadResponse(c.name, fmt.Errorf("%s: answer cut off at the token limit", c.name))
	}
	texts, err := parseTranslations(choice.Message.Content)
	if err != nil {
		return nil, mthttp.BadResponse(c.name, fmt.Errorf("%s: %w", c.name, err))
	}
	if len(texts) != n {
		return nil, mthttp.BadResponse(c.name, fmt.Errorf("%s: asked for %d translations, got %d", c.name, n, len(texts)))
	}
	return texts, nil
}

// statusError maps OpenAI's {"error": {"message", "type", "code"}}: a 429 with code
// "insufficient_quota" is the used-up quota (permanent), other 429s rate limits; the rest by
// status.
func (c *Client) statusError(resp *mthttp.Response) error {
	var body errorBody
	_ = json.Unmarshal(resp.Body, &body)
	msg := c.http.Scrub(body.Error.Message)
	code, _ := body.Error.Code.(string)
	if resp.Status == http.StatusTooManyRequests && (code == "insufficient_quota" || body.Error.Type == "insufficient_quota") {
		return mthttp.Quota(c.name, fmt.Errorf("%s: HTTP 429: %s", c.name, msg))
	}
	if resp.Status == http.StatusTooManyRequests {
		return mthttp.RateLimited(c.name, mthttp.RetryAfter(resp.Header, time.Now()), fmt.Errorf("%s: HTTP 429: %s", c.name, msg))
	}
	return c.http.StatusError(resp, strings.TrimSpace(msg))
}
