package document

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

// FuzzHTMLImport feeds arbitrary pages through the whole import: it must never panic, every
// segment's placeholders must be known to it, and the rendered page must hold no element
// outside the short list Render writes.
func FuzzHTMLImport(f *testing.F) {
	page, _ := os.ReadFile("testdata/article-page.html")
	f.Add(string(page))
	f.Add(`<p>a <em>b <a href="https://x.example">c</em> d</a><sup><a href="#n">1</a></sup></p><p id="n">note</p>`)
	f.Add(`<article><h1>T</h1><p><b><i>x</b></i> *y* [z](w) \ _ ` + "`" + `</p><ul><li><p>a</p><ul><li>b</li></ul></li></ul></article>`)
	f.Fuzz(func(t *testing.T, src string) {
		md, err := HTMLToMarkdown(src)
		if err != nil {
			return
		}
		doc, err := ParseMarkdownMarkup(md, pipeline.English)
		if err != nil {
			return
		}
		checkImport(t, doc)
	})
}

// FuzzMarkdownImport does the same for Markdown.
func FuzzMarkdownImport(f *testing.F) {
	f.Add("# T\n\nA *b [c](https://x.example) d* e.[^1] F **g. H** i.\n\n[^1]: Note *x*.\n")
	f.Add("> *a\n> b*\n\n- [x](<https://a.example/(b)>)\n")
	f.Fuzz(func(t *testing.T, src string) {
		doc, err := ParseMarkdownMarkup(src, pipeline.Russian)
		if err != nil {
			return
		}
		checkImport(t, doc)
	})
}

func checkImport(t *testing.T, doc pipeline.Document) {
	t.Helper()
	segs := MarkupSegments(doc, pipeline.English)
	texts := map[int64]string{}
	for i := range segs {
		segs[i].ID = int64(i + 1)
		texts[segs[i].ID] = segs[i].Text
		known := map[int]bool{}
		for _, in := range segs[i].Inline.List() {
			known[in.ID] = true
		}
		depth := 0
		for _, tok := range pipeline.Tokens(segs[i].Text) {
			if tok.Kind != pipeline.TokenText && !known[tok.ID] {
				t.Fatalf("segment %q has an unknown placeholder %s", segs[i].Text, tok.Text)
			}
			switch tok.Kind {
			case pipeline.TokenOpen:
				depth++
			case pipeline.TokenClose:
				depth--
			}
			if depth < 0 {
				t.Fatalf("segment %q closes before it opens", segs[i].Text)
			}
		}
		if depth != 0 {
			t.Fatalf("segment %q is unbalanced", segs[i].Text)
		}
	}
	r := pipeline.Render(segs, texts, pipeline.English)
	for _, tag := range tagPattern.FindAllString(r.HTML, -1) {
		name := strings.Trim(strings.Fields(strings.Trim(tag, "</>"))[0], "/")
		switch name {
		case "p", "h2", "ul", "li", "ol", "blockquote", "em", "strong", "sup", "a":
		default:
			t.Fatalf("rendered an unexpected element %s in\n%s", tag, r.HTML)
		}
		if name == "a" && strings.HasPrefix(tag, "<a ") && !strings.HasPrefix(tag, `<a href="https://`) &&
			!strings.HasPrefix(tag, `<a href="http://`) && !strings.HasPrefix(tag, `<a href="mailto:`) && !strings.HasPrefix(tag, `<a href="#fn-`) {
			t.Fatalf("rendered an unsafe link %s", tag)
		}
	}
}

var tagPattern = regexp.MustCompile(`<[^>]*>`)
