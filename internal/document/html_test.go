package document

import (
	"os"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

// renderSource parses Markdown with markup, segments it and renders the source edition, as the
// pipeline does for an imported page.
func renderSource(t *testing.T, md string, lang pipeline.Lang) (pipeline.Document, []pipeline.Segment, pipeline.Rendered) {
	t.Helper()
	doc, err := ParseMarkdownMarkup(md, lang)
	if err != nil {
		t.Fatalf("ParseMarkdownMarkup: %v\n%s", err, md)
	}
	segs := MarkupSegments(doc, lang)
	texts := map[int64]string{}
	for i := range segs {
		segs[i].ID = int64(i + 1)
		texts[segs[i].ID] = segs[i].Text
	}
	return doc, segs, pipeline.Render(segs, texts, lang)
}

func TestHTMLPageImport(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile("testdata/article-page.html")
	if err != nil {
		t.Fatal(err)
	}
	md, err := HTMLToMarkdown(string(raw))
	if err != nil {
		t.Fatal(err)
	}
	for _, gone := range []string{"Home", "About us", "Related articles", "Share on X", "All rights reserved",
		"dataLayer", "font-family", "alert", "steal", "track", "12 March 2024", "Notes", "↩", "javascript"} {
		if strings.Contains(md, gone) {
			t.Errorf("the extracted article still has %q:\n%s", gone, md)
		}
	}
	doc, segs, r := renderSource(t, md, pipeline.English)
	if doc.Title != "Water and Power in Central Asia" || doc.Byline != "By Aigerim Sadykova" {
		t.Errorf("title %q, byline %q", doc.Title, doc.Byline)
	}
	for _, want := range []string{
		`The rivers of <em>Central Asia</em> cross five borders`,
		`are <strong>older than the states</strong> that now share them.<sup class="footnote-ref"><a href="#fn-1">1</a></sup></p>`,
		`met in <a href="https://example.org/dushanbe-2023" rel="nofollow noopener">Dushanbe</a> and agreed`,
		`see the official notice.</p>`,
		"<h2>Why it matters</h2>",
		"<blockquote><p>Water is the region&#39;s most political resource.</p></blockquote>",
		"<li>Downstream states need summer irrigation.<sup class=\"footnote-ref\"><a href=\"#fn-2\">2</a></sup></li>",
		`<li id="fn-1" value="1">See the <a href="https://example.org/report.pdf" rel="nofollow noopener">2022 basin report</a>.</li>`,
		`<li id="fn-2" value="2">Figures from the <em>regional water authority</em>.</li>`,
	} {
		if !strings.Contains(r.HTML, want) {
			t.Errorf("rendered page lacks %s\n%s", want, r.HTML)
		}
	}
	// Translators see placeholders, never addresses.
	for _, s := range segs {
		if strings.Contains(s.Text, "http") || strings.Contains(s.Text, "<a") {
			t.Errorf("segment text carries markup: %q", s.Text)
		}
	}
}

func TestHTMLHostileMarkupNeverReachesThePage(t *testing.T) {
	t.Parallel()
	page := `<html><body><article><h1>T <img src=x onerror=alert(1)></h1>
<p onclick="x()">One <a href="javascript:alert(1)">bad</a>, <a href="data:text/html,x">data</a>, <a href=" https://ok.example/?q=&quot;&gt;">ok</a>.</p>
<p><iframe src="https://evil.example"></iframe><svg onload=alert(1)><text>svg text</text></svg><style>p{}</style>Two &lt;script&gt;alert(2)&lt;/script&gt; *not emphasis* [not](https://link) # not heading</p>
</article></body></html>`
	md, err := HTMLToMarkdown(page)
	if err != nil {
		t.Fatal(err)
	}
	_, segs, r := renderSource(t, md, pipeline.English)
	for _, bad := range []string{"<script", "onerror", "onclick", "javascript:", "data:", "<iframe", "<svg", "svg text", "<img", "<style"} {
		if strings.Contains(strings.ToLower(r.HTML), bad) {
			t.Errorf("rendered page contains %q:\n%s", bad, r.HTML)
		}
	}
	if !strings.Contains(r.HTML, `Two &lt;script&gt;alert(2)&lt;/script&gt; *not emphasis* [not](https://link) # not heading`) {
		t.Errorf("literal text was not kept as text:\n%s\n%s", md, r.HTML)
	}
	if !strings.Contains(r.HTML, `<a href="https://ok.example/?q=%22%3E" rel="nofollow noopener">ok</a>`) {
		t.Errorf("the safe link is missing:\n%s\n%v", r.HTML, segs)
	}
}

func TestHTMLWithoutArticleElement(t *testing.T) {
	t.Parallel()
	page := `<!doctype html><html><head><title>Belt and Road at ten – Analysis – Example Institute</title></head><body>
<div id="menu"><a href="/">Home</a> <a href="/news">News</a></div>
<div class="content"><div class="post">
<p>The Belt and Road Initiative turned ten in 2023.</p><p>Its projects in Central Asia changed shape.</p>
<p>Rail links <b>now</b> matter more than roads.</p></div></div>
<div class="footer">Contacts · Privacy</div></body></html>`
	md, err := HTMLToMarkdown(page)
	if err != nil {
		t.Fatal(err)
	}
	doc, _, r := renderSource(t, md, pipeline.English)
	if doc.Title != "Belt and Road at ten" {
		t.Errorf("title %q from the page title, markdown:\n%s", doc.Title, md)
	}
	if strings.Contains(r.HTML, "Privacy") || strings.Contains(r.HTML, "News") {
		t.Errorf("page furniture kept:\n%s", r.HTML)
	}
	if !strings.Contains(r.HTML, "Rail links <strong>now</strong> matter") {
		t.Errorf("body missing:\n%s", r.HTML)
	}
}

// TestHTMLEncyclopediaNotes reads references the way an encyclopedia page writes them: bracketed
// numbers in <sup>, a reference used twice, back links with carets and letters, and a
// "References" heading over the list.
func TestHTMLEncyclopediaNotes(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>Aral Sea - Encyclopedia</title></head><body><div id="navigation"><a href="/">Main page</a></div>
<div id="content" role="main"><h1>Aral Sea</h1><div id="bodyContent">
<p>The <b>Aral Sea</b> was an endorheic lake<sup id="cite_ref-1" class="reference"><a href="#cite_note-1">[1]</a></sup> lying between Kazakhstan and Uzbekistan.<br>It began shrinking in the 1960s.<sup class="reference"><a href="#cite_note-2">[2]</a></sup><sup class="reference"><a href="#cite_note-1">[1]</a></sup></p>
<div class="mw-editsection">[edit]</div>
<h2><span class="mw-headline">References</span></h2>
<ol class="references"><li id="cite_note-1"><span class="mw-cite-backlink"><a href="#cite_ref-1">^</a></span> <span class="reference-text">Micklin, P. <i>The Aral Sea</i>, 2014.</span></li>
<li id="cite_note-2"><span class="mw-cite-backlink">^ <a href="#cite_ref-2a">a</a> <a href="#cite_ref-2b">b</a></span> <span class="reference-text"><a href="https://example.org/unep">UNEP report</a></span></li></ol>
</div></div><div id="footer">Text is available under a licence</div></body></html>`
	md, err := HTMLToMarkdown(page)
	if err != nil {
		t.Fatal(err)
	}
	_, _, r := renderSource(t, md, pipeline.English)
	want := `<p>The <strong>Aral Sea</strong> was an endorheic lake<sup class="footnote-ref"><a href="#fn-1">1</a></sup> lying between ` +
		`Kazakhstan and Uzbekistan. It began shrinking in the 1960s.<sup class="footnote-ref"><a href="#fn-2">2</a></sup>` +
		`<sup class="footnote-ref"><a href="#fn-1">1</a></sup></p>` + "\n" + `<ol class="footnotes">` + "\n" +
		`<li id="fn-1" value="1">Micklin, P. <em>The Aral Sea</em>, 2014.</li>` + "\n" +
		`<li id="fn-2" value="2"><a href="https://example.org/unep" rel="nofollow noopener">UNEP report</a></li>` + "\n</ol>\n"
	if r.HTML != want {
		t.Errorf("rendered\n%s\nwant\n%s\nfrom\n%s", r.HTML, want, md)
	}
}

// TestSiteTitle: the article's part of a page's <title>, also when the site joins its parts by
// two kinds of separator.
func TestSiteTitle(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"Water on the Ili | Steppe Review": "Water on the Ili",
		"Іле суы азайса, Балқаш не болады? :: Айқын жол - республикалық газет": "Іле суы азайса, Балқаш не болады?",
		"中亚粮食贸易的新变化_国际_新闻中心":                                                   "中亚粮食贸易的新变化",
		"Kazakhstan - China trade grows | Kazinform":                           "Kazakhstan - China trade grows",
		"新冠COVID-19疫情_新闻网":                                                     "新冠COVID-19疫情",
	} {
		if got := siteTitle(in); got != want {
			t.Errorf("siteTitle(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestLabelledName: the label and the names at the start of a meta line, without the date or the
// time after them.
func TestLabelledName(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"Автор: Марина Кузнецова 12 мая 2024, 14:05":       "Автор: Марина Кузнецова",
		"By John Smith 3 hours ago":                        "By John Smith",
		"By Farrukh Rahimov and Laura Bennett May 2, 2024": "By Farrukh Rahimov and Laura Bennett",
	} {
		if got := labelledName(in); got != want {
			t.Errorf("labelledName(%q) = %q, want %q", in, got, want)
		}
	}
}
