package interchange

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/tilmash/tilmash/pipeline"
)

// TBX dialects Tilmash writes.
const (
	// TBXBasic is TBX-Basic on the TBX v3 core (ISO 30042:2019): <tbx type="TBX-Basic">,
	// <conceptEntry>, <langSec>, <termSec>.
	TBXBasic = "tbx"
	// TBXMartif is the older TBX v2 form (<martif>, <termEntry>, <langSet>, <tig>), which tools
	// such as translate-toolkit read.
	TBXMartif = "martif"
)

// ParseTBXDialect accepts "tbx" (also "", "v3", "basic") and "martif" (also "v2").
func ParseTBXDialect(s string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", TBXBasic, "v3", "basic", "tbx-basic":
		return TBXBasic, nil
	case TBXMartif, "v2":
		return TBXMartif, nil
	}
	return "", &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "interchange.tbx_dialect",
		Data: map[string]any{"Dialect": s}, Err: fmt.Errorf("unknown TBX dialect %q (tbx or martif)", s)}
}

// Status values of TBX's administrativeStatus.
const (
	statusPreferred  = "preferredTerm-admn-sts"
	statusDeprecated = "deprecatedTerm-admn-sts"
)

// dntType is the data category that carries the do-not-translate flag of a concept. TBX-Basic
// has none, so Tilmash writes a descrip of its own, x-doNotTranslate with the value "true", at the
// concept level; an import also accepts it as a termNote or admin, with yes/true/1, and a
// "translatable" category whose value is no/false.
const dntType = "x-doNotTranslate"

// WriteTBX writes the termbase as TBX in the given dialect: a concept per entry with its id, the
// do-not-translate flag and the note, and per language the standard term (preferred) and the
// forbidden variants (deprecated).
func WriteTBX(w io.Writer, concepts []pipeline.Concept, dialect string) error {
	x := newXMLWriter(w)
	entry, langSec, termSec := "conceptEntry", "langSec", "termSec"
	x.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	if dialect == TBXMartif {
		entry, langSec, termSec = "termEntry", "langSet", "tig"
		x.raw(`<martif type="TBX-Basic" xml:lang="en">` + "\n" +
			`  <martifHeader><fileDesc><sourceDesc><p>Tilmash termbase</p></sourceDesc></fileDesc>` +
			`<encodingDesc><p type="XCSURI">TBXBasicXCSV02.xcs</p></encodingDesc></martifHeader>` + "\n")
	} else {
		x.raw(`<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">` + "\n" +
			`  <tbxHeader><fileDesc><sourceDesc><p>Tilmash termbase</p></sourceDesc></fileDesc></tbxHeader>` + "\n")
	}
	x.raw("  <text>\n    <body>\n")
	for _, c := range concepts {
		x.raw("      <" + entry)
		x.attr("id", "c"+strconv.FormatInt(c.ID, 10))
		x.raw(">\n")
		if c.DoNotTranslate {
			x.raw(`        <descrip type="` + dntType + `">true</descrip>` + "\n")
		}
		if c.Note != "" {
			x.raw("        <note>")
			x.text(c.Note)
			x.raw("</note>\n")
		}
		for _, l := range pipeline.Languages {
			std, forbidden := c.Terms[l], c.Forbidden[l]
			if std == "" && len(forbidden) == 0 {
				continue
			}
			x.raw("        <" + langSec)
			x.attr("xml:lang", string(l))
			x.raw(">")
			write := func(term, status string) {
				x.raw("<" + termSec + "><term>")
				x.text(term)
				x.raw(`</term><termNote type="administrativeStatus">` + status + "</termNote></" + termSec + ">")
			}
			if std != "" {
				write(std, statusPreferred)
			}
			for _, f := range forbidden {
				write(f, statusDeprecated)
			}
			x.raw("</" + langSec + ">\n")
		}
		x.raw("      </" + entry + ">\n")
	}
	x.raw("    </body>\n  </text>\n")
	if dialect == TBXMartif {
		x.raw("</martif>\n")
	} else {
		x.raw("</tbx>\n")
	}
	return x.flush()
}

// TBXOptions says how to read a TBX file.
type TBXOptions struct {
	// Assume is the language of terms whose language the file leaves unsaid (no tag, "und", or
	// translate-toolkit's "xx"); empty skips them.
	Assume pipeline.Lang
}

// TBXResult is what ReadTBX found.
type TBXResult struct {
	Concepts []pipeline.Concept
	Read     int // concept entries in the file
	Skipped  int // entries without a term in Tilmash's languages
	// Dropped counts terms left out: in other languages, or admitted terms beside a standard one
	// (Tilmash keeps one standard term per language).
	Dropped int
}

// ReadTBX reads a TBX file, TBX v3 (<tbx>, <conceptEntry>, <langSec>, <termSec>) or v2
// (<martif>, <termEntry>, <langSet>, <tig>/<ntig>), into termbase concepts. The file is read
// whole before anything is returned, so a bad term anywhere means nothing is imported; errors
// are invalid-input errors naming the entry. A term's administrativeStatus decides what it is:
// deprecated or superseded terms are forbidden variants, the first preferred term (else the
// first other one) is the standard term.
func ReadTBX(r io.Reader, opts TBXOptions) (*TBXResult, error) {
	g := newGuard(r, ErrTBX, MaxXLIFFSize)
	g.externalDTD = true
	res := &TBXResult{}
	root := false
	for {
		tok, err := g.token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, ReadError(err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "tbx", "martif":
			root = true
		case "conceptEntry", "termEntry":
			if !root {
				return nil, ReadError(fmt.Errorf("%w: <%s> outside <tbx> or <martif>", ErrTBX, se.Name.Local))
			}
			res.Read++
			c, err := readConcept(g, se, opts, res)
			if err != nil {
				return nil, err
			}
			if len(c.Terms) == 0 {
				res.Skipped++
				continue
			}
			res.Concepts = append(res.Concepts, c)
		case "tbxHeader", "martifHeader", "back":
			if err := g.skip(); err != nil {
				return nil, ReadError(err)
			}
		}
	}
	if !root {
		return nil, ReadError(fmt.Errorf("%w: no <tbx> or <martif> element", ErrTBX))
	}
	if len(res.Concepts) == 0 {
		return nil, ReadError(fmt.Errorf("%w: no concept with a term in en, ru, kk or zh", ErrTBX))
	}
	return res, nil
}

type tbxTerm struct {
	lang   pipeline.Lang
	ok     bool // the language is one of Tilmash's
	text   string
	status string
}

func readConcept(g *guard, se xml.StartElement, opts TBXOptions, res *TBXResult) (pipeline.Concept, error) {
	id := attr(se, "id")
	c := pipeline.Concept{Terms: map[pipeline.Lang]string{}, Forbidden: map[pipeline.Lang][]string{}}
	fail := func(problem string) (pipeline.Concept, error) {
		return c, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "interchange.tbx_entry",
			Data: map[string]any{"Entry": res.Read, "ID": id, "Problem": problem},
			Err:  fmt.Errorf("TBX entry %d (%s): %s", res.Read, id, problem)}
	}
	var terms []tbxTerm
	var cur *tbxTerm
	lang, langOK := pipeline.Lang(""), false
	start := g.depth
	for {
		tok, err := g.next()
		if err != nil {
			return c, ReadError(err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch tok.Name.Local {
			case "langSec", "langSet":
				tag := attr(tok, "lang")
				l, err := LangOf(tag, "term", ErrTBX)
				lang, langOK = l, err == nil
				switch strings.ToLower(tag) {
				case "", "xx", "und":
					lang, langOK = opts.Assume, opts.Assume != ""
				}
			case "termSec", "tig", "ntig":
				terms = append(terms, tbxTerm{lang: lang, ok: langOK})
				cur = &terms[len(terms)-1]
			case "term":
				text, err := g.text()
				if err != nil {
					return c, ReadError(err)
				}
				if cur == nil { // a term straight in its language section
					terms = append(terms, tbxTerm{lang: lang, ok: langOK})
					cur = &terms[len(terms)-1]
				}
				cur.text = strings.TrimSpace(text)
			case "termNote", "descrip", "admin":
				typ := attr(tok, "type")
				v, err := g.text()
				if err != nil {
					return c, ReadError(err)
				}
				v = strings.TrimSpace(v)
				switch {
				case typ == "administrativeStatus" && cur != nil:
					cur.status = v
				case isDNT(typ, v):
					c.DoNotTranslate = true
				}
			case "note":
				v, err := g.text()
				if err != nil {
					return c, ReadError(err)
				}
				if c.Note == "" {
					c.Note = strings.TrimSpace(v)
				}
			}
		case xml.EndElement:
			if g.depth < start {
				goto done
			}
			switch tok.Name.Local {
			case "termSec", "tig", "ntig":
				cur = nil
			case "langSec", "langSet":
				cur = nil
			}
		}
	}
done:
	for _, s := range append([]string{c.Note}, termTexts(terms)...) {
		if fault, r := pipeline.CheckText(s, true); fault != pipeline.TextOK {
			if fault == pipeline.TextControl {
				return fail("control character " + pipeline.RuneCode(r))
			}
			return fail(string(fault))
		}
		if len(s) > pipeline.MaxTermFieldBytes {
			return fail(fmt.Sprintf("a term or note is longer than %d bytes", pipeline.MaxTermFieldBytes))
		}
	}
	standard := map[pipeline.Lang]string{}
	fallback := map[pipeline.Lang]string{}
	for _, t := range terms {
		if !t.ok || t.text == "" {
			if t.text != "" {
				res.Dropped++
			}
			continue
		}
		switch t.status {
		case statusDeprecated, "supersededTerm-admn-sts":
			c.Forbidden[t.lang] = append(c.Forbidden[t.lang], t.text)
		case statusPreferred:
			if standard[t.lang] == "" {
				standard[t.lang] = t.text
			} else {
				res.Dropped++
			}
		default:
			if fallback[t.lang] == "" {
				fallback[t.lang] = t.text
			} else {
				res.Dropped++
			}
		}
	}
	for _, l := range pipeline.Languages {
		switch {
		case standard[l] != "":
			c.Terms[l] = standard[l]
			if fallback[l] != "" {
				res.Dropped++
			}
		case fallback[l] != "":
			c.Terms[l] = fallback[l]
		}
	}
	return c, nil
}

func termTexts(ts []tbxTerm) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.text
	}
	return out
}

// isDNT reads a do-not-translate flag in the spellings other tools use.
func isDNT(typ, v string) bool {
	t := strings.ToLower(strings.NewReplacer("-", "", "_", "", " ", "").Replace(strings.TrimPrefix(typ, "x-")))
	v = strings.ToLower(v)
	yes := v == "true" || v == "yes" || v == "1" || v == ""
	switch t {
	case "donottranslate", "dnt":
		return yes
	case "translatable":
		return v == "no" || v == "false" || v == "0"
	}
	return false
}
