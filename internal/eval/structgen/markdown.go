package structgen

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// dateLine is the publication line of a page: a date, and maybe the reading time.
func dateLine(r *rand.Rand, a Article) string {
	if a.ReadTime == "" {
		return a.Date
	}
	sep := pick(r, []string{" · ", " | ", " — ", " • "})
	return a.Date + sep + a.ReadTime
}

// Markdown writes a as a Markdown file of a static-site generator or an editor's export.
func Markdown(r *rand.Rand, a Article, heldout bool) string {
	var b strings.Builder
	titleInFront := false
	switch r.IntN(4) {
	case 0, 1:
		b.WriteString("---\n")
		if r.IntN(2) == 0 {
			titleInFront = true
			fmt.Fprintf(&b, "title: %q\n", a.Title)
		}
		fmt.Fprintf(&b, "date: 2024-0%d-1%d\n", 1+r.IntN(9), r.IntN(10))
		if a.Byline != "" && r.IntN(2) == 0 {
			b.WriteString("author: " + a.Byline + "\n")
		}
		b.WriteString("tags:\n  - central-asia\n  - trade\nlayout: post\n---\n\n")
	case 2:
		b.WriteString("+++\n")
		fmt.Fprintf(&b, "title = %q\ndraft = false\n+++\n\n", a.Title)
		titleInFront = r.IntN(2) == 0
	}
	if !titleInFront {
		if r.IntN(3) == 0 {
			b.WriteString(a.Title + "\n" + strings.Repeat("=", 12) + "\n\n")
		} else {
			b.WriteString("# " + a.Title + "\n\n")
		}
	}
	if a.BylineTop && a.Byline != "" {
		b.WriteString(a.Byline + "\n\n")
	}
	if a.Date != "" {
		line := dateLine(r, a)
		if r.IntN(2) == 0 {
			line = "*" + line + "*"
		}
		b.WriteString(line + "\n\n")
	}
	figure := 0
	inList := false
	for _, bl := range a.Body {
		if inList && bl.Kind != "list_item" {
			b.WriteString("\n")
			inList = false
		}
		switch bl.Kind {
		case "heading":
			b.WriteString("## " + bl.Text + "\n\n")
		case "paragraph":
			b.WriteString(bl.Text)
			for _, n := range bl.refs {
				fmt.Fprintf(&b, "[^%d]", n)
			}
			b.WriteString("\n\n")
		case "quote":
			b.WriteString("> " + bl.Text + "\n\n")
		case "list_item":
			b.WriteString("- " + bl.Text + "\n")
			inList = true
		case "caption":
			figure++
			img := fmt.Sprintf("![](/images/fig-%d.png)", figure)
			switch r.IntN(3) {
			case 0:
				b.WriteString(img + "\n*" + bl.Text + "*\n\n")
			case 1:
				b.WriteString(img + "\n\n*" + bl.Text + "*\n\n")
			default:
				fmt.Fprintf(&b, "<figure>\n  <img src=\"/images/fig-%d.png\" alt=\"\">\n  <figcaption>%s</figcaption>\n</figure>\n\n", figure, bl.Text)
			}
		}
	}
	if inList {
		b.WriteString("\n")
	}
	if !a.BylineTop && a.Byline != "" {
		b.WriteString(a.Byline + "\n\n")
	}
	for i, n := range a.Notes {
		fmt.Fprintf(&b, "[^%d]: %s\n", i+1, n)
	}
	return b.String()
}
