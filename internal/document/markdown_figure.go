package document

import (
	"bytes"
	"html"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"

	"github.com/tilmash/tilmash/pipeline"
)

// Figures in Markdown. A figure's caption is written in one of four ways, and each is read as
// a caption block:
//
//   - an HTML figure, its text inside <figcaption> (also what web pages and Word documents are
//     converted to);
//   - an image, then on the next line or in the next paragraph a line wholly in emphasis
//     ("![](chart.png)" then "*Trade, 2015–2023*");
//   - an image, then a paragraph that opens with a caption label ("Figure 2. …", "Рис. 1. …");
//   - an image, then a line set centred in HTML ("<center>图1　…</center>", as Typora and
//     other editors that size images with an <img> tag write it), or an image and a line in
//     one centred element.
//
// An image may be written as an HTML <img> tag on a block of its own; such a block counts as
// a paragraph of images.
//
// The image's own description is dropped when a caption follows: the caption says it for the
// reader, and the description is alternative text for those who cannot see the image.

// figcaptionLines returns the numbers (from 0) of the lines of src that lie inside a
// <figcaption> element.
func figcaptionLines(src string) map[int]bool {
	lower := strings.ToLower(src)
	if !strings.Contains(lower, "<figcaption") {
		return nil
	}
	out := map[int]bool{}
	depth := 0
	for i, line := range strings.Split(lower, "\n") {
		opens := strings.Count(line, "<figcaption")
		closes := strings.Count(line, "</figcaption")
		if depth > 0 || opens > 0 {
			out[i] = true
		}
		depth = max(depth+opens-closes, 0)
	}
	return out
}

// figcaptionElement matches a figure's caption in HTML written into Markdown, and
// captionPart an element inside one with the text it holds, and classAttr its class.
var (
	figcaptionElement = regexp.MustCompile(`(?is)<figcaption\b[^>]{0,500}>.{0,1000}?</figcaption>`)
	captionPart       = regexp.MustCompile(`(?is)<(span|small|em|i|cite|p|div)\b([^>]{0,500})>[^<]{0,1000}</(?:span|small|em|i|cite|p|div)>`)
	classAttr         = regexp.MustCompile(`(?i)\bclass\s*=\s*(?:"([^"]*)"|'([^']*)')`)
)

// withoutCaptionCredits removes from the captions of HTML figures in Markdown the parts their
// class names as furniture: the photographer's credit in its own element ("<span
// class="credit">Photo: …</span>"), as the web page reader leaves it out.
func withoutCaptionCredits(src string) string {
	if !strings.Contains(strings.ToLower(src), "<figcaption") {
		return src
	}
	return figcaptionElement.ReplaceAllStringFunc(src, func(fc string) string {
		return captionPart.ReplaceAllStringFunc(fc, func(part string) string {
			m := captionPart.FindStringSubmatch(part)
			if c := classAttr.FindStringSubmatch(m[2]); c != nil && isFurnitureClass(c[1]+c[2]) {
				return ""
			}
			return part
		})
	})
}

// centredOpen matches a line that opens an HTML element set centred: <center>, or a paragraph
// or a division with align="center" or a centred text-align in its style.
var centredOpen = regexp.MustCompile(`(?i)^\s*<(center\b|(p|div)\s[^>]*(align\s*=\s*["']?center|text-align\s*:\s*center))`)

// centredLines returns the numbers (from 0) of the lines of src that belong to an HTML block
// opened by a centred element: from that line to the next blank line, where CommonMark ends
// such a block.
func centredLines(src string) map[int]bool {
	lower := strings.ToLower(src)
	if !strings.Contains(lower, "center") {
		return nil
	}
	out := map[int]bool{}
	in := false
	for i, line := range strings.Split(src, "\n") {
		switch {
		case strings.TrimSpace(line) == "":
			in = false
		case in || centredOpen.MatchString(line):
			in = true
			out[i] = true
		}
	}
	return out
}

// lineOf returns the line number (from 0) of a byte offset into the source, from an index of
// the line starts built on first use.
func (r *markdownReader) lineOf(offset int) int {
	if r.lineStarts == nil {
		r.lineStarts = []int{0}
		for i, c := range r.source {
			if c == '\n' {
				r.lineStarts = append(r.lineStarts, i+1)
			}
		}
	}
	return sort.SearchInts(r.lineStarts, offset+1) - 1
}

// paragraph adds a paragraph, telling captions and figures from article text.
func (r *markdownReader) paragraph(p *ast.Paragraph, inside pipeline.BlockKind) {
	if inside == "" && len(r.out) <= 1 && p.Lines().Len() >= minPropertyLines {
		if lines, ok := r.propertyLines(p); ok {
			// The page's properties under its title, a field a line (Notion's export, a
			// pasted metadata table): the author's line is the byline, the rest is no text.
			for _, l := range lines {
				if hasBylinePrefix(l) {
					t := &inlineText{}
					t.text(l)
					r.add(pipeline.BlockParagraph, t, 0, inside)
				}
			}
			return
		}
	}
	if p.Lines().Len() > 0 && r.captionLines[r.lineOf(p.Lines().At(0).Start)] {
		r.add(pipeline.BlockCaption, r.inline(p, nil), 0, inside)
		return
	}
	images, rest := r.leadingImages(p)
	if images > 0 {
		if em := onlyEmphasis(rest); em != nil {
			t := r.inline(em, nil)
			if !isPhotoCredit(t.plain()) {
				// An image and its caption in emphasis on the next line.
				r.add(pipeline.BlockCaption, t, 0, inside)
				return
			}
			rest = nil // only who took the picture ("*Photo: Reuters*"): the picture stands alone
		}
		if t := r.inline(p, nil); len(rest) > 0 && r.centredLines[r.lineOf(p.Lines().At(0).Start)] && columns(t.plain()) <= maxHeadColumns {
			// An image and a line under it, centred together: the figure and its caption.
			r.add(pipeline.BlockCaption, t, 0, inside)
			return
		}
		if len(rest) == 0 && r.captionFollows(p) {
			return // the figure itself; its caption is the next paragraph
		}
		if len(rest) == 0 {
			// A picture alone in its paragraph, described in words: Pandoc, Quarto and
			// R Markdown print that description as the figure's caption, and other editors
			// show it where the picture cannot be; either way it says what the picture shows.
			// A file's name or a word in its place says nothing to a reader.
			// A description that says nothing may leave the picture's title to say it, which
			// site generators' themes print as the caption.
			// A title that says more than the description is the caption its writer meant
			// ("Bus bodies on the line" / "Bus bodies waiting for paint at a plant in Kostanay").
			if img := firstImage(p); images == 1 && img != nil {
				title := strings.TrimSpace(string(img.Title))
				if t := r.inline(img, nil); isAltCaption(t.plain()) && !(isAltCaption(title) && columns(title) > columns(t.plain())) {
					r.add(pipeline.BlockCaption, t, 0, inside)
				} else if isAltCaption(title) {
					t := &inlineText{}
					t.text(title)
					r.add(pipeline.BlockCaption, t, 0, inside)
				}
			}
			return
		}
	}
	if r.afterFigure(p) {
		if em := onlyEmphasis(inlineChildren(p)); em != nil {
			r.add(pipeline.BlockCaption, r.inline(em, nil), 0, inside)
			return
		}
		t := r.inline(p, nil)
		if isCaptionText(t.plain()) || p.Lines().Len() > 0 && r.centredLines[r.lineOf(p.Lines().At(0).Start)] {
			r.add(pipeline.BlockCaption, t, 0, inside)
			return
		}
		r.add(pipeline.BlockParagraph, t, 0, inside)
		return
	}
	r.add(pipeline.BlockParagraph, r.inline(p, nil), 0, inside)
	if st := onlyEmphasis(inlineChildren(p)); st != nil && st.Level == 2 && inside == "" && len(r.out) > 0 {
		r.out[len(r.out)-1].strong = true
	}
}

// firstImage returns the first image among a paragraph's inline nodes, or nil.
func firstImage(p ast.Node) *ast.Image {
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		if img, ok := c.(*ast.Image); ok {
			return img
		}
	}
	return nil
}

// inlineChildren lists a paragraph's inline nodes without the blank text between them.
func inlineChildren(n ast.Node) []ast.Node {
	var out []ast.Node
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok && t.Segment.Len() == 0 {
			continue
		}
		out = append(out, c)
	}
	return out
}

// leadingImages counts the images a paragraph opens with and returns the nodes after them.
func (r *markdownReader) leadingImages(p ast.Node) (int, []ast.Node) {
	kids := inlineChildren(p)
	n := 0
	for n < len(kids) {
		if _, ok := kids[n].(*ast.Image); ok {
			n++
			continue
		}
		if t, ok := kids[n].(*ast.Text); ok && len(bytes.TrimSpace(t.Value(r.source))) == 0 {
			n++
			continue
		}
		if raw, ok := kids[n].(*ast.RawHTML); ok && raw.Segments.Len() > 0 &&
			bytes.HasPrefix(r.source[raw.Segments.At(0).Start:], []byte("<!--")) {
			n++ // a comment an editor keeps beside the picture (Bear's '<!-- {"width":620} -->')
			continue
		}
		break
	}
	images := 0
	for _, k := range kids[:n] {
		if _, ok := k.(*ast.Image); ok {
			images++
		}
	}
	return images, kids[n:]
}

// onlyEmphasis returns the emphasis node that nodes consist of, or nil.
func onlyEmphasis(nodes []ast.Node) *ast.Emphasis {
	if len(nodes) != 1 {
		return nil
	}
	em, _ := nodes[0].(*ast.Emphasis)
	return em
}

// minPropertyLines: a block of properties lists two fields at least.
const minPropertyLines = 2

// propertyLine matches a field of a page's properties: a label of a word or a few, a colon, a
// value ("Жарияланған күні: 2025 жылғы 14 қаңтар", "Status: Published").
var propertyLine = regexp.MustCompile(`^[\p{L}][\p{L} ]{0,30}[:：]\s*\S`)

// propertyLines returns the lines of a paragraph each of which is a field, and whether all are.
func (r *markdownReader) propertyLines(p *ast.Paragraph) ([]string, bool) {
	var out []string
	for i := 0; i < p.Lines().Len(); i++ {
		seg := p.Lines().At(i)
		l := strings.TrimSpace(string(seg.Value(r.source)))
		if !propertyLine.MatchString(l) {
			return nil, false
		}
		out = append(out, l)
	}
	return out, true
}

// isAltCaption reports a picture's description that reads as a caption: words, not a file's
// name ("IMG_2214.jpeg", "screenshot-1") or a single word.
func isAltCaption(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || fileName.MatchString(s) {
		return false
	}
	return len(strings.Fields(s)) >= 3 || isHanText(s) && utf8.RuneCountInString(s) >= 6
}

// fileName matches a text that is a file's name: a word with an image or document extension.
var fileName = regexp.MustCompile(`(?i)^\S+\.(jpe?g|png|gif|webp|svg|bmp|tiff?|heic|avif|pdf)$`)

// afterFigure reports a paragraph that directly follows a paragraph of images alone.
func (r *markdownReader) afterFigure(p ast.Node) bool {
	prev, ok := p.PreviousSibling().(*ast.Paragraph)
	if !ok {
		return false
	}
	images, rest := r.leadingImages(prev)
	return images > 0 && len(rest) == 0 && !onlyBadges(prev)
}

// onlyBadges reports a paragraph whose pictures are all a project's badges (shields.io and
// the like: build status, licence, DOI), which caption nothing.
func onlyBadges(p ast.Node) bool {
	badges, others := 0, 0
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		if img, ok := c.(*ast.Image); ok {
			if dest := strings.ToLower(string(img.Destination)); strings.Contains(dest, "badge") || strings.Contains(dest, "shields.io") {
				badges++
			} else {
				others++
			}
		}
	}
	return badges > 0 && others == 0
}

// captionFollows reports a paragraph of images whose next paragraph is its caption.
func (r *markdownReader) captionFollows(p ast.Node) bool {
	next, ok := p.NextSibling().(*ast.Paragraph)
	if !ok {
		return false
	}
	if next.Lines().Len() > 0 && r.captionLines[r.lineOf(next.Lines().At(0).Start)] {
		return true // the text of a <figcaption> right under the picture
	}
	if onlyEmphasis(inlineChildren(next)) != nil {
		return true
	}
	return isCaptionText(r.inline(next, nil).plain())
}

// Static-site generators put template tags in Markdown: "{{ site.baseurl }}" in an image's
// address (Jekyll), shortcodes and tags on lines of their own ("{{< figure src=… caption=… >}}",
// "{{% notice %}}", Hugo; "{{ figure(src=…, caption=…) }}", Zola, whose shortcodes are
// called like functions; "{% include toc.html %}", "{% include figure image_path=… caption=… %}",
// Jekyll's Liquid; "{% asset_img map.png 图1 … %}", Hexo), attribute lists ("{: .lead}",
// kramdown). A tag in an address would end it at its spaces, so the image and its
// caption were read as text; a shortcode line is markup, not text. A figure shortcode's caption
// is kept as the caption of an HTML figure.
var (
	addressTemplateTag = regexp.MustCompile(`\]\(\s*(\{\{[^{}\n]{0,100}\}\}|\{%[^%\n]{0,100}%\})`)
	shortcodeLine      = regexp.MustCompile(`(?m)^[ \t]*(\{\{[<%][^\n]*?[>%]\}\}|\{\{\s*[A-Za-z_]\w*\([^\n]*\)\s*\}\}|\{\{\s*#\w+[^\n]*?\}\}|\{%[^\n]*?%\}|\{:[^\n{}]*\})[ \t]*$`)
	// texCommandLine matches a line of raw TeX that Pandoc, R Markdown and Quarto pass to the
	// PDF they make ("\newpage", "\vspace{1em}"): layout, not text.
	texCommandLine = regexp.MustCompile(`(?m)^[ \t]*\\(?:newpage|clearpage|pagebreak|tableofcontents|listoffigures|listoftables|maketitle|noindent|bigskip|medskip|smallskip|vfill|hfill|[vh]space\*?\{[^}\n]*\})[ \t]*$`)
	// contentRef matches GitBook's card that links another page of the book, "{% content-ref
	// url="…" %}" … "{% endcontent-ref %}": a link, not the article's text.
	contentRef = regexp.MustCompile(`(?s)\{%\s*content-ref\b[^%\n]*%\}.*?\{%\s*endcontent-ref\s*%\}`)
	// attributeList matches a kramdown attribute list at the end of a line ("… {: .lead}").
	attributeList = regexp.MustCompile(`(?m)[ \t]*\{:[^\n{}]*\}[ \t]*$`)
	// itemAttributeList matches one right after a list item's marker, as SiYuan exports them
	// ("- {: id="…"}text").
	itemAttributeList = regexp.MustCompile(`(?m)^([ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)\{:[^\n{}]*\}[ \t]*`)
	// blockRef matches SiYuan's reference to another block, "((20240501093012-k8m2n4p "anchor
	// text"))": the text shows its anchor text, or nothing when it has none.
	blockRef = regexp.MustCompile(`\(\(\d{14}-[a-z0-9]{7}(?:\s+(?:"([^"\n]*)"|'([^'\n]*)'))?\)\)`)
	// assetImage matches Hexo's image tag with its title after the file: "{% asset_img map.png
	// 图1 流域示意图 %}", "{% asset_img map.png "Map of the basin" "alt" %}".
	assetImage       = regexp.MustCompile(`^[ \t]*\{%\s*asset_img\s+(?:[\w-]+\s+)*?[^\s"']+\.\w{2,4}(?:\s+\d+){0,2}\s+(?:"([^"\n]+)"|'([^'\n]+)'|([^"'\s][^%\n]*?))(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*%\}`)
	wordpressCaption = regexp.MustCompile(`(?m)^[ \t]*\[caption\b[^\]\n]*\](.*?)\[/caption\][ \t]*$`)
	markdownImage    = regexp.MustCompile(`!\[[^\]\n]*\]\([^)\n]*\)`)
	shortcodeCaption = regexp.MustCompile(`^[ \t]*(?:\{\{(?:[<%]\s*figure\s|\s*figure\()|\{%\s*include\s+figure[\w.-]*\s)[^\n]*?\b(?:caption|title)\s*=\s*(?:"([^"\n]+)"|'([^'\n]+)')`)
)

// withoutTemplateTags removes template tags from image and link addresses and turns shortcode
// lines (Hugo's, Jekyll's, mdBook's "{{#include …}}") into what they show: a figure's caption, or
// nothing. Lines of raw TeX go too.
func withoutTemplateTags(src string) string {
	if strings.Contains(src, "[/caption]") {
		src = wordpressCaption.ReplaceAllStringFunc(src, func(line string) string {
			// WordPress's caption shortcode around a picture, kept by exports to Markdown.
			inner := wordpressCaption.FindStringSubmatch(line)[1]
			text := strings.TrimSpace(htmlText(markdownImage.ReplaceAllString(inner, "")))
			if !strings.ContainsFunc(text, unicode.IsLetter) {
				return ""
			}
			return "<figure><figcaption>" + html.EscapeString(text) + "</figcaption></figure>"
		})
	}
	if strings.Contains(src, "((") {
		src = blockRef.ReplaceAllString(src, "$1$2")
	}
	if strings.Contains(src, "\\") {
		src = texCommandLine.ReplaceAllString(src, "")
	}
	if !strings.Contains(src, "{{") && !strings.Contains(src, "{%") && !strings.Contains(src, "{:") {
		return src
	}
	if strings.Contains(src, "content-ref") {
		src = contentRef.ReplaceAllStringFunc(src, func(card string) string {
			return strings.Repeat("\n", strings.Count(card, "\n")) // the lines after keep their numbers
		})
	}
	src = addressTemplateTag.ReplaceAllString(src, "](")
	src = itemAttributeList.ReplaceAllString(src, "$1")
	src = attributeList.ReplaceAllString(src, "")
	return shortcodeLine.ReplaceAllStringFunc(src, func(line string) string {
		caption := ""
		if m := shortcodeCaption.FindStringSubmatch(line); m != nil {
			caption = m[1] + m[2]
		} else if m := assetImage.FindStringSubmatch(line); m != nil {
			caption = m[1] + m[2] + m[3]
		}
		if strings.ContainsFunc(caption, unicode.IsLetter) {
			return "<figure><figcaption>" + html.EscapeString(html.UnescapeString(caption)) + "</figcaption></figure>"
		}
		return ""
	})
}

// Generators also set boxes apart from the text: admonitions ("::: tip 阅读提示" … ":::" in
// VuePress and Docusaurus, "!!! note" with an indented body in MkDocs, paired shortcodes such as
// "{{% notice tip %}}" … "{{% /notice %}}" in Hugo, "{% note %}" … "{% endnote %}" in Hexo or
// "{% note(kind="tip") %}" … "{% end %}" in Zola), where a site puts what it says about the
// article (the reading time, the series it belongs to), the way a page puts its notes in an
// <aside>, and where an author sets a point of the text apart; and markers where they print a
// table of contents ("[[toc]]", "[TOC]", "{:toc}", GitLab's "[[_TOC_]]", CSDN's "@[TOC](目录)").
// withoutGeneratorAsides blanks the markers, the boxes' fences and titles, and the boxes that
// speak of the article, keeping the other lines' numbers; a box's point stays as text.
var (
	containerOpen   = regexp.MustCompile(`^:{3,}\s*\S`)
	containerClose  = regexp.MustCompile(`^:{3,}\s*$`)
	mkdocsAdmonish  = regexp.MustCompile(`^(!!!|\?\?\?\+?)\s*\w`)
	admonitionOpen  = regexp.MustCompile(`^\{\{[<%]\s*(notice|alert|callout|admonition|hint|tip|note|warning|info)\b[^/]*[>%]\}\}$|^\{%\s*(note|tip|warning|info|alert)\b[^%]*%\}$`)
	admonitionClose = regexp.MustCompile(`^\{\{[<%]\s*/\s*(notice|alert|callout|admonition|hint|tip|note|warning|info)\s*[>%]\}\}$|^\{%\s*end(note|tip|warning|info|alert)?\s*%\}$`)
	tocMarker       = regexp.MustCompile(`(?i)^(\[\[_?toc_?\]\]|\[toc\]|\{:toc\}|\*\s+toc|\$\{toc\}|<!--\s*toc\s*-->|@\[toc\](\([^()\n]*\))?)$`)
)

// seriesWords name a series of articles.
var seriesWords = []string{"series", "серия", "серии", "цикл", "сериясы", "топтамасы", "系列"}

// maxSeriesNoteRunes: a box that says which series an article belongs to is a line.
const maxSeriesNoteRunes = 80

// isSeriesNote reports a box's line that places the article in a series of the site's ("Third
// in a series", "本文是…系列的第三篇").
func isSeriesNote(s string) bool {
	if utf8.RuneCountInString(s) > maxSeriesNoteRunes {
		return false
	}
	return holdsAny(s, seriesWords)
}

func withoutGeneratorAsides(src string) string {
	if !strings.Contains(src, ":::") && !strings.Contains(src, "!!!") && !strings.Contains(src, "???") &&
		!strings.Contains(src, "{{") && !strings.Contains(src, "{%") && !strings.Contains(strings.ToLower(src), "toc") {
		return src
	}
	lines := strings.Split(src, "\n")
	inBox, inMkdocs := false, false
	var body []int // the lines of the box being read
	// closeBox keeps the box's words unless they are the site's (how long the article takes to
	// read, the series it belongs to): an author sets a point of the text apart in a box too.
	closeBox := func() {
		var words []string
		for _, k := range body {
			words = append(words, strings.TrimSpace(strings.TrimLeft(lines[k], " \t")))
		}
		text := strings.TrimSpace(strings.Join(words, " "))
		if text == "" || isFurnitureText(text) || isPublicationLine(text) || isSeriesNote(text) {
			for _, k := range body {
				lines[k] = ""
			}
		} else {
			for _, k := range body {
				lines[k] = strings.TrimLeft(lines[k], " \t") // no indented code block of an MkDocs body
			}
		}
		body = nil
	}
	for i, l := range lines {
		t := strings.TrimSpace(l)
		switch {
		case inBox:
			if containerClose.MatchString(t) || admonitionClose.MatchString(t) {
				inBox = false
				lines[i] = ""
				closeBox()
				continue
			}
			body = append(body, i)
		case inMkdocs && (t == "" || l != strings.TrimLeft(l, " \t")):
			body = append(body, i) // the indented body of an MkDocs admonition
		case containerOpen.MatchString(t) || admonitionOpen.MatchString(t):
			if inMkdocs {
				closeBox()
			}
			inBox, inMkdocs = true, false
			lines[i] = ""
		case mkdocsAdmonish.MatchString(t):
			if inMkdocs {
				closeBox()
			}
			inMkdocs = true
			lines[i] = ""
		case tocMarker.MatchString(t):
			lines[i] = ""
		default:
			if inMkdocs {
				closeBox()
			}
			inMkdocs = false
		}
	}
	if inBox {
		return src // a box never closed: leave the text as written
	}
	if inMkdocs {
		closeBox()
	}
	return strings.Join(lines, "\n")
}
