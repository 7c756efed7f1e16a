package document

import (
	"archive/zip"
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"

	"github.com/tilmash/tilmash/pipeline"
)

// Signatures of the binary files an upload may be.
var (
	zipSignature = []byte("PK\x03\x04")
	// An OLE compound file: a legacy .doc, or any Office document protected with a password,
	// which Office stores encrypted inside one.
	oleSignature = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	pdfSignature = []byte("%PDF-")
)

// DetectFormat tells the format of an uploaded file from its content: a Word document by its zip
// signature and its [Content_Types].xml, a web page by its tags, Markdown by its syntax, and plain
// text otherwise. Files that cannot be read at all are errors a person can act on:
// "error.ingest.file_encrypted" (an OLE compound file: a password-protected or pre-2007 Word
// document), "error.ingest.file_corrupt" (a damaged zip), "error.ingest.file_unsupported" (a
// zip that is not a Word document, a PDF, other binary data).
func DetectFormat(data []byte) (pipeline.Format, error) {
	switch {
	case bytes.HasPrefix(data, oleSignature):
		return "", &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.ingest.file_encrypted",
			Err: fmt.Errorf("an OLE compound file: encrypted or legacy Office document")}
	case bytes.HasPrefix(data, zipSignature) || bytes.HasPrefix(data, []byte("PK\x05\x06")):
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return "", corrupt(fmt.Errorf("read zip: %w", err))
		}
		hasTypes, hasDocument := false, false
		for _, f := range zr.File {
			hasTypes = hasTypes || f.Name == "[Content_Types].xml"
			hasDocument = hasDocument || strings.HasPrefix(f.Name, "word/")
		}
		if hasTypes && hasDocument {
			return pipeline.FormatDOCX, nil
		}
		return "", unsupported(fmt.Errorf("a zip archive that is not a Word document"))
	case bytes.HasPrefix(data, pdfSignature):
		return "", unsupported(fmt.Errorf("a PDF file"))
	}
	text, err := DecodeText(data)
	if err != nil {
		return "", err
	}
	switch {
	case looksLikeHTML(text, true):
		return pipeline.FormatHTML, nil
	case looksLikeMarkdown(text):
		return pipeline.FormatMarkdown, nil
	case looksLikeHTML(text, false):
		return pipeline.FormatHTML, nil
	}
	return pipeline.FormatText, nil
}

// CheckFormat reconciles a declared format with the detected one. Text and Markdown stand in
// for each other (plain text is Markdown, Markdown is readable as text), and Markdown may carry
// a few HTML tags; any other difference means the file is not what the sender said, which is
// "error.ingest.format_mismatch" rather than a guess. An empty declaration takes the detected
// format.
func CheckFormat(declared, detected pipeline.Format) (pipeline.Format, error) {
	if declared == "" {
		return detected, nil
	}
	textual := func(f pipeline.Format) bool { return f == pipeline.FormatText || f == pipeline.FormatMarkdown }
	if declared == detected || (textual(declared) && textual(detected)) {
		return declared, nil
	}
	return "", &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.ingest.format_mismatch",
		Data: map[string]any{"Declared": string(declared), "Detected": string(detected)},
		Err:  fmt.Errorf("declared %s, but the content is %s", declared, detected)}
}

// DecodeText returns uploaded text as UTF-8: a UTF-8 byte-order mark is dropped, UTF-16 with a
// byte-order mark (what Word's "Unicode text" writes) is converted, and anything else that is
// not UTF-8, or that holds NUL bytes, is refused as "error.text_invalid_utf8" or
// "error.ingest.file_unsupported".
func DecodeText(data []byte) (string, error) {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err != nil {
			return "", invalid(msgTextInvalidUTF8, fmt.Errorf("decode UTF-16: %w", err))
		}
		data = out
	}
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if bytes.IndexByte(data, 0) >= 0 {
		return "", unsupported(fmt.Errorf("binary data"))
	}
	if !utf8.Valid(data) {
		return "", invalid(msgTextInvalidUTF8, errInvalidUTF8)
	}
	return string(data), nil
}

func unsupported(cause error) error {
	return &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.ingest.file_unsupported", Err: cause}
}

var (
	htmlDocument = regexp.MustCompile(`(?i)^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*(<!doctype\s+html|<html[\s>])|<(head|body)[\s>]`)
	htmlBlockTag = regexp.MustCompile(`(?i)</(p|div|h[1-6]|li|article|section|blockquote|td|span|a)>`)

	mdHeading  = regexp.MustCompile(`(?m)^#{1,6}[ \t]+\S`)
	mdLink     = regexp.MustCompile(`\[[^\]\n]+\]\([^)\s]+[^)\n]*\)`)
	mdNoteDef  = regexp.MustCompile(`(?m)^\[\^[^\]\s]+\]:`)
	mdFence    = regexp.MustCompile("(?m)^(```|~~~)")
	mdStrong   = regexp.MustCompile(`\*\*[^*\n]+\*\*|__[^_\n]+__`)
	mdQuote    = regexp.MustCompile(`(?m)^>[ \t]?\S`)
	mdSetext   = regexp.MustCompile(`(?m)^\S[^\n]*\n(=+|-{3,})[ \t]*$`)
	mdEmphasis = regexp.MustCompile(`(?:^|[\s(])\*[^*\s][^*\n]*\*(?:[\s.,;:!?)]|$)`)
)

// mdSyntax is a piece of Markdown syntax that looksLikeMarkdown weighs, with literals one of
// which every match contains: the expression runs only on text that has one, and most pasted
// text has none (running all eight over a long article was most of the time of detection).
type mdSyntax struct {
	re     *regexp.Regexp
	needs  []string
	weight int
}

var mdSyntaxes = []mdSyntax{
	{mdHeading, []string{"#"}, 2},
	{mdLink, []string{"]("}, 2},
	{mdNoteDef, []string{"[^"}, 2},
	{mdFence, []string{"```", "~~~"}, 2},
	{mdStrong, []string{"**", "__"}, 1},
	{mdQuote, []string{">"}, 1},
	{mdSetext, []string{"\n=", "\n---"}, 1},
	{mdEmphasis, []string{"*"}, 1},
}

// IsHTMLDocument reports a whole web page (a doctype, <html>, <head> or <body>), as opposed to
// text with a few tags in it.
func IsHTMLDocument(text string) bool { return looksLikeHTML(text, true) }

// looksLikeHTML reports a web page: a document (doctype, <html>, <head> or <body>) when strict,
// and otherwise at least three closing block tags.
func looksLikeHTML(text string, strict bool) bool {
	head := text
	if len(head) > 4096 {
		head = head[:4096]
	}
	if htmlDocument.MatchString(head) {
		return true
	}
	return !strict && strings.Contains(text, "</") && len(htmlBlockTag.FindAllStringIndex(text, 4)) >= 3
}

// looksLikeMarkdown weighs syntax plain text rarely has: ATX headings, links, note definitions
// and code fences count two, strong emphasis, quotes, setext headings and emphasis one. Text
// pasted from PDFs has dashes and numbered lines too, so list markers do not count.
func looksLikeMarkdown(text string) bool {
	score := 0
	for _, m := range mdSyntaxes {
		for _, lit := range m.needs {
			if strings.Contains(text, lit) {
				if m.re.MatchString(text) {
					score += m.weight
				}
				break
			}
		}
		if score >= 2 {
			return true
		}
	}
	return false
}
