package pipeline

import "time"

// BlockKind is the role a block of text plays in an article.
type BlockKind string

const (
	BlockTitle     BlockKind = "title"
	BlockHeading   BlockKind = "heading"
	BlockParagraph BlockKind = "paragraph"
	BlockQuote     BlockKind = "quote"
	BlockListItem  BlockKind = "list_item"
	BlockByline    BlockKind = "byline"
	// BlockFootnote is the text of a note; notes are numbered in the order of their blocks.
	BlockFootnote BlockKind = "footnote"
	// BlockCaption is the caption of a figure, a table or a chart: translated like any text and
	// shown under its figure, never read as a paragraph of the article's argument.
	BlockCaption BlockKind = "caption"
)

// Format names how an article's text arrives.
type Format string

const (
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
	FormatHTML     Format = "html" // a web page; its article body is extracted
	FormatDOCX     Format = "docx" // a Word document (Office Open XML)
)

// ParseFormat accepts "text" (also "", "txt", "plain"), "markdown" (also "md"), "html" (also
// "htm") and "docx".
func ParseFormat(s string) (Format, error) {
	switch s {
	case "", "text", "txt", "plain":
		return FormatText, nil
	case "markdown", "md":
		return FormatMarkdown, nil
	case "html", "htm":
		return FormatHTML, nil
	case "docx":
		return FormatDOCX, nil
	}
	return "", &Error{Code: CodeInvalid, MessageID: "error.ingest.format_unknown", Data: map[string]any{"Format": s}}
}

// Article is one piece of analysis, in its source language and its translations.
type Article struct {
	ID         int64
	Slug       string
	SourceLang Lang
	Category   string
	Byline     string
	Title      string // title of the current source revision
	CreatedAt  time.Time
	// RevisionID is the current source revision.
	RevisionID int64
	// Repairs counts the text repair's changes to the current revision that are not undone, and
	// RepairQuestions the tokens it left for an editor to decide.
	Repairs         int
	RepairQuestions int
}

// Revision is an immutable version of an article's source text.
type Revision struct {
	ID        int64
	ArticleID int64
	Number    int
	Format    Format
	Body      string // the text as it arrived
	CreatedAt time.Time
}

// Block is one structural unit of a parsed article: its title, a heading, a paragraph, ...
type Block struct {
	Kind BlockKind
	Text string
	// Inline lists the elements behind the placeholders in Text (see markup.go); empty for text
	// without links, emphasis or footnote references.
	Inline InlineMarkup
}

// Document is an article parsed into blocks. Title and Byline are also present as blocks of their
// own kinds, so that every word of the article is in Blocks exactly once.
type Document struct {
	Title  string
	Byline string
	Blocks []Block
}

// Segment is the unit of translation: one sentence of one block of a revision.
type Segment struct {
	ID            int64
	RevisionID    int64
	Position      int // order in the revision, from 0
	BlockIndex    int
	SentenceIndex int
	Kind          BlockKind
	Text          string
	Hash          string // content hash of the normalised text, for alignment and memory lookups
	// Inline lists the elements behind the placeholders in Text, numbered from 1 in each segment;
	// translations carry the same placeholders and Render restores the elements from here.
	Inline InlineMarkup
}
