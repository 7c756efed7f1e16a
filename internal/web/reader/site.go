package reader

import (
	"html/template"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/tilmash/tilmash/internal/web/kit"
	"github.com/tilmash/tilmash/pipeline"
)

// Every page of the public site is rendered from the site's index (index.go) by its path
// (render.go): article pages with their language switchers, the language front and archive
// pages, category pages, feeds and the sitemap. Pages are rendered when first asked for after a
// change, and the same renderer feeds the page cache (cache.go) and the static export
// (export.go).

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

// categoryName is a category as readers of lang see it: its translation when the message files
// have one (category.NAME), the editors' own word otherwise.
func categoryName(loc *kit.Localizer, category string) string {
	id := "category." + category
	if t := loc.T(id, nil); t != id {
		return t
	}
	return category
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

// langOfPath returns the language a site path belongs to, from its first segment.
func langOfPath(p string) (pipeline.Lang, bool) {
	seg, _, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/")
	l := pipeline.Lang(seg)
	return l, l.Valid()
}
