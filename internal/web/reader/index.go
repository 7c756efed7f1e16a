package reader

import (
	"cmp"
	"slices"
	"strconv"
	"time"

	"github.com/tilmash/tilmash/pipeline"
)

// The site's index is what every page is rendered from: the live editions' titles, slugs,
// categories and dates (never their bodies, which are read when a page that shows one is
// rendered). It is built whole once, from a snapshot, and then changed article by article from
// the database's record of changes (pipeline.SiteDelta), each change naming the pages it
// touches so that only those are rendered again.
//
// Index pages are numbered from the oldest: archive page N of a language (or of a category in
// it) lists its editions N·20-19 to N·20 in the order they were first published, and a later
// version of an edition keeps its place. A new publication therefore changes the front page and
// the last archive page only; taking an edition off the site moves the archive pages after it.

// pageSize is how many articles an index page lists.
const pageSize = 20

// feedSize is how many entries a language's feed carries.
const feedSize = 50

// sitemapPart is how many articles (by ID) one part of the sitemap covers.
const sitemapPart = 500

// articleLive is one article's live editions.
type articleLive struct {
	id       int64
	slug     string
	category string
	newest   time.Time
	byLang   map[pipeline.Lang]*pipeline.Live
}

func (a *articleLive) langs() []pipeline.Lang {
	var out []pipeline.Lang
	for _, l := range pipeline.Languages {
		if a.byLang[l] != nil {
			out = append(out, l)
		}
	}
	return out
}

// listKey names a list of editions: a language's archive (category empty) or a category in it.
type listKey struct {
	lang     pipeline.Lang
	category string
}

// siteIndex is the public site at one generation.
type siteIndex struct {
	gen       int64
	changedAt time.Time
	articles  map[int64]*articleLive
	bySlug    map[string]*articleLive
	lists     map[listKey][]*pipeline.Live // in archive order (archiveOrder)
	parts     map[int64]int                // sitemap part → articles in it
}

// archiveOrder orders editions by first publication.
func archiveOrder(a, b *pipeline.Live) int {
	if c := cmp.Compare(a.FirstVersionID, b.FirstVersionID); c != 0 {
		return c
	}
	return cmp.Compare(a.VersionID, b.VersionID)
}

// newestFirst orders editions by the publication of their live version, newest first.
func newestFirst(a, b *pipeline.Live) int {
	if c := b.PublishedAt.Compare(a.PublishedAt); c != 0 {
		return c
	}
	return cmp.Compare(b.VersionID, a.VersionID)
}

func newIndex(snap pipeline.Snapshot) *siteIndex {
	ix := &siteIndex{gen: snap.Generation, changedAt: snap.ChangedAt, articles: map[int64]*articleLive{},
		bySlug: map[string]*articleLive{}, lists: map[listKey][]*pipeline.Live{}, parts: map[int64]int{}}
	byArticle := map[int64][]*pipeline.Live{}
	var order []int64
	for i := range snap.Live {
		l := &snap.Live[i]
		if byArticle[l.ArticleID] == nil {
			order = append(order, l.ArticleID)
		}
		byArticle[l.ArticleID] = append(byArticle[l.ArticleID], l)
	}
	for _, id := range order {
		a := ix.addArticle(byArticle[id], false)
		for _, l := range a.byLang {
			ix.lists[listKey{l.Lang, ""}] = append(ix.lists[listKey{l.Lang, ""}], l)
			if a.category != "" {
				k := listKey{l.Lang, a.category}
				ix.lists[k] = append(ix.lists[k], l)
			}
		}
	}
	for _, list := range ix.lists {
		slices.SortFunc(list, archiveOrder)
	}
	return ix
}

// addArticle records an article's live editions (newest first); with insert, it also places
// them in their lists.
func (ix *siteIndex) addArticle(lives []*pipeline.Live, insert bool) *articleLive {
	first := lives[0]
	a := &articleLive{id: first.ArticleID, slug: first.Slug, category: first.Category, newest: first.PublishedAt,
		byLang: map[pipeline.Lang]*pipeline.Live{}}
	for _, l := range lives {
		a.byLang[l.Lang] = l
		if insert {
			ix.insert(listKey{l.Lang, ""}, l)
			if a.category != "" {
				ix.insert(listKey{l.Lang, a.category}, l)
			}
		}
	}
	ix.articles[a.id] = a
	ix.bySlug[a.slug] = a
	ix.parts[a.id/sitemapPart]++
	return a
}

func (ix *siteIndex) removeArticle(id int64) {
	a := ix.articles[id]
	if a == nil {
		return
	}
	for _, l := range a.byLang {
		ix.remove(listKey{l.Lang, ""}, l)
		if a.category != "" {
			ix.remove(listKey{l.Lang, a.category}, l)
		}
	}
	delete(ix.articles, id)
	if ix.bySlug[a.slug] == a {
		delete(ix.bySlug, a.slug)
	}
	if ix.parts[id/sitemapPart]--; ix.parts[id/sitemapPart] <= 0 {
		delete(ix.parts, id/sitemapPart)
	}
}

func (ix *siteIndex) insert(k listKey, l *pipeline.Live) {
	list := ix.lists[k]
	i, _ := slices.BinarySearchFunc(list, l, archiveOrder)
	ix.lists[k] = slices.Insert(list, i, l)
}

func (ix *siteIndex) remove(k listKey, l *pipeline.Live) {
	list := ix.lists[k]
	if i, found := slices.BinarySearchFunc(list, l, archiveOrder); found {
		list = slices.Delete(list, i, i+1)
	}
	if len(list) == 0 {
		delete(ix.lists, k)
	} else {
		ix.lists[k] = list
	}
}

// position is where an edition first published as version first stands in a list.
func (ix *siteIndex) position(k listKey, first int64) int {
	list := ix.lists[k]
	i, _ := slices.BinarySearchFunc(list, first, func(l *pipeline.Live, first int64) int {
		return cmp.Compare(l.FirstVersionID, first)
	})
	return i
}

// pages is how many archive pages a list of n editions has.
func pages(n int) int { return (n + pageSize - 1) / pageSize }

// newest returns up to n editions of a list, newest first.
func newest(list []*pipeline.Live, n int) []*pipeline.Live {
	out := make([]*pipeline.Live, 0, n+1)
	for _, l := range list {
		if len(out) == n && newestFirst(l, out[n-1]) >= 0 {
			continue
		}
		i, _ := slices.BinarySearchFunc(out, l, newestFirst)
		out = slices.Insert(out, i, l)
		if len(out) > n {
			out = out[:n]
		}
	}
	return out
}

// pastArticle is what a changed article showed before the changes.
type pastArticle struct {
	slug, category string
	live           map[pipeline.Lang]bool
}

// pastFromIndex reads the changed articles' previous state from an index not yet changed.
func (ix *siteIndex) pastFromIndex(d pipeline.SiteDelta) map[int64]*pastArticle {
	out := map[int64]*pastArticle{}
	for _, c := range d.Changes {
		if _, done := out[c.ArticleID]; done {
			continue
		}
		a := ix.articles[c.ArticleID]
		if a == nil {
			out[c.ArticleID] = nil
			continue
		}
		p := &pastArticle{slug: a.slug, category: a.category, live: map[pipeline.Lang]bool{}}
		for l := range a.byLang {
			p.live[l] = true
		}
		out[c.ArticleID] = p
	}
	return out
}

// pastFromChanges reconstructs the changed articles' previous state from the record alone: the
// first change of each thing holds its value before. It reports false when it cannot (an
// article deleted since, whose slug is gone).
func (ix *siteIndex) pastFromChanges(d pipeline.SiteDelta) (map[int64]*pastArticle, bool) {
	current := map[int64]pipeline.SiteArticle{}
	for _, a := range d.Articles {
		current[a.ID] = a
	}
	out := map[int64]*pastArticle{}
	seenLang := map[int64]map[pipeline.Lang]bool{}
	named := map[int64]bool{}
	for _, c := range d.Changes {
		p := out[c.ArticleID]
		if p == nil {
			cur, ok := current[c.ArticleID]
			if !ok {
				return nil, false
			}
			p = &pastArticle{slug: cur.Slug, category: cur.Category, live: map[pipeline.Lang]bool{}}
			if a := ix.articles[c.ArticleID]; a != nil {
				for l := range a.byLang {
					p.live[l] = true
				}
			}
			out[c.ArticleID] = p
			seenLang[c.ArticleID] = map[pipeline.Lang]bool{}
		}
		if c.Lang == "" {
			if !named[c.ArticleID] {
				named[c.ArticleID] = true
				p.slug, p.category = c.OldSlug, c.OldCategory
			}
			continue
		}
		if !seenLang[c.ArticleID][c.Lang] {
			seenLang[c.ArticleID][c.Lang] = true
			p.live[c.Lang] = c.WasLive
		}
	}
	return out, true
}

// apply brings the index to the delta's generation and returns the pages that changed.
func (ix *siteIndex) apply(d pipeline.SiteDelta) []string {
	past := ix.pastFromIndex(d)
	byArticle := map[int64][]*pipeline.Live{}
	for i := range d.Live {
		l := &d.Live[i]
		byArticle[l.ArticleID] = append(byArticle[l.ArticleID], l)
	}
	for id := range past {
		ix.removeArticle(id)
		if lives := byArticle[id]; len(lives) > 0 {
			ix.addArticle(lives, true)
		}
	}
	ix.gen, ix.changedAt = d.Generation, d.ChangedAt
	return ix.affected(d, past)
}

// affected lists the pages (by path) that the changes of d may have changed, given the changed
// articles' previous state; the index is already at the new state. Pages listed may have
// disappeared (an article taken off the site).
func (ix *siteIndex) affected(d pipeline.SiteDelta, past map[int64]*pastArticle) []string {
	seen := map[string]bool{}
	var out []string
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	// Every front page: an empty one lists the other languages' articles.
	for _, l := range pipeline.Languages {
		add(frontKey(l))
	}
	add(sitemapIndexKey)
	add(sitemapHomeKey)
	type listChange struct {
		minPos     int
		added      int
		removed    int
		positions  []int
		membership bool
	}
	lists := map[listKey]*listChange{}
	touch := func(k listKey, pos int, was, is bool) {
		c := lists[k]
		if c == nil {
			c = &listChange{minPos: pos}
			lists[k] = c
		}
		c.minPos = min(c.minPos, pos)
		c.positions = append(c.positions, pos)
		if was != is {
			c.membership = true
			if is {
				c.added++
			} else {
				c.removed++
			}
		}
	}
	ids := make([]int64, 0, len(past))
	for id := range past {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		p, cur := past[id], ix.articles[id]
		add(sitemapPartKey(id / sitemapPart))
		for _, l := range pipeline.Languages {
			if p != nil {
				add(articleKey(l, p.slug))
			}
			if cur != nil {
				add(articleKey(l, cur.slug))
			}
		}
		for _, l := range pipeline.Languages {
			was := p != nil && p.live[l]
			is := cur != nil && cur.byLang[l] != nil
			if !was && !is {
				continue
			}
			add(feedKey(l))
			first := d.FirstVersions[id][l]
			if is {
				first = cur.byLang[l].FirstVersionID
			}
			cats := map[string]bool{"": true}
			if was && p.category != "" {
				cats[p.category] = true
			}
			if is && cur.category != "" {
				cats[cur.category] = true
			}
			for c := range cats {
				k := listKey{l, c}
				inOld := was && (c == "" || c == p.category)
				inNew := is && (c == "" || c == cur.category)
				touch(k, ix.position(k, first), inOld, inNew)
			}
		}
	}
	for k, c := range lists {
		if k.category != "" {
			add(categoryKey(k.lang, k.category))
		}
		n := len(ix.lists[k])
		if !c.membership {
			for _, pos := range c.positions {
				add(listPageKey(k, pos/pageSize+1))
			}
			continue
		}
		last := max(pages(n), pages(n-c.added+c.removed))
		for page := c.minPos/pageSize + 1; page <= last; page++ {
			add(listPageKey(k, page))
		}
	}
	return out
}

// Page paths, as readers request them (r.URL.Path, not escaped).
const (
	sitemapIndexKey = "/sitemap.xml"
	sitemapHomeKey  = "/sitemap-home.xml"
)

func sitemapPartKey(n int64) string { return "/sitemap-" + strconv.FormatInt(n, 10) + ".xml" }

func frontKey(l pipeline.Lang) string { return "/" + string(l) + "/" }

func feedKey(l pipeline.Lang) string { return "/" + string(l) + "/feed.atom" }

func articleKey(l pipeline.Lang, slug string) string { return "/" + string(l) + "/articles/" + slug }

func categoryKey(l pipeline.Lang, c string) string { return "/" + string(l) + "/categories/" + c }

func notFoundKey(l pipeline.Lang) string { return "\x00404/" + string(l) }

// listPageKey is archive page n of a list.
func listPageKey(k listKey, n int) string {
	if k.category == "" {
		return "/" + string(k.lang) + "/page/" + strconv.Itoa(n) + "/"
	}
	return categoryKey(k.lang, k.category) + "/page/" + strconv.Itoa(n)
}
