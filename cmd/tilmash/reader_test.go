package main

import (
	"compress/gzip"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tilmash/tilmash/pipeline"
)

// readyArticle ingests the sample under slug and brings all four editions to awaiting approval.
func readyArticle(t *testing.T, env *testEnv, slug string) int64 {
	t.Helper()
	ed := env.users["ed"]
	sample, err := os.ReadFile("../../samples/party-cooperation-china-central-asia.txt")
	if err != nil {
		t.Fatal(err)
	}
	art := ed.must("POST", "/api/v1/articles", map[string]any{"text": string(sample), "format": "text",
		"source_lang": "en", "slug": slug, "category": "analysis"}, 201)
	id := int64(art["id"].(float64))
	env.waitFor(t, id, "review", func(s map[pipeline.Lang]string) bool {
		return s["ru"] == "in_review" && s["kk"] == "in_review" && s["zh"] == "in_review" && s["en"] == "awaiting_approval"
	})
	for _, lang := range []pipeline.Lang{pipeline.Russian, pipeline.Kazakh, pipeline.Chinese} {
		confirmAll(t, ed, id, lang)
		ed.must("POST", fmt.Sprintf("/api/v1/articles/%d/editions/%s/submit", id, lang), nil, 200)
	}
	answerRepairQuestions(t, env, id)
	return id
}

// page fetches a site path and fails unless it answers want.
func (e *testEnv) page(t *testing.T, path string, want int) string {
	t.Helper()
	code, body := get(t, e.srv.URL+path, "")
	if code != want {
		t.Fatalf("GET %s = %d, want %d", path, code, want)
	}
	return body
}

// sitemap follows the sitemap index to its parts and returns their entries as one urlset.
func (e *testEnv) sitemap(t *testing.T) string {
	t.Helper()
	var index struct {
		Locs []string `xml:"sitemap>loc"`
	}
	if err := xml.Unmarshal([]byte(e.page(t, "/sitemap.xml", 200)), &index); err != nil {
		t.Fatalf("sitemap index: %v", err)
	}
	var out strings.Builder
	out.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">`)
	for _, loc := range index.Locs {
		u, err := url.Parse(loc)
		if err != nil {
			t.Fatalf("sitemap index: %v", err)
		}
		part := e.page(t, u.Path, 200)
		_, inner, ok := strings.Cut(part, "<urlset ")
		if !ok {
			t.Fatalf("sitemap part %s is not a urlset:\n%s", loc, part)
		}
		_, inner, _ = strings.Cut(inner, ">")
		out.WriteString(strings.TrimSuffix(strings.TrimSpace(inner), "</urlset>"))
	}
	out.WriteString("</urlset>")
	return out.String()
}

// TestReleaseLifecycle follows an article through the editors' publishing steps and checks what
// readers see at each one: an embargoed release is nowhere, a release goes out in all its
// languages at once, unpublishing and rolling back change every page that links to the edition,
// and the record keeps every version with who approved it.
func TestReleaseLifecycle(t *testing.T) {
	t.Parallel()
	env := start(t, "pseudo")
	ed, ru, anon := env.users["ed"], env.users["ru"], env.users["anonymous"]
	slug := "release-lifecycle"
	id := readyArticle(t, env, slug)
	base := fmt.Sprintf("/api/v1/articles/%d", id)

	// Only editors release; bad input is a clear 4xx.
	anon.must("POST", base+"/release", map[string]any{"langs": []string{"ru"}}, 401)
	ru.must("POST", base+"/release", map[string]any{"langs": []string{"ru"}}, 403)
	ed.must("POST", base+"/release", map[string]any{"langs": []string{}}, 400)
	ed.must("POST", base+"/release", map[string]any{"langs": []string{"ru", "ru"}}, 400)
	ed.must("POST", base+"/release", map[string]any{"langs": []string{"xx"}}, 400)
	ed.must("POST", base+"/release", map[string]any{"langs": []string{"ru"}, "publish_at": "tomorrow"}, 400)
	ed.must("POST", "/api/v1/articles/999999/release", map[string]any{"langs": []string{"ru"}}, 404)

	// An embargoed release of en, ru and kk: nowhere before its time.
	later := time.Now().Add(time.Hour).UTC().Format(time.RFC3339)
	rel := ed.must("POST", base+"/release", map[string]any{"langs": []string{"en", "ru", "kk"}, "publish_at": later}, 201)
	relPath := fmt.Sprintf("%s/releases/%d", base, int64(rel["id"].(float64)))
	ed.must("POST", base+"/release", map[string]any{"langs": []string{"ru"}}, 409) // already approved
	for _, p := range []string{"/en/articles/" + slug, "/ru/articles/" + slug, "/kk/articles/" + slug} {
		env.page(t, p, 404)
	}
	for _, p := range []string{"/en/", "/ru/feed.atom", "/sitemap.xml", "/en/categories/analysis"} {
		code, body := get(t, env.srv.URL+p, "")
		if strings.Contains(body, slug) {
			t.Errorf("%s (%d) shows the embargoed article", p, code)
		}
	}

	// Bring it forward to now: all three go live together.
	ru.must("PATCH", relPath, map[string]any{"publish_at": nil}, 403)
	ed.must("PATCH", relPath, map[string]any{}, 400)
	ed.must("PATCH", relPath, map[string]any{"publish_at": nil}, 200)
	env.waitFor(t, id, "release", func(s map[pipeline.Lang]string) bool {
		return s["en"] == "published" && s["ru"] == "published" && s["kk"] == "published"
	})
	ed.must("DELETE", relPath, nil, 409)        // it has run
	waitPage(t, env, "/ru/articles/"+slug, 200) // the site has taken in the release, all its pages at once
	ruPage := env.page(t, "/ru/articles/"+slug, 200)
	for _, want := range []string{`hreflang="en"`, `hreflang="kk-Cyrl"`, `hreflang="x-default"`, `<html lang="ru"`,
		`og:locale" content="ru_RU"`, `<link rel="canonical"`} {
		if !strings.Contains(ruPage, want) {
			t.Errorf("the Russian page lacks %s", want)
		}
	}
	if strings.Contains(ruPage, `hreflang="zh-Hans" href`) && strings.Contains(ruPage, `rel="alternate" hreflang="zh-Hans"`) {
		t.Error("the Russian page offers an alternate in Chinese, which is not published")
	}
	if !strings.Contains(ruPage, `<span lang="zh">中文</span> <small>(пока недоступно)</small>`) {
		t.Error("the switcher does not say, in Russian, that the Chinese edition is not available")
	}
	if strings.Contains(ruPage, "ed-"+t.Name()) {
		t.Error("the page names the approving editor")
	}
	zh := env.page(t, "/zh/articles/"+slug, 404)
	if !strings.Contains(zh, `<a href="/kk/articles/`+slug+`"`) || !strings.Contains(zh, "本文尚未发布中文版") {
		t.Error("the Chinese not-available page does not say so in Chinese or offer the Kazakh edition")
	}
	checkSitemap(t, env.sitemap(t), slug, []string{"en", "ru", "kk"})

	// Compression, validators and 304.
	checkCaching(t, env.srv.URL+"/ru/articles/"+slug)

	// The static export: whole the first time.
	dir := filepath.Join(t.TempDir(), "site")
	if res, err := env.app.exportSite(t.Context(), dir, false); err != nil || !res.Full {
		t.Fatalf("first export: %+v, %v", res, err)
	}

	// A scheduled release can be cancelled: the edition goes back to awaiting approval.
	zrel := ed.must("POST", base+"/release", map[string]any{"langs": []string{"zh"}, "publish_at": later}, 201)
	zPath := fmt.Sprintf("%s/releases/%d", base, int64(zrel["id"].(float64)))
	ru.must("DELETE", zPath, nil, 403)
	if out := ed.must("DELETE", zPath, nil, 200); out["state"] != "cancelled" {
		t.Errorf("cancelled release is %v", out["state"])
	}
	if got := ed.must("GET", base+"/editions/zh", nil, 200)["edition"].(map[string]any)["state"]; got != "awaiting_approval" {
		t.Errorf("after cancelling, the Chinese edition is %v", got)
	}

	// Unpublish Kazakh: every page stops pointing at it.
	ru.must("POST", base+"/editions/kk/unpublish", nil, 403)
	ed.must("POST", base+"/editions/kk/unpublish", nil, 200)
	ed.must("POST", base+"/editions/kk/unpublish", nil, 409)
	waitPage(t, env, "/kk/articles/"+slug, 404) // the site has taken in the change, all its pages at once
	if p := env.page(t, "/ru/articles/"+slug, 200); strings.Contains(p, `href="/kk/articles/`+slug+`"`) {
		t.Error("the Russian page still links to the unpublished Kazakh edition")
	}
	// (The Kazakh front page, empty now, may list the article in the languages it is live in.)
	if strings.Contains(env.page(t, "/kk/", 200), "/kk/articles/"+slug) || strings.Contains(env.page(t, "/kk/feed.atom", 200), slug) {
		t.Error("the Kazakh index or feed still lists the unpublished edition")
	}
	checkSitemap(t, env.sitemap(t), slug, []string{"en", "ru"})

	// The next export writes only the pages the change touched, as the server now sends them.
	res, err := env.app.exportSite(t.Context(), dir, false)
	if err != nil || res.Full || res.Written == 0 || res.Written > 40 {
		t.Fatalf("export after unpublishing: %+v, %v", res, err)
	}
	for url, file := range map[string]string{"/kk/articles/" + slug: "kk/articles/" + slug + ".html",
		"/ru/articles/" + slug: "ru/articles/" + slug + ".html", "/kk/feed.atom": "kk/feed.atom", "/kk/": "kk/index.html"} {
		data, err := os.ReadFile(filepath.Join(dir, file))
		if _, served := get(t, env.srv.URL+url, ""); err != nil || string(data) != served {
			t.Errorf("after unpublishing, the exported %s differs from what the server sends (%v)", file, err)
		}
	}

	// Publish Russian again (a second version), then roll back to the first.
	ed.must("POST", base+"/editions/ru/unpublish", nil, 200)
	ed.must("POST", base+"/editions/ru/approve", map[string]any{}, 200)
	env.waitFor(t, id, "republication", func(s map[pipeline.Lang]string) bool { return s["ru"] == "published" })
	vs := ed.must("GET", base+"/versions", nil, 200)["versions"].([]any)
	var ruVersions []map[string]any
	for _, v := range vs {
		m := v.(map[string]any)
		if m["lang"] == "ru" {
			ruVersions = append(ruVersions, m)
		}
		if m["approved_by"] != "ed-"+t.Name() || m["approved_at"] == nil || m["published_at"] == nil {
			t.Errorf("version without its approval record: %v", m)
		}
	}
	if len(ruVersions) != 2 || ruVersions[0]["live"] != true || ruVersions[1]["live"] != false {
		t.Fatalf("Russian versions: %v", ruVersions)
	}
	first := int64(ruVersions[1]["id"].(float64))
	ru.must("POST", base+"/editions/ru/rollback", map[string]any{"version": first}, 403)
	ed.must("POST", base+"/editions/ru/rollback", map[string]any{}, 400)
	ed.must("POST", base+"/editions/en/rollback", map[string]any{"version": first}, 404) // not an English version
	ed.must("POST", base+"/editions/ru/rollback", map[string]any{"version": first}, 200)
	vs = ed.must("GET", base+"/versions", nil, 200)["versions"].([]any)
	for _, v := range vs {
		m := v.(map[string]any)
		if m["lang"] == "ru" && (int64(m["id"].(float64)) == first) != (m["live"] == true) {
			t.Errorf("after the rollback, version %v live=%v", m["id"], m["live"])
		}
	}

	// The audit trail has every step, with who did it.
	ru.must("GET", base+"/audit", nil, 403)
	anon.must("GET", base+"/audit", nil, 401)
	var actions []string
	for _, a := range ed.must("GET", base+"/audit", nil, 200)["audit"].([]any) {
		actions = append(actions, a.(map[string]any)["action"].(string))
	}
	for _, want := range []string{"release.created", "release.rescheduled", "release.published", "release.cancelled",
		"edition.unpublished", "edition.rolled_back", "edition.published"} {
		if !slices.Contains(actions, want) {
			t.Errorf("the audit trail lacks %s: %v", want, actions)
		}
	}

	// Nobody signed out reaches a draft, through the site or the API.
	env.page(t, "/zh/articles/"+slug, 404)
	anon.must("GET", base+"/editions/zh", nil, 401)
	anon.must("GET", base+"/versions", nil, 401)
}

// checkSitemap parses the sitemap and checks that the article's entries are exactly the live
// languages, each listing all of them as alternates (reciprocal) plus x-default.
func checkSitemap(t *testing.T, body, slug string, live []string) {
	t.Helper()
	var sm struct {
		URLs []struct {
			Loc   string `xml:"loc"`
			Links []struct {
				Hreflang string `xml:"hreflang,attr"`
				Href     string `xml:"href,attr"`
			} `xml:"http://www.w3.org/1999/xhtml link"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal([]byte(body), &sm); err != nil {
		t.Fatalf("sitemap: %v", err)
	}
	alts := map[string]map[string]bool{} // loc -> hrefs it names
	for _, u := range sm.URLs {
		if !strings.Contains(u.Loc, "/articles/"+slug) {
			continue
		}
		alts[u.Loc] = map[string]bool{}
		for _, l := range u.Links {
			if l.Hreflang != "x-default" {
				alts[u.Loc][l.Href] = true
			}
		}
	}
	if len(alts) != len(live) {
		t.Fatalf("sitemap lists %d editions of %s, want %v", len(alts), slug, live)
	}
	for loc, hrefs := range alts {
		if len(live) > 1 && !hrefs[loc] {
			t.Errorf("sitemap: %s does not list itself among its alternates", loc)
		}
		for href := range hrefs {
			if !alts[href][loc] {
				t.Errorf("sitemap: %s names %s, which does not name it back", loc, href)
			}
		}
	}
}

// checkCaching checks gzip and brotli, ETag, Last-Modified and 304 on a published page.
func checkCaching(t *testing.T, url string) {
	t.Helper()
	do := func(h map[string]string) *http.Response {
		req, _ := http.NewRequest("GET", url, nil)
		for k, v := range h {
			req.Header.Set(k, v)
		}
		res, err := http.DefaultTransport.RoundTrip(req) // no transparent decompression
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	res := do(map[string]string{"Accept-Encoding": "gzip"})
	zr, err := gzip.NewReader(res.Body)
	if err != nil || res.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("gzip: %v %q", err, res.Header.Get("Content-Encoding"))
	}
	plain, _ := io.ReadAll(zr)
	res.Body.Close()
	if !strings.Contains(string(plain), "</html>") {
		t.Error("the gzip body is not the page")
	}
	etag, mod := res.Header.Get("ETag"), res.Header.Get("Last-Modified")
	if etag == "" || mod == "" || res.Header.Get("Vary") != "Accept-Encoding" {
		t.Errorf("validators missing: ETag %q, Last-Modified %q, Vary %q", etag, mod, res.Header.Get("Vary"))
	}
	if res := do(map[string]string{"Accept-Encoding": "br, gzip"}); res.Header.Get("Content-Encoding") != "br" {
		t.Errorf("brotli not chosen: %q", res.Header.Get("Content-Encoding"))
	} else {
		res.Body.Close()
	}
	if res := do(map[string]string{"If-None-Match": etag}); res.StatusCode != 304 {
		t.Errorf("If-None-Match: %d, want 304", res.StatusCode)
	} else {
		res.Body.Close()
	}
	if res := do(map[string]string{"If-Modified-Since": mod}); res.StatusCode != 304 {
		t.Errorf("If-Modified-Since: %d, want 304", res.StatusCode)
	} else {
		res.Body.Close()
	}
	if res := do(map[string]string{"If-None-Match": `"other"`}); res.StatusCode != 200 {
		t.Errorf("a stale ETag: %d, want 200", res.StatusCode)
	} else {
		res.Body.Close()
	}
}

// TestSiteValidAndExported publishes the sample in all four languages, then checks the pages with
// tidy, the feeds with feedparser (both skipped with a message when absent), and that
// "tilmash export" writes the same pages the server serves.
func TestSiteValidAndExported(t *testing.T) {
	t.Parallel()
	env := start(t, "pseudo")
	ed := env.users["ed"]
	slug := "site-valid"
	id := readyArticle(t, env, slug)
	ed.must("POST", fmt.Sprintf("/api/v1/articles/%d/release", id), map[string]any{"langs": []string{"en", "ru", "kk", "zh"}}, 201)
	env.waitFor(t, id, "release", func(s map[pipeline.Lang]string) bool {
		return s["en"] == "published" && s["ru"] == "published" && s["kk"] == "published" && s["zh"] == "published"
	})
	waitPage(t, env, "/zh/articles/"+slug, 200) // the site has taken in the release, all its pages at once
	checkSitemap(t, env.sitemap(t), slug, []string{"en", "ru", "kk", "zh"})

	// The byline and date are formatted per language.
	year := time.Now().UTC().Format("2006")
	for lang, want := range map[string]string{"ru": year + " г.", "kk": year + " ж.", "zh": year + "年", "en": ", " + year} {
		if p := env.page(t, "/"+lang+"/articles/"+slug, 200); !strings.Contains(p, want) {
			t.Errorf("%s page lacks a date like %q", lang, want)
		}
	}

	t.Run("tidy", func(t *testing.T) {
		tidy := requireTidy(t)
		for _, p := range []string{"/en/", "/ru/", "/kk/articles/" + slug, "/zh/articles/" + slug, "/en/articles/" + slug,
			"/en/categories/analysis", "/ru/no-such-page"} {
			code, body := get(t, env.srv.URL+p, "")
			if code != 200 && code != 404 {
				t.Fatalf("%s: %d", p, code)
			}
			cmd := exec.Command(tidy, "-errors", "-quiet", "-utf8")
			cmd.Stdin = strings.NewReader(body)
			out, err := cmd.CombinedOutput()
			if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() >= 2 {
				t.Errorf("tidy finds errors in %s:\n%s", p, out)
			}
		}
	})
	t.Run("feedparser", func(t *testing.T) {
		py := requireFeedparser(t)
		for _, lang := range pipeline.Languages {
			f := filepath.Join(t.TempDir(), "feed.atom")
			if err := os.WriteFile(f, []byte(env.page(t, "/"+string(lang)+"/feed.atom", 200)), 0o644); err != nil {
				t.Fatal(err)
			}
			script := `import feedparser, sys
d = feedparser.parse(sys.argv[1])
if d.bozo: sys.exit("not well-formed: %s" % d.bozo_exception)
if d.version != "atom10": sys.exit("version " + d.version)
if not d.entries: sys.exit("no entries")
print(d.feed.get("language", ""), d.entries[0].link)`
			out, err := exec.Command(py, "-c", script, f).CombinedOutput()
			if err != nil {
				t.Errorf("%s feed: %v %s", lang, err, out)
				continue
			}
			if !strings.Contains(string(out), lang.BCP47()) || !strings.Contains(string(out), "/"+string(lang)+"/articles/"+slug) {
				t.Errorf("%s feed: language or link wrong: %s", lang, out)
			}
		}
	})
	t.Run("export", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "site")
		if _, err := env.app.export(t.Context(), dir); err != nil {
			t.Fatal(err)
		}
		for url, file := range map[string]string{"/ru/articles/" + slug: "ru/articles/" + slug + ".html", "/zh/": "zh/index.html",
			"/sitemap.xml": "sitemap.xml", "/kk/feed.atom": "kk/feed.atom", "/static/site.css": "static/site.css"} {
			data, err := os.ReadFile(filepath.Join(dir, file))
			if err != nil {
				t.Errorf("export lacks %s: %v", file, err)
				continue
			}
			if _, err := os.Stat(filepath.Join(dir, file+".gz")); err != nil && len(data) > 512 {
				t.Errorf("export lacks %s.gz", file)
			}
			if served := env.page(t, url, 200); served != string(data) {
				t.Errorf("exported %s differs from what the server sends", file)
			}
		}
		if _, err := os.Stat(filepath.Join(dir, "ru", "404.html")); err != nil {
			t.Error("export lacks the Russian not-found page")
		}
	})
}
