package document

import (
	"strings"
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

// TestMarkdownKeepsTheTextOfHTMLBlocks checks that a block CommonMark reads as raw HTML (a
// paragraph opened by a tag, say) keeps its text, its emphasis and its footnote in both Markdown
// readers, and that only what is not text (tags, comments, script and style code) goes.
func TestMarkdownKeepsTheTextOfHTMLBlocks(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		text string
		want []string // the body's blocks after the title, placeholders stripped (markup reader)
	}{
		{"paragraph opened by <p> with a footnote",
			"# Title\n\n<p>Trade grew by a third.[^1] It keeps *growing*.</p>\n\nAnother paragraph.\n\n[^1]: Customs data, 2024.\n",
			[]string{"Trade grew by a third. It keeps growing.", "Another paragraph.", "Customs data, 2024."}},
		{"div around lines of Markdown",
			"# Title\n\n<div class=\"lead\">\nFirst *paragraph* of the lead.\n</div>\n\nNext one.\n",
			[]string{"First paragraph of the lead.", "Next one."}},
		{"HTML block in a quote",
			"# Title\n\n> <div>Quoted text.</div>\n\nAfter.\n",
			[]string{"Quoted text.", "After."}},
		{"tag over two lines, Cyrillic text",
			"# Title\n\n<p class=\"x\"\n   id=\"y\">Сотрудничество растёт.</p>\n",
			[]string{"Сотрудничество растёт."}},
		{"comments, script and style go, their neighbours stay",
			"# Title\n\n<div><!-- note to the editor --><script>var x = \"<b>\";</script><style>p{}</style>Kept text.</div>\n",
			[]string{"Kept text."}},
		{"block-level tags separate words, a lone < is a character",
			"# Title\n\n<div>one</div><div>two &amp; a < b</div>\n\nInline<br>break and <span>span</span>ned.\n",
			[]string{"one two & a < b", "Inline break and spanned."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			doc, err := ParseMarkdownMarkup(tc.text, pipeline.English)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, b := range doc.Blocks[1:] {
				got = append(got, pipeline.StripPlaceholdersOf(b.Text, b.Inline))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("markup reader: %q, want %q", got, tc.want)
			}
			plain, err := Parse(tc.text, pipeline.FormatMarkdown, pipeline.English)
			if err != nil {
				t.Fatal(err)
			}
			all := ""
			for _, b := range plain.Blocks {
				all += b.Text + "\n"
			}
			// The plain reader knows no footnotes; it must keep the block's words all the same.
			if w := strings.Join(strings.Fields(tc.want[0])[:2], " "); !strings.Contains(all, w) {
				t.Errorf("plain reader lost %q: %q", w, all)
			}
		})
	}
	// The footnote is a note of the paragraph that references it, not a loose one.
	doc, err := ParseMarkdownMarkup("# Title\n\n<p>Trade grew.[^1]</p>\n\n[^1]: Customs data.\n", pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Blocks) != 3 || !strings.Contains(string(doc.Blocks[1].Inline), "footnote") || doc.Blocks[2].Kind != pipeline.BlockFootnote {
		t.Fatalf("footnote lost: %+v", doc.Blocks)
	}
}
