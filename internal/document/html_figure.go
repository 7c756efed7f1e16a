package document

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// captionClass matches the class names sites give a caption that is not a <figcaption>:
// "wp-caption-text", "image-caption", "photo-caption", "caption".
var captionClass = regexp.MustCompile(`(?i)(^|[\s_-])caption($|[\s_-])|caption-text|(^|[\s_-])(img|image|photo|figure)-?(desc|description|credit|legend)($|[\s_-])`)

// maxCaptionRunes: a caption is a line or two under a figure, not a section of the article.
const maxCaptionRunes = 600

// isCaptionElement reports an element that captions a figure: a <figcaption>, or a short
// block or text element beside an image (in the same small container, the image first), or
// one whose class names a caption inside a container that holds an image.
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
	text := collapseSpaces(textOf(n))
	if text == "" || utf8.RuneCountInString(text) > maxCaptionRunes || findFirst(n, atom.Img) != nil {
		return false
	}
	if n.Parent == nil {
		return false
	}
	classed := captionClass.MatchString(attr(n, "class"))
	// The image comes before the caption in the same container (a <figure>, or a <div> holding
	// the image and its caption only).
	imageBefore := false
	others := 0
	for s := n.Parent.FirstChild; s != nil; s = s.NextSibling {
		if s == n {
			break
		}
		if s.Type == html.ElementNode && (s.DataAtom == atom.Img || s.DataAtom == atom.Picture ||
			(findFirst(s, atom.Img) != nil && strings.TrimSpace(textOf(s)) == "")) {
			imageBefore = true
		}
	}
	for s := n.Parent.FirstChild; s != nil; s = s.NextSibling {
		if s != n && s.Type == html.ElementNode && strings.TrimSpace(textOf(s)) != "" {
			others++
		}
	}
	inFigure := n.Parent.DataAtom == atom.Figure
	return imageBefore && (classed || inFigure || others == 0)
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
	whole := collapseSpaces(textOf(n))
	if whole == "" || utf8.RuneCountInString(whole) > 80 {
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
	return isPublicationLine(strings.Join(parts, " | "))
}
