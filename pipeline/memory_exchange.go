package pipeline

import "time"

// MemoryRecord is a translation memory entry as exchange files (TMX) carry it.
type MemoryRecord struct {
	SourceLang Lang
	TargetLang Lang
	Source     string // with the segments' placeholders (<g1>…</g1>, <x2/>)
	Target     string
	CreatedAt  time.Time // zero: unknown
	UpdatedAt  time.Time
	CreatedBy  string
	// Article names the article the sentence came from: its slug for Tilmash's own entries, as the
	// file said for imported ones.
	Article string
}

// MemoryImport is one import of a memory file. Its entries can be removed together, which takes
// a wrong or unwanted file out of the memory whole.
type MemoryImport struct {
	ID        int64
	FileName  string
	CreatedBy string
	CreatedAt time.Time
	Units     int // translation units read
	Entries   int // memory entries made: one per language pair of a unit
	Skipped   int // units or pairs left out: languages Tilmash does not publish in, empty or unusable text
}

// MemoryFilter selects memory entries for an export; zero values select everything.
type MemoryFilter struct {
	SourceLang Lang
	TargetLang Lang
	ImportID   int64
}
