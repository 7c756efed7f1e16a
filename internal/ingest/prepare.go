// Package ingest turns a submitted article into what the store keeps: it reads the file in its
// format (plain text, Markdown, a web page or a Word document), repairs the text damaged by
// copying, parses it into blocks and splits them into sentence segments. Nothing is stored here,
// so a refused article leaves nothing behind.
package ingest

import (
	"fmt"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/internal/repair"
	"github.com/tilmash/tilmash/pipeline"
)

// Preparer prepares submitted articles. It holds the text repairer, whose word lists take a
// quarter of a second and some 80 MB to load, so a program loads one Preparer and shares it; it
// is safe for concurrent use.
type Preparer struct {
	repairer *repair.Repairer // nil: the text is not repaired
	limits   pipeline.ArticleLimits
}

// New returns a Preparer that repairs with r; a nil r skips the repair. It holds articles to the
// default limits (see WithLimits).
func New(r *repair.Repairer) *Preparer { return &Preparer{repairer: r} }

// WithLimits returns a Preparer like p that holds articles to l (zeros: the defaults).
func (p *Preparer) WithLimits(l pipeline.ArticleLimits) *Preparer {
	q := *p
	q.limits = l
	return &q
}

// Load loads the repairer's word lists and returns a Preparer using them.
func Load() (*Preparer, error) {
	r, err := repair.New()
	if err != nil {
		return nil, fmt.Errorf("load text repair: %w", err)
	}
	return New(r), nil
}

// Prepare reads, validates, repairs, parses and segments req.Text. req.Format is the declared
// format; empty means "detect it". The detected format must agree with a declared one (see
// document.CheckFormat), and a Word document or web page is stored as the Markdown extracted
// from it: the returned Request holds that text and FormatMarkdown, and SourceFormat the format
// it came in. The repair runs on that text, in the article's language, before parsing; its
// changes are in offsets of Request.Text and come back with the open questions. maxBytes <= 0
// means the default limit; it applies to the text, and a web page or Word file may be up to
// fileFactor times larger. An article with more segments, or a longer segment, than the
// Preparer's limits allow is refused. Every error is a *pipeline.Error a person can read.
func (p *Preparer) Prepare(req pipeline.IngestRequest, maxBytes int) (pipeline.NewArticle, error) {
	if maxBytes <= 0 {
		maxBytes = pipeline.DefaultMaxBodyBytes
	}
	if !req.SourceLang.Valid() {
		_, err := pipeline.ParseLang(string(req.SourceLang))
		return pipeline.NewArticle{}, err
	}
	source, format, arrived, err := readSource(req.Text, req.Format, maxBytes)
	if err != nil {
		return pipeline.NewArticle{}, err
	}
	req.Text, req.Format = source, format
	if err := req.Validate(maxBytes); err != nil {
		return pipeline.NewArticle{}, err
	}
	in := pipeline.NewArticle{Request: req, SourceFormat: arrived}
	text := req.Text
	if p.repairer != nil {
		res := p.repairer.Repair(text, req.SourceLang)
		text = res.Text
		for _, c := range res.Changes {
			in.Repairs = append(in.Repairs, pipeline.RepairChange{Start: c.Start, End: c.End, Before: c.Before,
				After: c.After, Rule: c.Rule})
		}
		for _, q := range res.Questions {
			in.Questions = append(in.Questions, pipeline.RepairQuestion{Start: q.Start, End: q.End, Token: q.Token,
				Candidates: q.Candidates, Reason: q.Reason})
		}
	}
	in.Doc, in.Segments, err = Parse(text, req.Format, req.SourceLang)
	if err != nil {
		return pipeline.NewArticle{}, err
	}
	if err := p.limits.Check(in.Segments); err != nil {
		return pipeline.NewArticle{}, err
	}
	return in, nil
}

// Prepare is Preparer.Prepare without the text repair, for programs that do not load it.
func Prepare(req pipeline.IngestRequest, maxBytes int) (pipeline.NewArticle, error) {
	return New(nil).Prepare(req, maxBytes)
}

// Parse parses text (plain text or Markdown, as stored on a revision) and segments it, keeping
// Markdown's links, emphasis and notes as inline markup. An all-capitals title is shown and
// translated in normal case. It is also what re-prepares a revision when an editor undoes a
// repair.
func Parse(text string, format pipeline.Format, lang pipeline.Lang) (pipeline.Document, []pipeline.Segment, error) {
	var doc pipeline.Document
	var err error
	switch format {
	case pipeline.FormatMarkdown:
		doc, err = document.ParseMarkdownMarkup(text, lang)
	default:
		doc, err = document.Parse(text, format, lang)
	}
	if err != nil {
		return pipeline.Document{}, nil, err
	}
	// An all-capitals title (common in pasted pages) is shown and translated in normal case.
	if display := document.DisplayTitle(doc.Title, lang); display != doc.Title {
		for i, b := range doc.Blocks {
			if b.Kind == pipeline.BlockTitle && b.Text == doc.Title {
				doc.Blocks[i].Text = display
			}
		}
		doc.Title = display
	}
	segs := document.MarkupSegments(doc, lang)
	if len(segs) == 0 {
		return pipeline.Document{}, nil, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.text_no_body",
			Err: fmt.Errorf("no sentences found in the text")}
	}
	return doc, segs, nil
}
