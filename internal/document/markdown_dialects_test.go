package document

import (
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

// TestMarkdownWikiMarkup: Obsidian's notation reads as what a reader sees, and fenced code
// keeps it as written.
func TestMarkdownWikiMarkup(t *testing.T) {
	t.Parallel()
	md := "# Routes East\n\n1,800 words · 7 min read\n\nThe figures are preliminary.\n\n" +
		"The [[Middle Corridor|corridor]] grew. See [[Khorgos#Port]] and ![[map.png]].%% draft %%\n\n" +
		"> [!note] Sources\n> Customs data for 2024.\n\n#trade #china\n\n" +
		"> [!quote]\n> We buy a whole way of running a city.\n> — a regional official\n\n" +
		"![[locust-map.png]]\n*Locust swarms on the border, May 2024*\n\n" +
		"```\n[[kept]] %% kept %%\n```\n"
	doc, err := ParseMarkdownMarkup(md, pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	// A note's callout is the author's point set apart, read as text under its title; a
	// quotation's callout is a quotation; a picture embedded has its caption.
	wantBlocks(t, doc, "title: Routes East", "paragraph: The figures are preliminary.",
		"paragraph: The corridor grew. See Khorgos and .", "paragraph: Sources", "paragraph: Customs data for 2024.",
		"quote: We buy a whole way of running a city. — a regional official",
		"caption: Locust swarms on the border, May 2024",
		"paragraph: [[kept]] %% kept %%")
}

func TestTextLengthLine(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]bool{
		"本文约2500字，阅读约需6分钟。":               true,
		"1,200 words · 5 min read":        true,
		"Объём: 12 000 знаков · 6 мин":    true,
		"The report runs to 2,500 words.": false,
		"2500字的报告讨论了中亚的铁路。":               false,
	} {
		if got := isPublicationLine(s); got != want {
			t.Errorf("isPublicationLine(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestMarkdownZolaShortcodes: Zola calls its shortcodes like functions; a figure's caption is
// read as a caption, and a box closed by "{% end %}" is left out. Jekyll's figure include gives
// its caption too.
func TestMarkdownZolaShortcodes(t *testing.T) {
	t.Parallel()
	md := "# Wool Across the Pass\n\nHerders sell raw wool to buyers from Kashgar.\n\n" +
		"{{ figure(src=\"bales.jpg\", alt=\"Bales\", caption=\"Bales at the crossing, June 2023.\") }}\n\n" +
		"{% note(kind=\"tip\") %}\nThis post is part of a series.\n{% end %}\n\n" +
		"{{ youtube(id=\"abc\") }}\n\nPrices rose in the spring.\n\n" +
		"{% include figure image_path=\"/p.jpg\" alt=\"\" caption=\"Shearing in Naryn.\" %}\n"
	doc, err := ParseMarkdownMarkup(md, pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: Wool Across the Pass", "paragraph: Herders sell raw wool to buyers from Kashgar.",
		"caption: Bales at the crossing, June 2023.", "paragraph: Prices rose in the spring.", "caption: Shearing in Naryn.")
}

// TestMarkdownHTMLImageCaption: an image written as an <img> tag on a block of its own is a
// figure like a Markdown image; the labelled or centred line under it is its caption, and a
// centred line elsewhere is text.
func TestMarkdownHTMLImageCaption(t *testing.T) {
	t.Parallel()
	md := "# 跨界河流\n\n两国签署了合作协定。\n\n<img src=\"a.png\" alt=\"示意图\" style=\"zoom:67%;\" />\n\n" +
		"<center>图1　伊犁河流域示意图</center>\n\n<img src=\"b.png\" />\n\n<center>额尔齐斯河</center>\n\n" +
		"<center>双方同意继续合作。</center>\n"
	doc, err := ParseMarkdownMarkup(md, pipeline.Chinese)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: 跨界河流", "paragraph: 两国签署了合作协定。", "caption: 图1 伊犁河流域示意图",
		"caption: 额尔齐斯河", "paragraph: 双方同意继续合作。")

	// The image and its caption in one centred element.
	md = "# Ports\n\nThe port grew.\n\n<p align=\"center\"><img src=\"a.png\" width=\"60%\"><br>Aktau port in 2023</p>\n\nIt grew again.\n"
	if doc, err = ParseMarkdownMarkup(md, pipeline.English); err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: Ports", "paragraph: The port grew.", "caption: Aktau port in 2023", "paragraph: It grew again.")
}

// TestChineseBylineDate: a Chinese byline keeps its name without the date set apart by a space;
// a byline in letters keeps its name without the date and reading time a copy ran into it.
func TestChineseBylineDate(t *testing.T) {
	t.Parallel()
	for s, want := range map[string]string{
		"作者：周明远　　2024年3月":                           "作者：周明远",
		"作者：周明远 2024年3月5日":                          "作者：周明远",
		"文/李华 · 2024-03-05":                         "文/李华",
		"作者：周明远 新疆大学":                               "作者：周明远 新疆大学",
		"By Aigerim Sultanova 2024-05-17 | 12 mins": "By Aigerim Sultanova",
		"By Aigerim Sultanova, 17 May 2024":         "By Aigerim Sultanova",
		"By Aigerim Sultanova":                      "By Aigerim Sultanova",
	} {
		if got := withoutPublicationTail(s); got != want {
			t.Errorf("withoutPublicationTail(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestMarkdownHexoAssetImage: Hexo's image tag gives its title as the figure's caption, bare or
// quoted; without a title it is a picture alone.
func TestMarkdownHexoAssetImage(t *testing.T) {
	t.Parallel()
	md := "# 跨界河流\n\n两国签署了合作协定。\n\n{% asset_img map.png 图1 伊犁河流域示意图 %}\n\n" +
		"{% asset_img dam.jpg \"图2 水利枢纽\" \"枢纽照片\" %}\n\n{% asset_img photo.jpg %}\n\n双方同意继续合作。\n"
	doc, err := ParseMarkdownMarkup(md, pipeline.Chinese)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: 跨界河流", "paragraph: 两国签署了合作协定。", "caption: 图1 伊犁河流域示意图",
		"caption: 图2 水利枢纽", "paragraph: 双方同意继续合作。")
}

// TestMarkdownExtensionMarkup: Python-Markdown's attribute lists, caption blocks and
// abbreviation definitions (MkDocs), and docsify's notes, read as what a reader sees.
func TestMarkdownExtensionMarkup(t *testing.T) {
	t.Parallel()
	md := "# Bus to Urumqi\n\nBy Dauren Kaliyev\n{ .author-line }\n\n" +
		"The bus service between Almaty and Urumqi is running again, twice a day in both directions.\n\n" +
		"## Tickets { #tickets }\n\n![Buses at Khorgos](img/bus.jpg)\n/// caption\nBuses waiting at the Khorgos crossing.\n///\n\n" +
		"?> Fares change every season; check before you travel.\n\nThe SCO countries agreed on the route.\n\n" +
		"*[SCO]: Shanghai Cooperation Organisation\n"
	doc, err := ParseMarkdownMarkup(md, pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: Bus to Urumqi", "byline: By Dauren Kaliyev",
		"paragraph: The bus service between Almaty and Urumqi is running again, twice a day in both directions.",
		"heading: Tickets", "caption: Buses waiting at the Khorgos crossing.",
		"paragraph: Fares change every season; check before you travel.",
		"paragraph: The SCO countries agreed on the route.")
}

// TestMarkdownOutline: an outliner's page (Logseq) reads as an article: the title property as
// the title, heading bullets as headings, blocks as paragraphs, blocks nested under a paragraph
// as its list, a picture's caption on its continuation line; properties are markup.
func TestMarkdownOutline(t *testing.T) {
	t.Parallel()
	md := "title:: Debt for a Road\ntags:: [[Kyrgyzstan]]\n\n- By Olga Sergeeva\n" +
		"- Kyrgyzstan is one of the few countries in the region where China is the largest creditor.\n  id:: 6650a1f2\n" +
		"- ## Where the debt came from\n\t- The main projects built on Chinese loans:\n\t\t- the North–South road;\n\t\t- the Datka–Kemin line.\n" +
		"\t- The loans were cheap, but all of them are in ==dollars or yuan==.\n" +
		"- ![The road](../assets/road.jpg){:width 600}\n  *A section of the North–South road*\n"
	doc, err := ParseMarkdownMarkup(md, pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: Debt for a Road", "byline: By Olga Sergeeva",
		"paragraph: Kyrgyzstan is one of the few countries in the region where China is the largest creditor.",
		"heading: Where the debt came from", "paragraph: The main projects built on Chinese loans:",
		"list_item: the North–South road;", "list_item: the Datka–Kemin line.",
		"paragraph: The loans were cheap, but all of them are in dollars or yuan.",
		"caption: A section of the North–South road")
}

// TestMarkdownExportsOfNotesApps: a page exported from a notes app (Notion) lists its properties
// a field a line under the title, where only the author's line is the article's, and sets the
// author's callouts as asides that open with a pictogram, which are text; Pandoc prints a
// picture alone in its paragraph as a figure captioned by its description.
func TestMarkdownExportsOfNotesApps(t *testing.T) {
	t.Parallel()
	md := "# Students in China\n\nAuthor: Aidana Serikkyzy\nPublished: 14 January 2025\nStatus: Published\nTags: education, China\n\n" +
		"The number of Kazakh students in China has grown several times over in ten years.\n\n" +
		"<aside>\n💡 The Chinese government scholarship covers tuition, a dormitory and a monthly stipend.\n\n</aside>\n\n" +
		"![Trucks queueing at the Khorgos crossing, January 2021.](img/khorgos.jpg){width=90%}\n\n" +
		"![IMG_2214.jpeg](files/IMG_2214.jpeg)\n\nMost grant holders first spend a year learning Chinese.\n"
	doc, err := ParseMarkdownMarkup(md, pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: Students in China", "byline: Author: Aidana Serikkyzy",
		"paragraph: The number of Kazakh students in China has grown several times over in ten years.",
		"paragraph: The Chinese government scholarship covers tuition, a dormitory and a monthly stipend.",
		"caption: Trucks queueing at the Khorgos crossing, January 2021.",
		"paragraph: Most grant holders first spend a year learning Chinese.")
}

// TestMarkdownBoldLineUnderTitle: a line wholly in bold right under the title is the first
// section's heading, unless it is a name (a bold byline).
func TestMarkdownBoldLineUnderTitle(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ md, want string }{
		{"# Debt and Rails\n\n**Conclusions**\n\nChinese tourists made 650,000 trips to Kazakhstan in 2024.\n\nThe pipeline carries gas east.\n\nBoth sides call it a partnership.\n", "heading: Conclusions"},
		{"# Долги и рельсы\n\n**Ровшен Атаев**\n\nКитайские туристы совершили 650 тысяч поездок.\n\nГазопровод идёт на восток.\n\nСтороны называют это партнёрством.\n", "byline: Ровшен Атаев"},
	} {
		doc, err := ParseMarkdownMarkup(tc.md, pipeline.English)
		if err != nil {
			t.Fatal(err)
		}
		if got := kinds(doc); len(got) < 2 || got[1] != tc.want {
			t.Errorf("second block %q, want %q", got, tc.want)
		}
	}
}

// TestMarkdownCJKStrong: bold text that closes on a Chinese punctuation mark before a letter
// ("**作者：**王一鸣"), which CommonMark leaves as text with its asterisks, is read as bold.
func TestMarkdownCJKStrong(t *testing.T) {
	t.Parallel()
	md := "# 中亚小麦出口\n\n**作者：**王一鸣、努尔苏丹（研究小组）\n\n正文第一段，哈萨克斯坦的小麦出口增长。\n\n**一是完善节点。**每个县建设一个中心。\n\n正文第三段。\n"
	doc, err := ParseMarkdownMarkup(md, pipeline.Chinese)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: 中亚小麦出口", "byline: 作者：王一鸣、努尔苏丹（研究小组）",
		"paragraph: 正文第一段，哈萨克斯坦的小麦出口增长。", "paragraph: 一是完善节点。每个县建设一个中心。", "paragraph: 正文第三段。")
}

// TestMarkdownContentsAndNotesLabel: a wiki's table of contents (a list of links to the page's
// headings) and its label are no text, and neither is the heading over the notes.
func TestMarkdownContentsAndNotesLabel(t *testing.T) {
	t.Parallel()
	md := "# Caspian desalination\n\nThe plant in Aktau gives the region most of its water.[^1]\n\nContents\n\n" +
		"- [1 History](#History)\n- [2 Chinese firms](#Chinese_firms)\n  - [2.1 Kuryk](#Kuryk)\n\n" +
		"## History\n\nThe first unit ran on the heat of a reactor.\n\n## Chinese firms\n\nThree plants are planned.\n\n" +
		"## Sources\n\n[^1]: Report of the regional administration, 2023.\n"
	doc, err := ParseMarkdownMarkup(md, pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: Caspian desalination", "paragraph: The plant in Aktau gives the region most of its water.",
		"heading: History", "paragraph: The first unit ran on the heat of a reactor.", "heading: Chinese firms",
		"paragraph: Three plants are planned.", "footnote: Report of the regional administration, 2023.")
}

// TestMarkdownTyporaShapes: a title set in HTML to centre it is the title, the byline under it in
// HTML is the byline, a quotation's speaker after a dash in its last paragraph closes it, and
// the boxes of a task list are no words.
func TestMarkdownTyporaShapes(t *testing.T) {
	t.Parallel()
	md := "<h1 align=\"center\">Nomad heritage and Chinese tourists</h1>\n\n<p align=\"center\"><i>By Aigul Mukhametzhanova</i></p>\n\n" +
		"Chinese tourists to Kazakhstan have multiplied in five years.\n\n> We teach guests to pour kumys, but our children no longer herd.\n>\n> — a yurt owner in Kegen\n\n" +
		"What should be done:\n\n- [x] let communities run the programmes;\n- [ ] train guides who speak Chinese.\n"
	doc, err := ParseMarkdownMarkup(md, pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: Nomad heritage and Chinese tourists", "byline: By Aigul Mukhametzhanova",
		"paragraph: Chinese tourists to Kazakhstan have multiplied in five years.",
		"quote: We teach guests to pour kumys, but our children no longer herd. — a yurt owner in Kegen",
		"paragraph: What should be done:", "list_item: let communities run the programmes;", "list_item: train guides who speak Chinese.")
}

// TestMarkdownSiYuanExport: SiYuan's export puts a kramdown attribute list under every block and
// after every list item's marker, refers to other blocks by id with their anchor text, and closes
// topics like Weibo ("#粮食贸易#"): the reader sees the text, the anchor text, and no tags.
func TestMarkdownSiYuanExport(t *testing.T) {
	t.Parallel()
	md := "# 小麦贸易\n{: id=\"20240512102031-h1a9k2c\" updated=\"20240513091102\"}\n\n" +
		"口岸的换装能力不断提升（详见((20240501093012-k8m2n4p \"口岸换装能力分析\"))）。\n{: id=\"20240512102355-f3r6s8t\"}\n\n" +
		"- {: id=\"20240512102540-k1g5h8i\"}铁路运力较为紧张；\n  {: id=\"20240512102541-l9j3k6m\"}\n" +
		"- {: id=\"20240512102548-m2n7p4q\"}标准仍有差异。\n  {: id=\"20240512102549-n5r1s8t\"}\n{: id=\"20240512102539-q7a2b5c\"}\n\n" +
		"#粮食贸易# #中亚农业#\n{: id=\"20240512102833-w7u1v5w\"}\n"
	doc, err := ParseMarkdownMarkup(md, pipeline.Chinese)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: 小麦贸易", "paragraph: 口岸的换装能力不断提升（详见口岸换装能力分析）。",
		"list_item: 铁路运力较为紧张；", "list_item: 标准仍有差异。")
}

// TestMarkdownMDXComponents: an MDX comment is no text, and a component that captions a
// picture in an attribute gives its caption; its credit is the site's.
func TestMarkdownMDXComponents(t *testing.T) {
	t.Parallel()
	md := "import { Figure } from '@/components/mdx/Figure'\n\n# Solar in Uzbekistan\n\nChinese modules dominate the auctions.\n\n" +
		"<Figure\n  src=\"/images/solar.jpg\"\n  alt=\"Rows of panels\"\n  caption=\"Solar panels at a plant in the Navoi region.\"\n  credit=\"Photo: Ministry of Energy\"\n/>\n\n" +
		"{/* TODO: update after the Q3 auction results */}\n\nThe grid must adapt.\n"
	doc, err := ParseMarkdownMarkup(md, pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: Solar in Uzbekistan", "paragraph: Chinese modules dominate the auctions.",
		"caption: Solar panels at a plant in the Navoi region.", "paragraph: The grid must adapt.")
}

// TestMarkdownHedgeDocNote: a HedgeDoc note opens with its only level-1 heading, which is its
// title (the front matter's title is the browser tab's); its tags line and a reviewer's
// comment in a quotation are no text.
func TestMarkdownHedgeDocNote(t *testing.T) {
	t.Parallel()
	md := "---\ntitle: Жаңатас ЖЭС — жоба\ntags: энергетика, Қытай\n---\n\n# Жел энергетикасындағы қытай инвестициясы\n\n" +
		"###### tags: `энергетика` `Қытай`\n\nЖаңатас жел электр станциясы 2021 жылы іске қосылды.\n\n" +
		"> Сандарды тексеру керек [name=Дина] [color=#e67e22]\n\n## Қаржыландыру\n\nЖобаны қытай банктері қаржыландырды.\n"
	doc, err := ParseMarkdownMarkup(md, pipeline.Kazakh)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: Жел энергетикасындағы қытай инвестициясы",
		"paragraph: Жаңатас жел электр станциясы 2021 жылы іске қосылды.", "heading: Қаржыландыру",
		"paragraph: Жобаны қытай банктері қаржыландырды.")
}

// TestMarkdownBookAndSiteBoxes: GitBook's card that links another page is no text; an <aside>
// named as a callout is the author's point set apart, read as text.
func TestMarkdownBookAndSiteBoxes(t *testing.T) {
	t.Parallel()
	md := "# Мигранты в Китае\n\nЧисло специалистов с китайским языком будет расти.\n\n" +
		"{% content-ref url=\"kitaiskie-investicii.md\" %}\n[kitaiskie-investicii.md](kitaiskie-investicii.md)\n{% endcontent-ref %}\n\n" +
		"<aside class=\"callout\">\nДля въезда нужен паспорт и специальное разрешение.\n</aside>\n\nКонец.\n"
	doc, err := ParseMarkdownMarkup(md, pipeline.Russian)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: Мигранты в Китае", "paragraph: Число специалистов с китайским языком будет расти.",
		"paragraph: Для въезда нужен паспорт и специальное разрешение.", "paragraph: Конец.")
}

// TestMarkdownChineseCaptionWithoutNumber: under a picture, a line labelled "图：" is its
// caption, also set in a grey font as Yuque exports it; elsewhere it is no page furniture.
func TestMarkdownChineseCaptionWithoutNumber(t *testing.T) {
	t.Parallel()
	md := "# 伊犁河\n\n伊犁河发源于中国新疆天山，流入哈萨克斯坦巴尔喀什湖。\n\n![image.png](https://cdn.example/x.jpeg#width=640)\n\n" +
		"<font style=\"color:#8C8C8C;\">图：伊犁河中游的一座水文监测站</font>\n\n近年来两国加强了水文数据交换。\n"
	doc, err := ParseMarkdownMarkup(md, pipeline.Chinese)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: 伊犁河", "paragraph: 伊犁河发源于中国新疆天山，流入哈萨克斯坦巴尔喀什湖。",
		"caption: 图：伊犁河中游的一座水文监测站", "paragraph: 近年来两国加强了水文数据交换。")
	if !isCaptionText("表：2024年中亚五国对华出口") || isCaptionText("图书馆的藏书在增加。") {
		t.Error("a Chinese caption label without a number")
	}
}

// TestMarkdownMDXInsideCode: MDX's comments and components in fenced code are the code's.
func TestMarkdownMDXInsideCode(t *testing.T) {
	t.Parallel()
	md := "# Writing MDX\n\nA component takes its caption as an attribute.\n\n```jsx\n{/* a note */}\n<Figure caption=\"Solar panels\" />\n```\n\nThat is all.\n"
	doc, err := ParseMarkdownMarkup(md, pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: Writing MDX", "paragraph: A component takes its caption as an attribute.",
		"paragraph: {/* a note */} <Figure caption=\"Solar panels\" />", "paragraph: That is all.")
}

// TestMarkdownNotebookChunks: a chunk of R Markdown or Quarto and a diagram's source are drawn,
// not shown, so only the caption they give their figure is read; plain fenced code stays text.
// Raw TeX and mdBook's directives say nothing.
func TestMarkdownNotebookChunks(t *testing.T) {
	t.Parallel()
	md := "# Wind on the Steppe\n\n{{#include ../common/warning.md}}\n\nAuctions cut the price of wind power.\n\n" +
		"```{r setup, include=FALSE}\nknitr::opts_chunk$set(echo = FALSE)\n```\n\n" +
		"```{r capacity, fig.cap=\"Installed capacity, MW, 2015–2024\", fig.width=8}\nwind %>% ggplot()\n```\n\n" +
		"```{python}\n#| label: fig-kits\n#| fig-cap: \"Drip kits sold, 2024\"\nimport pandas as pd\n```\n\n" +
		"```mermaid\ngraph LR\n  A --> B\n```\n\n\\newpage\n\n```\nplain code stays\n```\n\n" +
		"[← Chapter 3: Rail wagons](./03-wagons.md) | [Chapter 5: Batteries →](./05-batteries.md)\n"
	doc, err := ParseMarkdownMarkup(md, pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: Wind on the Steppe", "paragraph: Auctions cut the price of wind power.",
		"caption: Installed capacity, MW, 2015–2024", "caption: Drip kits sold, 2024", "paragraph: plain code stays")
}

// TestMarkdownWikiJS: Wiki.js's callouts are the text's points, not quotations; the heading of a
// tab set is hidden; an image with its size is an image; an editor's credit at the end and a
// photographer's credit in a caption are furniture; a picture's title that says more than its
// description is its caption.
func TestMarkdownWikiJS(t *testing.T) {
	t.Parallel()
	md := "# Visa-Free Travel\n\n> Citizens may stay up to 30 days per trip.\n{.is-info}\n\nThe agreement was the first of its kind.\n\n" +
		"![Khorgos](/uploads/khorgos.jpg =700x)\n*The passenger terminal at Nurzholy*\n\n# Rules by country {.tabset}\n\n## Kazakhstan\n\nThirty days.\n\n" +
		"![Bus bodies](/img/bus.jpg \"Bus bodies waiting for paint at a plant in Kostanay\")\n\nGold is bought too.\n\n" +
		"<figure>\n  <img src=\"/g.jpg\" alt=\"Gold\">\n  <figcaption>Refined bars in Astana. <span class=\"credit\">Photo: handout</span></figcaption>\n</figure>\n\n" +
		"Prices rose.\n\n> Written with [StackEdit](https://stackedit.io/).\n"
	doc, err := ParseMarkdownMarkup(md, pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: Visa-Free Travel", "paragraph: Citizens may stay up to 30 days per trip.",
		"paragraph: The agreement was the first of its kind.", "caption: The passenger terminal at Nurzholy",
		"heading: Kazakhstan", "paragraph: Thirty days.", "caption: Bus bodies waiting for paint at a plant in Kostanay",
		"paragraph: Gold is bought too.", "caption: Refined bars in Astana.", "paragraph: Prices rose.")
}

// TestMarkdownNotesBeforeSignature: notes numbered by hand under their label are notes even
// when the author's signature follows them.
func TestMarkdownNotesBeforeSignature(t *testing.T) {
	t.Parallel()
	md := "# 阿拉木图的地铁\n\n工程长期停工，后来主要依靠国家预算和贷款才得以完工。<sup>[1]</sup>\n\n希望下次再来，能坐上第二条线。\n\n" +
		"**注释：**\n\n\\[1\\] 据市政府公开资料，一期工程的资金来自国家预算。\n\n丝路慢行者\n"
	doc, err := ParseMarkdownMarkup(md, pipeline.Chinese)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: 阿拉木图的地铁", "paragraph: 工程长期停工，后来主要依靠国家预算和贷款才得以完工。",
		"paragraph: 希望下次再来，能坐上第二条线。", "byline: 丝路慢行者", "footnote: 据市政府公开资料，一期工程的资金来自国家预算。")
}

// TestMarkdownRoamOutline: a Roam page exported as an outline, with its properties as bullets
// in any language, reads as the article: the author's property is the byline, tasks and other
// properties are the writer's, a picture's child in italics is its caption.
func TestMarkdownRoamOutline(t *testing.T) {
	t.Parallel()
	md := "# Скот через перевал\n\n- Автор:: [[Айгуль Сагындыкова]]\n- Теги:: #животноводство #Китай\n" +
		"- {{[[TODO]]}} сверить цифры таможни\n- Каждую осень на рынки Нарына свозят тысячи голов скота.\n" +
		"- ## Почему граница почти закрыта\n    - Главная причина — ^^ящур^^.\n    - Чтобы это изменить, стране нужно:\n" +
		"        - провести вакцинацию;\n        - построить бойни.\n- ![](https://example.org/a.jpg)\n    - __Скотный рынок в Ат-Башы, 2024 год__\n" +
		"- Связано:: [[Торугарт]]\n"
	doc, err := ParseMarkdownMarkup(md, pipeline.Russian)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: Скот через перевал", "byline: Автор: Айгуль Сагындыкова",
		"paragraph: Каждую осень на рынки Нарына свозят тысячи голов скота.", "heading: Почему граница почти закрыта",
		"paragraph: Главная причина — ящур.", "paragraph: Чтобы это изменить, стране нужно:",
		"list_item: провести вакцинацию;", "list_item: построить бойни.", "caption: Скотный рынок в Ат-Башы, 2024 год")
}

// TestMarkdownCircledNotes: a Chinese text's notes marked ①, ② in the text and listed under
// "注释：" are notes; "（图为…）" under a picture is its caption; a proofreader's line is no text.
func TestMarkdownCircledNotes(t *testing.T) {
	t.Parallel()
	md := "# 中亚航线\n\n审校：赵一鸣\n\n2023年以来，中国与中亚五国之间的直航航线快速恢复。①\n\n![](a.jpg)\n\n（图为西安—撒马尔罕航线首航仪式）\n\n" +
		"航空合作仍面临一些制约。②\n\n注释：\n\n① 根据航班计划整理。\n\n② 部分航线客座率不足六成。\n"
	doc, err := ParseMarkdownMarkup(md, pipeline.Chinese)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: 中亚航线", "paragraph: 2023年以来，中国与中亚五国之间的直航航线快速恢复。",
		"caption: （图为西安—撒马尔罕航线首航仪式）", "paragraph: 航空合作仍面临一些制约。",
		"footnote: 根据航班计划整理。", "footnote: 部分航线客座率不足六成。")
}

// TestMarkdownReadmeSections: a project page's sections that say how to cite or reuse it, or
// list its parts, are the page's, with everything under them.
func TestMarkdownReadmeSections(t *testing.T) {
	t.Parallel()
	md := "# Shared Ice\n\nA briefing note on glacier monitoring along the borders of China and Kyrgyzstan.\n\n## Contents\n\n- [Method](#method)\n\n" +
		"## Method\n\nTwelve reference glaciers were chosen for their records.\n\n## Citation\n\n```\n@dataset{omurova_2025}\n```\n\n" +
		"Please cite the dataset.\n\n## License\n\nData are released under CC BY 4.0.\n"
	doc, err := ParseMarkdownMarkup(md, pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: Shared Ice", "paragraph: A briefing note on glacier monitoring along the borders of China and Kyrgyzstan.",
		"heading: Method", "paragraph: Twelve reference glaciers were chosen for their records.")
}

// TestMarkdownIconCallouts: a callout exported as a block quote that opens with its icon is a
// point of the text, without the icon; a quotation stays a quotation.
func TestMarkdownIconCallouts(t *testing.T) {
	t.Parallel()
	md := "# Жасыл көлік\n\n> 💡 Бұл жазба зерттеу жобасының аралық нәтижелеріне негізделген.\n\nЭлектромобильдер саны өсті.\n\n> «Зарядтау станциялары жетпейді», — дейді жүргізуші.\n"
	doc, err := ParseMarkdownMarkup(md, pipeline.Kazakh)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: Жасыл көлік", "paragraph: Бұл жазба зерттеу жобасының аралық нәтижелеріне негізделген.",
		"paragraph: Электромобильдер саны өсті.", "quote: «Зарядтау станциялары жетпейді», — дейді жүргізуші.")
}

// TestMarkdownReadmeBadges: a project's badges are no figure, so the line in italics under
// them is text, and a labelled byline may name the authors' places and institute.
func TestMarkdownReadmeBadges(t *testing.T) {
	t.Parallel()
	md := "<h1 align=\"center\">Shared Ice</h1>\n\n<p align=\"center\">\n  <a href=\"https://doi.org/x\"><img src=\"https://zenodo.org/badge/DOI/x.svg\" alt=\"DOI\"></a>\n" +
		"  <img src=\"https://img.shields.io/github/last-commit/x\" alt=\"last commit\">\n</p>\n\n*A briefing note on glacier monitoring along the borders.*\n\n" +
		"**Authors:** Aidana Omurova (Bishkek) and Chen Lu (Urumqi), Central Asian Water Futures Lab\n\n" +
		"The rivers that water the Fergana valley all start as ice, and the glaciers are shrinking.\n\nThey do not respect borders.\n"
	doc, err := ParseMarkdownMarkup(md, pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: Shared Ice", "paragraph: A briefing note on glacier monitoring along the borders.",
		"byline: Authors: Aidana Omurova (Bishkek) and Chen Lu (Urumqi), Central Asian Water Futures Lab",
		"paragraph: The rivers that water the Fergana valley all start as ice, and the glaciers are shrinking.",
		"paragraph: They do not respect borders.")
}

// TestMarkdownAsciidocHeader: a document converted from AsciiDoc keeps the author's line and
// the revision line under the title; the revision is no text, and the author with a post after
// a comma is the byline.
func TestMarkdownAsciidocHeader(t *testing.T) {
	t.Parallel()
	md := "# Смена колеи\n\n**Ержан Тулегенов**, ведущий аналитик по транспорту\\\nv1.2, 04.03.2025: уточнены данные по станции\n\n" +
		"На границе поезда не могут просто проехать дальше.\n\nКаждый контейнер приходится перегружать.\n\nТранзит растёт.\n"
	doc, err := ParseMarkdownMarkup(md, pipeline.Russian)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: Смена колеи", "byline: Ержан Тулегенов, ведущий аналитик по транспорту",
		"paragraph: На границе поезда не могут просто проехать дальше.", "paragraph: Каждый контейнер приходится перегружать.",
		"paragraph: Транзит растёт.")
}
