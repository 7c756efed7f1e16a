package main

import (
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

// TestReadersNeverHitADeadEnd publishes one article in English only, with no byline, and checks
// what readers of the other languages get: a front page that leads to what is published, a sitemap
// without empty pages, a note for readers of Traditional Chinese, and a valid Atom feed.
func TestReadersNeverHitADeadEnd(t *testing.T) {
	t.Parallel()
	env := start(t, "pseudo")
	ed := env.users["ed"]
	art := ed.must("POST", "/api/v1/articles", map[string]any{"text": "Water in Central Asia\n\nThe rivers are shared. The dams are not.",
		"source_lang": "en", "slug": "water-only-english"}, 201)
	id := int64(art["id"].(float64))
	env.waitFor(t, id, "source ready", func(s map[pipeline.Lang]string) bool { return s["en"] == "awaiting_approval" })
	ed.must("POST", fmt.Sprintf("/api/v1/articles/%d/editions/en/approve", id), map[string]any{}, 200)
	if code, _ := getLive(t, env, env.srv.URL+"/en/articles/water-only-english"); code != 200 {
		t.Fatalf("the English article is not live: %d", code)
	}

	// The Kazakh front page, with nothing in Kazakh, lists the English article, in Kazakh words.
	kk := env.page(t, "/kk/", 200)
	if !strings.Contains(kk, "Басқа тілдерде жарияланғандар") ||
		!strings.Contains(kk, `href="/en/articles/water-only-english" hreflang="en" lang="en">Water in Central Asia</a>`) {
		t.Fatalf("the empty Kazakh front page does not lead to the English article:\n%s", kk)
	}
	if en := env.page(t, "/en/", 200); strings.Contains(en, "Published in other languages") {
		t.Error("the English front page, which has the article, lists other languages' articles")
	}

	// Only front pages with something on them are in the sitemap.
	sm := env.sitemap(t)
	if !strings.Contains(sm, "/en/</loc>") || strings.Contains(sm, "/kk/</loc>") ||
		strings.Contains(sm, "/ru/</loc>") || strings.Contains(sm, "/zh/</loc>") {
		t.Errorf("sitemap front pages:\n%s", sm)
	}

	// Readers of Traditional Chinese land on the Chinese front page with the note shown.
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for accept, want := range map[string]string{"zh-TW,zh;q=0.9": "/zh/#hant", "zh-HK": "/zh/#hant", "zh-Hant": "/zh/#hant",
		"zh-CN,zh;q=0.9": "/zh/", "zh": "/zh/", "en-US": "/en/"} {
		req, _ := http.NewRequest("GET", env.srv.URL+"/", nil)
		req.Header.Set("Accept-Language", accept)
		res, err := noRedirect.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if loc := res.Header.Get("Location"); loc != want {
			t.Errorf("Accept-Language %s: sent to %q, want %q", accept, loc, want)
		}
	}
	if zh := env.page(t, "/zh/", 200); !strings.Contains(zh, `<p id="hant" class="notice script-note" lang="zh-Hant">本站中文內容以簡體字發佈`) {
		t.Error("the Chinese front page does not carry the note for readers of Traditional Chinese")
	}

	// The feed is valid Atom: an author at feed level (the article has no byline) and rel="self".
	f := filepath.Join(t.TempDir(), "feed.atom")
	if err := os.WriteFile(f, []byte(env.page(t, "/en/feed.atom", 200)), 0o644); err != nil {
		t.Fatal(err)
	}
	script := `import feedparser, sys
d = feedparser.parse(sys.argv[1])
if d.bozo: sys.exit("not well-formed: %s" % d.bozo_exception)
if not d.feed.get("author"): sys.exit("no feed author")
if not [l for l in d.feed.get("links", []) if l.get("rel") == "self"]: sys.exit("no rel=self link")
if not d.entries or d.entries[0].get("author"): sys.exit("want one entry without its own author")
print(d.feed.author)`
	out, err := exec.Command("/usr/bin/python3", "-c", script, f).CombinedOutput()
	if err != nil {
		t.Fatalf("feedparser (python3-feedparser, which CI installs): %v %s", err, out)
	}
}
