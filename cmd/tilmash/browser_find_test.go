package main

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/chromedp/chromedp"

	"github.com/tilmash/tilmash/pipeline"
)

// checkWidths runs axe-core on the page at desktop width and on a tablet held upright, where the
// page must not scroll sideways as a whole, and goes back to desktop.
func checkWidths(t *testing.T, b context.Context, axe, page string) {
	t.Helper()
	checkAccessible(t, b, axe, page)
	do(t, b, chromedp.EmulateViewport(820, 1180))
	if eval[bool](t, b, `document.documentElement.scrollWidth > window.innerWidth + 1`) {
		t.Errorf("the %s page scrolls sideways on a tablet", page)
	}
	checkAccessible(t, b, axe, "tablet "+page)
	do(t, b, chromedp.EmulateViewport(1280, 800))
}

// TestFindInBrowser is an editor finding things in headless Chromium: the board searched by a
// word of a title and filtered by category and person (a link that keeps the search); a category
// named in Russian and Chinese, which readers then see on the article and category pages while
// English readers still see the slug; the translation memory searched by source text, an entry
// edited in two tabs (the second save meets the first as a conflict, keeps its text, and wins when
// saved again) and deleted; the termbase searched, a concept added with a forbidden variant and
// do-not-translate, changed and deleted, a CSV imported and the whole exported. Every new page
// passes axe-core at desktop and tablet widths, and in Russian, Kazakh and Chinese on a tablet.
func TestFindInBrowser(t *testing.T) {
	t.Parallel()
	axe := axeScript(t)
	alloc := newChromium(t)
	env := start(t, "pseudo")
	ed := env.users["ed"]
	edName := "ed-" + t.Name()
	setPassword(t, env.app.store, edName, edName+"-pw")
	slug := "find-browser"
	// A short article, translated, confirmed by the editor (which fills the memory) and released.
	art := ed.must("POST", "/api/v1/articles", map[string]any{"format": "text", "source_lang": "en", "slug": slug, "category": "analysis",
		"text": "Zhetysu rail corridor opens\n\nThe corridor carries grain and cotton to the border.\n\nTrade along it grew by a third in one year."}, 201)
	id := int64(art["id"].(float64))
	env.waitFor(t, id, "review", func(s map[pipeline.Lang]string) bool {
		return s["ru"] == "in_review" && s["kk"] == "in_review" && s["zh"] == "in_review" && s["en"] == "awaiting_approval"
	})
	for _, lang := range []pipeline.Lang{pipeline.Russian, pipeline.Kazakh, pipeline.Chinese} {
		confirmAll(t, ed, id, lang)
		ed.must("POST", fmt.Sprintf("/api/v1/articles/%d/editions/%s/submit", id, lang), nil, 200)
	}
	ed.must("POST", fmt.Sprintf("/api/v1/articles/%d/release", id), map[string]any{"langs": []string{"en", "ru", "kk", "zh"}}, 201)
	env.waitFor(t, id, "release", func(s map[pipeline.Lang]string) bool {
		return s["en"] == "published" && s["ru"] == "published" && s["zh"] == "published"
	})
	a, err := env.app.store.FindArticleByID(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	word := ""
	for _, w := range strings.Fields(a.Title) {
		if len(w) > len(word) {
			word = w
		}
	}
	base := env.srv.URL
	b := browserSession(t, alloc)
	browserSignIn(t, b, base, edName, edName+"-pw")
	artLink := fmt.Sprintf(`a[href="/workbench/newsroom/articles/%d/"]`, id)

	// The board: a word of the title in another case, the category and the editor who confirmed
	// the translations find the article; a word it lacks finds nothing. The search is a link.
	do(t, b, chromedp.Navigate(base+"/workbench/newsroom/"), chromedp.WaitVisible(chromedp.CSS("#f-q")),
		chromedp.SendKeys(chromedp.CSS("#f-q"), strings.ToUpper(word)), chromedp.SetValue(chromedp.CSS("#f-category"), "analysis"),
		chromedp.SendKeys(chromedp.CSS("#f-who"), edName), chromedp.Submit(chromedp.CSS("#f-q")),
		chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`#f-q[value=%q]`, strings.ToUpper(word)))), chromedp.WaitVisible(chromedp.CSS(artLink)))
	loc, err := url.Parse(eval[string](t, b, `location.href`))
	if err != nil || loc.Query().Get("q") != strings.ToUpper(word) || loc.Query().Get("category") != "analysis" || loc.Query().Get("who") != edName {
		t.Fatalf("the searched board's address is %v (%v)", loc, err)
	}
	checkWidths(t, b, axe, "searched board")
	do(t, b, chromedp.Navigate(base+"/workbench/newsroom/?q=nowhere-in-any-title"), chromedp.WaitVisible(chromedp.CSS(".nr-summary")))
	if eval[bool](t, b, `document.querySelector('.nr-board') !== null`) {
		t.Fatal("a word in no title still lists articles")
	}

	// Categories: name "analysis" in Russian and Chinese.
	do(t, b, chromedp.Navigate(base+"/workbench/newsroom/categories/"), chromedp.WaitVisible(chromedp.CSS("#cat-new-slug")))
	checkWidths(t, b, axe, "categories")
	eval[bool](t, b, `(() => { const f = document.querySelector('input[name=slug][value=analysis]').form;
		f.querySelector('[name=name_ru]').value = 'Аналитика'; f.querySelector('[name=name_zh]').value = '分析';
		f.querySelector('button').click(); return true })()`)
	do(t, b, chromedp.WaitVisible(chromedp.CSS(".notice")))
	if v := eval[string](t, b, `document.querySelector('input[name=slug][value=analysis]').form.querySelector('[name=name_ru]').value`); v != "Аналитика" {
		t.Fatalf("after saving, the Russian name reads %q", v)
	}
	// Readers see the names on the article and category pages; English readers see the slug.
	env.waitSite(t, base+"/ru/articles/"+slug, func(code int, page string) bool { return code == 200 && strings.Contains(page, "Аналитика") })
	do(t, b, chromedp.Navigate(base+"/ru/articles/"+slug), chromedp.WaitVisible(chromedp.CSS(`a[href="/ru/categories/analysis"]`)))
	if got := eval[string](t, b, `document.querySelector('a[href="/ru/categories/analysis"]').textContent`); got != "Аналитика" {
		t.Errorf("the Russian article page names its category %q", got)
	}
	do(t, b, chromedp.Navigate(base+"/zh/categories/analysis"), chromedp.WaitVisible(chromedp.CSS("h1")))
	if got := eval[string](t, b, `document.querySelector('h1').textContent`); !strings.Contains(got, "分析") || strings.Contains(got, "analysis") {
		t.Errorf("the Chinese category page is headed %q", got)
	}
	do(t, b, chromedp.Navigate(base+"/en/articles/"+slug), chromedp.WaitVisible(chromedp.CSS(`a[href="/en/categories/analysis"]`)))
	if got := eval[string](t, b, `document.querySelector('a[href="/en/categories/analysis"]').textContent`); got != "analysis" {
		t.Errorf("with no English name, the English article page names its category %q", got)
	}

	// The memory: the editor's confirmations are there; search one by a part of its source.
	entries, _, err := env.app.store.FindMemoryEntries(t.Context(), pipeline.MemoryQuery{Source: pipeline.English, Target: pipeline.Russian, Limit: 1})
	if err != nil || len(entries) == 0 {
		t.Fatalf("no English-Russian memory entry after confirming: %v", err)
	}
	entry := entries[0]
	part := "" // the longest word of the source, to search by
	for _, w := range strings.FieldsFunc(entry.Source, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len(w) > len(part) {
			part = w
		}
	}
	do(t, b, chromedp.Navigate(base+"/workbench/library/memory/"), chromedp.WaitVisible(chromedp.CSS("#m-q")),
		chromedp.SetValue(chromedp.CSS("#m-target"), "ru"), chromedp.SendKeys(chromedp.CSS("#m-q"), part),
		chromedp.Submit(chromedp.CSS("#m-q")), chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`#m-q[value=%q]`, part))),
		chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`tr[data-entry="%d"]`, entry.ID))))
	if by := eval[string](t, b, fmt.Sprintf(`document.querySelector('tr[data-entry="%d"] .lib-from').textContent`, entry.ID)); !strings.Contains(by, edName) {
		t.Errorf("the entry's origin reads %q, without who confirmed it", by)
	}
	checkWidths(t, b, axe, "memory")

	// Two tabs open the same entry; the first save wins, the second meets it as a conflict.
	do(t, b, chromedp.Click(chromedp.CSS(fmt.Sprintf(`tr[data-entry="%d"] .lib-edit`, entry.ID))), chromedp.WaitVisible(chromedp.CSS("#e-target")))
	checkWidths(t, b, axe, "memory entry")
	second, cancel := chromedp.NewContext(b)
	defer cancel()
	do(t, second, chromedp.Navigate(eval[string](t, b, `location.href`)), chromedp.WaitVisible(chromedp.CSS("#e-target")))
	do(t, b, chromedp.SetValue(chromedp.CSS("#e-target"), "Первая правка."), chromedp.Click(chromedp.CSS("#e-save")),
		chromedp.WaitVisible(chromedp.CSS(".notice")))
	do(t, second, chromedp.SetValue(chromedp.CSS("#e-target"), "Вторая правка."), chromedp.Click(chromedp.CSS("#e-save")),
		chromedp.WaitVisible(chromedp.CSS(".lib-theirs")))
	if theirs, mine := eval[string](t, second, `document.querySelector('.lib-theirs').textContent`), eval[string](t, second, `document.getElementById('e-target').value`); !strings.Contains(theirs, "Первая правка.") || mine != "Вторая правка." {
		t.Fatalf("after the conflict the page shows %q and keeps %q", theirs, mine)
	}
	checkWidths(t, second, axe, "memory conflict")
	do(t, second, chromedp.Click(chromedp.CSS("#e-save")), chromedp.WaitVisible(chromedp.CSS(".notice")))
	if v, err := env.app.store.FindMemoryEntry(t.Context(), entry.ID); err != nil || v.Target != "Вторая правка." || v.UpdatedBy != edName {
		t.Fatalf("after saving again: %+v %v", v, err)
	}
	do(t, second, chromedp.Click(chromedp.CSS(fmt.Sprintf(`tr[data-entry="%d"] .lib-edit`, entry.ID))), chromedp.WaitVisible(chromedp.CSS("#e-delete")),
		chromedp.Click(chromedp.CSS("#e-delete")), chromedp.WaitVisible(chromedp.CSS(".notice")))
	if _, err := env.app.store.FindMemoryEntry(t.Context(), entry.ID); err == nil {
		t.Fatal("the deleted entry is still in the memory")
	}

	// The termbase: add a concept, find it, import a CSV, export everything.
	do(t, b, chromedp.Navigate(base+"/workbench/library/terms/"), chromedp.WaitVisible(chromedp.CSS("#t-new")))
	checkWidths(t, b, axe, "termbase")
	do(t, b, chromedp.Click(chromedp.CSS("#t-new")), chromedp.WaitVisible(chromedp.CSS("#c-term-en")))
	checkWidths(t, b, axe, "new concept")
	do(t, b, chromedp.SendKeys(chromedp.CSS("#c-term-en"), "Zhetysu corridor"), chromedp.SendKeys(chromedp.CSS("#c-term-ru"), "коридор Жетысу"),
		chromedp.SendKeys(chromedp.CSS("#c-forbidden-ru"), "Жетысуский коридор | Семиреченский коридор"), chromedp.Click(chromedp.CSS("#c-dnt")),
		chromedp.Click(chromedp.CSS("#c-save")), chromedp.WaitVisible(chromedp.CSS(".notice")))
	do(t, b, chromedp.SendKeys(chromedp.CSS("#t-q"), "семиреченский"), chromedp.Submit(chromedp.CSS("#t-q")),
		chromedp.WaitVisible(chromedp.CSS(`#t-q[value="семиреченский"]`)), chromedp.WaitVisible(chromedp.CSS(".lib-terms")))
	if row := eval[string](t, b, `document.querySelector('.lib-terms tbody').textContent`); !strings.Contains(row, "Zhetysu corridor") || !strings.Contains(row, "Жетысуский коридор") {
		t.Fatalf("searching a forbidden variant shows %q", row)
	}
	// Change it, then delete it.
	do(t, b, chromedp.Click(chromedp.CSS(".lib-terms tbody a")), chromedp.WaitVisible(chromedp.CSS("#c-delete")),
		chromedp.SetValue(chromedp.CSS("#c-note"), "Rail, 2026"), chromedp.Click(chromedp.CSS("#c-save")), chromedp.WaitVisible(chromedp.CSS(".notice")))
	if row := eval[string](t, b, `document.querySelector('.lib-terms tbody').textContent`); !strings.Contains(row, "Rail, 2026") {
		t.Fatalf("after the change the termbase shows %q", row)
	}
	do(t, b, chromedp.Click(chromedp.CSS(".lib-terms tbody a")), chromedp.WaitVisible(chromedp.CSS("#c-delete")),
		chromedp.Click(chromedp.CSS("#c-delete")), chromedp.WaitVisible(chromedp.CSS(".notice")))
	if cs, _ := env.app.store.FindConcepts(t.Context()); len(cs) != 0 {
		t.Fatalf("after deleting, the termbase holds %+v", cs)
	}
	csv := filepath.Join(t.TempDir(), "terms.csv")
	if err := os.WriteFile(csv, []byte("en,ru,forbidden_ru\nOrganization of Turkic States,Организация тюркских государств,Тюркский совет\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	do(t, b, chromedp.Navigate(base+"/workbench/library/terms/"), chromedp.WaitVisible(chromedp.CSS("#t-file")),
		chromedp.SetUploadFiles(chromedp.CSS("#t-file"), []string{csv}), chromedp.Submit(chromedp.CSS("#t-file")),
		chromedp.WaitVisible(chromedp.CSS(".notice")))
	if n := eval[string](t, b, `document.querySelector('.notice').textContent`); !strings.Contains(n, "1 new") {
		t.Fatalf("after the import the page says %q", n)
	}
	exported, err := chromedp.Run(b, chromedp.Evaluate[string](`fetch('/workbench/library/terms/export.csv').then(r => r.text())`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Organization of Turkic States", "Тюркский совет"} {
		if !strings.Contains(exported, want) {
			t.Errorf("the exported CSV lacks %q:\n%s", want, exported)
		}
	}

	// The same pages in the other interface languages, on a tablet.
	do(t, b, chromedp.EmulateViewport(820, 1180))
	memory, terms, categories := "/workbench/library/memory/", "/workbench/library/terms/", "/workbench/newsroom/categories/"
	for l, pages := range map[string][]string{"ru": {memory, categories}, "kk": {terms, memory}, "zh": {categories, terms}} {
		for _, page := range pages {
			do(t, b, chromedp.Navigate(base+page), chromedp.WaitVisible(chromedp.CSS("#ui-lang")))
			if eval[string](t, b, `document.documentElement.lang`) != pipeline.Lang(l).BCP47() {
				do(t, b, chromedp.SetValue(chromedp.CSS("#ui-lang"), l), chromedp.Submit(chromedp.CSS("#ui-lang")),
					chromedp.WaitVisible(chromedp.CSS(`html[lang="`+pipeline.Lang(l).BCP47()+`"] #ui-lang`)))
			}
			checkAccessible(t, b, axe, l+" "+page)
		}
	}
	do(t, b, chromedp.EmulateViewport(1280, 800))
}
