package postgres_test

import (
	"context"
	"testing"

	"github.com/tilmash/tilmash/internal/postgres/postgrestest"
	"github.com/tilmash/tilmash/pipeline"
)

// TestWorkbenchSaveAfterRevisionConflicts: a translator whose page still shows the old revision
// saves a segment whose source changed meanwhile; the save must be refused visibly, not lost.
func TestWorkbenchSaveAfterRevisionConflicts(t *testing.T) {
	t.Parallel()
	db, a := setup(t)
	ctx := context.Background()
	old := edition(t, db, a, pipeline.Russian)
	seg := old.Segments[2] // "Second sentence."
	next := postgrestest.NewArticle(pipeline.English, a.Slug, "A title",
		"First sentence with 45% growth.", "Second sentence, rewritten.", "Third sentence.")
	if _, err := db.CreateRevision(ctx, pipeline.NewRevision{ArticleID: a.ID, Request: next.Request, Doc: next.Doc, Segments: next.Segments}); err != nil {
		t.Fatal(err)
	}
	_, err := db.SaveSegment(ctx, pipeline.SegmentUpdate{EditionID: old.Edition.ID, SegmentID: seg.ID, Text: "Второе предложение.",
		BaseVersion: old.Translations[seg.ID].Version, User: "olga"})
	if pipeline.ErrorCode(err) != pipeline.CodeConflict {
		t.Fatalf("save on a segment of the old revision: %v, want a conflict", err)
	}
	if _, err := db.FindSegmentSource(ctx, old.Edition.ID, seg.ID); pipeline.ErrorCode(err) != pipeline.CodeConflict {
		t.Fatalf("source lookup of a segment of the old revision: %v, want a conflict", err)
	}
	if _, err := db.FindSegmentSource(ctx, old.Edition.ID, 1<<40); pipeline.ErrorCode(err) != pipeline.CodeNotFound {
		t.Fatalf("unknown segment: %v", err)
	}
}
