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

// The public site is built whole from one snapshot of the live editions (pipeline.Snapshot),
// every time that snapshot's generation changes: article pages with their language switchers,
// the language index pages, category pages, feeds and the sitemap all come from the same
// snapshot, so no page ever links to an edition another page does not show. The same build feeds
// the in-memory cache (cache.go) and the static export (sitexport).

// pageSize is how many articles an index page lists.
const pageSize = 20

// feedSize is how many entries a language's feed carries.
const feedSize = 50

// switchItem is one language in the switcher.
type switchItem struct {
	Lang      pipeline.Lang
	Name      string
	URL       string
	Available bool
	Current   bool
}

// altLink is one hreflang alternate of a page.
type altLink struct {
	Hreflang string
	URL      string
}

// page is what every reader template receives.
type page struct {
	Lang       pipeline.Lang
	T          *kit.Localizer
	Title      string // <title> and og:title
	Canonical  string // absolute
	OGType     string
	OGLocale   string
	OGAltLocs  []string
	Alternates []altLink // published languages only, plus x-default
	FeedURL    string
	Switcher   []switchItem
	Status     int

	// Article page.
	Live     *pipeline.Live
	Body     template.HTML
	Date     string
	DateISO  string
	Outdated bool
	// Elsewhere: on an empty front page, articles published in other languages.
	Elsewhere []indexItem
	// MachineText: tell the reader that the translation holds unedited machine translation.
	MachineText bool
	Category    *categoryLink

	// Index and category pages.
	Heading  string
	Items    []indexItem
	NewerURL string
	OlderURL string
	// On "not available": the languages the article can be read in.
	Available []switchItem
}

type categoryLink struct {
	Name, URL string
}

type indexItem struct {
	Title, URL, Date, DateISO, Byline string
	Category                          *categoryLink
	// With an item from another language (a front page with nothing of its own yet): that
	// language, for the lang attribute and the reader's label.
	ItemLang     pipeline.Lang
	ItemLangName string
}

// builtPage is one rendered page of the site, before compression.
type builtPage struct {
	status      int
	contentType string
	lang        pipeline.Lang // "" for pages in no particular language
	body        []byte
	modTime     time.Time
}

// siteBuild is every page of one generation, by URL path, plus the not-found page of each language.
type siteBuild struct {
	gen      int64
	changed  time.Time
	pages    map[string]*builtPage
	notFound map[pipeline.Lang]*builtPage
}

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

// ogLocale is the Open Graph locale of a language.
func ogLocale(l pipeline.Lang) string {
	switch l {
	case pipeline.Russian:
		return "ru_RU"
	case pipeline.Kazakh:
		return "kk_KZ"
	case pipeline.Chinese:
		return "zh_CN"
	}
	return "en_US"
}

func articlePath(l pipeline.Lang, slug string) string {
	return "/" + string(l) + "/articles/" + url.PathEscape(slug)
}

func indexPath(l pipeline.Lang, n int) string {
	if n <= 1 {
		return "/" + string(l) + "/"
	}
	return "/" + string(l) + "/page/" + strconv.Itoa(n) + "/"
}

func categoryPath(l pipeline.Lang, category string) string {
	return "/" + string(l) + "/categories/" + url.PathEscape(category)
}

func feedPath(l pipeline.Lang) string { return "/" + string(l) + "/feed.atom" }

// categoryName is the category of a live version as readers of its language see it: the name
// editors gave it in that language, else its translation when the message files have one
// (category.SLUG), else the slug itself.
func categoryName(loc *kit.Localizer, l *pipeline.Live) string {
	if l.CategoryName != "" {
		return l.CategoryName
	}
	id := "category." + l.Category
	if t := loc.T(id, nil); t != id {
		return t
	}
	return l.Category
}

// buildSite renders every public page from one snapshot. bodies holds the HTML of the versions
// in the snapshot.
func (s *Site) buildSite(snap pipeline.Snapshot, bodies map[int64]string) (*siteBuild, error) {
	b := &siteBuild{gen: snap.Generation, changed: snap.ChangedAt, pages: map[string]*builtPage{},
		notFound: map[pipeline.Lang]*builtPage{}}
	var articles []*articleLive
	byID := map[int64]*articleLive{}
	for i := range snap.Live {
		l := &snap.Live[i]
		a := byID[l.ArticleID]
		if a == nil {
			a = &articleLive{id: l.ArticleID, slug: l.Slug, category: l.Category, newest: l.PublishedAt,
				byLang: map[pipeline.Lang]*pipeline.Live{}}
			byID[l.ArticleID] = a
			articles = append(articles, a)
		}
		a.byLang[l.Lang] = l
	}
	for _, a := range articles {
		if err := s.buildArticle(b, a, bodies); err != nil {
			return nil, err
		}
	}
	for _, lang := range pipeline.Languages {
		var lives []*pipeline.Live
		for i := range snap.Live {
			if snap.Live[i].Lang == lang {
				lives = append(lives, &snap.Live[i])
			}
		}
		if err := s.buildIndexes(b, lang, lives, snap.Live); err != nil {
			return nil, err
		}
		if err := s.buildFeed(b, lang, lives, bodies); err != nil {
			return nil, err
		}
		p := s.newPage(lang)
		p.Title = p.T.T("reader.not_found.title", nil)
		p.Status = 404
		p.Switcher = s.homeSwitcher(lang)
		nf, err := s.renderPage("notfound.html", p, b.changed)
		if err != nil {
			return nil, err
		}
		b.notFound[lang] = nf
	}
	sm, err := s.buildSitemap(articles, b.changed)
	if err != nil {
		return nil, err
	}
	b.pages["/sitemap.xml"] = sm
	if err := s.addStatic(b); err != nil {
		return nil, err
	}
	return b, nil
}

func (s *Site) newPage(lang pipeline.Lang) *page {
	return &page{Lang: lang, T: s.Localizer(lang), OGType: "website", OGLocale: ogLocale(lang),
		FeedURL: feedPath(lang)}
}

// homeSwitcher offers every language's front page.
func (s *Site) homeSwitcher(lang pipeline.Lang) []switchItem {
	var out []switchItem
	for _, l := range pipeline.Languages {
		out = append(out, switchItem{Lang: l, Name: l.NativeName(), URL: indexPath(l, 1), Available: true, Current: l == lang})
	}
	return out
}

// buildArticle renders an article's page in every language: the edition where it is live, and a
// "not available in this language" page, offering the live ones, where it is not.
func (s *Site) buildArticle(b *siteBuild, a *articleLive, bodies map[int64]string) error {
	live := a.langs()
	xDefault := live[0]
	if a.byLang[pipeline.English] != nil {
		xDefault = pipeline.English
	}
	for _, lang := range pipeline.Languages {
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
				p.Category = &categoryLink{Name: categoryName(p.T, v), URL: categoryPath(lang, a.category)}
			}
		}
		bp, err := s.renderPage(name, p, a.newest)
		if err != nil {
			return err
		}
		b.pages[articlePath(lang, a.slug)] = bp
	}
	return nil
}

// buildIndexes renders a language's front page with its older pages, and its category pages.
// A front page with nothing published in its language yet lists what is published in the others,
// so that a reader sent there is never at a dead end.
func (s *Site) buildIndexes(b *siteBuild, lang pipeline.Lang, lives []*pipeline.Live, all []pipeline.Live) error {
	loc := s.Localizer(lang)
	var elsewhere []indexItem
	if len(lives) == 0 {
		elsewhere = elsewhereItems(lang, all)
	}
	if err := s.buildList(b, lang, lives, loc.T("reader.index.title", nil), indexPath, true, elsewhere); err != nil {
		return err
	}
	cats := map[string][]*pipeline.Live{}
	var names []string
	for _, l := range lives {
		if l.Category == "" {
			continue
		}
		if cats[l.Category] == nil {
			names = append(names, l.Category)
		}
		cats[l.Category] = append(cats[l.Category], l)
	}
	for _, c := range names {
		heading := loc.T("reader.category.title", map[string]any{"Category": categoryName(loc, cats[c][0])})
		pathFor := func(l pipeline.Lang, n int) string {
			if n <= 1 {
				return categoryPath(l, c)
			}
			return categoryPath(l, c) + "/page/" + strconv.Itoa(n)
		}
		if err := s.buildList(b, lang, cats[c], heading, pathFor, false, nil); err != nil {
			return err
		}
	}
	return nil
}

// elsewhereItems lists the newest articles published in languages other than lang, each once,
// in the first language in site order that has it.
func elsewhereItems(lang pipeline.Lang, all []pipeline.Live) []indexItem {
	first := map[int64]*pipeline.Live{}
	var order []int64
	for i := range all { // newest first
		v := &all[i]
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

// buildList renders a paginated list of articles, newest first; elsewhere goes on its first page
// (see elsewhereItems).
func (s *Site) buildList(b *siteBuild, lang pipeline.Lang, lives []*pipeline.Live, heading string,
	pathFor func(pipeline.Lang, int) string, front bool, elsewhere []indexItem) error {
	pages := max(1, (len(lives)+pageSize-1)/pageSize)
	for n := 1; n <= pages; n++ {
		p := s.newPage(lang)
		p.Heading = heading
		p.Title = heading
		if n > 1 {
			p.Title = p.T.T("reader.index.page_title", map[string]any{"Title": heading, "Page": n})
		}
		p.Canonical = s.abs(pathFor(lang, n))
		if front {
			p.Switcher = s.homeSwitcher(lang)
			if n == 1 {
				for _, l := range pipeline.Languages {
					p.Alternates = append(p.Alternates, altLink{Hreflang: l.BCP47(), URL: s.abs(indexPath(l, 1))})
					if l != lang {
						p.OGAltLocs = append(p.OGAltLocs, ogLocale(l))
					}
				}
				p.Alternates = append(p.Alternates, altLink{Hreflang: "x-default", URL: s.abs("/")})
			}
		} else {
			p.Switcher = s.homeSwitcher(lang)
		}
		if n > 1 {
			p.NewerURL = pathFor(lang, n-1)
		}
		if n < pages {
			p.OlderURL = pathFor(lang, n+1)
		}
		if n == 1 {
			p.Elsewhere = elsewhere
		}
		chunk := lives[(n-1)*pageSize : min(n*pageSize, len(lives))]
		mod := b.changed
		if len(chunk) > 0 {
			mod = chunk[0].PublishedAt
		}
		for _, v := range chunk {
			item := indexItem{Title: v.Title, URL: articlePath(lang, v.Slug), Date: kit.FormatDate(v.PublishedAt, lang),
				DateISO: v.PublishedAt.UTC().Format(time.RFC3339), Byline: v.Byline}
			if v.Category != "" && front {
				item.Category = &categoryLink{Name: categoryName(p.T, v), URL: categoryPath(lang, v.Category)}
			}
			p.Items = append(p.Items, item)
		}
		bp, err := s.renderPage("index.html", p, mod)
		if err != nil {
			return err
		}
		b.pages[pathFor(lang, n)] = bp
	}
	return nil
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

// addStatic puts the stylesheet and other static files in the build, so that they are cached,
// compressed and exported like the pages.
func (s *Site) addStatic(b *siteBuild) error {
	if s.static == nil {
		return nil
	}
	return fs.WalkDir(s.static, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(s.static, name)
		if err != nil {
			return err
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
		b.pages["/static/"+name] = &builtPage{status: 200, contentType: ct, body: data, modTime: s.started}
		return nil
	})
}

// abs makes a site path absolute with the configured public address.
func (s *Site) abs(p string) string { return s.BaseURL + p }

// readerTemplates parses the reader site's templates into a set of their own.
func (s *Site) readerTemplates() (*template.Template, error) {
	return template.New("").Funcs(s.templateFuncs()).ParseFS(templateFS, "templates/*.html")
}

func (s *Site) templateFuncs() template.FuncMap {
	funcs := kit.Funcs()
	funcs["year"] = func() int { return s.started.Year() }
	return funcs
}

// loadSite reads a snapshot and the bodies it needs, reusing the bodies of versions already seen:
// versions are immutable.
func (s *Site) loadSite(ctx context.Context, known map[int64]string) (pipeline.Snapshot, map[int64]string, error) {
	snap, err := s.store.LoadSnapshot(ctx)
	if err != nil {
		return snap, nil, err
	}
	bodies := make(map[int64]string, len(snap.Live))
	var missing []int64
	for _, l := range snap.Live {
		if h, ok := known[l.VersionID]; ok {
			bodies[l.VersionID] = h
		} else {
			missing = append(missing, l.VersionID)
		}
	}
	slices.Sort(missing)
	got, err := s.store.FindVersionHTML(ctx, missing)
	if err != nil {
		return snap, nil, err
	}
	for id, h := range got {
		bodies[id] = h
	}
	return snap, bodies, nil
}

// langOfPath returns the language a site path belongs to, from its first segment.
func langOfPath(p string) (pipeline.Lang, bool) {
	seg, _, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/")
	l := pipeline.Lang(seg)
	return l, l.Valid()
}
