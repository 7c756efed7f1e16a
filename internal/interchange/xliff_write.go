package interchange

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/tilmash/tilmash/pipeline"
)

// XLIFF versions Tilmash writes.
const (
	XLIFF12 = "1.2"
	XLIFF21 = "2.1"
)

// ParseXLIFFVersion accepts "1.2", and "2.1" (also "2", "2.0" and "" for the default, 2.1).
func ParseXLIFFVersion(s string) (string, error) {
	switch strings.TrimSpace(s) {
	case "", "2", "2.0", "2.1":
		return XLIFF21, nil
	case "1.2", "1":
		return XLIFF12, nil
	}
	return "", &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "interchange.xliff_version",
		Data: map[string]any{"Version": s}, Err: fmt.Errorf("XLIFF version %q: Tilmash writes 1.2 and 2.1", s)}
}

// EditionFile is an edition as an exchange file carries it.
type EditionFile struct {
	Article pipeline.Article
	Edition pipeline.Edition
	Units   []Unit
}

// Unit is one segment of an edition in an exchange file.
type Unit struct {
	Key         string // pipeline.SegmentKey: the unit's id
	Segment     pipeline.Segment
	Translation pipeline.SegmentTranslation
	Notes       []Note
	Matches     []pipeline.MemoryMatch // memory suggestions, best first
}

// Note is a remark on a unit for the translator: an open finding of the checks, or a term found
// in its source.
type Note struct {
	Category string // "finding" or "term"
	Text     string
	Priority int // 1 (most important) to 10
}

// FileName is the name an edition's file gets when downloaded: slug.lang.xlf, with the XLIFF
// version for 2.1 (slug.lang.xliff21.xlf).
func FileName(a pipeline.Article, lang pipeline.Lang, version string) string {
	if version == XLIFF21 {
		return a.Slug + "." + string(lang) + ".xliff21.xlf"
	}
	return a.Slug + "." + string(lang) + ".xlf"
}

// kindType is the unit's role in the article, as context for the translator.
func kindType(k pipeline.BlockKind) string { return strings.ReplaceAll(string(k), "_", "-") }

// state12 maps a segment's state to XLIFF 1.2's target state and state-qualifier.
func state12(t pipeline.SegmentTranslation, e pipeline.EditionState) (state, qualifier string) {
	switch t.State {
	case pipeline.SegmentDraft:
		if strings.HasPrefix(t.Origin, "tm:") {
			return "needs-review-translation", "leveraged-tm"
		}
		return "needs-review-translation", "leveraged-mt"
	case pipeline.SegmentEdited:
		return "translated", ""
	case pipeline.SegmentConfirmed:
		if e == pipeline.StateApproved || e == pipeline.StatePublished {
			return "final", ""
		}
		return "signed-off", ""
	}
	return "needs-translation", ""
}

// state21 maps a segment's state to XLIFF 2.x's segment state and a Tilmash subState.
func state21(t pipeline.SegmentTranslation, e pipeline.EditionState) (state, subState string) {
	switch t.State {
	case pipeline.SegmentDraft:
		if strings.HasPrefix(t.Origin, "tm:") {
			return "initial", "tl:memory"
		}
		return "initial", "tl:machine"
	case pipeline.SegmentEdited:
		return "translated", "tl:edited"
	case pipeline.SegmentConfirmed:
		if e == pipeline.StateApproved || e == pipeline.StatePublished {
			return "final", "tl:approved"
		}
		return "reviewed", "tl:confirmed"
	}
	return "initial", "tl:empty"
}

// confirmedState reports whether a state read from a file says a person reviewed the text:
// 1.2's signed-off and final (or approved="yes"), 2.x's reviewed and final.
func confirmedState(version, state string, approved bool) bool {
	if strings.HasPrefix(version, "1") {
		return approved || state == "signed-off" || state == "final"
	}
	return state == "reviewed" || state == "final"
}

// WriteXLIFF writes f as XLIFF of the given version (XLIFF12 or XLIFF21).
func (f *EditionFile) WriteXLIFF(w io.Writer, version string) error {
	x := newXMLWriter(w)
	if version == XLIFF12 {
		f.write12(x)
	} else {
		f.write21(x)
	}
	return x.flush()
}

func (f *EditionFile) write12(x *xmlWriter) {
	src, tgt := string(f.Article.SourceLang), string(f.Edition.Lang)
	x.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	x.raw(`<xliff version="1.2" xmlns="` + NamespaceXLIFF12 + `" xmlns:tl="` + Namespace + `">` + "\n")
	x.raw(indent(1) + "<file")
	x.attr("original", f.Article.Slug)
	x.attr("source-language", src)
	x.attr("target-language", tgt)
	x.attr("datatype", "plaintext")
	x.attr("tool-id", "tilmash")
	x.attr("tl:article", strconv.FormatInt(f.Article.ID, 10))
	x.attr("tl:lang", tgt)
	x.attr("tl:revision", strconv.FormatInt(f.Edition.RevisionID, 10))
	x.raw(">\n" + indent(2) + `<header><tool tool-id="tilmash" tool-name="Tilmash"/></header>` + "\n")
	x.raw(indent(2) + "<body>\n")
	for _, u := range f.Units {
		markup := u.Segment.Inline
		x.raw(indent(3) + "<trans-unit")
		x.attr("id", u.Key)
		x.attr("restype", "x-"+kindType(u.Segment.Kind))
		if u.Translation.State == pipeline.SegmentConfirmed {
			x.attr("approved", "yes")
		}
		x.attr("tl:segment", strconv.FormatInt(u.Segment.ID, 10))
		x.attr("tl:version", strconv.Itoa(u.Translation.Version))
		x.raw(">\n" + indent(4) + "<source")
		x.attr("xml:lang", src)
		x.raw(">")
		writeContent12(x, toContent(u.Segment.Text, markup), markup)
		x.raw("</source>\n" + indent(4) + "<target")
		x.attr("xml:lang", tgt)
		state, qualifier := state12(u.Translation, f.Edition.State)
		x.attr("state", state)
		if qualifier != "" {
			x.attr("state-qualifier", qualifier)
		}
		x.raw(">")
		// OmegaT, like other tools, translates the text of <target>: an untranslated unit carries a
		// copy of its source, which an import recognises and leaves alone.
		target := u.Translation.Text
		if strings.TrimSpace(target) == "" {
			target = u.Segment.Text
		}
		writeContent12(x, toContent(target, markup), markup)
		x.raw("</target>\n")
		for _, m := range u.Matches {
			x.raw(indent(4) + "<alt-trans")
			x.attr("match-quality", strconv.Itoa(m.Score))
			x.attr("origin", "tilmash-memory")
			x.raw("><source")
			x.attr("xml:lang", string(m.Entry.SourceLang))
			x.raw(">")
			x.text(pipeline.StripPlaceholders(m.Entry.Source))
			x.raw("</source><target")
			x.attr("xml:lang", string(m.Entry.TargetLang))
			x.raw(">")
			x.text(pipeline.StripPlaceholders(m.Entry.Target))
			x.raw("</target></alt-trans>\n")
		}
		for _, n := range u.Notes {
			x.raw(indent(4) + "<note")
			x.attr("from", "tilmash-"+n.Category)
			x.attr("priority", strconv.Itoa(n.Priority))
			x.attr("annotates", map[bool]string{true: "target", false: "source"}[n.Category == "finding"])
			x.raw(">")
			x.text(n.Text)
			x.raw("</note>\n")
		}
		x.raw(indent(3) + "</trans-unit>\n")
	}
	x.raw(indent(2) + "</body>\n" + indent(1) + "</file>\n</xliff>\n")
}

// writeContent12 writes content with XLIFF 1.2's inline elements: <g> around linked and
// emphasised words, <x/> for a footnote reference.
func writeContent12(x *xmlWriter, c Content, markup pipeline.InlineMarkup) {
	kinds := inlineKinds(markup)
	for _, s := range c {
		id, _ := strconv.Atoi(s.ID)
		switch s.Kind {
		case SpanText:
			x.text(s.Text)
		case SpanOpen:
			x.raw("<g")
			x.attr("id", s.ID)
			x.attr("ctype", ctype12(kinds[id]))
			x.raw(">")
		case SpanClose:
			x.raw("</g>")
		case SpanEmpty:
			x.raw("<x")
			x.attr("id", s.ID)
			x.attr("ctype", "x-footnote-ref")
			x.raw("/>")
		}
	}
}

func ctype12(k pipeline.InlineKind) string {
	switch k {
	case pipeline.InlineLink:
		return "link"
	case pipeline.InlineEmphasis:
		return "italic"
	case pipeline.InlineStrong:
		return "bold"
	}
	return "x-" + string(k)
}

func (f *EditionFile) write21(x *xmlWriter) {
	src, tgt := string(f.Article.SourceLang), string(f.Edition.Lang)
	x.raw(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	x.raw(`<xliff xmlns="` + NamespaceXLIFF2 + `" version="2.1"`)
	x.attr("srcLang", src)
	x.attr("trgLang", tgt)
	x.raw(` xmlns:mtc="` + namespaceMatches + `" xmlns:tl="` + Namespace + `"`)
	x.attr("tl:article", strconv.FormatInt(f.Article.ID, 10))
	x.attr("tl:lang", tgt)
	x.attr("tl:revision", strconv.FormatInt(f.Edition.RevisionID, 10))
	x.raw(">\n" + indent(1) + "<file")
	x.attr("id", "f1")
	x.attr("original", f.Article.Slug)
	x.raw(">\n")
	for _, u := range f.Units {
		markup := u.Segment.Inline
		x.raw(indent(2) + "<unit")
		x.attr("id", u.Key)
		x.attr("name", kindType(u.Segment.Kind))
		x.attr("type", "tl:"+kindType(u.Segment.Kind))
		x.attr("tl:segment", strconv.FormatInt(u.Segment.ID, 10))
		x.attr("tl:version", strconv.Itoa(u.Translation.Version))
		x.raw(">\n")
		if len(u.Matches) > 0 {
			x.raw(indent(3) + "<mtc:matches>\n")
			for _, m := range u.Matches {
				x.raw(indent(4) + "<mtc:match")
				x.attr("ref", "#s")
				x.attr("similarity", strconv.Itoa(m.Score))
				x.attr("type", "tm")
				x.attr("origin", "tilmash-memory")
				x.raw("><source>")
				x.text(pipeline.StripPlaceholders(m.Entry.Source))
				x.raw("</source><target>")
				x.text(pipeline.StripPlaceholders(m.Entry.Target))
				x.raw("</target></mtc:match>\n")
			}
			x.raw(indent(3) + "</mtc:matches>\n")
		}
		if len(u.Notes) > 0 {
			x.raw(indent(3) + "<notes>\n")
			for _, n := range u.Notes {
				x.raw(indent(4) + "<note")
				x.attr("category", n.Category)
				x.attr("priority", strconv.Itoa(n.Priority))
				x.attr("appliesTo", map[bool]string{true: "target", false: "source"}[n.Category == "finding"])
				x.raw(">")
				x.text(n.Text)
				x.raw("</note>\n")
			}
			x.raw(indent(3) + "</notes>\n")
		}
		state, subState := state21(u.Translation, f.Edition.State)
		x.raw(indent(3) + "<segment")
		x.attr("id", "s")
		x.attr("state", state)
		x.attr("subState", subState)
		x.raw(">\n" + indent(4) + "<source>")
		writeContent21(x, toContent(u.Segment.Text, markup), markup)
		x.raw("</source>\n")
		if strings.TrimSpace(u.Translation.Text) != "" {
			x.raw(indent(4) + "<target>")
			writeContent21(x, toContent(u.Translation.Text, markup), markup)
			x.raw("</target>\n")
		}
		x.raw(indent(3) + "</segment>\n" + indent(2) + "</unit>\n")
	}
	x.raw(indent(1) + "</file>\n</xliff>\n")
}

// writeContent21 writes content with XLIFF 2's inline elements: <pc> around linked and
// emphasised words, <ph/> for a footnote reference.
func writeContent21(x *xmlWriter, c Content, markup pipeline.InlineMarkup) {
	notes := map[int]int{}
	kinds := map[int]pipeline.InlineKind{}
	for _, in := range markup.List() {
		notes[in.ID] = in.Note
		kinds[in.ID] = in.Kind
	}
	for _, s := range c {
		id, _ := strconv.Atoi(s.ID)
		switch s.Kind {
		case SpanText:
			x.text(s.Text)
		case SpanOpen:
			x.raw("<pc")
			x.attr("id", s.ID)
			switch kinds[id] {
			case pipeline.InlineLink:
				x.attr("type", "link")
			case pipeline.InlineEmphasis:
				x.attr("type", "fmt")
				x.attr("subType", "xlf:i")
			case pipeline.InlineStrong:
				x.attr("type", "fmt")
				x.attr("subType", "xlf:b")
			}
			x.raw(">")
		case SpanClose:
			x.raw("</pc>")
		case SpanEmpty:
			x.raw("<ph")
			x.attr("id", s.ID)
			x.attr("type", "other")
			if n := notes[id]; n > 0 {
				x.attr("disp", "["+strconv.Itoa(n)+"]")
			}
			x.raw("/>")
		}
	}
}
