package main

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

// TestWorkbenchShowsSourceChanges: after the author rewrites a sentence, the translator's editor
// shows the old and new source word by word, with the translation made for the old one.
func TestWorkbenchShowsSourceChanges(t *testing.T) {
	t.Parallel()
	env := start(t, "pseudo")
	id, ruEdition, _ := reviewEdition(t, env)
	ed := env.users["ed"]
	sample, err := os.ReadFile("../../samples/party-cooperation-china-central-asia.txt")
	if err != nil {
		t.Fatal(err)
	}
	const before, after = "significantly strengthened its position", "steadily strengthened its standing"
	if !strings.Contains(string(sample), before) {
		t.Fatal("the sample changed; pick another sentence")
	}
	revised := strings.Replace(string(sample), before, after, 1)
	ed.must("PUT", fmt.Sprintf("/api/v1/articles/%d", id), map[string]any{"text": revised}, 200)
	env.waitFor(t, id, "review", func(s map[pipeline.Lang]string) bool { return s["ru"] == "in_review" })

	setPassword(t, env.app.store, "ru-"+t.Name(), "correct horse battery")
	c := signIn(t, env.srv.URL, "ru-"+t.Name(), "correct horse battery")
	code, page := c.get(fmt.Sprintf("/workbench/editions/%d/", ruEdition))
	if code != 200 {
		t.Fatalf("editor page: %d", code)
	}
	if strings.Count(page, `class="changed"`) != 1 {
		t.Fatalf("want exactly one source-changed panel, got %d", strings.Count(page, `class="changed"`))
	}
	i := strings.Index(page, `class="changed"`)
	panel := page[i : i+strings.Index(page[i:], "</div>")]
	for _, want := range []string{"Source changed", "<del>significantly</del>", "<ins>steadily</ins>", "<del>position</del>", "<ins>standing</ins>"} {
		if !strings.Contains(panel, want) {
			t.Errorf("the panel lacks %q:\n%s", want, panel)
		}
	}
}
