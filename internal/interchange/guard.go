package interchange

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Limits that keep hostile files from exhausting memory or the stack.
const (
	// MaxXLIFFSize bounds an XLIFF or TBX file: an edition or a termbase is far smaller.
	MaxXLIFFSize = 50 << 20
	// MaxTMXSize bounds a TMX file. The memory is read as a stream, so the limit is about time,
	// not memory.
	MaxTMXSize = 2 << 30
	// maxDepth bounds the nesting of elements.
	maxDepth = 64
)

// Errors wrapped by every refusal of a file of each format.
var (
	ErrXLIFF = errors.New("invalid XLIFF")
	ErrTMX   = errors.New("invalid TMX")
	ErrTBX   = errors.New("invalid TBX")
)

// guard reads XML tokens and refuses, with an error wrapping kind, any DOCTYPE (but see
// externalDTD) or other directive
// (and so every entity trick: billion laughs, external entities), input over max bytes, nesting
// deeper than maxDepth, and malformed XML (the decoder is strict and knows only XML's own
// entities).
type guard struct {
	d     *xml.Decoder
	lr    *limitedReader
	kind  error
	depth int
	// externalDTD lets a DOCTYPE through when it only names an external DTD (<!DOCTYPE tmx
	// SYSTEM "tmx14.dtd">, as translate-toolkit writes): the decoder never fetches it, and with
	// no internal subset no entity can be declared. Any internal subset is still refused.
	externalDTD bool
}

func newGuard(r io.Reader, kind error, max int64) *guard {
	lr := &limitedReader{r: r, left: max, max: max, kind: kind}
	d := xml.NewDecoder(lr)
	d.Strict = true
	return &guard{d: d, lr: lr, kind: kind}
}

// fail explains err: a size refusal when the input was cut, err itself otherwise.
func (g *guard) fail(err error) error {
	if g.lr.exceeded {
		return fmt.Errorf("%w: file is larger than %d MB", g.kind, (g.lr.max)>>20)
	}
	return err
}

// token returns the next token; io.EOF at the end of the input.
func (g *guard) token() (xml.Token, error) {
	t, err := g.d.Token()
	if err != nil {
		if err == io.EOF {
			return nil, err
		}
		if errors.Is(err, g.kind) {
			return nil, g.fail(err)
		}
		return nil, g.fail(fmt.Errorf("%w: %w", g.kind, err))
	}
	switch t := t.(type) {
	case xml.Directive:
		d := strings.TrimSpace(string(t))
		if strings.HasPrefix(strings.ToUpper(d), "DOCTYPE") {
			if g.externalDTD && !strings.ContainsAny(d, "[<%&") {
				return g.token() // a name and an external identifier, which nothing fetches
			}
			return nil, fmt.Errorf("%w: DOCTYPE declarations are not allowed", g.kind)
		}
		return nil, fmt.Errorf("%w: XML directives are not allowed", g.kind)
	case xml.StartElement:
		g.depth++
		if g.depth > maxDepth {
			return nil, fmt.Errorf("%w: elements nested deeper than %d", g.kind, maxDepth)
		}
	case xml.EndElement:
		g.depth--
	}
	return t, nil
}

// next is token with the end of input inside an element reported as an error.
func (g *guard) next() (xml.Token, error) {
	t, err := g.token()
	if err == io.EOF {
		return nil, fmt.Errorf("%w: unexpected end of file", g.kind)
	}
	return t, err
}

// skip consumes the rest of the element just opened.
func (g *guard) skip() error {
	start := g.depth
	for g.depth >= start {
		if _, err := g.next(); err != nil {
			return err
		}
	}
	return nil
}

// text reads the character data of the element just opened up to its end, with the text of any
// element inside it.
func (g *guard) text() (string, error) {
	var b strings.Builder
	start := g.depth
	for {
		t, err := g.next()
		if err != nil {
			return "", err
		}
		switch t := t.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.EndElement:
			if g.depth < start {
				return b.String(), nil
			}
		}
	}
}

// limitedReader fails once more than left bytes have been read.
type limitedReader struct {
	r        io.Reader
	left     int64
	max      int64
	kind     error
	exceeded bool
}

func (l *limitedReader) Read(p []byte) (int, error) {
	if l.left < 0 {
		l.exceeded = true
		return 0, fmt.Errorf("%w: input too large", l.kind)
	}
	if int64(len(p)) > l.left+1 {
		p = p[:l.left+1]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	if l.left < 0 {
		l.exceeded = true
		return 0, fmt.Errorf("%w: input too large", l.kind)
	}
	return n, err
}

func attr(se xml.StartElement, name string) string {
	for _, a := range se.Attr {
		if a.Name.Local == name && (a.Name.Space == "" || a.Name.Space == xmlNS) {
			return a.Value
		}
	}
	return ""
}

// xmlNS is the namespace of xml:lang and xml:space, as encoding/xml names it.
const xmlNS = "http://www.w3.org/XML/1998/namespace"
