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
		"```\n[[kept]] %% kept %%\n```\n"
	doc, err := ParseMarkdownMarkup(md, pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: Routes East", "paragraph: The figures are preliminary.",
		"paragraph: The corridor grew. See Khorgos and .", "quote: Sources Customs data for 2024.",
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
