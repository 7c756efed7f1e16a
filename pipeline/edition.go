package pipeline

import (
	"fmt"
	"time"
)

// EditionState is where an edition (an article in one language) stands on its way to readers.
type EditionState string

const (
	StateTranslating      EditionState = "translating"
	StateInReview         EditionState = "in_review"
	StateAwaitingApproval EditionState = "awaiting_approval"
	StateApproved         EditionState = "approved"
	StatePublished        EditionState = "published"
	StateFailed           EditionState = "failed"
	StateOutdated         EditionState = "outdated"
)

// transitions lists, for each state, the states it may move to. Everything not listed is refused.
//
//	translating       → in_review (drafts checked), awaiting_approval (a source edition needs no
//	                    translation), failed (retries exhausted), outdated (a newer source revision)
//	in_review         → awaiting_approval (submitted), translating (drafts redone), outdated
//	awaiting_approval → approved, in_review (sent back), outdated
//	approved          → published (the publish job ran), awaiting_approval (schedule cancelled),
//	                    in_review (sent back), outdated
//	published         → outdated (the source changed), awaiting_approval (unpublished)
//	failed            → translating (retried), outdated
//	outdated          → translating (work on the new revision starts), awaiting_approval (a
//	                    source edition, or a minor edit that kept every translation)
var transitions = map[EditionState][]EditionState{
	StateTranslating:      {StateInReview, StateAwaitingApproval, StateFailed, StateOutdated},
	StateInReview:         {StateAwaitingApproval, StateTranslating, StateOutdated},
	StateAwaitingApproval: {StateApproved, StateInReview, StateOutdated},
	StateApproved:         {StatePublished, StateAwaitingApproval, StateInReview, StateOutdated},
	StatePublished:        {StateOutdated, StateAwaitingApproval},
	StateFailed:           {StateTranslating, StateOutdated},
	StateOutdated:         {StateTranslating, StateAwaitingApproval},
}

// EditionStates lists every state, in the order of the workflow.
var EditionStates = []EditionState{StateTranslating, StateInReview, StateAwaitingApproval,
	StateApproved, StatePublished, StateOutdated, StateFailed}

// Valid reports whether s is a known state.
func (s EditionState) Valid() bool {
	_, ok := transitions[s]
	return ok
}

// CanMove reports whether an edition in state s may move to state to.
func (s EditionState) CanMove(to EditionState) bool {
	for _, t := range transitions[s] {
		if t == to {
			return true
		}
	}
	return false
}

// Move returns to when the move from s is allowed, and an illegal-state error naming both states
// otherwise. Staying in the same state is not a move and is refused too, so that a duplicated job
// notices it has nothing to do.
func (s EditionState) Move(to EditionState) (EditionState, error) {
	if !s.CanMove(to) {
		return s, &Error{Code: CodeIllegalState, MessageID: "error.illegal_transition",
			Data: map[string]any{"From": string(s), "To": string(to)},
			Err:  fmt.Errorf("edition cannot move from %s to %s", s, to)}
	}
	return to, nil
}

// CanRetry reports, as an error, why an edition in state s cannot be retried. Only a failed
// edition can: every other state either has its work queued or is past translation, and moving it
// back would throw that work away.
func CanRetry(s EditionState) error {
	if s == StateFailed {
		return nil
	}
	return &Error{Code: CodeIllegalState, MessageID: "error.retry_not_failed",
		Data: map[string]any{"State": string(s)}, Err: fmt.Errorf("only a failed edition can be retried, this one is %s", s)}
}

// Edition is an article in one language, the source language included.
type Edition struct {
	ID            int64
	ArticleID     int64
	Lang          Lang
	IsSource      bool
	State         EditionState
	RevisionID    int64  // the source revision this edition translates
	FailureCode   string // with StateFailed: the error code
	FailureReason string // with StateFailed: a go-i18n message ID
	Release       int64  // counts approvals; a publish job carries the release it was queued for
	Run           int64  // counts retries; the jobs of a retry carry it (see TranslateJob)
	ApprovedBy    string
	PublishAt     *time.Time // with StateApproved: when the release goes out
	LiveVersionID *int64     // the published version readers see, if any
	UpdatedAt     time.Time

	// Progress, filled by queries that list editions.
	Segments  int
	Confirmed int
	Drafted   int // segments with a translation, whoever wrote it: the work done while translating
	Findings  int
	// Machine counts segments whose text is machine translation no person changed, and
	// MachineConfirmed those of them a person confirmed unchanged; Pseudo counts pseudo output.
	Machine          int
	MachineConfirmed int
	Pseudo           int
}

// SegmentState is where one segment's translation stands.
type SegmentState string

const (
	SegmentEmpty     SegmentState = "empty"     // nothing yet
	SegmentDraft     SegmentState = "draft"     // machine or memory output, not yet looked at by a person
	SegmentEdited    SegmentState = "edited"    // a person changed it but has not confirmed it
	SegmentConfirmed SegmentState = "confirmed" // a person confirmed it
)

// Human reports whether a person has touched the translation, in which case machine output must
// never replace it.
func (s SegmentState) Human() bool { return s == SegmentEdited || s == SegmentConfirmed }

// Origin values for SegmentTranslation.Origin. Machine origins are "mt:" plus the provider name,
// memory origins "tm:" plus the score or "context".
const (
	OriginHuman = "human"
	OriginNone  = ""
)

// SegmentTranslation is the translation of one segment in one edition.
type SegmentTranslation struct {
	EditionID int64
	SegmentID int64
	Text      string
	State     SegmentState
	Origin    string
	UpdatedBy string // user name, empty for machine work
	UpdatedAt time.Time
	Version   int // incremented on every change; saves must name the version they were based on
}

// PublishedVersion is an immutable rendering of an edition as readers saw it.
type PublishedVersion struct {
	ID          int64
	EditionID   int64
	ArticleID   int64
	Lang        Lang
	Slug        string
	Title       string
	HTML        string // the article body, rendered and escaped
	RevisionID  int64
	Release     int64
	Byline      string
	ApprovedBy  string
	PublishedAt time.Time
	// MachineText counts sentences that are machine translation no person changed, which the
	// editor accepted at approval; the site can say so to readers.
	MachineText int
}

// Draft is machine or memory output for one segment.
type Draft struct {
	SegmentID int64
	Text      string
	Origin    string // "mt:<provider>", "tm:<score>", "tm:context"
	// MemoryEntryID names the memory entry the text comes from (0 for none), whose use is counted
	// when the draft fills its segment.
	MemoryEntryID int64
}

// SegmentUpdate is a person's save of one segment's translation.
type SegmentUpdate struct {
	EditionID   int64
	SegmentID   int64
	Text        string
	BaseVersion int  // the version the person started from; a different current version is a conflict
	Confirm     bool // confirmed, rather than an unconfirmed edit
	User        string
	Findings    []Finding // the checks' findings on the new text, replacing the segment's open ones
}

// SaveResult is a person's saved segment with what the editor shows after a save: the segment's
// findings (with their ids, open and dismissed) and the edition's progress.
type SaveResult struct {
	Translation SegmentTranslation
	Findings    []Finding
	Confirmed   int
	Total       int
}

// SavedOrigin is where a segment's text comes from after a person saves newText over cur. A
// person who changed the text made it theirs; one who confirmed it unchanged vouched for the
// machine's or the memory's text, which keeps its origin, so that editors can see how much of an
// edition went out as machine output.
func SavedOrigin(cur SegmentTranslation, newText string) string {
	if newText == cur.Text && cur.Origin != OriginNone {
		return cur.Origin
	}
	return OriginHuman
}

// EditionContent is everything needed to review or render one edition.
type EditionContent struct {
	Article      Article
	Edition      Edition
	Segments     []Segment
	Translations map[int64]SegmentTranslation // by segment ID; empty for the source edition
	Findings     []Finding
}

// Texts returns each segment's text in the edition's language: the source text for the source
// edition, the translation otherwise.
func (c *EditionContent) Texts() map[int64]string {
	out := make(map[int64]string, len(c.Segments))
	for _, s := range c.Segments {
		if c.Edition.IsSource {
			out[s.ID] = s.Text
		} else {
			out[s.ID] = c.Translations[s.ID].Text
		}
	}
	return out
}
