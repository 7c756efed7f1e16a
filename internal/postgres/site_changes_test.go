package postgres_test

import (
	"context"
	"testing"

	"github.com/tilmash/tilmash/internal/postgres/postgrestest"
	"github.com/tilmash/tilmash/pipeline"
)

// TestSiteChangesRecordWhatChanged: every switch of a live edition is one recorded generation
// naming the article, the language and whether it was and is live; the delta carries the changed
// articles' live editions now and the first version of each edition ever published, and says
// when the record does not reach back.
func TestSiteChangesRecordWhatChanged(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := postgrestest.Store(t)
	since, err := db.SiteGeneration(ctx)
	if err != nil {
		t.Fatal(err)
	}
	a, err := db.CreateArticle(ctx, postgrestest.NewArticle(pipeline.English, uniqueSlug("changes"), revTitle, revS1, revS2))
	if err != nil {
		t.Fatal(err)
	}
	publishAll(t, db, a)
	d, err := db.SiteChanges(ctx, since, 0)
	if err != nil || !d.Complete {
		t.Fatalf("changes since %d: complete %v, %v", since, d.Complete, err)
	}
	went := map[pipeline.Lang]bool{}
	for _, c := range d.Changes {
		if c.ArticleID == a.ID && c.Lang != "" && !c.WasLive && c.IsLive {
			went[c.Lang] = true
		}
	}
	if len(went) != 4 {
		t.Errorf("the four publications are not all recorded: %v", d.Changes)
	}
	live := 0
	for _, l := range d.Live {
		if l.ArticleID == a.ID {
			live++
			if l.FirstVersionID == 0 || l.FirstVersionID != d.FirstVersions[a.ID][l.Lang] {
				t.Errorf("%s: first version %d, recorded %d", l.Lang, l.FirstVersionID, d.FirstVersions[a.ID][l.Lang])
			}
		}
	}
	if live != 4 {
		t.Errorf("%d live editions of the article in the delta, want 4", live)
	}

	if err := db.Unpublish(ctx, a.ID, pipeline.Kazakh, "editor"); err != nil {
		t.Fatal(err)
	}
	d2, err := db.SiteChanges(ctx, d.Generation, 0)
	if err != nil || !d2.Complete {
		t.Fatalf("changes since %d: complete %v, %v", d.Generation, d2.Complete, err)
	}
	found := false
	for _, c := range d2.Changes {
		if c.ArticleID == a.ID {
			found = c.Lang == pipeline.Kazakh && c.WasLive && !c.IsLive
		}
	}
	for _, l := range d2.Live {
		if l.ArticleID == a.ID && l.Lang == pipeline.Kazakh {
			t.Error("the unpublished Kazakh edition is still live in the delta")
		}
	}
	if !found || d2.FirstVersions[a.ID][pipeline.Kazakh] == 0 {
		t.Errorf("unpublishing is not recorded as such: %+v", d2.Changes)
	}
	if d3, err := db.SiteChanges(ctx, d2.Generation+1_000_000, 0); err != nil || d3.Complete {
		t.Errorf("a generation the database never had is taken as complete: %v", err)
	}
}

// TestSiteChangesOnlyForLiveArticles: an article with no live edition changes nothing a reader
// sees, so creating or revising it records no site change (and so takes no lock that other
// submissions would wait on); a revision of a published article is recorded.
func TestSiteChangesOnlyForLiveArticles(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := postgrestest.Store(t)
	since, err := db.SiteGeneration(ctx)
	if err != nil {
		t.Fatal(err)
	}
	a, err := db.CreateArticle(ctx, postgrestest.NewArticle(pipeline.English, uniqueSlug("unpublished"), revTitle, revS1, revS2))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateRevision(ctx, revision(a.ID, false, revTitle, revS1, revS3)); err != nil {
		t.Fatal(err)
	}
	recorded := func(from int64) (int64, bool) {
		t.Helper()
		d, err := db.SiteChanges(ctx, from, 0)
		if err != nil || !d.Complete {
			t.Fatalf("changes since %d: complete %v, %v", from, d.Complete, err)
		}
		for _, c := range d.Changes {
			if c.ArticleID == a.ID && c.Lang == "" {
				return d.Generation, true
			}
		}
		return d.Generation, false
	}
	if _, ok := recorded(since); ok {
		t.Error("an article that was never published changed the site")
	}
	publishAll(t, db, a)
	published, _ := recorded(since)
	if _, err := db.CreateRevision(ctx, revision(a.ID, false, revTitle, revS1, revS2)); err != nil {
		t.Fatal(err)
	}
	if _, ok := recorded(published); !ok {
		t.Error("a revision of a published article is not recorded")
	}
}
