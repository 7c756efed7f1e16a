package main

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/tilmash/tilmash/pipeline"
)

// browser starts headless Chromium that asks for Russian.
func browser(t *testing.T) context.Context {
	t.Helper()
	requireChromium(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.Flag("lang", "ru"), chromedp.Flag("accept-lang", "ru"),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil { // start the browser without a deadline
		t.Fatalf("start Chromium: %v", err)
	}
	return ctx
}

// TestBrowserReader is a Russian-speaking reader's visit in a real browser, and an embargoed
// Kazakh edition that appears only at its time.
func TestBrowserReader(t *testing.T) {
	t.Parallel()
	ctx := browser(t)
	script := axeScript(t)
	env := start(t, "pseudo")
	ed := env.users["ed"]
	slug := "browser-reader"
	id := readyArticle(t, env, slug)
	base := fmt.Sprintf("/api/v1/articles/%d", id)
	ed.must("POST", base+"/release", map[string]any{"langs": []string{"en", "ru", "kk", "zh"}}, 201)
	env.waitFor(t, id, "release", func(s map[pipeline.Lang]string) bool {
		return s["en"] == "published" && s["ru"] == "published" && s["kk"] == "published" && s["zh"] == "published"
	})
	site := env.srv.URL

	step := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		sctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		if err := chromedp.Do(sctx, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	location := func() string {
		t.Helper()
		loc, err := chromedp.Run(ctx, chromedp.Location())
		if err != nil {
			t.Fatal(err)
		}
		return strings.TrimPrefix(loc, site)
	}
	axe := func(where string) {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](script)); err != nil {
			t.Fatalf("load axe-core: %v", err)
		}
		violations, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
			`axe.run(document).then(r => r.violations.map(v => v.id + ": " + v.help + " " + v.nodes.map(n => n.target.join(" ")).join(", ")))`,
			chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("run axe-core: %v", err)
		}
		for _, v := range violations {
			t.Errorf("axe on %s: %s", where, v)
		}
	}

	// Accept-Language: ru lands on the Russian front page.
	step("open /", chromedp.Navigate(site+"/"), chromedp.WaitVisible(chromedp.CSS("main h1")))
	if got := location(); got != "/ru/" {
		t.Fatalf("a Russian reader landed on %s", got)
	}
	axe("the Russian front page")

	// The article, then Қазақша, then 中文 from the switcher.
	step("open the article", chromedp.Click(chromedp.CSS(`main a[href="/ru/articles/`+slug+`"]`)), chromedp.WaitVisible(chromedp.CSS("article h1")))
	if got := location(); got != "/ru/articles/"+slug {
		t.Fatalf("the article link led to %s", got)
	}
	axe("the Russian article")
	step("switch to Kazakh", chromedp.Click(chromedp.CSS(`nav.switcher a[lang="kk"]`)), chromedp.WaitVisible(chromedp.CSS(`html[lang="kk-Cyrl"] article h1`)))
	step("switch to Chinese", chromedp.Click(chromedp.CSS(`nav.switcher a[lang="zh"]`)), chromedp.WaitVisible(chromedp.CSS(`html[lang="zh-Hans"] article h1`)))
	if got := location(); got != "/zh/articles/"+slug {
		t.Fatalf("the switcher led to %s", got)
	}
	axe("the Chinese article")

	// The choice persists: / now goes to Chinese, whatever Accept-Language says.
	step("open / again", chromedp.Navigate(site+"/"), chromedp.WaitVisible(chromedp.CSS("main h1")))
	if got := location(); got != "/zh/" {
		t.Fatalf("the remembered choice was lost: / led to %s", got)
	}

	// The editor takes Kazakh off and approves it again for two seconds ahead.
	ed.must("POST", base+"/editions/kk/unpublish", nil, 200)
	waitPage(t, env, "/kk/articles/"+slug, 404)
	at := time.Now().Add(2 * time.Second).Truncate(time.Second).Add(time.Second)
	ed.must("POST", base+"/release", map[string]any{"langs": []string{"kk"}, "publish_at": at.UTC().Format(time.RFC3339)}, 201)
	step("open the Kazakh page before its time", chromedp.Navigate(site+"/kk/articles/"+slug), chromedp.WaitVisible(chromedp.CSS("main h1")))
	axe("the not-available page")
	shown := func() (int, time.Time) {
		t.Helper()
		before := time.Now()
		sctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		n, err := chromedp.Run(sctx, chromedp.Evaluate[int](`document.querySelectorAll("article h1").length`))
		if err != nil {
			t.Fatal(err)
		}
		return n, before
	}
	if n, before := shown(); n > 0 && before.Before(at) {
		t.Fatalf("the Kazakh edition appeared at %s, before its time %s", before.Format(time.RFC3339Nano), at.Format(time.RFC3339Nano))
	}

	// The release job publishes it at its time, not before, and the site follows within moments.
	env.waitForUntil(t, id, "the Kazakh edition published within 30 s of its time", at.Add(30*time.Second),
		func(s map[pipeline.Lang]string) bool { return s["kk"] == "published" })
	if now := time.Now(); now.Before(at) {
		t.Fatalf("the Kazakh edition was published at %s, before its time %s", now.Format(time.RFC3339Nano), at.Format(time.RFC3339Nano))
	}
	if code, _ := getLive(t, env, site+"/kk/articles/"+slug); code != 200 {
		t.Fatalf("the published Kazakh page answers %d", code)
	}
	step("reload", chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("main h1")))
	if n, _ := shown(); n == 0 {
		t.Fatal("the Kazakh edition, published, does not show after a reload")
	}
}
