package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"
)

const (
	wNS       = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	relNS     = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	ctWord    = "application/vnd.openxmlformats-officedocument.wordprocessingml."
	docPart   = "word/document.xml"
	relsPart  = "word/_rels/document.xml.rels"
	typesPart = "[Content_Types].xml"
)

// linked are the parts Word links from the document, by relationship type and content type.
var linked = []struct{ part, rel, ct string }{
	{"word/styles.xml", "styles", "styles+xml"},
	{"word/numbering.xml", "numbering", "numbering+xml"},
	{"word/footnotes.xml", "footnotes", "footnotes+xml"},
	{"word/endnotes.xml", "endnotes", "endnotes+xml"},
	{"word/settings.xml", "settings", "settings+xml"},
}

// dress returns the document with the look l; try counts the earlier settings that left it on
// one page, after which the page geometry is set whatever the document says.
func dress(orig map[string][]byte, order []string, l look, try int) ([]byte, error) {
	parts := map[string][]byte{}
	for k, v := range orig {
		parts[k] = v
	}
	doc, ok := parts[docPart]
	if !ok {
		return nil, fmt.Errorf("no %s", docPart)
	}
	rels := string(parts[relsPart])
	if rels == "" {
		rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`
	}
	types := string(parts[typesPart])
	var added []string
	addRel := func(id, typ, target string) {
		rels = strings.Replace(rels, "</Relationships>", fmt.Sprintf(`<Relationship Id="%s" Type="%s%s" Target="%s"/></Relationships>`, id, relNS, typ, target), 1)
	}
	addType := func(part, ct string) {
		if !strings.Contains(types, `PartName="/`+part+`"`) {
			types = strings.Replace(types, "</Types>", fmt.Sprintf(`<Override PartName="/%s" ContentType="%s%s"/></Types>`, part, ctWord, ct), 1)
		}
	}
	for i, p := range linked {
		if _, ok := parts[p.part]; !ok {
			continue
		}
		target := strings.TrimPrefix(p.part, "word/")
		if !strings.Contains(rels, `Target="`+target+`"`) && !strings.Contains(rels, `Target="/`+p.part+`"`) {
			addRel(fmt.Sprintf("rIdPdfPart%d", i), p.rel, target)
		}
		addType(p.part, p.ct)
	}

	// A document with a look of its own has its type enlarged by scaling its sizes.
	if l.scale > 1 {
		for _, p := range []string{"word/styles.xml", docPart, "word/footnotes.xml", "word/endnotes.xml"} {
			if b, ok := parts[p]; ok {
				parts[p] = []byte(scaleSizes(string(b), l.scale))
			}
		}
	}
	if s, ok := parts["word/styles.xml"]; ok {
		parts["word/styles.xml"] = []byte(dressStyles(string(s), l))
	}
	if n, ok := parts["word/numbering.xml"]; ok {
		parts["word/numbering.xml"] = []byte(dressNumbering(string(n)))
	}

	// Header and footer parts, linked from every section that has none of its own.
	hdr := func(body string) []byte {
		return []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr ` + wNS + `>` + body + `</w:hdr>`)
	}
	ftr := func(body string) []byte {
		return []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr ` + wNS + `>` + body + `</w:ftr>`)
	}
	small := fmt.Sprintf(`<w:rPr><w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr>`, l.size-4, l.size-4)
	headerP := fmt.Sprintf(`<w:p><w:pPr><w:jc w:val="%s"/></w:pPr><w:r>%s<w:t xml:space="preserve">%s</w:t></w:r></w:p>`, l.headerJc, small, html.EscapeString(l.header))
	footerP := fmt.Sprintf(`<w:p><w:pPr><w:jc w:val="%s"/></w:pPr>%s</w:p>`, l.footerJc, footerRuns(l.footer, small))
	parts["word/header91.xml"] = hdr(headerP)
	parts["word/footer91.xml"] = ftr(footerP)
	parts["word/header92.xml"] = hdr(`<w:p/>`)
	parts["word/footer92.xml"] = ftr(footerP)
	for i, p := range []string{"word/header91.xml", "word/footer91.xml", "word/header92.xml", "word/footer92.xml"} {
		kind := "header"
		if strings.Contains(p, "footer") {
			kind = "footer"
		}
		addRel(fmt.Sprintf("rIdPdfHF%d", i+1), kind, strings.TrimPrefix(p, "word/"))
		addType(p, kind+"+xml")
		added = append(added, p)
	}

	body := regexp.MustCompile(`(?s)<w:sectPr(\s[^>]*)?(/>|>.*?</w:sectPr>)`).ReplaceAllStringFunc(string(doc), func(sect string) string {
		return dressSection(sect, l, try)
	})
	if !strings.Contains(body, "<w:sectPr") {
		body = strings.Replace(body, "</w:body>", dressSection("<w:sectPr/>", l, try)+"</w:body>", 1)
	}
	if l.cover {
		body = titlePage(body, string(parts["word/styles.xml"]))
	}
	parts[docPart] = []byte(body)
	parts[relsPart] = []byte(rels)
	parts[typesPart] = []byte(types)

	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	names := append([]string{typesPart}, order...)
	if _, ok := orig[relsPart]; !ok {
		names = append(names, relsPart)
	}
	names = append(names, added...)
	done := map[string]bool{}
	for _, n := range names {
		if done[n] {
			continue
		}
		done[n] = true
		w, err := zw.Create(n)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(parts[n]); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// footerRuns writes a footer pattern, {p} and {n} as the PAGE and NUMPAGES fields.
func footerRuns(pattern, rPr string) string {
	var b strings.Builder
	text := func(s string) {
		if s != "" {
			fmt.Fprintf(&b, `<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r>`, rPr, html.EscapeString(s))
		}
	}
	field := func(instr string) {
		fmt.Fprintf(&b, `<w:r>%s<w:fldChar w:fldCharType="begin"/></w:r><w:r>%s<w:instrText xml:space="preserve"> %s </w:instrText></w:r><w:r>%s<w:fldChar w:fldCharType="separate"/></w:r><w:r>%s<w:t>1</w:t></w:r><w:r>%s<w:fldChar w:fldCharType="end"/></w:r>`, rPr, rPr, instr, rPr, rPr, rPr)
	}
	for pattern != "" {
		i := strings.IndexByte(pattern, '{')
		if i < 0 || i+3 > len(pattern) {
			text(pattern)
			break
		}
		text(pattern[:i])
		switch pattern[i : i+3] {
		case "{p}":
			field("PAGE")
		case "{n}":
			field("NUMPAGES")
		default:
			text(pattern[i : i+3])
		}
		pattern = pattern[i+3:]
	}
	return b.String()
}

// dressSection links the header and footer to a section that has none, and sets its page
// when it gives none (or on a retry).
func dressSection(sect string, l look, try int) string {
	open := regexp.MustCompile(`^<w:sectPr(\s[^>]*)?/?>`).FindString(sect)
	attrs := strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(open, "<w:sectPr"), ">"), "/")
	inner := ""
	if strings.HasSuffix(sect, "</w:sectPr>") {
		inner = strings.TrimSuffix(sect[len(open):], "</w:sectPr>")
	}
	var refs string
	if !strings.Contains(inner, "w:headerReference") {
		refs += `<w:headerReference w:type="default" r:id="rIdPdfHF1"/>`
		if l.firstPage {
			refs += `<w:headerReference w:type="first" r:id="rIdPdfHF3"/>`
		}
	}
	if !strings.Contains(inner, "w:footerReference") {
		refs += `<w:footerReference w:type="default" r:id="rIdPdfHF2"/>`
		if l.firstPage {
			refs += `<w:footerReference w:type="first" r:id="rIdPdfHF4"/>`
		}
	}
	if l.firstPage && !strings.Contains(inner, "<w:titlePg") && strings.Contains(refs, `w:type="first"`) {
		inner += `<w:titlePg/>`
	}
	if try > 0 || !strings.Contains(inner, "<w:pgSz") {
		inner = regexp.MustCompile(`<w:pgSz\b[^>]*/>|<w:pgMar\b[^>]*/>`).ReplaceAllString(inner, "")
		geom := fmt.Sprintf(`<w:pgSz w:w="%d" w:h="%d"/><w:pgMar w:top="%d" w:right="%d" w:bottom="%d" w:left="%d" w:header="709" w:footer="709" w:gutter="0"/>`,
			l.pageW, l.pageH, l.margin, l.margin, l.margin, l.margin)
		// pgSz and pgMar come after the references and any section type.
		if i := strings.Index(inner, "</w:type>"); i >= 0 {
			inner = inner[:i+9] + geom + inner[i+9:]
		} else if m := regexp.MustCompile(`<w:type\b[^>]*/>`).FindStringIndex(inner); m != nil {
			inner = inner[:m[1]] + geom + inner[m[1]:]
		} else {
			inner = geom + inner
		}
	}
	// References come first in a section's properties.
	return "<w:sectPr" + attrs + ">" + refs + inner + "</w:sectPr>"
}

var (
	styleRe = regexp.MustCompile(`(?s)<w:style\b[^>]*?(/>|>.*?</w:style>)`)
	nameRe  = regexp.MustCompile(`<w:name w:val="([^"]*)"`)
)

var langTags = map[string]string{"en": "en-GB", "ru": "ru-RU", "kk": "kk-KZ", "zh": "zh-CN"}

// dressStyles gives a look to a style sheet that says nothing of one: document defaults
// (font, size, spacing) when it has none, and properties to the usual styles that have none.
func dressStyles(s string, l look) string {
	latin, cjkFont := "Liberation Sans", "Noto Sans CJK SC"
	if l.serif {
		latin, cjkFont = "Liberation Serif", "Noto Serif CJK SC"
	}
	after := 160
	if l.indent {
		after = 0
	}
	if !strings.Contains(s, "<w:docDefaults") {
		defaults := fmt.Sprintf(`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="%s" w:hAnsi="%s" w:cs="%s" w:eastAsia="%s"/><w:sz w:val="%d"/><w:szCs w:val="%d"/><w:lang w:val="%s" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="%d" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>`,
			latin, latin, latin, cjkFont, l.size, l.size, langTags[l.lang], after)
		if m := regexp.MustCompile(`<w:styles\b[^>]*>`).FindStringIndex(s); m != nil {
			s = s[:m[1]] + defaults + s[m[1]:]
		}
	}
	sz := func(d int) string { return fmt.Sprintf(`<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, l.size+d, l.size+d) }
	body := ""
	if l.indent {
		body += `<w:ind w:firstLine="340"/>`
	}
	// Justified lines in a narrow column without hyphenation open wide gaps; a typesetter
	// sets such a column ragged.
	if l.justify && l.ems() >= 30 {
		body += `<w:jc w:val="both"/>`
	}
	heading := `<w:keepNext/>`
	if l.breakSections {
		heading += `<w:pageBreakBefore/>`
	}
	// pPr (keep, spacing, indent, alignment) and rPr of each style. A style based on Normal
	// would take the body's indent and justification; these set their own.
	type props struct{ keep, spacing, ind, jc, rPr string }
	looks := map[string]props{
		"title":          {`<w:keepNext/>`, `<w:spacing w:before="0" w:after="240"/>`, ``, ``, `<w:b/><w:bCs/>` + sz(14)},
		"subtitle":       {`<w:keepNext/>`, `<w:spacing w:after="240"/>`, ``, ``, `<w:i/>` + sz(4)},
		"heading 1":      {heading, `<w:spacing w:before="360" w:after="120"/>`, ``, ``, `<w:b/><w:bCs/>` + sz(8)},
		"heading 2":      {heading, `<w:spacing w:before="280" w:after="120"/>`, ``, ``, `<w:b/><w:bCs/>` + sz(4)},
		"heading 3":      {heading, `<w:spacing w:before="240" w:after="80"/>`, ``, ``, `<w:b/><w:bCs/><w:i/>` + sz(2)},
		"quote":          {``, `<w:spacing w:before="120" w:after="120"/>`, `w:left="720" w:right="720"`, ``, `<w:i/><w:iCs/>`},
		"intense quote":  {``, `<w:spacing w:before="200" w:after="200"/>`, `w:left="864" w:right="864"`, `center`, `<w:i/><w:iCs/>` + sz(4)},
		"caption":        {``, `<w:spacing w:before="60" w:after="200"/>`, ``, ``, `<w:i/><w:iCs/>` + sz(-4)},
		"footnote text":  {``, `<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>`, ``, ``, sz(-6)},
		"endnote text":   {``, `<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>`, ``, ``, sz(-6)},
		"list paragraph": {``, `<w:spacing w:after="60"/>`, `w:left="720"`, ``, ``},
	}
	return styleRe.ReplaceAllStringFunc(s, func(st string) string {
		if !strings.Contains(st, `w:type="paragraph"`) || !strings.HasSuffix(st, "</w:style>") || strings.Contains(st, "<w:rPr") {
			return st
		}
		// A paragraph style says nothing of the look when it has no run properties and its
		// paragraph properties give at most the outline level.
		outline := ""
		if m := outlineOnly.FindStringSubmatch(st); m != nil {
			outline = m[1]
			st = strings.Replace(st, m[0], "", 1)
		}
		if strings.Contains(st, "<w:pPr") {
			return st
		}
		m := nameRe.FindStringSubmatch(st)
		if m == nil {
			return st
		}
		var add string
		if p, ok := looks[strings.ToLower(m[1])]; ok {
			jc := p.jc
			if jc == "" {
				jc = "left"
			}
			add = `<w:pPr>` + p.keep + p.spacing + `<w:ind ` + p.ind + ` w:firstLine="0"/><w:jc w:val="` + jc + `"/>` + outline + `</w:pPr>`
			if p.rPr != "" {
				add += `<w:rPr>` + p.rPr + `</w:rPr>`
			}
		} else if strings.Contains(st, `w:default="1"`) && body+outline != "" {
			add = `<w:pPr>` + body + outline + `</w:pPr>`
		} else if outline != "" {
			add = `<w:pPr>` + outline + `</w:pPr>`
		}
		return strings.TrimSuffix(st, "</w:style>") + add + "</w:style>"
	})
}

var outlineOnly = regexp.MustCompile(`<w:pPr>\s*(<w:outlineLvl\b[^>]*/>)?\s*</w:pPr>`)

var lvlRe = regexp.MustCompile(`(?s)<w:lvl\b([^>]*)>(.*?)</w:lvl>`)

// dressNumbering gives a marker to list levels that have none: a bullet, or the number and a
// full stop.
func dressNumbering(s string) string {
	return lvlRe.ReplaceAllStringFunc(s, func(lvl string) string {
		m := lvlRe.FindStringSubmatch(lvl)
		attrs, inner := m[1], m[2]
		if strings.Contains(inner, "<w:lvlText") {
			return lvl
		}
		ilvl := 0
		if a := regexp.MustCompile(`w:ilvl="(\d+)"`).FindStringSubmatch(attrs); a != nil {
			ilvl, _ = strconv.Atoi(a[1]) // digits by the pattern
		}
		text := "•"
		if !strings.Contains(inner, `w:val="bullet"`) {
			text = fmt.Sprintf("%%%d.", ilvl+1)
			if !strings.Contains(inner, "<w:start") {
				inner = `<w:start w:val="1"/>` + inner
			}
		}
		inner += fmt.Sprintf(`<w:lvlText w:val="%s"/><w:lvlJc w:val="left"/>`, text)
		if !strings.Contains(inner, "<w:pPr") {
			inner += fmt.Sprintf(`<w:pPr><w:ind w:left="%d" w:hanging="360"/></w:pPr>`, 720*(ilvl+1))
		}
		return "<w:lvl" + attrs + ">" + inner + "</w:lvl>"
	})
}

var sizeRe = regexp.MustCompile(`(<w:sz(?:Cs)? w:val=")(\d+)(")`)

func scaleSizes(s string, f float64) string {
	return sizeRe.ReplaceAllStringFunc(s, func(m string) string {
		p := sizeRe.FindStringSubmatch(m)
		n, _ := strconv.Atoi(p[2])
		return p[1] + strconv.Itoa(int(float64(n)*f+0.5)) + p[3]
	})
}

// titlePage ends the first paragraph in a title style (by a name that begins or ends with
// "title", or based on one), or else the first paragraph with text, with a page break, so the
// title stands on a page of its own.
func titlePage(doc, styles string) string {
	ids := map[string]bool{}
	for changed := true; changed; {
		changed = false
		for _, st := range styleRe.FindAllString(styles, -1) {
			id := regexp.MustCompile(`w:styleId="([^"]*)"`).FindStringSubmatch(st)
			name := nameRe.FindStringSubmatch(st)
			based := regexp.MustCompile(`<w:basedOn w:val="([^"]*)"`).FindStringSubmatch(st)
			if id == nil || ids[id[1]] {
				continue
			}
			n := ""
			if name != nil {
				n = strings.ToLower(strings.ReplaceAll(name[1], " ", ""))
			}
			if strings.HasPrefix(n, "title") || strings.HasSuffix(n, "title") && !strings.HasSuffix(n, "subtitle") || based != nil && ids[based[1]] {
				ids[id[1]] = true
				changed = true
			}
		}
	}
	paras := regexp.MustCompile(`(?s)<w:p\b[^>]*>.*?</w:p>`)
	done := false
	return paras.ReplaceAllStringFunc(doc, func(p string) string {
		m := regexp.MustCompile(`<w:pStyle w:val="([^"]*)"`).FindStringSubmatch(p)
		if done || (len(ids) > 0 && (m == nil || !ids[m[1]])) || len(ids) == 0 && !strings.Contains(p, "<w:t") {
			return p
		}
		done = true
		return strings.TrimSuffix(p, "</w:p>") + `<w:r><w:br w:type="page"/></w:r></w:p>`
	})
}
