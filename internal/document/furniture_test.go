package document

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

// TestPDFCopyWithoutGaps reads a copy that lost every blank line: the masthead and the running
// title beside the page numbers go, the notes at each page's foot are taken out by their marks
// (digits glued to words, superscripts), a word hyphenated across lines is joined, and the
// title is the line above the authors.
func TestPDFCopyWithoutGaps(t *testing.T) {
	t.Parallel()
	text := "Journal of Transport Studies, 2023, Vol. 9, No. 2\n" +
		"Institute of Transport\n" +
		"Electricity Without Borders: The Case for a\n" +
		"Regional Power Market\n" +
		"Samira Nazarova and Peter Long\n" +
		"Five countries share a grid built as one system, yet each now runs its part as if\n" +
		"the others did not exist. Trading power across borders would lower the costs in\n" +
		"winter and reduce the waste in summer, when the plants spill the water.1\n" +
		"Bilateral deals exist, but they are negotiated year by year and often collapse\n" +
		"when one side faces a shortage of its own, and traders cannot plan their opera-\n" +
		"tions for more than a season.²\n" +
		"1 Settlement in a basket of currencies is used elsewhere.\n" +
		"² The last agreement lapsed in 2023.\n" +
		"Electricity Without Borders                                   2\n" +
		"A market needs common rules, a neutral operator and a clearing house, which can\n" +
		"all be built step by step over the next few years by the governments.\n" +
		"Electricity Without Borders                                   3\n"
	doc, err := Parse(text, pipeline.FormatText, pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc,
		"title: Electricity Without Borders: The Case for a Regional Power Market",
		"byline: Samira Nazarova and Peter Long",
		"paragraph: Five countries share a grid built as one system, yet each now runs its part as if the others did not exist. Trading power across borders would lower the costs in winter and reduce the waste in summer, when the plants spill the water.",
		"paragraph: Bilateral deals exist, but they are negotiated year by year and often collapse when one side faces a shortage of its own, and traders cannot plan their operations for more than a season.",
		"paragraph: A market needs common rules, a neutral operator and a clearing house, which can all be built step by step over the next few years by the governments.",
		"footnote: Settlement in a basket of currencies is used elsewhere.",
		"footnote: The last agreement lapsed in 2023.")
}

// TestPDFRunningHeaderRepeatsTheHead drops the first line of a later page that repeats words
// of the first page's head (the author and a short title), but keeps a heading there whose
// words the title merely shares.
func TestPDFRunningHeaderRepeatsTheHead(t *testing.T) {
	t.Parallel()
	page1 := "Most studies of the route count containers, not people. Yet every container\n" +
		"that leaves a port travels with a driver who may spend three weeks away from\n" +
		"home, and their conditions shape how reliable the route is for everyone.\n" +
		"The drivers we met were mostly in their forties, and few of them had contracts;\n" +
		"most were paid per trip, with a deduction for fuel above an agreed norm.\n"
	page2 := "A typical trip from the port to the eastern border takes six to nine days, and\n" +
		"waiting at the borders accounts for a third of that time, which is not paid.\n" +
		"Several drivers described sleeping in the cab for a week at a time in winter\n" +
		"and cooking on small gas stoves at the truck stops along the old highway.\n"
	page3 := "Drivers share what they know about queues and police posts through messaging\n" +
		"groups, and older drivers vouch for younger ones when they look for work with\n" +
		"a new company, which is a kind of insurance the labour market does not give.\n"
	text := "Who Drives the Trucks? Labour on the Route\nMirlan Osmonov\n" + page1 + "1\n" +
		"Osmonov · Who Drives the Trucks?\n" + page2 + "2\n" +
		"Route Labour\n" + page3 + "3\n"
	doc, err := Parse(text, pipeline.FormatText, pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range doc.Blocks {
		if b.Text == "Osmonov · Who Drives the Trucks?" {
			t.Errorf("the running header was kept: %v", kinds(doc))
		}
	}
	found := false
	for _, b := range doc.Blocks {
		found = found || b.Kind == pipeline.BlockHeading && b.Text == "Route Labour"
	}
	if !found {
		t.Errorf("the heading was taken for a running header: %v", kinds(doc))
	}
}

// TestDOCXLocalisedStyleNames reads the kinds of paragraphs from style names as localised
// suites write them, and a short paragraph all in bold as a heading.
func TestDOCXLocalisedStyleNames(t *testing.T) {
	t.Parallel()
	para := func(style, text string, bold bool) string {
		ppr := ""
		if style != "" {
			ppr = `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
		}
		rpr := ""
		if bold {
			rpr = `<w:rPr><w:b/></w:rPr>`
		}
		return `<w:p>` + ppr + `<w:r>` + rpr + `<w:t>` + text + `</w:t></w:r></w:p>`
	}
	body := para("a3", "Почему дорожает доставка", false) + para("10", "Очереди на границе", false) +
		para("", "Поезда простаивают на станциях.", false) + para("2", "一、问题出在哪里", false) +
		para("H1x", "What changed", false) + para("", "How it ended", true) +
		para("", "The agency withdrew the rate card.", false)
	styles := `<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Название"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="10"><w:name w:val="Заголовок 1"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="2"><w:name w:val="标题 2"/></w:style>` +
		`<w:style w:type="paragraph" w:customStyle="1" w:styleId="H1x"><w:name w:val="Heading1"/></w:style>`
	data := testDOCX(t, body, styles)
	md, err := DOCXToMarkdown(data)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ParseMarkdownMarkup(md, pipeline.Russian)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc,
		"title: Почему дорожает доставка",
		"heading: Очереди на границе",
		"paragraph: Поезда простаивают на станциях.",
		"heading: 一、问题出在哪里",
		"heading: What changed",
		"heading: How it ended",
		"paragraph: The agency withdrew the rate card.")
}

func testDOCX(t *testing.T, body, styles string) []byte {
	t.Helper()
	const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	files := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"_rels/.rels":         `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml":   `<?xml version="1.0"?><w:document ` + ns + `><w:body>` + body + `</w:body></w:document>`,
		"word/styles.xml":     `<?xml version="1.0"?><w:styles ` + ns + `>` + styles + `</w:styles>`,
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(content)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestHTMLNotesByNameAndBeside reads notes a word processor wrote with anchor names (no ids)
// and side notes printed inside the paragraph, and leaves out what is not the article's: the
// label over the title, a row of links, a call to subscribe, an author biography.
func TestHTMLNotesByNameAndBeside(t *testing.T) {
	t.Parallel()
	page := `<html><body><article>
<div class="kind">Commentary</div>
<h1>Debt Swaps for Glaciers</h1>
<div class="actions"><a href="/files/report.pdf">Download PDF</a> · <a href="/print/1432">Print</a></div>
<p>Small states owe money to their donors.<a href="#_edn1" name="_ednref1">[1]</a></p>
<p>A timetable shows distance.<span class="sidenote">Old ones printed kilometres.</span> It shows the week too.</p>
<div class="card"><p>Enjoying this? <a href="/membership/join">Become a member</a>.</p></div>
<div class="author-box"><h2>About the authors</h2><p>Jane Doe is a senior fellow.</p></div>
<div><p><a href="#_ednref1" name="_edn1">[1]</a> Swaps were first used in the 1980s.</p></div>
</article></body></html>`
	doc := readPage(t, page, pipeline.English)
	wantBlocks(t, doc,
		"title: Debt Swaps for Glaciers",
		"paragraph: Small states owe money to their donors.",
		"paragraph: A timetable shows distance. It shows the week too.",
		"footnote: Swaps were first used in the 1980s.",
		"footnote: Old ones printed kilometres.")
}

// TestHTMLParagraphsInDivs finds the article on a page that writes its paragraphs as <div>s and
// has a <p> only in its sidebar.
func TestHTMLParagraphsInDivs(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>The orchard in spring</title></head><body>
<div class="top"><a href="/">Home</a> <a href="/about">About</a></div>
<div class="post"><h3>The orchard in spring</h3>
<div class="body"><div>The apple trees flowered a week early this year, and the bees worked from dawn.</div><div><br></div>
<div>Then came the frost, and by morning the petals had turned brown at the edges.</div></div></div>
<div class="side"><p>Subscribe to our letters for news from the farm.</p></div>
</body></html>`
	doc := readPage(t, page, pipeline.English)
	wantBlocks(t, doc,
		"title: The orchard in spring",
		"paragraph: The apple trees flowered a week early this year, and the bees worked from dawn.",
		"paragraph: Then came the frost, and by morning the petals had turned brown at the edges.")
}

// TestPDFHeaderAfterAFooter: a copy of two pages prints the series' line at the foot of each
// and the journal's name at the head of the second only; the layout that has a running footer
// has a running header, so that name is furniture, while a numbered section heading at the head
// of a page is kept.
func TestPDFHeaderAfterAFooter(t *testing.T) {
	t.Parallel()
	page1 := "Central Asia and the Caspian Route\n\nThe ports of the Caspian handled more cargo last year than in any year before.\n" +
		"Most of the growth came from containers bound for Europe.\n\nWorking paper series 2024/7\n— 1 —\n\n"
	page2 := "Caspian Monitor\n\nFerries remain the bottleneck, and the fleet is old.\n\nWorking paper series 2024/7\n— 2 —\n\n"
	page3 := "3. What governments can do\n\nThey can pool orders for new ferries.\n\nWorking paper series 2024/7\n— 3 —\n"
	doc, err := Parse(page1+page2+page3, pipeline.FormatText, pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: Central Asia and the Caspian Route",
		"paragraph: The ports of the Caspian handled more cargo last year than in any year before. Most of the growth came from containers bound for Europe.",
		"paragraph: Ferries remain the bottleneck, and the fleet is old.",
		"heading: 3. What governments can do", "paragraph: They can pool orders for new ferries.")
}

// TestPDFNumberedHeadingAboveNotes: a copy that lost its blank lines has a numbered section
// heading, then the page's notes; the heading opens like note 2 but the notes start again at 1.
func TestPDFNumberedHeadingAboveNotes(t *testing.T) {
	t.Parallel()
	text := "Rare Metals of the Steppe\n" +
		"1. The resource base\n" +
		"Soviet surveys found dozens of deposits of rare metals, and most of them were never mined at all.1\n" +
		"Refining is where the value lies, and almost all of that capacity today is in China.2\n" +
		"2. Two suitors\n" +
		"Chinese firms offer speed and finance, and European investors offer access to markets.\n" +
		"1 Estimates of reserves differ between sources.\n" +
		"2 This is especially true of rare earths.\n" +
		"— 1 —\n" +
		"Both want long contracts, and both want a say in where the ore is refined.\n" +
		"Kazakhstan wants refining at home, which neither offers at the price it needs.\n" +
		"A consortium of buyers could change that, if the government can agree one.\n" +
		"Such consortia have worked for uranium, where buyers shared the cost of plants.\n" +
		"They have not been tried for rare earths, whose markets are small and opaque.\n" +
		"The next paper looks at what such a consortium would need to succeed.\n" +
		"— 2 —\n"
	doc, err := Parse(text, pipeline.FormatText, pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	var headings, notes []string
	for _, b := range doc.Blocks {
		switch b.Kind {
		case pipeline.BlockHeading:
			headings = append(headings, b.Text)
		case pipeline.BlockFootnote:
			notes = append(notes, b.Text)
		}
	}
	if strings.Join(headings, "|") != "1. The resource base|2. Two suitors" {
		t.Errorf("headings %q: %v", headings, kinds(doc))
	}
	if strings.Join(notes, "|") != "Estimates of reserves differ between sources.|This is especially true of rare earths." {
		t.Errorf("notes %q", notes)
	}
}

// TestPDFCaptionEndsWhereTheNextWordFits: a caption line without a full stop ends where the
// next word would have fitted on it; a paragraph starts under it.
func TestPDFCaptionEndsWhereTheNextWordFits(t *testing.T) {
	t.Parallel()
	text := "Ports of the Caspian in 2023\n\n" +
		"Dry bulk remained the largest category by weight, while containers grew fastest of all. Grain\n" +
		"shipments fell after a poor harvest in the north but recovered in the last quarter of the year.\n" +
		"Figure 3. Container traffic at member ports by quarter, thousand TEU\n" +
		"Ro-ro traffic, mainly trucks on ferries, doubled over the year, and most of this increase came\n" +
		"on the southern route, where a new ferry line opened in May and ran twice a week from then on.\n"
	doc, err := Parse(text, pipeline.FormatText, pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: Ports of the Caspian in 2023",
		"paragraph: Dry bulk remained the largest category by weight, while containers grew fastest of all. Grain shipments fell after a poor harvest in the north but recovered in the last quarter of the year.",
		"caption: Figure 3. Container traffic at member ports by quarter, thousand TEU",
		"paragraph: Ro-ro traffic, mainly trucks on ferries, doubled over the year, and most of this increase came on the southern route, where a new ferry line opened in May and ran twice a week from then on.")
}

// TestPDFPaperHead reads the head of a paper in conference proceedings: the classification code
// goes with the masthead, a title in capitals over two lines is one title, the authors with
// their degrees are bylines, and the abstract and the keywords are paragraphs of their own.
func TestPDFPaperHead(t *testing.T) {
	t.Parallel()
	text := "Proceedings of the International Conference on the Silk Road Economy\n" +
		"UDC 339.9 (574:510)\n" +
		"AGRICULTURAL TRADE BETWEEN KAZAKHSTAN\n" +
		"AND CHINA: PROSPECTS AND OBSTACLES\n" +
		"B. T. Ospanova, PhD, associate professor\n" +
		"Zh. K. Alimzhanov, master's student\n" +
		"Abstract. The paper looks at the farm products that Kazakhstan has sold to China over\n" +
		"the last five years and at what holds their growth back.\n" +
		"Keywords: agricultural exports, Chinese market, phytosanitary rules, logistics.\n" +
		"Introduction. China is one of the largest food importers in the world, and for\n" +
		"Kazakhstan its market is close and large enough to matter.\n"
	doc, err := Parse(text, pipeline.FormatText, pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: AGRICULTURAL TRADE BETWEEN KAZAKHSTAN AND CHINA: PROSPECTS AND OBSTACLES",
		"byline: B. T. Ospanova, PhD, associate professor", "byline: Zh. K. Alimzhanov, master's student",
		"paragraph: Abstract. The paper looks at the farm products that Kazakhstan has sold to China over the last five years and at what holds their growth back.",
		"paragraph: Keywords: agricultural exports, Chinese market, phytosanitary rules, logistics.",
		"paragraph: Introduction. China is one of the largest food importers in the world, and for Kazakhstan its market is close and large enough to matter.")
}

// TestPDFMonographExcerpt reads pages of a monograph whose paragraphs open with an indent: the
// excerpt opens with a numbered section, which is its heading and not a title; items of a list
// set in like first lines end where an indented paragraph begins; a line set flush after a
// sentence's end goes on with its paragraph; "по-разному" keeps its hyphen across the break.
func TestPDFMonographExcerpt(t *testing.T) {
	t.Parallel()
	text := "2.3. Uranium: a quiet export\n" +
		"   Kazakhstan has been the largest producer of uranium in the world since the end of\n" +
		"the 2000s, and China has become one of its main buyers in that time as well.\n" +
		"   The model has its limits, and three of them matter more than the others do:\n" +
		"   – long-term contract prices follow the world market and in the years of low\n" +
		"prices did not cover the cost of new mines;\n" +
		"   – Kazakhstan wants to sell more than concentrate, including fuel assemblies.\n" +
		"   The last point matters most. A fuel plant was built together with the Chinese side.\n" +
		"Its output is sold in advance. Развивалось оно по-\n" +
		"разному в разные годы, and the plant is now the first step in that direction.\n" +
		"2.4. Conclusions\n" +
		"   Cooperation in energy took different shapes in different industries, but in all of\n" +
		"them Astana kept control of the key assets and looked for more buyers.\n"
	doc, err := Parse(text, pipeline.FormatText, pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "heading: 2.3. Uranium: a quiet export",
		"paragraph: Kazakhstan has been the largest producer of uranium in the world since the end of the 2000s, and China has become one of its main buyers in that time as well.",
		"paragraph: The model has its limits, and three of them matter more than the others do:",
		"list_item: long-term contract prices follow the world market and in the years of low prices did not cover the cost of new mines;",
		"list_item: Kazakhstan wants to sell more than concentrate, including fuel assemblies.",
		"paragraph: The last point matters most. A fuel plant was built together with the Chinese side. Its output is sold in advance. Развивалось оно по-разному в разные годы, and the plant is now the first step in that direction.",
		"heading: 2.4. Conclusions",
		"paragraph: Cooperation in energy took different shapes in different industries, but in all of them Astana kept control of the key assets and looked for more buyers.")
}

// TestPDFChineseReportHead: names under a Chinese title may include a foreign name joined by a
// middle dot; the keywords are text, and a section numbered in brackets alone is a heading.
func TestPDFChineseReportHead(t *testing.T) {
	t.Parallel()
	text := "中国与中亚国家职业教育合作的进展\n" +
		"韩雪梅　努尔兰·卡斯木\n" +
		"摘　要：近年来，中国与中亚国家的职业教育合作发展较快，合作形式从学历教育延伸到技能培训。\n" +
		"关键词：职业教育　中亚　技能培训\n" +
		"一　合作的主要进展\n" +
		"（一）项目数量明显增加\n" +
		"截至2023年底，中国院校已在中亚五国设立多个职业教育合作项目，涉及铁路运输和新能源等专业。\n" +
		"（二）合作形式日趋多样\n" +
		"合作已从单纯接收留学生，发展到联合办学和共同开发课程标准等多种形式。\n"
	doc, err := Parse(text, pipeline.FormatText, pipeline.Chinese)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: 中国与中亚国家职业教育合作的进展", "byline: 韩雪梅 努尔兰·卡斯木",
		"paragraph: 摘 要：近年来，中国与中亚国家的职业教育合作发展较快，合作形式从学历教育延伸到技能培训。",
		"paragraph: 关键词：职业教育 中亚 技能培训", "heading: 一 合作的主要进展", "heading: （一）项目数量明显增加",
		"paragraph: 截至2023年底，中国院校已在中亚五国设立多个职业教育合作项目，涉及铁路运输和新能源等专业。",
		"heading: （二）合作形式日趋多样", "paragraph: 合作已从单纯接收留学生，发展到联合办学和共同开发课程标准等多种形式。")
}

// TestPDFKeywordsWithoutFullStop: keywords that end without a full stop end with their line
// when it stops without a separator; a line that ends with a comma goes on.
func TestPDFKeywordsWithoutFullStop(t *testing.T) {
	t.Parallel()
	text := "Dry Ports of the Steppe\n" +
		"Keywords: dry ports, rail freight, Khorgos, Belt and Road, transit corridors, customs,\n" +
		"Central Asia\n" +
		"Introduction\n" +
		"Dry ports have changed how freight moves between China and Europe over the last decade.\n"
	doc, err := Parse(text, pipeline.FormatText, pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: Dry Ports of the Steppe",
		"paragraph: Keywords: dry ports, rail freight, Khorgos, Belt and Road, transit corridors, customs, Central Asia",
		"heading: Introduction",
		"paragraph: Dry ports have changed how freight moves between China and Europe over the last decade.")
}

// TestChineseAuthorNames: under a Chinese title, the authors may be a working group, or names
// among which one is foreign and joined by a middle dot; a phrase is neither.
func TestChineseAuthorNames(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]bool{
		"县商务局课题组":      true,
		"中亚研究所调研组":     true,
		"韩雪梅　努尔兰·卡斯木":  true,
		"王海燕、李明":       true,
		"努尔兰·卡斯木":      false,
		"课题组认为，应当加快改革": false,
		"一、主要做法":       false,
	} {
		if got := isNameLine(s); got != want {
			t.Errorf("isNameLine(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestPDFPaperHeadVariants: a journal's masthead with its issue, two classification codes, a
// title in capitals whose last line is a few words, authors written surname first with their
// initials; and a Chinese paper whose codes share a line and whose two-character name is spaced
// out.
func TestPDFPaperHeadVariants(t *testing.T) {
	t.Parallel()
	text := "Вестник Евразийского университета. 2024. № 2 (41)\n" +
		"УДК 338.47\n" +
		"МРНТИ 06.71.07\n" +
		"ТРАНСПОРТНЫЕ КОРИДОРЫ ЦЕНТРАЛЬНОЙ АЗИИ:\n" +
		"ВЫЗОВЫ И ВОЗМОЖНОСТИ\n" +
		"Смирнова А.В., к.э.н., доцент\n" +
		"Ким Д.С., магистрант\n" +
		"Аннотация. В статье рассматриваются транспортные коридоры Центральной Азии.\n" +
		"Введение\n" +
		"Транзит через Центральную Азию вырос в несколько раз за последние пять лет.\n"
	doc, err := Parse(text, pipeline.FormatText, pipeline.Russian)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: ТРАНСПОРТНЫЕ КОРИДОРЫ ЦЕНТРАЛЬНОЙ АЗИИ: ВЫЗОВЫ И ВОЗМОЖНОСТИ",
		"byline: Смирнова А.В., к.э.н., доцент", "byline: Ким Д.С., магистрант",
		"paragraph: Аннотация. В статье рассматриваются транспортные коридоры Центральной Азии.",
		"heading: Введение", "paragraph: Транзит через Центральную Азию вырос в несколько раз за последние пять лет.")

	text = "区域经济评论　2024年第3期\n" +
		"中图分类号：F752　　文献标识码：A　　文章编号：1000-0000（2024）03-0012-08\n" +
		"中欧班列与内陆口岸城市发展\n" +
		"王海燕　李　明\n" +
		"摘　要：本文以三个内陆口岸城市为例，分析了中欧班列开行以来当地产业结构的变化。\n" +
		"一、引言\n" +
		"自中欧班列开行以来，沿线口岸城市的货运量迅速增长，一些边境小城发展成为区域性物流枢纽。\n"
	if doc, err = Parse(text, pipeline.FormatText, pipeline.Chinese); err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: 中欧班列与内陆口岸城市发展", "byline: 王海燕 李 明",
		"paragraph: 摘 要：本文以三个内陆口岸城市为例，分析了中欧班列开行以来当地产业结构的变化。", "heading: 一、引言",
		"paragraph: 自中欧班列开行以来，沿线口岸城市的货运量迅速增长，一些边境小城发展成为区域性物流枢纽。")
}

// TestPDFHeaderAfterAHeading: a page that ends in a heading goes on with that heading's text; a
// line set apart at the top of the next page is the running header, not a second heading.
func TestPDFHeaderAfterAHeading(t *testing.T) {
	t.Parallel()
	page1 := "Central Asia and the Caspian Route\n\nThe ports of the Caspian handled more cargo last year than in any year before.\n" +
		"Most of the growth came from containers bound for Europe.\n\nWhat changed in 2023\n\n— 1 —\n\n"
	page2 := "The Caspian Monitor\n\n\nFerries remain the bottleneck, and the fleet is old.\n\n— 2 —\n"
	doc, err := Parse(page1+page2, pipeline.FormatText, pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: Central Asia and the Caspian Route",
		"paragraph: The ports of the Caspian handled more cargo last year than in any year before. Most of the growth came from containers bound for Europe.",
		"heading: What changed in 2023", "paragraph: Ferries remain the bottleneck, and the fleet is old.")
}

// TestFilingLine: classification codes and DOIs are recognised by their label and a code after
// it; a sentence that opens with the same letters is not one.
func TestFilingLine(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]bool{
		"УДК 339.9":                         true,
		"ӘОЖ 339.9 (574:510)":               true,
		"МРНТИ 06.71.07":                    true,
		"DOI: 10.1234/abc.2024.12":          true,
		"JEL Classification: F15, O18":      true,
		"中图分类号：F752　　文献标识码：A":               true,
		"Doing business in Kazakhstan":      false,
		"Doi Inthanon is the highest peak":  false,
		"JEL codes are assigned by editors": false,
	} {
		if got := isFilingLine(s); got != want {
			t.Errorf("isFilingLine(%q) = %v, want %v", s, got, want)
		}
	}
}
