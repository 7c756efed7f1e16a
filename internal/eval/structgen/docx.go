package structgen

import (
	"archive/zip"
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
)

func xmlEsc(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

// docxStyles are the style sets of the generated documents: English built-in names, names
// localised by a Russian or German Word (the ids differ, the names stay the built-in ones, as
// Word writes them), and a house template whose own styles are based on the built-in ones.
var docxStyles = []map[string][2]string{ // kind → {style id, style name}
	{"title": {"Title", "Title"}, "heading": {"Heading2", "heading 2"}, "quote": {"Quote", "Quote"},
		"caption": {"Caption", "caption"}, "list": {"ListParagraph", "List Paragraph"}},
	{"title": {"a3", "Title"}, "heading": {"2", "heading 2"}, "quote": {"21", "Quote"},
		"caption": {"a5", "caption"}, "list": {"a6", "List Paragraph"}},
	{"title": {"Titel", "Title"}, "heading": {"berschrift2", "heading 2"}, "quote": {"Zitat", "Quote"},
		"caption": {"Beschriftung", "caption"}, "list": {"Listenabsatz", "List Paragraph"}},
	{"title": {"ArticleTitle", "Article Title"}, "heading": {"SectionHead", "Section Head"}, "quote": {"PullQuote", "Pull Quote"},
		"caption": {"FigureCaption", "Figure Caption"}, "list": {"Bullets", "Bullets"}},
}

// DOCX writes a as a Word document: styles for the title, headings, quotes and captions, a
// numbered list, footnotes as Word footnotes, the byline and a publication line as plain
// paragraphs.
func DOCX(r *rand.Rand, a Article, heldout bool) ([]byte, error) {
	set := docxStyles[r.IntN(len(docxStyles))]
	var body strings.Builder
	para := func(style, text string, extra string) {
		body.WriteString("<w:p><w:pPr>")
		if style != "" {
			fmt.Fprintf(&body, `<w:pStyle w:val="%s"/>`, style)
		}
		body.WriteString(extra + "</w:pPr>")
		fmt.Fprintf(&body, `<w:r><w:t xml:space="preserve">%s</w:t></w:r>`, xmlEsc(text))
		body.WriteString("</w:p>")
	}
	para(set["title"][0], a.Title, "")
	if a.BylineTop && a.Byline != "" {
		para("", a.Byline, "")
	}
	if a.Date != "" && r.IntN(2) == 0 {
		para("", dateLine(r, a), "")
	}
	fig := 0
	for _, bl := range a.Body {
		switch bl.Kind {
		case "heading":
			para(set["heading"][0], bl.Text, "")
		case "paragraph":
			body.WriteString(`<w:p><w:r><w:t xml:space="preserve">` + xmlEsc(bl.Text) + `</w:t></w:r>`)
			for _, n := range bl.refs {
				fmt.Fprintf(&body, `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="%d"/></w:r>`, n+1)
			}
			body.WriteString("</w:p>")
		case "quote":
			para(set["quote"][0], bl.Text, "")
		case "list_item":
			para(set["list"][0], bl.Text, `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>`)
		case "caption":
			fig++
			// A picture paragraph, then the caption.
			body.WriteString(`<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:docPr id="1" name="Picture"/></wp:inline></w:drawing></w:r></w:p>`)
			para(set["caption"][0], bl.Text, "")
		}
	}
	if !a.BylineTop && a.Byline != "" {
		para("", a.Byline, "")
	}
	var notes strings.Builder
	notes.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">`)
	notes.WriteString(`<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>`)
	for i, n := range a.Notes {
		fmt.Fprintf(&notes, `<w:footnote w:id="%d"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> %s</w:t></w:r></w:p></w:footnote>`, i+2, xmlEsc(n))
	}
	notes.WriteString(`</w:footnotes>`)
	var styles strings.Builder
	styles.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">`)
	styles.WriteString(`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>`)
	builtin := map[string]string{"title": "Title", "heading": "heading 2", "quote": "Quote", "caption": "caption", "list": "List Paragraph"}
	for kind, st := range set {
		if st[1] == builtin[kind] {
			fmt.Fprintf(&styles, `<w:style w:type="paragraph" w:styleId="%s"><w:name w:val="%s"/><w:basedOn w:val="Normal"/>`, st[0], st[1])
			if kind == "heading" {
				styles.WriteString(`<w:pPr><w:outlineLvl w:val="1"/></w:pPr>`)
			}
			styles.WriteString(`</w:style>`)
			continue
		}
		// A house style based on the built-in one.
		baseID := strings.ReplaceAll(strings.Title(builtin[kind]), " ", "") //nolint:staticcheck // ASCII names
		fmt.Fprintf(&styles, `<w:style w:type="paragraph" w:styleId="%s"><w:name w:val="%s"/></w:style>`, baseID, builtin[kind])
		fmt.Fprintf(&styles, `<w:style w:type="paragraph" w:customStyle="1" w:styleId="%s"><w:name w:val="%s"/><w:basedOn w:val="%s"/></w:style>`, st[0], st[1], baseID)
	}
	styles.WriteString(`<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/></w:style></w:styles>`)
	numbering := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`
	doc := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>` +
		body.String() + `<w:sectPr/></w:body></w:document>`
	files := [][2]string{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/_rels/document.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`},
		{"word/document.xml", doc},
		{"word/styles.xml", styles.String()},
		{"word/numbering.xml", numbering},
		{"word/footnotes.xml", notes.String()},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.Create(f[0])
		if err != nil {
			return nil, err
		}
		if _, err := w.Write([]byte(f[1])); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
