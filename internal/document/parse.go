package document

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/tilmash/tilmash/pipeline"
)

// Parse turns raw article text in the given format into a Document. Errors are *pipeline.Error with
// CodeInvalid: empty text ("error.text_empty"), invalid UTF-8 ("error.text_invalid_utf8"), no article
// body found ("error.text_no_body").
//
// The text is normalised first: NFC, line endings unified, zero-width characters and soft hyphens
// removed, and inside every block runs of spaces, tabs and no-break spaces collapsed to one
// space. Words are never rewritten. Plain text (pipeline.FormatText, also the empty format) is
// read as pasted from a web page or a PDF: see parseText. Markdown (pipeline.FormatMarkdown) is
// read with CommonMark rules: see parseMarkdown. lang is the article's language; the structure
// rules work the same for all four languages, and plain text asks it only where a list runs
// into the text after it (where does the last item's sentence end?). An unsupported language
// is the invalid-input error "error.lang_unknown", an unknown format "error.format_unknown".
func Parse(text string, format pipeline.Format, lang pipeline.Lang) (pipeline.Document, error) {
	normalized, err := normalizeInput(text, lang)
	if err != nil {
		return pipeline.Document{}, err
	}
	switch format {
	case pipeline.FormatText, "":
		return parseText(normalized, lang)
	case pipeline.FormatMarkdown:
		return parseMarkdown(normalized)
	}
	return pipeline.Document{}, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: msgFormatUnknown,
		Data: map[string]any{"Format": string(format)}, Err: fmt.Errorf("unknown article format %q", format)}
}

// normalizeInput checks and normalises an article's text for Parse and ParseMarkdownMarkup: it
// must be UTF-8, not blank, and in a language Tilmash knows.
func normalizeInput(text string, lang pipeline.Lang) (string, error) {
	if !utf8.ValidString(text) {
		return "", invalid(msgTextInvalidUTF8, errInvalidUTF8)
	}
	normalized := normalizeText(text)
	if strings.TrimFunc(normalized, isSpace) == "" {
		return "", invalid(msgTextEmpty, errTextEmpty)
	}
	if !lang.Valid() {
		_, err := pipeline.ParseLang(string(lang))
		return "", err
	}
	return normalized, nil
}
