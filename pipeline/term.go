package pipeline

import "time"

// Concept is a termbase entry: the standard term in each language, the variants a translation must
// not use, and whether the term stays as it is (names and acronyms).
type Concept struct {
	ID             int64
	Terms          map[Lang]string
	Forbidden      map[Lang][]string
	DoNotTranslate bool
	Note           string
	UpdatedAt      time.Time
}

// MemoryKey identifies a sentence for a memory lookup: its normalised text and that of its
// neighbours, which decide whether an exact match is also a context match.
type MemoryKey struct {
	Norm, Prev, Next string
}

// Usage is what was sent to a machine-translation provider.
type Usage struct {
	Provider   string
	Month      time.Time
	EditionID  int64
	Characters int64
	Requests   int64
}
