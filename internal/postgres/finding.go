package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/tilmash/tilmash/pipeline"
)

// replaceFindings replaces the open findings of an edition (or of one segment when segmentID is
// set) with fresh ones. A dismissed finding survives, and suppresses its fresh twin (same segment,
// check and message), until the translation text changes: dismissal is about that text.
func replaceFindings(ctx context.Context, tx pgx.Tx, editionID int64, segmentID *int64, findings []pipeline.Finding) error {
	var batch pgx.Batch
	queueReplaceFindings(&batch, editionID, segmentID, findings)
	if err := tx.SendBatch(ctx, &batch).Close(); err != nil {
		return fmt.Errorf("replace findings: %w", err)
	}
	return nil
}

// queueReplaceFindings queues replaceFindings' statements on a batch, to go in one round trip
// with others.
func queueReplaceFindings(batch *pgx.Batch, editionID int64, segmentID *int64, findings []pipeline.Finding) {
	// Dismissals lapse where the translation text is no longer the one they were made on.
	batch.Queue(`DELETE FROM findings f USING segment_translations t
		WHERE f.edition_id = $1 AND ($2::bigint IS NULL OR f.segment_id = $2) AND f.dismissed
		  AND t.edition_id = f.edition_id AND t.segment_id = f.segment_id
		  AND t.text IS DISTINCT FROM f.dismissed_text`,
		editionID, segmentID)
	batch.Queue(`DELETE FROM findings WHERE edition_id = $1 AND ($2::bigint IS NULL OR segment_id = $2) AND NOT dismissed`,
		editionID, segmentID)
	if len(findings) == 0 {
		return
	}
	// One statement for all findings, in their order (ids follow it): a statement per finding
	// cost the server a parse, a plan and a result each.
	segments := make([]int64, len(findings))
	checks := make([]string, len(findings))
	severities := make([]string, len(findings))
	messages := make([]string, len(findings))
	data := make([]map[string]any, len(findings))
	for i, f := range findings {
		segments[i], checks[i], severities[i], messages[i], data[i] = f.SegmentID, f.Check, string(f.Severity), f.MessageID, f.Data
		if data[i] == nil {
			data[i] = map[string]any{}
		}
	}
	batch.Queue(`INSERT INTO findings (edition_id, segment_id, check_id, severity, message_id, data)
		SELECT $1, f.segment_id, f.check_id, f.severity, f.message_id, f.data
		FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::jsonb[])
			WITH ORDINALITY AS f(segment_id, check_id, severity, message_id, data, n)
		WHERE NOT EXISTS (SELECT 1 FROM findings d WHERE d.edition_id = $1 AND d.segment_id = f.segment_id AND d.dismissed
			AND d.check_id = f.check_id AND d.message_id = f.message_id)
		ORDER BY f.n`,
		editionID, segments, checks, severities, messages, data)
}

// CountFindings counts an edition's findings per check and severity, open and dismissed apart.
func (db *DB) CountFindings(ctx context.Context, editionID int64) ([]pipeline.FindingCount, error) {
	rows, err := db.pool.Query(ctx, `SELECT check_id, severity, count(*) FILTER (WHERE NOT dismissed),
			count(*) FILTER (WHERE dismissed)
		FROM findings WHERE edition_id = $1 GROUP BY check_id, severity ORDER BY check_id, severity`, editionID)
	if err != nil {
		return nil, fmt.Errorf("count findings: %w", err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.FindingCount, error) {
		var c pipeline.FindingCount
		err := r.Scan(&c.Check, &c.Severity, &c.Open, &c.Dismissed)
		return c, err
	})
}

// FindFindings returns an edition's findings, open and dismissed, in segment order.
func (db *DB) FindFindings(ctx context.Context, editionID int64) ([]pipeline.Finding, error) {
	rows, err := db.pool.Query(ctx, findingsSQL, editionID)
	if err != nil {
		return nil, fmt.Errorf("list findings: %w", err)
	}
	return pgx.CollectRows(rows, scanFinding)
}

const findingsSQL = `SELECT f.id, f.segment_id, f.check_id, f.severity, f.message_id, f.data, f.dismissed, f.reason
		FROM findings f JOIN segments s ON s.id = f.segment_id
		WHERE f.edition_id = $1 ORDER BY s.position, f.id`

func scanFinding(r pgx.CollectableRow) (pipeline.Finding, error) {
	var f pipeline.Finding
	err := r.Scan(&f.ID, &f.SegmentID, &f.Check, &f.Severity, &f.MessageID, &f.Data, &f.Dismissed, &f.Reason)
	return f, err
}

// DismissFinding marks a finding dismissed with the person's reason.
func (db *DB) DismissFinding(ctx context.Context, editionID, findingID int64, actor, reason string) error {
	return db.inTx(ctx, func(tx pgx.Tx) error {
		var articleID int64
		if err := tx.QueryRow(ctx, `UPDATE findings f SET dismissed = true, reason = $3, dismissed_by = $4,
				dismissed_text = coalesce((SELECT t.text FROM segment_translations t
					WHERE t.edition_id = f.edition_id AND t.segment_id = f.segment_id), '')
			FROM editions e WHERE f.id = $2 AND f.edition_id = $1 AND e.id = f.edition_id RETURNING e.article_id`,
			editionID, findingID, reason, actor).Scan(&articleID); err != nil {
			return notFound("finding", err)
		}
		return audit(ctx, tx, articleID, editionID, actor, "finding.dismissed", "", "", map[string]any{"finding": findingID, "reason": reason})
	})
}
