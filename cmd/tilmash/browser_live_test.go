package main

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/tilmash/tilmash/pipeline"
)

// TestLiveInBrowser follows the live pages in headless Chromium, one server and one browser for
// all of it, with the pages asking what changed every 200 ms and the newsroom in Almaty:
//   - a translator's editor: confirming a segment moves the line beside the submit button at
//     once; a colleague's save, through another web server on the same database, appears in its
//     row without a reload; the terms panel lists a term
//     only where the glossary check finds it; the findings are grouped by check; a refused
//     submission lands on the editor's own address, which reloads without posting again;
//   - an editor's board: a submitted edition changes state on the open board;
//   - "Approve and publish now": the article page never offers to publish the release now
//     instead, and shows it published, without a reload, once the job has run;
//   - a page that does not exist is titled so.
//
// axe-core checks every page at 1280×800 and on a tablet (820×1180).
func TestLiveInBrowser(t *testing.T) {
	t.Parallel()
	alloc := newChromium(t)
	axe := axeScript(t)
	env := startEnv(t, "pseudo", map[string]string{"TILMASH_LIVE_EVERY": "200ms", "TILMASH_TIME_ZONE": "Asia/Almaty"})
	store := env.app.store
	ruName, edName := "rub-"+t.Name(), "ed-"+t.Name() // the API's "ru" user is the colleague
	if _, err := store.CreateUser(t.Context(), pipeline.User{Name: ruName, Role: pipeline.RoleTranslator,
		Langs: []pipeline.Lang{pipeline.Russian}}, "x"); err != nil {
		t.Fatal(err)
	}
	setPassword(t, store, ruName, ruName+"-pw")
	setPassword(t, store, edName, edName+"-pw")
	for _, c := range []pipeline.Concept{
		{Terms: map[pipeline.Lang]string{pipeline.English: "UN", pipeline.Russian: "ООН"}, Forbidden: map[pipeline.Lang][]string{}},
		{Terms: map[pipeline.Lang]string{pipeline.English: "China", pipeline.Russian: "Китай"}, Forbidden: map[pipeline.Lang][]string{}},
	} {
		if _, err := store.SaveConcept(t.Context(), c); err != nil {
			t.Fatal(err)
		}
	}
	base := env.srv.URL
	articleID, ruID, _ := reviewEdition(t, env)
	api := fmt.Sprintf("/api/v1/articles/%d/editions/ru", articleID)
	segs := env.users["ed"].must("GET", api, nil, 200)["segments"].([]any)
	total := len(segs)

	// The translator's editor.
	tr := browserSession(t, alloc)
	browserSignIn(t, tr, base, ruName, ruName+"-pw")
	do(t, tr, chromedp.Navigate(fmt.Sprintf("%s/workbench/editions/%d/", base, ruID)), chromedp.WaitVisible(chromedp.CSS("#segments")))
	axeAtBothWidths(t, tr, axe, "live editor")

	// Terms: "countries" does not hold the UN; a sentence naming China lists Китай.
	rowHasTerm := `(function (needle, term) {
		return Array.prototype.filter.call(document.querySelectorAll('.seg'), function (r) {
			return r.querySelector('.src p').textContent.indexOf(needle) >= 0;
		}).map(function (r) { var t = r.querySelector('.terms'); return !!t && t.textContent.indexOf(term) >= 0; });
	})`
	if got := eval[[]bool](t, tr, rowHasTerm+`('countries', 'ООН')`); len(got) == 0 || strings.Contains(fmt.Sprint(got), "true") {
		t.Errorf("the terms panel lists UN → ООН for segments about countries: %v", got)
	}
	if got := eval[[]bool](t, tr, rowHasTerm+`('China', 'Китай')`); len(got) == 0 || !got[0] {
		t.Errorf("the terms panel does not list China → Китай where the source names China: %v", got)
	}
	if n := eval[float64](t, tr, `document.querySelectorAll('#check-groups details.check-group').length`); n == 0 {
		t.Error("the editor shows no findings by check")
	}

	// Confirm the first segment: the progress and the line beside the submit button follow.
	hint := eval[string](t, tr, `document.getElementById('submit-hint').textContent`)
	if !strings.Contains(hint, fmt.Sprintf("%d segments not confirmed", total)) {
		t.Fatalf("the submit line says %q before any confirmation", hint)
	}
	do(t, tr, chromedp.Click(chromedp.CSS(".seg .confirm")))
	waitJS(t, tr, "the submit line counts the confirmation",
		fmt.Sprintf(`document.getElementById('submit-hint').textContent.indexOf('%d segments not confirmed') >= 0`, total-1))
	if p := eval[string](t, tr, `document.getElementById('progress-text').textContent`); !strings.Contains(p, fmt.Sprintf("1 of %d", total)) {
		t.Errorf("the progress says %q", p)
	}

	// A colleague saves the third segment through the API of another web server on the same
	// database, as another serve process would answer: it appears in the open editor.
	other, err := env.app.webServer()
	if err != nil {
		t.Fatal(err)
	}
	otherSrv := httptest.NewServer(other.Handler())
	t.Cleanup(otherSrv.Close)
	colleague := env.users["ru"]
	colleague.base = otherSrv.URL
	third := segs[2].(map[string]any)
	thirdID := int64(third["id"].(float64))
	colleague.must("PUT", fmt.Sprintf("%s/segments/%d", api, thirdID),
		map[string]any{"text": "Текст коллеги.", "version": third["version"]}, 200)
	waitJS(t, tr, "the colleague's save shows in its row", fmt.Sprintf(`document.getElementById('t-%d').value === 'Текст коллеги.'`, thirdID))
	if note := eval[string](t, tr, fmt.Sprintf(`document.querySelector('#seg-%d .save').textContent`, thirdID)); !strings.Contains(note, "ru-"+t.Name()) {
		t.Errorf("the row does not say who saved it: %q", note)
	}

	// A refused submission comes back to the editor's own address; reloading it posts nothing.
	do(t, tr, chromedp.Click(chromedp.CSS("#submit")), chromedp.WaitVisible(chromedp.CSS(".problem")))
	if path := eval[string](t, tr, `location.pathname`); path != fmt.Sprintf("/workbench/editions/%d/", ruID) {
		t.Errorf("after a refused submission the browser is at %s", path)
	}
	if msg := eval[string](t, tr, `document.querySelector('.problem').textContent`); !strings.Contains(msg, "not confirmed") {
		t.Errorf("the refusal says %q", msg)
	}
	do(t, tr, chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("#segments")))
	if eval[bool](t, tr, `!!document.querySelector('.problem')`) {
		t.Error("a reload after a refused submission shows the refusal again")
	}

	// The editor's board follows the Russian edition as it is submitted.
	ed := browserSession(t, alloc)
	browserSignIn(t, ed, base, edName, edName+"-pw")
	do(t, ed, chromedp.Navigate(base+"/workbench/newsroom/"), chromedp.WaitVisible(chromedp.CSS(".nr-board")))
	art := fmt.Sprintf("/workbench/newsroom/articles/%d/", articleID)
	cell := func(lang, state string) string {
		return fmt.Sprintf(`document.querySelector('a[href="%s"]').closest('tr').querySelector('td[data-lang="%s"]').dataset.state === '%s'`,
			art, lang, state)
	}
	if !eval[bool](t, ed, cell("ru", "in_review")) {
		t.Fatal("the board does not show Russian in review")
	}
	axeAtBothWidths(t, ed, axe, "live board")
	confirmAll(t, env.users["ru"], articleID, pipeline.Russian)
	env.users["ru"].must("POST", api+"/submit", nil, 200)
	waitJS(t, ed, "the open board shows Russian awaiting approval", cell("ru", "awaiting_approval"))
	if eval[string](t, ed, `document.getElementById('nr-live-status').textContent`) == "" {
		t.Error("the board's update is not announced")
	}

	// Approve and publish now: publishing, then published, never "scheduled".
	do(t, ed, chromedp.Navigate(base+art+"editions/ru/"), chromedp.WaitVisible(chromedp.CSS("#rev-now")))
	if zone := eval[string](t, ed, `document.getElementById('rev-tz').value`); zone != "Asia/Almaty" {
		t.Errorf("the release time zone defaults to %q, want the newsroom's Asia/Almaty", zone)
	}
	if n := eval[float64](t, ed, `document.querySelectorAll('details.nr-check').length`); n == 0 {
		t.Error("the review page does not group findings by check")
	}
	axeAtBothWidths(t, ed, axe, "live review")
	if eval[bool](t, ed, `!!document.getElementById('accept-machine')`) {
		do(t, ed, chromedp.Click(chromedp.CSS("#accept-machine")))
	}
	do(t, ed, chromedp.Click(chromedp.CSS("#rev-now")), chromedp.WaitVisible(chromedp.CSS(".nr-releases")))
	if eval[bool](t, ed, `document.querySelector('.nr-releases').textContent.indexOf('Publish now instead') >= 0`) {
		t.Error("the page after publishing now offers to publish now instead")
	}
	if s := eval[string](t, ed, `document.querySelector('.nr-releases tbody tr').dataset.state + ' ' + document.querySelector('.nr-releases tbody tr td').textContent`); !strings.Contains(s, "publishing") && !strings.HasPrefix(s, "published") {
		t.Errorf("right after publishing now the release shows as %q", s)
	}
	waitJS(t, ed, "the article page shows the release published", `document.querySelector('.nr-releases tbody tr').dataset.state === 'published'`)
	if label := eval[string](t, ed, `document.querySelector('.nr-releases tbody tr td').textContent`); !strings.HasPrefix(label, "published") {
		t.Errorf("the published release is labelled %q", label)
	}
	axeAtBothWidths(t, ed, axe, "live article")

	// A page that does not exist says so.
	do(t, ed, chromedp.Navigate(base+"/workbench/editions/999999999/"), chromedp.WaitVisible(chromedp.CSS("h1")))
	if title := eval[string](t, ed, `document.title + ' | ' + document.querySelector('h1').textContent`); !strings.HasPrefix(title, "Page not found") {
		t.Errorf("the missing page is titled %q", title)
	}
	axeAtBothWidths(t, ed, axe, "not found")
}

// axeAtBothWidths runs axe-core at 1280×800 and on a tablet held upright (820×1180), and leaves
// the page at the desktop size.
func axeAtBothWidths(t *testing.T, ctx context.Context, axe, page string) {
	t.Helper()
	checkAccessible(t, ctx, axe, page)
	do(t, ctx, chromedp.EmulateViewport(820, 1180))
	if !eval[bool](t, ctx, `document.documentElement.scrollWidth <= window.innerWidth`) {
		t.Errorf("the %s page scrolls sideways on a tablet: %s", page, eval[string](t, ctx, `Array.prototype.filter.call(document.querySelectorAll('body *'), function (e) { return e.getBoundingClientRect().right > window.innerWidth + 1; }).slice(0, 6).map(function (e) { return e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right); }).join(', ')`))
	}
	checkAccessible(t, ctx, axe, page+" on a tablet")
	do(t, ctx, chromedp.EmulateViewport(1280, 800))
}
