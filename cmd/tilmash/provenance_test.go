package main

import (
	"fmt"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

// TestUneditedMachineTextNeedsTheEditorsChoice follows machine translation that a translator
// confirmed without changing it: the editor sees how much of the edition it is, segment by
// segment, and approving it takes an explicit choice that the audit trail keeps.
func TestUneditedMachineTextNeedsTheEditorsChoice(t *testing.T) {
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
	art := ed.must("POST", "/api/v1/articles", map[string]any{"text": string(sample), "source_lang": "en", "slug": "machine-text"}, 201)
	id := int64(art["id"].(float64))
	env.waitFor(t, id, "review", func(s map[pipeline.Lang]string) bool { return s["ru"] == "in_review" })
	confirmAll(t, ed, id, pipeline.Russian) // the provider's text, confirmed unchanged
	api := fmt.Sprintf("/api/v1/articles/%d/editions/ru", id)
	ed.must("POST", api+"/submit", nil, 200)
	e := ed.must("GET", api, nil, 200)["edition"].(map[string]any)
	segments := int(e["segments"].(float64))
	if e["machine_text"] != float64(segments) || e["machine_text_confirmed"] != float64(segments) || e["pseudo_text"] != float64(0) {
		t.Fatalf("edition counts: machine %v, confirmed %v, pseudo %v of %d", e["machine_text"], e["machine_text_confirmed"], e["pseudo_text"], segments)
	}

	setPassword(t, env.app.store, "ed-"+t.Name(), "ed-password-1")
	nr := signIn(t, env.srv.URL, "ed-"+t.Name(), "ed-password-1")
	review := fmt.Sprintf("/workbench/newsroom/articles/%d/editions/ru/", id)
	code, page := nr.get(review)
	if code != 200 || !strings.Contains(page, fmt.Sprintf(`<dd id="prov-machine">%d</dd>`, segments)) ||
		!strings.Contains(page, fmt.Sprintf(`<dd id="prov-machine-confirmed">%d</dd>`, segments)) {
		t.Fatalf("review page = %d without the machine-text counts:\n%s", code, page)
	}
	if n := strings.Count(page, `class="o-machine"`); n != segments {
		t.Errorf("review page marks %d sentences as machine text, want %d", n, segments)
	}
	if !strings.Contains(page, `id="accept-machine"`) {
		t.Fatal("the approve form does not ask about the machine text")
	}
	// Approving without the choice is refused with the reason, in the page and in the API.
	expectPost(t, nr, review+"approve", url.Values{"when": {"now"}, "tz": {"UTC"}}, 409, "machine translation that no one changed")
	if code, out := ed.do("POST", api+"/approve", map[string]any{}); code != 409 || !strings.Contains(fmt.Sprint(out), "machine translation that no one changed") {
		t.Fatalf("API approval without the choice = %d %v", code, out)
	}
	expectPost(t, nr, review+"approve", url.Values{"when": {"now"}, "tz": {"UTC"}, "accept_machine": {"1"}}, 303,
		fmt.Sprintf("/workbench/newsroom/articles/%d/", id))
	found := false
	for _, en := range ed.must("GET", fmt.Sprintf("/api/v1/articles/%d/audit", id), nil, 200)["audit"].([]any) {
		m := en.(map[string]any)
		if m["action"] == "edition.approved" && fmt.Sprint(m["detail"]) != "" {
			d, _ := m["detail"].(map[string]any)
			found = found || (d["machine_text_accepted"] == true && d["machine_text"] == float64(segments))
		}
	}
	if !found {
		t.Fatal("the audit trail does not record that the editor accepted the machine text")
	}

	// Readers are told only where the operator asked for it.
	code, plain := getLive(t, env, env.srv.URL+"/ru/articles/machine-text")
	if code != 200 || strings.Contains(plain, "machine-text-note") {
		t.Fatalf("article page without the setting = %d, note shown: %v", code, strings.Contains(plain, "machine-text-note"))
	}
	env.app.cfg.MarkMachineText = true
	ws, err := env.app.webServer()
	if err != nil {
		t.Fatal(err)
	}
	marked := httptest.NewServer(ws.Handler())
	defer marked.Close()
	if code, page := getLive(t, env, marked.URL+"/ru/articles/machine-text"); code != 200 || !strings.Contains(page, `id="machine-text-note"`) {
		t.Fatalf("article page with the setting = %d without the machine-text note", code)
	}
}

// TestPseudoTextNeverGoesOut: pseudo-translation confirmed as it is cannot be submitted, and the
// editor's page says why it cannot be approved.
func TestPseudoTextNeverGoesOut(t *testing.T) {
	t.Parallel()
	env := start(t, "pseudo")
	ed := env.users["ed"]
	art := ed.must("POST", "/api/v1/articles", map[string]any{"text": "A title\n\nThe first sentence. The second sentence.",
		"source_lang": "en", "slug": "pseudo-text"}, 201)
	id := int64(art["id"].(float64))
	env.waitFor(t, id, "review", func(s map[pipeline.Lang]string) bool { return s["kk"] == "in_review" })
	api := fmt.Sprintf("/api/v1/articles/%d/editions/kk", id)
	for _, s := range ed.must("GET", api, nil, 200)["segments"].([]any) {
		seg := s.(map[string]any)
		ed.must("PUT", fmt.Sprintf("%s/segments/%d", api, int64(seg["id"].(float64))),
			map[string]any{"text": seg["target"], "version": seg["version"], "confirm": true}, 200)
	}
	code, out := ed.do("POST", api+"/submit", nil)
	if code != 409 || !strings.Contains(fmt.Sprint(out), "pseudo-translation") {
		t.Fatalf("submit of pseudo text = %d %v, want 409 naming pseudo-translation", code, out)
	}
	setPassword(t, env.app.store, "ed-"+t.Name(), "ed-password-1")
	nr := signIn(t, env.srv.URL, "ed-"+t.Name(), "ed-password-1")
	_, page := nr.get(fmt.Sprintf("/workbench/newsroom/articles/%d/editions/kk/", id))
	if !strings.Contains(page, `id="pseudo-blocked"`) || !strings.Contains(page, `class="o-machine o-pseudo"`) {
		t.Fatalf("the review page does not show the pseudo-translation:\n%s", page)
	}
}
