package mthttp

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// DefaultTimeout bounds one HTTP exchange when the configuration does not say otherwise.
const DefaultTimeout = 60 * time.Second

// maxBody bounds how much of a response is read. Translation answers are a few hundred KiB at
// most; anything larger is treated as a bad response rather than read into memory.
const maxBody = 16 << 20

// Client sends the requests of one provider and turns transport failures into provider errors.
// It is safe for concurrent use.
type Client struct {
	provider string
	http     *http.Client
	timeout  time.Duration
	secrets  []string
}

// Response is a completed HTTP exchange with its body read.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
}

// NewClient returns a client for provider. When hc is nil a new http.Client with the timeout is
// built; a given hc (tests, proxies) is used as it is. Either way every request also runs under a
// context deadline of timeout (DefaultTimeout when not positive). secrets are scrubbed from every
// error text the client produces; empty ones are ignored.
func NewClient(provider string, hc *http.Client, timeout time.Duration, secrets ...string) *Client {
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	if hc == nil {
		hc = &http.Client{Timeout: timeout}
	}
	c := &Client{provider: provider, http: hc, timeout: timeout}
	for _, s := range secrets {
		if strings.TrimSpace(s) != "" {
			c.secrets = append(c.secrets, s, url.QueryEscape(s), url.PathEscape(s))
		}
	}
	return c
}

// Provider is the name the client reports in errors.
func (c *Client) Provider() string { return c.provider }

// Scrub replaces every registered secret in s with "[redacted]".
func (c *Client) Scrub(s string) string {
	for _, secret := range c.secrets {
		if secret != "" {
			s = strings.ReplaceAll(s, secret, "[redacted]")
		}
	}
	return s
}

// MarshalJSON encodes v as the request bodies are sent: without HTML escaping (so that "<" costs
// one byte, as size limits assume) and without a trailing newline.
func MarshalJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// PostJSON sends v as a JSON body. See Do for the errors.
func (c *Client) PostJSON(ctx context.Context, rawURL string, header http.Header, v any) (*Response, error) {
	body, err := MarshalJSON(v)
	if err != nil {
		return nil, BadResponse(c.provider, fmt.Errorf("%s: encode request: %w", c.provider, err))
	}
	h := header.Clone()
	if h == nil {
		h = http.Header{}
	}
	h.Set("Content-Type", "application/json")
	return c.Do(ctx, http.MethodPost, rawURL, h, body)
}

// Do sends one request and reads the whole answer, whatever its status. It fails only when no
// answer arrived or it could not be read: a transport error, a timeout or a cancelled context is
// CodeUnavailable (the context's error stays in the chain for errors.Is), an answer over 16 MiB is
// CodeBadResponse. Error texts never contain the URL's query or a registered secret.
func (c *Client) Do(ctx context.Context, method, rawURL string, header http.Header, body []byte) (*Response, error) {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, rawURL, rd)
	if err != nil {
		return nil, Unavailable(c.provider, fmt.Errorf("%s: build request for %s: %s", c.provider, redactURL(rawURL), c.Scrub(err.Error())))
	}
	for k, vs := range header {
		req.Header[k] = vs
	}
	if req.Header.Get("Accept") == "" {
		req.Header.Set("Accept", "application/json")
	}
	if req.Header.Get("User-Agent") == "" {
		req.Header.Set("User-Agent", "tilmash/1")
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, Unavailable(c.provider, c.transportError(method, rawURL, err))
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxBody+1))
	if err != nil {
		return nil, Unavailable(c.provider, c.transportError(method, rawURL, err))
	}
	if len(data) > maxBody {
		return nil, BadResponse(c.provider, fmt.Errorf("%s: answer to %s %s is over %d bytes", c.provider, method, redactURL(rawURL), maxBody))
	}
	return &Response{Status: resp.StatusCode, Header: resp.Header, Body: data}, nil
}

// StatusError maps a non-2xx response by its status (see the package function), scrubbing detail.
func (c *Client) StatusError(resp *Response, detail string) error {
	return StatusError(c.provider, resp.Status, resp.Header, c.Scrub(truncate(detail, 300)), time.Now())
}

// Decode unmarshals a 2xx body into v; a body that does not decode is CodeBadResponse.
func (c *Client) Decode(resp *Response, v any) error {
	if err := json.Unmarshal(resp.Body, v); err != nil {
		return BadResponse(c.provider, fmt.Errorf("%s: decode answer (HTTP %d, %d bytes): %w", c.provider, resp.Status, len(resp.Body), err))
	}
	return nil
}

// transportError rebuilds err without the request URL's query and without secrets. The chain
// keeps the underlying network or context error (not the *url.Error, which holds the full URL).
func (c *Client) transportError(method, rawURL string, err error) error {
	inner := err
	var ue *url.Error
	if errors.As(err, &ue) {
		inner = ue.Err
	}
	return &scrubbedError{msg: fmt.Sprintf("%s: %s %s: %s", c.provider, method, redactURL(rawURL), c.Scrub(inner.Error())), err: inner}
}

// scrubbedError carries a cleaned message over the original cause, so that errors.Is still finds
// context.DeadlineExceeded and friends.
type scrubbedError struct {
	msg string
	err error
}

func (e *scrubbedError) Error() string { return e.msg }
func (e *scrubbedError) Unwrap() error { return e.err }

// redactURL keeps scheme, host and path: enough to see which endpoint failed, never the query.
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(invalid URL)"
	}
	return u.Scheme + "://" + u.Host + u.Path
}

func truncate(s string, n int) string {
	s = strings.TrimSpace(s)
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !isRuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }
