package document

import (
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

func TestParseMarkdown(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		lang   pipeline.Lang
		text   string
		title  string
		byline string
		blocks []blockWant
	}{
		{
			name: "headings, inline markup, quote, lists and By byline",
			lang: pipeline.English,
			text: "## Analysis\n\n# China and *Central Asia*: a [new](https://example.org/x) stage\n\n" +
				"The **Belt and Road Initiative** (BRI) links the `region` to&nbsp;Europe.\nIt grows.\n\n" +
				"## Party cooperation\n\n> “We must build a progressive state.”\n>\n> Second quoted paragraph.\n\n" +
				"- first item\n- second *item*\n  - nested item\n\n3. third\n4. fourth\n\n<div>raw html</div>\n\n---\n\n" +
				"![Map of the region](map.png) shows the routes.\n\n*By Aigerim Sultanova*\n",
			title:  "China and Central Asia: a new stage",
			byline: "By Aigerim Sultanova",
			blocks: []blockWant{
				{pipeline.BlockTitle, "China and Central Asia: a new stage"},
				{pipeline.BlockHeading, "Analysis"},
				{pipeline.BlockParagraph, "The Belt and Road Initiative (BRI) links the region to Europe. It grows."},
				{pipeline.BlockHeading, "Party cooperation"},
				{pipeline.BlockQuote, "“We must build a progressive state.”"},
				{pipeline.BlockQuote, "Second quoted paragraph."},
				{pipeline.BlockListItem, "first item"},
				{pipeline.BlockListItem, "second item"},
				{pipeline.BlockListItem, "nested item"},
				{pipeline.BlockListItem, "3. third"},
				{pipeline.BlockListItem, "4. fourth"},
				{pipeline.BlockParagraph, "raw html"},
				{pipeline.BlockParagraph, "Map of the region shows the routes."},
				{pipeline.BlockByline, "By Aigerim Sultanova"},
			},
		},
		{
			name:   "first heading is the title without H1, organisation byline",
			lang:   pipeline.Russian,
			text:   "## Партнёрство Китая и Центральной Азии\r\n\r\nКНР укрепила позиции.\r\n\r\n### Итоги\r\n\r\nСотрудничество растёт.\r\n\r\nЦентр китайских исследований, Астана\r\n",
			title:  "Партнёрство Китая и Центральной Азии",
			byline: "Центр китайских исследований, Астана",
			blocks: []blockWant{
				{pipeline.BlockTitle, "Партнёрство Китая и Центральной Азии"},
				{pipeline.BlockParagraph, "КНР укрепила позиции."},
				{pipeline.BlockHeading, "Итоги"},
				{pipeline.BlockParagraph, "Сотрудничество растёт."},
				{pipeline.BlockByline, "Центр китайских исследований, Астана"},
			},
		},
		{
			name:   "no heading: short first paragraph is the title",
			lang:   pipeline.Chinese,
			text:   "中国与中亚：新阶段\n\n中国在中亚的地位显著增强。政党合作是重要工具。\n\n中国研究中心，阿斯塔纳\n",
			title:  "中国与中亚：新阶段",
			byline: "中国研究中心，阿斯塔纳",
			blocks: []blockWant{
				{pipeline.BlockTitle, "中国与中亚：新阶段"},
				{pipeline.BlockParagraph, "中国在中亚的地位显著增强。政党合作是重要工具。"},
				{pipeline.BlockByline, "中国研究中心，阿斯塔纳"},
			},
		},
		{
			name:  "paragraph ending in a full stop is not a byline",
			lang:  pipeline.English,
			text:  "# Title\n\nFirst paragraph.\n\nThe end.\n",
			title: "Title",
			blocks: []blockWant{
				{pipeline.BlockTitle, "Title"},
				{pipeline.BlockParagraph, "First paragraph."},
				{pipeline.BlockParagraph, "The end."},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			doc, err := Parse(tt.text, pipeline.FormatMarkdown, tt.lang)
			if err != nil {
				t.Fatal(err)
			}
			assertDocument(t, doc, tt.title, tt.byline, tt.blocks)
		})
	}
}

// TestMarkdownChineseLineBreaks: a line break of the source between two Chinese characters is
// dropped (CSS Text's segment break transformation), not read as a space; beside a Latin word
// it stays a space.
func TestMarkdownChineseLineBreaks(t *testing.T) {
	t.Parallel()
	md := "# 中欧班列\n\n十年来，中欧班列累计开行超过8万列，\n通达欧洲25个国家。\n\n> 班列的货物种类**越来越多**\n> 运输时间缩短，\nTrade 随之上升。\n"
	doc, err := ParseMarkdownMarkup(md, pipeline.Chinese)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: 中欧班列",
		"paragraph: 十年来，中欧班列累计开行超过8万列，通达欧洲25个国家。",
		"quote: 班列的货物种类越来越多运输时间缩短， Trade 随之上升。")
}

// TestMarkdownTables: a GitHub table gives one paragraph per row, its cells separated by
// semicolons, as Word and web page tables do; a row of numbers is data, not a page's counter.
func TestMarkdownTables(t *testing.T) {
	t.Parallel()
	md := "# Trade\n\nTrade grew fast over the last two years.\n\n| Year | Trade, *$bn* | |\n|---|---:|---|\n| 2023 | 41 | |\n| 2024 | 45 | |\n\n1 234\n\nThe route crosses Kazakhstan.\n"
	doc, err := ParseMarkdownMarkup(md, pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: Trade", "paragraph: Trade grew fast over the last two years.",
		"paragraph: Year; Trade, $bn", "paragraph: 2023; 41", "paragraph: 2024; 45", "paragraph: The route crosses Kazakhstan.")
}

// TestMarkdownFigureCreditAndTitle: a picture with only a credit under it is captioned by its
// description; a picture whose description is a word is captioned by its title; Pandoc's
// bracketed spans and attribute lists after a link show their words only.
func TestMarkdownFigureCreditAndTitle(t *testing.T) {
	t.Parallel()
	md := "# Grain\n\nExports grew again last year, officials said.\n\n![Trucks queue at the Khorgos crossing.](/a.jpg)\n*Photo: Reuters*\n\n" +
		"![Trucks](/b.jpg \"A grain train leaves Altynkol.\")\n\nThe [data]{.smallcaps} are in the [report](r.pdf){target=_blank}.\n"
	doc, err := ParseMarkdownMarkup(md, pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: Grain", "paragraph: Exports grew again last year, officials said.",
		"caption: Trucks queue at the Khorgos crossing.", "caption: A grain train leaves Altynkol.", "paragraph: The data are in the report.")
}
