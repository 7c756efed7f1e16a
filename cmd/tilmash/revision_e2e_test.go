package main

import (
	"fmt"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tilmash/tilmash/pipeline"
)

// TestRevisionOfPublishedArticleEndToEnd publishes the sample in four languages through a
// LibreTranslate-like provider, then revises its source through the API: a word fixed, a
// paragraph added, one removed. It checks that only the changed and added sentences go to the
// provider, that the published versions stay live with the reader's notice, that the changed
// sentence shows its old translation and a word diff, that a save against the old revision gets a
// clear 409, and that both revisions are listed.
func TestRevisionOfPublishedArticleEndToEnd(t *testing.T) {
	t.Parallel()
	fake := &fakeLibreTranslate{}
	lt := httptest.NewServer(fake.handler(t))
	defer lt.Close()
	env := startEnv(t, "libretranslate", map[string]string{"LIBRETRANSLATE_URL": lt.URL})
	ed, ru := env.users["ed"], env.users["ru"]
	sample, err := os.ReadFile("../../samples/party-cooperation-china-central-asia.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(sample)
	art := ed.must("POST", "/api/v1/articles", map[string]any{"text": text, "source_lang": "en", "slug": "revised-sample"}, 201)
	id := int64(art["id"].(float64))
	inReview := func(s map[pipeline.Lang]string) bool {
		return s["ru"] == "in_review" && s["kk"] == "in_review" && s["zh"] == "in_review" && s["en"] == "awaiting_approval"
	}
	env.waitFor(t, id, "review", inReview)
	for _, lang := range []pipeline.Lang{pipeline.Russian, pipeline.Kazakh, pipeline.Chinese} {
		confirmAll(t, ed, id, lang)
		ed.must("POST", fmt.Sprintf("/api/v1/articles/%d/editions/%s/submit", id, lang), nil, 200)
	}
	answerRepairQuestions(t, env, id)
	for _, lang := range pipeline.Languages {
		ed.must("POST", fmt.Sprintf("/api/v1/articles/%d/editions/%s/approve", id, lang), map[string]any{"accept_machine_text": true}, 200) // the fake provider's text, confirmed unchanged
	}
	env.waitFor(t, id, "publication", func(s map[pipeline.Lang]string) bool {
		return s["en"] == "published" && s["ru"] == "published" && s["kk"] == "published" && s["zh"] == "published"
	})
	before := ed.must("GET", fmt.Sprintf("/api/v1/articles/%d/editions/ru", id), nil, 200)["segments"].([]any)

	// The revision: a word fixed, a paragraph added, a paragraph removed.
	const fixed = "using this format"
	const added = "In 2025 the parties agreed on a new programme of exchanges for young officials."
	removed := "Special attention is paid to joint programs fortraining personnel"
	revised := strings.Replace(text, "leveraging this format", fixed, 1)
	paras := strings.Split(revised, "\n\n")
	var kept []string
	for _, p := range paras {
		if !strings.HasPrefix(strings.TrimSpace(p), removed) {
			kept = append(kept, p)
		}
	}
	revised = strings.Join(kept, "\n\n") + "\n\n" + added + "\n"
	sentBefore := len(fake.texts())
	ru.must("PUT", fmt.Sprintf("/api/v1/articles/%d", id), map[string]any{"text": revised}, 403)
	ed.must("PUT", fmt.Sprintf("/api/v1/articles/%d", id), map[string]any{"format": "text"}, 400)
	res := ed.must("PUT", fmt.Sprintf("/api/v1/articles/%d", id), map[string]any{"text": revised, "base_revision": 1}, 200)
	sum := res["revision"].(map[string]any)["summary"].(map[string]any)
	if res["changed"] != true || sum["changed"].(float64) < 1 || sum["added"].(float64) < 1 || sum["removed"].(float64) < 1 {
		t.Fatalf("revision result %v", res)
	}
	ed.must("PUT", fmt.Sprintf("/api/v1/articles/%d", id), map[string]any{"text": revised, "base_revision": 1}, 409)
	if again := ed.must("PUT", fmt.Sprintf("/api/v1/articles/%d", id), map[string]any{"text": revised}, 200); again["changed"] != false {
		t.Errorf("the same text again made a revision: %v", again)
	}

	// The published versions stay live with the notice, while the new revision is translated.
	// The site rebuilds its pages when notified of the change, so the notice may take a moment.
	notice := `class="notice" role="note"`
	code, page := env.waitSite(t, env.srv.URL+"/ru/articles/revised-sample", func(code int, page string) bool {
		return code == 200 && strings.Contains(page, notice)
	})
	if code != 200 || !strings.Contains(page, notice) {
		t.Errorf("the Russian page during the revision: %d, notice shown: %v", code, strings.Contains(page, notice))
	}
	env.waitFor(t, id, "review of the revision", inReview)

	// Only the changed and added sentences were sent, once per target language.
	detail := ed.must("GET", fmt.Sprintf("/api/v1/articles/%d/revisions/2", id), nil, 200)
	want := 0
	var changedSeg map[string]any
	for _, p := range detail["alignment"].([]any) {
		pm := p.(map[string]any)
		if k := pm["kind"]; k == "changed" || k == "added" {
			want += 3 * utf8.RuneCountInString(pm["source"].(string))
		}
		if pm["kind"] == "changed" && strings.Contains(pm["source"].(string), fixed) {
			changedSeg = pm
		}
	}
	got := 0
	for _, s := range fake.texts()[sentBefore:] {
		got += utf8.RuneCountInString(s[strings.Index(s, "|")+1:])
	}
	if got != want {
		t.Errorf("the provider got %d characters for %d characters of changed and added sentences", got, want)
	}
	if changedSeg == nil || len(changedSeg["diff"].([]any)) < 2 {
		t.Fatalf("no changed segment with a diff for the fixed sentence: %v", changedSeg)
	}

	// The changed sentence shows its old translation and source, as a diff.
	changes := ru.must("GET", fmt.Sprintf("/api/v1/articles/%d/editions/ru/changes", id), nil, 200)["changes"].([]any)
	if len(changes) != int(sum["changed"].(float64)) {
		t.Errorf("%d changes listed, the summary says %v", len(changes), sum["changed"])
	}
	var oldSeg map[string]any
	for _, s := range before {
		sm := s.(map[string]any)
		if strings.Contains(sm["source"].(string), "leveraging this format") {
			oldSeg = sm
		}
	}
	found := false
	for _, c := range changes {
		cm := c.(map[string]any)
		if int64(cm["prev_segment_id"].(float64)) == int64(oldSeg["id"].(float64)) {
			found = cm["prev_target"] == oldSeg["target"] && cm["prev_state"] == "confirmed"
		}
	}
	if !found {
		t.Errorf("the changed sentence's old translation is not listed: %v", changes)
	}

	// A translator still on the old revision gets a clear conflict.
	path := fmt.Sprintf("/api/v1/articles/%d/editions/ru/segments/%d", id, int64(oldSeg["id"].(float64)))
	code, out := ru.do("PUT", path, map[string]any{"text": "поздний текст", "version": oldSeg["version"]})
	if msg := fmt.Sprint(out); code != 409 || !strings.Contains(msg, "source text changed") {
		t.Errorf("a save on the old revision: %d %v", code, out)
	}

	revs := ed.must("GET", fmt.Sprintf("/api/v1/articles/%d/revisions", id), nil, 200)["revisions"].([]any)
	if len(revs) != 2 || revs[1].(map[string]any)["published"] == nil || revs[0].(map[string]any)["current"] != true {
		t.Errorf("revisions = %v", revs)
	}
	ed.must("GET", fmt.Sprintf("/api/v1/articles/%d/revisions/3", id), nil, 404)
	ed.must("GET", fmt.Sprintf("/api/v1/articles/%d/revisions/x", id), nil, 404)
}

func TestCLIIngestRevision(t *testing.T) {
	t.Parallel()
	first := writeFile(t, "Cooperation in the Region\n\nTrade grew strongly last year. Investment followed.\n")
	if code, _, errOut := runCLI(t, "", "ingest", first, "--lang", "en", "--slug", "cli-revised"); code != 0 {
		t.Fatalf("ingest: %d %s", code, errOut)
	}
	second := writeFile(t, "Cooperation in the Region\n\nTrade grew very strongly last year. Investment followed. Officials met.\n")
	code, out, errOut := runCLI(t, "", "ingest", "--article", "cli-revised", second)
	if code != 0 || !regexp.MustCompile(`^\d+ cli-revised revision 2: 2 unchanged, 0 moved, 1 changed, 1 added, 0 removed\n$`).MatchString(out) {
		t.Fatalf("revision: %d %q %q", code, out, errOut)
	}
	if code, out, _ := runCLI(t, "", "ingest", "--article", "cli-revised", second); code != 0 || !strings.Contains(out, "revision 2 unchanged") {
		t.Errorf("the same text again: %d %q", code, out)
	}
	for _, tc := range []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"unknown article", []string{"ingest", "--article", "no-such-article", second}, 1, "not found"},
		{"other language", []string{"ingest", "--article", "cli-revised", "--lang", "ru", second}, 1, "source language"},
		{"slug with article", []string{"ingest", "--article", "cli-revised", "--slug", "x", second}, 2, "--slug"},
		{"minor without article", []string{"ingest", "--lang", "en", "--minor", second}, 2, "--article"},
	} {
		code, _, errOut := runCLI(t, "", tc.args...)
		if code != tc.code || !strings.Contains(errOut, tc.msg) {
			t.Errorf("%s: exit %d, stderr %q; want %d and %q", tc.name, code, errOut, tc.code, tc.msg)
		}
	}
}
