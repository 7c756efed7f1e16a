package reader

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tilmash/tilmash/pipeline"
)

// changeStore is a database with a record of changes: the site updates itself from it.
type changeStore struct {
	mu      sync.Mutex
	gen     int64
	at      time.Time
	live    []pipeline.Live // newest first
	changes []pipeline.SiteChange
	bodies  atomic.Int64 // version bodies read
}

// publish makes an English edition live: a new article, or a new version of one.
func (c *changeStore) publish(id int64, title string, at time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	first := id * 10
	was := false
	for i, l := range c.live {
		if l.ArticleID == id {
			first, was = l.FirstVersionID, true
			c.live = append(c.live[:i], c.live[i+1:]...)
			break
		}
	}
	c.gen++
	c.at = at
	v := pipeline.Live{VersionID: c.gen*1000 + id, ArticleID: id, Lang: pipeline.English, Slug: fmt.Sprintf("a%d", id),
		Title: title, PublishedAt: at, FirstVersionID: first}
	c.live = append([]pipeline.Live{v}, c.live...)
	c.changes = append(c.changes, pipeline.SiteChange{Generation: c.gen, ArticleID: id, Lang: pipeline.English, WasLive: was, IsLive: true})
}

func (c *changeStore) LoadSnapshot(context.Context) (pipeline.Snapshot, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return pipeline.Snapshot{Generation: c.gen, ChangedAt: c.at, Live: append([]pipeline.Live(nil), c.live...)}, nil
}

func (c *changeStore) FindVersionHTML(_ context.Context, ids []int64) (map[int64]string, error) {
	c.bodies.Add(int64(len(ids)))
	out := map[int64]string{}
	for _, id := range ids {
		out[id] = fmt.Sprintf("<p>Body of version %d.</p>", id)
	}
	return out, nil
}

func (c *changeStore) SiteGeneration(context.Context) (int64, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.gen, nil
}

func (c *changeStore) SiteChanges(_ context.Context, since, _ int64) (pipeline.SiteDelta, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	d := pipeline.SiteDelta{Generation: c.gen, ChangedAt: c.at, Complete: true, FirstVersions: map[int64]map[pipeline.Lang]int64{}}
	ids := map[int64]bool{}
	for _, ch := range c.changes {
		if ch.Generation > since {
			d.Changes = append(d.Changes, ch)
			ids[ch.ArticleID] = true
		}
	}
	for _, l := range c.live {
		if ids[l.ArticleID] {
			d.Live = append(d.Live, l)
			d.Articles = append(d.Articles, pipeline.SiteArticle{ID: l.ArticleID, Slug: l.Slug})
			d.FirstVersions[l.ArticleID] = map[pipeline.Lang]int64{l.Lang: l.FirstVersionID}
		}
	}
	return d, nil
}

func (c *changeStore) ListenSite(ctx context.Context, _ time.Duration, changed func(bool)) {
	changed(false)
	<-ctx.Done()
}

// TestPublicationRendersOnlyItsPages: with 45 articles, a new one changes the front page and the
// last archive page (numbered from the oldest), while the older archive pages and the other
// articles' pages stay as they were rendered; a new version of an old article changes the archive
// page it has always been on, not the others.
func TestPublicationRendersOnlyItsPages(t *testing.T) {
	t.Parallel()
	store := &changeStore{}
	day := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	for id := int64(1); id <= 45; id++ {
		store.publish(id, fmt.Sprintf("Article %d", id), day.Add(time.Duration(id)*time.Hour))
	}
	s, h := newSite(t, store)
	paths := []string{"/en/", "/en/page/1/", "/en/page/2/", "/en/page/3/", "/en/articles/a1", "/en/articles/a30", "/en/feed.atom"}
	before := map[string]string{}
	for _, p := range paths {
		rec := get(t, h, p)
		if rec.Code != 200 {
			t.Fatalf("%s = %d", p, rec.Code)
		}
		before[p] = rec.Header().Get("ETag")
	}
	if rec := get(t, h, "/en/page/4/"); rec.Code != 404 {
		t.Errorf("a page past the archive = %d", rec.Code)
	}
	if p3 := get(t, h, "/en/page/3/").Body.String(); !strings.Contains(p3, "Article 45") || strings.Contains(p3, "Article 40<") ||
		!strings.Contains(p3, `href="/en/page/2/" rel="next"`) || !strings.Contains(p3, `href="/en/" rel="prev"`) {
		t.Errorf("the last archive page lists the wrong articles or links:\n%s", p3)
	}
	cached := func(p string) bool { _, ok := s.mem.GetIfPresent(p); return ok }

	store.publish(46, "Article 46", day.Add(100*time.Hour))
	if err := s.refreshSite(t.Context(), false); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/en/page/1/", "/en/page/2/", "/en/articles/a1", "/en/articles/a30"} {
		if !cached(p) {
			t.Errorf("%s was dropped by a publication that does not change it", p)
		}
	}
	for _, p := range []string{"/en/", "/en/page/3/", "/en/feed.atom"} {
		if cached(p) {
			t.Errorf("%s was kept after a publication that changes it", p)
		}
	}
	if front := get(t, h, "/en/").Body.String(); !strings.Contains(front, "Article 46") {
		t.Error("the front page does not list the new article")
	}
	if p3 := get(t, h, "/en/page/3/").Body.String(); !strings.Contains(p3, "Article 46") {
		t.Error("the last archive page does not list the new article")
	}
	if rec := get(t, h, "/en/articles/a46"); rec.Code != 200 || !strings.Contains(rec.Body.String(), "Article 46") {
		t.Errorf("the new article = %d", rec.Code)
	}

	// A new version of article 5 stays on archive page 1.
	store.publish(5, "Article 5, revised", day.Add(200*time.Hour))
	if err := s.refreshSite(t.Context(), false); err != nil {
		t.Fatal(err)
	}
	if cached("/en/page/1/") || !cached("/en/page/2/") || cached("/en/articles/a5") || !cached("/en/articles/a1") {
		t.Error("a new version of an old article did not change exactly its archive page and its own page")
	}
	if p1 := get(t, h, "/en/page/1/").Body.String(); !strings.Contains(p1, "Article 5, revised") {
		t.Error("archive page 1 does not show the new title")
	}
	if rec := get(t, h, "/en/page/2/"); rec.Header().Get("ETag") != before["/en/page/2/"] {
		t.Error("archive page 2 changed")
	}
}

// TestPagesBeyondMemoryComeFromFiles: with a cache too small to hold a page, pages are served
// from their compressed files, the same bytes, without being rendered again.
func TestPagesBeyondMemoryComeFromFiles(t *testing.T) {
	t.Parallel()
	store := &changeStore{}
	for id := int64(1); id <= 3; id++ {
		store.publish(id, fmt.Sprintf("Article %d", id), time.Date(2026, 1, 1, int(id), 0, 0, 0, time.UTC))
	}
	s, h := newSiteWith(t, store, Config{CacheBytes: 1})
	first := get(t, h, "/en/articles/a2", "Accept-Encoding", "br")
	reads := store.bodies.Load()
	for range 3 {
		again := get(t, h, "/en/articles/a2", "Accept-Encoding", "br")
		if again.Code != 200 || again.Body.String() != first.Body.String() || again.Header().Get("Content-Encoding") != "br" ||
			again.Header().Get("ETag") != first.Header().Get("ETag") {
			t.Fatalf("the page read back from its file differs: %d %v", again.Code, again.Header())
		}
	}
	if store.bodies.Load() != reads {
		t.Error("a page evicted from memory was rendered again instead of read from its file")
	}
	if st := s.CacheStats(); st.Bytes > 1<<20 || st.LimitBytes != 1 {
		t.Errorf("cache stats %+v", st)
	}
	if rec := get(t, h, "/en/articles/a2", "If-None-Match", first.Header().Get("ETag")); rec.Code != http.StatusNotModified {
		t.Errorf("conditional request for a page from its file = %d", rec.Code)
	}
}

// TestServingWhilePublishing: readers asking for pages while publications are applied always get
// a whole page, and once an update is done every page shows it.
func TestServingWhilePublishing(t *testing.T) {
	t.Parallel()
	store := &changeStore{}
	day := time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC)
	for id := int64(1); id <= 30; id++ {
		store.publish(id, fmt.Sprintf("Article %d", id), day.Add(time.Duration(id)*time.Hour))
	}
	s, h := newSiteWith(t, store, Config{CacheBytes: 64 << 10})
	done := make(chan struct{})
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			paths := []string{"/en/", "/en/page/1/", "/en/page/2/", "/en/feed.atom", "/sitemap-0.xml", "/en/articles/a3"}
			for i := g; ; i++ {
				select {
				case <-done:
					return
				default:
				}
				if rec := get(t, h, paths[i%len(paths)]); rec.Code != 200 || !strings.Contains(rec.Body.String(), "</") {
					t.Errorf("%s = %d while publishing", paths[i%len(paths)], rec.Code)
					return
				}
			}
		})
	}
	for id := int64(31); id <= 45; id++ {
		store.publish(id, fmt.Sprintf("Article %d", id), day.Add(time.Duration(id)*time.Hour))
		if err := s.refreshSite(t.Context(), false); err != nil {
			t.Error(err)
		}
	}
	close(done)
	wg.Wait()
	if p3 := get(t, h, "/en/page/3/").Body.String(); !strings.Contains(p3, "Article 45") {
		t.Error("the last archive page does not show the last publication")
	}
	if front := get(t, h, "/en/").Body.String(); !strings.Contains(front, "Article 45") || strings.Contains(front, "Article 25<") {
		t.Error("the front page is not the newest twenty")
	}
}
