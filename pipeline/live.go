package pipeline

import "time"

// EditionLive is what changed in an edition since a moment a page last saw: the edition with its
// progress, its open blocking findings, and the translations saved since then with all their
// findings. Pages read it again and again to follow colleagues' saves and state changes.
type EditionLive struct {
	Edition  Edition
	Blocking int // open findings of error severity: what still stops a submission
	// Changed are the translations updated at or after the moment asked for (a store may look a
	// little earlier, to cover transactions that commit late), in segment order.
	Changed []SegmentTranslation
	// Findings are the findings, open and dismissed, of the Changed segments.
	Findings []Finding
	// Cursor is the newest update among the edition's translations: the moment to ask from next.
	// Asking again from it returns the translations of that moment again, so that two saves within
	// the same instant are never missed; a page tells them apart by their versions.
	Cursor time.Time
}
