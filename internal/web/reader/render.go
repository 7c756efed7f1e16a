package reader

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// renderer renders pages from one index. bodies holds version bodies already read (a whole
// export reads them by batches); others are read from the store one page at a time.
type renderer struct {
	s      *Site
	ix     *siteIndex
	bodies map[int64]string
}

// body returns the HTML of the given versions.
func (r *renderer) body(ctx context.Context, ids ...int64) (map[int64]string, error) {
	out := make(map[int64]string, len(ids))
	var missing []int64
	for _, id := range ids {
		if h, ok := r.bodies[id]; ok {
			out[id] = h
		} else {
			missing = append(missing, id)
		}
	}
	if len(missing) == 0 {
		return out, nil
	}
	got, err := r.s.store.FindVersionHTML(ctx, missing)
	if err != nil {
		return nil, err
	}
	for id, h := range got {
		out[id] = h
	}
	return out, nil
}

// render renders the page at path (as requested, not escaped), or returns nil when the site has
// no such page.
func (r *renderer) render(ctx context.Context, p string) (*builtPage, error) {
	switch {
	case p == sitemapIndexKey:
		return r.s.sitemapIndex(r.ix), nil
	case p == sitemapHomeKey:
		return r.s.sitemapHome(r.ix), nil
	case strings.HasPrefix(p, "/sitemap-") && strings.HasSuffix(p, ".xml"):
		n, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimPrefix(p, "/sitemap-"), ".xml"), 10, 64)
		if err != nil || n < 0 || r.ix.parts[n] == 0 || p != sitemapPartKey(n) {
			return nil, nil
		}
		return r.s.sitemapPart(r.ix, n), nil
	case strings.HasPrefix(p, "/static/"):
		return r.s.staticFile(strings.TrimPrefix(p, "/static/"))
	case strings.HasPrefix(p, "\x00404/"):
		return r.s.notFoundPage(r.ix, pipeline.Lang(strings.TrimPrefix(p, "\x00404/")))
	}
	lang, ok := langOfPath(p)
	if !ok {
		return nil, nil
	}
	rest := strings.TrimPrefix(p, "/"+string(lang))
	switch {
	case rest == "/":
		return r.s.listPage(r.ix, listKey{lang, ""}, 0)
	case rest == "/feed.atom":
		return r.feed(ctx, lang)
	case strings.HasPrefix(rest, "/page/") && strings.HasSuffix(rest, "/"):
		n, ok := pageNumber(strings.TrimSuffix(strings.TrimPrefix(rest, "/page/"), "/"))
		if !ok {
			return nil, nil
		}
		return r.s.listPage(r.ix, listKey{lang, ""}, n)
	case strings.HasPrefix(rest, "/articles/"):
		a := r.ix.bySlug[strings.TrimPrefix(rest, "/articles/")]
		if a == nil {
			return nil, nil
		}
		return r.article(ctx, a, lang)
	case strings.HasPrefix(rest, "/categories/"):
		c, pg, paged := strings.Cut(strings.TrimPrefix(rest, "/categories/"), "/page/")
		n := 0
		if paged {
			if n, ok = pageNumber(pg); !ok {
				return nil, nil
			}
		}
		if c == "" || strings.Contains(c, "/") || len(r.ix.lists[listKey{lang, c}]) == 0 {
			return nil, nil
		}
		return r.s.listPage(r.ix, listKey{lang, c}, n)
	}
	return nil, nil
}

// pageNumber reads an archive page number as written in its canonical form.
func pageNumber(s string) (int, bool) {
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 1 && strconv.Itoa(n) == s
}

// article renders an article's page in one language: the edition when it is live there, and a
// "not available in this language" page, offering the live ones, when it is not.
func (r *renderer) article(ctx context.Context, a *articleLive, lang pipeline.Lang) (*builtPage, error) {
	s := r.s
	live := a.langs()
	xDefault := live[0]
	if a.byLang[pipeline.English] != nil {
		xDefault = pipeline.English
	}
	p := s.newPage(lang)
	for _, l := range pipeline.Languages {
		item := switchItem{Lang: l, Name: l.NativeName(), URL: articlePath(l, a.slug), Available: a.byLang[l] != nil, Current: l == lang}
		p.Switcher = append(p.Switcher, item)
		if item.Available && l != lang {
			p.Available = append(p.Available, item)
		}
	}
	for _, l := range live {
		p.Alternates = append(p.Alternates, altLink{Hreflang: l.BCP47(), URL: s.abs(articlePath(l, a.slug))})
		if l != lang {
			p.OGAltLocs = append(p.OGAltLocs, ogLocale(l))
		}
	}
	p.Alternates = append(p.Alternates, altLink{Hreflang: "x-default", URL: s.abs(articlePath(xDefault, a.slug))})
	v := a.byLang[lang]
	name := "article.html"
	if v == nil {
		p.Title = p.T.T("reader.not_available.title", nil)
		p.Status = 404
		p.Alternates = nil // a page that is not there has no alternates of its own
		p.OGAltLocs = nil
		name = "unavailable.html"
	} else {
		bodies, err := r.body(ctx, v.VersionID)
		if err != nil {
			return nil, err
		}
		p.Live = v
		p.Title = v.Title
		p.OGType = "article"
		p.Canonical = s.abs(articlePath(lang, a.slug))
		p.Body = template.HTML(bodies[v.VersionID]) //nolint:gosec // rendered by pipeline.Render, which escapes every text
		p.Date = kit.FormatDate(v.PublishedAt, lang)
		p.DateISO = v.PublishedAt.UTC().Format(time.RFC3339)
		p.Outdated = v.Outdated
		p.MachineText = s.markMachineText && v.MachineText > 0
		if a.category != "" {
			p.Category = &categoryLink{Name: categoryName(p.T, a.category), URL: categoryPath(lang, a.category)}
		}
	}
	return s.renderPage(name, p, r.ix.changedAt)
}

// listPage renders a list's first page (n = 0: the newest editions; the language's front page or
// the category's page) or its archive page n (numbered from the oldest). A front page with
// nothing published in its language yet lists what is published in the others, so that a reader
// sent there is never at a dead end.
func (s *Site) listPage(ix *siteIndex, k listKey, n int) (*builtPage, error) {
	list := ix.lists[k]
	last := pages(len(list))
	if n > last {
		return nil, nil
	}
	lang := k.lang
	p := s.newPage(lang)
	front := k.category == ""
	heading := p.T.T("reader.index.title", nil)
	if !front {
		heading = p.T.T("reader.category.title", map[string]any{"Category": categoryName(p.T, k.category)})
	}
	p.Heading, p.Title = heading, heading
	p.Switcher = s.homeSwitcher(lang)
	var items []*pipeline.Live
	if n == 0 {
		items = newest(list, pageSize)
		first := frontKey(lang)
		if !front {
			first = categoryKey(lang, k.category)
		}
		p.Canonical = s.abs(escapePath(first))
		if len(list) > pageSize {
			p.OlderURL = escapePath(listPageKey(k, last))
		}
		if front {
			for _, l := range pipeline.Languages {
				p.Alternates = append(p.Alternates, altLink{Hreflang: l.BCP47(), URL: s.abs(indexPath(l, 1))})
				if l != lang {
					p.OGAltLocs = append(p.OGAltLocs, ogLocale(l))
				}
			}
			p.Alternates = append(p.Alternates, altLink{Hreflang: "x-default", URL: s.abs("/")})
			if len(list) == 0 {
				p.Elsewhere = elsewhereItems(ix, lang)
			}
		}
	} else {
		p.Title = p.T.T("reader.index.page_title", map[string]any{"Title": heading, "Page": n})
		p.Canonical = s.abs(escapePath(listPageKey(k, n)))
		items = slices.Clone(list[(n-1)*pageSize : min(n*pageSize, len(list))])
		slices.SortFunc(items, newestFirst)
		if n < last {
			p.NewerURL = escapePath(listPageKey(k, n+1))
		} else if front {
			p.NewerURL = indexPath(lang, 1)
		} else {
			p.NewerURL = categoryPath(lang, k.category)
		}
		if n > 1 {
			p.OlderURL = escapePath(listPageKey(k, n-1))
		}
	}
	for _, v := range items {
		item := indexItem{Title: v.Title, URL: articlePath(lang, v.Slug), Date: kit.FormatDate(v.PublishedAt, lang),
			DateISO: v.PublishedAt.UTC().Format(time.RFC3339), Byline: v.Byline}
		if v.Category != "" && front {
			item.Category = &categoryLink{Name: categoryName(p.T, v.Category), URL: categoryPath(lang, v.Category)}
		}
		p.Items = append(p.Items, item)
	}
	return s.renderPage("index.html", p, ix.changedAt)
}

// escapePath escapes the segments of a page path for a link.
func escapePath(p string) string {
	segs := strings.Split(p, "/")
	for i, seg := range segs {
		segs[i] = url.PathEscape(seg)
	}
	return strings.Join(segs, "/")
}

// elsewhereItems lists the newest articles published in languages other than lang, each once,
// in the first language in site order that has it.
func elsewhereItems(ix *siteIndex, lang pipeline.Lang) []indexItem {
	var all []*pipeline.Live
	for _, l := range pipeline.Languages {
		if l != lang {
			all = append(all, newest(ix.lists[listKey{l, ""}], pageSize)...)
		}
	}
	slices.SortFunc(all, newestFirst)
	first := map[int64]*pipeline.Live{}
	var order []int64
	for _, v := range all {
		cur, seen := first[v.ArticleID]
		if !seen {
			order = append(order, v.ArticleID)
		}
		if !seen || slices.Index(pipeline.Languages, v.Lang) < slices.Index(pipeline.Languages, cur.Lang) {
			first[v.ArticleID] = v
		}
	}
	var out []indexItem
	for _, id := range order[:min(len(order), pageSize)] {
		v := first[id]
		out = append(out, indexItem{Title: v.Title, URL: articlePath(v.Lang, v.Slug), Date: kit.FormatDate(v.PublishedAt, lang),
			DateISO: v.PublishedAt.UTC().Format(time.RFC3339), Byline: v.Byline, ItemLang: v.Lang, ItemLangName: v.Lang.NativeName()})
	}
	return out
}

// notFoundPage renders a language's "page not found".
func (s *Site) notFoundPage(ix *siteIndex, lang pipeline.Lang) (*builtPage, error) {
	if !lang.Valid() {
		return nil, nil
	}
	p := s.newPage(lang)
	p.Title = p.T.T("reader.not_found.title", nil)
	p.Status = 404
	p.Switcher = s.homeSwitcher(lang)
	return s.renderPage("notfound.html", p, ix.changedAt)
}

// renderPage executes a reader template.
func (s *Site) renderPage(name string, p *page, mod time.Time) (*builtPage, error) {
	var buf bytes.Buffer
	if err := s.pages.ExecuteTemplate(&buf, name, p); err != nil {
		return nil, fmt.Errorf("render %s: %w", name, err)
	}
	status := p.Status
	if status == 0 {
		status = 200
	}
	return &builtPage{status: status, contentType: "text/html; charset=utf-8", lang: p.Lang, body: buf.Bytes(), modTime: mod}, nil
}

// staticFile serves the stylesheet and other static files like pages, so that they are cached,
// compressed and exported with them.
func (s *Site) staticFile(name string) (*builtPage, error) {
	if s.static == nil || !fs.ValidPath(name) {
		return nil, nil
	}
	data, err := fs.ReadFile(s.static, name)
	if err != nil {
		return nil, nil //nolint:nilerr // no such file: not a page
	}
	ct := "application/octet-stream"
	switch path.Ext(name) {
	case ".css":
		ct = "text/css; charset=utf-8"
	case ".js":
		ct = "text/javascript; charset=utf-8"
	case ".svg":
		ct = "image/svg+xml"
	case ".ico":
		ct = "image/x-icon"
	}
	return &builtPage{status: 200, contentType: ct, body: data, modTime: s.started}, nil
}

// staticNames lists the static files.
func (s *Site) staticNames() ([]string, error) {
	if s.static == nil {
		return nil, nil
	}
	var out []string
	err := fs.WalkDir(s.static, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		out = append(out, name)
		return nil
	})
	return out, err
}
