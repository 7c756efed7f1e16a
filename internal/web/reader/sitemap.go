package reader

import (
	"bytes"
	"slices"
	"strings"
	"time"

	"github.com/tilmash/tilmash/pipeline"
)

// The sitemap is a sitemap index (/sitemap.xml) of parts: the front pages (/sitemap-home.xml)
// and the live editions by article ID, sitemapPart articles a part (/sitemap-N.xml), so that a
// publication changes one part and the index, whatever the size of the site.

const sitemapHead = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"

func xmlPage(buf *bytes.Buffer, mod time.Time) *builtPage {
	return &builtPage{status: 200, contentType: "application/xml; charset=utf-8", body: buf.Bytes(), modTime: mod}
}

// sitemapIndex lists the parts with something in them.
func (s *Site) sitemapIndex(ix *siteIndex) *builtPage {
	var buf bytes.Buffer
	buf.WriteString(sitemapHead + `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	buf.WriteString("<sitemap><loc>" + xmlEscape(s.abs(sitemapHomeKey)) + "</loc></sitemap>\n")
	parts := make([]int64, 0, len(ix.parts))
	for n := range ix.parts {
		parts = append(parts, n)
	}
	slices.Sort(parts)
	for _, n := range parts {
		buf.WriteString("<sitemap><loc>" + xmlEscape(s.abs(sitemapPartKey(n))) + "</loc></sitemap>\n")
	}
	buf.WriteString("</sitemapindex>\n")
	return xmlPage(&buf, ix.changedAt)
}

// urlset writes sitemap entries with their language alternates (xhtml:link).
type urlset struct{ buf bytes.Buffer }

func newURLSet() *urlset {
	u := &urlset{}
	u.buf.WriteString(sitemapHead +
		`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	return u
}

func (u *urlset) url(loc string, mod time.Time, alts []altLink) {
	u.buf.WriteString("<url><loc>" + xmlEscape(loc) + "</loc>")
	if !mod.IsZero() {
		u.buf.WriteString("<lastmod>" + mod.UTC().Format(time.RFC3339) + "</lastmod>")
	}
	for _, a := range alts {
		u.buf.WriteString(`<xhtml:link rel="alternate" hreflang="` + a.Hreflang + `" href="` + xmlEscape(a.URL) + `"/>`)
	}
	u.buf.WriteString("</url>\n")
}

func (u *urlset) page(mod time.Time) *builtPage {
	u.buf.WriteString("</urlset>\n")
	return xmlPage(&u.buf, mod)
}

// sitemapHome lists the front pages of the languages that have something published: an empty
// one is not a page worth indexing.
func (s *Site) sitemapHome(ix *siteIndex) *builtPage {
	u := newURLSet()
	var fronts []altLink
	var withContent []pipeline.Lang
	for _, l := range pipeline.Languages {
		if len(ix.lists[listKey{l, ""}]) > 0 {
			withContent = append(withContent, l)
			fronts = append(fronts, altLink{Hreflang: l.BCP47(), URL: s.abs(indexPath(l, 1))})
		}
	}
	if len(fronts) > 1 {
		fronts = append(fronts, altLink{Hreflang: "x-default", URL: s.abs("/")})
	} else {
		fronts = nil
	}
	for _, l := range withContent {
		u.url(s.abs(indexPath(l, 1)), ix.changedAt, fronts)
	}
	return u.page(ix.changedAt)
}

// sitemapPart lists the live editions of the articles of part n, each with its language
// alternates, which are reciprocal by construction: every edition lists the same set.
func (s *Site) sitemapPart(ix *siteIndex, n int64) *builtPage {
	var articles []*articleLive
	for id := n * sitemapPart; id < (n+1)*sitemapPart; id++ {
		if a := ix.articles[id]; a != nil {
			articles = append(articles, a)
		}
	}
	u := newURLSet()
	for _, a := range articles {
		live := a.langs()
		var alts []altLink
		for _, l := range live {
			alts = append(alts, altLink{Hreflang: l.BCP47(), URL: s.abs(articlePath(l, a.slug))})
		}
		if len(live) > 1 {
			xd := live[0]
			if a.byLang[pipeline.English] != nil {
				xd = pipeline.English
			}
			alts = append(alts, altLink{Hreflang: "x-default", URL: s.abs(articlePath(xd, a.slug))})
		} else {
			alts = nil // a single language has no alternates
		}
		for _, l := range live {
			u.url(s.abs(articlePath(l, a.slug)), a.byLang[l].PublishedAt, alts)
		}
	}
	return u.page(ix.changedAt)
}

var xmlReplacer = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&apos;")

func xmlEscape(s string) string { return xmlReplacer.Replace(s) }
