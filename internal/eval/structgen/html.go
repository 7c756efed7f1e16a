package structgen

import (
	"fmt"
	"html"
	"math/rand/v2"
	"strings"
)

// noteShape writes a footnote reference and the note it points at, as one kind of site does.
type noteShape struct {
	ref  func(n int) string
	list func(notes []string, esc func(string) string) string
}

// noteShapes: the tune split sees the first five, the held-out split the last four (two shared),
// so that held-out pages carry class names and ids never tuned on.
var noteShapes = []noteShape{
	{ // kramdown / Jekyll
		ref: func(n int) string {
			return fmt.Sprintf(`<sup id="fnref:%d" role="doc-noteref"><a href="#fn:%d" class="footnote" rel="footnote">%d</a></sup>`, n, n, n)
		},
		list: func(notes []string, esc func(string) string) string {
			var b strings.Builder
			b.WriteString(`<div class="footnotes" role="doc-endnotes"><ol>`)
			for i, t := range notes {
				fmt.Fprintf(&b, `<li id="fn:%d" role="doc-endnote"><p>%s&nbsp;<a href="#fnref:%d" class="reversefootnote" role="doc-backlink">&#8617;</a></p></li>`, i+1, esc(t), i+1)
			}
			b.WriteString(`</ol></div>`)
			return b.String()
		},
	},
	{ // Wikipedia-like
		ref: func(n int) string {
			return fmt.Sprintf(`<sup id="cite_ref-%d" class="reference"><a href="#cite_note-%d">[%d]</a></sup>`, n, n, n)
		},
		list: func(notes []string, esc func(string) string) string {
			var b strings.Builder
			b.WriteString(`<h2>References</h2><ol class="references">`)
			for i, t := range notes {
				fmt.Fprintf(&b, `<li id="cite_note-%d"><span class="mw-cite-backlink"><b><a href="#cite_ref-%d">^</a></b></span> <span class="reference-text">%s</span></li>`, i+1, i+1, esc(t))
			}
			b.WriteString(`</ol>`)
			return b.String()
		},
	},
	{ // a bare link in brackets, notes as paragraphs with a link back
		ref: func(n int) string {
			return fmt.Sprintf(`<a href="#note%d" id="ref%d">[%d]</a>`, n, n, n)
		},
		list: func(notes []string, esc func(string) string) string {
			var b strings.Builder
			b.WriteString(`<hr><div>`)
			for i, t := range notes {
				fmt.Fprintf(&b, `<p id="note%d"><a href="#ref%d">[%d]</a> %s</p>`, i+1, i+1, i+1, esc(t))
			}
			b.WriteString(`</div>`)
			return b.String()
		},
	},
	{ // Substack-like
		ref: func(n int) string {
			return fmt.Sprintf(`<a class="footnote-anchor" id="footnote-anchor-%d" href="#footnote-%d" target="_self">%d</a>`, n, n, n)
		},
		list: func(notes []string, esc func(string) string) string {
			var b strings.Builder
			for i, t := range notes {
				fmt.Fprintf(&b, `<div class="footnote"><a id="footnote-%d" href="#footnote-anchor-%d" class="footnote-number" contenteditable="false" target="_self">%d</a><div class="footnote-content"><p>%s</p></div></div>`, i+1, i+1, i+1, esc(t))
			}
			return b.String()
		},
	},
	{ // pandoc
		ref: func(n int) string {
			return fmt.Sprintf(`<a href="#fn%d" class="footnote-ref" id="fnref%d" role="doc-noteref"><sup>%d</sup></a>`, n, n, n)
		},
		list: func(notes []string, esc func(string) string) string {
			var b strings.Builder
			b.WriteString(`<section id="footnotes" class="footnotes footnotes-end-of-document" role="doc-endnotes"><hr><ol>`)
			for i, t := range notes {
				fmt.Fprintf(&b, `<li id="fn%d"><p>%s<a href="#fnref%d" class="footnote-back" role="doc-backlink">↩︎</a></p></li>`, i+1, esc(t), i+1)
			}
			b.WriteString(`</ol></section>`)
			return b.String()
		},
	},
	{ // WordPress footnotes plugin
		ref: func(n int) string {
			return fmt.Sprintf(`<sup class="modern-footnotes-footnote" data-mfn="%d"><a href="#mfn-content-%d" id="mfn-ref-%d">%d</a></sup>`, n, n, n, n)
		},
		list: func(notes []string, esc func(string) string) string {
			var b strings.Builder
			b.WriteString(`<div class="mfn-list"><h3>Notes</h3>`)
			for i, t := range notes {
				fmt.Fprintf(&b, `<div class="mfn-item" id="mfn-content-%d"><span class="mfn-num"><a href="#mfn-ref-%d">%d.</a></span> %s</div>`, i+1, i+1, i+1, esc(t))
			}
			b.WriteString(`</div>`)
			return b.String()
		},
	},
	{ // endnotes with "back" words and ids only
		ref: func(n int) string {
			return fmt.Sprintf(`<span class="endnote-ref"><a href="#en-%d" id="enref-%d">%d</a></span>`, n, n, n)
		},
		list: func(notes []string, esc func(string) string) string {
			var b strings.Builder
			b.WriteString(`<section class="article-endnotes"><ul class="endnote-list">`)
			for i, t := range notes {
				fmt.Fprintf(&b, `<li id="en-%d">%d. %s <a href="#enref-%d" class="back">↑</a></li>`, i+1, i+1, esc(t), i+1)
			}
			b.WriteString(`</ul></section>`)
			return b.String()
		},
	},
	{ // ARIA only, no telling class names
		ref: func(n int) string {
			return fmt.Sprintf(`<a role="doc-noteref" href="#x-n%d" id="x-r%d" class="c7">%d</a>`, n, n, n)
		},
		list: func(notes []string, esc func(string) string) string {
			var b strings.Builder
			b.WriteString(`<aside role="doc-endnotes" class="c9"><ol>`)
			for i, t := range notes {
				fmt.Fprintf(&b, `<li id="x-n%d" role="doc-endnote">%s <a href="#x-r%d" role="doc-backlink" class="c8">back</a></li>`, i+1, esc(t), i+1)
			}
			b.WriteString(`</ol></aside>`)
			return b.String()
		},
	},
	{ // sup with a bare fragment link, notes in a div with numbered paragraphs
		ref: func(n int) string {
			return fmt.Sprintf(`<sup><a href="#_ftn%d" name="_ftnref%d" id="_ftnref%d">[%d]</a></sup>`, n, n, n, n)
		},
		list: func(notes []string, esc func(string) string) string {
			var b strings.Builder
			b.WriteString(`<div id="ftn-list">`)
			for i, t := range notes {
				fmt.Fprintf(&b, `<div id="_ftn%d"><p><a href="#_ftnref%d">[%d]</a> %s</p></div>`, i+1, i+1, i+1, esc(t))
			}
			b.WriteString(`</div>`)
			return b.String()
		},
	},
}

func shapesFor(heldout bool) []noteShape {
	if heldout {
		return noteShapes[3:]
	}
	return noteShapes[:6]
}

// HTML writes a as a web page of one of several site templates: navigation, header, footer,
// asides with related links, share buttons, a cookie banner, scripts (inline, JSON-LD and
// analytics), the title inside or outside the article, a publication line, notes and figures.
func HTML(r *rand.Rand, a Article, heldout bool) string {
	p := content[a.Lang]
	esc := html.EscapeString
	shape := pick2(r, shapesFor(heldout))
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\"><title>%s | %s</title>\n", a.Lang, esc(a.Title), esc(p.nav[0]))
	b.WriteString(`<script type="application/ld+json">{"@type":"NewsArticle","headline":"x"}</script>` + "\n")
	b.WriteString(`<style>.c7{vertical-align:super}</style></head><body>` + "\n")
	// Site header and navigation.
	navClass := pick(r, []string{"site-nav", "menu-main", "topbar", "nav-links", "header__menu"})
	navEnd := "</ul></div></div>\n"
	switch r.IntN(3) {
	case 0:
		fmt.Fprintf(&b, `<header class="site-header"><a href="/" class="logo">%s</a><nav class="%s"><ul>`, esc(p.journal[0]), navClass)
		navEnd = "</ul></nav></header>\n"
	case 1:
		fmt.Fprintf(&b, `<div class="masthead" role="banner"><div class="brand">%s</div><div role="navigation" class="%s"><ul>`, esc(p.journal[3]), navClass)
	default:
		fmt.Fprintf(&b, `<div id="top"><div class="%s"><ul>`, navClass)
	}
	for _, n := range p.nav[:5] {
		fmt.Fprintf(&b, `<li><a href="/%s">%s</a></li>`, strings.ToLower(strings.ReplaceAll(n, " ", "-")), esc(n))
	}
	b.WriteString(navEnd)
	if r.IntN(2) == 0 {
		fmt.Fprintf(&b, `<div class="breadcrumbs"><a href="/">%s</a> › <a href="/a">%s</a></div>`+"\n", esc(p.nav[0]), esc(p.nav[1]))
	}
	// Article container.
	open, closeTag := pick2(r, [][2]string{
		{`<main><article class="post">`, `</article></main>`},
		{`<div id="content" class="container"><div class="entry-content">`, `</div></div>`},
		{`<main role="main"><div class="story-body">`, `</div></main>`},
		{`<article>`, `</article>`},
		{`<div class="col-md-8"><div class="td-post-content">`, `</div></div>`},
	})[0], ""
	switch open {
	case `<main><article class="post">`:
		closeTag = `</article></main>`
	case `<div id="content" class="container"><div class="entry-content">`:
		closeTag = `</div></div>`
	case `<main role="main"><div class="story-body">`:
		closeTag = `</div></main>`
	case `<article>`:
		closeTag = `</article>`
	default:
		closeTag = `</div></div>`
	}
	titleOutside := r.IntN(3) == 0
	if titleOutside {
		fmt.Fprintf(&b, `<div class="page-title"><h1>%s</h1></div>`+"\n", esc(a.Title))
	}
	b.WriteString(open + "\n")
	if !titleOutside {
		if r.IntN(2) == 0 {
			fmt.Fprintf(&b, "<header class=\"entry-header\"><h1 class=\"entry-title\">%s</h1>", esc(a.Title))
		} else {
			fmt.Fprintf(&b, "<h1>%s</h1>", esc(a.Title))
		}
	}
	meta := func() {
		if a.Date == "" {
			return
		}
		switch r.IntN(4) {
		case 0:
			fmt.Fprintf(&b, `<p class="post-meta"><time datetime="2024-03-03">%s</time>`, esc(a.Date))
			if a.ReadTime != "" {
				fmt.Fprintf(&b, ` · <span class="reading-time">%s</span>`, esc(a.ReadTime))
			}
			b.WriteString("</p>\n")
		case 1:
			fmt.Fprintf(&b, "<div class=\"meta-info\"><span>%s</span></div>\n", esc(dateLine(r, a)))
		case 2:
			fmt.Fprintf(&b, "<p>%s</p>\n", esc(dateLine(r, a)))
		default:
			fmt.Fprintf(&b, "<div class=\"x1\"><time>%s</time><span>%s</span></div>\n", esc(a.Date), esc(a.ReadTime))
		}
	}
	byline := func() {
		switch r.IntN(4) {
		case 0:
			fmt.Fprintf(&b, "<p class=\"byline\">%s</p>\n", esc(a.Byline))
		case 1:
			fmt.Fprintf(&b, "<div class=\"author-box\"><span class=\"author-name\">%s</span></div>\n", esc(a.Byline))
		case 2:
			fmt.Fprintf(&b, "<address class=\"vcard\">%s</address>\n", esc(a.Byline))
		default:
			fmt.Fprintf(&b, "<p>%s</p>\n", esc(a.Byline))
		}
	}
	if a.BylineTop && a.Byline != "" {
		byline()
	}
	meta()
	if !titleOutside && strings.Contains(b.String(), `<header class="entry-header">`) {
		b.WriteString("</header>\n")
	}
	if r.IntN(2) == 0 {
		fmt.Fprintf(&b, "<div class=\"share-buttons\"><a href=\"https://facebook.com/sharer\">%s</a> <a href=\"https://x.com/intent\">%s</a></div>\n", esc(p.share[0]), esc(p.share[1]))
	}
	inList := false
	fig := 0
	for i, bl := range a.Body {
		if inList && bl.Kind != "list_item" {
			b.WriteString("</ul>\n")
			inList = false
		}
		switch bl.Kind {
		case "heading":
			fmt.Fprintf(&b, "<h2>%s</h2>\n", esc(bl.Text))
		case "paragraph":
			b.WriteString("<p>" + esc(bl.Text))
			for _, n := range bl.refs {
				b.WriteString(shape.ref(n))
			}
			b.WriteString("</p>\n")
		case "quote":
			fmt.Fprintf(&b, "<blockquote><p>%s</p></blockquote>\n", esc(bl.Text))
		case "list_item":
			if !inList {
				b.WriteString("<ul>\n")
				inList = true
			}
			fmt.Fprintf(&b, "<li>%s</li>\n", esc(bl.Text))
		case "caption":
			fig++
			switch r.IntN(3) {
			case 0:
				fmt.Fprintf(&b, "<figure class=\"wp-block-image\"><img src=\"/f%d.jpg\" alt=\"\"><figcaption>%s</figcaption></figure>\n", fig, esc(bl.Text))
			case 1:
				fmt.Fprintf(&b, "<figure><picture><img src=\"/f%d.jpg\"></picture><figcaption class=\"caption\"><span>%s</span></figcaption></figure>\n", fig, esc(bl.Text))
			default:
				cls := pick(r, []string{"wp-caption-text", "image-caption", "photo-caption", "img-desc"})
				fmt.Fprintf(&b, "<div class=\"wp-caption\"><img src=\"/f%d.jpg\"><p class=\"%s\">%s</p></div>\n", fig, cls, esc(bl.Text))
			}
		}
		if i == len(a.Body)/2 && r.IntN(2) == 0 {
			fmt.Fprintf(&b, "<div class=\"inline-related\"><strong>%s:</strong> <a href=\"/x\">%s</a></div>\n", esc(p.related[1]), esc(p.titles[0]))
		}
		if i == 1 && r.IntN(3) == 0 {
			b.WriteString("<script>window.dataLayer=window.dataLayer||[];dataLayer.push({event:'read'});</script>\n")
		}
	}
	if inList {
		b.WriteString("</ul>\n")
	}
	if !a.BylineTop && a.Byline != "" {
		byline()
	}
	if len(a.Notes) > 0 {
		b.WriteString(shape.list(a.Notes, esc) + "\n")
	}
	if r.IntN(2) == 0 {
		fmt.Fprintf(&b, "<div class=\"post-tags\"><a href=\"/t/1\">%s</a> <a href=\"/t/2\">%s</a></div>\n", esc(p.nav[2]), esc(p.nav[3]))
	}
	b.WriteString(closeTag + "\n")
	switch r.IntN(2) {
	case 0:
		fmt.Fprintf(&b, "<aside class=\"sidebar\"><h3>%s</h3><ul><li><a href=\"/r1\">%s</a></li><li><a href=\"/r2\">%s</a></li></ul></aside>\n", esc(p.related[0]), esc(p.titles[1]), esc(p.titles[2]))
	default:
		fmt.Fprintf(&b, "<section class=\"more-stories\"><h2>%s</h2><div class=\"card\"><h3><a href=\"/r1\">%s</a></h3></div></section>\n", esc(p.related[2]), esc(p.titles[3]))
	}
	if r.IntN(2) == 0 {
		fmt.Fprintf(&b, "<div id=\"cookie-notice\" class=\"cn\"><p>%s</p><button>OK</button></div>\n", esc(p.footer[1]))
	}
	fmt.Fprintf(&b, "<footer class=\"site-footer\"><p>%s</p><p><a href=\"/privacy\">%s</a> · <a href=\"/terms\">%s</a></p></footer>\n", esc(p.footer[0]), esc(p.footer[1]), esc(p.footer[2]))
	b.WriteString("<script src=\"/js/app.js\"></script><script>(function(){var s=document.createElement('script');s.src='https://stats.example/t.js';document.body.appendChild(s)})();</script>\n")
	b.WriteString("</body></html>\n")
	return b.String()
}

func pick2[T any](r *rand.Rand, pool []T) T { return pool[r.IntN(len(pool))] }
