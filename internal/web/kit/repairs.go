package kit

import (
	"context"

	"github.com/tilmash/tilmash/internal/ingest"
	"github.com/tilmash/tilmash/internal/repair"
	"github.com/tilmash/tilmash/pipeline"
)

// RepairStore is what undoing text repairs needs from storage.
type RepairStore interface {
	UndoRepairs(ctx context.Context, u pipeline.RepairUndo) error
}

// UndoRepairs undoes some of the current revision's repairs, for the API and the newsroom alike:
// the text as it arrived is prepared again with the remaining changes applied, and the revision's
// segments are replaced (see UndoRepairs of the store). rep is the repair record the editor saw;
// a newer one makes it a conflict.
func UndoRepairs(ctx context.Context, store RepairStore, a pipeline.Article, rep pipeline.RevisionRepairs, ids []int64, actor string) error {
	undo := map[int64]bool{}
	for _, id := range ids {
		undo[id] = true
	}
	var remaining []repair.Change
	for _, c := range rep.Active() {
		if !undo[c.ID] {
			remaining = append(remaining, repair.Change{Start: c.Start, End: c.End, Before: c.Before, After: c.After, Rule: c.Rule})
		}
	}
	doc, segs, err := ingest.Parse(repair.Apply(rep.Body, remaining), rep.Format, a.SourceLang)
	if err != nil {
		return err
	}
	return store.UndoRepairs(ctx, pipeline.RepairUndo{ArticleID: a.ID, RevisionID: rep.RevisionID,
		Version: rep.Version, ChangeIDs: ids, Doc: doc, Segments: segs, Actor: actor})
}
