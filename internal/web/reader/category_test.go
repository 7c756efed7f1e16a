package reader

import (
	"strings"
	"testing"
)

// TestCategoryNamesOnEveryPage: readers see a category by the name editors gave it in their
// language on the article page, the front page and the category page; a language without a name
// shows the slug.
func TestCategoryNamesOnEveryPage(t *testing.T) {
	t.Parallel()
	store := newFakeStore()
	store.live[1].CategoryName = "Аналитика"
	_, h := newSite(t, store)
	for path, want := range map[string]string{
		"/ru/articles/rail-corridor": `<a href="/ru/categories/analysis">Аналитика</a>`,
		"/ru/":                       `<a href="/ru/categories/analysis">Аналитика</a>`,
		"/ru/categories/analysis":    "Аналитика",
		"/en/articles/rail-corridor": `<a href="/en/categories/analysis">analysis</a>`,
	} {
		rec := get(t, h, path)
		if rec.Code != 200 || !strings.Contains(rec.Body.String(), want) {
			t.Errorf("%s = %d, without %q:\n%s", path, rec.Code, want, rec.Body.String())
		}
	}
	if body := get(t, h, "/ru/categories/analysis").Body.String(); strings.Contains(body, "Рубрика: analysis") {
		t.Error("the Russian category page still shows the slug")
	}
}
