package document

import (
	"archive/zip"
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/tilmash/tilmash/pipeline"
)

func TestDOCXImport(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile("testdata/article.docx")
	if err != nil {
		t.Fatal(err)
	}
	if f, err := DetectFormat(raw); err != nil || f != pipeline.FormatDOCX {
		t.Fatalf("DetectFormat = %q, %v", f, err)
	}
	md, err := DOCXToMarkdown(raw)
	if err != nil {
		t.Fatal(err)
	}
	doc, _, r := renderSource(t, md, pipeline.English)
	if doc.Title != "Kazakhstan and the SCO: A Decade of Security Cooperation" {
		t.Errorf("title %q (from the Title style)", doc.Title)
	}
	if doc.Byline != "Aigerim Sadykova, China Studies Center, Astana" {
		t.Errorf("byline %q", doc.Byline)
	}
	for _, want := range []string{
		`treated the <em>Shanghai Cooperation Organisation</em> as a forum for <strong>practical</strong> security work.<sup class="footnote-ref"><a href="#fn-1">1</a></sup> The summit`,
		"<h2>Three priorities</h2>",
		"<li>Border security along the eastern frontier.</li>\n<li>Joint exercises",
		`<a href="https://example.org/sco-summit" rel="nofollow noopener">2024 summit</a> lists them`,
		"a script link is only text.</p>",
		"<li>1. First, the ministers meet.</li>\n<li>2. Second, the experts report.</li>",
		"<blockquote><p>Security is indivisible in our region.</p></blockquote>",
		"<p>2023; 14 joint exercises were held</p>",
		`<li id="fn-1" value="1">Charter of the SCO, article 1, <em>signed 2002</em>.</li>`,
	} {
		if !strings.Contains(r.HTML, want) {
			t.Errorf("rendered document lacks %s\n%s", want, r.HTML)
		}
	}
	if strings.Contains(r.HTML, "deleted words") || strings.Contains(r.HTML, "javascript") {
		t.Errorf("deleted text or an unsafe link came through:\n%s", r.HTML)
	}
}

func TestDOCXBadFiles(t *testing.T) {
	t.Parallel()
	var notWord bytes.Buffer
	zw := zip.NewWriter(&notWord)
	w, _ := zw.Create("readme.txt")
	w.Write([]byte("hello"))
	zw.Close()
	raw, _ := os.ReadFile("testdata/article.docx")
	for name, tc := range map[string]struct {
		data []byte
		id   string
	}{
		"encrypted": {append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...), "error.ingest.file_encrypted"},
		"truncated": {raw[:len(raw)/2], "error.ingest.file_corrupt"},
		"zip":       {notWord.Bytes(), "error.ingest.file_unsupported"},
		"pdf":       {[]byte("%PDF-1.7\n%âãÏÓ\n1 0 obj"), "error.ingest.file_unsupported"},
		"binary":    {[]byte("abc\x00\x01\x02def"), "error.ingest.file_unsupported"},
	} {
		_, err := DetectFormat(tc.data)
		var pe *pipeline.Error
		if err == nil || !asError(err, &pe) || pe.MessageID != tc.id || pe.Code != pipeline.CodeInvalid {
			t.Errorf("%s: DetectFormat error %v, want %s", name, err, tc.id)
		}
	}
	if _, err := DOCXToMarkdown(raw[:len(raw)/2]); pipeline.ErrorCode(err) != pipeline.CodeInvalid {
		t.Errorf("a truncated document gave %v", err)
	}
}

func TestDetectFormat(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]pipeline.Format{
		"TITLE\n\nPlain text pasted from a PDF - with a dash.\n1. A numbered line.\n": pipeline.FormatText,
		"# Title\n\nText with a [link](https://example.org).\n":                       pipeline.FormatMarkdown,
		"Title\n=====\n\nSome **bold** claim.\n":                                      pipeline.FormatMarkdown,
		"<!DOCTYPE html><html><body><p>x</p></body></html>":                           pipeline.FormatHTML,
		"<div><p>One</p><p>Two</p><p>Three</p></div>":                                 pipeline.FormatHTML,
		"\xEF\xBB\xBFPlain text with a byte-order mark.":                              pipeline.FormatText,
	} {
		if got, err := DetectFormat([]byte(text)); err != nil || got != want {
			t.Errorf("DetectFormat(%.30q) = %q, %v; want %q", text, got, err, want)
		}
	}
	utf16 := []byte{0xFF, 0xFE, 'H', 0, 'i', 0}
	if s, err := DecodeText(utf16); err != nil || s != "Hi" {
		t.Errorf("UTF-16 text = %q, %v", s, err)
	}
	if _, err := CheckFormat(pipeline.FormatDOCX, pipeline.FormatHTML); pipeline.ErrorCode(err) != pipeline.CodeInvalid {
		t.Errorf("a web page sent as docx was accepted: %v", err)
	}
	if f, err := CheckFormat(pipeline.FormatText, pipeline.FormatMarkdown); err != nil || f != pipeline.FormatText {
		t.Errorf("text declared, Markdown detected: %q %v", f, err)
	}
}

// TestDOCXCaptions reads captions from a Word document: a paragraph in a style based on the
// built-in caption style (a house style of another name), and a labelled paragraph under a
// picture; the caption travels to the rendered page as a figure caption. A publication line is
// dropped.
func TestDOCXCaptions(t *testing.T) {
	t.Parallel()
	const w = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	picture := `<w:p><w:r><w:drawing/></w:r></w:p>`
	body := styledPara("Titel", "Ports of the Caspian") + styledPara("", "12 March 2024 · 4 min read") +
		styledPara("", "The port of Aktau handled more cargo.") + picture + styledPara("FigureCaption", "Cargo at Aktau, 2015–2023.") +
		picture + styledPara("", "Рис. 2. Порт Курык.") + styledPara("", "Kuryk grew faster.")
	files := map[string]string{
		"[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"word/document.xml":   `<w:document ` + w + `><w:body>` + body + `</w:body></w:document>`,
		"word/styles.xml": `<w:styles ` + w + `><w:style w:styleId="Titel"><w:name w:val="Title"/></w:style>` +
			`<w:style w:styleId="Caption"><w:name w:val="caption"/></w:style>` +
			`<w:style w:styleId="FigureCaption"><w:name w:val="Figure Caption"/><w:basedOn w:val="Caption"/></w:style></w:styles>`,
	}
	md, err := DOCXToMarkdown(zipParts(t, files))
	if err != nil {
		t.Fatal(err)
	}
	doc, _, r := renderSource(t, md, pipeline.English)
	wantBlocks(t, doc, "title: Ports of the Caspian", "paragraph: The port of Aktau handled more cargo.",
		"caption: Cargo at Aktau, 2015–2023.", "caption: Рис. 2. Порт Курык.", "paragraph: Kuryk grew faster.")
	if !strings.Contains(r.HTML, "<figure><figcaption>Cargo at Aktau, 2015–2023.</figcaption></figure>") {
		t.Errorf("the caption is not rendered as one:\n%s", r.HTML)
	}
}

// zipParts packs the parts of an Office package.
func zipParts(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, data := range files {
		f, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write([]byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestDOCXApparatus: what Word adds around an article (a dateline, a table of contents, a text
// box written twice for older readers) stays out, and styles named in a localised Word or in
// LibreOffice give their kinds.
func TestDOCXApparatus(t *testing.T) {
	t.Parallel()
	const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
		`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`
	field := func(instr, result string) string {
		return `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>` + instr + `</w:instrText></w:r>` +
			`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>` + result + `</w:t></w:r>`
	}
	end := `<w:r><w:fldChar w:fldCharType="end"/></w:r>`
	textBox := `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>` + styledPara("", "Главное: порты растут.") +
		`</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>` + styledPara("", "Главное: порты растут.") +
		`</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>`
	body := styledPara("a3", "Порты Каспия") + styledPara("", "Ташкент, 3 марта 2025 г.") +
		styledPara("TOCHead", "Оглавление") +
		`<w:p><w:pPr><w:pStyle w:val="11"/></w:pPr>` + field(`TOC \o "1-3" \h`, "") + field(`HYPERLINK \l "_Toc1"`, "Грузы") + end +
		`<w:r><w:t>2</w:t></w:r></w:p>` + `<w:p><w:r><w:t>Потоки 3</w:t></w:r>` + end + `</w:p>` +
		`<w:p><w:r><w:t xml:space="preserve">Порт Актау принял больше грузов, чем год назад, и очередь судов на рейде стала короче. </w:t></w:r>` + textBox +
		`<w:r><w:t>Курык рос ещё быстрее.</w:t></w:r></w:p>` +
		styledPara("Quotations", "Море не ждёт.") + styledPara("1", "Грузы") +
		`<w:p><w:r><w:drawing/></w:r></w:p>` + styledPara("", "1-сурет. Ақтау портындағы жүк, 2015–2023.")
	files := map[string]string{
		"[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"word/document.xml":   `<w:document ` + ns + `><w:body>` + body + `</w:body></w:document>`,
		"word/styles.xml": `<w:styles ` + ns + `><w:style w:styleId="a3"><w:name w:val="Атауы"/></w:style>` +
			`<w:style w:styleId="1"><w:name w:val="Тақырып 1"/></w:style>` +
			`<w:style w:styleId="TOCHead"><w:name w:val="TOC Heading"/><w:basedOn w:val="1"/></w:style>` +
			`<w:style w:styleId="11"><w:name w:val="toc 1"/></w:style>` +
			`<w:style w:styleId="Quotations"><w:name w:val="Quotations"/></w:style></w:styles>`,
	}
	md, err := DOCXToMarkdown(zipParts(t, files))
	if err != nil {
		t.Fatal(err)
	}
	doc, _, _ := renderSource(t, md, pipeline.Russian)
	wantBlocks(t, doc, "title: Порты Каспия", "paragraph: Главное: порты растут.",
		"paragraph: Порт Актау принял больше грузов, чем год назад, и очередь судов на рейде стала короче. Курык рос ещё быстрее.",
		"quote: Море не ждёт.", "heading: Грузы", "caption: 1-сурет. Ақтау портындағы жүк, 2015–2023.")
}

// TestDOCXStandfirstAndAuthors: a subtitle right under the title is the standfirst, a line of
// names under it the byline, and a dateline with the month in the nominative is dropped; a
// subtitle further down stays a heading.
func TestDOCXStandfirstAndAuthors(t *testing.T) {
	t.Parallel()
	const w = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	body := styledPara("Title", "Melons on the Road to China") + styledPara("Sub", "A field note for the agriculture programme") +
		styledPara("Author", "Lucy Farrant and Jasur Rakhimov") + styledPara("", "Астана, октябрь 2024 г.") +
		styledPara("", "Uzbekistan has spent a decade trying to sell more fruit to China.") +
		styledPara("Sub", "The route") + styledPara("", "Most lorries leave the valley through Andijan.")
	files := map[string]string{
		"[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"word/document.xml":   `<w:document ` + w + `><w:body>` + body + `</w:body></w:document>`,
		"word/styles.xml": `<w:styles ` + w + `><w:style w:styleId="Title"><w:name w:val="Title"/></w:style>` +
			`<w:style w:styleId="Sub"><w:name w:val="Subtitle"/></w:style>` +
			`<w:style w:styleId="Author"><w:name w:val="Author"/></w:style></w:styles>`,
	}
	md, err := DOCXToMarkdown(zipParts(t, files))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ParseMarkdownMarkup(md, pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: Melons on the Road to China", "paragraph: A field note for the agriculture programme",
		"byline: Lucy Farrant and Jasur Rakhimov", "paragraph: Uzbekistan has spent a decade trying to sell more fruit to China.",
		"heading: The route", "paragraph: Most lorries leave the valley through Andijan.")
}

// TestDOCXCentredCaption: a centred paragraph right under a picture is its caption, labelled or
// not; a centred paragraph elsewhere is text.
func TestDOCXCentredCaption(t *testing.T) {
	t.Parallel()
	const w = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	centred := func(text string) string {
		return `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
	}
	plain := func(text string) string {
		return `<w:p><w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
	}
	picture := `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:drawing/></w:r></w:p>`
	body := `<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Ports of the Caspian</w:t></w:r></w:p>` +
		plain("The port of Aktau handled more cargo than a year before.") + picture + centred("Aktau port in the spring of 2023") +
		centred("The ferries run twice a week.") + plain("Kuryk grew faster.")
	files := map[string]string{
		"[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
		"word/document.xml":   `<w:document ` + w + `><w:body>` + body + `</w:body></w:document>`,
		"word/styles.xml":     `<w:styles ` + w + `><w:style w:styleId="Title"><w:name w:val="Title"/></w:style></w:styles>`,
	}
	md, err := DOCXToMarkdown(zipParts(t, files))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ParseMarkdownMarkup(md, pipeline.English)
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks(t, doc, "title: Ports of the Caspian", "paragraph: The port of Aktau handled more cargo than a year before.",
		"caption: Aktau port in the spring of 2023", "paragraph: The ferries run twice a week.", "paragraph: Kuryk grew faster.")
}

// styledPara writes a Word paragraph of one run, in a style when style is not "".
func styledPara(style, text string) string {
	p := "<w:p>"
	if style != "" {
		p += `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
	}
	return p + `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
}
