package document

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tilmash/tilmash/pipeline"
)

// maxDOCXPart is the most a single part of a Word document may unpack to: far more than any
// article's text with its markup, and small enough that a zip bomb cannot exhaust memory.
const maxDOCXPart = 64 << 20

// DOCXToMarkdown reads a Word document (Office Open XML, .docx) and writes its text as Markdown
// (see markdown_write.go), with the standard library only. Paragraph styles give headings
// ("Title", "Heading 1".."Heading 6", or an outline level) and quotes ("Quote", "Intense
// Quote"); numbered paragraphs are list items, ordered or bulleted as the numbering says. Runs in
// italics or bold become emphasis, hyperlinks to http, https and mailto addresses links, and
// footnote and endnote references footnotes with their text. Deleted tracked changes are
// dropped, inserted ones kept; a table gives one paragraph per row, its cells separated by
// semicolons. Errors are *pipeline.Error:
// "error.ingest.file_corrupt" for anything that is not a readable Word document,
// "error.ingest.file_too_large" for a part over the unpacking limit.
func DOCXToMarkdown(data []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", corrupt(fmt.Errorf("open docx: %w", err))
	}
	d := &docx{files: map[string]*zip.File{}, styles: map[string]docxStyle{}, links: map[string]string{},
		numFmt: map[string]string{}, counters: map[string]int{}, noteNums: map[string]int{}}
	for _, f := range zr.File {
		d.files[f.Name] = f
	}
	main := d.mainPart()
	if main == "" {
		return "", corrupt(errors.New("no word/document.xml"))
	}
	if err := d.readStyles(); err != nil {
		return "", err
	}
	if err := d.readNumbering(); err != nil {
		return "", err
	}
	if err := d.readRels(main); err != nil {
		return "", err
	}
	for _, kind := range []string{"footnotes", "endnotes"} {
		if err := d.readNotes(kind); err != nil {
			return "", err
		}
	}
	body, err := d.read(main)
	if err != nil {
		return "", err
	}
	if err := d.convert(body, &d.out, nil); err != nil {
		return "", err
	}
	out := d.out.String()
	if strings.TrimSpace(out) == "" {
		return "", invalid(msgTextNoBody, errNoBody)
	}
	return out, nil
}

func corrupt(cause error) error {
	return &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.ingest.file_corrupt", Err: cause}
}

type docxStyle struct {
	name    string
	basedOn string
	outline int // outline level + 1; 0 for none
}

type docx struct {
	files    map[string]*zip.File
	styles   map[string]docxStyle
	links    map[string]string // relationship ID → external address
	numFmt   map[string]string // "numId/ilvl" → bullet, decimal, ...
	counters map[string]int    // "numId/ilvl" → the last number given
	notes    map[string][]byte // "footnotes/3" → the note's XML
	noteNums map[string]int    // "footnotes/3" → its number in the article
	// afterImage: the last paragraph written held a picture and no text.
	afterImage bool
	// bodyBegun: a paragraph of running text has been written (not a byline or a dateline of a
	// few words), so a dateline can no longer come.
	bodyBegun bool
	out       mdBlockWriter
}

// mainPart finds the main document part through [Content_Types].xml's override, falling back to
// the usual name.
func (d *docx) mainPart() string {
	if data, err := d.read("[Content_Types].xml"); err == nil {
		var ct struct {
			Overrides []struct {
				PartName    string `xml:"PartName,attr"`
				ContentType string `xml:"ContentType,attr"`
			} `xml:"Override"`
		}
		if xml.Unmarshal(data, &ct) == nil {
			for _, o := range ct.Overrides {
				if strings.Contains(o.ContentType, "wordprocessingml.document.main") {
					return strings.TrimPrefix(o.PartName, "/")
				}
			}
		}
	}
	if _, ok := d.files["word/document.xml"]; ok {
		return "word/document.xml"
	}
	return ""
}

// read unpacks one part, refusing more than maxDOCXPart. A missing part is an error the callers
// treat as "none" where the part is optional.
func (d *docx) read(name string) ([]byte, error) {
	f, ok := d.files[name]
	if !ok {
		return nil, errMissingPart
	}
	rc, err := f.Open()
	if err != nil {
		return nil, corrupt(fmt.Errorf("open %s: %w", name, err))
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, maxDOCXPart+1))
	if err != nil {
		return nil, corrupt(fmt.Errorf("read %s: %w", name, err))
	}
	if len(data) > maxDOCXPart {
		return nil, &pipeline.Error{Code: pipeline.CodeTooLarge, MessageID: "error.ingest.file_too_large",
			Data: map[string]any{"Limit": maxDOCXPart}, Err: fmt.Errorf("%s unpacks to more than %d bytes", name, maxDOCXPart)}
	}
	return data, nil
}

var errMissingPart = errors.New("part missing")

func (d *docx) optional(name string) ([]byte, error) {
	data, err := d.read(name)
	if errors.Is(err, errMissingPart) {
		return nil, nil
	}
	return data, err
}

func (d *docx) readStyles() error {
	data, err := d.optional("word/styles.xml")
	if err != nil || data == nil {
		return err
	}
	var st struct {
		Styles []struct {
			ID      string  `xml:"styleId,attr"`
			Name    valAttr `xml:"name"`
			BasedOn valAttr `xml:"basedOn"`
			PPr     struct {
				Outline *valAttr `xml:"outlineLvl"`
			} `xml:"pPr"`
		} `xml:"style"`
	}
	if err := xml.Unmarshal(data, &st); err != nil {
		return corrupt(fmt.Errorf("styles: %w", err))
	}
	for _, s := range st.Styles {
		ds := docxStyle{name: strings.ToLower(s.Name.Val), basedOn: s.BasedOn.Val}
		if s.PPr.Outline != nil {
			if n, err := strconv.Atoi(s.PPr.Outline.Val); err == nil && n < 9 {
				ds.outline = n + 1
			}
		}
		d.styles[s.ID] = ds
	}
	return nil
}

type valAttr struct {
	Val string `xml:"val,attr"`
}

func (d *docx) readNumbering() error {
	data, err := d.optional("word/numbering.xml")
	if err != nil || data == nil {
		return err
	}
	var nb struct {
		Abstract []struct {
			ID     string `xml:"abstractNumId,attr"`
			Levels []struct {
				Ilvl   string  `xml:"ilvl,attr"`
				NumFmt valAttr `xml:"numFmt"`
			} `xml:"lvl"`
		} `xml:"abstractNum"`
		Nums []struct {
			ID       string  `xml:"numId,attr"`
			Abstract valAttr `xml:"abstractNumId"`
		} `xml:"num"`
	}
	if err := xml.Unmarshal(data, &nb); err != nil {
		return corrupt(fmt.Errorf("numbering: %w", err))
	}
	abstract := map[string]map[string]string{}
	for _, a := range nb.Abstract {
		lv := map[string]string{}
		for _, l := range a.Levels {
			lv[l.Ilvl] = l.NumFmt.Val
		}
		abstract[a.ID] = lv
	}
	for _, n := range nb.Nums {
		for ilvl, f := range abstract[n.Abstract.Val] {
			d.numFmt[n.ID+"/"+ilvl] = f
		}
	}
	return nil
}

func (d *docx) readRels(main string) error {
	name := path.Join(path.Dir(main), "_rels", path.Base(main)+".rels")
	data, err := d.optional(name)
	if err != nil || data == nil {
		return err
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
			Mode   string `xml:"TargetMode,attr"`
		} `xml:"Relationship"`
	}
	if err := xml.Unmarshal(data, &rels); err != nil {
		return corrupt(fmt.Errorf("relationships: %w", err))
	}
	for _, r := range rels.Rels {
		if strings.HasSuffix(r.Type, "/hyperlink") {
			d.links[r.ID] = r.Target
		}
	}
	return nil
}

// readNotes keeps the XML of every footnote or endnote by ID; separators are not notes.
func (d *docx) readNotes(kind string) error {
	data, err := d.optional("word/" + kind + ".xml")
	if err != nil || data == nil {
		return err
	}
	if d.notes == nil {
		d.notes = map[string][]byte{}
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return corrupt(fmt.Errorf("%s: %w", kind, err))
		}
		se, ok := tok.(xml.StartElement)
		if !ok || (se.Name.Local != "footnote" && se.Name.Local != "endnote") {
			continue
		}
		var note struct {
			Inner []byte `xml:",innerxml"`
		}
		if err := dec.DecodeElement(&note, &se); err != nil {
			return corrupt(fmt.Errorf("%s: %w", kind, err))
		}
		if t := attrOf(se, "type"); t != "" && t != "normal" {
			continue
		}
		d.notes[kind+"/"+attrOf(se, "id")] = wrapXML(note.Inner)
	}
}

// wrapXML makes inner XML of a note a document of its own, declaring the prefixes Word uses so
// that the decoder accepts it.
func wrapXML(inner []byte) []byte {
	var b bytes.Buffer
	b.WriteString(`<root xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
		`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`)
	b.Write(inner)
	b.WriteString(`</root>`)
	return b.Bytes()
}

func attrOf(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// docxPara is the paragraph being read.
type docxPara struct {
	style  string
	numID  string
	ilvl   string
	outlvl int
	image  bool // holds a picture, a chart or an embedded object
	// centred: the paragraph is centred (a caption under a picture often is, with no label).
	centred bool
	// contents: the paragraph is part of a table of contents (a TOC field's result), which
	// lists the headings with page numbers and is no article text.
	contents bool
	in       mdInline
	// Letters written in bold and not: a short paragraph all in bold is a heading typed by hand.
	boldRunes, plainRunes int
}

// convert reads body XML (the document, or one note) and writes its paragraphs. With note set,
// all paragraphs go into that one note's text.
func (d *docx) convert(data []byte, w *mdBlockWriter, note *mdInline) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	var p *docxPara
	var row *mdInline // a table row: its cells' paragraphs make one paragraph
	cells := 0
	var runI, runB bool // the current run's italics and bold
	var inRunProps, inParaProps, deleted int
	var linkDepth []bool // per open hyperlink: whether it was written as a link
	// fields are the complex fields open, innermost last: a table of contents is a TOC field
	// whose result holds a HYPERLINK and a PAGEREF field per entry.
	type openField struct {
		instr         strings.Builder
		inInstr, link bool
		contents      bool
	}
	var fields []*openField
	inInstr := func() bool { return len(fields) > 0 && fields[len(fields)-1].inInstr }
	inContents := func() bool {
		for _, f := range fields {
			if f.contents {
				return true
			}
		}
		return false
	}
	// outer holds the paragraphs a text box interrupts: its paragraphs sit inside the paragraph
	// it is anchored in, and each is written as a block of its own.
	type interrupted struct {
		p       *docxPara
		openFmt []string
	}
	var outer []interrupted
	cur := func() *mdInline {
		switch {
		case note != nil:
			return note
		case row != nil:
			return row
		case p == nil:
			return nil
		}
		return &p.in
	}
	// openFmt is the emphasis open in the output, innermost last; syncFmt makes it follow each
	// run's formatting, so that neighbouring runs in italics make one emphasis.
	var openFmt []string
	syncFmt := func(wantI, wantB bool) {
		in := cur()
		if in == nil {
			return
		}
		want := map[string]bool{"i": wantI, "b": wantB}
		// Close from the innermost anything no longer wanted (and what is inside it).
		for k := 0; k < len(openFmt); k++ {
			if !want[openFmt[k]] {
				for j := len(openFmt) - 1; j >= k; j-- {
					in.close()
				}
				openFmt = openFmt[:k]
				break
			}
		}
		for _, f := range []string{"b", "i"} {
			if !want[f] {
				continue
			}
			already := false
			for _, o := range openFmt {
				already = already || o == f
			}
			if !already {
				kind := pipeline.InlineEmphasis
				if f == "b" {
					kind = pipeline.InlineStrong
				}
				in.open(kind, "")
				openFmt = append(openFmt, f)
			}
		}
	}
	closeFmt := func() {
		in := cur()
		for range openFmt {
			if in != nil {
				in.close()
			}
		}
		openFmt = nil
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return corrupt(fmt.Errorf("document: %w", err))
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "del", "moveFrom":
				deleted++
			case "Fallback":
				// Markup compatibility: a text box or shape is written twice, as the newer markup
				// (mc:Choice) and as VML for older readers (mc:Fallback). The first is read.
				if err := dec.Skip(); err != nil {
					return corrupt(fmt.Errorf("document: %w", err))
				}
			case "p":
				if note != nil {
					note.text(" ")
				} else if p != nil {
					outer = append(outer, interrupted{p, openFmt})
				}
				p = &docxPara{contents: inContents()}
				openFmt = nil
			case "pPr":
				inParaProps++
			case "tr":
				if note == nil {
					row, cells = &mdInline{}, 0
				}
			case "tc":
				if row != nil {
					if cells > 0 {
						row.pending = false
						row.text("; ")
					}
					cells++
				}
			case "rPr":
				if inParaProps == 0 {
					inRunProps++
				}
			case "drawing", "pict", "object":
				if p != nil {
					p.image = true
				}
			case "pStyle":
				if p != nil && inParaProps > 0 {
					p.style = attrOf(t, "val")
				}
			case "numId":
				if p != nil && inParaProps > 0 {
					p.numID = attrOf(t, "val")
				}
			case "ilvl":
				if p != nil && inParaProps > 0 {
					p.ilvl = attrOf(t, "val")
				}
			case "jc":
				if p != nil && inParaProps > 0 {
					p.centred = attrOf(t, "val") == "center"
				}
			case "outlineLvl":
				if p != nil && inParaProps > 0 {
					if n, err := strconv.Atoi(attrOf(t, "val")); err == nil && n < 9 {
						p.outlvl = n + 1
					}
				}
			case "r":
				runI, runB = false, false
			case "i", "iCs":
				if inRunProps > 0 && t.Name.Local == "i" {
					runI = onOff(t)
				}
			case "b":
				if inRunProps > 0 {
					runB = onOff(t)
				}
			case "t":
				if deleted > 0 || inInstr() {
					continue
				}
				var s string
				if err := dec.DecodeElement(&s, &t); err != nil {
					return corrupt(fmt.Errorf("document text: %w", err))
				}
				if p != nil && note == nil && row == nil {
					if n := utf8.RuneCountInString(strings.TrimSpace(s)); runB {
						p.boldRunes += n
					} else {
						p.plainRunes += n
					}
				}
				if in := cur(); in != nil {
					syncFmt(runI, runB)
					in.text(s)
				}
			case "tab", "br", "cr":
				if in := cur(); in != nil && inRunProps == 0 && inParaProps == 0 {
					in.text(" ")
				}
			case "noBreakHyphen":
				if in := cur(); in != nil {
					in.text("-")
				}
			case "hyperlink":
				closeFmt()
				href := ""
				if id := attrOfNS(t, "id"); id != "" {
					href = d.links[id]
				}
				safe, ok := pipeline.SafeHref(href)
				if in := cur(); in != nil && ok {
					in.open(pipeline.InlineLink, safe)
					linkDepth = append(linkDepth, true)
				} else {
					linkDepth = append(linkDepth, false)
				}
			case "fldSimple":
				closeFmt()
				if href, ok := hyperlinkField(attrOf(t, "instr")); ok && cur() != nil {
					cur().open(pipeline.InlineLink, href)
					linkDepth = append(linkDepth, true)
				} else {
					linkDepth = append(linkDepth, false)
				}
			case "fldChar":
				switch attrOf(t, "fldCharType") {
				case "begin":
					if len(fields) < maxFieldDepth {
						fields = append(fields, &openField{inInstr: true})
					}
				case "separate":
					if len(fields) == 0 {
						break
					}
					f := fields[len(fields)-1]
					f.inInstr = false
					if f.contents = isContentsField(f.instr.String()); f.contents && p != nil {
						p.contents = true
					}
					if href, ok := hyperlinkField(f.instr.String()); ok && cur() != nil {
						closeFmt()
						cur().open(pipeline.InlineLink, href)
						f.link = true
					}
				case "end":
					if len(fields) == 0 {
						break
					}
					f := fields[len(fields)-1]
					fields = fields[:len(fields)-1]
					if f.link && cur() != nil {
						closeFmt()
						cur().close()
					}
				}
			case "instrText":
				var s string
				if err := dec.DecodeElement(&s, &t); err != nil {
					return corrupt(fmt.Errorf("field: %w", err))
				}
				if len(fields) > 0 && fields[len(fields)-1].instr.Len() < maxFieldInstr {
					fields[len(fields)-1].instr.WriteString(s)
				}
			case "footnoteReference", "endnoteReference":
				kind := "footnotes"
				if t.Name.Local == "endnoteReference" {
					kind = "endnotes"
				}
				if err := d.reference(kind+"/"+attrOf(t, "id"), cur()); err != nil {
					return err
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "del", "moveFrom":
				deleted--
			case "pPr":
				inParaProps--
			case "rPr":
				if inParaProps == 0 && inRunProps > 0 {
					inRunProps--
				}
			case "hyperlink", "fldSimple":
				closeFmt()
				if n := len(linkDepth); n > 0 {
					if linkDepth[n-1] && cur() != nil {
						cur().close()
					}
					linkDepth = linkDepth[:n-1]
				}
			case "p":
				closeFmt()
				if row != nil {
					row.text(" ")
				} else if p != nil && note == nil {
					d.writePara(w, p)
				}
				p = nil
				if n := len(outer); n > 0 {
					p, openFmt = outer[n-1].p, outer[n-1].openFmt
					outer = outer[:n-1]
				}
			case "tr":
				if row != nil {
					w.add(pipeline.BlockParagraph, 0, "", row)
					row = nil
				}
			}
		}
	}
	return nil
}

// reference writes a reference to a note, numbering notes in the order they are first
// referenced, and converts the note's text the first time.
func (d *docx) reference(key string, in *mdInline) error {
	body, ok := d.notes[key]
	if !ok || in == nil {
		return nil
	}
	num, seen := d.noteNums[key]
	if !seen {
		num = len(d.noteNums) + 1
		d.noteNums[key] = num
		note := &mdInline{}
		if err := d.convert(body, nil, note); err != nil {
			return err
		}
		d.out.note(num, note)
	}
	in.footnote(num)
	return nil
}

// writePara adds a finished paragraph as the block its style and numbering make it.
//
// A caption is a paragraph in a caption style, or a paragraph right under a picture that opens
// like one ("Figure 2. …", "Рис. 1. …") or is centred under it. A paragraph that only dates the article and gives its
// reading time is dropped, as on a web page.
func (d *docx) writePara(w *mdBlockWriter, p *docxPara) {
	if p.contents || d.contentsStyle(p.style) {
		return
	}
	kind, level := d.paraKind(p)
	if kind == pipeline.BlockHeading && len(w.blocks) == 1 && strings.HasPrefix(w.blocks[0], "# ") && d.subtitleStyled(p.style) {
		// A subtitle right under the title is the article's standfirst, not a section's head.
		kind, level = pipeline.BlockParagraph, 0
	}
	text := p.in.String()
	afterImage := d.afterImage
	d.afterImage = p.image && text == ""
	if kind == pipeline.BlockParagraph {
		switch {
		case afterImage && (isCaptionText(strings.TrimLeft(text, "*_")) || p.centred && columns(text) <= maxHeadColumns && text != ""):
			kind = pipeline.BlockCaption
		case isPublicationLine(strings.ReplaceAll(text, "\\", "")):
			return
		case !d.bodyBegun && isDateline(strings.Trim(strings.ReplaceAll(text, "\\", ""), "*_")):
			return // "Ташкент, 3 марта 2025 г." above the text: where and when, not what
		}
	}
	if kind == pipeline.BlockParagraph && (len(strings.Fields(text)) >= minBodyWords || utf8.RuneCountInString(text) >= 3*minBodyWords) {
		d.bodyBegun = true
	}
	marker := ""
	if kind == pipeline.BlockListItem {
		key := p.numID + "/" + p.ilvl
		if f := d.numFmt[key]; f != "" && f != "bullet" && f != "none" {
			d.counters[key]++
			marker = strconv.Itoa(d.counters[key]) + "."
		}
	}
	w.add(kind, level, marker, &p.in)
}

// minBodyWords: a paragraph of at least this many words (or three times as many characters, for
// Chinese) is running text.
const minBodyWords = 15

// maxFieldDepth and maxFieldInstr bound what a document's fields can make the reader hold:
// Word nests a few fields (a TOC holds HYPERLINK and PAGEREF fields), and an instruction is a
// short line.
const (
	maxFieldDepth = 16
	maxFieldInstr = 1 << 10
)

// isContentsField reports a field instruction that builds a table of contents or an index.
func isContentsField(instr string) bool {
	f := strings.Fields(instr)
	return len(f) > 0 && (strings.EqualFold(f[0], "TOC") || strings.EqualFold(f[0], "INDEX"))
}

// contentsStyle reports a paragraph style (or one it is based on) of a table of contents or an
// index: its entries and its heading ("Contents", "Оглавление") belong to the document's
// apparatus, not to the article.
func (d *docx) contentsStyle(id string) bool {
	for range 10 {
		st, ok := d.styles[id]
		if !ok {
			return false
		}
		if contentsStyle.MatchString(strings.Join(strings.Fields(st.name), " ")) {
			return true
		}
		id = st.basedOn
	}
	return false
}

// paraKind tells a paragraph's kind from its style (following basedOn) and numbering.
func (d *docx) paraKind(p *docxPara) (pipeline.BlockKind, int) {
	id := p.style
	outline := p.outlvl
	for range 10 {
		st, ok := d.styles[id]
		if !ok {
			break
		}
		if kind, level, ok := styleKind(st.name); ok {
			return kind, level
		}
		if outline == 0 {
			outline = st.outline
		}
		id = st.basedOn
	}
	if p.numID != "" && p.numID != "0" {
		return pipeline.BlockListItem, 0
	}
	if outline > 0 {
		return pipeline.BlockHeading, outline
	}
	if p.boldRunes > 0 && p.plainRunes == 0 && p.boldRunes <= maxHandHeadingRunes {
		if text := strings.TrimSpace(p.in.String()); isHeadingText(strings.Trim(text, "*_")) {
			return pipeline.BlockHeading, 2
		}
	}
	return pipeline.BlockParagraph, 0
}

// subtitleStyled reports a paragraph style that is, or is based on, a subtitle style ("Subtitle",
// "Подзаголовок", "副标题", a house style named so).
func (d *docx) subtitleStyled(id string) bool {
	for range 10 {
		st, ok := d.styles[id]
		if !ok {
			return false
		}
		name := strings.Join(strings.Fields(st.name), " ")
		if _, _, ok := styleKind(name); ok {
			m := styleWords.FindStringSubmatch(name)
			return subtitleStyle[name] || m != nil && (m[2] == "subtitle" || m[2] == "подзаголовок" || m[2] == "副标题")
		}
		id = st.basedOn
	}
	return false
}

// maxHandHeadingRunes: a paragraph all in bold is taken for a heading up to this length.
const maxHandHeadingRunes = 80

// Names of Word's built-in paragraph styles, as Word writes them and as localised office
// suites (LibreOffice, WPS, older Word) write them in a document's styles, in lower case.
var (
	headingStyle  = regexp.MustCompile(`^(heading|заголовок|тақырып|标题|標題|überschrift|titre|título|titolo)\s*(\d)$`)
	titleStyles   = map[string]bool{"title": true, "название": true, "заголовок": true, "заглавие": true, "тақырып": true, "атауы": true, "标题": true, "標題": true, "titel": true, "titre": true}
	subtitleStyle = map[string]bool{"subtitle": true, "подзаголовок": true, "тақырыпша": true, "副标题": true, "untertitel": true}
	quoteStyles   = map[string]bool{"quote": true, "intense quote": true, "block text": true, "цитата": true, "цитата 2": true,
		"выделенная цитата": true, "дәйексөз": true, "quotations": true, "цитаты": true, "引用": true, "明显引用": true, "zitat": true, "citation": true}
	captionStyles = map[string]bool{"caption": true, "table caption": true, "figure caption": true, "название объекта": true,
		"подпись": true, "подпись к рисунку": true, "нысан атауы": true, "подпись к таблице": true, "题注": true, "beschriftung": true, "légende": true}
	// contentsStyle names the styles of a table of contents, its heading and an index, as Word
	// (toc 1, TOC Heading), LibreOffice (Contents 1, Contents Heading) and localised suites
	// write them.
	contentsStyle = regexp.MustCompile(`^(toc|contents|index|оглавление|содержание|мазмұн|мазмұны|目录|目錄|索引)\s*(\d|heading|заголовок|тақырыбы|标题)?$|^(заголовок оглавления|мазмұн тақырыбы)$`)
	listStyles    = []string{"list", "абзац списка", "список", "тізім", "列表", "listenabsatz", "paragraphe de liste"}
	// styleWords name a kind inside a house style's own name ("Title Article", "Section Head",
	// "Подпись к рисунку 2").
	styleWords = regexp.MustCompile(`(^|\s)(subtitle|title|heading|head|caption|quote|подзаголовок|заголовок|подпись|цитата|副标题|标题|题注|引用)(\s|$|\d)`)
)

// styleKind tells the block kind a paragraph style's name gives, if any.
func styleKind(name string) (pipeline.BlockKind, int, bool) {
	name = strings.Join(strings.Fields(name), " ")
	if m := headingStyle.FindStringSubmatch(strings.ReplaceAll(name, " ", "")); m != nil {
		n, _ := strconv.Atoi(m[2])
		return pipeline.BlockHeading, n, true
	}
	if m := headingStyle.FindStringSubmatch(name); m != nil {
		n, _ := strconv.Atoi(m[2])
		return pipeline.BlockHeading, n, true
	}
	switch {
	case titleStyles[name]:
		return pipeline.BlockTitle, 1, true
	case subtitleStyle[name]:
		return pipeline.BlockHeading, 2, true
	case quoteStyles[name]:
		return pipeline.BlockQuote, 0, true
	case captionStyles[name]:
		return pipeline.BlockCaption, 0, true
	}
	for _, l := range listStyles {
		if strings.HasPrefix(name, l) {
			return pipeline.BlockListItem, 0, true
		}
	}
	switch m := styleWords.FindStringSubmatch(name); {
	case m == nil:
	case m[2] == "subtitle" || m[2] == "подзаголовок" || m[2] == "副标题":
		return pipeline.BlockHeading, 2, true
	case m[2] == "title" || m[2] == "标题" && !strings.ContainsAny(name, "0123456789"):
		return pipeline.BlockTitle, 1, true
	case m[2] == "caption" || m[2] == "подпись" || m[2] == "题注":
		return pipeline.BlockCaption, 0, true
	case m[2] == "quote" || m[2] == "цитата" || m[2] == "引用":
		return pipeline.BlockQuote, 0, true
	default:
		return pipeline.BlockHeading, 2, true
	}
	return "", 0, false
}

// onOff reads a toggle property: present means on unless its value says otherwise.
func onOff(se xml.StartElement) bool {
	switch strings.ToLower(attrOf(se, "val")) {
	case "0", "false", "off", "none":
		return false
	}
	return true
}

// attrOfNS reads an attribute in the relationships namespace (r:id), falling back to any
// attribute of that local name.
func attrOfNS(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local && strings.Contains(a.Name.Space, "relationships") {
			return a.Value
		}
	}
	return ""
}

var hyperlinkInstr = regexp.MustCompile(`^\s*HYPERLINK\s+"([^"]+)"`)

// hyperlinkField reads the address of a HYPERLINK field instruction.
func hyperlinkField(instr string) (string, bool) {
	m := hyperlinkInstr.FindStringSubmatch(instr)
	if m == nil {
		return "", false
	}
	return pipeline.SafeHref(m[1])
}
