package deepl

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/tilmash/tilmash/internal/mt/mthttp"
	"github.com/tilmash/tilmash/pipeline"
)

// Status codes DeepL adds to HTTP's.
const (
	statusQuotaExceeded = 456 // the character quota of the billing period is used up
	statusTooManyLoad   = 529 // "too many requests", sent under high load
)

// statusError reads DeepL's {"message": "...", "detail": "..."} and maps the status:
// 456 → quota (CodeAuth), 429 and 529 → rate limit, a 400 about a language → CodeUnsupported,
// the rest as mthttp.StatusError does.
func (c *Client) statusError(resp *mthttp.Response, from, to pipeline.Lang) error {
	var body struct {
		Message string `json:"message"`
		Detail  string `json:"detail"`
	}
	_ = json.Unmarshal(resp.Body, &body)
	msg := c.http.Scrub(strings.TrimSpace(body.Message + " " + body.Detail))
	cause := fmt.Errorf("deepl: HTTP %d: %s", resp.Status, msg)
	switch resp.Status {
	case statusQuotaExceeded:
		return mthttp.Quota(Name, cause)
	case statusTooManyLoad:
		return mthttp.RateLimited(Name, mthttp.RetryAfter(resp.Header, time.Now()), cause)
	case http.StatusBadRequest:
		lower := strings.ToLower(msg)
		if from != "" && (strings.Contains(lower, "target_lang") || strings.Contains(lower, "source_lang") || strings.Contains(lower, "language")) {
			return mthttp.Unsupported(Name, from, to, cause)
		}
	}
	return c.http.StatusError(resp, msg)
}
