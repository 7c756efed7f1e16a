package pipeline

// Severity says whether a finding blocks submission.
type Severity string

const (
	SeverityError   Severity = "error"   // blocks submission unless overridden with a written reason
	SeverityWarning Severity = "warning" // informs
)

// Finding is one problem an automated check found in a segment's translation. MessageID and Data
// form a go-i18n message, so that each viewer reads it in their own language.
type Finding struct {
	ID        int64
	SegmentID int64
	Check     string
	Severity  Severity
	MessageID string
	Data      map[string]any
	Dismissed bool
	Reason    string // why it was dismissed or overridden
}

// CheckUnit is what a check looks at: one source text and its translation.
type CheckUnit struct {
	SourceLang Lang
	TargetLang Lang
	Source     string
	Target     string
	// Terms is the termbase, for the glossary check.
	Terms []Concept
	// Others are other translations of the same source sentence in the memory, for the
	// consistency check.
	Others []string
}

// FindingCount is how many findings of one check and severity an edition has, open and dismissed.
type FindingCount struct {
	Check     string
	Severity  Severity
	Open      int
	Dismissed int
}
