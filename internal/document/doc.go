// Package document parses incoming article text into blocks and sentence segments.
//
// Articles arrive as text pasted from PDFs and web pages, or as Markdown. Parse recovers the
// structure a reader sees (title, headings, paragraphs, quotes, list items, byline) and drops what
// the copy dragged along with it (site navigation, the title printed twice). Segments then cuts
// every block into sentences, the unit of translation, with the splitter of internal/text (Unicode
// sentence boundaries corrected by per-language rules for abbreviations, initials and numbering),
// the one the checks count sentences with.
//
// The package only restores structure and normalises spacing; it never rewrites words. Repairing
// words that a PDF copy glued together is left to a later stage.
package document
