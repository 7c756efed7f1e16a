package web

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/gorilla/feeds"

	"github.com/tilmash/tilmash/pipeline"
	"github.com/tilmash/tilmash/publishing"
)

// buildFeed renders a language's Atom feed: its newest live editions, with their full text.
func (s *Server) buildFeed(b *siteBuild, lang pipeline.Lang, lives []*publishing.Live, bodies map[int64]string) error {
	loc := s.localizer(lang)
	updated := b.changed
	if len(lives) > 0 {
		updated = lives[0].PublishedAt
	}
	f := &feeds.Feed{
		Title:    loc.T("site.name", nil) + " — " + loc.T("reader.index.title", nil),
		Link:     &feeds.Link{Href: s.abs(indexPath(lang, 1))},
		Subtitle: loc.T("site.tagline", nil),
		Id:       s.abs(feedPath(lang)),
		Updated:  updated,
	}
	for _, v := range lives[:min(len(lives), feedSize)] {
		item := &feeds.Item{
			Title:   v.Title,
			Link:    &feeds.Link{Href: s.abs(articlePath(lang, v.Slug))},
			Id:      s.abs(articlePath(lang, v.Slug)),
			Updated: v.PublishedAt,
			Created: v.PublishedAt,
			Content: bodies[v.VersionID],
		}
		if v.Byline != "" {
			item.Author = &feeds.Author{Name: v.Byline}
		}
		f.Items = append(f.Items, item)
	}
	atom, err := f.ToAtom()
	if err != nil {
		return fmt.Errorf("atom feed %s: %w", lang, err)
	}
	// gorilla/feeds has no field for the feed's language; Atom carries it as xml:lang on <feed>.
	atom = strings.Replace(atom, "<feed ", `<feed xml:lang="`+lang.BCP47()+`" `, 1)
	b.pages[feedPath(lang)] = &builtPage{status: 200, contentType: "application/atom+xml; charset=utf-8",
		lang: lang, body: []byte(atom), modTime: updated}
	return nil
}

// buildSitemap lists every live edition and every front page, each with its language alternates
// (xhtml:link), which are reciprocal by construction: every edition lists the same set.
func (s *Server) buildSitemap(articles []*articleLive, changed time.Time) (*builtPage, error) {
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
	var fronts []altLink
	for _, l := range pipeline.Languages {
		fronts = append(fronts, altLink{Hreflang: l.BCP47(), URL: s.abs(indexPath(l, 1))})
	}
	fronts = append(fronts, altLink{Hreflang: "x-default", URL: s.abs("/")})
	for _, l := range pipeline.Languages {
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
