package structgen

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode/utf8"
)

// ForText adapts an article to what a PDF carries: captions open with their label and number
// ("Figure 2. …"), quotations stand in quotation marks; the gold follows.
func ForText(a Article) Article {
	p := content[a.Lang]
	open, closeQ := "“", "”"
	switch a.Lang {
	case "ru", "kk":
		open, closeQ = "«", "»"
	case "zh":
		open, closeQ = "“", "”"
	}
	out := a
	out.Body = append([]Block(nil), a.Body...)
	fig := 0
	for i, b := range out.Body {
		switch b.Kind {
		case "caption":
			fig++
			if a.Lang == "zh" {
				out.Body[i].Text = fmt.Sprintf("%s%d %s", p.figLabel, fig, b.Text)
			} else {
				out.Body[i].Text = fmt.Sprintf("%s %d. %s", p.figLabel, fig, b.Text)
			}
		case "quote":
			out.Body[i].Text = open + b.Text + closeQ
		}
	}
	return out
}

func width(s string, zh bool) int {
	if zh {
		w := 0
		for _, r := range s {
			if r < 0x2E80 {
				w++
			} else {
				w += 2
			}
		}
		return w
	}
	return utf8.RuneCountInString(s)
}

// wrap breaks text into lines of about w columns; each line's room varies a little, as the
// widths of proportional letters do.
func wrap(r *rand.Rand, text string, w int, zh bool) []string {
	var lines []string
	room := func() int { return w - w/10 + r.IntN(w/5+1) }
	if zh {
		var cur []rune
		limit := room()
		for _, ch := range text {
			cur = append(cur, ch)
			if width(string(cur), true) >= limit {
				lines = append(lines, string(cur))
				cur = nil
				limit = room()
			}
		}
		if len(cur) > 0 {
			lines = append(lines, string(cur))
		}
		return lines
	}
	cur := ""
	limit := room()
	for _, word := range strings.Fields(text) {
		if cur != "" && utf8.RuneCountInString(cur)+1+utf8.RuneCountInString(word) > limit {
			lines = append(lines, cur)
			cur = ""
			limit = room()
		}
		if cur != "" {
			cur += " "
		}
		cur += word
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// PDFText writes a as text copied from a PDF of a journal or a policy brief: lines wrapped at a
// width that differs between documents, a running header on every page after the first (or on
// every page), the page number (and sometimes the series name) at the foot of each page, each
// note at the foot of the page that refers to it, and line breaks between paragraphs that the
// copy either kept as blank lines or lost.
func PDFText(r *rand.Rand, a Article, heldout bool) string {
	p := content[a.Lang]
	zh := a.Lang == "zh"
	w := 55 + r.IntN(45)
	perPage := 16 + r.IntN(14)
	blankBetween := r.IntN(3) == 0
	header := pick(r, p.journal)
	if r.IntN(3) == 0 {
		header = strings.ToUpper(a.Title)
		if zh {
			header = a.Title
		}
	}
	headerOnFirst := r.IntN(2) == 0
	pageFmt := pick(r, p.page)
	footerExtra := ""
	if r.IntN(3) == 0 {
		footerExtra = pick(r, p.journal)
	}
	pageNo := 1 + r.IntN(3)*10
	type line struct {
		text   string
		blank  bool // a paragraph gap kept by the copy
		noteAt int  // a note referenced on this line
	}
	var body []line
	add := func(text string, ls []string, refs []int) {
		for i, l := range ls {
			ln := line{text: l}
			if i == len(ls)-1 && len(refs) > 0 {
				for _, n := range refs {
					ln.text += fmt.Sprint(n)
					ln.noteAt = n
				}
			}
			body = append(body, ln)
		}
		if blankBetween {
			body = append(body, line{blank: true})
		}
	}
	add(a.Title, []string{a.Title}, nil)
	if a.BylineTop && a.Byline != "" {
		add(a.Byline, []string{a.Byline}, nil)
	}
	if a.Date != "" && r.IntN(2) == 0 {
		add(a.Date, []string{a.Date}, nil)
	}
	for _, b := range a.Body {
		switch b.Kind {
		case "heading":
			add(b.Text, []string{b.Text}, nil)
		case "list_item":
			add(b.Text, wrap(r, "• "+b.Text, w, zh), nil)
		default:
			add(b.Text, wrap(r, b.Text, w, zh), b.refs)
		}
	}
	if !a.BylineTop && a.Byline != "" {
		add(a.Byline, []string{a.Byline}, nil)
	}
	var out strings.Builder
	first := true
	for len(body) > 0 {
		n := min(perPage, len(body))
		page := body[:n]
		body = body[n:]
		if !first || headerOnFirst {
			out.WriteString(header + "\n\n")
		}
		first = false
		var notes []int
		for _, l := range page {
			if l.blank {
				out.WriteString("\n")
				continue
			}
			out.WriteString(l.text + "\n")
			if l.noteAt > 0 {
				notes = append(notes, l.noteAt)
			}
		}
		if len(notes) > 0 {
			out.WriteString("\n")
			if r.IntN(2) == 0 {
				out.WriteString("______________\n")
			}
			for _, nn := range notes {
				for i, l := range wrap(r, fmt.Sprintf("%d %s", nn, a.Notes[nn-1]), w, zh) {
					_ = i
					out.WriteString(l + "\n")
				}
			}
		}
		out.WriteString("\n")
		if footerExtra != "" {
			out.WriteString(footerExtra + "\n")
		}
		out.WriteString(fmt.Sprintf(pageFmt, pageNo) + "\n\n")
		pageNo++
	}
	return out.String()
}
