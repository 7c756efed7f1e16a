package main

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/tilmash/tilmash/pipeline"
)

// TestNewsroomInBrowser is an editor's release in headless Chromium: sign in, open the board,
// open the sample article, tick its Kazakh and Chinese editions awaiting approval, schedule them
// two seconds ahead in the newsroom's zone, and watch the board until both are published. axe-core checks the
// board and the article and review pages against WCAG 2.1 A and AA.
func TestNewsroomInBrowser(t *testing.T) {
	t.Parallel()
	axe := axeScript(t)
	alloc := newChromium(t)
	env := start(t, "pseudo")
	edName := "ed-" + t.Name()
	setPassword(t, env.app.store, edName, edName+"-pw")
	id := readyArticle(t, env, "newsroom-browser")
	base := env.srv.URL
	art := fmt.Sprintf("/workbench/newsroom/articles/%d/", id)
	cell := func(lang, state string) string {
		return fmt.Sprintf(`document.querySelector('a[href="%s"]').closest('tr').querySelector('td[data-lang="%s"]').dataset.state === '%s'`,
			art, lang, state)
	}

	b := browserSession(t, alloc)
	browserSignIn(t, b, base, edName, edName+"-pw")
	do(t, b, chromedp.Navigate(base+"/workbench/newsroom/"), chromedp.WaitVisible(chromedp.CSS(".nr-board")))
	for _, l := range []string{"kk", "zh"} {
		if !eval[bool](t, b, cell(l, "awaiting_approval")) {
			t.Fatalf("the board does not show %s awaiting approval", l)
		}
	}
	checkAccessible(t, b, axe, "newsroom board")

	// Open the article from the board, tick Kazakh and Chinese, schedule them two seconds ahead.
	do(t, b, chromedp.Click(chromedp.CSS(`a[href="`+art+`"]`)), chromedp.WaitVisible(chromedp.CSS("#release-form")))
	checkAccessible(t, b, axe, "newsroom article")
	home, err := env.app.cfg.zone()
	if err != nil {
		t.Fatal(err)
	}
	if zone := eval[string](t, b, `document.getElementById('rel-tz').value`); zone != home.String() {
		t.Fatalf("the release time zone defaults to %q, want the newsroom's %s", zone, home)
	}
	do(t, b, chromedp.Click(chromedp.CSS("#sel-kk")), chromedp.Click(chromedp.CSS("#sel-zh")))
	at := time.Now().Add(2 * time.Second).UTC()
	eval[bool](t, b, `document.getElementById('rel-at').value = '`+at.In(home).Format("2006-01-02T15:04:05")+`', true`)
	do(t, b, chromedp.Click(chromedp.CSS("#rel-later")), chromedp.WaitVisible(chromedp.CSS(".notice")))
	if notice := eval[string](t, b, `document.querySelector('.notice').textContent`); !strings.Contains(notice, "scheduled") {
		t.Fatalf("after scheduling the page says %q", notice)
	}
	eds := newsroomEditions(t, env, id)
	for _, l := range []pipeline.Lang{pipeline.Kazakh, pipeline.Chinese} {
		if e := eds[l]; e.PublishAt == nil || !e.PublishAt.Equal(at.Truncate(time.Second)) {
			if e.State != pipeline.StatePublished { // it may already have gone out
				t.Fatalf("%s is %s at %v, want scheduled at %v", l, e.State, e.PublishAt, at)
			}
		}
	}
	if e := eds[pipeline.Russian]; e.State != pipeline.StateAwaitingApproval {
		t.Fatalf("Russian was not ticked but is %s", e.State)
	}

	// Both go out soon after their time, not before; the board, reloaded as an editor would, then
	// shows them published.
	env.waitForUntil(t, id, "Kazakh and Chinese published 45 s after their time", at.Add(45*time.Second),
		func(s map[pipeline.Lang]string) bool { return s["kk"] == "published" && s["zh"] == "published" })
	if now := time.Now(); now.Before(at.Truncate(time.Second)) {
		t.Fatalf("Kazakh and Chinese were published at %s, before their time %s", now.Format(time.RFC3339Nano), at.Format(time.RFC3339))
	}
	do(t, b, chromedp.Navigate(base+"/workbench/newsroom/"), chromedp.WaitVisible(chromedp.CSS(".nr-board")))
	if !eval[bool](t, b, cell("kk", "published")) || !eval[bool](t, b, cell("zh", "published")) {
		t.Fatalf("the board does not show Kazakh and Chinese published once they are")
	}
	t.Logf("published and on the board %.1f s after the scheduled time", time.Since(at.Truncate(time.Second)).Seconds())
	if !eval[bool](t, b, cell("ru", "awaiting_approval")) {
		t.Fatal("Russian changed state without being released")
	}
	checkAccessible(t, b, axe, "newsroom board after the release")

	// The article page now lists the published versions with who approved them, and the review
	// page of an edition still awaiting approval passes too.
	do(t, b, chromedp.Navigate(base+art), chromedp.WaitVisible(chromedp.CSS(".nr-versions")))
	if n := eval[float64](t, b, `document.querySelectorAll('.nr-versions tbody tr').length`); n != 2 {
		t.Fatalf("the article page lists %v versions, want 2", n)
	}
	checkAccessible(t, b, axe, "newsroom article after the release")
	do(t, b, chromedp.Navigate(base+art+"editions/ru/"), chromedp.WaitVisible(chromedp.CSS("#sb-comment")))
	checkAccessible(t, b, axe, "newsroom review")
	do(t, b, chromedp.Navigate(base+art+"repairs/"), chromedp.WaitVisible(chromedp.CSS("h1")))
	checkAccessible(t, b, axe, "newsroom text repairs")
}
