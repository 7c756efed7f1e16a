package main

import (
	"fmt"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestNewsroomRepairsPage: an editor sees the repairs made to the pasted sample, highlighted, and
// undoes one; the undone repair leaves the text and the API as it arrived there.
func TestNewsroomRepairsPage(t *testing.T) {
	t.Parallel()
	env := start(t, "none")
	sample, err := os.ReadFile("../../samples/party-cooperation-china-central-asia.txt")
	if err != nil {
		t.Fatal(err)
	}
	ed := env.users["ed"]
	art := ed.must("POST", "/api/v1/articles", map[string]any{"text": string(sample), "source_lang": "en", "slug": "repairs-page"}, 201)
	id := int64(art["id"].(float64))
	setPassword(t, env.app.store, "ed-"+t.Name(), "correct horse battery")
	c := signIn(t, env.srv.URL, "ed-"+t.Name(), "correct horse battery")
	base := fmt.Sprintf("/workbench/newsroom/articles/%d/", id)
	code, page := c.get(base + "repairs/")
	if code != 200 {
		t.Fatalf("repairs page: %d", code)
	}
	m := regexp.MustCompile(`<del title="inCentral">inCentral</del><ins>in Central</ins><label><input type="checkbox" name="change" value="(\d+)">`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("the repair of inCentral is not highlighted with an undo box:\n%.3000s", page)
	}
	version := regexp.MustCompile(`name="version" value="(\d+)"`).FindStringSubmatch(page)
	expectPost(t, c, base+"repairs/undo", url.Values{"version": {version[1]}}, http.StatusBadRequest, "")
	code, _, loc := c.postForm(base+"repairs/undo", url.Values{"csrf": {c.csrf}, "version": {version[1]}, "change": {m[1]}})
	if code != http.StatusSeeOther || !strings.Contains(loc, "repairs_undone") {
		t.Fatalf("undo: %d to %q", code, loc)
	}
	expectPost(t, c, base+"repairs/undo", url.Values{"version": {version[1]}, "change": {m[1]}}, http.StatusConflict, "")
	reps := ed.must("GET", fmt.Sprintf("/api/v1/articles/%d/repairs", id), nil, 200)
	undone := 0
	for _, ch := range reps["changes"].([]any) {
		if ch.(map[string]any)["undone"] == true {
			undone++
		}
	}
	if undone != 1 {
		t.Errorf("%d repairs undone, want 1", undone)
	}
	segs := ed.must("GET", fmt.Sprintf("/api/v1/articles/%d/editions/en", id), nil, 200)["segments"].([]any)
	found := false
	for _, s := range segs {
		found = found || strings.Contains(s.(map[string]any)["source"].(string), "position inCentral Asia")
	}
	if !found {
		t.Error("the undone repair is not back in the source segments")
	}
	// Translators are refused.
	setPassword(t, env.app.store, "ru-"+t.Name(), "correct horse battery")
	tr := signIn(t, env.srv.URL, "ru-"+t.Name(), "correct horse battery")
	if code, _ := tr.get(base + "repairs/"); code != http.StatusForbidden {
		t.Errorf("translator on the repairs page: %d", code)
	}
}
