package postgres_test

import (
	"context"
	"testing"
	"time"

	"github.com/tilmash/tilmash/pipeline"
)

// TestEditionLive: the live read counts drafted segments and open blocking findings, and returns
// the translations saved since a moment with their findings and real ids; asking from its cursor
// returns the newest saves again, and from later nothing.
func TestEditionLive(t *testing.T) {
	t.Parallel()
	db, a := setup(t)
	ctx := context.Background()
	c := edition(t, db, a, pipeline.Russian)
	s0, s1 := c.Segments[0].ID, c.Segments[1].ID
	if _, err := db.SaveDrafts(ctx, c.Edition.ID, a.RevisionID, []pipeline.Draft{{SegmentID: s1, Text: "машина", Origin: "mt:x"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SaveSegment(ctx, pipeline.SegmentUpdate{EditionID: c.Edition.ID, SegmentID: s0, Text: "Заголовок", BaseVersion: 1,
		User: "olga", Findings: []pipeline.Finding{{SegmentID: s0, Check: "number", Severity: pipeline.SeverityError,
			MessageID: "check.number.missing", Data: map[string]any{"Number": "45"}}}}); err != nil {
		t.Fatal(err)
	}
	l, err := db.FindEditionLive(ctx, c.Edition.ID, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if l.Edition.ID != c.Edition.ID || l.Edition.Drafted != 2 || l.Edition.Segments != 4 || l.Blocking != 1 || len(l.Changed) != 4 {
		t.Fatalf("live = drafted %d of %d, %d blocking, %d changed", l.Edition.Drafted, l.Edition.Segments, l.Blocking, len(l.Changed))
	}
	if len(l.Findings) != 1 || l.Findings[0].ID == 0 || l.Findings[0].SegmentID != s0 {
		t.Errorf("live findings = %+v", l.Findings)
	}
	again, err := db.FindEditionLive(ctx, c.Edition.ID, l.Cursor)
	if err != nil || len(again.Changed) == 0 {
		t.Fatalf("from the cursor: %d changed, %v", len(again.Changed), err)
	}
	later, err := db.FindEditionLive(ctx, c.Edition.ID, l.Cursor.Add(time.Minute))
	if err != nil || len(later.Changed) != 0 || len(later.Findings) != 0 || later.Blocking != 1 {
		t.Errorf("from later: %d changed, %d findings, %v", len(later.Changed), len(later.Findings), err)
	}
	if _, err := db.FindEditionLive(ctx, 999999999, time.Time{}); pipeline.ErrorCode(err) != pipeline.CodeNotFound {
		t.Errorf("an edition that does not exist: %v", err)
	}
}
