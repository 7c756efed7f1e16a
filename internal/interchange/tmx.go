package interchange

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/tilmash/tilmash/pipeline"
)

// MemoryStore is what exchanging the translation memory needs from storage.
type MemoryStore interface {
	// EachMemoryRecord calls fn with every entry the filter selects, from a cursor.
	EachMemoryRecord(ctx context.Context, f pipeline.MemoryFilter, fn func(pipeline.MemoryRecord) error) error
	// ImportMemory adds the records next returns until io.EOF as one import, all or nothing.
	ImportMemory(ctx context.Context, imp *pipeline.MemoryImport, next func() (pipeline.MemoryRecord, error)) error
}

// How a TMX file writes the segments' inline markup.
const (
	// TagsTMX writes TMX's own inline elements: <bpt>/<ept> around linked or emphasised words and
	// <ph> for a footnote reference, each holding Tilmash's placeholder as its native code, which
	// an import reads back exactly.
	TagsTMX = "tmx"
	// TagsOmegaT writes the markup as OmegaT's numbered tags in the text (<g0>…</g0>, <x1/>,
	// numbered from 0 in order of appearance in the source), which is how OmegaT keys the
	// segments of an XLIFF file in its memories; an import reads them back to Tilmash's numbers.
	TagsOmegaT = "omegat"
)

// ParseTags accepts "tmx" (also "") and "omegat".
func ParseTags(s string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", TagsTMX:
		return TagsTMX, nil
	case TagsOmegaT:
		return TagsOmegaT, nil
	}
	return "", &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "interchange.tags_unknown",
		Data: map[string]any{"Tags": s}, Err: fmt.Errorf("unknown tag style %q (tmx or omegat)", s)}
}

const tmxDate = "20060102T150405Z"

// TMXWriter writes a TMX 1.4b file one unit at a time.
type TMXWriter struct {
	x    *xmlWriter
	tags string
}

// NewTMXWriter writes the TMX header to w; Write adds units and Close ends the file.
func NewTMXWriter(w io.Writer, tags string) *TMXWriter {
	t := &TMXWriter{x: newXMLWriter(w), tags: tags}
	t.x.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<tmx version="1.4">` + "\n")
	t.x.raw(`  <header creationtool="Tilmash" creationtoolversion="1" segtype="sentence" o-tmf="tilmash" adminlang="en" srclang="*all*" datatype="plaintext"`)
	if tags == TagsOmegaT {
		t.x.attr("o-encoding", "UTF-8")
		t.x.raw(`><prop type="x-tilmash-tags">omegat</prop></header>` + "\n")
	} else {
		t.x.raw("/>\n")
	}
	t.x.raw("  <body>\n")
	return t
}

// Write adds one memory entry as a translation unit: the source and target tuv, the dates and
// author in TMX's attributes, the article it came from as a <prop type="x-tilmash-article">.
func (t *TMXWriter) Write(r pipeline.MemoryRecord) error {
	x := t.x
	x.raw("    <tu")
	x.attr("srclang", string(r.SourceLang))
	if !r.CreatedAt.IsZero() {
		x.attr("creationdate", r.CreatedAt.UTC().Format(tmxDate))
	}
	if !r.UpdatedAt.IsZero() {
		x.attr("changedate", r.UpdatedAt.UTC().Format(tmxDate))
	}
	if r.CreatedBy != "" {
		x.attr("creationid", r.CreatedBy)
	}
	x.raw(">")
	if r.Article != "" {
		x.raw(`<prop type="x-tilmash-article">`)
		x.text(r.Article)
		x.raw("</prop>")
	}
	var numbers map[string]int
	if t.tags == TagsOmegaT {
		numbers = omegatNumbers(r.Source)
	}
	for _, v := range []struct {
		lang pipeline.Lang
		text string
	}{{r.SourceLang, r.Source}, {r.TargetLang, r.Target}} {
		x.raw("\n      <tuv")
		x.attr("xml:lang", string(v.lang))
		x.raw("><seg>")
		if t.tags == TagsOmegaT {
			x.text(omegatText(v.text, numbers))
		} else {
			writeTMXSeg(x, v.text)
		}
		x.raw("</seg></tuv>")
	}
	x.raw("\n    </tu>\n")
	return x.err
}

// Close ends the file and flushes it.
func (t *TMXWriter) Close() error {
	t.x.raw("  </body>\n</tmx>\n")
	return t.x.flush()
}

// writeTMXSeg writes a text with its placeholders as TMX inline elements holding them: <bpt> and
// <ept> for a well-formed pair, <ph> for a standalone one, <it> for a pair's tag without its
// partner.
func writeTMXSeg(x *xmlWriter, text string) {
	toks := pipeline.Tokens(text)
	paired := make([]bool, len(toks))
	var open []int
	used := map[string]bool{}
	for i, tok := range toks {
		switch {
		case tok.Kind == pipeline.TokenOpen && !used[tok.Text]:
			used[tok.Text] = true
			open = append(open, i)
		case tok.Kind == pipeline.TokenClose && !used[tok.Text]:
			used[tok.Text] = true
			if n := len(open); n > 0 && toks[open[n-1]].ID == tok.ID {
				paired[open[n-1]], paired[i] = true, true
				open = open[:n-1]
			}
		}
	}
	for i, tok := range toks {
		id := strconv.Itoa(tok.ID)
		switch {
		case tok.Kind == pipeline.TokenText:
			x.text(tok.Text)
		case tok.Kind == pipeline.TokenEmpty:
			x.raw(`<ph x="` + id + `">`)
			x.text(tok.Text)
			x.raw("</ph>")
		case paired[i] && tok.Kind == pipeline.TokenOpen:
			x.raw(`<bpt i="` + id + `">`)
			x.text(tok.Text)
			x.raw("</bpt>")
		case paired[i]:
			x.raw(`<ept i="` + id + `">`)
			x.text(tok.Text)
			x.raw("</ept>")
		default:
			pos := "begin"
			if tok.Kind == pipeline.TokenClose {
				pos = "end"
			}
			x.raw(`<it pos="` + pos + `">`)
			x.text(tok.Text)
			x.raw("</it>")
		}
	}
}

// omegatNumbers numbers the placeholders of a source text as OmegaT numbers the inline elements
// of a segment: from 0, in order of appearance, a pair sharing its number.
func omegatNumbers(source string) map[string]int {
	out := map[string]int{}
	for _, tok := range pipeline.Tokens(source) {
		if tok.Kind == pipeline.TokenText {
			continue
		}
		k := omegatKey(tok)
		if _, ok := out[k]; !ok {
			out[k] = len(out)
		}
	}
	return out
}

func omegatKey(tok pipeline.Token) string {
	if tok.Kind == pipeline.TokenEmpty {
		return "x" + strconv.Itoa(tok.ID)
	}
	return "g" + strconv.Itoa(tok.ID)
}

// omegatText writes a text's placeholders as OmegaT's tags, numbered as in the source; a
// placeholder the source does not have takes the next number.
func omegatText(text string, numbers map[string]int) string {
	var b strings.Builder
	for _, tok := range pipeline.Tokens(text) {
		if tok.Kind == pipeline.TokenText {
			b.WriteString(tok.Text)
			continue
		}
		k := omegatKey(tok)
		n, ok := numbers[k]
		if !ok {
			n = len(numbers)
			numbers[k] = n
		}
		switch tok.Kind {
		case pipeline.TokenOpen:
			b.WriteString("<g" + strconv.Itoa(n) + ">")
		case pipeline.TokenClose:
			b.WriteString("</g" + strconv.Itoa(n) + ">")
		default:
			b.WriteString("<x" + strconv.Itoa(n) + "/>")
		}
	}
	return b.String()
}

var omegatTag = regexp.MustCompile(`<(/?)([gx])(\d{1,5})(/?)>`)

// fromOmegaT reads OmegaT's numbered tags (from 0) back as Tilmash's placeholders (from 1).
func fromOmegaT(text string) string {
	if !strings.Contains(text, "<") {
		return text
	}
	return omegatTag.ReplaceAllStringFunc(text, func(m string) string {
		p := omegatTag.FindStringSubmatch(m)
		n, _ := strconv.Atoi(p[3])
		if (p[2] == "x") != (p[4] == "/") || (p[1] == "/" && p[4] == "/") {
			return m
		}
		return "<" + p[1] + p[2] + strconv.Itoa(n+1) + p[4] + ">"
	})
}

// ExportTMX writes the memory entries the filter selects as TMX 1.4b, streaming them from the
// store.
func ExportTMX(ctx context.Context, st MemoryStore, w io.Writer, f pipeline.MemoryFilter, tags string) error {
	tw := NewTMXWriter(w, tags)
	if err := st.EachMemoryRecord(ctx, f, tw.Write); err != nil {
		return err
	}
	return tw.Close()
}

// ImportTMX reads a TMX file as a stream and adds its units to the memory as one import named
// imp (file name, person); units in languages Tilmash does not publish in, or with empty or
// unusable text, are counted as skipped. A file that turns out malformed half-way adds nothing.
func ImportTMX(ctx context.Context, st MemoryStore, r io.Reader, imp *pipeline.MemoryImport, tags string) error {
	tr := NewTMXReader(r, tags)
	err := st.ImportMemory(ctx, imp, func() (pipeline.MemoryRecord, error) {
		rec, err := tr.Next()
		imp.Units, imp.Skipped = tr.Units, tr.Skipped
		return rec, err
	})
	if err != nil {
		return ReadError(err)
	}
	return nil
}

// TMXReader reads the units of a TMX file (1.4b, and the 1.1–1.4 files other tools write) one
// memory record at a time, token by token: memory stays bounded whatever the file's size.
type TMXReader struct {
	g       *guard
	tags    string
	srcLang string // the header's
	pending []pipeline.MemoryRecord
	root    bool
	// Units counts the translation units read, Skipped the units or language pairs left out.
	Units, Skipped int
}

// NewTMXReader reads TMX from r, with the given tag style (TagsTMX or TagsOmegaT; a file whose
// header says Tilmash wrote it with OmegaT's tags is read so whatever the style asked).
func NewTMXReader(r io.Reader, tags string) *TMXReader {
	g := newGuard(r, ErrTMX, MaxTMXSize)
	g.externalDTD = true
	return &TMXReader{g: g, tags: tags}
}

// Next returns the next memory record, io.EOF after the last, or an error wrapping ErrTMX for a
// file it refuses.
func (t *TMXReader) Next() (pipeline.MemoryRecord, error) {
	for len(t.pending) == 0 {
		tok, err := t.g.token()
		if err == io.EOF {
			if !t.root {
				return pipeline.MemoryRecord{}, fmt.Errorf("%w: no <tmx> element", ErrTMX)
			}
			return pipeline.MemoryRecord{}, io.EOF
		}
		if err != nil {
			return pipeline.MemoryRecord{}, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "tmx":
			t.root = true
		case "header":
			t.srcLang = attr(se, "srclang")
			if err := t.header(); err != nil {
				return pipeline.MemoryRecord{}, err
			}
		case "tu":
			if !t.root {
				return pipeline.MemoryRecord{}, fmt.Errorf("%w: <tu> outside <tmx>", ErrTMX)
			}
			if err := t.tu(se); err != nil {
				return pipeline.MemoryRecord{}, err
			}
		}
	}
	r := t.pending[0]
	t.pending = t.pending[1:]
	return r, nil
}

func (t *TMXReader) header() error {
	start := t.g.depth
	for {
		tok, err := t.g.next()
		if err != nil {
			return err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if tok.Name.Local == "prop" && attr(tok, "type") == "x-tilmash-tags" {
				v, err := t.g.text()
				if err != nil {
					return err
				}
				if strings.TrimSpace(v) == TagsOmegaT {
					t.tags = TagsOmegaT
				}
			}
		case xml.EndElement:
			if t.g.depth < start {
				return nil
			}
		}
	}
}

type tuv struct {
	lang             string
	text             string
	created, changed time.Time
	creator, article string
	hasSeg, unusable bool
	changedBy        string
}

// tu reads one translation unit into pending records: one per target language, from the tuv
// in the unit's (or the header's) source language; with srclang="*all*" the first tuv is the
// source.
func (t *TMXReader) tu(se xml.StartElement) error {
	t.Units++
	unit := tuv{created: tmxTime(attr(se, "creationdate")), changed: tmxTime(attr(se, "changedate")),
		creator: attr(se, "creationid"), changedBy: attr(se, "changeid")}
	src := attr(se, "srclang")
	if src == "" {
		src = t.srcLang
	}
	var tuvs []tuv
	start := t.g.depth
	for {
		tok, err := t.g.next()
		if err != nil {
			return err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch tok.Name.Local {
			case "prop":
				typ := attr(tok, "type")
				v, err := t.g.text()
				if err != nil {
					return err
				}
				if typ == "x-tilmash-article" {
					unit.article = strings.TrimSpace(v)
				}
			case "tuv":
				v, err := t.tuv(tok)
				if err != nil {
					return err
				}
				tuvs = append(tuvs, v)
			default:
				if err := t.g.skip(); err != nil {
					return err
				}
			}
		case xml.EndElement:
			if t.g.depth < start {
				t.records(unit, src, tuvs)
				return nil
			}
		}
	}
}

func (t *TMXReader) records(unit tuv, src string, tuvs []tuv) {
	at := -1
	for i, v := range tuvs {
		if src == "*all*" || src == "" {
			at = 0
			break
		}
		if sameLang(v.lang, src) {
			at = i
			break
		}
	}
	if at < 0 {
		t.Skipped++
		return
	}
	source := tuvs[at]
	sl, err := LangOf(source.lang, "source", ErrTMX)
	if err != nil || source.unusable || !usableText(source.text) {
		t.Skipped++
		return
	}
	made := 0
	for i, v := range tuvs {
		if i == at {
			continue
		}
		tl, err := LangOf(v.lang, "target", ErrTMX)
		if err != nil || tl == sl || v.unusable || !usableText(v.text) {
			t.Skipped++
			continue
		}
		r := pipeline.MemoryRecord{SourceLang: sl, TargetLang: tl, Source: source.text, Target: v.text,
			CreatedAt: first(v.created, unit.created), UpdatedAt: first(v.changed, unit.changed),
			CreatedBy: firstString(v.creator, unit.creator, v.changedBy, unit.changedBy), Article: firstString(v.article, unit.article)}
		if t.tags == TagsOmegaT {
			r.Source, r.Target = fromOmegaT(r.Source), fromOmegaT(r.Target)
		}
		t.pending = append(t.pending, r)
		made++
	}
	if made == 0 && len(tuvs) < 2 {
		t.Skipped++
	}
}

func sameLang(a, b string) bool {
	base := func(s string) string {
		s, _, _ = strings.Cut(strings.ReplaceAll(strings.ToLower(s), "_", "-"), "-")
		return s
	}
	return base(a) == base(b)
}

// usableText accepts a memory text: not blank, at most 64 KB, no control characters.
func usableText(s string) bool {
	return strings.TrimSpace(s) != "" && checkImportedText(s) == nil
}

func first(ts ...time.Time) time.Time {
	for _, t := range ts {
		if !t.IsZero() {
			return t
		}
	}
	return time.Time{}
}

func firstString(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// tmxTime reads a TMX date (YYYYMMDDThhmmssZ); anything else is no date.
func tmxTime(s string) time.Time {
	t, err := time.Parse(tmxDate, strings.TrimSpace(s))
	if err != nil {
		return time.Time{}
	}
	return t
}

func (t *TMXReader) tuv(se xml.StartElement) (tuv, error) {
	v := tuv{lang: attr(se, "lang"), created: tmxTime(attr(se, "creationdate")), changed: tmxTime(attr(se, "changedate")),
		creator: attr(se, "creationid"), changedBy: attr(se, "changeid")}
	start := t.g.depth
	for {
		tok, err := t.g.next()
		if err != nil {
			return v, err
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch tok.Name.Local {
			case "seg":
				v.hasSeg = true
				if v.text, v.unusable, err = t.seg(); err != nil {
					return v, err
				}
			case "prop":
				typ := attr(tok, "type")
				s, err := t.g.text()
				if err != nil {
					return v, err
				}
				if typ == "x-tilmash-article" {
					v.article = strings.TrimSpace(s)
				}
			default:
				if err := t.g.skip(); err != nil {
					return v, err
				}
			}
		case xml.EndElement:
			if t.g.depth < start {
				return v, nil
			}
		}
	}
}

// seg reads a segment's text: character data, <hi> keeps its text, and inline codes become
// Tilmash's placeholders: the one they hold when Tilmash wrote them, otherwise <gN>…</gN> for
// <bpt i="N">/<ept i="N"> and <xN/> for <ph>; isolated codes (<it>, <ut>) that hold none are
// dropped.
func (t *TMXReader) seg() (string, bool, error) {
	var b strings.Builder
	start := t.g.depth
	phs := 0
	for {
		tok, err := t.g.next()
		if err != nil {
			return "", false, err
		}
		switch tok := tok.(type) {
		case xml.CharData:
			b.Write(tok)
		case xml.StartElement:
			name := tok.Name.Local
			switch name {
			case "bpt", "ept", "ph", "it", "ut":
				native, err := t.g.text()
				if err != nil {
					return "", false, err
				}
				native = strings.TrimSpace(native)
				if ts := pipeline.Tokens(native); len(ts) == 1 && ts[0].Kind != pipeline.TokenText {
					b.WriteString(native)
					continue
				}
				n, _ := strconv.Atoi(attr(tok, "i"))
				switch name {
				case "bpt":
					if n > 0 {
						b.WriteString(pipeline.PlaceholderOpen(n))
					}
				case "ept":
					if n > 0 {
						b.WriteString(pipeline.PlaceholderClose(n))
					}
				case "ph":
					phs++
					if x, _ := strconv.Atoi(attr(tok, "x")); x > 0 {
						b.WriteString(pipeline.PlaceholderEmpty(x))
					} else {
						b.WriteString(pipeline.PlaceholderEmpty(100 + phs))
					}
				}
			}
		case xml.EndElement:
			if t.g.depth < start {
				return b.String(), false, nil
			}
		}
	}
}
