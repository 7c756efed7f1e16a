package pipeline

import "time"

// AuditEntry is one line of an article's audit trail: who moved what, when.
type AuditEntry struct {
	EditionID *int64
	Actor     string
	Action    string
	From, To  string
	Detail    map[string]any
	At        time.Time
}
