package main

// With -gold the generator takes its text from elsewhere: the gold of every hand-written web
// page and Markdown article of the corpus (<lang>-hand-NAME.gold beside NAME.html or NAME.md)
// is written out as a Word document, the way an author would write the same article in Word,
// and that document goes through the same dressing, setting and copying as the corpus's own
// Word documents. The result is <lang>-pdfcopy2-hand-NAME.txt and .gold in the source's split.
// The gold is the source's, with the lines of kinds a Word document here cannot carry left
// out; every other line is kept as it is, so the article text is the same text.
//
// How each kind is written:
//   - title: the Title style; byline: a paragraph of its own style (the look of the body);
//   - heading: Heading 1, or Heading 2 throughout, by a choice seeded by the file's name;
//   - paragraph: the Normal style; quote: Quote; caption: Caption;
//   - list_item: List Paragraph with a bullet, or, when the text begins with its number
//     ("1. "), with Word's own numbering in its place, so the number is printed where the
//     source printed it (a run of items numbered 1, 2, 3 is one list, numbered from its first);
//   - footnote: a real Word footnote, its reference at the end of the paragraph (or quote or
//     list item) that stands before it in the gold; notes gathered after the article (after its
//     last block of text, or with no such block before them) are referenced one each from the last paragraphs, in order.

import (
	"fmt"
	"html"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// goldKinds are the kinds a document written here carries.
var goldKinds = map[string]bool{
	"title": true, "byline": true, "heading": true, "paragraph": true, "quote": true,
	"caption": true, "list_item": true, "footnote": true,
}

func deriveFromGolds(dir, split, only string, seed int64, work, keep string) error {
	golds, err := filepath.Glob(filepath.Join(dir, "*-hand-*.gold"))
	if err != nil {
		return err
	}
	sort.Strings(golds)
	for _, g := range golds {
		stem := strings.TrimSuffix(g, ".gold")
		base := filepath.Base(stem)
		lang, rest, _ := strings.Cut(base, "-")
		if !strings.HasPrefix(rest, "hand-") || !strings.Contains(base, only) || !exists(stem+".html") && !exists(stem+".md") {
			continue
		}
		out := lang + "-pdfcopy2-" + rest
		r := rand.New(rand.NewSource(seed ^ int64(hash(out))))
		src, err := os.ReadFile(g)
		if err != nil {
			return err
		}
		lines := strings.Split(strings.TrimRight(string(src), "\n"), "\n")
		var kept []string
		dropped := 0
		for _, l := range lines {
			k, _, _ := strings.Cut(l, "\t")
			if !goldKinds[k] {
				dropped++
				continue
			}
			kept = append(kept, l)
		}
		parts, order, err := writeDocx(kept, r.Intn(2) == 0)
		if err != nil {
			return fmt.Errorf("%s: %w", g, err)
		}
		info, err := setAndCopy(parts, order, []byte(strings.Join(kept, "\n")+"\n"), filepath.Join(dir, out), lang, r, work, keep)
		if err != nil {
			return fmt.Errorf("%s: %w", g, err)
		}
		fmt.Printf("%s/%s\tdropped=%d %s\n", split, out, dropped, info)
	}
	return nil
}

func exists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}

var numbered = regexp.MustCompile(`^(\d{1,3})\. (\S.*)$`)

// writeDocx writes the gold lines as the parts of a Word document; subheads sets headings in
// Heading 2.
func writeDocx(lines []string, subheads bool) (map[string][]byte, []string, error) {
	type block struct {
		kind, text string
		notes      []int
		num        int // numbering instance of a list item; 0 for none
	}
	var blocks []*block
	var notes []string
	var lastBody *block // the paragraph, quote or list item before the current line
	var pending []int   // notes gathered after the article
	numID := 2          // 1 is the bullet list
	starts := map[int]int{}
	prevNum, prevN := 0, 0 // the numbering instance of the list item before, and its number
	end := 0               // the line after the article's last block of text; notes after it were gathered
	for i, l := range lines {
		switch kind, _, _ := strings.Cut(l, "\t"); kind {
		case "paragraph", "quote", "list_item", "heading":
			end = i + 1
		}
	}
	for i, l := range lines {
		kind, text, _ := strings.Cut(l, "\t")
		if kind == "footnote" {
			notes = append(notes, text)
			id := len(notes)
			if lastBody != nil && i < end {
				lastBody.notes = append(lastBody.notes, id)
			} else {
				pending = append(pending, id)
			}
			continue
		}
		b := &block{kind: kind, text: text}
		if kind == "list_item" {
			b.num = 1
			if m := numbered.FindStringSubmatch(text); m != nil {
				n, _ := strconv.Atoi(m[1]) // digits by the pattern
				if prevNum > 1 && n == prevN+1 {
					b.num = prevNum
				} else {
					numID++
					b.num = numID
					starts[numID] = n
				}
				b.text = m[2]
				prevN = n
			}
			prevNum = b.num
		} else {
			prevNum = 0
		}
		blocks = append(blocks, b)
		switch kind {
		case "paragraph", "quote", "list_item":
			lastBody = b
		default:
			lastBody = nil
		}
	}
	if len(pending) > 0 {
		// Notes gathered after the article were referenced from its text: one from each of
		// the last paragraphs, in order, the rest from the last one.
		var paras []*block
		for _, b := range blocks {
			if b.kind == "paragraph" {
				paras = append(paras, b)
			}
		}
		if len(paras) == 0 {
			paras = append(paras, &block{kind: "paragraph"})
			blocks = append(blocks, paras[0])
		}
		first := len(paras) - len(pending)
		if first < 0 {
			first = 0
		}
		for i, id := range pending {
			k := first + i
			if k >= len(paras) {
				k = len(paras) - 1
			}
			paras[k].notes = append(paras[k].notes, id)
		}
	}

	styleOf := map[string]string{
		"title": "Title", "byline": "Byline", "heading": "Heading1", "paragraph": "",
		"quote": "Quote", "caption": "Caption", "list_item": "ListParagraph",
	}
	if subheads {
		styleOf["heading"] = "Heading2"
	}
	esc := html.EscapeString
	var doc strings.Builder
	doc.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + wNS + `><w:body>`)
	for _, b := range blocks {
		doc.WriteString("<w:p>")
		if st := styleOf[b.kind]; st != "" || b.num > 0 {
			doc.WriteString("<w:pPr>")
			if st != "" {
				doc.WriteString(`<w:pStyle w:val="` + st + `"/>`)
			}
			if b.num > 0 {
				fmt.Fprintf(&doc, `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="%d"/></w:numPr>`, b.num)
			}
			doc.WriteString("</w:pPr>")
		}
		if b.text != "" {
			doc.WriteString(`<w:r><w:t xml:space="preserve">` + esc(b.text) + `</w:t></w:r>`)
		}
		for _, id := range b.notes {
			fmt.Fprintf(&doc, `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="%d"/></w:r>`, id)
		}
		doc.WriteString("</w:p>")
	}
	doc.WriteString(`<w:sectPr/></w:body></w:document>`)

	var fn strings.Builder
	fn.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes ` + wNS + `>`)
	fn.WriteString(`<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>`)
	fn.WriteString(`<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>`)
	for i, t := range notes {
		fmt.Fprintf(&fn, `<w:footnote w:id="%d"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> %s</w:t></w:r></w:p></w:footnote>`, i+1, esc(t))
	}
	fn.WriteString(`</w:footnotes>`)

	var num strings.Builder
	num.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ` + wNS + `>`)
	num.WriteString(`<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>`)
	num.WriteString(`<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>`)
	num.WriteString(`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`)
	for id := 3; id <= numID; id++ {
		fmt.Fprintf(&num, `<w:num w:numId="%d"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="%d"/></w:lvlOverride></w:num>`, id, starts[id])
	}
	num.WriteString(`</w:numbering>`)

	// The styles name what each block is and say nothing of the look, which the dressing
	// gives.
	para := func(id, name, extra string) string {
		return `<w:style w:type="paragraph" w:styleId="` + id + `"><w:name w:val="` + name + `"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` + extra + `</w:style>`
	}
	styles := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ` + wNS + `>` +
		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
		para("Title", "Title", "") +
		para("Heading1", "heading 1", `<w:pPr><w:outlineLvl w:val="0"/></w:pPr>`) +
		para("Heading2", "heading 2", `<w:pPr><w:outlineLvl w:val="1"/></w:pPr>`) +
		para("Quote", "Quote", "") +
		para("Caption", "caption", "") +
		para("ListParagraph", "List Paragraph", "") +
		para("Byline", "Byline", "") +
		para("FootnoteText", "footnote text", "") +
		`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/></w:style>` +
		`<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>` +
		`</w:styles>`

	settings := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings ` + wNS + `><w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr></w:settings>`

	types := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/word/document.xml" ContentType="` + ctWord + `document.main+xml"/></Types>`
	rootRels := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="` + relNS + `officeDocument" Target="word/document.xml"/></Relationships>`

	// The dressing links the styles, numbering, notes and settings, as it does for a package
	// that lacks the links.
	parts := map[string][]byte{
		typesPart:            []byte(types),
		"_rels/.rels":        []byte(rootRels),
		docPart:              []byte(doc.String()),
		"word/styles.xml":    []byte(styles),
		"word/numbering.xml": []byte(num.String()),
		"word/footnotes.xml": []byte(fn.String()),
		"word/settings.xml":  []byte(settings),
	}
	order := []string{typesPart, "_rels/.rels", docPart, "word/styles.xml", "word/numbering.xml", "word/footnotes.xml", "word/settings.xml"}
	return parts, order, nil
}
