package deepl

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"sort"
	"strings"

	"github.com/tilmash/tilmash/internal/mt/mthttp"
	"github.com/tilmash/tilmash/pipeline"
)

// maxEntryBytes is DeepL's limit for each source or target phrase of a glossary.
const maxEntryBytes = 1024

// glossaryNamePrefix starts the names of the glossaries Tilmash creates.
const glossaryNamePrefix = "tilmash"

type glossaryDictionary struct {
	SourceLang    string `json:"source_lang"`
	TargetLang    string `json:"target_lang"`
	Entries       string `json:"entries,omitempty"`
	EntriesFormat string `json:"entries_format,omitempty"`
	EntryCount    int    `json:"entry_count,omitempty"`
}

type glossary struct {
	GlossaryID   string               `json:"glossary_id"`
	Name         string               `json:"name"`
	Dictionaries []glossaryDictionary `json:"dictionaries"`
}

// EnsureGlossary returns the id of a DeepL glossary holding exactly entries (source phrase →
// target phrase) for source → target, creating it with POST /v3/glossaries when none exists.
//
// The glossary's name carries a hash of the pair and the entries ("tilmash-en-ru-<16 hex>"), so
// the same termbase content maps to the same glossary: a name already known to this client is
// answered from memory, otherwise GET /v3/glossaries is searched before anything is created.
// Changed entries give a new name and thus a new glossary; old ones are left for an operator to
// delete (DeepL allows 1000 per account).
//
// Entries are cleaned first: phrases are trimmed, and entries with an empty side, a tab or line
// break, or a side over 1024 bytes (DeepL's limit) are dropped. No entry left is CodeBadResponse,
// as is an answer without an id. Calls are serialised, so concurrent translations of the same
// content create one glossary.
func (c *Client) EnsureGlossary(ctx context.Context, source, target pipeline.Lang, entries map[string]string) (string, error) {
	if !source.Valid() || !target.Valid() || source == target {
		return "", mthttp.Unsupported(Name, source, target, fmt.Errorf("deepl: no glossary for %q→%q", source, target))
	}
	tsv, n := glossaryTSV(entries)
	if n == 0 {
		return "", mthttp.BadResponse(Name, errors.New("deepl: no usable glossary entries"))
	}
	sum := sha256.Sum256([]byte(string(source) + "\x00" + string(target) + "\x00" + tsv))
	name := fmt.Sprintf("%s-%s-%s-%s", glossaryNamePrefix, source, target, hex.EncodeToString(sum[:8]))

	c.glossMu.Lock()
	defer c.glossMu.Unlock()
	if id, ok := c.glossaries[name]; ok {
		return id, nil
	}
	id, err := c.findGlossary(ctx, name, source, target)
	if err != nil {
		return "", err
	}
	if id == "" {
		if id, err = c.createGlossary(ctx, name, source, target, tsv); err != nil {
			return "", err
		}
	}
	c.glossaries[name] = id
	return id, nil
}

// glossaryTSV renders the usable entries sorted by source phrase, one "source\ttarget" per line.
func glossaryTSV(entries map[string]string) (string, int) {
	clean := make(map[string]string, len(entries))
	for s, t := range entries {
		s, t = strings.TrimSpace(s), strings.TrimSpace(t)
		if s == "" || t == "" || strings.ContainsAny(s+t, "\t\r\n") || len(s) > maxEntryBytes || len(t) > maxEntryBytes {
			continue
		}
		clean[s] = t
	}
	keys := make([]string, 0, len(clean))
	for s := range clean {
		keys = append(keys, s)
	}
	sort.Strings(keys)
	var b strings.Builder
	for i, s := range keys {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(s + "\t" + clean[s])
	}
	return b.String(), len(keys)
}

func (c *Client) findGlossary(ctx context.Context, name string, source, target pipeline.Lang) (string, error) {
	resp, err := c.http.Do(ctx, http.MethodGet, c.base+"/v3/glossaries", c.header(), nil)
	if err != nil {
		return "", err
	}
	if resp.Status/100 != 2 {
		return "", c.statusError(resp, "", "")
	}
	var list struct {
		Glossaries []glossary `json:"glossaries"`
	}
	if err := c.http.Decode(resp, &list); err != nil {
		return "", err
	}
	for _, g := range list.Glossaries {
		if g.Name != name || g.GlossaryID == "" {
			continue
		}
		for _, d := range g.Dictionaries {
			if strings.EqualFold(d.SourceLang, string(source)) && strings.EqualFold(d.TargetLang, string(target)) {
				return g.GlossaryID, nil
			}
		}
	}
	return "", nil
}

func (c *Client) createGlossary(ctx context.Context, name string, source, target pipeline.Lang, tsv string) (string, error) {
	body := struct {
		Name         string               `json:"name"`
		Dictionaries []glossaryDictionary `json:"dictionaries"`
	}{Name: name, Dictionaries: []glossaryDictionary{{
		SourceLang: string(source), TargetLang: string(target), Entries: tsv, EntriesFormat: "tsv"}}}
	resp, err := c.http.PostJSON(ctx, c.base+"/v3/glossaries", c.header(), body)
	if err != nil {
		return "", err
	}
	if resp.Status/100 != 2 {
		return "", c.statusError(resp, "", "")
	}
	var g glossary
	if err := c.http.Decode(resp, &g); err != nil {
		return "", err
	}
	if g.GlossaryID == "" {
		return "", mthttp.BadResponse(Name, errors.New("deepl: glossary created without an id"))
	}
	return g.GlossaryID, nil
}

// termEntries turns termbase hints into glossary entries: do-not-translate terms map to
// themselves; for a source phrase given twice, the first hint wins.
func termEntries(terms []pipeline.TermHint) map[string]string {
	m := make(map[string]string, len(terms))
	for _, t := range terms {
		src := strings.TrimSpace(t.Source)
		if _, seen := m[src]; seen || src == "" {
			continue
		}
		if t.DoNotTranslate {
			m[src] = src
		} else {
			m[src] = t.Target
		}
	}
	return m
}
