package interchange

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/tilmash/tilmash/pipeline"
)

// XML namespaces of the files Tilmash reads and writes.
const (
	NamespaceXLIFF12 = "urn:oasis:names:tc:xliff:document:1.2"
	NamespaceXLIFF2  = "urn:oasis:names:tc:xliff:document:2.0"
	namespaceMatches = "urn:oasis:names:tc:xliff:matches:2.0"
	// Namespace holds Tilmash's own attributes in exported files: the article, the edition's
	// language and each unit's segment version, which an import needs to detect conflicts.
	Namespace = "urn:x-tilmash:interchange:1"
)

// SpanKind tells text from inline elements in the content of a source or target.
type SpanKind int

const (
	SpanText  SpanKind = iota
	SpanOpen           // the start of a paired element (<g>, <pc>)
	SpanClose          // its end
	SpanEmpty          // a standalone element (<x/>, <ph/>, <bx/>, <sc/>, <bpt>…</bpt>, …)
)

// Span is a run of text or one inline element of a source or target. Annotations (<mrk>, and
// elements Tilmash does not know) keep only their text; the native code inside <ph>, <bpt>,
// <ept> and <it> is dropped.
type Span struct {
	Kind    SpanKind
	Text    string // text runs
	Element string // inline elements: the element's local name
	ID      string // inline elements: the id attribute
}

// Content is the content of a source or target element.
type Content []Span

// Flat is the content as text with inline elements as placeholders: ⟨id⟩…⟨/id⟩ for paired ones,
// ⟨id⟩ for standalone ones. The checks compare such placeholders like any other.
func (c Content) Flat() string {
	var b strings.Builder
	for _, s := range c {
		switch s.Kind {
		case SpanText:
			b.WriteString(s.Text)
		case SpanOpen, SpanEmpty:
			b.WriteString("⟨" + s.ID + "⟩")
		case SpanClose:
			b.WriteString("⟨/" + s.ID + "⟩")
		}
	}
	return b.String()
}

// XLIFFUnit is one translatable segment of an XLIFF file.
type XLIFFUnit struct {
	ID        string // trans-unit id (1.2) or unit id (2.x), with "/segment id" when a unit has several
	Source    Content
	Target    Content
	HasTarget bool   // false when the file has no target element for the unit
	State     string // the target's state (1.2) or the segment's (2.x)
	Approved  bool   // 1.2: approved="yes"
	// Ext holds the unit's attributes in Tilmash's namespace, by local name.
	Ext map[string]string
}

// XLIFFFile is what ReadXLIFF found in a file.
type XLIFFFile struct {
	Version    string // the xliff element's version attribute
	SourceLang string // as written: en, kk-KZ, zh-CN, …
	TargetLang string
	Original   string // the first file element's original attribute
	// Ext holds the attributes in Tilmash's namespace of the xliff and file elements.
	Ext   map[string]string
	Units []XLIFFUnit
}

// ReadXLIFF reads an XLIFF 1.2 file (file@source-language/target-language, trans-unit, source,
// target) or 2.x file (xliff@srcLang/trgLang, unit, segment, source, target). It refuses, with
// an error wrapping ErrXLIFF, any DOCTYPE (and so every entity trick: billion laughs, external
// entities), input over MaxXLIFFSize, nesting deeper than 64 elements, malformed XML and files
// without units. Elements of other namespaces around units (the matches module, metadata) are
// skipped.
func ReadXLIFF(r io.Reader) (*XLIFFFile, error) {
	p := xliffParser{g: newGuard(r, ErrXLIFF, MaxXLIFFSize), f: &XLIFFFile{Ext: map[string]string{}}}
	if err := p.run(); err != nil {
		return nil, err
	}
	if len(p.f.Units) == 0 {
		return nil, fmt.Errorf("%w: no translation units found (is this XLIFF 1.2 or 2.x?)", ErrXLIFF)
	}
	return p.f, nil
}

// Langs returns the file's languages as Tilmash's, refusing a file that names none or one
// Tilmash does not publish in (regional tags like zh-CN or kk-KZ are fine).
func (f *XLIFFFile) Langs() (source, target pipeline.Lang, err error) {
	if source, err = LangOf(f.SourceLang, "source", ErrXLIFF); err != nil {
		return "", "", err
	}
	if target, err = LangOf(f.TargetLang, "target", ErrXLIFF); err != nil {
		return "", "", err
	}
	return source, target, nil
}

// LangOf reads a language tag of a file (en, kk-KZ, zh_CN, ZH-hans) as one of Tilmash's
// languages; which names it in the error, which wraps kind.
func LangOf(tag, which string, kind error) (pipeline.Lang, error) {
	if tag == "" {
		return "", fmt.Errorf("%w: the file names no %s language", kind, which)
	}
	base, _, _ := strings.Cut(strings.ReplaceAll(tag, "_", "-"), "-")
	l, err := pipeline.ParseLang(base)
	if err != nil {
		return "", fmt.Errorf("%w: %s language %q: %w", kind, which, tag, err)
	}
	return l, nil
}

type xliffParser struct {
	g *guard
	f *XLIFFFile
}

// isXLIFF reports whether an element belongs to XLIFF (or to no namespace, as in files that
// declare none).
func isXLIFF(n xml.Name) bool {
	return n.Space == "" || strings.HasPrefix(n.Space, "urn:oasis:names:tc:xliff:document:")
}

func ext(se xml.StartElement, into map[string]string) map[string]string {
	for _, a := range se.Attr {
		if a.Name.Space == Namespace {
			if into == nil {
				into = map[string]string{}
			}
			into[a.Name.Local] = a.Value
		}
	}
	return into
}

func (p *xliffParser) run() error {
	seenRoot := false
	seenFile := false
	for {
		t, err := p.g.token()
		if err == io.EOF {
			if !seenRoot {
				return fmt.Errorf("%w: empty document", ErrXLIFF)
			}
			return nil
		}
		if err != nil {
			return err
		}
		se, ok := t.(xml.StartElement)
		if !ok {
			continue
		}
		if !isXLIFF(se.Name) {
			if err := p.g.skip(); err != nil {
				return err
			}
			continue
		}
		switch se.Name.Local {
		case "xliff":
			seenRoot = true
			p.f.Version = attr(se, "version")
			if v := attr(se, "srcLang"); v != "" {
				p.f.SourceLang = v
			}
			if v := attr(se, "trgLang"); v != "" {
				p.f.TargetLang = v
			}
			ext(se, p.f.Ext)
		case "file":
			if v := attr(se, "source-language"); v != "" && p.f.SourceLang == "" {
				p.f.SourceLang = v
			}
			if v := attr(se, "target-language"); v != "" && p.f.TargetLang == "" {
				p.f.TargetLang = v
			}
			if !seenFile {
				p.f.Original = attr(se, "original")
				ext(se, p.f.Ext)
			}
			seenFile = true
		case "trans-unit":
			if err := p.transUnit(se); err != nil {
				return err
			}
		case "unit":
			if err := p.unit(se); err != nil {
				return err
			}
		case "notes", "header", "skl", "alt-trans", "originalData":
			if err := p.g.skip(); err != nil {
				return err
			}
		}
	}
}

// transUnit reads an XLIFF 1.2 trans-unit up to its end tag; alt-trans, notes and everything
// else but the source and the target are skipped.
func (p *xliffParser) transUnit(se xml.StartElement) error {
	u := XLIFFUnit{ID: attr(se, "id"), Approved: attr(se, "approved") == "yes", Ext: ext(se, nil)}
	start := p.g.depth
	for {
		t, err := p.g.next()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			switch {
			case isXLIFF(t.Name) && t.Name.Local == "source":
				if u.Source, err = p.inline(); err != nil {
					return err
				}
			case isXLIFF(t.Name) && t.Name.Local == "target":
				u.HasTarget = true
				u.State = attr(t, "state")
				if u.Target, err = p.inline(); err != nil {
					return err
				}
			default:
				if err := p.g.skip(); err != nil {
					return err
				}
			}
		case xml.EndElement:
			if p.g.depth < start {
				p.f.Units = append(p.f.Units, u)
				return nil
			}
		}
	}
}

// unit reads an XLIFF 2.x unit with its segments.
func (p *xliffParser) unit(se xml.StartElement) error {
	id := attr(se, "id")
	unitExt := ext(se, nil)
	start := p.g.depth
	var segs []XLIFFUnit
	for {
		t, err := p.g.next()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			if !isXLIFF(t.Name) || t.Name.Local != "segment" {
				if err := p.g.skip(); err != nil {
					return err
				}
				continue
			}
			seg, err := p.segment(t)
			if err != nil {
				return err
			}
			segs = append(segs, seg)
		case xml.EndElement:
			if p.g.depth < start {
				for i, s := range segs {
					segID := s.ID
					s.ID = id
					s.Ext = unitExt
					if len(segs) > 1 {
						if segID == "" {
							segID = fmt.Sprint(i + 1)
						}
						s.ID = id + "/" + segID
					}
					p.f.Units = append(p.f.Units, s)
				}
				return nil
			}
		}
	}
}

func (p *xliffParser) segment(se xml.StartElement) (XLIFFUnit, error) {
	u := XLIFFUnit{ID: attr(se, "id"), State: attr(se, "state")}
	start := p.g.depth
	for {
		t, err := p.g.next()
		if err != nil {
			return u, err
		}
		switch t := t.(type) {
		case xml.StartElement:
			switch {
			case isXLIFF(t.Name) && t.Name.Local == "source":
				if u.Source, err = p.inline(); err != nil {
					return u, err
				}
			case isXLIFF(t.Name) && t.Name.Local == "target":
				u.HasTarget = true
				if u.Target, err = p.inline(); err != nil {
					return u, err
				}
			default:
				if err := p.g.skip(); err != nil {
					return u, err
				}
			}
		case xml.EndElement:
			if p.g.depth < start {
				return u, nil
			}
		}
	}
}

// inline reads the content of a source or target element.
func (p *xliffParser) inline() (Content, error) {
	var c Content
	start := p.g.depth
	var stack []Span // what each open element writes when it ends
	text := func(s string) {
		if n := len(c); n > 0 && c[n-1].Kind == SpanText {
			c[n-1].Text += s
			return
		}
		c = append(c, Span{Kind: SpanText, Text: s})
	}
	for {
		t, err := p.g.next()
		if err != nil {
			return nil, err
		}
		switch t := t.(type) {
		case xml.CharData:
			text(string(t))
		case xml.StartElement:
			id := attr(t, "id")
			name := t.Name.Local
			if !isXLIFF(t.Name) {
				name = ""
			}
			switch name {
			case "g", "pc":
				c = append(c, Span{Kind: SpanOpen, Element: name, ID: id})
				stack = append(stack, Span{Kind: SpanClose, Element: name, ID: id})
			case "x", "bx", "ex", "sc", "ec", "ph", "it", "bpt", "ept":
				if id == "" {
					id = attr(t, "startRef")
				}
				c = append(c, Span{Kind: SpanEmpty, Element: name, ID: id})
				if err := p.g.skip(); err != nil {
					return nil, err
				}
			default: // mrk, sub, and anything unknown: their text only
				stack = append(stack, Span{Kind: SpanText})
			}
		case xml.EndElement:
			if p.g.depth < start {
				return c, nil
			}
			if n := len(stack); n > 0 {
				if stack[n-1].Kind == SpanClose {
					c = append(c, stack[n-1])
				}
				stack = stack[:n-1]
			}
		}
	}
}
