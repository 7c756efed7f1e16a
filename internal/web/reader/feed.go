package reader

import (
	"context"
	"fmt"
	"strings"

	"github.com/gorilla/feeds"

	"github.com/tilmash/tilmash/pipeline"
)

// feed renders a language's Atom feed: its newest live editions (feedSize), with their full text.
func (r *renderer) feed(ctx context.Context, lang pipeline.Lang) (*builtPage, error) {
	s := r.s
	lives := newest(r.ix.lists[listKey{lang, ""}], feedSize)
	ids := make([]int64, len(lives))
	for i, v := range lives {
		ids[i] = v.VersionID
	}
	bodies, err := r.body(ctx, ids...)
	if err != nil {
		return nil, err
	}
	loc := s.Localizer(lang)
	updated := r.ix.changedAt
	if len(lives) > 0 {
		updated = lives[0].PublishedAt
	}
	f := &feeds.Feed{
		Title:    loc.T("site.name", nil) + " — " + loc.T("reader.index.title", nil),
		Link:     &feeds.Link{Href: s.abs(indexPath(lang, 1))},
		Subtitle: loc.T("site.tagline", nil),
		Id:       s.abs(feedPath(lang)),
		Updated:  updated,
		// RFC 4287 wants an author for every entry; the site is the feed's author, and entries
		// with a byline name their own.
		Author: &feeds.Author{Name: loc.T("site.name", nil)},
	}
	for _, v := range lives {
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
		return nil, fmt.Errorf("atom feed %s: %w", lang, err)
	}
	// gorilla/feeds has no field for the feed's language; Atom carries it as xml:lang on <feed>.
	atom = strings.Replace(atom, "<feed ", `<feed xml:lang="`+lang.BCP47()+`" `, 1)
	// Nor for rel="self", which RFC 4287 recommends: the feed's own address, after <feed …>.
	self := `<link href="` + xmlEscape(s.abs(feedPath(lang))) + `" rel="self" type="application/atom+xml"></link>`
	if i := strings.Index(atom, "<feed "); i >= 0 {
		if j := strings.Index(atom[i:], ">"); j >= 0 {
			atom = atom[:i+j+1] + self + atom[i+j+1:]
		}
	}
	return &builtPage{status: 200, contentType: "application/atom+xml; charset=utf-8",
		lang: lang, body: []byte(atom), modTime: updated}, nil
}
