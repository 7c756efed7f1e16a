package qa

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/tilmash/tilmash/pipeline"
)

// Limits that keep hostile XLIFF files from exhausting memory or the stack.
const (
	MaxXLIFFSize  = 50 << 20 // bytes
	maxXLIFFDepth = 64       // nested elements
)

// XLIFFUnit is one translatable segment of an XLIFF file. Inline markup is flattened to text
// with placeholders: standalone codes (<x/>, <ph/>, <bx/>, <ex/>, <sc/>, <ec/>) become ⟨id⟩, paired
// codes (<g>, <pc>) become ⟨id⟩…⟨/id⟩, and the native code inside <ph>, <bpt>, <ept> and <it> is
// dropped; annotations (<mrk>) keep only their text. The markup check then compares the
// placeholders like any other.
type XLIFFUnit struct {
	ID        string // trans-unit id (1.2) or unit id (2.x), with "/segment id" when a unit has several
	Source    string
	Target    string
	HasTarget bool // false when the file has no target element for the unit
}

// ErrXLIFF is wrapped by every error ReadXLIFF returns for a file it refuses or cannot read.
var ErrXLIFF = errors.New("invalid XLIFF")

// ReadXLIFF reads an XLIFF 1.2 file (file@source-language/target-language, trans-unit, source,
// target) or 2.x file (xliff@srcLang/trgLang, unit, segment, source, target) and returns its
// units with the languages of the file. It refuses, with an error wrapping ErrXLIFF, any
// DOCTYPE (and so every entity trick: billion laughs, external entities), input over
// MaxXLIFFSize, nesting deeper than 64 elements, malformed XML, files without units, and
// languages Tilmash does not publish in (regional tags like zh-CN or kk-KZ are fine).
func ReadXLIFF(r io.Reader) ([]XLIFFUnit, pipeline.Lang, pipeline.Lang, error) {
	lr := &limitedReader{r: r, left: MaxXLIFFSize}
	d := xml.NewDecoder(lr)
	d.Strict = true
	p := xliffParser{d: d}
	if err := p.run(); err != nil {
		if lr.exceeded {
			return nil, "", "", fmt.Errorf("%w: file is larger than %d MB", ErrXLIFF, MaxXLIFFSize>>20)
		}
		return nil, "", "", err
	}
	if len(p.units) == 0 {
		return nil, "", "", fmt.Errorf("%w: no translation units found (is this XLIFF 1.2 or 2.x?)", ErrXLIFF)
	}
	src, err := xliffLang(p.srcLang, "source")
	if err != nil {
		return nil, "", "", err
	}
	tgt, err := xliffLang(p.tgtLang, "target")
	if err != nil {
		return nil, "", "", err
	}
	return p.units, src, tgt, nil
}

func xliffLang(tag, which string) (pipeline.Lang, error) {
	if tag == "" {
		return "", fmt.Errorf("%w: the file names no %s language", ErrXLIFF, which)
	}
	base, _, _ := strings.Cut(strings.ReplaceAll(tag, "_", "-"), "-")
	l, err := pipeline.ParseLang(base)
	if err != nil {
		return "", fmt.Errorf("%w: %s language %q: %w", ErrXLIFF, which, tag, err)
	}
	return l, nil
}

// limitedReader fails once more than left bytes have been read.
type limitedReader struct {
	r        io.Reader
	left     int64
	exceeded bool
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.left < 0 {
		l.exceeded = true
		return 0, fmt.Errorf("%w: input too large", ErrXLIFF)
	}
	if int64(len(p)) > l.left+1 {
		p = p[:l.left+1]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	if l.left < 0 {
		l.exceeded = true
		return 0, fmt.Errorf("%w: input too large", ErrXLIFF)
	}
	return n, err
}

type xliffParser struct {
	d                *xml.Decoder
	depth            int
	srcLang, tgtLang string
	units            []XLIFFUnit
}

func attr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func (p *xliffParser) token() (xml.Token, error) {
	t, err := p.d.Token()
	if err != nil {
		if err == io.EOF {
			return nil, err
		}
		if errors.Is(err, ErrXLIFF) {
			return nil, err
		}
		return nil, fmt.Errorf("%w: %w", ErrXLIFF, err)
	}
	switch t := t.(type) {
	case xml.Directive:
		if strings.HasPrefix(strings.ToUpper(strings.TrimSpace(string(t))), "DOCTYPE") {
			return nil, fmt.Errorf("%w: DOCTYPE declarations are not allowed", ErrXLIFF)
		}
		return nil, fmt.Errorf("%w: XML directives are not allowed", ErrXLIFF)
	case xml.StartElement:
		p.depth++
		if p.depth > maxXLIFFDepth {
			return nil, fmt.Errorf("%w: elements nested deeper than %d", ErrXLIFF, maxXLIFFDepth)
		}
	case xml.EndElement:
		p.depth--
	}
	return t, nil
}

func (p *xliffParser) run() error {
	seenRoot := false
	for {
		t, err := p.token()
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
		switch se.Name.Local {
		case "xliff":
			seenRoot = true
			if v := attr(se, "srcLang"); v != "" {
				p.srcLang = v
			}
			if v := attr(se, "trgLang"); v != "" {
				p.tgtLang = v
			}
		case "file":
			if v := attr(se, "source-language"); v != "" && p.srcLang == "" {
				p.srcLang = v
			}
			if v := attr(se, "target-language"); v != "" && p.tgtLang == "" {
				p.tgtLang = v
			}
		case "trans-unit":
			if err := p.transUnit(attr(se, "id")); err != nil {
				return err
			}
		case "unit":
			if err := p.unit(attr(se, "id")); err != nil {
				return err
			}
		}
	}
}

// transUnit reads an XLIFF 1.2 trans-unit up to its end tag.
func (p *xliffParser) transUnit(id string) error {
	u := XLIFFUnit{ID: id}
	start := p.depth
	for {
		t, err := p.token()
		if err != nil {
			return unexpectedEOF(err)
		}
		switch t := t.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "source":
				if u.Source, err = p.inline(); err != nil {
					return err
				}
			case "target":
				u.HasTarget = true
				if u.Target, err = p.inline(); err != nil {
					return err
				}
			default:
				if err := p.skip(); err != nil {
					return err
				}
			}
		case xml.EndElement:
			if p.depth < start {
				p.units = append(p.units, u)
				return nil
			}
		}
	}
}

// unit reads an XLIFF 2.x unit with its segments.
func (p *xliffParser) unit(id string) error {
	start := p.depth
	var segs []XLIFFUnit
	for {
		t, err := p.token()
		if err != nil {
			return unexpectedEOF(err)
		}
		switch t := t.(type) {
		case xml.StartElement:
			if t.Name.Local != "segment" {
				if t.Name.Local == "notes" || t.Name.Local == "originalData" || t.Name.Local == "ignorable" {
					if err := p.skip(); err != nil {
						return err
					}
				}
				continue
			}
			seg, err := p.segment(attr(t, "id"))
			if err != nil {
				return err
			}
			segs = append(segs, seg)
		case xml.EndElement:
			if p.depth < start {
				for i, s := range segs {
					segID := s.ID
					s.ID = id
					if len(segs) > 1 {
						if segID == "" {
							segID = fmt.Sprint(i + 1)
						}
						s.ID = id + "/" + segID
					}
					p.units = append(p.units, s)
				}
				return nil
			}
		}
	}
}

func (p *xliffParser) segment(id string) (XLIFFUnit, error) {
	u := XLIFFUnit{ID: id}
	start := p.depth
	for {
		t, err := p.token()
		if err != nil {
			return u, unexpectedEOF(err)
		}
		switch t := t.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "source":
				if u.Source, err = p.inline(); err != nil {
					return u, err
				}
			case "target":
				u.HasTarget = true
				if u.Target, err = p.inline(); err != nil {
					return u, err
				}
			default:
				if err := p.skip(); err != nil {
					return u, err
				}
			}
		case xml.EndElement:
			if p.depth < start {
				return u, nil
			}
		}
	}
}

// inline reads the content of a source or target element as flattened text.
func (p *xliffParser) inline() (string, error) {
	var b strings.Builder
	start := p.depth
	var stack []string // ids of open paired codes
	for {
		t, err := p.token()
		if err != nil {
			return "", unexpectedEOF(err)
		}
		switch t := t.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.StartElement:
			id := attr(t, "id")
			switch t.Name.Local {
			case "g", "pc":
				b.WriteString("⟨" + id + "⟩")
				stack = append(stack, "⟨/"+id+"⟩")
			case "mrk", "sub":
				stack = append(stack, "")
			case "x", "bx", "ex", "sc", "ec", "ph", "it", "bpt", "ept":
				b.WriteString("⟨" + id + "⟩")
				if err := p.skip(); err != nil {
					return "", err
				}
			default:
				stack = append(stack, "")
			}
		case xml.EndElement:
			if p.depth < start {
				return b.String(), nil
			}
			if n := len(stack); n > 0 {
				b.WriteString(stack[n-1])
				stack = stack[:n-1]
			}
		}
	}
}

// skip consumes the rest of the element just opened.
func (p *xliffParser) skip() error {
	start := p.depth
	for p.depth >= start {
		if _, err := p.token(); err != nil {
			return unexpectedEOF(err)
		}
	}
	return nil
}

func unexpectedEOF(err error) error {
	if err == io.EOF {
		return fmt.Errorf("%w: unexpected end of file", ErrXLIFF)
	}
	return err
}
