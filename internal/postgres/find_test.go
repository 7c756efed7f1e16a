package postgres_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/postgres"
	"github.com/tilmash/tilmash/internal/postgres/postgrestest"
	"github.com/tilmash/tilmash/pipeline"
)

// boardIDs returns the IDs of the articles the board shows for f, on its first page of 200.
func boardIDs(t *testing.T, db *postgres.DB, f pipeline.BoardFilter) map[int64]bool {
	t.Helper()
	as, _, total, err := db.FindBoard(context.Background(), f, 200, 0)
	if err != nil {
		t.Fatal(err)
	}
	if total < len(as) {
		t.Fatalf("total %d < %d rows", total, len(as))
	}
	out := map[int64]bool{}
	for _, a := range as {
		out[a.ID] = true
	}
	return out
}

func TestBoardFilters(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := postgrestest.Store(t)
	word := uniqueSlug("Zephyr")
	in := postgrestest.NewArticle(pipeline.English, uniqueSlug("b"), "The "+word+" corridor 100% open", "One.")
	in.Request.Category = uniqueSlug("cat")
	in.Request.CreatedBy = uniqueSlug("author")
	a, err := db.CreateArticle(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	other, err := db.CreateArticle(ctx, postgrestest.NewArticle(pipeline.English, uniqueSlug("b"), "Something else", "Two."))
	if err != nil {
		t.Fatal(err)
	}
	day := a.CreatedAt.UTC().Truncate(24 * time.Hour)
	next, before := day.AddDate(0, 0, 1), day.AddDate(0, 0, -1)
	for _, c := range []struct {
		name      string
		f         pipeline.BoardFilter
		has, hasB bool
	}{
		{"title, other case", pipeline.BoardFilter{Title: "the " + word}, true, false},
		{"title with a percent sign is literal", pipeline.BoardFilter{Title: "100% open"}, true, false},
		{"percent alone matches no wildcard", pipeline.BoardFilter{Title: word + "%corridor"}, false, false},
		{"category", pipeline.BoardFilter{Category: in.Request.Category}, true, false},
		{"author", pipeline.BoardFilter{Who: in.Request.CreatedBy}, true, false},
		{"state and language", pipeline.BoardFilter{Title: word, State: pipeline.StateTranslating, Lang: pipeline.Kazakh}, true, false},
		{"other state", pipeline.BoardFilter{Title: word, State: pipeline.StatePublished}, false, false},
		{"from its day", pipeline.BoardFilter{Title: word, From: &day, To: &next}, true, false},
		{"until the day before", pipeline.BoardFilter{Title: word, To: &day, From: &before}, false, false},
		{"nothing", pipeline.BoardFilter{}, true, true},
	} {
		got := boardIDs(t, db, c.f)
		if got[a.ID] != c.has || got[other.ID] != c.hasB {
			t.Errorf("%s: article shown %v (want %v), other %v (want %v)", c.name, got[a.ID], c.has, got[other.ID], c.hasB)
		}
	}
}

func TestCategoriesAreNamedPerLanguage(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := postgrestest.Store(t)
	slug := uniqueSlug("analysis")
	in := postgrestest.NewArticle(pipeline.English, uniqueSlug("c"), "Filed", "One.")
	in.Request.Category = slug
	if _, err := db.CreateArticle(ctx, in); err != nil {
		t.Fatal(err)
	}
	cats, err := db.FindCategories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, c := range cats {
		if c.Slug == slug {
			found = c.Articles == 1 && len(c.Names) == 0 && c.Name(pipeline.Russian) == slug
		}
	}
	if !found {
		t.Fatalf("a slug used by one article is not listed unnamed with its article: %+v", cats)
	}
	gen, _ := db.SiteGeneration(ctx)
	if err := db.RenameCategory(ctx, pipeline.Category{Slug: slug, Names: map[pipeline.Lang]string{
		pipeline.Russian: "Аналитика", pipeline.Chinese: "分析"}}, "dana"); err != nil {
		t.Fatal(err)
	}
	if g, _ := db.SiteGeneration(ctx); g <= gen {
		t.Errorf("renaming a category left the site at generation %d", g)
	}
	err = db.CreateCategory(ctx, pipeline.Category{Slug: slug}, "dana")
	if pe := (*pipeline.Error)(nil); !errors.As(err, &pe) || pe.Code != pipeline.CodeConflict {
		t.Errorf("adding an existing category: %v, want a conflict", err)
	}
	if err := db.RenameCategory(ctx, pipeline.Category{Slug: uniqueSlug("none")}, "dana"); err == nil {
		t.Error("renaming a category nobody uses or made succeeded")
	}
	if err := db.CreateCategory(ctx, pipeline.Category{Slug: "a/b"}, "dana"); err == nil {
		t.Error("a slug with a slash was accepted")
	}
	cats, _ = db.FindCategories(ctx)
	for _, c := range cats {
		if c.Slug == slug && (c.Names[pipeline.Russian] != "Аналитика" || c.Names[pipeline.Chinese] != "分析" || c.Names[pipeline.English] != "") {
			t.Errorf("names after renaming: %v", c.Names)
		}
	}
}

func TestMemoryEntryEditConflictsAndUsage(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, a := setup(t)
	src := "Memory browser sentence " + uniqueSlug("m") + "."
	var id int64
	if err := postgrestest.Pool(t).QueryRow(ctx, `INSERT INTO memory_entries (source_lang, target_lang, source_text, source_norm, target_text, created_by, article_id)
		VALUES ('en', 'kk', $1, $1, 'Бастапқы аударма.', 'aigerim', $2) RETURNING id`, src, a.ID).Scan(&id); err != nil {
		t.Fatal(err)
	}
	if _, err := postgrestest.Pool(t).Exec(ctx, `INSERT INTO memory_entries (source_lang, target_lang, source_text, source_norm, target_text)
		VALUES ('en', 'kk', 'Another.', 'Another.', 'Басқа.')`); err != nil {
		t.Fatal(err)
	}
	page, more, err := db.FindMemoryEntries(ctx, pipeline.MemoryQuery{Source: pipeline.English, Target: pipeline.Kazakh, Text: src[7:30]})
	if err != nil || more || len(page) != 1 || page[0].ID != id || page[0].ArticleTitle != "A title" || page[0].CreatedBy != "aigerim" {
		t.Fatalf("search by source: %v %+v %v", more, page, err)
	}
	if page, _, _ := db.FindMemoryEntries(ctx, pipeline.MemoryQuery{Source: pipeline.English, Target: pipeline.Russian, Text: src}); len(page) != 0 {
		t.Errorf("another language pair found %d entries", len(page))
	}
	if page, _, _ := db.FindMemoryEntries(ctx, pipeline.MemoryQuery{Source: pipeline.English, Target: pipeline.Kazakh, Text: "бастапқы", InTarget: true}); len(page) < 1 {
		t.Error("search by target, other case, found nothing")
	}
	if page, more, _ := db.FindMemoryEntries(ctx, pipeline.MemoryQuery{Source: pipeline.English, Target: pipeline.Kazakh, Limit: 1}); len(page) != 1 || !more {
		t.Errorf("a page of one, with entries left: %d entries, more %v", len(page), more)
	}

	// Two editors start from version 1: the first save wins, the second is a conflict.
	v, err := db.UpdateMemoryEntry(ctx, pipeline.MemoryEdit{ID: id, Version: 1, Source: src, Target: "Түзетілген аударма.", Actor: "dana"})
	if err != nil || v.Version != 2 || v.Target != "Түзетілген аударма." || v.UpdatedBy != "dana" {
		t.Fatalf("first edit: %+v %v", v, err)
	}
	_, err = db.UpdateMemoryEntry(ctx, pipeline.MemoryEdit{ID: id, Version: 1, Source: src, Target: "Басқа.", Actor: "erlan"})
	if pe := (*pipeline.Error)(nil); !errors.As(err, &pe) || pe.Code != pipeline.CodeConflict {
		t.Fatalf("second edit on the old version: %v, want a conflict", err)
	}
	if err := db.DeleteMemoryEntry(ctx, id, 1); err == nil {
		t.Fatal("deleting an old version succeeded")
	}

	// The edited entry fills a Kazakh segment: its use is counted.
	kk := edition(t, db, a, pipeline.Kazakh)
	m, err := db.FindMemoryExact(ctx, pipeline.English, pipeline.Kazakh, []pipeline.MemoryKey{{Norm: pipeline.NormalizeForMemory(src)}})
	if err != nil || m[0].Entry.ID != id {
		t.Fatalf("exact lookup after the edit: %+v %v", m, err)
	}
	if _, err := db.SaveDrafts(ctx, kk.Edition.ID, kk.Edition.RevisionID, []pipeline.Draft{{SegmentID: kk.Segments[1].ID,
		Text: m[0].Entry.Target, Origin: pipeline.OriginMemoryExact, MemoryEntryID: id}}); err != nil {
		t.Fatal(err)
	}
	v, err = db.FindMemoryEntry(ctx, id)
	if err != nil || v.UseCount != 1 || v.LastUsedAt == nil {
		t.Fatalf("after filling a segment: used %d times, last %v (%v)", v.UseCount, v.LastUsedAt, err)
	}
	if err := db.DeleteMemoryEntry(ctx, id, v.Version); err != nil {
		t.Fatal(err)
	}
	if _, err := db.FindMemoryEntry(ctx, id); err == nil {
		t.Fatal("the deleted entry is still there")
	}
}

func TestConceptPageSearchesTermsAndVariants(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := postgrestest.Store(t)
	word := uniqueSlug("Belt")
	c, err := db.SaveConcept(ctx, pipeline.Concept{Terms: map[pipeline.Lang]string{pipeline.English: word + " and Road"},
		Forbidden: map[pipeline.Lang][]string{pipeline.Russian: {"Пояс " + word}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{word, "пояс " + word} {
		cs, total, err := db.FindConceptPage(ctx, q, 10, 0)
		if err != nil || total != 1 || len(cs) != 1 || cs[0].ID != c.ID || cs[0].Forbidden[pipeline.Russian][0] != "Пояс "+word {
			t.Errorf("search %q: %d %+v %v", q, total, cs, err)
		}
	}
}

func TestConceptChangesNameTheStateTheySaw(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := postgrestest.Store(t)
	c, err := db.SaveConcept(ctx, pipeline.Concept{Terms: map[pipeline.Lang]string{pipeline.English: uniqueSlug("Steppe")}})
	if err != nil {
		t.Fatal(err)
	}
	seen, err := db.FindConcept(ctx, c.ID)
	if err != nil || !seen.UpdatedAt.Equal(c.UpdatedAt) {
		t.Fatalf("read back: %+v %v", seen, err)
	}
	first := seen
	first.Note = "first"
	if _, err := db.UpdateConceptSeen(ctx, first, seen.UpdatedAt); err != nil {
		t.Fatal(err)
	}
	second := seen
	second.Note = "second"
	_, err = db.UpdateConceptSeen(ctx, second, seen.UpdatedAt)
	if pe := (*pipeline.Error)(nil); !errors.As(err, &pe) || pe.Code != pipeline.CodeConflict {
		t.Fatalf("a second change on the same state: %v, want a conflict", err)
	}
	if err := db.DeleteConceptSeen(ctx, c.ID, seen.UpdatedAt); err == nil {
		t.Fatal("deleting on a stale state succeeded")
	}
	now, _ := db.FindConcept(ctx, c.ID)
	if now.Note != "first" {
		t.Fatalf("note = %q, want the first change", now.Note)
	}
	if err := db.DeleteConceptSeen(ctx, c.ID, now.UpdatedAt); err != nil {
		t.Fatal(err)
	}
}
