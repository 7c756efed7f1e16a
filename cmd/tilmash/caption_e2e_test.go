package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

// TestCaptionTravelsToReader imports a web page whose figure has a caption, translates it
// (pseudo-translation), shows it to a translator marked as a caption, approves and publishes
// every edition, and finds the caption on each reader page as a figure caption, in its
// translation, never as a paragraph.
func TestCaptionTravelsToReader(t *testing.T) {
	t.Parallel()
	env := start(t, "pseudo")
	ed := env.users["ed"]
	slug := "caption-travels"
	page := `<!DOCTYPE html><html><head><title>Ports | Site</title></head><body>
<nav><a href="/">Home</a></nav>
<article><h1>Ports of the Caspian</h1>
<p>The port of Aktau handled more cargo than ever last year. Most of it came from China.</p>
<figure><img src="/f.jpg" alt=""><figcaption>Cargo handled at Aktau, 2015–2023.</figcaption></figure>
<p>The port of Kuryk grew even faster, thanks to its new ferry terminal.</p>
</article><footer>© 2024 Institute</footer></body></html>`
	art := ed.must("POST", "/api/v1/articles", map[string]any{"text": page, "format": "html",
		"source_lang": "en", "slug": slug, "category": "analysis"}, 201)
	id := int64(art["id"].(float64))
	env.waitFor(t, id, "review", func(s map[pipeline.Lang]string) bool {
		return s["ru"] == "in_review" && s["kk"] == "in_review" && s["zh"] == "in_review" && s["en"] == "awaiting_approval"
	})
	// The translator's editor marks the caption's sentence as one, in the interface language.
	eds, err := env.app.store.FindEditions(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range eds {
		if e.Lang != pipeline.Russian {
			continue
		}
		setPassword(t, env.app.store, "ru-"+t.Name(), "caption-password-1")
		wb := signIn(t, env.srv.URL, "ru-"+t.Name(), "caption-password-1")
		code, page := wb.get(fmt.Sprintf("/workbench/editions/%d/", e.ID))
		if code != 200 {
			t.Fatalf("editor page: %d", code)
		}
		if n := strings.Count(page, `<span class="kind">`); n != 1 {
			t.Errorf("the editor marks %d sentences as captions, want 1", n)
		}
		at := strings.Index(page, `<span class="kind">`)
		if at < 0 || !strings.Contains(page[at:min(len(page), at+400)], "Cargo handled at Aktau") {
			t.Errorf("the caption mark is not on the caption's sentence")
		}
	}
	for _, lang := range []pipeline.Lang{pipeline.Russian, pipeline.Kazakh, pipeline.Chinese} {
		confirmAll(t, ed, id, lang)
		ed.must("POST", fmt.Sprintf("/api/v1/articles/%d/editions/%s/submit", id, lang), nil, 200)
	}
	ed.must("POST", fmt.Sprintf("/api/v1/articles/%d/release", id), map[string]any{"langs": []string{"en", "ru", "kk", "zh"},
		"accept_machine_text": true}, 201)
	env.waitFor(t, id, "release", func(s map[pipeline.Lang]string) bool {
		return s["en"] == "published" && s["ru"] == "published" && s["kk"] == "published" && s["zh"] == "published"
	})
	for _, lang := range []string{"en", "ru", "kk", "zh"} {
		path := "/" + lang + "/articles/" + slug
		waitPage(t, env, path, 200)
		body := env.page(t, path, 200)
		at := strings.Index(body, "<figure><figcaption>")
		if at < 0 {
			t.Errorf("%s: no figure caption on the page", path)
			continue
		}
		caption := body[at:]
		caption = caption[:strings.Index(caption, "</figcaption>")]
		if !strings.Contains(caption, "2015–2023") {
			t.Errorf("%s: the caption lost its text: %q", path, caption)
		}
		if lang == "en" && !strings.Contains(caption, "Cargo handled at Aktau") {
			t.Errorf("%s: caption %q", path, caption)
		}
		if lang != "en" && strings.Contains(caption, "Cargo handled at Aktau") {
			t.Errorf("%s: the caption was not translated: %q", path, caption)
		}
		if strings.Contains(body, "<p>Cargo handled") {
			t.Errorf("%s: the caption is also a paragraph", path)
		}
	}
}
