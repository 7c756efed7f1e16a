package pipeline

import (
	"strings"
	"testing"
)

func TestRender(t *testing.T) {
	t.Parallel()
	segs := []Segment{
		{ID: 1, BlockIndex: 0, Kind: BlockTitle},
		{ID: 2, BlockIndex: 1, Kind: BlockParagraph},
		{ID: 3, BlockIndex: 1, Kind: BlockParagraph},
		{ID: 4, BlockIndex: 2, Kind: BlockHeading},
		{ID: 5, BlockIndex: 3, Kind: BlockListItem},
		{ID: 6, BlockIndex: 4, Kind: BlockListItem},
		{ID: 7, BlockIndex: 5, Kind: BlockQuote},
		{ID: 8, BlockIndex: 6, Kind: BlockByline},
		{ID: 9, BlockIndex: 7, Kind: BlockCaption},
		{ID: 10, BlockIndex: 7, Kind: BlockCaption},
	}
	texts := map[int64]string{1: "Title & <b>", 2: "One.", 3: "Two <script>alert(1)</script>.", 4: "Part",
		5: "a", 6: "b", 7: "Quoted.", 8: "China Studies Center, Astana", 9: "Figure 1.", 10: "Trade <i>2023</i>."}
	r := Render(segs, texts, English)
	if r.Title != "Title & <b>" || r.Byline != "China Studies Center, Astana" {
		t.Errorf("title %q byline %q", r.Title, r.Byline)
	}
	want := "<p>One. Two &lt;script&gt;alert(1)&lt;/script&gt;.</p>\n<h2>Part</h2>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n" +
		"<blockquote><p>Quoted.</p></blockquote>\n<figure><figcaption>Figure 1. Trade &lt;i&gt;2023&lt;/i&gt;.</figcaption></figure>\n"
	if r.HTML != want {
		t.Errorf("HTML =\n%s\nwant\n%s", r.HTML, want)
	}
	zh := Render(segs[:3], map[int64]string{1: "标题", 2: "第一句。", 3: "第二句。"}, Chinese)
	if !strings.Contains(zh.HTML, "<p>第一句。第二句。</p>") {
		t.Errorf("Chinese sentences are not joined without spaces: %s", zh.HTML)
	}
	empty := Render(segs[:3], map[int64]string{1: "T"}, Russian)
	if strings.Contains(empty.HTML, "<p>") {
		t.Errorf("an empty block was rendered: %q", empty.HTML)
	}
}
