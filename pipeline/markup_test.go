package pipeline

import (
	"strings"
	"testing"

	"github.com/microcosm-cc/bluemonday"
)

func TestSafeHref(t *testing.T) {
	t.Parallel()
	for href, ok := range map[string]bool{
		"https://example.org/a?b=c#d":     true,
		"HTTP://Example.org":              true,
		"mailto:desk@example.org":         true,
		"javascript:alert(1)":             false,
		"JaVaScRiPt:alert(1)":             false,
		" javascript:alert(1)":            false,
		"data:text/html;base64,PHNjcmlw":  false,
		"/relative/path":                  false,
		"//example.org/x":                 false,
		"https://user:pw@example.org/":    false,
		"https:///nohost":                 false,
		"vbscript:msgbox":                 false,
		"https://example.org/\"><script>": true, // kept, but re-encoded: no quote survives
	} {
		got, valid := SafeHref(href)
		if valid != ok {
			t.Errorf("SafeHref(%q) = %q, %v; want ok=%v", href, got, valid, ok)
		}
		if valid && strings.ContainsAny(got, "\"<> ") {
			t.Errorf("SafeHref(%q) = %q keeps characters that could break out of an attribute", href, got)
		}
	}
}

// TestRenderRestoresMarkup checks what readers rely on: links, emphasis and footnote references
// come back as real elements in every edition, from the placeholders a translation carries,
// while nothing else can reach the page.
func TestRenderRestoresMarkup(t *testing.T) {
	t.Parallel()
	link := NewInlineMarkup([]Inline{{ID: 1, Kind: InlineLink, Href: "https://example.org/report"},
		{ID: 2, Kind: InlineEmphasis}, {ID: 3, Kind: InlineFootnote, Note: 1}})
	segs := []Segment{
		{ID: 1, BlockIndex: 0, Kind: BlockTitle, Text: "Title"},
		{ID: 2, BlockIndex: 1, Kind: BlockParagraph, Inline: link},
		{ID: 3, BlockIndex: 2, Kind: BlockFootnote, Inline: NewInlineMarkup([]Inline{{ID: 1, Kind: InlineStrong}})},
	}
	texts := map[int64]string{
		1: "Заголовок",
		// A translation that moved the emphasis before the link and the note inside it.
		2: "См. <g2>важный</g2> <g1>доклад<x3/></g1> & <script>alert(1)</script> <g9>чужой</g9>.",
		3: "Источник: <g1>ООН</g1>",
	}
	r := Render(segs, texts, Russian)
	want := `<p>См. <em>важный</em> <a href="https://example.org/report" rel="nofollow noopener">доклад<sup>1</sup></a> ` +
		`&amp; &lt;script&gt;alert(1)&lt;/script&gt; чужой.</p>` + "\n" +
		`<ol class="footnotes">` + "\n" + `<li id="fn-1" value="1">Источник: <strong>ООН</strong></li>` + "\n</ol>\n"
	if r.HTML != want {
		t.Errorf("HTML =\n%s\nwant\n%s", r.HTML, want)
	}
	if r.Title != "Заголовок" {
		t.Errorf("title %q", r.Title)
	}
	policy := bluemonday.UGCPolicy()
	policy.AllowAttrs("class").OnElements("sup", "ol")
	policy.AllowAttrs("id", "value").OnElements("li")
	if clean := policy.Sanitize(r.HTML); !strings.Contains(clean, `href="https://example.org/report"`) ||
		strings.Count(clean, "<") != strings.Count(r.HTML, "<") {
		t.Errorf("a sanitiser changes the rendered markup:\n%s\n%s", r.HTML, clean)
	}
}

func TestRenderBalancesAndRefusesUnsafeMarkup(t *testing.T) {
	t.Parallel()
	unsafe := NewInlineMarkup([]Inline{{ID: 1, Kind: InlineLink, Href: "javascript:alert(1)"},
		{ID: 2, Kind: InlineEmphasis}, {ID: 3, Kind: InlineStrong}, {ID: 4, Kind: InlineLink, Href: "https://a.example/\"onmouseover=x"}})
	segs := []Segment{{ID: 1, BlockIndex: 0, Kind: BlockParagraph, Inline: unsafe}}
	for text, want := range map[string]string{
		"<g1>click</g1> here.":                       "<p>click here.</p>\n",
		"<g2>a <g3>b</g2> c</g3> d":                  "<p><em>a <strong>b</strong></em><strong> c</strong> d</p>\n",
		"<g2>never closed":                           "<p><em>never closed</em></p>\n",
		"</g2>closed first <g2>then open</g2>":       "<p>closed first <em>then open</em></p>\n",
		"<g4>x</g4>":                                 `<p><a href="https://a.example/%22onmouseover=x" rel="nofollow noopener">x</a></p>` + "\n",
		"<g4>a <g4>nested</g4> b</g4>":               `<p><a href="https://a.example/%22onmouseover=x" rel="nofollow noopener">a nested</a> b</p>` + "\n",
		"<x2/> and <g1 onclick=x>t</g1> <b>bold</b>": "<p> and &lt;g1 onclick=x&gt;t &lt;b&gt;bold&lt;/b&gt;</p>\n",
	} {
		got := Render(segs, map[int64]string{1: text}, English).HTML
		if got != want {
			t.Errorf("Render(%q) =\n%q\nwant\n%q", text, got, want)
		}
	}
}

func TestTokensAndStrip(t *testing.T) {
	t.Parallel()
	text := "a <g1>b</g1><x2/> <g> <g0>c</g0> <x1> 1 < 2"
	if got := StripPlaceholders(text); got != "a b <g> <g0>c</g0> <x1> 1 < 2" {
		t.Errorf("StripPlaceholders = %q", got)
	}
	var kinds []TokenKind
	for _, tok := range Tokens(text) {
		kinds = append(kinds, tok.Kind)
	}
	if len(kinds) != 6 || kinds[1] != TokenOpen || kinds[3] != TokenClose || kinds[4] != TokenEmpty {
		t.Errorf("Tokens kinds = %v", kinds)
	}
	if NewInlineMarkup(nil) != "" || InlineMarkup("not json").List() != nil {
		t.Error("empty or malformed markup is not empty")
	}
}
