// Package document parses incoming article text into blocks and sentence segments.
//
// Articles arrive as text pasted from PDFs and web pages, as Markdown, as web pages or as Word
// documents. The readers recover the structure a reader sees (title, headings, paragraphs,
// quotes, list items, figure captions, notes, byline) and drop what the copy dragged along with
// it (site navigation, the title printed twice, front matter, publication dates and reading
// times, a PDF's running headers, page numbers and footers). They tell these apart by what
// holds for any source (a note is what a link points forward to, a running header is a line
// that opens most pages, a caption stands beside an image), not by one site's class names. Segments then cuts
// every block into sentences, the unit of translation, with the splitter of internal/text (Unicode
// sentence boundaries corrected by per-language rules for abbreviations, initials and numbering),
// the one the checks count sentences with.
//
// The package only restores structure and normalises spacing; it never rewrites words. Repairing
// words that a PDF copy glued together is left to a later stage.
package document
