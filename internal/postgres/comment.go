package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/tilmash/tilmash/pipeline"
)

// AddComment stores a comment on a segment of an edition. A segment that is not part of the
// edition's revision is not found.
func (db *DB) AddComment(ctx context.Context, editionID, segmentID int64, author, body string) (pipeline.Comment, error) {
	c := pipeline.Comment{EditionID: editionID, SegmentID: segmentID, Author: author, Body: body}
	err := db.pool.QueryRow(ctx, `INSERT INTO segment_comments (edition_id, segment_id, author, body)
		SELECT e.id, s.id, $3, $4 FROM editions e JOIN segments s ON s.revision_id = e.revision_id
		WHERE e.id = $1 AND s.id = $2
		RETURNING id, created_at`, editionID, segmentID, author, body).Scan(&c.ID, &c.CreatedAt)
	if err != nil {
		return c, notFound("segment", err)
	}
	return c, nil
}

// FindComments returns an edition's comments, oldest first.
func (db *DB) FindComments(ctx context.Context, editionID int64) ([]pipeline.Comment, error) {
	rows, err := db.pool.Query(ctx, `SELECT id, edition_id, segment_id, author, body, created_at
		FROM segment_comments WHERE edition_id = $1 ORDER BY id`, editionID)
	if err != nil {
		return nil, fmt.Errorf("list comments: %w", err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.Comment, error) {
		var c pipeline.Comment
		err := r.Scan(&c.ID, &c.EditionID, &c.SegmentID, &c.Author, &c.Body, &c.CreatedAt)
		return c, err
	})
}
