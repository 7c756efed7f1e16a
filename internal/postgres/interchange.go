package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/tilmash/tilmash/pipeline"
)

// FindTranslationsAt returns segment translations of an edition as they were at the given
// versions (segment ID → version), from their history: what an exported file carried for each.
// Versions without a history row (a segment's first, empty version) are absent.
func (db *DB) FindTranslationsAt(ctx context.Context, editionID int64, versions map[int64]int) (map[int64]pipeline.SegmentTranslation, error) {
	segs := make([]int64, 0, len(versions))
	vers := make([]int32, 0, len(versions))
	for s, v := range versions {
		segs = append(segs, s)
		vers = append(vers, int32(v))
	}
	rows, err := db.pool.Query(ctx, `SELECT DISTINCT ON (h.segment_id) h.edition_id, h.segment_id, h.text, h.state, h.origin,
			h.updated_by, h.created_at, h.version
		FROM segment_history h JOIN unnest($2::bigint[], $3::int[]) AS v(seg, ver) ON h.segment_id = v.seg AND h.version = v.ver
		WHERE h.edition_id = $1 ORDER BY h.segment_id, h.id DESC`, editionID, segs, vers)
	if err != nil {
		return nil, fmt.Errorf("translations at versions: %w", err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.SegmentTranslation, error) { return scanTranslation(r) })
	if err != nil {
		return nil, fmt.Errorf("translations at versions: %w", err)
	}
	out := make(map[int64]pipeline.SegmentTranslation, len(list))
	for _, t := range list {
		out[t.SegmentID] = t
	}
	return out, nil
}
