package mthttp

import (
	"fmt"
	"net/http"
	"time"

	"github.com/tilmash/tilmash/pipeline"
)

// DefaultRetryAfter is the wait reported with a rate limit when the service did not say how long.
const DefaultRetryAfter = 30 * time.Second

// NewError builds a provider error with Data {"Provider": provider}. The cause must already be
// free of secrets.
func NewError(provider string, code pipeline.Code, messageID string, cause error) *pipeline.Error {
	return &pipeline.Error{Code: code, MessageID: messageID, Data: map[string]any{"Provider": provider}, Err: cause}
}

// Auth reports rejected credentials: retrying will not help until someone fixes the key.
func Auth(provider string, cause error) *pipeline.Error {
	return NewError(provider, pipeline.CodeAuth, MsgAuth, cause)
}

// Quota reports a used-up account quota (DeepL's 456, Google's daily limit, OpenAI's
// insufficient_quota). It is a permanent failure for this provider, like rejected credentials, so
// it carries CodeAuth with its own message.
func Quota(provider string, cause error) *pipeline.Error {
	return NewError(provider, pipeline.CodeAuth, MsgQuota, cause)
}

// RateLimited reports a rate limit with the wait the service asked for (DefaultRetryAfter when
// wait is not positive).
func RateLimited(provider string, wait time.Duration, cause error) *pipeline.Error {
	if wait <= 0 {
		wait = DefaultRetryAfter
	}
	e := NewError(provider, pipeline.CodeRateLimited, MsgRateLimited, cause)
	e.RetryAfter = wait
	e.Data["Seconds"] = int((wait + time.Second - 1) / time.Second)
	return e
}

// Unavailable reports a failure that a later retry may not see: 5xx, timeouts, refused
// connections.
func Unavailable(provider string, cause error) *pipeline.Error {
	return NewError(provider, pipeline.CodeUnavailable, MsgUnavailable, cause)
}

// Unsupported reports a language pair the provider does not offer.
func Unsupported(provider string, source, target pipeline.Lang, cause error) *pipeline.Error {
	e := NewError(provider, pipeline.CodeUnsupported, MsgUnsupportedPair, cause)
	e.Data["Source"] = string(source)
	e.Data["Target"] = string(target)
	return e
}

// BadResponse reports an answer that cannot be used: undecodable, or with the wrong number of
// translations.
func BadResponse(provider string, cause error) *pipeline.Error {
	return NewError(provider, pipeline.CodeBadResponse, MsgBadResponse, cause)
}

// TooLarge reports input over a size limit of the service, such as a single text larger than the
// whole request may be.
func TooLarge(provider string, cause error) *pipeline.Error {
	return NewError(provider, pipeline.CodeTooLarge, MsgTextTooLarge, cause)
}

// Config reports misconfiguration found when a client is built. field names the setting, such as
// "AuthKey" or "URL".
func Config(provider, field string, cause error) *pipeline.Error {
	e := NewError(provider, pipeline.CodeInvalid, MsgConfig, cause)
	e.Data["Field"] = field
	return e
}

// StatusError maps a non-2xx answer to an error by its status alone, with detail (the service's
// own message, already scrubbed) in the technical cause:
//
//	429           → CodeRateLimited, RetryAfter from the Retry-After header (30s when absent)
//	401, 403      → CodeAuth
//	413, 414      → CodeTooLarge
//	408, 5xx      → CodeUnavailable
//	anything else → CodeBadResponse
//
// Providers look at their own error bodies first (a 400 naming a language, a 403 that is really a
// rate limit) and fall back to this mapping.
func StatusError(provider string, status int, header http.Header, detail string, now time.Time) *pipeline.Error {
	cause := fmt.Errorf("%s: HTTP %d %s", provider, status, http.StatusText(status))
	if detail != "" {
		cause = fmt.Errorf("%s: HTTP %d: %s", provider, status, detail)
	}
	switch {
	case status == http.StatusTooManyRequests:
		return RateLimited(provider, RetryAfter(header, now), cause)
	case status == http.StatusUnauthorized || status == http.StatusForbidden:
		return Auth(provider, cause)
	case status == http.StatusRequestEntityTooLarge || status == http.StatusRequestURITooLong:
		return TooLarge(provider, cause)
	case status == http.StatusRequestTimeout || status >= 500:
		e := Unavailable(provider, cause)
		e.RetryAfter = RetryAfter(header, now) // a 503 may say when to come back; zero otherwise
		return e
	default:
		return BadResponse(provider, cause)
	}
}
