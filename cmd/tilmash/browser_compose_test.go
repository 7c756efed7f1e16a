package main

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/tilmash/tilmash/pipeline"
)

// TestComposeInBrowser is an editor's article from start to readers in headless Chromium: open
// the form from the board, upload the sample file (the form's script sends it with upload
// progress), see it parsed with its repairs and questions, undo one repair and leave the
// questions for later, create it; the source cannot be approved with questions open, so answer
// them on the repairs page; the translations arrive (pseudo), are reviewed and approved with the
// source from the article page and read on the reader site in all four languages. Then edit the
// source in the workbench: the preview says which translations are kept and which sentence is new,
// and after saving the other translations are still there. axe-core checks every new page at
// desktop and tablet widths.
func TestComposeInBrowser(t *testing.T) {
	t.Parallel()
	axe := axeScript(t)
	alloc := newChromium(t)
	began := time.Now()
	step := func(what string) { t.Logf("%5.1f s: %s", time.Since(began).Seconds(), what) }
	env := start(t, "pseudo")
	ed := env.users["ed"]
	edName := "ed-" + t.Name()
	setPassword(t, env.app.store, edName, edName+"-pw")
	base := env.srv.URL
	b := browserSession(t, alloc)
	// A page that never shows what the test waits for fails the test instead of hanging it.
	b, cancel := context.WithTimeout(b, 4*time.Minute)
	defer cancel()
	browserSignIn(t, b, base, edName, edName+"-pw")
	accessible := func(page string) {
		t.Helper()
		checkAccessible(t, b, axe, page)
		do(t, b, chromedp.EmulateViewport(820, 1180))
		checkAccessible(t, b, axe, page+" (tablet)")
		do(t, b, chromedp.EmulateViewport(1280, 800))
	}
	text := func(sel string) string {
		t.Helper()
		return eval[string](t, b, `(document.querySelector('`+sel+`') || {textContent: ''}).textContent`)
	}

	// The board leads to the form; the sample goes up as a file, its language left to detect.
	do(t, b, chromedp.Navigate(base+"/workbench/newsroom/"), chromedp.WaitVisible(chromedp.CSS("#new-article")),
		chromedp.Click(chromedp.CSS("#new-article")), chromedp.WaitVisible(chromedp.CSS("#compose-form")))
	accessible("new article")
	sample, err := filepath.Abs("../../samples/party-cooperation-china-central-asia.txt")
	if err != nil {
		t.Fatal(err)
	}
	// A file dropped on the box becomes the form's file.
	if name := eval[string](t, b, `(() => { const dt = new DataTransfer(); dt.items.add(new File(['A title\n\nA body.'], 'dropped.md'));
		document.getElementById('cp-drop').dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));
		const f = document.getElementById('cp-file').files; return f.length ? f[0].name : '' })()`); name != "dropped.md" {
		t.Errorf("after a drop the form's file is %q", name)
	}
	do(t, b, chromedp.SetUploadFiles(chromedp.CSS("#cp-file"), []string{sample}),
		chromedp.Click(chromedp.CSS("#cp-preview")), chromedp.WaitVisible(chromedp.CSS("#create-form")))
	if path := eval[string](t, b, `location.pathname`); path != "/workbench/newsroom/new/" {
		t.Errorf("the preview came at %s: the form was not sent by its script", path)
	}
	if lang := eval[string](t, b, `document.getElementById('cp-lang').value`); lang != "en" {
		t.Errorf("the detected language is %q, want en", lang)
	}
	if hint := text("#cp-lang-hint"); !strings.Contains(hint, "Detected: English") {
		t.Errorf("the language hint says %q", hint)
	}
	changes := eval[float64](t, b, `document.querySelectorAll('.cp-changes tbody tr').length`)
	questions := eval[float64](t, b, `document.querySelectorAll('.cp-question').length`)
	if changes < 2 || questions < 1 {
		t.Fatalf("the preview shows %v repairs and %v questions", changes, questions)
	}
	if n := eval[float64](t, b, `document.querySelectorAll('.cp-blocks .k-title').length`); n != 1 {
		t.Errorf("the structure shows %v titles", n)
	}
	if n := eval[float64](t, b, `document.querySelectorAll('.cp-blocks .k-paragraph').length`); n < 5 {
		t.Errorf("the structure shows %v paragraphs", n)
	}
	if n := eval[float64](t, b, `document.querySelectorAll('.cp-repaired .nr-change').length`); n != changes {
		t.Errorf("the text highlights %v repairs of %v", n, changes)
	}
	step("preview shown")
	accessible("new article preview")
	undone := strings.TrimSpace(text("#cp-change-1 del"))
	slug := "composed-in-browser"
	do(t, b, chromedp.Click(chromedp.CSS(`input[name="change.0"][value="reject"]`)),
		chromedp.SetValue(chromedp.CSS("#cp-slug"), slug), chromedp.SetValue(chromedp.CSS("#cp-category"), "analysis"),
		chromedp.Click(chromedp.CSS("#cp-create")), chromedp.WaitVisible(chromedp.CSS(".notice")))
	m := regexp.MustCompile(`/workbench/newsroom/articles/(\d+)/`).FindStringSubmatch(eval[string](t, b, `location.pathname`))
	if m == nil {
		t.Fatalf("after creating, the browser is at %s", eval[string](t, b, `location.href`))
	}
	var id int64
	fmt.Sscan(m[1], &id)
	art := fmt.Sprintf("/workbench/newsroom/articles/%d/", id)
	api := fmt.Sprintf("/api/v1/articles/%d", id)
	if got := ed.must("GET", api, nil, 200); got["slug"] != slug || int(got["repair_questions"].(float64)) != int(questions) ||
		int(got["repairs"].(float64)) != int(changes)-1 {
		t.Errorf("the created article: %v", got)
	}

	// The source cannot be approved over the open questions; the article page says so, before and
	// when the editor tries.
	do(t, b, chromedp.WaitVisible(chromedp.CSS("#open-questions")))
	env.waitFor(t, id, "the source awaiting approval", func(s map[pipeline.Lang]string) bool { return s["en"] == "awaiting_approval" })
	do(t, b, chromedp.Navigate(base+art), chromedp.WaitVisible(chromedp.CSS("#sel-en")), chromedp.Click(chromedp.CSS("#sel-en")), chromedp.Click(chromedp.CSS("#rel-now")),
		chromedp.WaitNotPresent(chromedp.CSS(".notice")), chromedp.WaitVisible(chromedp.CSS("p.problem[role=alert]")))
	if got := text("p.problem[role=alert]"); !strings.Contains(got, "repair questions are open") {
		t.Errorf("approving the source on the article page says %q", got)
	}
	if code, out := ed.do("POST", api+"/editions/en/approve", map[string]any{}); code != 409 ||
		!strings.Contains(fmt.Sprint(out), "repair question") {
		t.Errorf("approving the source with open questions: %d %v", code, out)
	}

	// Answer every question on the repairs page with its first reading.
	do(t, b, chromedp.Navigate(base+art+"repairs/"), chromedp.WaitVisible(chromedp.CSS("#settle-form")))
	if got := text("#cp-open"); !strings.Contains(got, fmt.Sprint(questions)) {
		t.Errorf("the repairs page says %q about %v open questions", got, questions)
	}
	accessible("text repairs")
	eval[bool](t, b, `document.querySelectorAll('.cp-question').forEach(f => f.querySelector('input[type=radio]').click()), true`)
	do(t, b, chromedp.Click(chromedp.CSS("#settle-save")), chromedp.WaitVisible(chromedp.CSS(".notice")))
	if eval[bool](t, b, `!!document.getElementById('cp-open')`) {
		t.Errorf("questions are still open: %s", text("#cp-open"))
	}
	if got := ed.must("GET", api, nil, 200); got["repair_questions"].(float64) != 0 {
		t.Errorf("after answering, the article counts %v open questions", got["repair_questions"])
	}

	step("questions answered")
	// Translated (pseudo), reviewed and submitted, then approved with the source on the article page.
	env.waitFor(t, id, "review", func(s map[pipeline.Lang]string) bool {
		return s["ru"] == "in_review" && s["kk"] == "in_review" && s["zh"] == "in_review" && s["en"] == "awaiting_approval"
	})
	step("translations in review")
	for _, lang := range []pipeline.Lang{pipeline.Russian, pipeline.Kazakh, pipeline.Chinese} {
		confirmAll(t, ed, id, lang)
		ed.must("POST", fmt.Sprintf("%s/editions/%s/submit", api, lang), nil, 200)
	}
	do(t, b, chromedp.Navigate(base+art), chromedp.WaitVisible(chromedp.CSS("#release-form")))
	for _, l := range pipeline.Languages {
		do(t, b, chromedp.Click(chromedp.CSS("#sel-"+string(l))))
	}
	if eval[bool](t, b, `!!document.getElementById('accept-machine')`) {
		do(t, b, chromedp.Click(chromedp.CSS("#accept-machine")))
	}
	do(t, b, chromedp.Click(chromedp.CSS("#rel-now")), chromedp.WaitVisible(chromedp.CSS(".notice")))
	env.waitFor(t, id, "publication", func(s map[pipeline.Lang]string) bool {
		return s["en"] == "published" && s["ru"] == "published" && s["kk"] == "published" && s["zh"] == "published"
	})
	step("published")
	for _, l := range pipeline.Languages {
		do(t, b, chromedp.Navigate(base+"/"+string(l)+"/articles/"+slug), chromedp.WaitVisible(chromedp.CSS("article h1")))
		if h := text("article h1"); strings.TrimSpace(h) == "" {
			t.Errorf("the %s edition has no title", l)
		}
	}
	do(t, b, chromedp.Navigate(base+"/en/articles/"+slug), chromedp.WaitVisible(chromedp.CSS("article h1")))
	if body := text("article"); undone != "" && !strings.Contains(body, undone) {
		t.Errorf("the undone repair's text %q is not what readers see", undone)
	}

	// Edit the source in the workbench: add a sentence to a paragraph, see the effect, save.
	do(t, b, chromedp.Navigate(base+art), chromedp.WaitVisible(chromedp.CSS("#source-edit")),
		chromedp.Click(chromedp.CSS("#source-edit")), chromedp.WaitVisible(chromedp.CSS("#source-form")))
	step("source editor open")
	accessible("source editor")
	eval[bool](t, b, `(() => { const ta = document.querySelectorAll('#source-form textarea')[3];
		ta.value = ta.value + '\n\nThis paragraph was added in the browser.'; return true })()`)
	do(t, b, chromedp.Click(chromedp.CSS("#source-preview")), chromedp.WaitVisible(chromedp.CSS("#source-plan")))
	if got := text("#plan-fresh"); !strings.HasPrefix(strings.TrimSpace(got), "1 ") {
		t.Errorf("the plan says %q about new sentences", got)
	}
	if got := text("#plan-flagged"); !strings.HasPrefix(strings.TrimSpace(got), "0 ") {
		t.Errorf("the plan says %q about flagged translations", got)
	}
	accessible("source editor with its plan")
	do(t, b, chromedp.Click(chromedp.CSS("#source-save")), chromedp.WaitNotPresent(chromedp.CSS("#source-plan")),
		chromedp.WaitVisible(chromedp.CSS("#release-form")))
	if got := text("p.notice"); !strings.Contains(got, "new revision") {
		t.Fatalf("after saving the source the article page says %q (problem: %q)", got, text(".problem"))
	}
	if p := text(".problem"); p != "" {
		t.Fatalf("saving the source: %s", p)
	}
	revs := ed.must("GET", api+"/revisions", nil, 200)["revisions"].([]any)
	if len(revs) != 2 {
		t.Fatalf("%d revisions after saving the source", len(revs))
	}
	ru := ed.must("GET", api+"/editions/ru", nil, 200)
	confirmed, empty := 0, 0
	for _, s := range ru["segments"].([]any) {
		switch s.(map[string]any)["state"] {
		case "confirmed":
			confirmed++
		case "empty":
			empty++
		}
	}
	segs := len(ru["segments"].([]any))
	if confirmed < segs-1 {
		t.Errorf("after the revision %d of %d Russian segments are confirmed, want all but the new one (%d empty)", confirmed, segs, empty)
	}
}
