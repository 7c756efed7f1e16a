package reader

import (
	"bytes"
	"strings"
	"time"

	"github.com/tilmash/tilmash/pipeline"
)

// buildSitemap lists every live edition and every front page with something on it, each with its language alternates
// (xhtml:link), which are reciprocal by construction: every edition lists the same set.
func (s *Site) buildSitemap(articles []*articleLive, changed time.Time) (*builtPage, error) {
	var buf bytes.Buffer
	buf.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	url := func(loc string, mod time.Time, alts []altLink) {
		buf.WriteString("<url><loc>" + xmlEscape(loc) + "</loc>")
		if !mod.IsZero() {
			buf.WriteString("<lastmod>" + mod.UTC().Format(time.RFC3339) + "</lastmod>")
		}
		for _, a := range alts {
			buf.WriteString(`<xhtml:link rel="alternate" hreflang="` + a.Hreflang + `" href="` + xmlEscape(a.URL) + `"/>`)
		}
		buf.WriteString("</url>\n")
	}
	// Front pages are listed for the languages that have something published: an empty one is
	// not a page worth indexing.
	var fronts []altLink
	var withContent []pipeline.Lang
	for _, l := range pipeline.Languages {
		for _, a := range articles {
			if a.byLang[l] != nil {
				withContent = append(withContent, l)
				break
			}
		}
	}
	for _, l := range withContent {
		fronts = append(fronts, altLink{Hreflang: l.BCP47(), URL: s.abs(indexPath(l, 1))})
	}
	if len(fronts) > 1 {
		fronts = append(fronts, altLink{Hreflang: "x-default", URL: s.abs("/")})
	} else {
		fronts = nil
	}
	for _, l := range withContent {
		url(s.abs(indexPath(l, 1)), changed, fronts)
	}
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
			url(s.abs(articlePath(l, a.slug)), a.byLang[l].PublishedAt, alts)
		}
	}
	buf.WriteString("</urlset>\n")
	return &builtPage{status: 200, contentType: "application/xml; charset=utf-8", body: buf.Bytes(), modTime: changed}, nil
}

var xmlReplacer = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&apos;")

func xmlEscape(s string) string { return xmlReplacer.Replace(s) }
