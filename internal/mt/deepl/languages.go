package deepl

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/tilmash/tilmash/internal/mt/mthttp"
	"github.com/tilmash/tilmash/pipeline"
)

// language is one entry of GET /v3/languages?resource=translate_text.
type language struct {
	Lang           string                 `json:"lang"`
	Name           string                 `json:"name"`
	UsableAsSource bool                   `json:"usable_as_source"`
	UsableAsTarget bool                   `json:"usable_as_target"`
	Features       map[string]featureInfo `json:"features"`
}

// featureInfo describes a feature ({"status": "stable"}); only its presence matters here.
type featureInfo = map[string]any

// pairInfo is what Translate needs to know about a supported pair.
type pairInfo struct {
	source, target string // DeepL's codes for /v2/translate
	glossary       bool   // both languages support glossaries
}

// sourceCodes and targetCodes are the DeepL codes for a site language, best first.
func sourceCodes(l pipeline.Lang) []string { return []string{string(l)} }

func (c *Client) targetCodes(l pipeline.Lang) []string {
	switch l {
	case pipeline.English:
		return []string{c.english, "en-US", "en-GB", "en"}
	case pipeline.Chinese:
		return []string{"zh-Hans", "zh"}
	}
	return []string{string(l)}
}

// pair returns DeepL's codes for the pair, or CodeUnsupported when DeepL does not offer it.
func (c *Client) pair(ctx context.Context, from, to pipeline.Lang) (pairInfo, error) {
	if !from.Valid() || !to.Valid() || from == to {
		return pairInfo{}, mthttp.Unsupported(Name, from, to, fmt.Errorf("deepl: unsupported pair %q→%q", from, to))
	}
	langs, err := c.languages(ctx)
	if err != nil {
		return pairInfo{}, err
	}
	var src, tgt *language
	for _, code := range sourceCodes(from) {
		if l, ok := langs[strings.ToLower(code)]; ok && l.UsableAsSource {
			src = &l
			break
		}
	}
	for _, code := range c.targetCodes(to) {
		if l, ok := langs[strings.ToLower(code)]; ok && l.UsableAsTarget {
			tgt = &l
			break
		}
	}
	if src == nil || tgt == nil {
		return pairInfo{}, mthttp.Unsupported(Name, from, to, fmt.Errorf("deepl: DeepL does not offer %s→%s", from, to))
	}
	_, sg := src.Features["glossary"]
	_, tg := tgt.Features["glossary"]
	return pairInfo{source: strings.ToUpper(src.Lang), target: strings.ToUpper(tgt.Lang), glossary: sg && tg}, nil
}

// languages returns the cached language list, reading it when missing or stale. Concurrent
// callers wait for one read.
func (c *Client) languages(ctx context.Context) (map[string]language, error) {
	c.langMu.Lock()
	defer c.langMu.Unlock()
	if c.langs != nil && time.Since(c.fetched) < c.ttl {
		return c.langs, nil
	}
	resp, err := c.http.Do(ctx, http.MethodGet, c.base+"/v3/languages?resource=translate_text", c.header(), nil)
	if err != nil {
		return nil, err
	}
	if resp.Status/100 != 2 {
		return nil, c.statusError(resp, "", "")
	}
	var list []language
	if err := c.http.Decode(resp, &list); err != nil {
		return nil, err
	}
	langs := make(map[string]language, len(list))
	for _, l := range list {
		langs[strings.ToLower(l.Lang)] = l
	}
	c.langs, c.fetched = langs, time.Now()
	return langs, nil
}
