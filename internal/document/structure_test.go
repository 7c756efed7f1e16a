package document

import (
	"slices"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

// kinds lists "kind: text" for every block, placeholders taken out.
func kinds(doc pipeline.Document) []string {
	var out []string
	for _, b := range doc.Blocks {
		out = append(out, string(b.Kind)+": "+pipeline.StripPlaceholdersOf(b.Text, b.Inline))
	}
	return out
}

func wantBlocks(t *testing.T, doc pipeline.Document, want ...string) {
	t.Helper()
	got := kinds(doc)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("blocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestMarkdownFrontMatterAndFigures(t *testing.T) {
	t.Parallel()
	md := "---\ntitle: \"Grain Routes Through Khorgos\"\ndate: 2024-03-03\ntags:\n  - trade\nlayout: post\n---\n\n" +
		"By Saule Bekova\n\n*March 3, 2024 · 6 min read*\n\n" +
		"Wheat exports grew again last year. Most of it went east.[^1]\n\n" +
		"![](/img/chart.png)\n*Wheat exports by destination, 2023.*\n\n" +
		"<figure>\n  <img src=\"/img/port.jpg\" alt=\"\">\n  <figcaption>The dry port at *Khorgos*.</figcaption>\n</figure>\n\n" +
		"![](/img/map.png)\n\nFigure 3. Planned routes of the Middle Corridor.\n\n" +
		"The route is shorter than the one through Russia.\n\n[^1]: Customs statistics, 2024.\n"
	doc, err := ParseMarkdownMarkup(md, pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc,
		"title: Grain Routes Through Khorgos",
		"byline: By Saule Bekova",
		"paragraph: Wheat exports grew again last year. Most of it went east.",
		"caption: Wheat exports by destination, 2023.",
		"caption: The dry port at Khorgos.",
		"caption: Figure 3. Planned routes of the Middle Corridor.",
		"paragraph: The route is shorter than the one through Russia.",
		"footnote: Customs statistics, 2024.")
	// A thematic break at the top is no front matter.
	doc, err = ParseMarkdownMarkup("---\n\n# Title\n\nText of the article.\n", pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: Title", "paragraph: Text of the article.")
}

// TestMarkdownMetadataForms drops the metadata that opens a file in the forms generators and
// converters write, and takes the title and author from it.
func TestMarkdownMetadataForms(t *testing.T) {
	t.Parallel()
	body := "Wheat goes east by rail. The route is short.\n\n## Costs\n\nFreight fell.\n"
	for name, head := range map[string]string{
		"YAML after a blank line, quoted and spaced keys, a multi-line list": "\n---\ntitle: Grain by rail\n\"og:image\": /a.png\n" +
			"Reading time: 5 min\ntags: [\n  rail,\n  grain\n]\nauthor: Dana Seitkali\n---\n\n",
		"TOML with tables":         "+++\ntitle = \"Grain by rail\"\n[extra]\nauthor = \"Dana Seitkali\"\n+++\n\n",
		"JSON":                     "{\n  \"title\": \"Grain by rail\",\n  \"author\": \"Dana Seitkali\"\n}\n\n",
		"Pandoc title block":       "% Grain by rail\n% Dana Seitkali\n% 12 March 2024\n\n",
		"MultiMarkdown metadata":   "Title: Grain by rail\nAuthor: Dana Seitkali\nDate: 2024-03-12\n\n",
		"a blog's list of authors": "---\ntitle: Grain by rail\nauthors:\n  - name: Dana Seitkali\n    title: Fellow\n  - dana-seitkali-2\ntags: [rail]\n---\n\n",
	} {
		doc, err := ParseMarkdownMarkup(head+body, pipeline.English)
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Join(kinds(doc), "\n")
		want := "title: Grain by rail\nbyline: Dana Seitkali\nparagraph: Wheat goes east by rail. The route is short.\nheading: Costs\nparagraph: Freight fell."
		if got != want {
			t.Errorf("%s:\n%s\nwant:\n%s", name, got, want)
		}
	}
	// A first paragraph that names a term is text.
	doc, err := ParseMarkdownMarkup("# Title\n\nNote: the figures are for 2023.\nThey come from customs.\n", pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: Title", "paragraph: Note: the figures are for 2023. They come from customs.")
}

// TestHTMLNotesByLinksNotClassNames reads the notes of pages whose references and back links
// carry unrelated or misleading class names: what makes a reference is a link to a later
// element, what makes a back link is a link to an earlier one.
func TestHTMLNotesByLinksNotClassNames(t *testing.T) {
	t.Parallel()
	pages := map[string]string{
		"sup class like a notes list": `<p>Trade grew.<sup class="modern-footnotes-footnote"><a href="#m1" id="r1">1</a></sup></p>` +
			`<div class="mfn-list"><div id="m1"><a href="#r1">1.</a> Customs data.</div></div>`,
		"anchor with id inside the note": `<p>Trade grew.<a class="footnote-anchor" id="fa1" href="#fn-1">1</a></p>` +
			`<div class="footnote"><a id="fn-1" href="#fa1" class="footnote-number">1</a><div class="footnote-content"><p>Customs data.</p></div></div>`,
		"ARIA roles only": `<p>Trade grew.<a role="doc-noteref" href="#n1" id="x1" class="c7">1</a></p>` +
			`<ol><li id="n1" role="doc-endnote">Customs data. <a href="#x1" role="doc-backlink" class="c8">back</a></li></ol>`,
		"superscript digit, no sup, no class": `<p>Trade grew.<a href="#q1" id="b1">¹</a></p>` +
			`<ol><li id="q1">Customs data. <a href="#b1">Вернуться</a></li></ol>`,
		"any text, known by the link back": `<p>Trade grew.<a href="#q1" id="b1">see</a></p>` +
			`<ol><li id="q1">Customs data. <a href="#b1">返回</a></li></ol>`,
		"notes printed before the text, each linking to its reference": `<aside><ol><li id="q1"><a href="#b1">1</a> Customs data.</li></ol></aside>` +
			`<p>Trade grew.<sup><a id="b1" href="#q1">1</a></sup></p>`,
		"brackets in the sup": `<p>Trade grew.<sup>[<a href="#q1">1</a>]</sup></p><div><p id="q1">Customs data.</p></div>`,
		"sup around the reference, back link to the sup": `<p>Trade grew.<sup id="fnref:1"><a href="#fn:1">1</a></sup></p>` +
			`<ol><li id="fn:1"><p>Customs data. <a href="#fnref:1">↩</a></p></li></ol>`,
	}
	for name, body := range pages {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			page := "<html><body><nav><a href=\"/\">Home</a></nav><article><h1>Wheat</h1>" + body +
				"<p>Exports followed.</p></article><footer>© 2024 Institute</footer></body></html>"
			md, err := HTMLToMarkdown(page)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := ParseMarkdownMarkup(md, pipeline.English)
			if err != nil {
				t.Fatal(err)
			}
			wantBlocks(t, doc, "title: Wheat", "paragraph: Trade grew.", "paragraph: Exports followed.", "footnote: Customs data.")
			if !strings.Contains(md, "Trade grew.[^1]") {
				t.Errorf("the reference is lost:\n%s", md)
			}
		})
	}
}

func TestHTMLCaptionsAndPublicationLines(t *testing.T) {
	t.Parallel()
	page := `<html><body><main><h1>Ports</h1>
<div class="x1"><time>3 March 2024</time><span>5 min read</span></div>
<p>The port grew.</p>
<figure><img src="/a.jpg"><figcaption><span>The dry port at Khorgos.</span></figcaption></figure>
<div class="wp-caption"><img src="/b.jpg"><p class="img-desc">Trains at Altynkol.</p></div>
<p>More trains came.</p><script>track()</script></main></body></html>`
	doc := readPage(t, page, pipeline.English)
	wantBlocks(t, doc, "title: Ports", "paragraph: The port grew.", "caption: The dry port at Khorgos.",
		"caption: Trains at Altynkol.", "paragraph: More trains came.")
}

func TestPublicationLine(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]bool{
		"March 3, 2024 · 6 min read": true, "3 марта 2024 | 5 мин чтения": true, "Время чтения: 5 мин.": true,
		"2024年3月3日 · 阅读约5分钟": true, "17.05.2024": true, "2024 жылғы 3 наурыз · 4 мин оқу": true,
		"2023年发生了什么变化": false, "Reading between the lines": false, "In 2024 trade grew by 5%.": false,
	} {
		if got := isPublicationLine(s); got != want {
			t.Errorf("isPublicationLine(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestPDFCopiedText reads text copied from a three-page PDF: the running header (the title in
// capitals, on every page), the page numbers, a series line at the foot, a note at the foot of
// each page that cites one, a paragraph that runs over a page break, lines of varying width, a
// caption and a byline.
func TestPDFCopiedText(t *testing.T) {
	t.Parallel()
	text := `WATER AND TRADE ON THE IRTYSH

Water and Trade on the Irtysh
By Marat Zhunusov
Kazakhstan and China share the Irtysh and the Ili, and both rivers are under
strain as irrigation spreads on the Chinese side of the border. Agreements
signed in 2001 and 2011 set up a joint commission.1
The commission meets once a year. It has no power to set quotas, and its data
are not public.
Figure 1. Water withdrawals from the Irtysh, 2000–2023.

______________
1 Agreement on the use of transboundary rivers, 2001.

Central Asia Review
— 12 —

WATER AND TRADE ON THE IRTYSH

Farmers in the east of Kazakhstan say that the river is lower every summer and
that the fish are gone from the lower reaches.2 The government has asked for a
new agreement. Beijing has so far said
that the existing commission is enough.

2 Interview with a farmer in Semey, July 2023.

Central Asia Review
— 13 —

WATER AND TRADE ON THE IRTYSH

What comes next
Both sides expect the commission to meet again in the spring. Observers doubt
that a quota will be agreed this year.

Central Asia Review
— 14 —
`
	doc, err := Parse(text, pipeline.FormatText, pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc,
		"title: Water and Trade on the Irtysh",
		"byline: By Marat Zhunusov",
		"paragraph: Kazakhstan and China share the Irtysh and the Ili, and both rivers are under strain as irrigation spreads on the Chinese side of the border. Agreements signed in 2001 and 2011 set up a joint commission.",
		"paragraph: The commission meets once a year. It has no power to set quotas, and its data are not public.",
		"caption: Figure 1. Water withdrawals from the Irtysh, 2000–2023.",
		"paragraph: Farmers in the east of Kazakhstan say that the river is lower every summer and that the fish are gone from the lower reaches. The government has asked for a new agreement. Beijing has so far said that the existing commission is enough.",
		"heading: What comes next",
		"paragraph: Both sides expect the commission to meet again in the spring. Observers doubt that a quota will be agreed this year.",
		"footnote: Agreement on the use of transboundary rivers, 2001.",
		"footnote: Interview with a farmer in Semey, July 2023.")
}

// TestPlainTextWithoutPagesUnchanged: text without page numbers is not read as pages, and a
// number on a line of its own stays.
func TestPlainTextWithoutPagesUnchanged(t *testing.T) {
	t.Parallel()
	if _, ok := readPages("Title\n\nFirst paragraph.\n\n12\n\nSecond paragraph.\n"); ok {
		t.Error("a lone number read as a page number")
	}
}

// TestHTMLTitleOutsideText reads a page whose title, subtitle and author stand in a box of
// their own above the text's container, with controls and counters between them, and related
// stories after the text.
func TestHTMLTitleOutsideText(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>Steppe wind farms | World Desk</title></head><body>
<div class="wrap"><div class="story-head">
<div class="kicker"><a href="/energy">Energy</a></div>
<h1>Steppe wind farms</h1>
<div class="standfirst"><p>Kazakhstan plans ten new farms by 2030.</p></div>
<div class="meta-row"><span>By <a href="/people/ak">Aigerim Kassym</a></span> <span>Updated March 12, 2024 at 10:42 a.m. ET</span></div>
<div class="tools"><a>Share</a> <a>Tweet</a> <span>Text size</span></div>
<div class="listen"><span>Listen to this article</span> <span>5 min</span></div>
<div class="tr">Translated by Google</div>
</div>
<div class="story-body">
<p>The government approved the plan on Monday. It foresees ten farms in the north and the west.</p>
<p>Investors from China and the Gulf have shown interest. The first tender opens in May.</p>
<p>Critics say the grid is not ready for so much wind power at once.</p>
</div>
<div class="more"><h3>Read next</h3><p>How the grid copes with the winter peak, and why it may not.</p></div>
</div></body></html>`
	doc := readPage(t, page, pipeline.English)
	wantBlocks(t, doc, "title: Steppe wind farms", "paragraph: Kazakhstan plans ten new farms by 2030.",
		"paragraph: The government approved the plan on Monday. It foresees ten farms in the north and the west.",
		"paragraph: Investors from China and the Gulf have shown interest. The first tender opens in May.",
		"paragraph: Critics say the grid is not ready for so much wind power at once.",
		"byline: By Aigerim Kassym")
}

// TestMarkdownGeneratorAsides leaves out the boxes and markers generators set apart from the
// text when they speak of the article (its reading time, its series): admonitions in their
// several syntaxes, and table-of-contents markers. A box that makes a point of the text keeps
// its words, without its title.
func TestMarkdownGeneratorAsides(t *testing.T) {
	t.Parallel()
	md := "# Grain by rail\n\n::: tip Reading\nAbout 6 minutes.\n:::\n\n[[toc]]\n\n[[_TOC_]]\n\n@[TOC](目录)\n\n" +
		"Wheat goes east by rail. The route is short.\n\n!!! note \"Series\"\n    Third in a series.\n\n" +
		"{{% notice info %}}\nPart of our rail series.\n{{% /notice %}}\n\n" +
		"!!! warning \"Tariffs\"\n    The tariff of 2024 applies to grain only, not to flour.\n\n" +
		"::: note\nThe figures exclude transit through Russia.\n:::\n\nFreight fell.\n"
	doc, err := ParseMarkdownMarkup(md, pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: Grain by rail", "paragraph: Wheat goes east by rail. The route is short.",
		"paragraph: The tariff of 2024 applies to grain only, not to flour.",
		"paragraph: The figures exclude transit through Russia.", "paragraph: Freight fell.")
}

// TestHTMLPageShapes reads page shapes whose chrome no class name gives away: a sidebar's story
// cards set as <article>, a table that lays out the page, a list saved as bulleted paragraphs,
// a meta line set in nested boxes with one-word controls, a label over a list of links, a heading
// over a section of nothing but furniture, buttons run by scripts.
func TestHTMLPageShapes(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>Grain by rail</title></head><body>
<div class="x1"><h1>Grain by rail</h1>
<div class="x2"><div class="x3"><a href="/@dana"><p>Dana Seitkali</p></a><span>·</span><a href="/signin?follow=1">Follow</a></div>
<div class="x4"><span>6 min read</span><span>·</span><span>Mar 12, 2024</span></div></div>
<table><tr><td><p>Wheat now goes east by rail, and the route is shorter than the sea. Traders say so.</p>
<p>Three things changed last year:</p>
<p>– a new terminal at the border;</p><p>– lower tariffs;</p><p>– faster customs.</p>
<p>Freight grew by a fifth, and the ministry expects more in the spring of next year.</p></td></tr></table>
<div class="x5"><a href="#" class="x6">Print</a><a href="javascript:void(0)">Email</a></div>
<h2>Comments</h2>
<div class="x7">Most read</div>
<ul><li><a href="/a">Ports of the Caspian</a></li><li><a href="/b">The ferry question</a></li></ul>
</div>
<div class="side"><article class="card"><h3><a href="/c">Another story</a></h3><p>A short teaser.</p></article></div>
</body></html>`
	doc := readPage(t, page, pipeline.English)
	wantBlocks(t, doc, "title: Grain by rail",
		"paragraph: Wheat now goes east by rail, and the route is shorter than the sea. Traders say so.",
		"paragraph: Three things changed last year:",
		"list_item: a new terminal at the border;", "list_item: lower tariffs;", "list_item: faster customs.",
		"paragraph: Freight grew by a fifth, and the ministry expects more in the spring of next year.",
		"byline: Dana Seitkali")
}

// TestMarkdownHandWrittenNotes reads notes written without the footnote syntax: a numbered list
// at the end whose numbers the text carries as marks, and Pandoc's inline notes; a numbered list
// the text does not refer to stays a list.
func TestMarkdownHandWrittenNotes(t *testing.T) {
	t.Parallel()
	doc, err := ParseMarkdownMarkup("# Grain\n\nWheat goes east.[1] The route is short.\n\nCosts fell.<sup>2</sup>\n\n## Notes\n\n"+
		"1. Customs data.\n2. Tariff bulletin.\n", pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: Grain", "paragraph: Wheat goes east. The route is short.", "paragraph: Costs fell.",
		"footnote: Customs data.", "footnote: Tariff bulletin.")
	doc, err = ParseMarkdownMarkup("# Grain\n\nWheat goes east.^[Customs data.] The route is short.\n", pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: Grain", "paragraph: Wheat goes east. The route is short.", "footnote: Customs data.")
	doc, err = ParseMarkdownMarkup("# Steps\n\nDo this first, then the rest.\n\n1. Open the file.\n2. Read it.\n", pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: Steps", "paragraph: Do this first, then the rest.", "list_item: 1. Open the file.", "list_item: 2. Read it.")
}

// TestTextSignedQuotation: in plain text a paragraph that is one quotation and, after a dash,
// who said it is a quote; a paragraph that quotes someone inside its sentence is not.
func TestTextSignedQuotation(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]bool{
		"“We bought the buses first and asked about electricity later.” — a city official": true,
		"«Мы подключили кошельки за две недели». — Марат Ахметов, министр":                 true,
		"“We bought the buses first,” said a city official, “and asked later.”":            false,
		"“We bought the buses.” — This is what an official said. It was true.":             false,
		"The buses came first — “electricity later”":                                       false,
	} {
		if got := isSignedQuotation(s); got != want {
			t.Errorf("isSignedQuotation(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestTextBulletsApartFromItems: a PDF copy that sets a list's bullets on lines of their own
// and runs the items' texts into one line gives as many items as bullets.
func TestTextBulletsApartFromItems(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		text string
		n    int
		want []string
	}{
		{"irrigation demand in Xinjiang; household demand downstream; the needs of Lake Zaysan.", 3,
			[]string{"irrigation demand in Xinjiang;", "household demand downstream;", "the needs of Lake Zaysan."}},
		{"Who carries the risk? How will Kyrgyzstan repay its share?", 2,
			[]string{"Who carries the risk?", "How will Kyrgyzstan repay its share?"}},
		{"one item without an end", 2, []string{"one item without an end"}},
	} {
		if got := bulletItems(c.text, c.n); !slices.Equal(got, c.want) {
			t.Errorf("bulletItems(%q, %d) = %q, want %q", c.text, c.n, got, c.want)
		}
	}
}

// TestDatedCaption: a line set like a heading that ends with when its picture was taken is a
// caption; a heading names a subject.
func TestDatedCaption(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]bool{
		"Разгрузка первого состава на терминале, 28 мая":   true,
		"Қазақстан павильонына келушілер, Үрімжі, тамыз":   true,
		"Ақтаудағы тұщыту зауыты, 2019 жыл":                true,
		"Shearing near Naryn, autumn 2025":                 true,
		"What changes for families":                        false,
		"Water, power and trade":                           false,
		"Почему в Бишкеке всё больше китайских ресторанов": false,
	} {
		if got := isDatedCaption(s); got != want {
			t.Errorf("isDatedCaption(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestTextBylineRunIntoText: a PDF copy that ran the byline into the first line of the text
// gives the byline and the paragraph apart.
func TestTextBylineRunIntoText(t *testing.T) {
	t.Parallel()
	text := "Notes on a Border Crossing\nWritten by Owen Price The queue at the crossing begins long before the gate. Trucks park along the shoulder for three kilometres.\n\n" +
		"Cars have a lane of their own, which moves faster but not fast. A family in front of us had been waiting since dawn.\n"
	doc, err := Parse(text, pipeline.FormatText, pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: Notes on a Border Crossing", "byline: Written by Owen Price",
		"paragraph: The queue at the crossing begins long before the gate. Trucks park along the shoulder for three kilometres.",
		"paragraph: Cars have a lane of their own, which moves faster but not fast. A family in front of us had been waiting since dawn.")
}

// TestTextQuotationSignedWithADash: in a PDF copy that lost a quotation's indent, the line
// "— who said it" under it, or those words after a dash at its end, make it a quote.
func TestTextQuotationSignedWithADash(t *testing.T) {
	t.Parallel()
	text := "Cameras on Every Corner\n\nCities across the region are buying surveillance systems from Chinese firms, often on credit.\n\n" +
		"We do not buy a camera. We buy a whole way of running a city.\n— a regional official\n\n" +
		"The bank wants a contract, an invoice and a week. The money changer wants a phone call. — a trader in Osh\n\n" +
		"Local capacity is the other gap, and universities are only beginning to fill it.\n"
	doc, err := Parse(text, pipeline.FormatText, pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: Cameras on Every Corner",
		"paragraph: Cities across the region are buying surveillance systems from Chinese firms, often on credit.",
		"quote: We do not buy a camera. We buy a whole way of running a city. — a regional official",
		"quote: The bank wants a contract, an invoice and a week. The money changer wants a phone call. — a trader in Osh",
		"paragraph: Local capacity is the other gap, and universities are only beginning to fill it.")
}

// TestPDFDatedCaptionLine: in a PDF copy, a line of one sentence that ends with when its picture
// was taken, after a comma, is a caption.
func TestPDFDatedCaptionLine(t *testing.T) {
	t.Parallel()
	text := "Fruit Across the Pass\n\nUzbekistan has spent a decade trying to sell more fruit and vegetables to China,\nand the effort is paying off slowly.\n\n" +
		"Lorries waiting on the Kyrgyz side of the Irkeshtam crossing, September 2024.\n\n" +
		"Produce that tolerates a week on the road sells well.\n\nCentral Asia Review | 1\n\n" +
		"Prices rose in the spring, and the queue at the border grew with them.\n\nCentral Asia Review | 2\n"
	doc, err := Parse(text, pipeline.FormatText, pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, b := range doc.Blocks {
		if b.Text == "Lorries waiting on the Kyrgyz side of the Irkeshtam crossing, September 2024." {
			found = b.Kind == pipeline.BlockCaption
		}
	}
	if !found {
		t.Errorf("no caption: %v", kinds(doc))
	}
}
