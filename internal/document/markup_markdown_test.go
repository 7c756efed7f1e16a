package document

import (
	"fmt"
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

// TestMarkdownMarkupMatchesParse checks that keeping inline markup changes nothing else: the
// blocks, their kinds, the title and the byline are those Parse finds, and the text without
// placeholders is the same.
func TestMarkdownMarkupMatchesParse(t *testing.T) {
	t.Parallel()
	for i, tc := range []struct {
		lang pipeline.Lang
		text string
	}{
		{pipeline.English, "## Analysis\n\n# China and *Central Asia*: a [new](https://example.org/x) stage\n\n" +
			"The **Belt and Road Initiative** (BRI) links the `region` to&nbsp;Europe.\nIt grows.\n\n" +
			"## Party cooperation\n\n> “We must build a progressive state.”\n>\n> Second quoted paragraph.\n\n" +
			"- first item\n- second *item*\n  - nested item\n\n3. third\n4. fourth\n\n<div>raw html</div>\n\n---\n\n" +
			"![Map of the region](map.png) shows the routes.\n\n*By Aigerim Sultanova*\n"},
		{pipeline.Russian, "## Партнёрство Китая и Центральной Азии\r\n\r\nКНР укрепила позиции.\r\n\r\n### Итоги\r\n\r\nСотрудничество растёт.\r\n\r\nЦентр китайских исследований, Астана\r\n"},
		{pipeline.Chinese, "中国与中亚：新阶段\n\n中国在中亚的地位显著增强。政党合作是重要工具。\n\n中国研究中心，阿斯塔纳\n"},
		{pipeline.English, "# Title\n\nFirst paragraph with <b>raw</b> tags and <https://auto.example> links.\n\nThe end.\n"},
		{pipeline.Kazakh, "# Тақырып\n\n1. Бірінші *тармақ*.\n\n    code block line\n\n> ## Quoted heading\n\nСоңғы абзац.\n"},
	} {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			t.Parallel()
			want, err := Parse(tc.text, pipeline.FormatMarkdown, tc.lang)
			if err != nil {
				t.Fatal(err)
			}
			got, err := ParseMarkdownMarkup(tc.text, tc.lang)
			if err != nil {
				t.Fatal(err)
			}
			if got.Title != want.Title || got.Byline != want.Byline || len(got.Blocks) != len(want.Blocks) {
				t.Fatalf("title %q/%q, byline %q/%q, %d/%d blocks", got.Title, want.Title, got.Byline, want.Byline,
					len(got.Blocks), len(want.Blocks))
			}
			for j := range want.Blocks {
				g, w := got.Blocks[j], want.Blocks[j]
				if g.Kind != w.Kind || pipeline.StripPlaceholdersOf(g.Text, g.Inline) != w.Text {
					t.Errorf("block %d: %s %q, want %s %q", j, g.Kind, g.Text, w.Kind, w.Text)
				}
			}
		})
	}
}
