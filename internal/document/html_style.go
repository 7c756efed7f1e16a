package document

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Pages built without semantic markup (a site builder's numbered blocks, class names a
// bundler made up: "d2", "f9", "t190__text") still show a reader what a block is by how it
// looks: a quotation is set off by a rule on its left or in italics with an indent, and a heading
// is a short line in bold, larger than the text. styledBlocks reads that from the page's own
// styling, the style attribute and the simple class rules of its <style> elements, before the
// page is sanitised (which drops both), and remembers the blocks by their text.

// styledBlocks holds the texts (spaces collapsed) of the blocks the page styles as quotations,
// as headings, and centred.
type styledBlocks struct {
	quotes, headings, centred map[string]bool
}

var (
	// cssRule matches one rule of a style sheet: selectors and declarations, no nesting.
	cssRule = regexp.MustCompile(`([^{}]{1,400})\{([^{}]{0,1000})\}`)
	// classSelector matches a selector of one class, perhaps on one element: ".f9", "div.quote".
	classSelector = regexp.MustCompile(`^[a-zA-Z0-9]*\.([A-Za-z0-9_-]{1,80})$`)
	cssDecl       = regexp.MustCompile(`([a-z-]{1,40})\s*:\s*([^;]{1,200})`)
)

// Bounds on the work styling may cost: a page's style sheets are read up to maxStyleBytes, and a
// block's text up to maxStyledBlockBytes.
const (
	maxStyleBytes       = 256 << 10
	maxStyledBlockBytes = 2000
)

// classRules reads the declarations of the simple class rules of a page's style sheets, by
// class, up to maxStyleBytes of style.
func classRules(raw *html.Node) map[string]string {
	classes := map[string]string{} // class → its declarations
	budget := maxStyleBytes
	for _, st := range findAll(raw, func(n *html.Node) bool { return n.DataAtom == atom.Style }) {
		css := textOf(st)
		if len(css) > budget {
			css = css[:budget]
		}
		budget -= len(css)
		for _, m := range cssRule.FindAllStringSubmatch(css, -1) {
			for _, sel := range strings.Split(m[1], ",") {
				if c := classSelector.FindStringSubmatch(strings.TrimSpace(sel)); c != nil {
					classes[c[1]] += ";" + strings.ToLower(m[2])
				}
			}
		}
		if budget <= 0 {
			break
		}
	}
	return classes
}

// readStyledBlocks finds the blocks of a parsed (not yet sanitised) page that its styling, the
// style attributes and the class rules read by classRules, sets as quotations or headings. A
// paragraph whose words are all in one styled <span> (Google Docs and word processors' HTML put
// the type there) takes that span's style too.
func readStyledBlocks(raw *html.Node, classes map[string]string) styledBlocks {
	sb := styledBlocks{quotes: map[string]bool{}, headings: map[string]bool{}, centred: map[string]bool{}}
	type styledText struct {
		text  string
		style blockStyle
	}
	var found []styledText
	declsOf := func(n *html.Node) string {
		d := ";" + strings.ToLower(attr(n, "style"))
		for _, c := range strings.Fields(attr(n, "class")) {
			d += ";" + classes[c]
		}
		return d
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			if ch.Type != html.ElementNode {
				continue
			}
			// A styled box around one block styles that block: WeChat and page builders put
			// the rule or the centring on a <section> around a bare <p>.
			// So does a table's cell that boxes a paragraph (e-mail newsletters lay out in tables).
			leaf := ch
			if ch.DataAtom == atom.Div || ch.DataAtom == atom.Section || ch.DataAtom == atom.Td {
				leaf = innermostWrapped(ch)
			}
			if (ch.DataAtom == atom.Div || ch.DataAtom == atom.P || ch.DataAtom == atom.Section || ch.DataAtom == atom.Td) && !hasBlockChild(leaf) {
				decls := ""
				for n := ch; ; n = onlyBlockChild(n) {
					decls += declsOf(n)
					if n == leaf {
						break
					}
				}
				if span := soleInlineChild(leaf); span != nil {
					decls += declsOf(span)
				}
				if strings.Trim(decls, "; ") != "" {
					if text, short := boundedText(ch, maxStyledBlockBytes); short {
						if text = collapseSpaces(text); text != "" {
							found = append(found, styledText{text, parseDecls(decls)})
						}
					}
				}
				continue
			}
			walk(ch)
		}
	}
	walk(raw)
	// The running text's size: the size that sets the most words.
	letters := map[float64]int{}
	for _, f := range found {
		if px := f.style.fontPx(); px > 0 {
			letters[px] += len(f.text)
		}
	}
	body, most := 0.0, 0
	for px, n := range letters {
		if n > most || n == most && px < body {
			body, most = px, n
		}
	}
	for _, f := range found {
		switch {
		case f.style.quotation():
			sb.quotes[f.text] = true
		case f.style.heading(body) && isHeadingText(f.text):
			sb.headings[f.text] = true
		case f.style["text-align"] == "center":
			sb.centred[f.text] = true
		}
	}
	return sb
}

// soleInlineChild returns the one element a block's words are all in ("<p><span
// class="c0">…</span></p>"), or nil.
func soleInlineChild(n *html.Node) *html.Node {
	var only *html.Node
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		switch {
		case ch.Type == html.TextNode && strings.TrimSpace(ch.Data) == "":
		case ch.Type == html.ElementNode && !isBlockElement(ch) && only == nil:
			only = ch
		default:
			return nil
		}
	}
	return only
}

// onlyBlockChild returns the one block n wraps (see innermostWrapped).
func onlyBlockChild(n *html.Node) *html.Node {
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type == html.ElementNode && isBlockElement(ch) {
			return ch
		}
	}
	return nil
}

// blockStyle is what a block's declarations say, the last declaration of a property winning.
type blockStyle map[string]string

func parseDecls(decls string) blockStyle {
	s := blockStyle{}
	for _, m := range cssDecl.FindAllStringSubmatch(decls, -1) {
		s[m[1]] = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(m[2]), "!important"))
	}
	return s
}

// quotation reports a rule down the left side ("border-left: 4px solid"), or italics with an
// indent.
func (s blockStyle) quotation() bool {
	if b, ok := s["border-left"]; ok && b != "none" && b != "0" && !strings.HasPrefix(b, "0 ") {
		return true
	}
	if w, ok := s["border-left-width"]; ok && cssLength(w) > 0 {
		return true
	}
	indent := cssLength(s["margin-left"]) > 0 || cssLength(s["padding-left"]) > 0
	return s["font-style"] == "italic" && indent
}

// Sizes of type that set a heading apart: at least headingPx, or headingRatio of the running
// text's size (of 1em).
const (
	headingPx    = 18
	headingRatio = 1.15
)

// heading reports bold type larger than running text: at least 18px, or 1.15 times the running
// text's size when the page sets that in absolute units (body, in px; 0 when unknown), or 1.15em
// or rem.
func (s blockStyle) heading(body float64) bool {
	switch w := s["font-weight"]; w {
	case "bold", "bolder", "600", "700", "800", "900":
	default:
		return false
	}
	size := s["font-size"]
	switch {
	case strings.HasSuffix(size, "px"), strings.HasSuffix(size, "pt"):
		px := s.fontPx()
		return px >= headingPx || body > 0 && px >= headingRatio*body
	case strings.HasSuffix(size, "rem"), strings.HasSuffix(size, "em"):
		return cssLength(size) >= headingRatio
	}
	return false
}

// fontPx is the size of the type in pixels when it is set in px or pt, 0 otherwise.
func (s blockStyle) fontPx() float64 {
	size := strings.TrimSpace(s["font-size"])
	switch {
	case strings.HasSuffix(size, "px"):
		return cssLength(size)
	case strings.HasSuffix(size, "pt"):
		return cssLength(size) * 4 / 3
	}
	return 0
}

// cssLength reads the number a CSS length starts with ("12px", "1.2em"), 0 when there is none.
func cssLength(v string) float64 {
	v = strings.TrimSpace(v)
	end := 0
	for end < len(v) && (v[end] >= '0' && v[end] <= '9' || v[end] == '.') {
		end++
	}
	f, err := strconv.ParseFloat(v[:end], 64)
	if err != nil {
		return 0
	}
	return f
}

// dropHidden removes from a parsed page the elements its styling hides (display: none or
// visibility: hidden, in their style attribute or in a simple class rule): a reader never sees
// them, and the sanitiser, which drops styling, would otherwise show them (a share button's
// label kept for scripts, a menu's copy for small screens). It reports whether it removed any.
//
// An element that holds most of the page's letters is kept hidden or not: a page that hides its
// own text until its scripts have run (WeChat's articles, pages that fade their text in) shows
// it to every reader who opens it, and no page hides the bulk of what it says for good.
func dropHidden(raw *html.Node, classes map[string]string) bool {
	hiddenClass := map[string]bool{}
	for c, decls := range classes {
		if hides(parseDecls(decls)) {
			hiddenClass[c] = true
		}
	}
	var doomed []*html.Node
	var letters map[*html.Node]int // each element's letters, counted once when a hidden element is first met
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			if ch.Type != html.ElementNode {
				continue
			}
			hidden := false
			if st := attr(ch, "style"); st != "" && hides(parseDecls(strings.ToLower(st))) {
				hidden = true
			}
			for _, c := range strings.Fields(attr(ch, "class")) {
				hidden = hidden || hiddenClass[c]
			}
			if hidden && ch.DataAtom != atom.Body && ch.DataAtom != atom.Html {
				if letters == nil {
					letters = map[*html.Node]int{}
					shownLetters(raw, letters)
				}
				if 2*letters[ch] <= letters[raw] {
					doomed = append(doomed, ch)
					continue
				}
			}
			walk(ch)
		}
	}
	walk(raw)
	for _, n := range doomed {
		n.Parent.RemoveChild(n)
	}
	return len(doomed) > 0
}

// shownLetters counts the letters of n's text outside scripts, styles and templates, and
// records the count of every element in counts: one walk serves every hidden element, however
// deeply they nest.
func shownLetters(n *html.Node, counts map[*html.Node]int) int {
	switch {
	case n.Type == html.TextNode:
		c := 0
		for _, r := range n.Data {
			if unicode.IsLetter(r) {
				c++
			}
		}
		return c
	case n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style || n.DataAtom == atom.Template || n.DataAtom == atom.Noscript):
		return 0
	}
	c := 0
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		c += shownLetters(ch, counts)
	}
	counts[n] = c
	return c
}

// hides reports declarations that keep an element off the screen.
func hides(s blockStyle) bool {
	return s["display"] == "none" || s["visibility"] == "hidden"
}

// spanBoxes turns into a <div> every <span> that holds paragraphs, headings, lists or figures
// (Zhihu sets an answer's whole text in '<span class="RichText">'): browsers show such a span as
// the box it is, and read as inline text its blocks would run together. It reports whether it
// changed any.
func spanBoxes(raw *html.Node) bool {
	changed := false
	for _, n := range findAll(raw, func(n *html.Node) bool { return n.Type == html.ElementNode && n.DataAtom == atom.Span }) {
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			if ch.Type == html.ElementNode && isBlockElement(ch) && ch.DataAtom != atom.Hr {
				n.Data, n.DataAtom, changed = "div", atom.Div, true
				break
			}
		}
	}
	return changed
}

// paragraphBreaks parts a paragraph at every pair of line breaks in a row (<br><br>), which
// editors that set each paragraph apart with an empty line print inside one <p>: the page shows
// two paragraphs, as the same breaks in a <div> do. A single break stays a line break inside
// its paragraph (an address, a verse). It reports whether it parted any.
func paragraphBreaks(raw *html.Node) bool {
	changed := false
	for _, p := range findAll(raw, func(n *html.Node) bool { return n.Type == html.ElementNode && n.DataAtom == atom.P }) {
		if p.Parent == nil || !hasDoubleBreak(p) {
			continue
		}
		part := &html.Node{Type: html.ElementNode, Data: p.Data, DataAtom: p.DataAtom, Attr: slices.Clone(p.Attr)}
		for ch := p.FirstChild; ch != nil; {
			next := ch.NextSibling
			if isBreak(ch) && doubleBreakAt(ch) {
				// Close the part here and drop the breaks and the white space between them.
				end := ch.NextSibling
				for !isBreak(end) {
					end = end.NextSibling
				}
				next = end.NextSibling
				if part.FirstChild != nil {
					p.Parent.InsertBefore(part, p)
					part = &html.Node{Type: html.ElementNode, Data: p.Data, DataAtom: p.DataAtom, Attr: slices.Clone(p.Attr)}
				}
				for x := ch; x != next; {
					after := x.NextSibling
					p.RemoveChild(x)
					x = after
				}
				ch = next
				continue
			}
			p.RemoveChild(ch)
			part.AppendChild(ch)
			ch = next
		}
		if part.FirstChild != nil {
			p.Parent.InsertBefore(part, p)
		}
		p.Parent.RemoveChild(p)
		changed = true
	}
	return changed
}

// isBreak reports a <br> element.
func isBreak(n *html.Node) bool {
	return n != nil && n.Type == html.ElementNode && n.DataAtom == atom.Br
}

// doubleBreakAt reports a <br> followed by another, with nothing but white space between.
func doubleBreakAt(br *html.Node) bool {
	for x := br.NextSibling; x != nil; x = x.NextSibling {
		switch {
		case isBreak(x):
			return true
		case x.Type == html.TextNode && strings.TrimFunc(x.Data, isSpace) == "":
		default:
			return false
		}
	}
	return false
}

// hasDoubleBreak reports an element with two <br> in a row among its children.
func hasDoubleBreak(n *html.Node) bool {
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if isBreak(ch) && doubleBreakAt(ch) {
			return true
		}
	}
	return false
}

// ariaHeadings turns the elements a page marks as headings for assistive technology
// (role="heading" aria-level="1", as SharePoint and page builders print the title) into the
// heading elements they stand for, which the sanitiser and the readers know. It reports whether
// it changed any.
func ariaHeadings(raw *html.Node) bool {
	changed := false
	for _, n := range findAll(raw, func(n *html.Node) bool {
		return n.Type == html.ElementNode && !isHeadingAtom(n.DataAtom) && strings.EqualFold(strings.TrimSpace(attr(n, "role")), "heading")
	}) {
		level, err := strconv.Atoi(strings.TrimSpace(attr(n, "aria-level")))
		if err != nil || level < 1 || level > 6 {
			level = 2 // the level ARIA gives a heading that names none
		}
		n.Data = "h" + strconv.Itoa(level)
		n.DataAtom = atom.Lookup([]byte(n.Data))
		changed = true
	}
	return changed
}

// maxNoteBlocks and maxNoteNodes bound the notes inPageLinks looks at, and the nodes it walks
// in them.
const (
	maxNoteBlocks = 500
	maxNoteNodes  = 200_000
)

// nodeCount counts the nodes of n's subtree, stopping past limit.
func nodeCount(n *html.Node, limit int) int {
	count := 0
	var walk func(*html.Node)
	walk = func(x *html.Node) {
		for ch := x.FirstChild; ch != nil && count <= limit; ch = ch.NextSibling {
			count++
			walk(ch)
		}
	}
	walk(n)
	return count
}

// inPageLinks rewrites as fragments ("#note1") the links between a reference and its note that
// a page writes with its own address before the fragment ("analitika/gaz/#note1", as sites
// with a <base> element must): a link whose fragment names an element of the page that links
// back to the link (or to the element around it) with a fragment too. It reports whether it
// rewrote any.
func inPageLinks(raw *html.Node) bool {
	ids := map[string]*html.Node{}
	var links []*html.Node
	for _, n := range findAll(raw, func(n *html.Node) bool { return n.Type == html.ElementNode }) {
		if id := attr(n, "id"); id != "" {
			ids[id] = n
		}
		if n.DataAtom == atom.A {
			links = append(links, n)
		}
	}
	fragment := func(a *html.Node) (string, bool) {
		href := attr(a, "href")
		i := strings.IndexByte(href, '#')
		if i <= 0 || i == len(href)-1 {
			return "", false
		}
		return href[i+1:], true
	}
	rewrite := map[*html.Node]string{}
	backLinks := map[*html.Node][]*html.Node{} // the links inside each target's block, read once
	budget := maxNoteNodes
	for _, a := range links {
		frag, ok := fragment(a)
		target := ids[frag]
		if !ok || target == nil {
			continue
		}
		if len(backLinks) >= maxNoteBlocks {
			break // more notes than any article has: the work stays bounded
		}
		// The ids of the link and of the elements around it, up to its block.
		own := map[string]bool{}
		for p := a; p != nil && p.Type == html.ElementNode; p = p.Parent {
			if id := attr(p, "id"); id != "" {
				own[id] = true
			}
			if isBlockElement(p) {
				break
			}
		}
		block := target
		for block.Parent != nil && !isBlockElement(block) {
			block = block.Parent
		}
		inside, seen := backLinks[block]
		if !seen {
			if budget -= nodeCount(block, budget); budget <= 0 {
				break // notes in blocks this large and this many: the work stays bounded
			}
			inside = findAll(block, func(n *html.Node) bool { return n.DataAtom == atom.A })
			backLinks[block] = inside
		}
		for _, back := range inside {
			if f, ok := fragment(back); ok && own[f] {
				rewrite[a], rewrite[back] = "#"+frag, "#"+f
			}
		}
	}
	for a, href := range rewrite {
		for i := range a.Attr {
			if a.Attr[i].Key == "href" {
				a.Attr[i].Val = href
			}
		}
	}
	return len(rewrite) > 0
}
