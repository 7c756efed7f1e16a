package newsroom

import (
	"context"
	"net/http"
	"testing"

	"github.com/tilmash/tilmash/internal/web/kit/kittest"
	"github.com/tilmash/tilmash/pipeline"
)

// categoryStore records the categories the pages add and rename.
type categoryStore struct {
	fakeStore
	renamed []pipeline.Category
}

func (c *categoryStore) CreateCategory(_ context.Context, cat pipeline.Category, actor string) error {
	if cat.Slug == "analysis" {
		return &pipeline.Error{Code: pipeline.CodeConflict, MessageID: "find.category.exists", Data: map[string]any{"Slug": cat.Slug}}
	}
	return pipeline.ValidateCategory(cat)
}

func (c *categoryStore) RenameCategory(_ context.Context, cat pipeline.Category, actor string) error {
	c.renamed = append(c.renamed, cat)
	return nil
}

// TestBoardSearchIsALink: the board reads every filter from the query, shows it back in the form,
// keeps it in the pager's links, and refuses a date that is not one.
func TestBoardSearchIsALink(t *testing.T) {
	t.Parallel()
	store := &fakeStore{}
	h := newHandler(t, store, editor)
	rec := kittest.Do(h, "GET", "/workbench/newsroom/?q=rail&category=analysis&from=2026-02-01&to=2026-02-28&who=olga&lang=ru&state=in_review", "ru", "")
	kittest.Says(t, "filtered board", rec, 200, `value="rail"`, `<option value="analysis" selected>Аналитика</option>`,
		`value="2026-02-01"`, `value="olga"`, "Аналитика</small>",
		`href="/workbench/newsroom/?category=analysis&amp;from=2026-02-01&amp;lang=ru&amp;page=2&amp;q=rail&amp;state=in_review&amp;to=2026-02-28&amp;who=olga"`)
	f := store.filters[0]
	if f.Title != "rail" || f.Category != "analysis" || f.Who != "olga" || f.Lang != pipeline.Russian || f.State != pipeline.StateInReview ||
		f.From == nil || f.From.Format("2006-01-02") != "2026-02-01" || f.To == nil || f.To.Format("2006-01-02") != "2026-03-01" {
		t.Errorf("filter = %+v", f)
	}
	kittest.Says(t, "a bad date", kittest.Do(h, "GET", "/workbench/newsroom/?from=yesterday", "en", ""), http.StatusBadRequest, "“yesterday” is not a date.")
}

// TestCategoriesPage lists categories with their names in every language, in the editor's
// language, and refuses an existing slug with the reason and the editor's input kept.
func TestCategoriesPage(t *testing.T) {
	t.Parallel()
	store := &categoryStore{}
	h := newHandler(t, store, editor)
	for lang, want := range map[string]string{"en": "1 article", "ru": "1 статья", "kk": "1 мақала", "zh": "1 篇文章"} {
		kittest.Says(t, lang+" categories", kittest.Do(h, "GET", "/workbench/newsroom/categories/", lang, ""), 200, want, `value="Аналитика"`)
	}
	kittest.Says(t, "existing slug", kittest.Do(h, "POST", "/workbench/newsroom/categories/", "ru", "slug=analysis&name_zh=分析"),
		http.StatusConflict, "Рубрика «analysis» уже есть", `value="分析"`)
	rec := kittest.Do(h, "POST", "/workbench/newsroom/categories/rename", "en", "slug=analysis&name_kk=Талдау")
	if rec.Code != http.StatusSeeOther || len(store.renamed) != 1 || store.renamed[0].Names[pipeline.Kazakh] != "Талдау" {
		t.Errorf("rename = %d, %+v", rec.Code, store.renamed)
	}
	th := newHandler(t, store, translator)
	kittest.Says(t, "a translator", kittest.Do(th, "POST", "/workbench/newsroom/categories/rename", "en", "slug=analysis&name_kk=x"), http.StatusForbidden)
}
