package structgen

import (
	"fmt"
	"hash/fnv"
	"html"
	"math/rand/v2"
	"strings"
	"unicode/utf8"
)

// SiteHTML writes a as a web page composed from independent choices, each drawn on its own:
// how classes are named (words, BEM, hashed CSS modules, utility classes, none), how deep the
// wrappers go, where the title and the sidebar sit, how the author, date and reading time are
// set (apart, on one line, as a card), how headings, paragraphs, quotes, figures and notes are
// marked up, and which chrome surrounds the text: boxes inside it (advertising, "read also", a
// newsletter form, a pull quote), and after it (tags, share counts, the author's biography,
// previous and next links, related cards, comments), a sidebar, a footer with a paragraph about
// the publisher, a cookie dialog.
//
// HTML writes a few fixed templates; SiteHTML tests whether a reader holds up when the parts of
// a page come in combinations it has not seen. As with the note shapes, several choices offer
// the held-out split options the tune split never has. The byline of a may be shortened to the
// name alone when the page shows only the name; the returned article carries the gold.
func SiteHTML(r *rand.Rand, a Article, heldout bool) (string, Article) {
	p := content[a.Lang]
	w := sitePools[a.Lang]
	esc := html.EscapeString
	s := &site{r: r, heldout: heldout, scheme: choose(r, heldout, 3, 2, 5), salt: r.Uint32()}
	shape := pick2(r, shapesFor(heldout))
	label, name := splitByline(a.Byline)
	others := otherTitles(p.titles, a.Title)

	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">", a.Lang)
	fmt.Fprintf(&b, "<title>%s — %s</title><meta property=\"og:title\" content=\"%s\">", esc(a.Title), esc(p.journal[0]), esc(a.Title))
	fmt.Fprintf(&b, `<script type="application/ld+json">{"@context":"https://schema.org","@type":"Article","headline":%q,"author":{"@type":"Person","name":%q}}</script>`, a.Title, name)
	b.WriteString("<style>.x{display:none}</style></head>\n<body class=\"" + s.cls("body") + "\">\n")

	cookie := func() {
		fmt.Fprintf(&b, "<div role=\"dialog\" aria-label=\"cookies\" class=\"%s\"><p>%s</p><button>%s</button></div>\n", s.cls("cookie"), esc(p.footer[1]), esc(w.cookieAccept))
	}
	cookieTop := r.IntN(3) == 0
	if cookieTop {
		cookie()
	}
	// Header and navigation.
	fmt.Fprintf(&b, "<header class=\"%s\"><a href=\"/\" class=\"%s\">%s</a><nav class=\"%s\"><ul>", s.cls("header"), s.cls("logo"), esc(p.journal[r.IntN(len(p.journal))]), s.cls("nav"))
	for _, n := range p.nav[:4+r.IntN(4)] {
		fmt.Fprintf(&b, "<li><a href=\"/%x\">%s</a></li>", s.hash(n), esc(n))
	}
	fmt.Fprintf(&b, "</ul></nav><form class=\"%s\"><input type=\"search\" placeholder=\"%s\"></form></header>\n", s.cls("search"), esc(p.nav[0]))
	if r.IntN(2) == 0 {
		fmt.Fprintf(&b, "<ol class=\"%s\"><li><a href=\"/\">%s</a></li><li><a href=\"/a\">%s</a></li></ol>\n", s.cls("crumbs"), esc(p.nav[0]), esc(p.nav[1]))
	}

	sidebar := func() {
		fmt.Fprintf(&b, "<aside class=\"%s\"><h3>%s</h3><ol>", s.cls("sidebar"), esc(w.mostRead))
		for _, t := range others[:3] {
			fmt.Fprintf(&b, "<li><a href=\"/%x\">%s</a></li>", s.hash(t), esc(t))
		}
		fmt.Fprintf(&b, "</ol><div class=\"%s\"><h3>%s</h3><form><input type=\"email\" placeholder=\"%s\"><button>%s</button></form></div></aside>\n", s.cls("widget"), esc(w.newsHead), esc(w.subscribeMail), esc(w.newsButton))
	}
	sidebarFirst := r.IntN(3) == 0
	titleInHero := r.IntN(3) == 0
	kicker := pick(r, w.kickers)
	title := func() {
		switch choose(r, heldout, 3, 1, 4) {
		case 0:
			fmt.Fprintf(&b, "<h1 class=\"%s\">%s</h1>\n", s.cls("title"), esc(a.Title))
		case 1:
			fmt.Fprintf(&b, "<h1><span class=\"%s\">%s</span></h1>\n", s.cls("title"), esc(a.Title))
		case 2:
			fmt.Fprintf(&b, "<div class=\"%s\"><a href=\"/c\">%s</a></div><h1>%s</h1>\n", s.cls("kicker"), esc(kicker), esc(a.Title))
		default:
			fmt.Fprintf(&b, "<p class=\"%s\">%s</p><h1 itemprop=\"headline\">%s</h1>\n", s.cls("kicker"), esc(kicker), esc(a.Title))
		}
	}
	if titleInHero {
		fmt.Fprintf(&b, "<section class=\"%s\" style=\"background-image:url(/hero.jpg)\">", s.cls("hero"))
		title()
		b.WriteString("</section>\n")
	}
	fmt.Fprintf(&b, "<div class=\"%s\">\n", s.cls("layout"))
	if sidebarFirst {
		sidebar()
	}
	mainOpen, mainClose := s.wrappers(r.IntN(3))
	fmt.Fprintf(&b, "<main class=\"%s\">%s<article class=\"%s\">\n", s.cls("main"), mainOpen, s.cls("article"))
	fmt.Fprintf(&b, "<header class=\"%s\">", s.cls("article-header"))
	if !titleInHero {
		title()
	}
	// The author, date and reading time.
	shown := a.Byline
	meta := choose(r, heldout, 3, 1, 4)
	date := a.Date
	if date == "" {
		date = pick(r, half(p.dates, heldout))
	}
	author := func() string {
		if label == "" {
			return fmt.Sprintf("<a rel=\"author\" href=\"/author/%x\">%s</a>", s.hash(name), esc(name))
		}
		sep := " "
		if strings.HasSuffix(label, "/") || strings.HasSuffix(label, "：") {
			sep = ""
		}
		return fmt.Sprintf("%s%s<a rel=\"author\" href=\"/author/%x\">%s</a>", esc(label), sep, s.hash(name), esc(name))
	}
	if a.Byline != "" && a.BylineTop {
		switch meta {
		case 0: // apart
			fmt.Fprintf(&b, "<p class=\"%s\">%s</p><div class=\"%s\"><time datetime=\"2024-03-03\">%s</time></div>", s.cls("byline"), author(), s.cls("meta"), esc(date))
		case 1: // one line of pieces
			fmt.Fprintf(&b, "<div class=\"%s\"><span>%s</span><span> · </span><time>%s</time>", s.cls("meta"), author(), esc(date))
			if a.ReadTime != "" {
				fmt.Fprintf(&b, "<span> · %s</span>", esc(a.ReadTime))
			}
			b.WriteString("</div>")
		case 2: // a card with the name alone
			shown = name
			fmt.Fprintf(&b, "<div class=\"%s\"><img src=\"/a/%x.jpg\" alt=\"%s\"><div><a class=\"%s\" href=\"/author/%x\">%s</a><time>%s</time></div></div>", s.cls("author-card"), s.hash(name), esc(name), s.cls("author-name"), s.hash(name), esc(name), esc(date))
		default: // one plain paragraph with separators
			fmt.Fprintf(&b, "<p>%s | %s | %s</p>", author(), esc(date), esc(fmt.Sprintf(w.views, 100+r.IntN(9000))))
		}
	} else {
		fmt.Fprintf(&b, "<div class=\"%s\"><time>%s</time>", s.cls("meta"), esc(date))
		if a.ReadTime != "" {
			fmt.Fprintf(&b, " <span>%s</span>", esc(a.ReadTime))
		}
		b.WriteString("</div>")
	}
	if r.IntN(4) == 0 {
		fmt.Fprintf(&b, "<p class=\"%s\">%s</p>", s.cls("updated"), esc(fmt.Sprintf(w.updated, pick(r, p.dates))))
	}
	b.WriteString("</header>\n")
	shareBar := func() {
		fmt.Fprintf(&b, "<div class=\"%s\"><span>%s</span>", s.cls("share"), esc(fmt.Sprintf(w.shares, 2+r.IntN(400))))
		for i, t := range p.share[:2+r.IntN(2)] {
			fmt.Fprintf(&b, " <a href=\"%s\" title=\"%s\"><svg aria-hidden=\"true\"></svg><span class=\"x\">%s</span></a>", shareURLs[i], esc(t), esc(t))
		}
		b.WriteString("</div>\n")
	}
	if r.IntN(2) == 0 {
		shareBar()
	}

	bodyOpen, bodyClose := s.wrappers(r.IntN(3))
	fmt.Fprintf(&b, "<div class=\"%s\">%s\n", s.cls("body-text"), bodyOpen)
	// Chrome boxes put between blocks of the text.
	boxes := r.Perm(4)[:r.IntN(3)]
	boxAt := map[int]int{}
	for i, k := range boxes {
		boxAt[1+(i+1)*len(a.Body)/(len(boxes)+1)] = k
	}
	inList := ""
	item := 0 // number of the item in an ordered list, which a reader keeps ("2. …")
	fig := 0
	lastPara := ""
	headingStyle := choose(r, heldout, 3, 1, 5)
	paraStyle := choose(r, heldout, 1, 0, 2)
	for i, bl := range a.Body {
		if inList != "" && bl.Kind != "list_item" {
			b.WriteString(inList)
			inList = ""
		}
		if k, ok := boxAt[i]; ok && bl.Kind != "list_item" {
			s.box(&b, k, a, w, p, others, lastPara)
		}
		switch bl.Kind {
		case "heading":
			switch headingStyle {
			case 0:
				fmt.Fprintf(&b, "<h2>%s</h2>\n", esc(bl.Text))
			case 1:
				fmt.Fprintf(&b, "<h3 class=\"%s\">%s</h3>\n", s.cls("subhead"), esc(bl.Text))
			case 2:
				id := fmt.Sprintf("h-%x", s.hash(bl.Text))
				fmt.Fprintf(&b, "<h2 id=\"%s\">%s<a class=\"%s\" href=\"#%s\" aria-hidden=\"true\">#</a></h2>\n", id, esc(bl.Text), s.cls("anchor"), id)
			case 3:
				fmt.Fprintf(&b, "<h2><span id=\"s%d\"></span>%s</h2>\n", i, esc(bl.Text))
			default:
				fmt.Fprintf(&b, "<p><strong>%s</strong></p>\n", esc(bl.Text))
			}
		case "paragraph":
			text := s.inline(bl.Text, a.Lang == "zh")
			var refs strings.Builder
			for _, n := range bl.refs {
				refs.WriteString(shape.ref(n))
			}
			if paraStyle == 0 {
				fmt.Fprintf(&b, "<p>%s%s</p>\n", text, refs.String())
			} else {
				fmt.Fprintf(&b, "<div class=\"%s\">%s%s</div>\n", s.cls("para"), text, refs.String())
			}
			lastPara = bl.Text
		case "quote":
			switch r.IntN(3) {
			case 0:
				fmt.Fprintf(&b, "<blockquote><p>%s</p></blockquote>\n", esc(bl.Text))
			case 1:
				fmt.Fprintf(&b, "<figure class=\"%s\"><blockquote>%s</blockquote></figure>\n", s.cls("quote"), esc(bl.Text))
			default:
				fmt.Fprintf(&b, "<blockquote class=\"%s\">%s</blockquote>\n", s.cls("quote"), esc(bl.Text))
			}
		case "list_item":
			if inList == "" {
				item = 0
				if r.IntN(2) == 0 {
					b.WriteString("<ul>\n")
					inList = "</ul>\n"
				} else {
					b.WriteString("<ol>\n")
					inList = "</ol>\n"
					item = 1
				}
			}
			if r.IntN(3) == 0 {
				fmt.Fprintf(&b, "<li><p>%s</p></li>\n", esc(bl.Text))
			} else {
				fmt.Fprintf(&b, "<li>%s</li>\n", esc(bl.Text))
			}
			if item > 0 {
				a.Body[i].Text = fmt.Sprintf("%d. %s", item, bl.Text)
				item++
			}
		case "caption":
			fig++
			s.figure(&b, fig, bl.Text, w)
		}
	}
	if inList != "" {
		b.WriteString(inList)
	}
	if a.Byline != "" && !a.BylineTop {
		switch r.IntN(3) {
		case 0:
			fmt.Fprintf(&b, "<p class=\"%s\"><em>%s</em></p>\n", s.cls("signature"), esc(a.Byline))
		case 1:
			fmt.Fprintf(&b, "<p style=\"text-align:right\"><strong>%s</strong></p>\n", esc(a.Byline))
		default:
			fmt.Fprintf(&b, "<div class=\"%s\">%s</div>\n", s.cls("byline"), author())
		}
	}
	fmt.Fprintf(&b, "%s</div>\n", bodyClose)
	if len(a.Notes) > 0 {
		b.WriteString(shape.list(a.Notes, esc) + "\n")
	}
	// After the text.
	for _, k := range r.Perm(5)[:1+r.IntN(4)] {
		switch k {
		case 0:
			fmt.Fprintf(&b, "<div class=\"%s\">%s <a href=\"/t/1\">%s</a> <a href=\"/t/2\">%s</a></div>\n", s.cls("tags"), esc(w.tags), esc(p.nav[2]), esc(p.nav[1]))
		case 1:
			shareBar()
		case 2:
			if name != "" {
				fmt.Fprintf(&b, "<div class=\"%s\"><img src=\"/a/%x.jpg\" alt=\"\"><div><h4><a href=\"/author/%x\">%s</a></h4><p>%s</p></div></div>\n", s.cls("author-bio"), s.hash(name), s.hash(name), esc(name), esc(fmt.Sprintf(w.bio, name)))
			}
		case 3:
			fmt.Fprintf(&b, "<nav class=\"%s\"><a href=\"/p\"><span>%s</span><span>%s</span></a><a href=\"/n\"><span>%s</span><span>%s</span></a></nav>\n", s.cls("post-nav"), esc(w.prev), esc(others[0]), esc(w.next), esc(others[1]))
		default:
			fmt.Fprintf(&b, "<p class=\"%s\"><a href=\"?print=1\">%s</a></p>\n", s.cls("print"), esc(w.printVersion))
		}
	}
	fmt.Fprintf(&b, "</article>%s</main>\n", mainClose)
	if r.IntN(2) == 0 {
		fmt.Fprintf(&b, "<section class=\"%s\"><h2>%s</h2>", s.cls("related"), esc(p.related[0]))
		for _, t := range others[1:4] {
			fmt.Fprintf(&b, "<div class=\"%s\"><span>%s</span><h3><a href=\"/%x\">%s</a></h3><time>%s</time></div>", s.cls("card"), esc(pick(r, w.kickers)), s.hash(t), esc(t), esc(pick(r, p.dates)))
		}
		b.WriteString("</section>\n")
	}
	if r.IntN(2) == 0 {
		n := 2 + r.IntN(2)
		fmt.Fprintf(&b, "<section id=\"comments\" class=\"%s\"><h3>%s</h3>", s.cls("comments"), esc(fmt.Sprintf(w.commentsHead, n)))
		for i := range n {
			fmt.Fprintf(&b, "<div class=\"%s\"><div><b>%s</b> <time>%s</time></div><p>%s</p><a href=\"#r%d\">%s</a></div>", s.cls("comment"), esc(w.commenters[i]), esc(pick(r, p.dates)), esc(w.comments[i]), i, esc(w.reply))
		}
		b.WriteString("</section>\n")
	}
	if !sidebarFirst {
		sidebar()
	}
	b.WriteString("</div>\n")
	fmt.Fprintf(&b, "<footer class=\"%s\"><div><p>%s</p></div><ul><li><a href=\"/privacy\">%s</a></li><li><a href=\"/terms\">%s</a></li></ul><p>%s</p><a href=\"#top\">%s</a></footer>\n", s.cls("footer"), esc(w.about), esc(p.footer[1]), esc(p.footer[2]), esc(p.footer[0]), esc(w.topLink))
	if !cookieTop && r.IntN(2) == 0 {
		cookie()
	}
	b.WriteString("<script src=\"/js/app.js\" defer></script></body></html>\n")
	a.Byline = shown
	return b.String(), a
}

// shareURLs are where share buttons send a reader.
var shareURLs = []string{
	"https://t.me/share/url?url=https%3A%2F%2Fexample.org%2Fa",
	"https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fexample.org%2Fa",
	"https://twitter.com/intent/tweet?url=https%3A%2F%2Fexample.org%2Fa",
	"mailto:?subject=article",
}

// site holds the choices that hold for a whole page.
type site struct {
	r       *rand.Rand
	heldout bool
	scheme  int // how classes are named
	salt    uint32
}

// utilityClasses are Tailwind-like lists a utility-first site puts on every element.
var utilityClasses = []string{
	"mx-auto max-w-3xl px-4", "text-lg leading-relaxed", "flex items-center gap-2", "mt-8 mb-4",
	"grid grid-cols-12 gap-6", "text-sm text-gray-500", "prose lg:prose-xl", "border-t pt-6",
}

// cls names the class of an element in the page's scheme: plain words, BEM, a hashed CSS
// module, utility classes, or none.
func (s *site) cls(role string) string {
	switch s.scheme {
	case 0:
		return role
	case 1:
		return "c-page__" + strings.ReplaceAll(role, "-", "_")
	case 2:
		return fmt.Sprintf("css-%06x", s.hash(role)&0xffffff)
	case 3:
		return utilityClasses[int(s.hash(role))%len(utilityClasses)]
	default:
		return ""
	}
}

func (s *site) hash(text string) uint32 {
	h := fnv.New32a()
	fmt.Fprintf(h, "%d/%s", s.salt, text)
	return h.Sum32()
}

// wrappers opens and closes n anonymous layers of div, as page builders nest them.
func (s *site) wrappers(n int) (string, string) {
	var o, c strings.Builder
	for i := range n {
		fmt.Fprintf(&o, "<div class=\"%s\">", s.cls(fmt.Sprintf("wrap-%d", i)))
		c.WriteString("</div>")
	}
	return o.String(), c.String()
}

// inline escapes text and sets a link and some emphasis inside it, as editors do, without
// changing the text a reader sees.
func (s *site) inline(text string, zh bool) string {
	if s.r.IntN(2) == 0 {
		return html.EscapeString(text)
	}
	if zh {
		rs := []rune(text)
		if len(rs) < 12 {
			return html.EscapeString(text)
		}
		at := 2 + s.r.IntN(len(rs)-8)
		return html.EscapeString(string(rs[:at])) + "<a href=\"/x\">" + html.EscapeString(string(rs[at:at+4])) + "</a>" + html.EscapeString(string(rs[at+4:]))
	}
	words := strings.Split(text, " ")
	if len(words) < 6 {
		return html.EscapeString(text)
	}
	at := 1 + s.r.IntN(len(words)-3)
	tag := pick(s.r, []string{"a href=\"/x\"", "strong", "em"})
	end, _, _ := strings.Cut(tag, " ")
	words[at] = "<" + tag + ">" + html.EscapeString(words[at]) + " " + html.EscapeString(words[at+1]) + "</" + end + ">"
	words = append(words[:at+1], words[at+2:]...)
	for i, wd := range words {
		if i != at {
			words[i] = html.EscapeString(wd)
		}
	}
	return strings.Join(words, " ")
}

// box writes one piece of chrome inside the text.
func (s *site) box(b *strings.Builder, kind int, a Article, w siteWords, p pools, others []string, lastPara string) {
	esc := html.EscapeString
	switch kind {
	case 0:
		fmt.Fprintf(b, "<div class=\"%s\"><span>%s</span><div id=\"slot-%x\"></div></div>\n", s.cls("ad"), esc(w.ad), s.hash(a.Title))
	case 1:
		fmt.Fprintf(b, "<div class=\"%s\"><strong>%s:</strong> <a href=\"/%x\">%s</a></div>\n", s.cls("read-also"), esc(p.related[1]), s.hash(others[2]), esc(others[2]))
	case 2:
		fmt.Fprintf(b, "<div class=\"%s\"><h3>%s</h3><p>%s</p><form><input type=\"email\" placeholder=\"%s\"><button>%s</button></form></div>\n", s.cls("newsletter"), esc(w.newsHead), esc(w.newsText), esc(w.subscribeMail), esc(w.newsButton))
	default:
		// A pull quote repeats a sentence of the text.
		if lastPara == "" {
			return
		}
		sent := firstSentence(lastPara, a.Lang == "zh")
		fmt.Fprintf(b, "<aside class=\"%s\"><p>%s</p></aside>\n", s.cls("pullquote"), esc(sent))
	}
}

// figure writes an illustration with its caption in one of the markups sites use.
func (s *site) figure(b *strings.Builder, n int, caption string, w siteWords) {
	esc := html.EscapeString
	switch choose(s.r, s.heldout, 3, 1, 5) {
	case 0:
		fmt.Fprintf(b, "<figure><img src=\"/img/%d.jpg\" alt=\"\" loading=\"lazy\"><figcaption>%s</figcaption></figure>\n", n, esc(caption))
	case 1:
		fmt.Fprintf(b, "<div class=\"%s\"><img src=\"/img/%d.jpg\" alt=\"\"><span class=\"%s\">%s</span></div>\n", s.cls("image"), n, s.cls("caption"), esc(caption))
	case 2:
		fmt.Fprintf(b, "<figure class=\"%s\"><div><img src=\"/img/%d.jpg\" alt=\"\"><span>%s</span></div><figcaption>%s</figcaption></figure>\n", s.cls("gallery"), n, esc(fmt.Sprintf(w.galleryCount, 1, 3+s.r.IntN(5))), esc(caption))
	case 3:
		fmt.Fprintf(b, "<p><img src=\"/img/%d.jpg\" alt=\"\"></p>\n<p><em>%s</em></p>\n", n, esc(caption))
	default:
		fmt.Fprintf(b, "<table class=\"%s\"><tr><td><img src=\"/img/%d.jpg\" alt=\"\"></td></tr><tr><td>%s</td></tr></table>\n", s.cls("image"), n, esc(caption))
	}
}

// choose draws one of n options: the tune split from the first tuneN, the held-out split from
// those from heldFrom on, so that each split has options of its own.
func choose(r *rand.Rand, heldout bool, tuneN, heldFrom, n int) int {
	if heldout {
		return heldFrom + r.IntN(n-heldFrom)
	}
	return r.IntN(tuneN)
}

// splitByline parts a byline into its label ("By", "Автор:", "文/") and the names.
func splitByline(s string) (label, name string) {
	for _, sep := range []string{": ", "：", "/"} {
		if l, n, ok := strings.Cut(s, sep); ok && utf8.RuneCountInString(l) <= 8 {
			return l + strings.TrimSpace(sep), n
		}
	}
	if n, ok := strings.CutPrefix(s, "By "); ok {
		return "By", n
	}
	return "", s
}

func otherTitles(titles []string, title string) []string {
	var out []string
	for _, t := range titles {
		if t != title {
			out = append(out, t)
		}
	}
	return out
}

func firstSentence(text string, zh bool) string {
	if zh {
		if i := strings.Index(text, "。"); i > 0 {
			return text[:i+len("。")]
		}
		return text
	}
	if i := strings.Index(text, ". "); i > 0 {
		return text[:i+1]
	}
	return text
}
