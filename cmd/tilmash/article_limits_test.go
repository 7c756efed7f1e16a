package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/internal/postgres/postgrestest"
)

// sentences is an article of a title and n one-word sentences.
func sentences(n int) string {
	return "Limits Title\n\n" + strings.Repeat("Word. ", n)
}

// TestArticleLimitsRefusedAtIngest: an article of more sentences than one article may have, or
// with a sentence longer than one may be, is refused with 413 and a message in the requester's
// language, whether it is posted as JSON, uploaded as a file or sent as a new revision; nothing
// of it is stored. 250,000 one-word sentences were once taken in whole.
func TestArticleLimitsRefusedAtIngest(t *testing.T) {
	t.Parallel()
	env := start(t, "none")
	ed := env.users["ed"]
	count := func(table string) int {
		var n int
		if err := env.app.db.pool.QueryRow(context.Background(), "SELECT count(*) FROM "+table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	tooMany := sentences(5000) // with the title, 5,001 segments
	tooLong := "Limits Title\n\n" + strings.Repeat("word ", 801) + "end."
	for _, tc := range []struct {
		name, text, msg string
	}{
		{"too many sentences", tooMany, "The article has 5001 sentences; one article may have at most 5000."},
		{"too long a sentence", tooLong, "Sentence 2 is 4009 characters long; a sentence may have at most 4000."},
	} {
		code, out := ed.do("POST", "/api/v1/articles", map[string]any{"text": tc.text, "source_lang": "en"})
		msg, _ := out["error"].(map[string]any)["message"].(string)
		if code != http.StatusRequestEntityTooLarge || !strings.Contains(msg, tc.msg) {
			t.Errorf("POST %s: %d %q; want 413 and %q", tc.name, code, msg, tc.msg)
		}
		code, out = ed.upload([]byte(tc.text), map[string]string{"source_lang": "en"})
		msg, _ = out["error"].(map[string]any)["message"].(string)
		if code != http.StatusRequestEntityTooLarge || !strings.Contains(msg, tc.msg) {
			t.Errorf("upload %s: %d %q; want 413 and %q", tc.name, code, msg, tc.msg)
		}
	}
	// In Russian for a Russian reader.
	body, _ := json.Marshal(map[string]any{"text": tooMany, "source_lang": "en"})
	req, _ := http.NewRequest("POST", env.srv.URL+"/api/v1/articles", bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+ed.token)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept-Language", "ru")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]any
	json.NewDecoder(res.Body).Decode(&out)
	res.Body.Close()
	if msg, _ := out["error"].(map[string]any)["message"].(string); res.StatusCode != 413 ||
		!strings.Contains(msg, "Предложений в статье: 5001; в одной статье допускается не больше 5000.") {
		t.Errorf("in Russian: %d %q", res.StatusCode, msg)
	}
	if n := count("articles"); n != 0 {
		t.Fatalf("refused articles stored %d articles", n)
	}

	// A revision past the limit leaves the article as it was.
	art := ed.must("POST", "/api/v1/articles", map[string]any{"text": sentences(3), "source_lang": "en"}, 201)
	id := int64(art["id"].(float64))
	revisions, segments := count("revisions"), count("segments")
	code, out := ed.do("PUT", fmt.Sprintf("/api/v1/articles/%d", id), map[string]any{"text": tooMany})
	if msg, _ := out["error"].(map[string]any)["message"].(string); code != 413 || !strings.Contains(msg, "at most 5000") {
		t.Errorf("revision with too many sentences: %d %q", code, msg)
	}
	if r, s := count("revisions"), count("segments"); r != revisions || s != segments {
		t.Errorf("a refused revision stored %d revisions and %d segments", r-revisions, s-segments)
	}
	// Exactly at the limit is fine.
	ed.must("POST", "/api/v1/articles", map[string]any{"text": sentences(4999), "source_lang": "en"}, 201)
}

// TestCLIIngestArticleLimits: tilmash ingest holds articles to TILMASH_MAX_SEGMENTS and
// TILMASH_MAX_SEGMENT_CHARS, or the flags that override them, and stores nothing it refuses; a
// malformed limit is a usage mistake.
func TestCLIIngestArticleLimits(t *testing.T) {
	t.Parallel()
	url := postgrestest.URL(t)
	cli := func(env map[string]string, args ...string) (int, string) {
		t.Helper()
		getenv := func(k string) string {
			if k == "DATABASE_URL" {
				return url
			}
			return env[k]
		}
		var out, errOut bytes.Buffer
		code := run(context.Background(), args, strings.NewReader(""), &out, &errOut, getenv)
		return code, errOut.String()
	}
	stored := func() int {
		return postgrestest.QueryInt(t, `SELECT count(*) FROM articles WHERE slug LIKE 'cli-limits-%'`)
	}
	five := writeFile(t, sentences(5))
	long := writeFile(t, "Limits Title\n\n"+strings.Repeat("word ", 10)+"end.")
	for _, tc := range []struct {
		name string
		env  map[string]string
		args []string
		code int
		msg  string
	}{
		{"too many by the environment", map[string]string{"TILMASH_MAX_SEGMENTS": "3"},
			[]string{"ingest", five, "--lang", "en", "--slug", "cli-limits-a"}, 1, "The article has 6 sentences; one article may have at most 3."},
		{"too many by the flag", nil,
			[]string{"ingest", five, "--lang", "en", "--slug", "cli-limits-b", "--max-segments", "5"}, 1, "at most 5"},
		{"too long by the environment", map[string]string{"TILMASH_MAX_SEGMENT_CHARS": "40"},
			[]string{"ingest", long, "--lang", "en", "--slug", "cli-limits-c"}, 1, "Sentence 2 is 54 characters long; a sentence may have at most 40."},
		{"malformed limit", map[string]string{"TILMASH_MAX_SEGMENTS": "many"},
			[]string{"ingest", five, "--lang", "en", "--slug", "cli-limits-d"}, 2, "TILMASH_MAX_SEGMENTS"},
	} {
		if code, errOut := cli(tc.env, tc.args...); code != tc.code || !strings.Contains(errOut, tc.msg) {
			t.Errorf("%s: exit %d, stderr %q; want %d and %q", tc.name, code, errOut, tc.code, tc.msg)
		}
	}
	if n := stored(); n != 0 {
		t.Fatalf("refused ingests stored %d articles", n)
	}
	// The flag overrides the environment.
	if code, errOut := cli(map[string]string{"TILMASH_MAX_SEGMENTS": "3"}, "ingest", five, "--lang", "en", "--slug", "cli-limits-e",
		"--max-segments", "6"); code != 0 || stored() != 1 {
		t.Errorf("--max-segments 6 over TILMASH_MAX_SEGMENTS=3: exit %d, %q", code, errOut)
	}
}
