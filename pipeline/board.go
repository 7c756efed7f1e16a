package pipeline

import "time"

// BoardFilter chooses the articles the editors' board shows. Every field left empty matches all.
type BoardFilter struct {
	// Title matches articles whose current title contains it, ignoring case.
	Title string
	// State and Lang match articles with an edition in that state, in that language (both on the
	// same edition when both are set).
	State EditionState
	Lang  Lang
	// Category matches articles filed under that slug.
	Category string
	// From and To bound when the article was created: From inclusive, To exclusive.
	From, To *time.Time
	// Who matches articles a person worked on: wrote a revision of, approved or acted on an edition
	// of (the audit trail), or was the last to save a segment translation of.
	Who string
}

// MaxBoardSearchBytes bounds the board's free-text filters.
const MaxBoardSearchBytes = 200
