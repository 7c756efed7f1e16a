package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"syscall"
	"time"
)

// apiClient calls the tilmash API as one person.
type apiClient struct {
	base  string // http://127.0.0.1:PORT/api/v1
	token string
	hc    *http.Client
}

func newAPIClient(addr, token string) *apiClient {
	return &apiClient{base: "http://" + addr + "/api/v1", token: token,
		hc: &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}}
}

// callError is a request that got no answer. Sent tells whether the request may have reached
// the server (its outcome is then unknown); a refused connection sent nothing.
type callError struct {
	err  error
	sent bool
}

func (e *callError) Error() string { return e.err.Error() }

// call sends one request and decodes a 2xx answer into out. It returns the HTTP status and the
// body; a *callError when no answer came.
func (c *apiClient) call(ctx context.Context, method, path string, in, out any) (int, []byte, error) {
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return 0, nil, err
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, body)
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return 0, nil, &callError{err: err, sent: !errors.Is(err, syscall.ECONNREFUSED)}
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return 0, nil, &callError{err: err, sent: true}
	}
	if resp.StatusCode/100 == 2 && out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			return resp.StatusCode, raw, fmt.Errorf("decode %s %s: %w", method, path, err)
		}
	}
	return resp.StatusCode, raw, nil
}

type apiEdition struct {
	Lang      string `json:"lang"`
	IsSource  bool   `json:"is_source"`
	State     string `json:"state"`
	Segments  int    `json:"segments"`
	Confirmed int    `json:"confirmed"`
}

type apiArticle struct {
	ID       int64        `json:"id"`
	Slug     string       `json:"slug"`
	Editions []apiEdition `json:"editions"`
}

type apiFinding struct {
	ID        int64  `json:"id"`
	Severity  string `json:"severity"`
	Dismissed bool   `json:"dismissed"`
}

type apiSegment struct {
	ID        int64        `json:"id"`
	Source    string       `json:"source"`
	Target    string       `json:"target"`
	State     string       `json:"state"`
	Origin    string       `json:"origin"`
	Version   int          `json:"version"`
	UpdatedBy string       `json:"updated_by"`
	Findings  []apiFinding `json:"findings"`
}

type apiEditionView struct {
	Edition  apiEdition   `json:"edition"`
	Segments []apiSegment `json:"segments"`
}

type segmentSave struct {
	Text    string `json:"text"`
	Version int    `json:"version"`
	Confirm bool   `json:"confirm"`
}
