package ingest

import (
	"fmt"

	"github.com/tilmash/tilmash/internal/document"
	"github.com/tilmash/tilmash/pipeline"
)

// fileFactor is how much larger than the text limit a web page or a Word file may be: markup,
// styles and pictures that are dropped take far more room than the article's text. The text
// extracted from them must still fit the text limit.
const fileFactor = 8

// MaxFileBytes is the largest file accepted for a text limit of maxBytes (<= 0: the default).
func MaxFileBytes(maxBytes int) int {
	if maxBytes <= 0 {
		maxBytes = pipeline.DefaultMaxBodyBytes
	}
	return maxBytes * fileFactor
}

// readSource turns the submitted content into the text that is stored and repaired: plain text
// and Markdown as they are, a web page or a Word document as the Markdown extracted from it. It
// detects the format, checks it against the declared one, and refuses files that are too large,
// encrypted, damaged or of another kind before anything is parsed.
// It returns the text, the format it is in, and the format the content arrived in.
func readSource(raw string, declared pipeline.Format, maxBytes int) (string, pipeline.Format, pipeline.Format, error) {
	limit := maxBytes
	if declared != pipeline.FormatText && declared != pipeline.FormatMarkdown {
		limit = maxBytes * fileFactor
	}
	if len(raw) > limit {
		return "", "", "", &pipeline.Error{Code: pipeline.CodeTooLarge, MessageID: "error.text_too_large",
			Data: map[string]any{"Limit": limit}, Err: fmt.Errorf("file is %d bytes, limit %d", len(raw), limit)}
	}
	detected, err := document.DetectFormat([]byte(raw))
	if err != nil {
		return "", "", "", err
	}
	// A pasted article with a few tags in it is still the text it was declared to be; only a
	// whole web page or a Word document contradicts "text" or "markdown".
	if (declared == pipeline.FormatText || declared == pipeline.FormatMarkdown) && detected == pipeline.FormatHTML &&
		!document.IsHTMLDocument(raw) {
		detected = declared
	}
	format, err := document.CheckFormat(declared, detected)
	if err != nil {
		return "", "", "", err
	}
	switch format {
	case pipeline.FormatDOCX:
		md, err := document.DOCXToMarkdown([]byte(raw))
		return md, pipeline.FormatMarkdown, format, err
	case pipeline.FormatHTML:
		text, err := document.DecodeText([]byte(raw))
		if err != nil {
			return "", "", "", err
		}
		md, err := document.HTMLToMarkdown(text)
		return md, pipeline.FormatMarkdown, format, err
	}
	text, err := document.DecodeText([]byte(raw))
	return text, format, format, err
}
