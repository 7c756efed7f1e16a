package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/tilmash/tilmash/pipeline"
)

// liveMargin is how far before the moment asked for FindEditionLive looks: a save is stamped
// with its transaction's start, so one that began before a page's last read and committed after
// it carries an earlier time than that read's cursor. Saves are short; this covers them.
const liveMargin = 5 * time.Second

// FindEditionLive returns the edition with its progress and open blocking findings, and the
// translations updated at or after since (less liveMargin) with their findings (see pipeline.EditionLive). A zero
// since returns every translation. The work is bounded by the edition's segments.
func (db *DB) FindEditionLive(ctx context.Context, editionID int64, since time.Time) (pipeline.EditionLive, error) {
	var l pipeline.EditionLive
	var cursor *time.Time
	dest := append(editionDest(&l.Edition, true), &l.Blocking, &cursor)
	err := db.pool.QueryRow(ctx, `SELECT `+editionColumns+progressColumns+`,
			(SELECT count(*) FROM findings f WHERE f.edition_id = e.id AND NOT f.dismissed AND f.severity = 'error'),
			(SELECT max(t.updated_at) FROM segment_translations t WHERE t.edition_id = e.id)
		FROM editions e`+progressJoin+` WHERE e.id = $1`, editionID).Scan(dest...)
	if err != nil {
		return l, notFound("edition", err)
	}
	if cursor != nil {
		l.Cursor = *cursor
	}
	rows, err := db.pool.Query(ctx, `SELECT t.edition_id, t.segment_id, t.text, t.state, t.origin, t.updated_by, t.updated_at, t.version
		FROM segment_translations t JOIN segments s ON s.id = t.segment_id
		WHERE t.edition_id = $1 AND t.updated_at >= $2 ORDER BY s.position`, editionID, since.Add(-liveMargin))
	if err != nil {
		return l, fmt.Errorf("live translations: %w", err)
	}
	if l.Changed, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.SegmentTranslation, error) { return scanTranslation(r) }); err != nil {
		return l, fmt.Errorf("live translations: %w", err)
	}
	if len(l.Changed) == 0 {
		return l, nil
	}
	ids := make([]int64, len(l.Changed))
	for i, t := range l.Changed {
		ids[i] = t.SegmentID
	}
	rows, err = db.pool.Query(ctx, `SELECT f.id, f.segment_id, f.check_id, f.severity, f.message_id, f.data, f.dismissed, f.reason
		FROM findings f WHERE f.edition_id = $1 AND f.segment_id = ANY($2) ORDER BY f.segment_id, f.id`, editionID, ids)
	if err != nil {
		return l, fmt.Errorf("live findings: %w", err)
	}
	l.Findings, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.Finding, error) {
		var f pipeline.Finding
		err := r.Scan(&f.ID, &f.SegmentID, &f.Check, &f.Severity, &f.MessageID, &f.Data, &f.Dismissed, &f.Reason)
		return f, err
	})
	if err != nil {
		return l, fmt.Errorf("live findings: %w", err)
	}
	return l, nil
}
