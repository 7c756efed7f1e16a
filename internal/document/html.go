package document

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/microcosm-cc/bluemonday"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/tilmash/tilmash/pipeline"
)

// HTMLToMarkdown extracts the article from a web page and writes it as Markdown (see
// markdown_write.go). The page is sanitised with bluemonday first, so scripts, styles, event
// handlers, forms and embedded objects never get further, and every link address is checked
// again by pipeline.SafeHref. The article body is the page's <article> (the one with the most
// text), else <main> or role="main", else the element holding most paragraph text (or the
// nearest one above it that holds paragraphs wrapped one by one, or the body schema.org marks);
// navigation, headers, footers, asides and share or related-content boxes around it are
// dropped, and so are credits, notices, counters and buttons named in furniture.txt. Kept are
// headings, paragraphs, block quotes, lists, links, emphasis and footnotes (references to an
// element of the page, usually in <sup>, and the notes they point at). Without an <h1> in the
// body the page's <h1> or <title> becomes the title. Errors are *pipeline.Error.
func HTMLToMarkdown(src string) (string, error) {
	raw, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return "", &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.ingest.html_invalid",
			Err: fmt.Errorf("parse html: %w", err)}
	}
	pageTitle := strings.TrimSpace(textOf(findFirst(raw, atom.Title)))
	classes := classRules(raw)
	if dropped, named, linked, boxed, parted := dropHidden(raw, classes), ariaHeadings(raw), inPageLinks(raw), spanBoxes(raw), paragraphBreaks(raw); dropped || named || linked || boxed || parted {
		var b strings.Builder
		if err := html.Render(&b, raw); err == nil {
			src = b.String()
		}
	}
	// The sanitiser does not keep <main>; its role keeps the place of the page's main content.
	src = mainOpen.ReplaceAllString(src, `<div role="main"$1`)
	// The sanitiser drops forms with their content, but some sites set the whole article in
	// one: a form is kept as a block marked as one, and a short one (a search, a sign-up or
	// order box, with the box around it) is furniture.
	src = formOpen.ReplaceAllString(src, `<div class="`+formMark+`"$1`)
	src = formClose.ReplaceAllString(src, `</div>`)
	src = mainClose.ReplaceAllString(src, `</div>`)
	// A link that leads nowhere ("#", "javascript:;") is a control run by a script; the
	// sanitiser would drop it and leave its text as if it were the article's, so it is kept as
	// a link to the page itself, which a list of such links shows for what it is.
	src = controlHref.ReplaceAllString(src, `href="`+controlMark+`"`)
	// A picture loaded by a script names its file in another attribute ("data-src",
	// "data-original-src"); without a src the sanitiser would drop it, and the caption beside
	// it would read as text.
	src = imgOpen.ReplaceAllStringFunc(src, func(tag string) string {
		if imgSrc.MatchString(tag) {
			return tag
		}
		return tag[:4] + ` src="#picture"` + tag[4:]
	})
	doc, err := html.Parse(strings.NewReader(htmlPolicy().Sanitize(src)))
	if err != nil {
		return "", &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.ingest.html_invalid",
			Err: fmt.Errorf("parse sanitised html: %w", err)}
	}
	root := articleRoot(doc, pageTitle)
	c := &htmlConverter{ids: map[string]*html.Node{}, order: map[*html.Node]int{}, end: map[*html.Node]int{}, notes: map[*html.Node]int{}, written: map[int]bool{},
		dropped: map[*html.Node]bool{}}
	c.indexIDs(doc)
	c.styled = readStyledBlocks(raw, classes)
	c.declared = declaredAuthors(raw)
	c.siteNames = siteNames(pageTitle)
	c.pageTitle = pageTitle
	c.title = findFirst(root, atom.H1)
	if c.title != nil {
		if t := titleAfterSection(c.title, root, pageTitle); t != nil {
			c.title = t // the <h1> names the section
		}
	}
	if c.title != nil && textBefore(root, c.title) {
		// The first <h1> comes after the text has begun: it heads a section (a word
		// processor's "Heading 1"), and the title is elsewhere.
		c.title = nil
	}
	if c.title == nil {
		c.title = headingAsTitle(root, pageTitle)
	}
	if c.title == nil {
		c.title = classTitle(root, pageTitle)
	}
	var outsideH1 *html.Node
	textRoot := root
	if c.title == nil {
		if outsideH1 = findFirstOutside(doc, atom.H1, root); outsideH1 != nil && c.siteNames[titleKey(collapseSpaces(textOf(outsideH1)))] {
			// The <h1> holds the site's name, as pages laid out in tables print their logo
			// (uCoz, old CMS themes), and the <title> names the article apart from it: the
			// line styled as the entry's title ("eTitle", "post-title") that agrees with the
			// <title> is the title.
			if t := styledTitleAfter(doc, pageTitle); t != nil {
				outsideH1 = t
			}
		}
		if outsideH1 == nil {
			outsideH1 = headerTitle(doc, root, pageTitle)
		}
		if outsideH1 != nil {
			if t := titleAfterSection(outsideH1, doc, pageTitle); t != nil && !contains(root, t) {
				outsideH1 = t // the <h1> names the section
			}
		} else {
			outsideH1 = titleAbove(root, pageTitle)
		}
		if outsideH1 != nil {
			if head := c.articleHead(outsideH1, root); head != nil {
				// The article runs from its title to the end of its text: what stands between
				// them (the subtitle, the byline, the lead, the picture) is the article's head.
				c.title, c.spanFrom, c.spanTo = outsideH1, c.order[outsideH1], c.end[root]
				c.textRoot, textRoot, root = root, root, head
			}
		}
	}
	c.findNotes(root)
	c.root = root
	c.dropSideColumns(root)
	if c.title == nil {
		title := ""
		if h1 := outsideH1; h1 != nil {
			title = collapseSpaces(textOf(h1))
			c.bylineBeside(h1, root)
		}
		if title == "" {
			title = siteTitle(pageTitle)
		}
		if title != "" {
			in := &mdInline{}
			in.text(title)
			c.out.add(pipeline.BlockTitle, 1, "", in)
			c.titleKey = titleKey(title)
		}
	}
	c.walkBlocks(root, "")
	c.flush()
	if c.spanTo > 0 && len(c.bylines) == 0 {
		c.bylineBeside(c.title, textRoot) // the author named after the text
	}
	c.out.bulletedRuns()
	c.out.dropTrailingLines()
	if len(c.notes) == 0 {
		c.out.notesByMark()
	}
	c.out.dropEmptySections()
	c.out.dropRepeatedQuotes()
	// Notes kept outside the article body (or beside the text, as side notes), in their order.
	pending := make([]*html.Node, 0, len(c.notes))
	for n, num := range c.notes {
		if !c.written[num] {
			pending = append(pending, n)
		}
	}
	sort.Slice(pending, func(i, j int) bool { return c.notes[pending[i]] < c.notes[pending[j]] })
	for _, n := range pending {
		c.writeNote(n)
	}
	var seen []string
	for _, by := range c.bylines {
		// The author box after the text names again the author the byline named.
		k := titleKey(by.String())
		if slices.ContainsFunc(seen, func(s string) bool { return strings.Contains(s, k) }) {
			continue
		}
		seen = append(seen, k)
		c.out.add(pipeline.BlockParagraph, 0, "", by)
	}
	out := c.out.String()
	if strings.TrimSpace(out) == "" {
		return "", invalid(msgTextNoBody, errNoBody)
	}
	return out, nil
}

// formMark is the class of the block a form becomes.
const formMark = "page-form-mark"

// controlMark is the address a link that leads nowhere gets.
const controlMark = "#!"

var (
	formOpen  = regexp.MustCompile(`(?i)<form(\s|>)`)
	formClose = regexp.MustCompile(`(?i)</form\s*>`)
	mainOpen  = regexp.MustCompile(`(?i)<main(\s|>)`)
	mainClose = regexp.MustCompile(`(?i)</main\s*>`)
	imgOpen   = regexp.MustCompile(`(?i)<img\b[^>]*>`)
	imgSrc    = regexp.MustCompile(`(?i)\ssrc\s*=`)
	// controlHref matches the address of a link that leads nowhere; controlMark replaces it.
	controlHref = regexp.MustCompile(`(?i)href\s*=\s*("#"|'#'|"javascript:[^"]*"|'javascript:[^']*')`)
)

// htmlPolicy keeps the structure extraction needs and nothing that could run: no script, style,
// event handler, form or embedded object, and links only to http, https, mailto or a fragment of
// the page (footnotes).
func htmlPolicy() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowElements("article", "main", "section", "div", "span", "header", "footer", "nav", "aside",
		"h1", "h2", "h3", "h4", "h5", "h6", "p", "blockquote", "ul", "ol", "li", "dl", "dt", "dd",
		"em", "i", "strong", "b", "u", "sup", "sub", "small", "mark", "cite", "q", "abbr", "time",
		"br", "hr", "pre", "code", "figure", "figcaption", "table", "thead", "tbody", "tfoot", "tr",
		"td", "th", "caption", "address", "picture", "img", "details", "summary")
	p.AllowAttrs("id", "class", "role", "rel", "itemprop", "hidden", "aria-hidden").Globally()
	// An anchor's name is the target of links within the page (notes written by word processors).
	p.AllowAttrs("name").Matching(regexp.MustCompile(`^[\w:.-]{1,100}$`)).OnElements("a")
	p.AllowAttrs("start").Matching(regexp.MustCompile(`^\d{1,6}$`)).OnElements("ol")
	p.AllowAttrs("href").OnElements("a")
	// Images are kept only so that the caption beside them is known for one; their address is
	// never written out.
	p.AllowAttrs("src", "alt").OnElements("img")
	p.AllowURLSchemes("http", "https", "mailto")
	p.AllowRelativeURLs(true)
	p.SkipElementsContent("script", "style", "noscript", "template", "button", "select",
		"textarea", "iframe", "object", "embed", "svg", "canvas", "video", "audio", "map", "head", "title", "label")
	return p
}

// footnoteSection matches class and id names of a list of notes.
var footnoteSection = regexp.MustCompile(`(?i)foot-?notes?|end-?notes?|^notes$`)

// isNotesSection reports an element whose class or id names a list of notes.
func isNotesSection(n *html.Node) bool {
	for _, name := range append(strings.Fields(attr(n, "class")), attr(n, "id")) {
		if name != "" && footnoteSection.MatchString(name) {
			return true
		}
	}
	return false
}

// bylineClass matches class names, rel and itemprop values of an author line, also as a part of
// a name built by CSS-in-JS tools ("ssrcss-68pt20-TextContributorName").
var bylineClass = regexp.MustCompile(`(?i:(^|[\s_-])(byline|authors?|contributors?)($|[\s_-]))|[a-z](Byline|Author|Contributor)(Name)?($|[\s_-])`)

// sideNoteClass matches class names of a note printed beside the text that refers to it (the
// side notes of Tufte-style pages), which is written inside the paragraph.
var sideNoteClass = regexp.MustCompile(`(?i)(^|[\s_-])(side|margin)-?notes?($|[\s_-])`)

// callToAction matches the addresses of links that ask the reader to subscribe, sign up, join or
// give: a short block around such a link is the site's, not the article's.
var callToAction = regexp.MustCompile(`(?i)subscri|sign-?(up|in)|/join\b|member(ship)?\b|donat|contribut|/support\b|sponsor|/portal|newsletter|/login|action=share`)

type htmlConverter struct {
	out    mdBlockWriter
	cur    *mdInline // the block being written
	kind   pipeline.BlockKind
	marker string
	level  int
	ids    map[string]*html.Node
	order  map[*html.Node]int // every node's place in document order
	end    map[*html.Node]int // the place of every node's last descendant
	// spanFrom, spanTo: when the title stands outside the text's container, the places of the
	// title and of the text's end; only what lies between them is the article's.
	spanFrom, spanTo int
	textRoot         *html.Node // the text's container then, which is never furniture
	inHead           bool       // writing what stands between that title and the text
	root             *html.Node // what is read as the article
	bylineHolders    map[*html.Node]bool
	notes            map[*html.Node]int // note elements, by the number of their first reference
	written          map[int]bool       // notes written
	bylines          []*mdInline
	nextNote         int
	inByline         bool       // writing a byline, whose date and reading time are left out
	title            *html.Node // the article's <h1>, if the body has one
	// titleKey: the title taken from outside the body (the page's <title>), whose copy in the
	// body, set as a paragraph, is dropped.
	titleKey string
	// siteNames: the parts of the page's <title> beside the article's (the site, the
	// channel, the section); a paragraph that only names one of them is furniture.
	siteNames  map[string]bool
	textSeen   bool                // a paragraph of the article's text was written
	paragraphs int                 // paragraphs written
	dropped    map[*html.Node]bool // furniture found beside something else (an author's role)
	styled     styledBlocks        // blocks the page's styling sets as quotations or headings
	declared   map[string]bool     // the authors the page's metadata names, by titleKey
	pageTitle  string              // the page's <title>
}

// columnClass matches class names of a page's grid columns ("col-md-8", "col-4", "td-pb-span4",
// "large-8 columns", "grid__item") and of a column beside the text ("sidebar", "rail").
var columnClass = regexp.MustCompile(`(?i)(^|[\s_:-])(col|cols|column|columns|span|cell|grid__item)($|[\s_-]|\d)|(^|[\s_-])(sidebar|aside|rail)($|[\s_-])`)

// Bounds of the look for the text's column: it holds most of its container's paragraph text,
// and a column beside it little.
const (
	minColumnShare  = 0.6
	maxSideColShare = 0.3
)

// dropSideColumns marks as furniture the columns set beside the column that holds the text,
// after it in the page's grid (a sidebar's widgets inside <main>): going down from root to the
// child that holds most of the paragraph text, a sibling after it, both named as grid columns,
// that holds little paragraph text, no note and no byline (but in a link to another story).
func (c *htmlConverter) dropSideColumns(root *html.Node) {
	for n := root; n != nil; {
		var best *html.Node
		total, bestText := 0, 0
		texts := map[*html.Node]int{}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			if ch.Type != html.ElementNode {
				continue
			}
			t := paragraphText(ch)
			texts[ch] = t
			total += t
			if t > bestText {
				best, bestText = ch, t
			}
		}
		if best == nil || float64(bestText) < minColumnShare*float64(total) {
			return
		}
		if columnClass.MatchString(attr(best, "class")) {
			for s := best.NextSibling; s != nil; s = s.NextSibling {
				if s.Type == html.ElementNode && columnClass.MatchString(attr(s, "class")) && float64(texts[s]) <= maxSideColShare*float64(bestText) &&
					!c.holdsNote(s) && len(findAll(s, func(x *html.Node) bool { return isBylineElement(x) && !insideLink(x) && x.DataAtom != atom.A })) == 0 && !(c.title != nil && contains(s, c.title)) {
					c.dropped[s] = true
				}
			}
		}
		n = best
	}
}

// paragraphText returns the length of the text of the paragraphs under n.
func paragraphText(n *html.Node) int {
	t := 0
	for _, p := range findAll(n, func(x *html.Node) bool { return x.DataAtom == atom.P }) {
		t += len(collapseSpaces(textOf(p)))
	}
	return t
}

// dropTitleLabel marks as furniture the label a title opens with in an element of its own
// ("<h1><span>Жаңалық</span> Ауыл мектептеріне…</h1>"), when the page's <title> gives the title
// without it.
func (c *htmlConverter) dropTitleLabel(h *html.Node) {
	var first *html.Node
	for ch := h.FirstChild; ch != nil && first == nil; ch = ch.NextSibling {
		if hasText(ch) {
			first = ch
		}
	}
	if first == nil || first.Type != html.ElementNode || first.NextSibling == nil {
		return
	}
	label := collapseSpaces(textOf(first))
	whole := collapseSpaces(textOf(h))
	page := titleKey(siteTitle(c.pageTitle))
	if len(strings.Fields(label)) > maxKickerWords || page == "" || titleKey(whole) == page ||
		titleKey(strings.TrimSpace(strings.TrimPrefix(whole, label))) != page {
		return
	}
	c.dropped[first] = true
}

// styledAs reports a block whose text is among those the page styles one way (see
// readStyledBlocks).
func (c *htmlConverter) styledAs(n *html.Node, set map[string]bool) bool {
	if len(set) == 0 || hasBlockChild(n) {
		return false
	}
	text, short := boundedText(n, maxStyledBlockBytes)
	return short && set[collapseSpaces(text)]
}

// siteNames returns the parts of a page's <title> other than the article's title, by their
// titleKey: "Почему … | Дом и история | Дзен" gives "дом и история" and "дзен".
func siteNames(pageTitle string) map[string]bool {
	names := map[string]bool{}
	article := titleKey(siteTitle(pageTitle))
	t := collapseSpaces(pageTitle)
	for _, sep := range []string{" | ", " — ", " – ", " - ", " :: ", " · ", "_"} {
		for _, part := range strings.Split(t, sep) {
			if k := titleKey(part); k != "" && k != article && !strings.Contains(article, k) && !strings.ContainsAny(part, "|—–·") {
				names[k] = true
			}
		}
	}
	return names
}

// writeNote writes the text of a referenced note.
func (c *htmlConverter) writeNote(n *html.Node) {
	num := c.notes[n]
	in := &mdInline{}
	c.writeInline(in, n, true)
	if dd := nextElement(n); n.DataAtom == atom.Dt && dd != nil && dd.DataAtom == atom.Dd {
		// A list of notes as terms and definitions (docutils): the term is the note's label,
		// its definition the text.
		in.text(" ")
		c.writeInline(in, dd, true)
	}
	c.out.note(num, in)
	c.written[num] = true
}

// writeNotesOnly writes the notes inside a list of notes and nothing else of it: its heading and
// back links are page furniture.
func (c *htmlConverter) writeNotesOnly(n *html.Node) {
	if _, ok := c.notes[n]; ok {
		c.writeNote(n)
		return
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		c.writeNotesOnly(ch)
	}
}

func (c *htmlConverter) indexIDs(n *html.Node) {
	c.order[n] = len(c.order)
	if n.Type == html.ElementNode {
		for _, key := range []string{"id", "name"} {
			if id := attr(n, key); id != "" && (key == "id" || n.DataAtom == atom.A) {
				if _, dup := c.ids[id]; !dup {
					c.ids[id] = n
				}
			}
		}
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		c.indexIDs(ch)
	}
	c.end[n] = len(c.order) - 1
}

// outsideSpan reports a node that lies wholly before the title or after the text, when the
// article is read from a container wider than its text.
func (c *htmlConverter) outsideSpan(n *html.Node) bool {
	return c.spanTo > 0 && (c.end[n] < c.spanFrom || c.order[n] > c.spanTo)
}

// maxHeadBytes: the head of an article between its title and its text (a subtitle, a byline,
// a date, a picture with its caption, a lead) is a few lines.
const maxHeadBytes = 1500

// articleHead returns the smallest element holding both the title, printed outside the text's
// container, and that container, when the title comes first and little text stands between
// them (outside navigation and asides); else nil.
func (c *htmlConverter) articleHead(title, root *html.Node) *html.Node {
	if c.order[title] > c.order[root] {
		return nil
	}
	common := title.Parent
	for common != nil && !contains(common, root) {
		common = common.Parent
	}
	if common == nil || common.Type != html.ElementNode && common.Type != html.DocumentNode {
		return nil
	}
	between := 0
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		if c.end[n] < c.order[title] || c.order[n] >= c.order[root] {
			return true
		}
		if n.Type == html.ElementNode && (insidePageFurniture(n, title) || c.skip(n)) {
			return true
		}
		if n.Type == html.TextNode && c.order[n] > c.end[title] {
			between += len(strings.TrimSpace(n.Data))
			return between <= maxHeadBytes
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			if !walk(ch) {
				return false
			}
		}
		return true
	}
	if !walk(common) {
		return nil
	}
	return common
}

// findNotes numbers the notes the article refers to, in order of first reference.
func (c *htmlConverter) findNotes(n *html.Node) {
	if c.outsideSpan(n) {
		return
	}
	if isSideNote(n) {
		c.nextNote++
		c.notes[n] = c.nextNote
		return
	}
	if target := c.noteTarget(n); target != nil {
		if _, seen := c.notes[target]; !seen {
			c.nextNote++
			c.notes[target] = c.nextNote
		}
		return
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		c.findNotes(ch)
	}
}

// noteTarget returns the note a footnote reference points at: an <a href="#id"> inside <sup>, or
// marked as a note reference, whose target is a list item, paragraph or similar block outside
// the reference's own paragraph. The note is the target's enclosing block when the id is on an
// empty anchor.
func (c *htmlConverter) noteTarget(n *html.Node) *html.Node {
	if n.Type != html.ElementNode || n.DataAtom != atom.A {
		return nil
	}
	href := attr(n, "href")
	if !strings.HasPrefix(href, "#") || len(href) < 2 {
		return nil
	}
	role := strings.ToLower(attr(n, "role"))
	if strings.Contains(role, "backlink") {
		return nil
	}
	t := c.ids[href[1:]]
	if t == nil {
		return nil
	}
	backward := c.order[t] < c.order[n]
	for t != nil && !isBlockElement(t) {
		t = t.Parent
	}
	if t == nil || contains(t, n) {
		return nil
	}
	// A note follows the text that refers to it, so a link back to an earlier place is the way
	// back from a note to its reference, whatever its class. Where a page prints its notes
	// before the text (in a column beside it), the two link to each other all the same, and the
	// note is the block whose link stands at its start, before its text: its label.
	if back := c.linkBack(t, n); backward && (back == nil || !linkStartsBlock(back)) || !backward && back != nil && linkStartsBlock(n) {
		return nil
	}
	inSup := n.Parent != nil && n.Parent.DataAtom == atom.Sup || findFirst(n, atom.Sup) != nil
	marked := strings.Contains(role+" "+strings.ToLower(attr(n, "class")+" "+attr(n, "rel")), "note")
	if !inSup && !marked && !isNoteLabel(textOf(n)) && c.linkBack(t, n) == nil {
		return nil
	}
	return t
}

// linkStartsBlock reports a link with no text before it in its block.
func linkStartsBlock(a *html.Node) bool {
	for p := a; p != nil && !isBlockElement(p); p = p.Parent {
		for s := p.PrevSibling; s != nil; s = s.PrevSibling {
			if hasText(s) {
				return false
			}
		}
	}
	return true
}

// titleClass matches the class of a paragraph a word processor or a site styles as the title:
// "MsoTitle", "post-title", "entry_title" (not a subtitle's).
var titleClass = regexp.MustCompile(`(^|[\s_-])[Tt]itle($|[\s_-])|[a-z]Title($|[\s_-])`)

// classTitle returns the first paragraph or line of root when it is the title: styled as the
// title and agreeing with the page's <title> (one holds the other), or holding that <title>
// whole, or set in a word processor's Title style; else nil.
func classTitle(root *html.Node, pageTitle string) *html.Node {
	page := titleKey(collapseSpaces(pageTitle))
	lines := findAll(root, func(x *html.Node) bool {
		return (x.DataAtom == atom.P || x.DataAtom == atom.Div) && !hasBlockChild(x) && hasText(x)
	})
	if len(lines) == 0 {
		return nil
	}
	// The first line with text, after a breadcrumb trail (lines of links only): styled as the
	// title, or opening with the page's <title> (a word processor's page titled with the first
	// words of the document's title).
	for len(lines) > 1 && linksOnly(lines[0]) {
		lines = lines[1:]
	}
	n := lines[0]
	t := collapseSpaces(textOf(n))
	k := titleKey(t)
	styled := titleClass.MatchString(attr(n, "class"))
	// A word processor's own Title style ("title" in Google Docs, "MsoTitle" in Word) names the
	// document's title even when the page is titled by the file's name.
	docTitle := slices.ContainsFunc(strings.Fields(attr(n, "class")), func(c string) bool { return c == "title" || c == "MsoTitle" })
	agrees := k != "" && (page == "" && styled || docTitle || page != "" && (strings.Contains(k, page) || styled && strings.Contains(page, k)))
	// A title may ask a question ("Іле суы азайса, Балқаш не болады?"), which a heading's
	// text test takes for a sentence.
	if agrees && isHeadingText(strings.TrimRight(t, "?!？！")) && !insideFurniture(n) && !textBefore(root, n) {
		return n
	}
	return nil
}

// styledTitleAfter returns the first element of root styled as a title by its class ("eTitle",
// "entry-title") whose text agrees with the article's part of the page's <title>, or nil.
func styledTitleAfter(root *html.Node, pageTitle string) *html.Node {
	page := titleKey(siteTitle(pageTitle))
	if page == "" {
		return nil
	}
	for _, n := range findAll(root, func(x *html.Node) bool {
		return (x.DataAtom == atom.P || x.DataAtom == atom.Div || x.DataAtom == atom.Span || x.DataAtom == atom.Td ||
			x.DataAtom == atom.H2) && titleClass.MatchString(attr(x, "class")) && !hasBlockChild(x)
	}) {
		if k := titleKey(collapseSpaces(textOf(n))); k != "" && (k == page || strings.Contains(page, k) && len(k)*2 >= len(page)) &&
			!insideFurniture(n) {
			return n
		}
	}
	return nil
}

// linksOnly reports a line whose letters are all in links: a breadcrumb trail ("Home » Society
// » Ecology") or a row of tags.
func linksOnly(n *html.Node) bool {
	linked := 0
	for _, a := range findAll(n, func(x *html.Node) bool { return x.DataAtom == atom.A }) {
		linked += alnumCount(textOf(a))
	}
	return linked > 0 && linked == alnumCount(textOf(n))
}

// alnumCount counts the letters and digits of s.
func alnumCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

// textBefore reports a paragraph of sentences in root before the element h: the article's
// text has begun before it.
func textBefore(root, h *html.Node) bool {
	found := false
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		if n == h {
			return false
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.P && !insideFurniture(n) {
			if t := collapseSpaces(textOf(n)); endsWithTerminator(t) && len(strings.Fields(t)) >= minTextWords && hasSentenceInside(t) {
				found = true
				return false
			}
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			if !walk(ch) {
				return false
			}
		}
		return true
	}
	walk(root)
	return found
}

// minTextWords: a paragraph of the article's text before a heading holds a sentence of some
// length, unlike a subtitle or a line of credits.
const minTextWords = 12

// hasSentenceInside reports text with a sentence's end before its last character: two
// sentences at least.
func hasSentenceInside(s string) bool {
	body := strings.TrimRightFunc(s, func(r rune) bool { return isTerminator(r) || isClosing(r) })
	return strings.IndexFunc(body, isTerminator) >= 0
}

// holdsTitle reports an element that holds the article's title.
func (c *htmlConverter) holdsTitle(n *html.Node) bool {
	return c.title != nil && contains(n, c.title)
}

// holdsByline reports an element that names the author or holds an element that does. The
// elements that do are found once for the page, so that the look stays linear.
func (c *htmlConverter) holdsByline(n *html.Node) bool {
	if c.bylineHolders == nil {
		c.bylineHolders = map[*html.Node]bool{}
		for _, b := range findAll(c.root, func(x *html.Node) bool { return isBylineElement(x) || x.DataAtom == atom.Address }) {
			for p := b; p != nil && !c.bylineHolders[p]; p = p.Parent {
				c.bylineHolders[p] = true
			}
		}
	}
	if c.bylineHolders[n] {
		return true
	}
	text, short := boundedText(n, maxLinkBlockBytes)
	return n.Type == html.ElementNode && short && hasBylinePrefix(collapseSpaces(text))
}

// maxNoteBytes bounds the text of a note that links back to its reference.
const maxNoteBytes = 4000

// linkBack returns the link in block back to the reference ref (to its own id or to that of an
// element around it in its paragraph): the way back from a note, whatever the reference looks
// like or is named. Else nil.
func (c *htmlConverter) linkBack(block, ref *html.Node) *html.Node {
	var ids []string
	for p := ref; p != nil && p.Type == html.ElementNode; p = p.Parent {
		for _, key := range []string{"id", "name"} {
			if id := attr(p, key); id != "" {
				ids = append(ids, "#"+id)
			}
		}
		if isBlockElement(p) {
			break
		}
	}
	if len(ids) == 0 {
		return nil
	}
	if _, short := boundedText(block, maxNoteBytes); !short {
		return nil // a note is a few lines, not a part of the text
	}
	for _, a := range findAll(block, func(x *html.Node) bool { return x.DataAtom == atom.A }) {
		href := attr(a, "href")
		for _, id := range ids {
			if href == id {
				return a
			}
		}
	}
	return nil
}

// isSideNote reports a note printed beside the paragraph that refers to it (inside it in the
// markup); one in a figure is the figure's caption.
func isSideNote(n *html.Node) bool {
	if n.Type != html.ElementNode || !sideNoteClass.MatchString(attr(n, "class")) || isBlockElement(n) && n.DataAtom != atom.Div {
		return false
	}
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.Figure {
			return false
		}
	}
	return true
}

// isNoteLabel reports a reference written as "[1]" or "1" without a <sup>.
func isNoteLabel(s string) bool {
	s = strings.Trim(strings.TrimSpace(s), "[]()")
	if s != "" && utf8.RuneCountInString(s) <= 3 && strings.Trim(s, noteMarks) == "" {
		return true // "¹", "*", "†"
	}
	_, err := strconv.Atoi(s)
	return err == nil && len(s) <= 3
}

// noteMarks are the characters a note's reference may be written in: superscript and circled
// digits and the marks of notes.
const noteMarks = "⁰¹²³⁴⁵⁶⁷⁸⁹*†‡§①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

// walkBlocks writes the blocks under n. inside is the kind forced by an enclosing quote.
func (c *htmlConverter) walkBlocks(n *html.Node, inside pipeline.BlockKind) {
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		c.walkNode(ch, inside)
	}
}

func (c *htmlConverter) walkNode(n *html.Node, inside pipeline.BlockKind) {
	if c.outsideSpan(n) {
		return
	}
	if c.spanTo > 0 && !c.inHead && c.order[n] > c.end[c.title] && c.end[n] < c.order[c.textRoot] {
		c.inHead = true
		defer func() { c.flush(); c.inHead = false }()
	}
	switch n.Type {
	case html.TextNode:
		if inside == "" && c.cur == nil && lineUnderPicture(n) {
			// "<img><br>Ряды с тканями<br>": in lines parted by breaks, the short line under a
			// picture is its caption.
			c.start(pipeline.BlockCaption, "")
		}
		c.inlineText(n.Data, inside)
		return
	case html.ElementNode:
	default:
		c.walkBlocks(n, inside)
		return
	}
	if _, isNote := c.notes[n]; isNote {
		c.flush()
		c.writeNote(n)
		return
	}
	if c.labelsNotes(n) {
		return // "Примечания", "Notes" over the notes: the notes are written with their own label
	}
	if !c.dropped[n] && !c.skip(n) && c.title != n && c.holdsTitle(n) && isLinkBlock(n) {
		// Menus around a title that links to its own page: the title alone is the article's.
		c.walkNode(c.title, inside)
		return
	}
	if rows, ok := metadataTable(n); ok {
		// A table of the page's properties (an export's "Author", "Status", "Created"): only
		// the author named in it is the article's.
		for _, r := range rows {
			if hasBylinePrefix(r[0]+": "+r[1]) && isBylineText(r[1]) {
				in := &mdInline{}
				in.text(r[1])
				c.bylines = append(c.bylines, in)
			}
		}
		return
	}
	if label, value, ok := fieldBox(n); ok && fieldsBeside(n) {
		// One of a record's fields, each a label set as a heading over a short value (a
		// repository's "Date", "Type", "Citation", "Collections"): only the author named in
		// one is the article's.
		if hasBylinePrefix(label+": "+value) && isBylineText(value) {
			in := &mdInline{}
			in.text(value)
			c.bylines = append(c.bylines, in)
		}
		return
	}
	if isMetadataList(n) {
		// A list of the page's metadata: only the author named in it is the article's.
		for _, by := range findAll(n, isBylineElement) {
			if by.DataAtom == atom.Dd || by.DataAtom == atom.Dt {
				in := &mdInline{}
				c.inByline = true
				c.writeInline(in, by, false)
				c.inByline = false
				if in.String() != "" {
					c.bylines = append(c.bylines, in)
				}
			}
		}
		return
	}
	if a := c.authorLink(n); a != nil {
		// The author's name linked to the author's page in a line of its own under the title
		// (with the date, a portrait): the byline, whatever the markup says.
		in := &mdInline{}
		in.text(collapseSpaces(textOf(a)))
		c.bylines = append(c.bylines, in)
		return
	}
	if c.dropped[n] || c.skip(n) || isPublicationElement(n) || isLinkBlock(n) || isCallToAction(n) || c.isKicker(n) ||
		c.isLabelOverLinks(n) || isTeaserCard(n) || isWidgetBox(n) || isBareGallery(n) || isLabelledBox(n) {
		return
	}
	if names, ok := metaLineNames(n, c.declared); ok {
		// A line of separate pieces about the article (its date, the account, the place): only
		// the author's name, if there is one, is the article's.
		c.flush()
		if names != "" {
			in := &mdInline{}
			in.text(names)
			c.bylines = append(c.bylines, in)
		}
		return
	}
	if isFollowBlock(n) || c.textSeen && isClosingChannelLine(n) {
		return
	}
	if c.isAuthorBox(n) {
		return
	}
	if c.textSeen && isToolbar(n) {
		return // "👍 45 · 31 комментарий · Репост · В закладки" under the text
	}
	if c.textSeen && isCellRow(n) && textFollows(n) {
		// Short boxes set side by side in the text, as a table's row ("Казахстан", "3:1",
		// "Таиланд"): one line, its cells parted as a table row's are.
		c.flush()
		c.start(pipeline.BlockParagraph, inside)
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			if ch.Type == html.ElementNode {
				if c.cur.b.Len() > 0 {
					c.cur.text("; ")
				}
				c.writeInline(c.cur, ch, false)
			}
		}
		c.flush()
		return
	}
	if c.textSeen && isPortraitCard(n) {
		return // the author's picture, name and a few words about them, after the text
	}
	if isCaptionElement(n) || c.centredCaption(n) {
		if text, short := boundedText(n, maxCaptionBytes); short && (isPhotoCredit(text) || !hasLetters(text) || slideCounter.MatchString(collapseSpaces(text)) ||
			isFurnitureText(text) && captionBeside(n) || isNoticeCaption(text)) {
			// A credit or a counter ("1 / 2") where a caption would be, or a credit beside
			// the picture's caption ("Источник: …" under a titled chart): nothing describes
			// the picture.
			return
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			// A credit set in an element of its own after the caption's words ("<div
			// class="…__author">Фото: iStock</div>") is the picture's, not the caption's.
			if ch.Type == html.ElementNode && ch.PrevSibling != nil && isPhotoCredit(collapseSpaces(textOf(ch))) {
				c.dropped[ch] = true
			}
		}
		c.flush()
		c.start(pipeline.BlockCaption, "")
		c.writeInline(c.cur, n, false)
		c.flush()
		return
	}
	if isBlockElement(n) && isNotesSection(n) {
		c.flush()
		c.writeNotesOnly(n)
		return
	}
	if (n.DataAtom == atom.Address || isBylineElement(n)) &&
		n.DataAtom != atom.Article && n.DataAtom != atom.Main && len(collapseSpaces(textOf(n))) < 200 {
		if isAuthorBio(n) {
			return
		}
		if inner := innerByline(n); inner != nil {
			// "Gregory Alvarez" inside a byline that also says "Contributor".
			n = inner
		}
		if names := listedNames(n); names != "" {
			in := &mdInline{}
			in.text(names)
			c.bylines = append(c.bylines, in)
			return
		}
		in := &mdInline{}
		if label := c.bylineLabel(n); label != "" {
			// "Автор: <a rel=author>…</a>": the label written so far opens the byline.
			if !strings.HasSuffix(label, "：") && !strings.HasSuffix(label, "/") {
				label += " "
			}
			in.text(label)
			c.cur = nil
		}
		c.inByline = true
		c.writeInline(in, n, false)
		c.inByline = false
		if by, ok := bylineOfMetaText(textOf(n), false); ok {
			// "作者：周海燕　　发布时间：2024-10-22　　浏览次数：815": the author's piece alone.
			in = &mdInline{}
			in.text(by)
		}
		in.dropTrailing(bylineSeparators) // "NAME ·" once the date after it is left out
		if s := in.String(); s != "" {
			c.bylines = append(c.bylines, in)
			if !c.textSeen {
				c.dropAuthorRole(n)
			}
		}
		return
	}
	if !c.textSeen && (n.DataAtom == atom.P || n.DataAtom == atom.Div) && !hasBlockChild(n) && (c.title == nil || c.order[n] > c.order[c.title]) {
		// Under the title, a line of pieces written as one text whose author's piece is
		// labelled ("作者：王建国 刘芳    来源：…    时间：2024-04-15    点击：1203").
		if text, short := boundedText(n, 4*maxMetaLineRunes); short {
			if by, ok := bylineOfMetaText(text, true); ok {
				c.flush()
				in := &mdInline{}
				in.text(by)
				c.bylines = append(c.bylines, in)
				return
			}
		}
	}
	if (n.DataAtom == atom.P || n.DataAtom == atom.Div) && !hasBlockChild(n) && !isBylineElement(n) {
		if text, short := boundedText(n, maxLinkBlockBytes); short {
			if t := collapseSpaces(text); hasBylinePrefix(t) {
				if by := labelledName(t); by != "" && by != t && strings.ContainsFunc(t[len(by):], unicode.IsDigit) {
					// (words after the name with a number in them: a date or a time, no role)
					// "Автор: Марина К. в 14:05": the label and the name.
					c.flush()
					in := &mdInline{}
					in.text(by)
					c.bylines = append(c.bylines, in)
					return
				}
			}
		}
	}
	if by, ok := c.declaredByline(n); ok {
		// A line that names only the authors the page's metadata gives ("Author: NAME").
		in := &mdInline{}
		in.text(by)
		c.bylines = append(c.bylines, in)
		return
	}
	if c.title != nil && c.end[n] < c.order[c.title] && !contains(n, c.title) && !c.holdsByline(n) {
		// Before the title stand the site's parts (a breadcrumb trail, the section, the date);
		// of the article only its author may stand there.
		return
	}
	if n == c.title && !isHeadingAtom(n.DataAtom) {
		c.flush()
		in := &mdInline{}
		c.writeInline(in, n, false)
		c.out.add(pipeline.BlockHeading, 1, "", in)
		return
	}
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		c.flush()
		if n == c.title {
			c.dropTitleLabel(n)
		}
		in := &mdInline{}
		c.writeInline(in, n, false)
		level := int(n.Data[1] - '0')
		if n == c.title {
			level = 1 // the page's title, printed in a lower heading
		}
		if c.isSubtitle(n) {
			c.out.add(pipeline.BlockParagraph, 0, "", in)
			return
		}
		if inside == pipeline.BlockQuote {
			c.out.add(pipeline.BlockQuote, 0, "", in)
		} else {
			c.out.add(pipeline.BlockHeading, level, "", in)
		}
	case atom.P, atom.Pre, atom.Figcaption, atom.Dt, atom.Dd, atom.Caption, atom.Address, atom.Tr:
		if label := c.pendingLabel(); label != nil && n.DataAtom == atom.P {
			// "关键词：" set beside the paragraph it labels: one line, label and value.
			if !strings.HasSuffix(strings.TrimSpace(label.String()), "：") {
				label.text(" ")
			}
			c.writeInline(label, n, false)
			c.flush()
			return
		}
		c.flush()
		if n.DataAtom == atom.Tr && isLayoutRow(n) {
			// A table that lays out the page: its cells hold the article's blocks.
			c.walkBlocks(n, inside)
			c.flush()
			return
		}
		if n.DataAtom == atom.P && inside == "" && c.bulletedLines(n) {
			return // "• item;<br>• item;<br>• item." in one paragraph: a list
		}
		if rest := captionAfterPicture(n); rest != nil {
			// A picture, a line break and its caption in one paragraph.
			c.start(pipeline.BlockCaption, "")
			for ch := rest; ch != nil; ch = ch.NextSibling {
				c.writeInlineNode(c.cur, ch, false)
			}
			c.flush()
			return
		}
		if n.DataAtom == atom.P && inside == "" && c.textSeen && (c.styledAs(n, c.styled.headings) || isClassHeading(n) && !isOneWord(textOf(n))) {
			// (a paragraph named as a title: the heading of a box in the text, "ContextBlock-title";
			// a word alone there is a label, "Note")
			c.classHeading(n)
			return
		}
		kind := pipeline.BlockParagraph
		if n.DataAtom == atom.Tr && inside == "" && (imageRowBefore(n) || captionTableUnderImage(n)) {
			if text, short := boundedText(n, maxCaptionBytes); short && isSetApartCaption(collapseSpaces(text)) {
				kind = pipeline.BlockCaption // a picture set in a table, its caption in the row under it
			}
		}
		if n.DataAtom == atom.P && (isQuoteClass(attr(n, "class")) || c.styledAs(n, c.styled.quotes)) {
			kind = pipeline.BlockQuote // a paragraph styled as a quotation
		}
		bulleted := n.DataAtom == atom.P && inside == "" && isBulletParagraph(n) &&
			(isBulletParagraph(prevElement(n)) || isBulletParagraph(nextElement(n)))
		if bulleted {
			// Paragraphs that each open with the same kind of bullet ("– ", "• "), as word
			// processors save a list, are its items.
			kind = pipeline.BlockListItem
		}
		c.start(kind, inside)
		if n.DataAtom == atom.Tr {
			c.tableRow(n)
		} else {
			c.writeInline(c.cur, n, false)
		}
		if bulleted && c.cur != nil {
			c.marker = "-"
			c.cur.dropLeading(listBullets)
		}
		c.flush()
	case atom.Summary:
		// The always-visible line of a box that opens ("What is the Middle Corridor?"): the
		// heading of what the box holds.
		c.flush()
		in := &mdInline{}
		c.writeInline(in, n, false)
		if inside == "" {
			c.out.add(pipeline.BlockHeading, 3, "", in)
		} else {
			c.out.add(inside, 0, "", in)
		}
	case atom.Blockquote:
		c.flush()
		if next := nextElement(n); next != nil && (next.DataAtom == atom.Cite || isDashAttribution(next)) {
			// The author printed under the quotation, beside it in the card: the quotation's.
			next.Parent.RemoveChild(next)
			n.AppendChild(next)
		}
		attributionIntoQuote(n)
		c.walkBlocks(n, pipeline.BlockQuote)
		c.flush()
	case atom.Ul, atom.Ol:
		c.flush()
		c.list(n, inside)
	case atom.Li:
		c.flush()
		c.item(n, "-", inside)
	case atom.Br, atom.Hr:
		c.flush()
	default:
		if isBlockElement(n) && inside == "" && (isQuoteClass(attr(n, "class")) || c.styledAs(n, c.styled.quotes)) {
			c.flush()
			attributionIntoQuote(n)
			c.walkBlocks(n, pipeline.BlockQuote)
			c.flush()
			return
		}
		if inside == "" && (c.textSeen || headsList(n)) && (isClassHeading(n) || c.styledAs(n, c.styled.headings)) {
			// Before the first paragraph, a line under the title is its subtitle, no heading.
			c.classHeading(n)
			return
		}
		if isBlockElement(n) {
			c.flush()
			c.walkBlocks(n, inside)
			c.flush()
			return
		}
		if n.DataAtom == atom.A && c.cur == nil && (attr(n, "href") == controlMark ||
			standsAlone(n) && (fileHref.MatchString(attr(n, "href")) || isArrowLink(n))) {
			// A script's button set straight in a box ("Yes", "No", "Print"), or set alone
			// between blocks a link to a file ("Download PDF (1.2 MB)") or a way back or on
			// ("← All news"): a button.
			return
		}
		// Inline content outside a paragraph (text directly in a <div>) is a paragraph of its own.
		c.start(pipeline.BlockParagraph, inside)
		c.writeInlineNode(c.cur, n, false)
	}
}

// maxLoneLinkRunes bounds a link that stands alone as a line of navigation.
const maxLoneLinkRunes = 60

// navArrows are the arrows a site's way back or on is drawn with.
const navArrows = "←→‹›«»<>↩↪⟵⟶⇐⇒◀▶◄►"

// isArrowLink reports a short link that an arrow marks as a button of the site's: a way back
// or on ("← Барлық жаңалықтар", "Next story →").
func isArrowLink(a *html.Node) bool {
	text, short := boundedText(a, 4*maxLoneLinkRunes)
	text = collapseSpaces(text)
	if !short || text == "" || utf8.RuneCountInString(text) > maxLoneLinkRunes || endsWithTerminator(text) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(text)
	last, _ := utf8.DecodeLastRuneInString(text)
	return strings.ContainsRune(navArrows, first) || strings.ContainsRune(navArrows, last)
}

// bylineSeparators are the marks that part the pieces of a byline line.
const bylineSeparators = "·|•—–/-,;"

// bylineLabel returns the text of the paragraph being written when it is only a byline's
// label ("Автор:", "By", "文/") and the element n that follows it inline names the author.
// Else "".
func (c *htmlConverter) bylineLabel(n *html.Node) string {
	label := c.shortOpenParagraph()
	if label == "" || isBlockElement(n) {
		return ""
	}
	name := collapseSpaces(textOf(n))
	if name == "" || !hasBylinePrefix(label+" "+name) || hasBylinePrefix(name) {
		return ""
	}
	return label
}

// maxPendingLabelRunes: a label set before the block it labels ("Keywords:", "关键词：") is a
// word or two.
const maxPendingLabelRunes = 20

// pendingLabel returns the block being written when it is a label waiting for its value: a
// paragraph of a word or two ending with a colon, written from inline content set straight in
// a box. Else nil.
func (c *htmlConverter) pendingLabel() *mdInline {
	if t := c.shortOpenParagraph(); t == "" || !strings.HasSuffix(t, ":") && !strings.HasSuffix(t, "：") {
		return nil
	}
	return c.cur
}

// shortOpenParagraph returns the text of the paragraph being written when it is a word or two
// (a label), else "".
func (c *htmlConverter) shortOpenParagraph() string {
	if c.cur == nil || c.kind != pipeline.BlockParagraph {
		return ""
	}
	t := strings.TrimSpace(plainBlock(c.cur.String()))
	if utf8.RuneCountInString(t) > maxPendingLabelRunes {
		return ""
	}
	return t
}

// lineUnderPicture reports text that opens a line, among lines parted by breaks, right under a
// picture (the picture, a break, the line, a break or the end), the line reading as a caption.
func lineUnderPicture(n *html.Node) bool {
	skip := func(x *html.Node, next func(*html.Node) *html.Node) *html.Node {
		for x != nil && x.Type == html.TextNode && strings.TrimFunc(x.Data, isSpace) == "" {
			x = next(x)
		}
		return x
	}
	back := func(x *html.Node) *html.Node { return x.PrevSibling }
	br := skip(n.PrevSibling, back)
	if br == nil || br.DataAtom != atom.Br {
		return false
	}
	pic := skip(br.PrevSibling, back)
	if pic == nil || pic.Type != html.ElementNode ||
		!isPictureBox(pic) {
		return false
	}
	var b strings.Builder
	for x := n; x != nil && x.DataAtom != atom.Br && !isBlockElement(x); x = x.NextSibling {
		b.WriteString(textOf(x))
		if b.Len() > 4*maxLooseCaptionRunes {
			return false
		}
	}
	line := collapseSpaces(b.String())
	return line != "" && isLooseCaption(line)
}

// captionBeside reports a caption element among n's siblings: the picture is described
// already.
func captionBeside(n *html.Node) bool {
	if n.Parent == nil || n.DataAtom == atom.Figcaption {
		return false
	}
	for s := n.Parent.FirstChild; s != nil; s = s.NextSibling {
		if s != n && s.Type == html.ElementNode && (s.DataAtom == atom.Figcaption || titleOverImage(s)) {
			return true
		}
	}
	return false
}

// isOneWord reports text of one word (a few characters of Chinese).
func isOneWord(s string) bool {
	s = collapseSpaces(s)
	if isHanText(s) {
		return utf8.RuneCountInString(s) <= maxHanControlRunes
	}
	return len(strings.Fields(s)) <= 1
}

// fileHref matches the address of a file to download: a document, a spreadsheet, an archive.
var fileHref = regexp.MustCompile(`(?i)\.(pdf|docx?|xlsx?|pptx?|odt|rtf|epub|zip)([?#]|$)|/downloads?([/?#]|$)`)

// standsAlone reports an inline element set straight into a box of blocks with only blocks,
// line breaks or nothing before and after it: no part of a sentence.
func standsAlone(n *html.Node) bool {
	if n.Parent == nil || !hasBlockChild(n.Parent) {
		return false
	}
	apart := func(s *html.Node, next func(*html.Node) *html.Node) bool {
		for ; s != nil; s = next(s) {
			if s.Type == html.TextNode && strings.TrimFunc(s.Data, isSpace) == "" {
				continue
			}
			return s.Type == html.ElementNode && (isBlockElement(s) || s.DataAtom == atom.Br)
		}
		return true
	}
	return apart(n.PrevSibling, func(x *html.Node) *html.Node { return x.PrevSibling }) &&
		apart(n.NextSibling, func(x *html.Node) *html.Node { return x.NextSibling })
}

// headsList reports a block right above a list in the same box: the list's heading ("Главное"
// over the key points), even before the text.
func headsList(n *html.Node) bool {
	next := nextElement(n)
	return next != nil && (next.DataAtom == atom.Ul || next.DataAtom == atom.Ol) && prevElement(n) == nil
}

// bulletedLines writes a paragraph whose lines, parted by line breaks, are two or more items
// that each open with a bullet (after a lead-in line or two, "Мәселелер:") as that lead-in and a
// list, and reports whether it did. A dash opens a line of dialogue too (isBulletText).
func (c *htmlConverter) bulletedLines(p *html.Node) bool {
	var lines [][]*html.Node
	cur := []*html.Node{}
	for ch := p.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type == html.ElementNode && ch.DataAtom == atom.Br {
			lines = append(lines, cur)
			cur = []*html.Node{}
			continue
		}
		if ch.Type == html.ElementNode && isBlockElement(ch) {
			return false
		}
		cur = append(cur, ch)
	}
	lines = append(lines, cur)
	text := func(ns []*html.Node) string {
		var b strings.Builder
		for _, n := range ns {
			b.WriteString(textOf(n))
		}
		return strings.TrimSpace(collapseSpaces(b.String()))
	}
	first, items := -1, 0
	for i, l := range lines {
		t := text(l)
		switch {
		case t == "":
		case isBulletText(t):
			if first < 0 {
				first = i
			}
			items++
		case first >= 0:
			return false // text after the items: no list
		}
	}
	if items < 2 {
		return false
	}
	for i, l := range lines {
		if text(l) == "" {
			continue
		}
		kind := pipeline.BlockParagraph
		if i >= first {
			kind = pipeline.BlockListItem
		}
		c.start(kind, "")
		for _, n := range l {
			c.writeInlineNode(c.cur, n, false)
		}
		if kind == pipeline.BlockListItem {
			c.marker = "-"
			c.cur.dropLeading(listBullets)
		}
		c.flush()
	}
	return true
}

// maxSectionNameWords: the name of a site's section is a word or three.
const maxSectionNameWords = 3

// titleAfterSection returns, when the page's <title> is the <h1>'s words and then more
// ("Новости компании: Первый поезд…"), the element of root that holds those other words: the
// <h1> names the section, and the element the article. Else nil.
func titleAfterSection(h1, root *html.Node, pageTitle string) *html.Node {
	head, page := collapseSpaces(textOf(h1)), collapseSpaces(pageTitle)
	if head == "" || !strings.HasPrefix(page, head) {
		return nil
	}
	rest := strings.TrimLeft(page[len(head):], " :|—–-·")
	if rest == "" || !isHeadingText(rest) || len(strings.Fields(head)) > maxSectionNameWords ||
		utf8.RuneCountInString(rest) <= utf8.RuneCountInString(head) {
		return nil // (the section's name is short, the article's title longer)
	}
	want := titleKey(rest)
	for _, n := range findAll(root, func(x *html.Node) bool {
		return x != h1 && x.Type == html.ElementNode && isBlockElement(x) && !hasBlockChild(x) && !insideFurniture(x)
	}) {
		if t, short := boundedText(n, 4*len(rest)); short && titleKey(collapseSpaces(t)) == want {
			return n
		}
	}
	return nil
}

// classHeading writes a block that its class or style makes a heading, unless it repeats the
// title.
func (c *htmlConverter) classHeading(n *html.Node) {
	c.flush()
	in := &mdInline{}
	c.writeInline(in, n, false)
	if c.titleKey == "" || titleKey(in.String()) != c.titleKey {
		c.out.add(pipeline.BlockHeading, 2, "", in)
	}
}

// skip reports page furniture and elements without article text.
func (c *htmlConverter) skip(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Aside:
		// An aside is the page's, but for the pull quote that repeats a line of the text.
		return !isQuoteClass(attr(n, "class"))
	case atom.Nav, atom.Script, atom.Style, atom.Form, atom.Button:
		return true
	case atom.Header, atom.Footer:
		// Page headers and footers are outside the article root; inside it a header holds the
		// title and a footer the notes or the byline, so they stay unless they are furniture.
	}
	if c.title != nil && contains(n, c.title) || c.textRoot != nil && contains(n, c.textRoot) {
		return false // a box named like furniture ("hero-banner") that holds the title holds the article's head
	}
	if isFurnitureClass(attr(n, "class")) || isFurnitureClass(attr(n, "id")) || isFurnitureRole(attr(n, "role")) {
		return true
	}
	if isFormBox(n) || isMetadataList(n) {
		return true // (the author named in a list of metadata is taken by walkNode)
	}
	if _, hidden := attrValue(n, "hidden"); hidden || strings.EqualFold(attr(n, "aria-hidden"), "true") {
		return true // not shown, or shown only as decoration
	}
	if isBlockElement(n) && isNotesSection(n) && !c.holdsNote(n) {
		// A notes section whose notes nobody refers to, or its heading: the notes are written
		// where they are numbered.
		return true
	}
	return false
}

// holdsNote reports whether n contains a referenced note, in which case it is walked so that
// the note is found; its other content (a "Notes" heading, back links) is dropped by walkNode.
func (c *htmlConverter) holdsNote(n *html.Node) bool {
	if _, ok := c.notes[n]; ok {
		return true
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if c.holdsNote(ch) {
			return true
		}
	}
	return false
}

// list writes the items of a list, numbering ordered ones.
func (c *htmlConverter) list(n *html.Node, inside pipeline.BlockKind) {
	number := 1
	if s, err := strconv.Atoi(attr(n, "start")); err == nil {
		number = s
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type != html.ElementNode || ch.DataAtom != atom.Li {
			c.walkNode(ch, inside)
			continue
		}
		if _, isNote := c.notes[ch]; isNote || c.skip(ch) || isBylineElement(ch) || isPublicationElement(ch) {
			// A meta line set as a list: its author and its date are no list items.
			c.walkNode(ch, inside)
			continue
		}
		marker := "-"
		if n.DataAtom == atom.Ol {
			marker = strconv.Itoa(number) + "."
			number++
		}
		c.item(ch, marker, inside)
	}
}

// item writes a list item: its own text, then its nested lists and blocks after it.
func (c *htmlConverter) item(li *html.Node, marker string, inside pipeline.BlockKind) {
	kind := pipeline.BlockListItem
	if inside != "" {
		kind = inside
	}
	c.flush()
	c.kind, c.marker, c.cur = kind, marker, &mdInline{}
	for ch := li.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type == html.ElementNode && (isBlockElement(ch) && ch.DataAtom != atom.P) {
			c.flush()
			c.walkNode(ch, inside)
			continue
		}
		if ch.Type == html.ElementNode && ch.DataAtom == atom.P {
			if c.cur == nil {
				c.kind, c.marker, c.cur = kind, marker, &mdInline{}
			}
			c.writeInline(c.cur, ch, false)
			c.cur.text(" ")
			continue
		}
		if c.cur == nil {
			c.walkNode(ch, inside)
			continue
		}
		c.writeInlineNode(c.cur, ch, false)
	}
	c.flush()
}

// listBullets are the marks a list item set as a paragraph may open with.
const listBullets = "•–—·▪●◦-‣"

// isBulletParagraph reports a paragraph that opens with a bullet and a space.
func isBulletParagraph(n *html.Node) bool {
	if n == nil || n.DataAtom != atom.P {
		return false
	}
	text := strings.TrimLeftFunc(leadingText(n, 16), isSpace)
	r, size := utf8.DecodeRuneInString(text)
	if size == 0 || !strings.ContainsRune(listBullets, r) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(text[size:])
	if !isSpace(next) {
		return false
	}
	if strings.ContainsRune(dashBullets, r) {
		// A dash opens dialogue too ("— Нет."); a list item after a dash goes on in lower case
		// or ends with a semicolon.
		item := strings.TrimLeftFunc(text[size:], isSpace)
		first, _ := utf8.DecodeRuneInString(item)
		whole := collapseSpaces(textOf(n))
		return unicode.IsLower(first) || strings.HasSuffix(whole, ";") || strings.HasSuffix(whole, "；")
	}
	return true
}

// dashBullets are the bullets that may also open a line of dialogue.
const dashBullets = "–—-"

// leadingText returns the start of n's text, up to limit bytes after its leading spaces.
func leadingText(n *html.Node, limit int) string {
	var b strings.Builder
	var walk func(*html.Node) bool
	walk = func(x *html.Node) bool {
		if x.Type == html.TextNode {
			t := x.Data
			if strings.TrimFunc(b.String(), isSpace) == "" {
				t = strings.TrimLeftFunc(t, isSpace)
			}
			b.WriteString(t)
			return b.Len() < limit
		}
		for ch := x.FirstChild; ch != nil; ch = ch.NextSibling {
			if !walk(ch) {
				return false
			}
		}
		return true
	}
	walk(n)
	return b.String()
}

// prevElement and nextElement return the element siblings of n, or nil.
func prevElement(n *html.Node) *html.Node {
	for s := n.PrevSibling; s != nil; s = s.PrevSibling {
		if s.Type == html.ElementNode {
			return s
		}
	}
	return nil
}

func nextElement(n *html.Node) *html.Node {
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.ElementNode {
			return s
		}
	}
	return nil
}

// isLayoutRow reports a table row whose cells hold blocks (paragraphs, headings, boxes) rather
// than a line of data: a table that lays out the page.
func isLayoutRow(tr *html.Node) bool {
	for cell := tr.FirstChild; cell != nil; cell = cell.NextSibling {
		if cell.Type == html.ElementNode && (cell.DataAtom == atom.Td || cell.DataAtom == atom.Th) && hasBlockChild(cell) {
			return true
		}
	}
	return false
}

// pieceGap parts the pieces of a publication line set in one text: runs of spaces (a template's
// "&nbsp;&nbsp;&nbsp;"), bars and dots.
var pieceGap = regexp.MustCompile(`[\s\x{a0}]{2,}|[|·•]`)

// signedPieces takes as bylines the pieces of a publication line that name the author under a
// label ("2024-09-12 来源：中亚研究网 作者：李建华 评论：0": 作者：李建华).
func (c *htmlConverter) signedPieces(line string) {
	for _, p := range pieceGap.Split(line, -1) {
		if p = strings.TrimSpace(p); hasBylinePrefix(p) && isBylineText(p) {
			in := &mdInline{}
			in.text(p)
			c.bylines = append(c.bylines, in)
		}
	}
}

// labelsNotes reports a short line set right before the page's notes, in their box: their
// label ("Примечания", "注释", "Notes"), which is no text once the notes are read as notes.
// A line outside that box (the author's name closing the text above the notes) is not.
func (c *htmlConverter) labelsNotes(n *html.Node) bool {
	if len(c.notes) == 0 || hasBlockChild(n) || !isBlockElement(n) {
		return false
	}
	// The label heads the notes' own box: every other element in it is a note.
	notes := 0
	for s := n.Parent.FirstChild; s != nil; s = s.NextSibling {
		if s.Type != html.ElementNode || s == n {
			continue
		}
		if _, ok := c.notes[s]; !ok || c.order[s] < c.order[n] {
			return false
		}
		notes++
	}
	if notes == 0 {
		return false
	}
	text, short := boundedText(n, 4*maxNotesLabelRunes)
	text = collapseSpaces(text)
	return short && text != "" && utf8.RuneCountInString(text) <= maxNotesLabelRunes && !endsWithTerminator(text)
}

// captionTableUnderImage reports the one row of a table that a class names a caption, set
// right under a block that holds a picture and no text (Blogger's "tr-caption-container").
func captionTableUnderImage(tr *html.Node) bool {
	table := tr.Parent
	if table != nil && table.DataAtom != atom.Table {
		table = table.Parent // the <tbody> the parser puts around the rows
	}
	if table == nil || table.DataAtom != atom.Table || len(findAll(table, func(x *html.Node) bool { return x.DataAtom == atom.Tr })) != 1 {
		return false
	}
	named := captionClass.MatchString(attr(table, "class"))
	for cell := tr.FirstChild; cell != nil && !named; cell = cell.NextSibling {
		named = cell.Type == html.ElementNode && captionClass.MatchString(attr(cell, "class"))
	}
	pic := prevElement(table)
	return named && pic != nil && isPictureBox(pic)
}

// imageRowBefore reports a table row right under a row that holds a picture and no text.
func imageRowBefore(tr *html.Node) bool {
	for s := tr.PrevSibling; s != nil; s = s.PrevSibling {
		if s.Type == html.ElementNode {
			return s.DataAtom == atom.Tr && isPictureBox(s)
		}
	}
	return false
}

// tableRow writes a table row as one paragraph, its cells separated by semicolons.
func (c *htmlConverter) tableRow(tr *html.Node) {
	first := true
	for cell := tr.FirstChild; cell != nil; cell = cell.NextSibling {
		if cell.Type != html.ElementNode || (cell.DataAtom != atom.Td && cell.DataAtom != atom.Th) {
			continue
		}
		if strings.TrimSpace(textOf(cell)) == "" {
			continue
		}
		if !first {
			c.cur.text("; ")
		}
		first = false
		c.writeInline(c.cur, cell, false)
	}
}

// start opens a paragraph-like block unless one is open.
func (c *htmlConverter) start(kind pipeline.BlockKind, inside pipeline.BlockKind) {
	if c.cur != nil {
		return
	}
	if inside != "" {
		kind = inside
	}
	c.kind, c.marker, c.level, c.cur = kind, "", 0, &mdInline{}
}

func (c *htmlConverter) inlineText(s string, inside pipeline.BlockKind) {
	if strings.TrimFunc(s, isSpace) == "" {
		if c.cur != nil {
			c.cur.text(" ")
		}
		return
	}
	c.start(pipeline.BlockParagraph, inside)
	c.cur.text(s)
}

// flush ends the open block. A paragraph that is only a date (a page's publication line) is
// dropped.
func (c *htmlConverter) flush() {
	if c.cur == nil {
		return
	}
	plain := strings.ReplaceAll(c.cur.b.String(), "\\", "")
	switch {
	case c.inHead && (c.kind == pipeline.BlockParagraph || c.kind == pipeline.BlockListItem) && !readsAsHead(collapseSpaces(plain)):
		c.cur = nil
		return
	case c.kind != pipeline.BlockParagraph:
	case isPublicationLine(plain):
		c.cur = nil
		return
	case c.textSeen && c.citesArticle(plain):
		// "Thorne, R. (2024), The Middle Corridor after the boom, Research paper, London: …":
		// how to cite the article, under it.
		c.cur = nil
		return
	case c.titleKey != "" && titleKey(plain) == c.titleKey,
		!c.textSeen && c.siteNames[titleKey(plain)] && !isNameLine(plain):
		// The title printed again in the body, or the site's or channel's name above the
		// text (an author's name in the <title> is the byline).
		c.cur = nil
		return
	}
	if c.kind == pipeline.BlockCaption {
		c.cur.dropTrailingCredit()
	}
	if c.kind == pipeline.BlockParagraph {
		if t := strings.TrimRightFunc(plain, unicode.IsSpace); strings.HasSuffix(t, " ·") || strings.HasSuffix(t, " |") || strings.HasSuffix(t, " •") {
			c.cur.dropTrailing("·|•") // a separator left after a piece that was left out (a date)
		}
	}
	c.textSeen = c.textSeen || c.kind == pipeline.BlockParagraph && c.cur.b.Len() > maxHeadingColumns
	if c.kind == pipeline.BlockParagraph {
		c.paragraphs++
	}
	c.out.add(c.kind, c.level, c.marker, c.cur)
	c.cur = nil
}

// maxCitationRunes: a reference to an article is a line or two.
const maxCitationRunes = 400

// citationYear matches a year as references print it: in brackets, or after a comma or a full
// stop ("(2024)", ", 2024.", "// Центр исследований. 2024. 15 мая").
var citationYear = regexp.MustCompile(`[(（]\d{4}[a-z]?[)）]|[,.]\s*\d{4}[.,]`)

// citesArticle reports a short paragraph that names the article's title after an author's
// name, with a year, as a reference to it does.
func (c *htmlConverter) citesArticle(s string) bool {
	title := ""
	if c.title != nil {
		title = collapseSpaces(textOf(c.title))
	}
	s = collapseSpaces(s)
	if len(strings.Fields(title)) < minCitedTitleWords || utf8.RuneCountInString(s) > maxCitationRunes {
		return false
	}
	at := strings.Index(strings.ToLower(s), strings.ToLower(title))
	return at > 0 && citationYear.MatchString(s)
}

// minCitedTitleWords: a title of a few words, whose repetition beside a year is a reference.
const minCitedTitleWords = 3

// Bounds of the text that stands between a title and the text's container: a subtitle or a
// lead says something in a few words at least.
const (
	minHeadWords    = 5
	minHeadHanRunes = 10
)

// readsAsHead reports a paragraph between the title and the text that is the article's: a
// subtitle or a lead, which reads as a phrase or a sentence, or a byline. Controls, labels
// and counters printed there ("Listen to this article", "Share Tweet", "Translated by Google")
// are a word or three.
func readsAsHead(s string) bool {
	if isNameLine(s) || hasBylinePrefix(s) && isBylineText(s) {
		return true
	}
	if isHanText(s) {
		han := 0
		for _, r := range s {
			if isHan(r) {
				han++
			}
		}
		return han >= minHeadHanRunes
	}
	return len(strings.Fields(s)) >= minHeadWords
}

// writeInline writes the inline content of n into in. inNote drops the links back to the
// reference and a leading number that repeats the note's.
func (c *htmlConverter) writeInline(in *mdInline, n *html.Node, inNote bool) {
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if gluedToLabel(ch) {
			in.text(" ") // "<span>Author:</span><a>NAME</a>": the page's styling parts them
		}
		if inNote && in.b.Len() == 0 && len(in.due) == 0 {
			if ch.Type == html.ElementNode && !isBlockElement(ch) && isNoteLabel(textOf(ch)) {
				continue // the label, as a raised or linked number or in a box of its own ("[1]")
			}
			if ch.Type == html.TextNode {
				in.text(noteLabel.ReplaceAllString(ch.Data, ""))
				continue
			}
		}
		c.writeInlineNode(in, ch, inNote)
	}
}

// gluedToLabel reports an element that follows, with nothing between them, an element whose
// text is a label ending with a colon: "<span>Автор:</span><a>NAME</a>", which the page's
// styling sets apart.
func gluedToLabel(n *html.Node) bool {
	prev := n.PrevSibling
	if n.Type != html.ElementNode || prev == nil || prev.Type != html.ElementNode || isBlockElement(n) || isBlockElement(prev) {
		return false
	}
	label := textOf(prev)
	r, _ := utf8.DecodeRuneInString(textOf(n))
	return strings.HasSuffix(label, ":") && utf8.RuneCountInString(label) <= maxLinkLabelRunes && unicode.IsLetter(r)
}

// noteLabel matches the number a note's text may start with: "1.", "[1]", "1)", "②", "¹".
var noteLabel = regexp.MustCompile(`^\s*(\[\d{1,3}\]|\d{1,3}[.)]|[` + noteMarks + `]{1,3})\s*`)

func (c *htmlConverter) writeInlineNode(in *mdInline, n *html.Node, inNote bool) {
	switch n.Type {
	case html.TextNode:
		in.text(n.Data)
		return
	case html.ElementNode:
	default:
		return
	}
	if num, ok := c.notes[n]; ok && !inNote && isSideNote(n) {
		in.footnote(num) // the side note's text is written with the notes
		return
	}
	if c.inByline && isPublicationElement(n) || c.dropped[n] {
		return
	}
	if (n.DataAtom == atom.A || n.DataAtom == atom.Span) && in.b.Len() > 0 && lastInBlock(n) && isFurnitureText(textOf(n)) {
		if c.title != nil && contains(c.title, n) {
			c.signedPieces(textOf(n)) // a template that prints the date line inside the title
		}
		return // "返回搜狐，查看更多" after the last sentence
	}
	if c.skip(n) && !(inNote && isNotesSection(n)) &&
		!(c.inByline && screenReaderClass.MatchString(attr(n, "class"))) {
		// A byline's words for screen readers ("By ") are the byline's.
		// Inside a note, a block named like a notes section is the note's own text
		// ("footnote-content").
		return
	}
	switch n.DataAtom {
	case atom.A:
		if target := c.noteTarget(n); target != nil {
			if num, ok := c.notes[target]; ok {
				in.footnote(num)
			}
			return
		}
		href := attr(n, "href")
		if href == controlMark {
			c.writeInline(in, n, inNote) // a script's link in a sentence: its words stay, without it
			return
		}
		if strings.HasPrefix(href, "#") {
			if inNote {
				return // "↩" back to the reference
			}
			if !strings.ContainsFunc(textOf(n), func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
				return // a heading's anchor, "¶" or "#": a way to link to the place, not text
			}
			c.writeInline(in, n, inNote)
			return
		}
		safe, ok := pipeline.SafeHref(href)
		if !ok {
			c.writeInline(in, n, inNote)
			return
		}
		in.open(pipeline.InlineLink, safe)
		c.writeInline(in, n, inNote)
		in.close()
	case atom.Em, atom.I, atom.Cite:
		in.open(pipeline.InlineEmphasis, "")
		c.writeInline(in, n, inNote)
		in.close()
	case atom.Strong, atom.B:
		in.open(pipeline.InlineStrong, "")
		c.writeInline(in, n, inNote)
		in.close()
	case atom.Sup:
		if a := findFirst(n, atom.A); a != nil && c.noteTarget(a) != nil {
			// The reference alone, without the <sup>'s brackets: "<sup>[<a>1</a>]</sup>".
			for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
				if ch.Type == html.TextNode && strings.TrimFunc(ch.Data, func(r rune) bool { return isSpace(r) || unicode.IsPunct(r) }) == "" {
					continue
				}
				c.writeInlineNode(in, ch, inNote)
			}
			return
		}
		if t := strings.TrimSpace(textOf(n)); t != "" && len(t) <= 3 && strings.Trim(t, "0123456789*†‡") == "" && c.inByline {
			return // an author's affiliation mark ("Nurzhan Bekova<sup>1</sup>")
		}
		if t := strings.TrimSpace(textOf(n)); t != "" && len(t) <= 3 && strings.Trim(t, "0123456789") == "" {
			// A number raised and linked to nothing: a note's mark or a power ("km<sup>2</sup>"),
			// written as the raised digits it shows, not run into the word before it.
			in.text(superscriptDigits(t))
			return
		}
		c.writeInline(in, n, inNote)
	case atom.Br:
		in.text("\n") // a line break: no space between two Chinese characters
	default:
		if isBlockElement(n) {
			in.text(" ")
			c.writeInline(in, n, inNote)
			in.text(" ")
			return
		}
		c.writeInline(in, n, inNote)
	}
}

// articleRoot picks the element that holds the article.
func articleRoot(doc *html.Node, pageTitle string) *html.Node {
	var best *html.Node
	bestLen := 0
	for _, a := range findAll(doc, func(n *html.Node) bool { return n.DataAtom == atom.Article }) {
		if l := len(collapseSpaces(textOf(a))); l > bestLen {
			best, bestLen = a, l
		}
	}
	if best != nil && bestLen > 0 && !articleIsCard(doc, best) {
		return best
	}
	best, bestLen = nil, 0
	for _, m := range findAll(doc, func(n *html.Node) bool {
		return n.DataAtom == atom.Main || strings.EqualFold(attr(n, "role"), "main")
	}) {
		if strings.TrimSpace(textOf(m)) != "" {
			return m
		}
	}
	// The element whose own paragraphs hold the most text. A paragraph is a <p>, or any block
	// with text of its own and no blocks inside (a <div> per paragraph, as Blogger and many
	// editors write); text set straight into a block among other blocks (lines parted by <br>)
	// is that block's own.
	score := map[*html.Node]int{}
	paragraphs, counted := map[*html.Node]int{}, map[*html.Node]bool{} // blocks of text per container
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			switch {
			case ch.Type == html.ElementNode && (ch.DataAtom == atom.Nav || ch.DataAtom == atom.Header ||
				ch.DataAtom == atom.Footer || ch.DataAtom == atom.Aside || isFurnitureRole(attr(ch, "role"))):
				// furniture
			case ch.Type == html.TextNode:
				if t := strings.TrimSpace(ch.Data); t != "" && !insideLink(ch) {
					if b := blockOf(ch); b != nil {
						container := b
						if b.DataAtom == atom.P || !hasBlockChild(b) {
							container = b.Parent
						}
						if container != nil {
							score[container] += len(t)
							if !counted[b] {
								counted[b] = true
								paragraphs[container]++
							}
						}
					}
				}
			default:
				walk(ch)
			}
		}
	}
	walk(doc)
	for n, s := range score {
		if s > bestLen {
			best, bestLen = n, s
		}
	}
	if best != nil {
		// What each element holds of the paragraph text, its own and its descendants'.
		held, total := map[*html.Node]int{}, 0
		for n, s := range score {
			total += s
			for p := n; p != nil; p = p.Parent {
				held[p] += s
			}
		}
		// The body the page marks as the article's (schema.org microdata) holds it.
		if body := markedArticleBody(doc); body != nil && held[body] > 0 {
			best = body
		}
		// Paragraphs wrapped one by one in blocks of their own (page builders, news sites that
		// set each paragraph in a "block" of the body): no container holds most of the text,
		// and the article is the nearest one above that does.
		// A container of one paragraph is such a wrapper too, however long the paragraph: the
		// article is the nearest container above it that holds several.
		heldParagraphs := map[*html.Node]int{}
		for n, k := range paragraphs {
			for p := n; p != nil; p = p.Parent {
				heldParagraphs[p] += k
			}
		}
		switch {
		case float64(held[best]) < minRootShare*float64(total):
			p := best.Parent
			for k := 0; p != nil && k < maxRootClimb && !isPageElement(p); k++ {
				if float64(held[p]) >= wrappedRootShare*float64(total) {
					best = p
					break
				}
				p = p.Parent
			}
		case paragraphs[best] == 1:
			p := best.Parent
			for k := 0; p != nil && k < maxRootClimb && !isPageElement(p); k++ {
				if heldParagraphs[p] >= minWrappedParagraphs {
					best = p
					break
				}
				p = p.Parent
			}
		}
		best = withSiblingParts(best, held)
		// Keep the heading and notes that sit next to the paragraphs' container, and the
		// picture and byline printed between the title and the text, when going up to the
		// title adds little text.
		if findFirst(best, atom.H1) == nil {
			p := best.Parent
			for k := 0; p != nil && k < maxTitleClimb && !isPageElement(p) && !insideFurniture(p); k++ {
				if findFirst(p, atom.H1) != nil || headingAsTitle(p, pageTitle) != nil {
					if float64(held[p]) <= maxTitleClimbGrowth*float64(held[best]) {
						return p
					}
					break
				}
				p = p.Parent
			}
		}
		return best
	}
	if body := findFirst(doc, atom.Body); body != nil {
		return body
	}
	return doc
}

// maxPartsClimb: how far above the text's container the box of a page builder's parts (text,
// picture, quotation, text again) is looked for.
const maxPartsClimb = 3

// withSiblingParts returns the box that holds root together with the other parts of the same
// kind that continue the text, when a page builder splits the article into parts of one markup
// (SharePoint's web parts, a builder's "text" blocks between a picture block and a quotation
// block): the nearest ancestor, a few levels up, under which another element reached by the
// same path of tags and component marks (componentMark) also holds paragraph text. A comments
// list or a card of related stories has markup of its own and does not count. Else root.
func withSiblingParts(root *html.Node, held map[*html.Node]int) *html.Node {
	type step struct {
		tag  atom.Atom
		mark string
	}
	var path []step // from the ancestor down to root
	classed := false
	a := root
	for k := 0; k < maxPartsClimb && a.Parent != nil && !isPageElement(a.Parent); k++ {
		cl := componentMark(a)
		path = append([]step{{a.DataAtom, cl}}, path...)
		classed = classed || cl != ""
		a = a.Parent
		if !classed {
			continue // a chain of bare <div>s matches anything
		}
		// Walk the same path from a; another element at its end with text of its own continues
		// the article.
		level := []*html.Node{a}
		for _, st := range path {
			var next []*html.Node
			for _, n := range level {
				for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
					if ch.Type == html.ElementNode && ch.DataAtom == st.tag && componentMark(ch) == st.mark {
						next = append(next, ch)
					}
				}
			}
			level = next
		}
		for _, n := range level {
			if n != root && held[n] > 0 {
				return a
			}
		}
	}
	return root
}

// componentMark is what names the kind of a page builder's component: its classes and its
// data attributes ("data-automation-id", "data-element_type"), in their order.
func componentMark(n *html.Node) string {
	var b strings.Builder
	b.WriteString(attr(n, "class"))
	for _, a := range n.Attr {
		if strings.HasPrefix(a.Key, "data-") {
			b.WriteString("|" + a.Key + "=" + a.Val)
		}
	}
	return b.String()
}

// minArticleShare: the <article> that holds the article holds at least this share of the text
// of the page's paragraphs outside navigation, headers, footers and asides; a smaller one is a
// card in a list of stories (a sidebar's "Popular").
const minArticleShare = 0.3

// articleIsCard reports an <article> that holds little of the page's paragraph text.
func articleIsCard(doc, a *html.Node) bool {
	total, inside := 0, 0
	for _, p := range findAll(doc, func(n *html.Node) bool { return n.DataAtom == atom.P && !insideFurniture(n) }) {
		l := len(collapseSpaces(textOf(p)))
		total += l
		if contains(a, p) {
			inside += l
		}
	}
	return float64(inside) < minArticleShare*float64(total)
}

// Bounds of the search for the article's container among the page's blocks.
const (
	// minRootShare: a container with at least this share of the page's paragraph text holds
	// the article.
	minRootShare = 0.5
	// wrappedRootShare: the share the container of paragraphs wrapped one by one must hold.
	wrappedRootShare = 0.6
	// minWrappedParagraphs: the container of paragraphs wrapped one by one holds this many.
	minWrappedParagraphs = 3
	// maxRootClimb: paragraphs are wrapped a few levels deep at most.
	maxRootClimb = 6
	// maxTitleClimb, maxTitleClimbGrowth: the title stands a few levels above the text, and the
	// blocks around it (date, byline, picture) hold little text beside the article's.
	maxTitleClimb       = 3
	maxTitleClimbGrowth = 1.5
)

// markedArticleBody returns the one element whose itemprop says it is the article's body
// ("articleBody", schema.org), or nil when there is none or more than one.
func markedArticleBody(doc *html.Node) *html.Node {
	marked := findAll(doc, func(n *html.Node) bool {
		for _, p := range strings.Fields(attr(n, "itemprop")) {
			if strings.EqualFold(p, "articleBody") {
				return true
			}
		}
		return false
	})
	if len(marked) != 1 {
		return nil
	}
	return marked[0]
}

// isPageElement reports the page's <body> or <html>, which are no article's container.
func isPageElement(n *html.Node) bool {
	return n.Type != html.ElementNode || n.DataAtom == atom.Body || n.DataAtom == atom.Html
}

// insideLink reports text within a link: menus and lists of stories, which do not vote for the
// article's place.
func insideLink(n *html.Node) bool {
	for p := n.Parent; p != nil && !isBlockElement(p); p = p.Parent {
		if p.DataAtom == atom.A {
			return true
		}
	}
	return false
}

// blockOf returns the nearest block element around n.
func blockOf(n *html.Node) *html.Node {
	for p := n.Parent; p != nil; p = p.Parent {
		if isBlockElement(p) {
			return p
		}
	}
	return nil
}

// hasBlockChild reports a block that holds other blocks.
func hasBlockChild(n *html.Node) bool {
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if isBlockElement(ch) && ch.DataAtom != atom.Hr {
			return true
		}
	}
	return false
}

// insidePageFurniture is insideFurniture, except that a <header> that holds title is the
// article's head ("<header class="entry-header"><h1>…</h1>" with the standfirst and the
// byline), not the page's.
func insidePageFurniture(n, title *html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		switch p.DataAtom {
		case atom.Header:
			if title == nil || !contains(p, title) {
				return true
			}
		case atom.Nav, atom.Footer, atom.Aside:
			return true
		}
	}
	return false
}

// insideFurniture reports a node within navigation, a page header or footer, or an aside.
func insideFurniture(n *html.Node) bool { return insidePageFurniture(n, nil) }

// siteTitle takes the article's part of a <title> such as "Article — Site name", also when the
// site joins its parts by separators of two kinds ("Article :: Paper - national daily").
func siteTitle(t string) string {
	t = collapseSpaces(t)
	seps := []string{" | ", " — ", " – ", " - ", " :: ", " · "}
	if isHanText(t) {
		// Chinese sites join the parts without spaces: "标题_栏目_站点", "标题-新闻网-大学".
		seps = append(seps, "_", "－", "-", "|")
	}
	for split := true; split; {
		split = false
		for _, sep := range seps {
			if parts := strings.Split(t, sep); len(parts) > 1 {
				longest := ""
				for _, p := range parts {
					if len(p) > len(longest) {
						longest = p
					}
				}
				t, split = strings.TrimSpace(longest), true
				break
			}
		}
		// A dash or a hyphen inside what is left belongs to the title ("Kazakhstan - China
		// trade grows | Kazinform", "COVID-19"): only the site's separators are split again.
		seps = []string{" | ", " :: ", " · "}
	}
	return t
}

func isBlockElement(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	switch n.DataAtom {
	case atom.Article, atom.Main, atom.Section, atom.Div, atom.Header, atom.Footer, atom.Nav, atom.Aside,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.P, atom.Blockquote, atom.Ul, atom.Ol,
		atom.Li, atom.Dl, atom.Dt, atom.Dd, atom.Pre, atom.Figure, atom.Figcaption, atom.Table, atom.Thead,
		atom.Tbody, atom.Tfoot, atom.Tr, atom.Td, atom.Th, atom.Caption, atom.Address, atom.Hr, atom.Body, atom.Html,
		atom.Details, atom.Summary:
		return true
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	if n == nil {
		return ""
	}
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		b.WriteString(textOf(ch))
		if isBlockElement(ch) {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
	}
	walk(n)
	return out
}

func findFirst(n *html.Node, a atom.Atom) *html.Node {
	if n == nil {
		return nil
	}
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if f := findFirst(ch, a); f != nil {
			return f
		}
	}
	return nil
}

// headerTitle returns the first <h1> outside skip that stands in a <header> (and in no
// navigation, footer or aside) and says what the page's <title> says: the article's own header
// ("<header class="entry-header"><h1 class="entry-title">"), which themes print above the text's
// container, not the site's banner.
func headerTitle(doc, skip *html.Node, pageTitle string) *html.Node {
	want := titleKey(siteTitle(pageTitle))
	if want == "" {
		return nil
	}
	for _, f := range findAll(doc, func(x *html.Node) bool { return x.DataAtom == atom.H1 }) {
		// In furniture only for the <header> that holds it: no navigation, footer or aside.
		if !contains(skip, f) && insideFurniture(f) && !insidePageFurniture(f, f) && titleKey(collapseSpaces(textOf(f))) == want {
			return f
		}
	}
	return nil
}

// findFirstOutside finds the first element a that is neither inside skip nor page furniture.
func findFirstOutside(n *html.Node, a atom.Atom, skip *html.Node) *html.Node {
	for _, f := range findAll(n, func(x *html.Node) bool { return x.DataAtom == a }) {
		if !contains(skip, f) && !insideFurniture(f) && !isHomeLink(f) {
			return f
		}
	}
	return nil
}

// isHomeLink reports a heading that is wholly a link to the site's home page: the site's name
// set as a logo, not an article's title.
func isHomeLink(h *html.Node) bool {
	a := findFirst(h, atom.A)
	if a == nil || collapseSpaces(textOf(a)) != collapseSpaces(textOf(h)) {
		return false
	}
	href := attr(a, "href")
	if i := strings.Index(href, "://"); i >= 0 {
		href = href[i+3:]
		if j := strings.IndexByte(href, '/'); j >= 0 {
			href = href[j:]
		} else {
			href = "/"
		}
	}
	return href == "/" || href == ""
}

func contains(root, n *html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		if p == root {
			return true
		}
	}
	return false
}

// attrValue returns an attribute's value and whether the element has it at all.
func attrValue(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// Bounds of the page-furniture looks at a block: link lists and calls to action are short.
const (
	maxLinkBlockBytes = 400
	linkTextShare     = 0.7
	readAlsoLinkShare = 0.4 // under a "Read also" label
)

// isLinkBlock reports a short block made mostly of links to other pages ("Read also: …", a
// row of download and print links, a list of related stories) or a list every item of which is
// one link (a table of contents, a list of related stories): a way out of the article, not
// part of it.
func isLinkBlock(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.Section, atom.Td:
		// (a cell of a table that lays out the page: its column of links is a menu)
	case atom.Ul, atom.Ol:
		items := 0
		for li := n.FirstChild; li != nil; li = li.NextSibling {
			if li.Type != html.ElementNode {
				continue
			}
			if li.DataAtom != atom.Li {
				return false
			}
			text := collapseSpaces(textOf(li))
			a := findFirst(li, atom.A)
			if a == nil || text == "" || collapseSpaces(textOf(a)) != text {
				return false
			}
			items++
		}
		return items > 0
	default:
		return false
	}
	whole, short := boundedText(n, maxLinkBlockBytes)
	whole = collapseSpaces(whole)
	if !short || whole == "" || findFirst(n, atom.Img) != nil {
		return false
	}
	if isIconBar(n, whole) {
		return true
	}
	if len(findAll(n, func(x *html.Node) bool {
		return x.Type == html.ElementNode && bylineClass.MatchString(attr(x, "class")+" "+attr(x, "rel")+" "+attr(x, "itemprop"))
	})) > 0 {
		return false // the author's name links to the author's page
	}
	if hasBylinePrefix(whole) && isBylineText(whole) {
		return false // "Author: <a>NAME</a>": the byline, whose name links to the author's page
	}
	// A label before the links ("Topics:", "Read also:") does not count against them; one that
	// says what the links are ("MORE FROM THE LEDGER", "Читайте также") may name the site too.
	share := linkTextShare
	if readAlsoLabel(whole) > 0 {
		share = readAlsoLinkShare
	} else if label, rest, ok := strings.Cut(whole, ":"); ok && len(strings.Fields(label)) <= 3 && rest != "" &&
		!strings.ContainsFunc(label, unicode.IsDigit) {
		whole = strings.TrimSpace(rest)
	}
	// Labels before each link ("上一篇：", "Next:") do not count against them either.
	whole = withoutLinkLabels(n, whole)
	linked, outward, controls := 0, false, 0
	for _, a := range findAll(n, func(x *html.Node) bool { return x.DataAtom == atom.A }) {
		linked += len(collapseSpaces(textOf(a)))
		href, has := attrValue(a, "href")
		outward = outward || href != "" && !strings.HasPrefix(href, "#")
		if !has || href == controlMark {
			controls += len(collapseSpaces(textOf(a)))
		}
	}
	if controls > 0 && controls == len(strings.ReplaceAll(whole, " ", "")) {
		return true // links that lead nowhere (script buttons whose address was dropped) and nothing else
	}
	return outward && float64(linked) >= share*float64(len(whole))
}

// slideCounter matches a gallery's counter: "1 / 5", "2 из 7", "3 of 8", "第2张/共5张".
var slideCounter = regexp.MustCompile(`^\s*(?:第\s*)?\d{1,3}\s*(?:/|из|of|張|张)\s*(?:共\s*)?\d{1,3}\s*(?:張|张)?\s*$`)

// maxIconBarRunes bounds the text beside a row of icon links: a count or a word ("112 shares",
// "Поделиться").
const maxIconBarRunes = 20

// isIconBar reports a row of buttons drawn as icons (share, print, follow): two or more links
// with no text of their own and, beside them, a word or a count at most.
func isIconBar(n *html.Node, whole string) bool {
	if utf8.RuneCountInString(whole) > maxIconBarRunes || endsWithTerminator(whole) {
		return false
	}
	icons := 0
	for _, a := range findAll(n, func(x *html.Node) bool { return x.DataAtom == atom.A }) {
		if _, has := attrValue(a, "href"); has && collapseSpaces(textOf(a)) == "" {
			icons++
		}
	}
	return icons >= 2
}

// maxTeaserBytes: a card that points to another story holds its title, a line or two of it and
// a date.
const maxTeaserBytes = 600

// isWidgetBox reports a short box holding a list whose items are all empty: their controls (a
// poll's options, a form's fields, buttons) were script's or form's and are gone, and what is
// left around them (the question, "Голосовать", the count of votes) is the widget's.
func isWidgetBox(n *html.Node) bool {
	if n.DataAtom != atom.Div && n.DataAtom != atom.Section {
		return false
	}
	if _, short := boundedText(n, maxLinkBlockBytes); !short {
		return false
	}
	for _, l := range findAll(n, func(x *html.Node) bool { return x.DataAtom == atom.Ul || x.DataAtom == atom.Ol }) {
		items, empty := 0, 0
		for li := l.FirstChild; li != nil; li = li.NextSibling {
			if li.DataAtom == atom.Li {
				items++
				if !hasText(li) {
					empty++
				}
			}
		}
		if items >= 2 && empty == items {
			return true
		}
	}
	return false
}

// maxLabelledBoxBytes: a box that tells how to cite the article or who its author is holds
// its label and a reference or a few lines.
const maxLabelledBoxBytes = 800

// isLabelledBox reports a short box that opens with a label that makes it the page's: how to
// cite the article ("Cite this", "Для цитирования", "引用本文"), about its author ("Об авторе").
func isLabelledBox(n *html.Node) bool {
	if n.DataAtom != atom.Div && n.DataAtom != atom.Section && n.DataAtom != atom.Aside || !hasBlockChild(n) {
		return false
	}
	_, short := boundedText(n, maxLabelledBoxBytes)
	if _, long := boundedText(n, maxCommentsBoxBytes); !long {
		return false
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type == html.ElementNode && hasText(ch) {
			label, fits := boundedText(ch, maxLabelRunes*4)
			// (a count, "3 комментария", heads the readers' comments or the page's figures)
			return fits && (short && isBoxLabel(label) || isCounter(strings.ToLower(collapseSpaces(label))))
		}
		if ch.Type == html.TextNode && strings.TrimSpace(ch.Data) != "" {
			return false
		}
	}
	return false
}

// maxCommentsBoxBytes: the readers' comments under the text are a few.
const maxCommentsBoxBytes = 4000

// maxGalleryTextBytes: beside its pictures, a gallery without captions prints a label, a
// counter and its buttons.
const maxGalleryTextBytes = 200

// isBareGallery reports a box of several pictures whose only words are a few short pieces,
// none a sentence ("Фотогалерея", "1 / 3", "Алдыңғы", "Келесі"): a gallery without captions,
// whose words are its controls.
func isBareGallery(n *html.Node) bool {
	if n.DataAtom != atom.Div && n.DataAtom != atom.Section && n.DataAtom != atom.Figure {
		return false
	}
	text, short := boundedText(n, maxGalleryTextBytes)
	if !short || strings.TrimSpace(text) == "" || len(findAll(n, func(x *html.Node) bool { return x.DataAtom == atom.Img })) < 2 {
		return false
	}
	if len(findAll(n, func(x *html.Node) bool {
		return x.DataAtom == atom.Figcaption || captionClass.MatchString(attr(x, "class"))
	})) > 0 {
		return false // its pictures are captioned
	}
	pieces, _, _ := leafPieces(n)
	for _, p := range pieces {
		if endsWithTerminator(p) || len(strings.Fields(p)) > maxToolbarWords {
			return false
		}
	}
	return len(pieces) > 0
}

// isTeaserCard reports a short box whose heading is wholly a link to another page, beside a box
// of the same kind and shape: one of the cards of a list of other stories, with its excerpt.
func isTeaserCard(n *html.Node) bool {
	if !linkedHeadingBox(n) {
		return false
	}
	for _, s := range []*html.Node{prevElement(n), nextElement(n)} {
		if s != nil && s.DataAtom == n.DataAtom && attr(s, "class") == attr(n, "class") && linkedHeadingBox(s) {
			return true
		}
	}
	return false
}

// linkedHeadingBox reports a short box, no heading itself, holding a heading whose text is
// wholly a link to another page.
func linkedHeadingBox(n *html.Node) bool {
	if n.Type != html.ElementNode || !isBlockElement(n) || isHeadingAtom(n.DataAtom) {
		return false
	}
	if _, short := boundedText(n, maxTeaserBytes); !short {
		return false
	}
	h := findAll(n, func(x *html.Node) bool { return isHeadingAtom(x.DataAtom) })
	if len(h) != 1 {
		return false
	}
	a := findFirst(h[0], atom.A)
	if a == nil && h[0].Parent != nil && h[0].Parent.DataAtom == atom.A {
		a = h[0].Parent // "<a><h3>…</h3></a>"
	}
	if a == nil {
		return false
	}
	href := attr(a, "href")
	return href != "" && !strings.HasPrefix(href, "#") && collapseSpaces(textOf(a)) != "" &&
		strings.Contains(collapseSpaces(textOf(a)), collapseSpaces(textOf(h[0])))
}

// maxLinkLabelRunes: a label before a link ("Previous:", "上一篇：") is a word or two.
const maxLinkLabelRunes = 12

// withoutLinkLabels returns whole, the text of block n, without the short labels ending with
// a colon that stand right before its links.
func withoutLinkLabels(n *html.Node, whole string) string {
	for _, a := range findAll(n, func(x *html.Node) bool { return x.DataAtom == atom.A }) {
		prev := a.PrevSibling
		for prev != nil && prev.Type == html.TextNode && strings.TrimSpace(prev.Data) == "" {
			prev = prev.PrevSibling
		}
		if prev == nil || prev.Type != html.TextNode {
			continue
		}
		label := collapseSpaces(prev.Data)
		if (strings.HasSuffix(label, ":") || strings.HasSuffix(label, "：")) && utf8.RuneCountInString(label) <= maxLinkLabelRunes {
			whole = strings.Replace(whole, label, "", 1)
		}
	}
	return strings.TrimSpace(whole)
}

// maxLabelRunes: the label over a list of links ("Материалы по теме", "往期回顾", "Most read")
// is a few words.
const maxLabelRunes = 40

// isLabelOverLinks reports a short line without links or a sentence's end right above a block
// of links to other pages: the label of that block ("Самое читаемое", "Новости партнёров").
func (c *htmlConverter) isLabelOverLinks(n *html.Node) bool {
	if isHeadingAtom(n.DataAtom) && n != c.title {
		// A heading that shares its box only with a block of links ("Осы тақырыпта" over
		// related stories) labels that block, even when the article's next heading is a
		// lower one and leaves its section looking full.
		next := nextElement(n)
		return next != nil && isLinkBlock(next) && nextElement(next) == nil && prevElement(n) == nil
	}
	if n.DataAtom != atom.Div && n.DataAtom != atom.P && n.DataAtom != atom.Span || hasBlockChild(n) ||
		findFirst(n, atom.A) != nil || c.holdsTitle(n) || isBylineElement(n) {
		return false // (a heading over nothing but links goes with its empty section)
	}
	text, short := boundedText(n, 4*maxLabelRunes)
	text = collapseSpaces(text)
	if !short || text == "" || utf8.RuneCountInString(text) > maxLabelRunes || endsWithTerminator(text) ||
		hasBylinePrefix(text) || isNameLine(text) {
		return false
	}
	next := nextElement(n)
	if next != nil && next.DataAtom == atom.P && isLinkBlock(next) {
		// Links set one to a paragraph ("往期推荐" over the titles of earlier posts): two at
		// least make the block.
		after := nextElement(next)
		return after != nil && after.DataAtom == atom.P && isLinkBlock(after)
	}
	return next != nil && (next.DataAtom == atom.Ul || next.DataAtom == atom.Ol || next.DataAtom == atom.Div) && isLinkBlock(next)
}

// isCallToAction reports a short block around a link that asks the reader to subscribe, sign
// up, become a member or give.
func isCallToAction(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Div, atom.Section, atom.Aside:
	default:
		return false
	}
	if _, short := boundedText(n, maxLinkBlockBytes); !short {
		return false
	}
	asks := false
	for _, a := range findAll(n, func(x *html.Node) bool { return x.DataAtom == atom.A }) {
		if callToAction.MatchString(attr(a, "href")) {
			asks = true
			break
		}
	}
	// A "Follow" or "Sign in" link in the article's meta line (the author, the date) does not
	// make the line an invitation: its parts are judged one by one.
	return asks && !holdsPublicationPiece(n)
}

// holdsPublicationPiece reports an element with a date or a reading time among its pieces of
// text (elements that hold only text).
func holdsPublicationPiece(n *html.Node) bool {
	return len(findAll(n, func(x *html.Node) bool {
		return x.FirstChild != nil && x.FirstChild == x.LastChild && x.FirstChild.Type == html.TextNode &&
			isPublicationLine(collapseSpaces(x.FirstChild.Data))
	})) > 0
}

// Bounds of a meta line: a short line of a few short pieces.
const (
	maxMetaLineRunes  = 120
	maxMetaPieceRunes = 40
	minMetaPieces     = 2
	// maxMetaOthers: in a list or in nested boxes, beside the date, the names, the controls
	// and the counters, a piece or two more (a section, a place, an account).
	maxMetaOthers = 2
	// maxHanControlRunes: a control written in Chinese ("关注", "分享") is a word of a few
	// characters.
	maxHanControlRunes = 3
)

// metaLineNames reads a meta line: a short block made only of separate inline pieces, at least
// three and one of them a date ("原创 | 周晓雯 | 小城观察 | 2024-03-05 08:30 | 浙江"). It returns
// the pieces that are personal names, joined, and whether n is such a line.
func metaLineNames(n *html.Node, declared map[string]bool) (string, bool) {
	if n.Type != html.ElementNode || n.DataAtom != atom.Div && n.DataAtom != atom.P && n.DataAtom != atom.Ul {
		return "", false
	}
	text, short := boundedText(n, 4*maxMetaLineRunes)
	if !short || utf8.RuneCountInString(collapseSpaces(text)) > maxMetaLineRunes {
		return "", false
	}
	if isRevisionLine(text) {
		return "", true // "Created by A, last modified by B on …": the page's editors
	}
	var pieces []string
	named := map[string]bool{}  // pieces the page names as the author's
	linked := map[string]bool{} // pieces that link to a person's page
	labelled := map[int]bool{}  // pieces that are a label waiting for its value
	signerNext := false         // the next element names the author ("… by <a>NAME</a>")
	deep := false
	for ch := n.FirstChild; ch != nil && !deep; ch = ch.NextSibling {
		switch {
		case ch.Type == html.TextNode:
			if strings.TrimFunc(ch.Data, func(r rune) bool { return isSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) }) == "" {
				continue
			}
			// Pieces written straight into the line between separators ("· 6 min · Aidos
			// Serik |"), or each after its label ("<small>作者:</small>孙志刚"); words without a
			// separator or a label before them are a sentence, not a piece.
			t := collapseSpaces(ch.Data)
			if m := datedSigner.FindStringSubmatch(strings.TrimSpace(t)); isDatedSigner(m) && m[2] == "" {
				// "posted 14.05.2024 by <a>NAME</a>": the date, and the name that follows.
				pieces = append(pieces, m[1])
				signerNext = true
				continue
			}
			if k := len(pieces) - 1; (k < 0 || !labelled[k]) && !strings.ContainsAny(t, "·|•—–/-") {
				return "", false // words, and no separator: a sentence
			}
			if k := len(pieces) - 1; k >= 0 && labelled[k] {
				first, rest, _ := strings.Cut(strings.TrimSpace(strings.Join(splitAtSeparators(publicationSeparators, t), "\x00")), "\x00")
				pieces[k] += first
				labelled[k] = false
				t = rest
				if strings.TrimSpace(t) == "" {
					continue
				}
			}
			var parts []string
			for _, p := range splitAtSeparators(publicationSeparators, t) {
				parts = append(parts, splitDatedSigner(p)...)
			}
			if len(parts) < 2 {
				return "", false
			}
			for _, p := range parts {
				if p = strings.TrimSpace(p); p != "" {
					if utf8.RuneCountInString(p) > maxMetaPieceRunes {
						return "", false
					}
					pieces = append(pieces, p)
				}
			}
		case ch.Type != html.ElementNode || isHeadingAtom(ch.DataAtom):
			return "", false // a heading is no piece of a meta line
		case isBlockElement(ch) && (hasBlockChild(ch) || ch.DataAtom == atom.Ul || ch.DataAtom == atom.Ol) ||
			len(findAll(ch, func(x *html.Node) bool { return x != ch && isBlockElement(x) })) > 0:
			deep = true // a box of lines, or lines set in links: read below
		default:
			if t := collapseSpaces(textOf(ch)); strings.ContainsFunc(t, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
				// (a piece without letters or digits is a separator: " | ")
				if utf8.RuneCountInString(t) > maxMetaPieceRunes {
					return "", false
				}
				if isBylineElement(ch) {
					if inner := innerByline(ch); inner != nil {
						t = collapseSpaces(textOf(inner)) // "Posted by <name>": the name
					}
					named[t] = true
				}
				if signerNext {
					named[t], signerNext = true, false
				}
				if linksToPerson(ch) {
					linked[t] = true
				}
				pieces = append(pieces, t)
				if (strings.HasSuffix(t, ":") || strings.HasSuffix(t, "：")) && utf8.RuneCountInString(t) <= maxLinkLabelRunes {
					labelled[len(pieces)-1] = true // its value follows as text
				}
			}
		}
	}
	if deep {
		// Pieces nested in boxes (the author's name in one, the date in another, the controls in
		// a third): the smallest elements that hold text are the pieces, and beside the date
		// and the names only one-word controls and counters may stand ("Follow", "Share", "3").
		if len(findAll(n, func(x *html.Node) bool { return isHeadingAtom(x.DataAtom) })) > 0 {
			return "", false // a box with a heading: fields or a section, not a line
		}
		pieces, named, linked = leafPieces(n)
		if pieces == nil {
			return "", false
		}
	}
	if len(pieces) < minMetaPieces {
		return "", false
	}
	for _, p := range pieces {
		if endsWithTerminator(p) {
			return "", false // a sentence among the pieces: text, not a line about it
		}
	}
	// The name of an account that links to its page is the author's, unless the line invites the
	// reader to follow it: then it is a channel's ("边疆文化观察 · 关注").
	follows := false
	for _, p := range pieces {
		follows = follows || slices.Contains(furniture.follow, strings.ToLower(p))
	}
	dated, other := false, 0
	var names []string
	for _, p := range pieces {
		switch {
		case isPublicationLine(p), isDateLabelLine(p), isDatedCredit(p):
			dated = true
		case isFurnitureText(p):
			// a credit: "来源：西部在线"
		case isNameLine(p), userHandle.MatchString(p), (named[p] || linked[p] && !follows) && (len(strings.Fields(p)) > 1 || isHanText(p)),
			declaresAll(declared, p),
			isHanText(p) && namesChinesePerson(p):
			// (a one-word piece named like the author's is the channel's or the section's name)
			names = append(names, p)
		case deep && (len(strings.Fields(p)) == 1 && !isHanText(p) || utf8.RuneCountInString(p) <= maxHanControlRunes && isHanText(p)):
			// a control or a counter: "Follow", "关注"
		default:
			other++ // a section, a place, an account
		}
	}
	if !dated || (n.DataAtom == atom.Ul || deep) && other > maxMetaOthers {
		// A list of short items or nested boxes, one a date, is a meta line only when little
		// else is in it.
		return "", false
	}
	return strings.Join(names, ", "), true
}

// personHref matches the address of a page about a person: an author's, a user's, an
// account's or a member's ("/authors/kravets", "/c/user/token/…", "/~a.karimova", "/@olga").
var personHref = regexp.MustCompile(`(?i)/(u|users?|authors?|avtor[a-z]*|profiles?|people|persons?|members?|writers?|columnists?|journalists?|contributors?|staff|bloggers?|experts?)(/|$)|/[~@][^/]`)

// linksToPerson reports an element that is, or wholly holds, a link to a person's page.
func linksToPerson(n *html.Node) bool {
	a := n
	if n.DataAtom != atom.A {
		a = findFirst(n, atom.A)
		if a == nil || collapseSpaces(textOf(a)) != collapseSpaces(textOf(n)) {
			return false
		}
	}
	return personHref.MatchString(attr(a, "href"))
}

// leafPieces returns the texts of the smallest elements under n that hold text, and which of
// them the page names as the author's; nil when one is too long for a piece of a meta line.
func leafPieces(n *html.Node) (pieces []string, named, linked map[string]bool) {
	named, linked = map[string]bool{}, map[string]bool{}
	ok := true
	var walk func(x *html.Node, byline bool)
	walk = func(x *html.Node, byline bool) {
		if x != n && isBylineElement(x) && x.DataAtom != atom.A {
			// The author line is one piece, however its names are set: "By <a>…</a> and <a>…</a>".
			t := collapseSpaces(textOf(x))
			if inner := innerByline(x); inner != nil {
				t = collapseSpaces(textOf(inner))
			}
			if t != "" {
				pieces = append(pieces, t)
				named[t] = true
			}
			return
		}
		for ch := x.FirstChild; ch != nil && ok; ch = ch.NextSibling {
			switch ch.Type {
			case html.TextNode:
				t := collapseSpaces(ch.Data)
				if !strings.ContainsFunc(t, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
					continue // a separator
				}
				if utf8.RuneCountInString(t) > maxMetaPieceRunes {
					ok = false
					return
				}
				if k := len(pieces) - 1; k >= 0 && isBylinePrefixAlone(pieces[k]) {
					// "By" set apart from the name it introduces: one piece.
					t = pieces[k] + " " + t
					pieces = pieces[:k]
					byline = true
				}
				pieces = append(pieces, t)
				if byline {
					named[t] = true
				}
				if linksToPerson(ch.Parent) {
					linked[t] = true
				}
			case html.ElementNode:
				walk(ch, byline)
			}
		}
	}
	walk(n, false)
	if !ok {
		return nil, nil, nil
	}
	return pieces, named, linked
}

// isFormBox reports a short block that held a form: a sign-up, order or contact box with its
// heading and its invitation ("Хотите так же? Оставьте заявку…").
func isFormBox(n *html.Node) bool {
	if !isBlockElement(n) || n.DataAtom == atom.Article || n.DataAtom == atom.Body || n.DataAtom == atom.Html {
		return false
	}
	if attr(n, "class") == formMark {
		_, short := boundedText(n, maxLinkBlockBytes)
		return short // a form itself, unless it holds the article
	}
	marked := false
	for ch := n.FirstChild; ch != nil && !marked; ch = ch.NextSibling {
		marked = ch.Type == html.ElementNode && attr(ch, "class") == formMark
	}
	if !marked {
		return false
	}
	_, short := boundedText(n, maxLinkBlockBytes)
	return short
}

// screenReaderClass matches class names of text shown to screen readers only.
var screenReaderClass = regexp.MustCompile(`(?i)(^|\s)(visually-hidden|sr-only|screen-reader-text)($|\s)`)

// Bounds of a list of metadata: short labels and short values.
const (
	maxMetadataTermWords  = 3
	maxMetadataValueWords = 8
)

// isMetadataList reports a definition list that tells about the page rather than the subject:
// every term a label of a word or three ("From:", "Published", "Тип документа"), every value a
// few words (a department, a date).
func isMetadataList(n *html.Node) bool {
	if n.DataAtom != atom.Dl {
		return false
	}
	terms := 0
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type != html.ElementNode {
			continue
		}
		words := len(strings.Fields(textOf(ch)))
		switch ch.DataAtom {
		case atom.Dt:
			terms++
			if words > maxMetadataTermWords {
				return false
			}
		case atom.Dd:
			if words > maxMetadataValueWords || endsWithTerminator(collapseSpaces(textOf(ch))) {
				return false
			}
		default:
			return false
		}
	}
	return terms > 0
}

// metadataTable reads a table that tells about the page rather than the subject, as
// isMetadataList does a definition list: every row a label of a word or three (its header
// cell) and a value of a few words that is no sentence, one a date. It returns the rows'
// labels and values.
func metadataTable(n *html.Node) ([][2]string, bool) {
	if n.DataAtom != atom.Table {
		return nil, false
	}
	if _, short := boundedText(n, maxLinkBlockBytes); !short {
		return nil, false
	}
	var rows [][2]string
	dated := false
	for _, tr := range findAll(n, func(x *html.Node) bool { return x.DataAtom == atom.Tr }) {
		var cells []*html.Node
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (c.DataAtom == atom.Th || c.DataAtom == atom.Td) {
				cells = append(cells, c)
			}
		}
		if len(cells) != 2 || cells[0].DataAtom != atom.Th {
			return nil, false
		}
		label, value := collapseSpaces(textOf(cells[0])), collapseSpaces(textOf(cells[1]))
		if len(strings.Fields(label)) > maxMetadataTermWords || len(strings.Fields(value)) > maxMetadataValueWords ||
			endsWithTerminator(value) {
			return nil, false
		}
		dated = dated || isPublicationLine(strings.TrimLeft(value, "@")) || isDateLabelLine(label+": "+value)
		rows = append(rows, [2]string{label, value})
	}
	return rows, dated && len(rows) > 0
}

// Bounds of a record's field: a label of a word or three over a value of a line or two.
const (
	maxFieldLabelWords = 3
	maxFieldValueRunes = 200
)

// fieldBox reads a box that holds a heading and one short value set inline (a <span>, a link,
// a <div> of inline text), no paragraph: a field of a record. It returns the label and the
// value.
func fieldBox(n *html.Node) (label, value string, ok bool) {
	if n.Type != html.ElementNode || n.DataAtom != atom.Div && n.DataAtom != atom.Section {
		return "", "", false
	}
	var parts []*html.Node
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		switch {
		case ch.Type == html.TextNode && strings.TrimFunc(ch.Data, isSpace) == "":
		case ch.Type != html.ElementNode || len(parts) == 2:
			return "", "", false
		default:
			parts = append(parts, ch)
		}
	}
	if len(parts) != 2 || !isHeadingAtom(parts[0].DataAtom) {
		return "", "", false
	}
	v := parts[1]
	if isBlockElement(v) && (v.DataAtom != atom.Div || hasBlockChild(v)) {
		return "", "", false // a paragraph or a list: text under its heading
	}
	label = collapseSpaces(textOf(parts[0]))
	text, short := boundedText(v, 4*maxFieldValueRunes)
	value = collapseSpaces(text)
	if !short || label == "" || value == "" || len(strings.Fields(label)) > maxFieldLabelWords ||
		utf8.RuneCountInString(value) > maxFieldValueRunes {
		return "", "", false
	}
	return label, value, true
}

// fieldsBeside reports a field box with another one beside it: a record of fields, not a
// section of the text.
func fieldsBeside(n *html.Node) bool {
	for _, s := range []*html.Node{prevElement(n), nextElement(n)} {
		if s != nil {
			if _, _, ok := fieldBox(s); ok {
				return true
			}
		}
	}
	return false
}

// Bounds of a row of cells set as boxes: a few cells of a word or two.
const (
	minRowCells     = 3
	maxRowCells     = 8
	maxRowCellRunes = 30
)

// isCellRow reports a box of a few boxes side by side, each a short piece of text without a
// link, a sentence's end or a label of the page's: the cells of a row (a score, a table
// set without <table>).
func isCellRow(n *html.Node) bool {
	if n.DataAtom != atom.Div {
		return false
	}
	cells := 0
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		switch {
		case ch.Type == html.TextNode && strings.TrimFunc(ch.Data, isSpace) == "":
			continue
		case ch.Type != html.ElementNode || ch.DataAtom != atom.Div || hasBlockChild(ch) || findFirst(ch, atom.A) != nil:
			return false
		}
		text, short := boundedText(ch, 4*maxRowCellRunes)
		text = collapseSpaces(text)
		if !short || text == "" || utf8.RuneCountInString(text) > maxRowCellRunes || endsWithTerminator(text) ||
			isFurnitureText(text) && !isCounter(strings.ToLower(text)) || isPublicationLine(text) && !isScore(text) {
			return false
		}
		cells++
	}
	return cells >= minRowCells && cells <= maxRowCells
}

// Bounds of a toolbar: a few controls of a word or two.
const (
	minToolbarPieces     = 3
	maxToolbarWords      = 3
	maxToolbarHanRunes   = 6
	maxToolbarPieceRunes = 24
)

// isToolbar reports a box of a few short pieces set apart, one of them a counter, none a
// sentence or a name: the reactions, counters and buttons under a text ("👍 45", "31
// комментарий", "Репост", "В закладки").
func isToolbar(n *html.Node) bool {
	if n.DataAtom != atom.Div && n.DataAtom != atom.Ul || !hasBlockChild(n) && n.DataAtom != atom.Div {
		return false
	}
	if _, short := boundedText(n, maxMetaLineRunes*4); !short {
		return false
	}
	pieces, named, _ := leafPieces(n)
	if len(pieces) < minToolbarPieces {
		return false
	}
	counted := false
	for _, p := range pieces {
		words := len(strings.Fields(p))
		if named[p] || endsWithTerminator(p) || isNameLine(p) || utf8.RuneCountInString(p) > maxToolbarPieceRunes ||
			isHanText(p) && utf8.RuneCountInString(p) > maxToolbarHanRunes || !isHanText(p) && words > maxToolbarWords {
			return false
		}
		counted = counted || isCounter(strings.ToLower(p))
	}
	return counted
}

// isScore reports a score of a match: "3:1", "2 – 0".
func isScore(s string) bool {
	return scorePattern.MatchString(strings.TrimSpace(s))
}

var scorePattern = regexp.MustCompile(`^\d{1,3}\s*[:–-]\s*\d{1,3}$`)

// textFollows reports a block with a paragraph of text after it, in its box or in one around
// it: it stands inside the text, not after it.
func textFollows(n *html.Node) bool {
	for p := n; p != nil && p.Type == html.ElementNode; p = p.Parent {
		for s := nextElement(p); s != nil; s = nextElement(s) {
			if s.DataAtom == atom.P && endsWithTerminator(collapseSpaces(textOf(s))) {
				return true
			}
		}
	}
	return false
}

// headingClass matches class names of a block set as a heading without <h2>…<h6> (page
// builders: "t-title", "section__subtitle").
var headingClass = regexp.MustCompile(`(?i)(^|[\s_-])(title|heading|subheading|subhead)($|[\s_-])`)

// isClassHeading reports a short block named as a heading, holding one line of its own text and
// no link (a story's title in a list of links is no heading of the article).
func isClassHeading(n *html.Node) bool {
	if n.DataAtom != atom.Div && n.DataAtom != atom.P || !headingClass.MatchString(attr(n, "class")) || hasBlockChild(n) {
		return false
	}
	text, short := boundedText(n, maxHeadingColumns*3)
	text = collapseSpaces(text)
	return short && text != "" && findFirst(n, atom.A) == nil && findFirst(n, atom.Br) == nil && isHeadingText(text)
}

// maxAuthorRoleRunes: the author's role and place under the name ("Environment correspondent,
// Tashkent") is a line.
const maxAuthorRoleRunes = 80

// dropAuthorRole marks the short lines that follow a byline in its own container (the author's
// role, desk or city) as furniture, when they read as no sentence.
func (c *htmlConverter) dropAuthorRole(by *html.Node) {
	if by.Parent == nil {
		return
	}
	if _, short := boundedText(by.Parent, maxLinkBlockBytes); !short {
		return // the byline stands among the article's blocks, not in a box of its own
	}
	for s := by.NextSibling; s != nil; s = s.NextSibling {
		if s.Type != html.ElementNode {
			continue
		}
		text, short := boundedText(s, 4*maxAuthorRoleRunes)
		text = collapseSpaces(text)
		if !short || text == "" || utf8.RuneCountInString(text) > maxAuthorRoleRunes || endsWithTerminator(text) || hasBlockChild(s) ||
			isHeadingAtom(s.DataAtom) {
			return
		}
		c.dropped[s] = true
	}
}

// isSubtitle reports a heading set beside the title, after it in the same block and before any
// text (an <h2> under the <h1> in the article's header): the subtitle, which is a paragraph of
// the article, not a section's heading.
//
// A heading whose class names it a subtitle ("pw-subtitle-paragraph", "article__dek") is one
// wherever the page's boxes put it, as long as it comes after the title and before the text.
func (c *htmlConverter) isSubtitle(h *html.Node) bool {
	if c.title == nil || h == c.title || c.textSeen || c.order[h] < c.order[c.title] {
		return false
	}
	if isSubtitleClass(attr(h, "class")) {
		return true
	}
	if h.Parent != c.title.Parent {
		return false
	}
	for s := c.title.NextSibling; s != nil && s != h; s = s.NextSibling {
		if s.Type == html.ElementNode && hasText(s) {
			return false
		}
	}
	return true
}

// subtitleClassWords name a subtitle in class names: the line under a title that sums the
// article up (a "dek" or "deck" in American newsrooms, a "standfirst" or "strapline" in British).
var subtitleClassWords = map[string]bool{"subtitle": true, "subheadline": true, "standfirst": true, "dek": true, "deck": true, "strapline": true, "lede": true}

func isSubtitleClass(class string) bool {
	for _, w := range classWords(class) {
		if subtitleClassWords[w] {
			return true
		}
	}
	return false
}

func isHeadingAtom(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// minChannelLinkShare: in a line that points to the site's channel, the channel's name (the
// link) is a good part of the line.
const minChannelLinkShare = 0.3

// isClosingChannelLine reports the short paragraph that closes an article by pointing to the
// site's channel on a social network ("Новости компаний — в Telegram-канале «…»"): the last
// block of its container, a line, a good part of it a link to such a network.
func isClosingChannelLine(n *html.Node) bool {
	if n.DataAtom != atom.P && n.DataAtom != atom.Div {
		return false
	}
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if hasText(s) {
			return false
		}
	}
	text, short := boundedText(n, 4*maxFollowRunes)
	text = collapseSpaces(text)
	if !short || text == "" || utf8.RuneCountInString(text) > maxFollowRunes {
		return false
	}
	linked := 0
	var hrefs []string
	for _, a := range findAll(n, func(x *html.Node) bool { return x.DataAtom == atom.A }) {
		if isSocialHref(attr(a, "href")) {
			hrefs = append(hrefs, attr(a, "href"))
			linked += len(collapseSpaces(textOf(a)))
		}
	}
	return len(hrefs) > 0 && (float64(linked) >= minChannelLinkShare*float64(len(text)) || socialButtons(n))
}

// socialButtons reports a box whose links all lead to a social network or messenger and each
// stand apart from its text, as buttons do ("…Telegram-арнамызға жазылыңыз" above "Жазылу").
func socialButtons(n *html.Node) bool {
	links := findAll(n, func(x *html.Node) bool { return x.DataAtom == atom.A })
	if len(links) == 0 || !hasBlockChild(n) {
		return false
	}
	for _, a := range links {
		if !isSocialHref(attr(a, "href")) {
			return false
		}
		if p := blockOf(a); p != n && collapseSpaces(textOf(p)) != collapseSpaces(textOf(a)) {
			return false // a link in a sentence
		}
	}
	return true
}

// lastInBlock reports an inline element that nothing with text follows in its block.
func lastInBlock(n *html.Node) bool {
	for p := n; p != nil && !isBlockElement(p); p = p.Parent {
		for s := p.NextSibling; s != nil; s = s.NextSibling {
			if hasText(s) {
				return false
			}
		}
	}
	return true
}

// isFollowBlock reports a short paragraph or block that invites the reader to the site's channel
// on a social network.
func isFollowBlock(n *html.Node) bool {
	if n.DataAtom != atom.P && n.DataAtom != atom.Div {
		return false
	}
	text, short := boundedText(n, 4*maxFollowRunes)
	if !short {
		return false
	}
	var hrefs []string
	for _, a := range findAll(n, func(x *html.Node) bool { return x.DataAtom == atom.A }) {
		hrefs = append(hrefs, attr(a, "href"))
	}
	return len(hrefs) > 0 && isFollowInvitation(collapseSpaces(text), hrefs)
}

// isBylineElement reports an element whose class, rel or itemprop names an author line.
func isBylineElement(n *html.Node) bool {
	return n.Type == html.ElementNode && bylineClass.MatchString(attr(n, "class")+" "+attr(n, "rel")+" "+attr(n, "itemprop"))
}

// innerByline returns the element inside a byline block that holds the name alone, when the
// block also holds the author's role or other words: an element named as the author's (not a
// link, whose text may be a handle) with less text than the block. Else nil.
func innerByline(n *html.Node) *html.Node {
	whole := collapseSpaces(textOf(n))
	if hasBylinePrefix(whole) {
		return nil // "By <name>": the prefix belongs to the byline
	}
	if namesOnly(n, whole) {
		return nil // "<a>NAME</a>, <a>NAME</a>": every name is the byline's
	}
	for _, x := range findAll(n, func(x *html.Node) bool { return x != n && x.DataAtom != atom.A && isBylineElement(x) }) {
		if t := collapseSpaces(textOf(x)); t != "" && t != whole && isNameLine(t) {
			return x
		}
	}
	// Else a link to the author's page whose text is a personal name, beside the author's
	// description ("赵立新" beside "交通运输工程硕士").
	for _, a := range findAll(n, func(x *html.Node) bool { return x.DataAtom == atom.A }) {
		if t := collapseSpaces(textOf(a)); t != "" && t != whole && isNameLine(t) && strings.HasPrefix(whole, t) {
			return a // (a word before the name, "Жазған <name>", belongs to the byline)
		}
	}
	return nil
}

// maxAuthorBoxBytes bounds the text of a box about the author after the article: a name, a
// portrait and a sentence or two.
const maxAuthorBoxBytes = 600

// authorLink returns, for a short block before the article's text whose only link names one of
// the authors the page declares (declaredAuthors) and whose other words are a
// date or a reading time at most, that link. Else nil.
func (c *htmlConverter) authorLink(n *html.Node) *html.Node {
	if len(c.declared) == 0 || c.textSeen || c.paragraphs > 0 || n.Type != html.ElementNode || !isBlockElement(n) || hasBlockChild(n) {
		return nil
	}
	links := findAll(n, func(x *html.Node) bool { return x.DataAtom == atom.A })
	if len(links) != 1 {
		return nil
	}
	name := collapseSpaces(textOf(links[0]))
	if name == "" || !c.declared[titleKey(name)] {
		return nil
	}
	whole, short := boundedText(n, 4*maxMetaLineRunes)
	if !short {
		return nil
	}
	rest := strings.TrimSpace(strings.Replace(collapseSpaces(whole), name, "", 1))
	if rest != "" && !isPublicationLine(rest) && !isDateLine(strings.Trim(rest, " ·|•—–,")) {
		return nil
	}
	return links[0]
}

// maxAuthorNameRunes bounds the names an author box opens with.
const maxAuthorNameRunes = 60

// isAuthorBox reports a box after the text that presents an author the byline already named
// (a portrait, the name as a heading or link, a sentence or two about them), whatever its
// class names say: the biography is the site's page about the author, not the article.
func (c *htmlConverter) isAuthorBox(n *html.Node) bool {
	if c.paragraphs == 0 || !isBlockElement(n) || n.DataAtom == atom.P || !hasBlockChild(n) {
		return false
	}
	_, short := boundedText(n, maxAuthorBoxBytes)
	if !short || !holdsSentenceBlock(n) {
		return false // the box holds a sentence about the author
	}
	first := firstTextElement(n)
	if first == nil {
		return false
	}
	name := collapseSpaces(textOf(first))
	if name == "" || len(strings.Fields(name)) > maxTopBylineWords || utf8.RuneCountInString(name) > maxAuthorNameRunes {
		return false
	}
	key := titleKey(name)
	for _, by := range c.bylines {
		if strings.Contains(titleKey(by.String()), key) {
			return true
		}
	}
	return c.declared[key]
}

// holdsSentenceBlock reports a block inside n with no blocks of its own whose text is a
// sentence: it ends with a terminator and has several words (or, in Chinese, characters).
func holdsSentenceBlock(n *html.Node) bool {
	for _, b := range findAll(n, func(x *html.Node) bool { return x != n && isBlockElement(x) && !hasBlockChild(x) }) {
		t := collapseSpaces(textOf(b))
		if endsWithTerminator(t) && (len(strings.Fields(t)) >= 4 || isHanText(t) && utf8.RuneCountInString(t) >= 10) {
			return true
		}
	}
	return false
}

// firstTextElement returns the innermost element holding the first text of n.
func firstTextElement(n *html.Node) *html.Node {
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		switch ch.Type {
		case html.TextNode:
			if strings.TrimSpace(ch.Data) != "" {
				return n
			}
		case html.ElementNode:
			if f := firstTextElement(ch); f != nil {
				return f
			}
		}
	}
	return nil
}

// metaTextGap matches what parts the pieces of a meta line written as one text: a wide space
// (U+3000, or several spaces, no-break ones too) or a separator.
var metaTextGap = regexp.MustCompile(`[\s\x{00A0}]*\x{3000}+[\s\x{00A0}]*|[\s\x{00A0}]{2,}|` + publicationSeparators.String())

// bylineOfMetaText reads the text of a byline that is a whole meta line, its pieces parted by
// wide spaces or separators: when some of them are a date, a counter or a credit, it returns
// the others, the author's. Strict, every piece left must name the author, and a piece that
// is a label and its value ("点击：1203") is dropped too: the line need not be named a
// byline.
func bylineOfMetaText(s string, strict bool) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) > 4*maxMetaLineRunes {
		return "", false
	}
	var kept []string
	dropped := false
	for _, p := range splitAtSeparators(metaTextGap, s) {
		p = strings.TrimSpace(strings.ReplaceAll(p, "\u00a0", " "))
		switch {
		case p == "":
		case isPublicationLine(p), isDateLabelLine(p), isCounter(strings.ToLower(p)), isFurnitureText(p) && (strict || !hasBylinePrefix(p)):
			// (a source's credit, "来源：…", opens like a byline; beside the author's piece it
			// is the line's)
			dropped = true
		case strict && !hasBylinePrefix(p) && isLabelled(p):
			dropped = true
		case strict && !hasBylinePrefix(p) && !isNameLine(p):
			return "", false
		default:
			kept = append(kept, p)
		}
	}
	if !dropped || len(kept) == 0 {
		return "", false
	}
	by := strings.Join(kept, " ")
	return by, isBylineText(by)
}

// isLabelled reports a piece that is a short label and its value: "点击：1203", "Views: 12".
func isLabelled(p string) bool {
	i := strings.IndexAny(p, ":：")
	return i > 0 && utf8.RuneCountInString(p[:i]) <= maxLinkLabelRunes/2 && strings.TrimSpace(p[i:]) != ""
}

// namesOnly reports a byline block whose text is two names or more, each in an element of its
// own, and nothing but the commas and words that join them.
func namesOnly(n *html.Node, whole string) bool {
	rest, names := whole, 0
	for _, x := range findAll(n, func(x *html.Node) bool { return x != n && (x.DataAtom == atom.A || isBylineElement(x)) }) {
		if t := collapseSpaces(textOf(x)); t != "" && isNameLine(t) && strings.Contains(rest, t) {
			rest = strings.Replace(rest, t, "", 1)
			names++
		}
	}
	if names < 2 {
		return false
	}
	for _, w := range strings.FieldsFunc(rest, func(r rune) bool { return isSpace(r) || r == ',' || r == '，' || r == '、' || r == ';' }) {
		if !nameJoiners[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// maxPortraitCardBytes: the box beside an author's picture holds the name and a line or
// two about the author.
const maxPortraitCardBytes = 600

// isPortraitCard reports a box set beside a picture that opens with a person's name on a line
// of its own and goes on with a sentence about them: an author's card, no caption.
func isPortraitCard(n *html.Node) bool {
	if n.DataAtom != atom.Div || !hasBlockChild(n) {
		return false
	}
	prev := prevElement(n)
	if prev == nil || !isPictureBox(prev) {
		return false
	}
	if _, short := boundedText(n, maxPortraitCardBytes); !short {
		return false
	}
	var first *html.Node
	sentence := false
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type != html.ElementNode || !hasText(ch) {
			continue
		}
		t := collapseSpaces(textOf(ch))
		if first == nil {
			first = ch
			if !isBlockElement(ch) || !isNameLine(t) {
				return false
			}
			continue
		}
		sentence = sentence || endsWithTerminator(t)
	}
	return sentence
}

// isAuthorBio reports an author box that presents the authors under a heading of its own
// ("About the authors"): a biography, not the byline.
func isAuthorBio(n *html.Node) bool {
	for _, p := range findAll(n, func(x *html.Node) bool { return x.DataAtom == atom.P }) {
		if endsWithTerminator(collapseSpaces(textOf(p))) {
			return true // a sentence about the author: a biography
		}
	}
	for _, h := range findAll(n, func(x *html.Node) bool {
		return x.DataAtom == atom.H1 || x.DataAtom == atom.H2 || x.DataAtom == atom.H3 || x.DataAtom == atom.H4 || x.DataAtom == atom.H5 || x.DataAtom == atom.H6
	}) {
		if t := collapseSpaces(textOf(h)); t != "" && !isNameLine(t) && !isBylineLabel(t) {
			return true // (a bare label, "Authors", heads the byline's names)
		}
	}
	return false
}

// isBylineLabel reports a byline's label set alone: "Authors", "Автор:", "作者".
func isBylineLabel(s string) bool {
	s = strings.TrimRight(strings.TrimSpace(s), ":：")
	return utf8.RuneCountInString(s) <= maxLinkLabelRunes && (hasBylinePrefix(s+": X") || hasBylinePrefix(s+"：X"))
}

// listedNames returns the names of a byline set as a list, one author an item, each item
// opening with the name in an element of its own (the affiliation after it): "Bakhtiyor
// Karimov, Mette Olsen". Else "".
func listedNames(n *html.Node) string {
	var names []string
	for _, li := range findAll(n, func(x *html.Node) bool { return x.DataAtom == atom.Li }) {
		var first *html.Node
		for ch := li.FirstChild; ch != nil && first == nil; ch = ch.NextSibling {
			if hasText(ch) {
				first = ch
			}
		}
		if first == nil || first.Type != html.ElementNode {
			return ""
		}
		t := collapseSpaces(textOf(first))
		if !isNameLine(t) {
			return ""
		}
		names = append(names, t)
	}
	return strings.Join(names, ", ")
}

// maxKickerWords: the label over a title (the section, the kind of piece: "Commentary",
// "Analysis", "Ports") is a word or three.
const maxKickerWords = 3

// isKicker reports a short label printed above the article's title: the section or the kind
// of piece, which names the page's place on the site rather than saying anything of the
// article. A byline above the title is no label.
func (c *htmlConverter) isKicker(n *html.Node) bool {
	if c.title == nil || c.order[n] >= c.order[c.title] || contains(n, c.title) {
		return false
	}
	if !isBlockElement(n) && (n.DataAtom != atom.Span && n.DataAtom != atom.A || n.Parent == nil || !contains(n.Parent, c.title)) {
		return false // inline, a label only when it stands beside the title in the title's block
	}
	text, short := boundedText(n, 80)
	text = collapseSpaces(text)
	if !short || text == "" || len(strings.Fields(text)) > maxKickerWords || endsWithTerminator(text) {
		return false
	}
	return !hasBylinePrefix(text) && !bylineClass.MatchString(attr(n, "class")+" "+attr(n, "rel")+" "+attr(n, "itemprop"))
}

// maxTitleHeadings: the title printed in a lower heading is among the first few headings of
// its part of the page (a blog's date header may come before it).
const maxTitleHeadings = 3

// headingAsTitle returns one of the body's first headings when it repeats the page's <title>,
// whole or as the part before or after the site's name ("Post | Site", "Site: Post"): a page
// without an <h1> that prints its title in an <h2> or <h3>. Else nil.
func headingAsTitle(root *html.Node, pageTitle string) *html.Node {
	if pageTitle == "" {
		return nil
	}
	first := findAll(root, func(n *html.Node) bool {
		switch n.DataAtom {
		case atom.H2, atom.H3, atom.H4:
			return !insideFurniture(n)
		}
		return false
	})
	page := titleKey(collapseSpaces(pageTitle))
	for i, hn := range first {
		if i == maxTitleHeadings {
			break
		}
		h := titleKey(collapseSpaces(textOf(hn)))
		if h == "" || isDateLine(h) {
			continue
		}
		if h == titleKey(siteTitle(pageTitle)) || strings.HasPrefix(page, h) ||
			strings.HasSuffix(page, h) && len(h)*2 >= len(page) {
			return hn
		}
	}
	return nil
}

// titleAbove returns the heading that prints the page's title in the few containers around
// the text's, outside it: the title of a blog post above its body. Else nil.
func titleAbove(root *html.Node, pageTitle string) *html.Node {
	p := root.Parent
	for k := 0; p != nil && k < maxRootClimb && !isPageElement(p); k++ {
		if h := headingAsTitle(p, pageTitle); h != nil && !contains(root, h) {
			return h
		}
		if h := classTitle(p, pageTitle); h != nil && !contains(root, h) && pageTitle != "" {
			return h // a line named as the title, repeating the page's <title>
		}
		p = p.Parent
	}
	return nil
}

// attributionIntoQuote moves the attribution that closes a quotation (a <cite> or <footer>, or
// a box named for the author or source, after its last paragraph) into that paragraph, so that
// the quotation stays one block.
func attributionIntoQuote(q *html.Node) {
	if signedAfterParagraph(q) {
		return
	}
	var last, prev *html.Node
	for ch := q.LastChild; ch != nil; ch = ch.PrevSibling {
		if ch.Type == html.ElementNode {
			if last == nil {
				last = ch
				continue
			}
			prev = ch
			break
		}
		if strings.TrimSpace(ch.Data) != "" {
			return
		}
	}
	if last == nil || prev == nil || !isAttribution(last) {
		return
	}
	if prev.DataAtom == atom.Blockquote || prev.DataAtom == atom.Div && hasBlockChild(prev) {
		// The quotation itself (or the box of its words, "block-quote__text"), then its author
		// beside it in the card: the author closes the quotation's last paragraph, or the
		// quotation when its words stand straight in it.
		prev = lastParagraphIn(prev)
	} else if !isBlockElement(prev) && prev.DataAtom != atom.Cite {
		// The quotation's words stand straight in it: its author goes on the same line.
		prev = q
	}
	if prev.DataAtom != atom.P && prev.DataAtom != atom.Blockquote && (prev.DataAtom != atom.Div || hasBlockChild(prev)) {
		return
	}
	q.RemoveChild(last)
	if t := prev.LastChild; t != nil && t.Type == html.TextNode {
		t.Data += " " // in the words' own node: a node of spaces alone may be read as markup's
	} else {
		prev.AppendChild(&html.Node{Type: html.TextNode, Data: " "})
	}
	if last.DataAtom == atom.Cite {
		prev.AppendChild(last)
		return
	}
	// A box's words, not the box: a block inside the paragraph would be read apart (and an
	// "author" box as the article's byline).
	if hasBlockChild(last) {
		prev.AppendChild(&html.Node{Type: html.TextNode, Data: collapseSpaces(textOf(last))})
		return
	}
	for ch := last.FirstChild; ch != nil; {
		next := ch.NextSibling
		last.RemoveChild(ch)
		prev.AppendChild(ch)
		ch = next
	}
}

// lastParagraphIn returns the last paragraph of a quotation, or the quotation when its text
// stands straight in it.
func lastParagraphIn(q *html.Node) *html.Node {
	for ch := q.LastChild; ch != nil; ch = ch.PrevSibling {
		if ch.Type == html.ElementNode && (ch.DataAtom == atom.P || ch.DataAtom == atom.Div && !hasBlockChild(ch)) {
			return ch
		}
		if ch.Type == html.ElementNode && isBlockElement(ch) {
			break
		}
	}
	return q
}

// signedAfterParagraph moves the words that follow a quotation's last paragraph straight in
// the quotation, when they open with a dash ("— Energy Desk (@energydesk) May 2, 2024", as
// embedded posts are signed), into that paragraph, and reports whether it did.
func signedAfterParagraph(q *html.Node) bool {
	var p *html.Node
	var tail []*html.Node
	for ch := q.LastChild; ch != nil; ch = ch.PrevSibling {
		if ch.Type == html.ElementNode && isBlockElement(ch) {
			p = ch
			break
		}
		tail = append(tail, ch)
	}
	if p == nil || p.DataAtom != atom.P || len(tail) == 0 {
		return false
	}
	var b strings.Builder
	for i := len(tail) - 1; i >= 0; i-- {
		b.WriteString(textOf(tail[i]))
	}
	sign := collapseSpaces(b.String())
	r, _ := utf8.DecodeRuneInString(sign)
	if sign == "" || !strings.ContainsRune("—–-", r) || utf8.RuneCountInString(sign) > maxAuthorRoleRunes {
		return false
	}
	p.AppendChild(&html.Node{Type: html.TextNode, Data: " "})
	for i := len(tail) - 1; i >= 0; i-- {
		q.RemoveChild(tail[i])
		p.AppendChild(tail[i])
	}
	return true
}

// maxPictureCaptionRunes: the caption under a picture in the same paragraph is a line or two.
const maxPictureCaptionRunes = 160

// captionAfterPicture returns, for a paragraph that opens with a picture and a line break and
// goes on with a short text, the first node of that text; else nil.
func captionAfterPicture(p *html.Node) *html.Node {
	if p.DataAtom != atom.P {
		return nil
	}
	var pic *html.Node
	for ch := p.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type == html.TextNode && strings.TrimSpace(ch.Data) == "" {
			continue
		}
		if pic == nil {
			if ch.Type != html.ElementNode || !isPictureBox(ch) {
				return nil
			}
			pic = ch
			continue
		}
		if ch.DataAtom != atom.Br || ch.NextSibling == nil {
			return nil
		}
		text := collapseSpaces(textOf(p))
		if text == "" || utf8.RuneCountInString(text) > maxPictureCaptionRunes {
			return nil
		}
		return ch.NextSibling
	}
	return nil
}

// bylineBeside takes the byline printed by a title that stands outside the text's container
// (a page header block above the article body): the first author element in the smallest
// part of the page holding both, outside the body and the page's furniture.
func (c *htmlConverter) bylineBeside(title, root *html.Node) {
	common := title.Parent
	for common != nil && !contains(common, root) {
		common = common.Parent
	}
	if common == nil || common.DataAtom == atom.Body || common.DataAtom == atom.Html {
		return
	}
	for _, n := range findAll(common, func(x *html.Node) bool {
		return x.Type == html.ElementNode && x.DataAtom != atom.A &&
			bylineClass.MatchString(attr(x, "class")+" "+attr(x, "rel")+" "+attr(x, "itemprop"))
	}) {
		if contains(root, n) || c.spanTo > 0 && !c.outsideSpan(n) || insideFurniture(n) || c.skip(n) || isAuthorBio(n) || len(collapseSpaces(textOf(n))) >= 200 {
			continue
		}
		in := &mdInline{}
		c.inByline = true
		c.writeInline(in, n, false)
		c.inByline = false
		if in.String() != "" {
			c.bylines = append(c.bylines, in)
		}
		return
	}
	// No element is named as the byline: a meta line beside the title may give the author.
	for _, n := range findAll(common, func(x *html.Node) bool { return x.DataAtom == atom.Div || x.DataAtom == atom.P }) {
		if contains(root, n) || c.spanTo > 0 && !c.outsideSpan(n) || insideFurniture(n) || c.skip(n) {
			continue
		}
		if names, ok := metaLineNames(n, c.declared); ok {
			if names != "" {
				in := &mdInline{}
				in.text(names)
				c.bylines = append(c.bylines, in)
			}
			return
		}
		if hasBlockChild(n) {
			continue
		}
		if text, short := boundedText(n, maxLinkBlockBytes); short {
			if by := labelledName(collapseSpaces(text)); by != "" {
				// "Автор: Марина К. в 14:05": the label and the name.
				in := &mdInline{}
				in.text(by)
				c.bylines = append(c.bylines, in)
				return
			}
		}
	}
}

// labelledName returns the byline's label and the names after it at the start of a line that
// goes on with other words ("Автор: Марина К. в 14:05" gives "Автор: Марина К."; "By A and B
// May 2, 2024" gives "By A and B"); else "".
func labelledName(s string) string {
	if !hasBylinePrefix(s) {
		return ""
	}
	l := strings.ToLower(s)
	label := ""
	for _, p := range bylinePrefixes {
		if strings.HasPrefix(l, p) && len(p) > len(label) {
			label = s[:len(p)]
		}
	}
	var name []string
	joined := 0 // joining words among the names ("and")
	words := strings.Fields(s[len(label):])
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		next := ""
		if i+1 < len(words) {
			next = words[i+1]
		}
		nr, _ := utf8.DecodeRuneInString(next)
		if !unicode.IsUpper(r) {
			if len(name) > 0 && nameJoiners[w] && unicode.IsUpper(nr) {
				name = append(name, w) // "By A and B": both names
				joined++
				continue
			}
			break
		}
		if unicode.IsDigit(nr) && monthWord.MatchString(strings.ToLower(strings.TrimRight(w, ",."))) {
			break // "May 2, 2024": the date after the name
		}
		name = append(name, w)
	}
	if len(name) == 0 || len(name)-joined > (joined+1)*maxTopBylineWords/2 {
		return ""
	}
	by := strings.TrimRight(strings.TrimSpace(label)+" "+strings.Join(name, " "), ",;")
	if !isBylineText(by) {
		return ""
	}
	return by
}

// attributionWords are the words of class names that mark who said a quotation.
var attributionWords = map[string]bool{"author": true, "cite": true, "citation": true, "source": true,
	"attribution": true, "speaker": true, "person": true, "sign": true, "signature": true}

// isAttribution reports the element that says who said a quotation: a <cite> or <footer>, or a
// short box whose class names its author or source ("QuoteCard_author__0bV1c",
// "quote-block__author").
func isAttribution(n *html.Node) bool {
	if n.DataAtom == atom.Cite || n.DataAtom == atom.Footer {
		return true
	}
	if n.DataAtom != atom.Div && n.DataAtom != atom.P && n.DataAtom != atom.Span {
		return false
	}
	for _, w := range classWords(attr(n, "class")) {
		if attributionWords[w] {
			// (a card of the speaker may hold the photo and the name in boxes of their own:
			// "block-quote__author" > "block-quote__name")
			_, short := boundedText(n, maxAuthorRoleRunes*4)
			return short
		}
	}
	return isDashAttribution(n)
}

// isDashAttribution reports a short line with no blocks inside that opens with a dash and is
// no sentence: "— Member of the delegation" names who spoke.
func isDashAttribution(n *html.Node) bool {
	if n.DataAtom != atom.Div && n.DataAtom != atom.P && n.DataAtom != atom.Span || hasBlockChild(n) {
		return false
	}
	text, short := boundedText(n, maxAuthorRoleRunes*4)
	return short && isDashAttributionLine(collapseSpaces(text))
}

// isDashAttributionLine reports a line that opens with a dash and is no sentence: "— Member of
// the delegation", who said the quotation above it.
func isDashAttributionLine(text string) bool {
	return len(text) <= maxAuthorRoleRunes*4 && (strings.HasPrefix(text, "— ") || strings.HasPrefix(text, "– ")) && !endsWithTerminator(text)
}

// classWords splits class names into their words, in lower case: at hyphens, underscores and
// where a lower-case letter meets a capital ("QuoteCard_author__0bV1c" gives quote, card,
// author, 0b, v1c).
func classWords(class string) []string {
	var words []string
	var w strings.Builder
	flush := func() {
		if w.Len() > 0 {
			words = append(words, strings.ToLower(w.String()))
			w.Reset()
		}
	}
	prevLower := false
	for _, r := range class {
		switch {
		case r == '-' || r == '_' || r == ' ' || r == '\t':
			flush()
			prevLower = false
			continue
		case unicode.IsUpper(r) && prevLower:
			flush()
		}
		w.WriteRune(r)
		prevLower = unicode.IsLower(r)
	}
	flush()
	return words
}

// isQuoteClass reports class names of a block set as a quotation without <blockquote>: a word
// "quote" in them, however they are joined ("pull-quote", "b-article__quote--pull", a word
// processor's "MsoIntenseQuote", a bundler's "QuoteCard_card__6nM7b").
func isQuoteClass(class string) bool {
	if !strings.Contains(strings.ToLower(class), "quote") {
		return false // most blocks: no word to split
	}
	for _, name := range strings.Fields(class) {
		if quoteStyleClass.MatchString(name) {
			continue // "blockquote-style-2": how the quotations inside are set, on the text's box
		}
		for _, w := range classWords(name) {
			if w == "quote" || w == "blockquote" || w == "pullquote" {
				return true
			}
		}
	}
	return false
}

// quoteStyleClass matches a class name that chooses the style of the quotations inside an
// element rather than naming it one: "blockquote-style-2", "quote_style_dark".
var quoteStyleClass = regexp.MustCompile(`(?i)quote[-_]?(?:style|styles|type|theme)\b`)

// datedSigner matches a date and the word that introduces its author, with the author's name
// when it is in the same piece of a meta line, as blog themes print them: "Posted on May 14,
// 2024 by Ermek Joldoshev", or "posted 14.05.2024 by " before a link to the author.
var datedSigner = regexp.MustCompile(`(?i)^(.*\d.*?)\s+(?:by|автор:?|жазған)(?:\s+(\S.*))?$`)

// isDatedSigner reports a match of datedSigner whose first part is a date.
func isDatedSigner(m []string) bool {
	return m != nil && (isPublicationLine(m[1]) || isDateLabelLine(m[1]))
}

// splitDatedSigner splits such a piece into the date and the name; other pieces are returned as
// they are.
func splitDatedSigner(p string) []string {
	m := datedSigner.FindStringSubmatch(strings.TrimSpace(p))
	if !isDatedSigner(m) || m[2] == "" {
		return []string{p}
	}
	return []string{m[1], m[2]}
}
