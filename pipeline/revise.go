package pipeline

import "time"

// NewRevision is a changed source text of an existing article, parsed and segmented, ready to be
// aligned with the current revision and stored.
type NewRevision struct {
	ArticleID int64
	// Request carries the text, its format, an optional byline and the author; its SourceLang must
	// be the article's.
	Request  IngestRequest
	Doc      Document
	Segments []Segment
	// Minor is the editor's statement that the change is a typo or punctuation fix: changed
	// segments keep their translations and states.
	Minor bool
	// BaseNumber, when not 0, is the revision the author edited: if the article has moved past it
	// meanwhile, the new revision is refused rather than silently undoing the other change.
	BaseNumber int
	// Repairs and Questions are what the text repair changed in Request.Text and left open, kept
	// on the new revision as on a new article; a text an editor corrected by hand has none. A
	// question whose word an editor kept as written on the revision before is answered so again.
	Repairs   []RepairChange
	Questions []RepairQuestion
}

// RevisionInfo is one revision of an article's source, with how it compared to the one before.
type RevisionInfo struct {
	Revision
	Title          string
	CreatedBy      string
	Minor          bool
	PrevRevisionID *int64
	Summary        AlignSummary
	Segments       int
	Current        bool // the article's current revision
}

// RevisedEdition is where an edition stands after a new revision arrived.
type RevisedEdition struct {
	Lang       Lang
	From, To   EditionState
	Flagged    int  // segments whose translation must be redone ("source changed")
	Queued     bool // a translate job was queued
	LiveStayed bool // a published version stays live, marked outdated, until the new one is approved
}

// RevisionResult is what storing a new revision did.
type RevisionResult struct {
	Revision RevisionInfo
	// Changed is false when the text was the same as the current revision's, segment by segment:
	// then nothing was stored and Revision is the current one.
	Changed  bool
	Editions []RevisedEdition
}

// AlignedSegment is one pair of a stored alignment, with both segments' texts.
type AlignedSegment struct {
	Kind       AlignKind
	Similarity float64
	Segment    *Segment // nil for a removed segment
	Prev       *Segment // nil for an added segment
}

// EditionSnapshot is how far an edition's translation had got on a revision when the next
// revision replaced it.
type EditionSnapshot struct {
	Lang      Lang
	Segments  int
	Confirmed int
	Published []int64 // published versions made from this revision
}

// RevisionDetail is one revision with its alignment to the previous one.
type RevisionDetail struct {
	Info      RevisionInfo
	Alignment []AlignedSegment
	Editions  []EditionSnapshot
}

// SegmentChange is what a translator needs to redo a segment whose source changed: the old and
// new source and the translation the old source had.
type SegmentChange struct {
	EditionID     int64
	SegmentID     int64
	PrevSegmentID int64
	RevisionID    int64 // the revision that made the change
	Source        string
	PrevSource    string
	PrevTarget    string
	PrevState     SegmentState
	PrevOrigin    string
	PrevUpdatedBy string
	Minor         bool // kept as it was by the editor's choice
	CreatedAt     time.Time
}
