// Package ingest turns a submitted article into what the store keeps: it validates the request,
// parses the text into blocks and splits them into sentence segments.
package ingest

import (
	"fmt"

	"github.com/tilmash/tilmash/document"
	"github.com/tilmash/tilmash/pipeline"
)

// Prepare validates req and parses and segments its text. maxBytes <= 0 means the default limit.
// Every error is a *pipeline.Error a person can read; nothing is stored here.
func Prepare(req pipeline.IngestRequest, maxBytes int) (pipeline.NewArticle, error) {
	if err := req.Validate(maxBytes); err != nil {
		return pipeline.NewArticle{}, err
	}
	doc, err := document.Parse(req.Text, req.Format, req.SourceLang)
	if err != nil {
		return pipeline.NewArticle{}, err
	}
	// An all-capitals title (common in pasted pages) is shown and translated in normal case.
	if display := document.DisplayTitle(doc.Title, req.SourceLang); display != doc.Title {
		for i, b := range doc.Blocks {
			if b.Kind == pipeline.BlockTitle && b.Text == doc.Title {
				doc.Blocks[i].Text = display
			}
		}
		doc.Title = display
	}
	segs := document.Segments(doc, req.SourceLang)
	if len(segs) == 0 {
		return pipeline.NewArticle{}, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.text_no_body",
			Err: fmt.Errorf("no sentences found in the text")}
	}
	return pipeline.NewArticle{Request: req, Doc: doc, Segments: segs}, nil
}
