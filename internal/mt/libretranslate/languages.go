package libretranslate

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/tilmash/tilmash/internal/mt/mthttp"
	"github.com/tilmash/tilmash/pipeline"
)

type language struct {
	Code    string   `json:"code"`
	Name    string   `json:"name"`
	Targets []string `json:"targets"`
}

func jsonDecode(b []byte, v any) error { return json.Unmarshal(b, v) }

// candidates are the server codes tried for a site language, best first.
func candidates(l pipeline.Lang) []string {
	if l == pipeline.Chinese {
		return []string{"zh-Hans", "zh"}
	}
	return []string{string(l)}
}

// codes returns the server's codes for the pair, or CodeUnsupported when the server lacks it.
// With SkipLanguages it trusts the site codes ("zh" for Chinese).
func (c *Client) codes(ctx context.Context, from, to pipeline.Lang) (string, string, error) {
	if !from.Valid() || !to.Valid() {
		return "", "", mthttp.Unsupported(Name, from, to, fmt.Errorf("libretranslate: unsupported pair %q→%q", from, to))
	}
	if c.skipLang {
		return string(from), string(to), nil
	}
	langs, err := c.languages(ctx)
	if err != nil {
		return "", "", err
	}
	for _, s := range candidates(from) {
		targets, ok := lookup(langs, s)
		if !ok {
			continue
		}
		for _, t := range candidates(to) {
			if code, ok := lookupKey(targets, t); ok {
				src, _ := lookupName(langs, s)
				return src, code, nil
			}
		}
	}
	return "", "", mthttp.Unsupported(Name, from, to, fmt.Errorf("libretranslate: the server does not offer %s→%s", from, to))
}

// languages returns the cached /languages answer, reading it when missing or older than the
// cache time. Concurrent callers wait for one read.
func (c *Client) languages(ctx context.Context) (map[string]map[string]bool, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.langs != nil && time.Since(c.fetched) < c.ttl {
		return c.langs, nil
	}
	resp, err := c.http.Do(ctx, http.MethodGet, c.base+"/languages", nil, nil)
	if err != nil {
		return nil, err
	}
	if resp.Status/100 != 2 {
		var e errorResponse
		_ = jsonDecode(resp.Body, &e)
		return nil, c.http.StatusError(resp, e.Error)
	}
	var list []language
	if err := c.http.Decode(resp, &list); err != nil {
		return nil, err
	}
	langs := make(map[string]map[string]bool, len(list))
	for _, l := range list {
		targets := make(map[string]bool, len(l.Targets))
		for _, t := range l.Targets {
			targets[t] = true
		}
		langs[l.Code] = targets
	}
	c.langs, c.fetched = langs, time.Now()
	return langs, nil
}

// lookup finds a language case-insensitively ("zh-hans" and "zh-Hans" are the same code).
func lookup(langs map[string]map[string]bool, code string) (map[string]bool, bool) {
	for k, v := range langs {
		if strings.EqualFold(k, code) {
			return v, true
		}
	}
	return nil, false
}

func lookupName(langs map[string]map[string]bool, code string) (string, bool) {
	for k := range langs {
		if strings.EqualFold(k, code) {
			return k, true
		}
	}
	return "", false
}

func lookupKey(set map[string]bool, code string) (string, bool) {
	for k := range set {
		if strings.EqualFold(k, code) {
			return k, true
		}
	}
	return "", false
}
