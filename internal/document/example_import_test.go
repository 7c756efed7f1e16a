package document_test

import (
	"fmt"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/pipeline"
)

// Importing a web page, as an upload does: the format is detected from the bytes, the page is
// decoded and reduced to the article as Markdown (navigation, scripts and share buttons left
// behind), and the Markdown is parsed into blocks and cut into sentence segments. Links and
// emphasis become numbered placeholders in the segment text, the element behind each kept on the
// segment, out of the translator's reach.
func Example_importWebPage() {
	page := []byte(`<!DOCTYPE html><html lang="en"><head><title>Caspian trade</title>
<script>track()</script></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>The Caspian route</h1>
<p>Trade across the Caspian <em>grew fast</em>. See the
<a href="https://example.org/report" onclick="steal()">2023 report</a> for details.</p>
</article>
<footer>Share on X</footer></body></html>`)
	format, err := document.DetectFormat(page)
	if err != nil {
		fmt.Println(err)
		return
	}
	text, err := document.DecodeText(page)
	if err != nil {
		fmt.Println(err)
		return
	}
	md, err := document.HTMLToMarkdown(text)
	if err != nil {
		fmt.Println(err)
		return
	}
	doc, err := document.ParseMarkdownMarkup(md, pipeline.English)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("format:", format)
	fmt.Println("title:", doc.Title)
	for _, s := range document.MarkupSegments(doc, pipeline.English) {
		fmt.Printf("%d %s: %s\n", s.Position, s.Kind, s.Text)
		for _, in := range s.Inline.List() {
			line := fmt.Sprintf("    g%d: %s", in.ID, in.Kind)
			if in.Href != "" {
				line += " " + in.Href
			}
			fmt.Println(line)
		}
	}
	// Output:
	// format: html
	// title: The Caspian route
	// 0 title: The Caspian route
	// 1 paragraph: Trade across the Caspian <g1>grew fast</g1>.
	//     g1: em
	// 2 paragraph: See the <g1>2023 report</g1> for details.
	//     g1: link https://example.org/report
}
