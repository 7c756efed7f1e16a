package document

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// captionClass matches the class names sites give a caption that is not a <figcaption>:
// "wp-caption-text", "image-caption", "photo-caption", "caption", "img-desc", "itemImageCaption". A photo credit
// ("image-credit") is no caption: it names the photographer, not what the picture shows.
var captionClass = regexp.MustCompile(`(?i:(^|[\s_-])caption($|[\s_-])|caption-text|(^|[\s_-])(img|image|photo|pic|figure)-?(desc|description|legend)($|[\s_-]))|[a-z]Caption($|[\s_-])`)

// Bounds of the looks around a candidate caption or publication line, so that reading a page
// stays linear: a caption is a line or two beside its image in a small container; a
// publication line is short.
const (
	maxCaptionBytes     = 1200
	maxCaptionNeighbors = 6
	maxPublicationBytes = 160
)

// isCaptionElement reports an element that captions a figure: a <figcaption>, or a short
// block or text element beside an image (in the same small container, the image first), in a
// <figure>, or with a class that names a caption, or alone with the image.
func isCaptionElement(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	if n.DataAtom == atom.Figcaption {
		return true
	}
	switch n.DataAtom {
	case atom.P, atom.Div, atom.Span, atom.Small, atom.Em, atom.I:
	default:
		return false
	}
	if n.Parent == nil {
		return false
	}
	if n.Parent.DataAtom == atom.Figure && sideNoteClass.MatchString(attr(n, "class")) {
		return true // a figure's note beside it is its caption
	}
	if titleOverImage(n) {
		return true // a chart's or a table's title, printed above it
	}
	// The image comes just before the caption in the same container.
	imageBefore := false
	k := 0
	for s := n.PrevSibling; s != nil && k < maxCaptionNeighbors; s = s.PrevSibling {
		if s.Type != html.ElementNode {
			continue
		}
		k++
		if isPictureBox(s) {
			imageBefore = true
			break
		}
		if hasText(s) {
			return false // text between the image and this element: it is no caption
		}
	}
	if !imageBefore {
		return false
	}
	text, short := boundedText(n, maxCaptionBytes)
	if !short || strings.TrimSpace(text) == "" || findFirst(n, atom.Img) != nil {
		return false
	}
	if n.Parent.DataAtom != atom.Figure && holdsPublicationPiece(n) {
		return false // the author's picture beside the name and the date: a meta line
	}
	if n.Parent.DataAtom == atom.Figure || captionClass.MatchString(attr(n, "class")) {
		return true
	}
	if (n.DataAtom == atom.P || n.DataAtom == atom.Div && !hasBlockChild(n)) && imageParagraphBefore(n) &&
		(isLooseCaption(collapseSpaces(text)) || whollyItalic(n) && utf8.RuneCountInString(collapseSpaces(text)) <= maxLooseCaptionRunes) {
		// A short line under a paragraph or block that holds only a picture, or a sentence
		// set in italics there.
		return true
	}
	// Alone with its image: nothing else in the container holds text.
	k = 0
	for s := n.Parent.FirstChild; s != nil; s = s.NextSibling {
		if s == n || s.Type != html.ElementNode {
			continue
		}
		if k++; k > maxCaptionNeighbors || hasText(s) {
			return false
		}
	}
	return true
}

// centredCaption reports a short line the page centres under a block that holds only a
// picture, inside boxes of its own ("<div><div style="text-align:center">图为…</div></div>"),
// by its styling or by a class that names the centring ("et_pb_text_align_center",
// "text-center"), or sets in italics: set apart like that under the picture, it is its caption.
func (c *htmlConverter) centredCaption(n *html.Node) bool {
	if n.Type != html.ElementNode || n.DataAtom != atom.Div && n.DataAtom != atom.Section || !imageParagraphBefore(n) {
		return false
	}
	leaf := innermostWrapped(n)
	if hasBlockChild(leaf) || !c.styledAs(leaf, c.styled.centred) && !centredByClass(n, leaf) && !wholeItalic(leaf) {
		return false
	}
	text, short := boundedText(n, maxCaptionBytes)
	return short && isSetApartCaption(collapseSpaces(text))
}

// isSetApartCaption reports a caption's text in a line the page sets apart under a picture
// (centred, in italics): a line of one sentence at most. Set apart, it may be a longer sentence
// than a plain paragraph under a picture that isLooseCaption takes.
func isSetApartCaption(s string) bool {
	if isLooseCaption(s) {
		return true
	}
	if utf8.RuneCountInString(s) > maxLooseCaptionRunes || strings.HasSuffix(s, ":") || strings.HasSuffix(s, "：") {
		return false
	}
	return !hasSentenceInside(s)
}

// centredByClass reports a class on n or on the boxes down to leaf that names centred text.
func centredByClass(n, leaf *html.Node) bool {
	for ; n != nil; n = onlyBlockChild(n) {
		for _, w := range classWords(attr(n, "class")) {
			if w == "center" || w == "centre" || w == "centered" || w == "aligncenter" {
				return true
			}
		}
		if n == leaf {
			break
		}
	}
	return false
}

// wholeItalic reports a block whose text is all inside one <em> or <i>.
func wholeItalic(n *html.Node) bool {
	var only *html.Node
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		switch {
		case ch.Type == html.TextNode && strings.TrimSpace(ch.Data) == "":
		case ch.Type == html.ElementNode && (ch.DataAtom == atom.Em || ch.DataAtom == atom.I) && only == nil:
			only = ch
		default:
			return false
		}
	}
	return only != nil && hasText(only)
}

// innermostWrapped returns the block n wraps when it holds nothing but one block (and that one
// nothing but one block, and so on): "<div><div>line</div></div>" is one line.
func innermostWrapped(n *html.Node) *html.Node {
	for depth := 0; depth < maxCaptionNeighbors; depth++ {
		var only *html.Node
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			switch {
			case ch.Type == html.TextNode && strings.TrimSpace(ch.Data) == "":
			case ch.Type == html.ElementNode && isBlockElement(ch) && only == nil:
				only = ch
			default:
				return n
			}
		}
		if only == nil {
			return n
		}
		n = only
	}
	return n
}

// whollyItalic reports an element whose text all stands in one <em> or <i>.
func whollyItalic(n *html.Node) bool {
	var only *html.Node
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type == html.TextNode && strings.TrimSpace(ch.Data) == "" {
			continue
		}
		if only != nil || ch.Type != html.ElementNode || ch.DataAtom != atom.Em && ch.DataAtom != atom.I {
			return false
		}
		only = ch
	}
	return only != nil
}

// maxLooseCaptionRunes: a caption set as a paragraph of its own under its picture is a line.
const maxLooseCaptionRunes = 120

// maxOneSentenceCaptionRunes: a caption that ends like a sentence ("某镇工作人员分拣包裹。") is
// one short sentence.
const maxOneSentenceCaptionRunes = 60

// isLooseCaption reports the text of a paragraph under a picture that reads as its caption: a
// line that opens with a caption's label, a line without a sentence's end, or one short sentence.
func isLooseCaption(s string) bool {
	if isCaptionText(s) {
		return true // labelled as a caption ("Figure 1. …", "Рис. 2."), whatever its sentences
	}
	n := utf8.RuneCountInString(s)
	if n > maxLooseCaptionRunes {
		return false
	}
	if strings.HasSuffix(s, ":") || strings.HasSuffix(s, "：") {
		return false // it opens what follows
	}
	if !endsWithTerminator(s) {
		return true
	}
	return n <= maxOneSentenceCaptionRunes && !hasSentenceInside(s)
}

// imageParagraphBefore reports a paragraph whose nearest element before it is a paragraph or
// block holding a picture and no text.
func imageParagraphBefore(n *html.Node) bool {
	for s := n.PrevSibling; s != nil; s = s.PrevSibling {
		if s.Type != html.ElementNode {
			continue
		}
		// (a banner of the site's, "ad-in-article", is no picture of the article)
		return (s.DataAtom == atom.P || s.DataAtom == atom.Div || s.DataAtom == atom.Section) && isPictureBox(s) &&
			!isFurnitureClass(attr(s, "class")) && !isFurnitureClass(attr(s, "id"))
	}
	return false
}

// isPictureBox reports a picture, or a box that holds one and no text: what a caption may
// stand beside.
func isPictureBox(n *html.Node) bool {
	return n.DataAtom == atom.Img || n.DataAtom == atom.Picture || findFirst(n, atom.Img) != nil && !hasText(n)
}

// hasText reports an element with any text in it, looking no further than the first.
func hasText(n *html.Node) bool {
	if n.Type == html.TextNode {
		return strings.TrimSpace(n.Data) != ""
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if hasText(ch) {
			return true
		}
	}
	return false
}

// boundedText returns the text of n if it holds at most limit bytes, and whether it does; it
// stops reading past the limit.
func boundedText(n *html.Node, limit int) (string, bool) {
	var b strings.Builder
	var walk func(*html.Node) bool
	walk = func(x *html.Node) bool {
		if x.Type == html.TextNode {
			b.WriteString(x.Data)
			return b.Len() <= limit
		}
		for ch := x.FirstChild; ch != nil; ch = ch.NextSibling {
			if !walk(ch) {
				return false
			}
			if isBlockElement(ch) {
				b.WriteByte(' ')
			}
		}
		return b.Len() <= limit
	}
	if !walk(n) {
		return "", false
	}
	return b.String(), true
}

// isPublicationElement reports a short element that holds only a publication date and a
// reading time, its parts read apart ("<time>3 March 2024</time><span>5 min read</span>").
func isPublicationElement(n *html.Node) bool {
	if n.Type != html.ElementNode || !isBlockElement(n) && n.DataAtom != atom.Span && n.DataAtom != atom.Time {
		return false
	}
	switch n.DataAtom {
	case atom.Article, atom.Main, atom.Body, atom.Html, atom.Section:
		return false
	}
	whole, short := boundedText(n, maxPublicationBytes)
	if !short || strings.TrimSpace(whole) == "" || utf8.RuneCountInString(collapseSpaces(whole)) > 80 {
		return false
	}
	var parts []string
	var walk func(*html.Node)
	walk = func(x *html.Node) {
		for ch := x.FirstChild; ch != nil; ch = ch.NextSibling {
			switch {
			case ch.Type == html.TextNode:
				if t := strings.TrimSpace(ch.Data); t != "" {
					parts = append(parts, t)
				}
			case ch.Type == html.ElementNode && (ch.FirstChild == nil || ch.FirstChild.NextSibling == nil && ch.FirstChild.Type == html.TextNode):
				if t := collapseSpaces(textOf(ch)); t != "" {
					parts = append(parts, t)
				}
			default:
				walk(ch)
			}
		}
	}
	walk(n)
	line := strings.Join(parts, " | ")
	for _, on := range []string{"on ", "от ", "于"} {
		// "<span class="timestamp">on Mar 4, 2025</span>" after the author's name.
		if rest, ok := strings.CutPrefix(line, on); ok && isDateStart(rest) {
			line = rest
		}
	}
	return isPublicationLine(line)
}

// titleOverImage reports a short block named as a title or caption ("box-chart__title") right
// above the picture it names, in the same container: charts and tables are titled above.
func titleOverImage(n *html.Node) bool {
	if hasBlockChild(n) {
		return false
	}
	named := false
	for _, w := range classWords(attr(n, "class")) {
		named = named || w == "title" || w == "caption" || w == "heading"
	}
	if !named {
		return false
	}
	next := n.NextSibling
	for next != nil && next.Type != html.ElementNode {
		next = next.NextSibling
	}
	if next == nil || !isPictureBox(next) {
		return false
	}
	// A box of a figure: the title, the picture and perhaps its source, nothing longer.
	k := 0
	for s := n.Parent.FirstChild; s != nil; s = s.NextSibling {
		if s.Type != html.ElementNode {
			continue
		}
		k++
		if _, short := boundedText(s, maxCaptionBytes); k > maxCaptionNeighbors || !short {
			return false
		}
	}
	text, short := boundedText(n, maxCaptionBytes)
	return short && hasText(n) && utf8.RuneCountInString(collapseSpaces(text)) <= maxLooseCaptionRunes
}
