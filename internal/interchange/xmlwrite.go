package interchange

import (
	"bufio"
	"io"
	"strings"
	"unicode/utf8"
)

// xmlWriter writes XML by hand, for the few shapes Tilmash writes, with a sticky error.
type xmlWriter struct {
	w   *bufio.Writer
	err error
}

func newXMLWriter(w io.Writer) *xmlWriter { return &xmlWriter{w: bufio.NewWriterSize(w, 64<<10)} }

func (x *xmlWriter) raw(s string) {
	if x.err == nil {
		_, x.err = x.w.WriteString(s)
	}
}

// text writes s as character data.
func (x *xmlWriter) text(s string) { x.escape(s, false) }

// attr writes ` name="value"`.
func (x *xmlWriter) attr(name, value string) {
	x.raw(" " + name + `="`)
	x.escape(value, true)
	x.raw(`"`)
}

// escape writes s escaped for text or an attribute value, leaving out characters XML cannot
// carry (control characters other than tab and line breaks, invalid UTF-8).
func (x *xmlWriter) escape(s string, inAttr bool) {
	if x.err != nil {
		return
	}
	start := 0
	flush := func(i int) {
		if start < i {
			x.raw(s[start:i])
		}
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		var rep string
		switch {
		case r == '&':
			rep = "&amp;"
		case r == '<':
			rep = "&lt;"
		case r == '>':
			rep = "&gt;"
		case r == '"' && inAttr:
			rep = "&quot;"
		case r == '\n' && inAttr:
			rep = "&#xA;"
		case r == '\r':
			rep = "&#xD;"
		case r == '\t' && inAttr:
			rep = "&#x9;"
		case r == utf8.RuneError && n == 1, !xmlChar(r):
			rep = ""
		default:
			i += n
			continue
		}
		flush(i)
		x.raw(rep)
		i += n
		start = i
	}
	flush(len(s))
}

// xmlChar reports whether XML 1.0 allows r.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || (r >= 0x20 && r <= 0xD7FF) ||
		(r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}

func (x *xmlWriter) flush() error {
	if x.err != nil {
		return x.err
	}
	return x.w.Flush()
}

// indent returns n levels of two spaces.
func indent(n int) string { return strings.Repeat("  ", n) }
