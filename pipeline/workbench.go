package pipeline

import "time"

// QueueItem is one edition in a translator's queue, with what helps them pick it.
type QueueItem struct {
	Edition      Edition // with progress
	Title        string  // the source title
	SourceLang   Lang
	RevisionDate time.Time
	Others       []string // other people who had the edition open recently
}

// SegmentSource is what a save needs to know about a segment before it runs the checks: its
// source text and the languages around it.
type SegmentSource struct {
	EditionLang Lang
	IsSource    bool // the edition is the source edition, which is never edited in review
	SourceLang  Lang
	Text        string
}

// Comment is a note on one segment of an edition, for everyone working on it.
type Comment struct {
	ID        int64
	EditionID int64
	SegmentID int64
	Author    string
	Body      string
	CreatedAt time.Time
}
