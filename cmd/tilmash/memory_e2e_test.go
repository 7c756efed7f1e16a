package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

// fakeLibreTranslate speaks LibreTranslate's API (GET /languages, POST /translate with a batch of
// q) and records every text it was asked to translate.
type fakeLibreTranslate struct {
	mu   sync.Mutex
	sent []string
}

func (f *fakeLibreTranslate) handler(t *testing.T) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /languages", func(w http.ResponseWriter, _ *http.Request) {
		var langs []map[string]any
		for _, l := range []string{"en", "ru", "kk", "zh"} {
			langs = append(langs, map[string]any{"code": l, "name": l, "targets": []string{"en", "ru", "kk", "zh"}})
		}
		json.NewEncoder(w).Encode(langs)
	})
	mux.HandleFunc("POST /translate", func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			Q      []string `json:"q"`
			Source string   `json:"source"`
			Target string   `json:"target"`
			Format string   `json:"format"`
		}
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil || req.Format != "text" || req.Source == "" {
			t.Errorf("malformed LibreTranslate request: %v %+v", err, req)
			w.WriteHeader(400)
			return
		}
		f.mu.Lock()
		for _, q := range req.Q {
			f.sent = append(f.sent, req.Target+"|"+q)
		}
		f.mu.Unlock()
		out := make([]string, len(req.Q))
		for i, q := range req.Q {
			out[i] = "[" + req.Target + "] " + q
		}
		json.NewEncoder(w).Encode(map[string]any{"translatedText": out})
	})
	return mux
}

func (f *fakeLibreTranslate) texts() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.sent...)
}

// TestMemoryFillsRepeatedSentences translates the sample to Russian through a provider, confirms
// ten segments, ingests a second article that repeats some of them, and checks that those are
// filled from the memory, never sent to the provider, and counted as uses of their entries.
func TestMemoryFillsRepeatedSentences(t *testing.T) {
	t.Parallel()
	fake := &fakeLibreTranslate{}
	lt := httptest.NewServer(fake.handler(t))
	defer lt.Close()
	env := startEnv(t, "libretranslate", map[string]string{"LIBRETRANSLATE_URL": lt.URL})
	ed := env.users["ed"]
	sample, err := os.ReadFile("../../samples/party-cooperation-china-central-asia.txt")
	if err != nil {
		t.Fatal(err)
	}
	art := ed.must("POST", "/api/v1/articles", map[string]any{"text": string(sample), "source_lang": "en", "slug": "tm-first"}, 201)
	id := int64(art["id"].(float64))
	env.waitFor(t, id, "review", func(s map[pipeline.Lang]string) bool { return s["ru"] == "in_review" })
	base := fmt.Sprintf("/api/v1/articles/%d/editions/ru", id)
	segs := ed.must("GET", base, nil, 200)["segments"].([]any)
	if got := len(fake.texts()); got < len(segs) {
		t.Fatalf("the provider saw %d texts for %d segments", got, len(segs))
	}

	// Confirm ten paragraph sentences with a translator's text.
	var repeated []string
	confirmed := map[string]string{}
	for _, s := range segs {
		seg := s.(map[string]any)
		if seg["kind"] != "paragraph" || len(confirmed) == 10 {
			continue
		}
		text := "Перевод: " + seg["source"].(string)
		ed.must("PUT", fmt.Sprintf("%s/segments/%d", base, int64(seg["id"].(float64))),
			map[string]any{"text": text, "version": seg["version"], "confirm": true}, 200)
		confirmed[seg["source"].(string)] = text
		if len(repeated) < 4 {
			repeated = append(repeated, seg["source"].(string))
		}
	}

	// The memory answers a lookup of a confirmed sentence, and a fuzzy one of a changed sentence.
	q := repeated[0]
	tm := ed.must("GET", "/api/v1/tm?source_lang=en&target_lang=ru&q="+urlQuery(q), nil, 200)["matches"].([]any)
	if len(tm) == 0 || tm[0].(map[string]any)["score"].(float64) != 100 || tm[0].(map[string]any)["target"] != confirmed[q] {
		t.Fatalf("memory lookup of a confirmed sentence: %v", tm)
	}
	changed := strings.Replace(q, "China", "the PRC", 1)
	tm = ed.must("GET", "/api/v1/tm?source_lang=en&target_lang=ru&q="+urlQuery(changed), nil, 200)["matches"].([]any)
	if len(tm) == 0 {
		t.Fatalf("no fuzzy match for %q", changed)
	}
	if score := tm[0].(map[string]any)["score"].(float64); score < 75 || score >= 100 {
		t.Errorf("fuzzy score %v for a one-word change", score)
	}

	before := len(fake.texts())
	second := "A Second Article on the Same Region\n\n" + strings.Join(repeated, " ") + "\n\nThis sentence is entirely new.\n"
	art2 := ed.must("POST", "/api/v1/articles", map[string]any{"text": second, "source_lang": "en", "slug": "tm-second"}, 201)
	id2 := int64(art2["id"].(float64))
	env.waitFor(t, id2, "review", func(s map[pipeline.Lang]string) bool { return s["ru"] == "in_review" })

	sentRu := 0
	for _, s := range fake.texts()[before:] {
		if !strings.HasPrefix(s, "ru|") {
			continue
		}
		s = strings.TrimPrefix(s, "ru|")
		for _, r := range repeated {
			if s == r {
				t.Errorf("a sentence in the memory was sent to the provider: %q", s)
			}
		}
		if strings.Contains(s, "entirely new") {
			sentRu++
		}
	}
	if sentRu == 0 {
		t.Error("the new sentence was not sent to the provider")
	}
	for _, s := range ed.must("GET", fmt.Sprintf("/api/v1/articles/%d/editions/ru", id2), nil, 200)["segments"].([]any) {
		seg := s.(map[string]any)
		if want, ok := confirmed[seg["source"].(string)]; ok {
			if seg["target"] != want || !strings.HasPrefix(seg["origin"].(string), "tm:") {
				t.Errorf("repeated sentence filled with %q (%s), want %q from memory", seg["target"], seg["origin"], want)
			}
		}
	}
	// Each entry that filled a repeated sentence counts that use, as the memory browser shows it.
	entries, _, err := env.app.store.FindMemoryEntries(t.Context(), pipeline.MemoryQuery{Source: pipeline.English, Target: pipeline.Russian, Text: repeated[0]})
	if err != nil || len(entries) == 0 || entries[0].UseCount < 1 || entries[0].LastUsedAt == nil {
		t.Errorf("the entry that filled %q: %+v (%v), want one use at least", repeated[0], entries, err)
	}
	usage := ed.must("GET", "/api/v1/usage", nil, 200)
	if rows := usage["usage"].([]any); len(rows) == 0 {
		t.Error("no machine translation usage recorded")
	}
}

func urlQuery(s string) string {
	r := strings.NewReplacer(" ", "%20", "&", "%26", "#", "%23", "+", "%2B", "?", "%3F", "’", "%E2%80%99", "“", "%E2%80%9C", "”", "%E2%80%9D")
	return r.Replace(s)
}
