package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/tilmash/tilmash/pipeline"
)

// FindEditionContent returns an edition with its article, the segments of its revision, their
// translations and the edition's findings.
func (db *DB) FindEditionContent(ctx context.Context, articleID int64, lang pipeline.Lang) (pipeline.EditionContent, error) {
	var c pipeline.EditionContent
	var err error
	if c.Article, err = db.FindArticleByID(ctx, articleID); err != nil {
		return c, err
	}
	if c.Edition, err = db.FindEdition(ctx, articleID, lang); err != nil {
		return c, err
	}
	if c.Segments, err = db.FindSegments(ctx, c.Edition.RevisionID); err != nil {
		return c, err
	}
	if c.Translations, err = db.FindTranslations(ctx, c.Edition.ID); err != nil {
		return c, err
	}
	c.Findings, err = db.FindFindings(ctx, c.Edition.ID)
	return c, err
}

// FindEditionContentByID is FindEditionContent by edition ID.
func (db *DB) FindEditionContentByID(ctx context.Context, editionID int64) (pipeline.EditionContent, error) {
	e, err := db.FindEditionByID(ctx, editionID)
	if err != nil {
		return pipeline.EditionContent{}, err
	}
	return db.FindEditionContent(ctx, e.ArticleID, e.Lang)
}

// FindTranslations returns an edition's segment translations by segment ID.
func (db *DB) FindTranslations(ctx context.Context, editionID int64) (map[int64]pipeline.SegmentTranslation, error) {
	rows, err := db.pool.Query(ctx, `SELECT edition_id, segment_id, text, state, origin, updated_by, updated_at, version
		FROM segment_translations WHERE edition_id = $1`, editionID)
	if err != nil {
		return nil, fmt.Errorf("list translations: %w", err)
	}
	defer rows.Close()
	out := map[int64]pipeline.SegmentTranslation{}
	for rows.Next() {
		t, err := scanTranslation(rows)
		if err != nil {
			return nil, fmt.Errorf("scan translation: %w", err)
		}
		out[t.SegmentID] = t
	}
	return out, rows.Err()
}

func scanTranslation(row pgx.Row) (pipeline.SegmentTranslation, error) {
	var t pipeline.SegmentTranslation
	err := row.Scan(&t.EditionID, &t.SegmentID, &t.Text, &t.State, &t.Origin, &t.UpdatedBy, &t.UpdatedAt, &t.Version)
	return t, err
}

// SaveDrafts stores machine or memory drafts, but only into segments that are still empty: a
// segment a person has edited or confirmed, or one an earlier run already filled, is never
// overwritten. It does nothing when the edition is no longer translating revisionID. It returns how
// many segments it filled.
func (db *DB) SaveDrafts(ctx context.Context, editionID, revisionID int64, drafts []pipeline.Draft) (int, error) {
	filled := 0
	err := db.inTx(ctx, func(tx pgx.Tx) error {
		e, err := lockEdition(ctx, tx, editionID)
		if err != nil {
			return err
		}
		if e.State != pipeline.StateTranslating || e.RevisionID != revisionID {
			return nil
		}
		for _, d := range drafts {
			tag, err := tx.Exec(ctx, `WITH upd AS (
					UPDATE segment_translations SET text = $3, state = 'draft', origin = $4, updated_by = '',
						updated_at = now(), version = version + 1
					WHERE edition_id = $1 AND segment_id = $2 AND state = 'empty'
					RETURNING edition_id, segment_id, text, state, origin, updated_by, version)
				INSERT INTO segment_history (edition_id, segment_id, text, state, origin, updated_by, version)
				SELECT * FROM upd`, editionID, d.SegmentID, d.Text, d.Origin)
			if err != nil {
				return fmt.Errorf("save draft: %w", err)
			}
			filled += int(tag.RowsAffected())
		}
		return nil
	})
	return filled, err
}

// UpdateSegmentTranslation saves a person's text for one segment. The save must name the version
// it was based on: when someone else saved meanwhile, it fails with a conflict whose Data carries the
// current text, version and author, and nothing is written. The segment's open findings are
// replaced by the update's findings (dismissed ones stay dismissed if the text is unchanged).
func (db *DB) UpdateSegmentTranslation(ctx context.Context, u pipeline.SegmentUpdate) (pipeline.SegmentTranslation, error) {
	var t pipeline.SegmentTranslation
	err := db.inTx(ctx, func(tx pgx.Tx) error {
		e, err := lockEdition(ctx, tx, u.EditionID)
		if err != nil {
			return err
		}
		switch e.State {
		case pipeline.StateInReview, pipeline.StateTranslating, pipeline.StateFailed:
		default:
			return &pipeline.Error{Code: pipeline.CodeIllegalState, MessageID: "error.edition_locked",
				Data: map[string]any{"State": string(e.State)}, Err: fmt.Errorf("edition is %s", e.State)}
		}
		if err := checkSegmentCurrent(ctx, tx, e, u.SegmentID); err != nil {
			return err
		}
		cur, err := scanTranslation(tx.QueryRow(ctx, `SELECT edition_id, segment_id, text, state, origin, updated_by, updated_at, version
			FROM segment_translations WHERE edition_id = $1 AND segment_id = $2 FOR UPDATE`, u.EditionID, u.SegmentID))
		if err != nil {
			return notFound("segment", err)
		}
		if cur.Version != u.BaseVersion {
			return &pipeline.Error{Code: pipeline.CodeConflict, MessageID: "error.segment_conflict",
				Data: map[string]any{"Text": cur.Text, "Version": cur.Version, "By": cur.UpdatedBy, "State": string(cur.State)},
				Err:  fmt.Errorf("segment %d is at version %d, save was based on %d", u.SegmentID, cur.Version, u.BaseVersion)}
		}
		state := pipeline.SegmentEdited
		if u.Confirm {
			state = pipeline.SegmentConfirmed
		}
		t, err = scanTranslation(tx.QueryRow(ctx, `UPDATE segment_translations
			SET text = $3, state = $4, origin = 'human', updated_by = $5, updated_at = now(), version = version + 1
			WHERE edition_id = $1 AND segment_id = $2
			RETURNING edition_id, segment_id, text, state, origin, updated_by, updated_at, version`,
			u.EditionID, u.SegmentID, u.Text, state, u.User))
		if err != nil {
			return fmt.Errorf("update segment: %w", err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO segment_history (edition_id, segment_id, text, state, origin, updated_by, version)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`, t.EditionID, t.SegmentID, t.Text, t.State, t.Origin, t.UpdatedBy, t.Version); err != nil {
			return fmt.Errorf("segment history: %w", err)
		}
		if u.Confirm {
			if err := rememberSegment(ctx, tx, u.EditionID, u.SegmentID, u.User); err != nil {
				return err
			}
		}
		return replaceFindings(ctx, tx, u.EditionID, &u.SegmentID, u.Findings)
	})
	return t, err
}

// FindSegmentHistory returns every saved state of one segment translation, oldest first.
func (db *DB) FindSegmentHistory(ctx context.Context, editionID, segmentID int64) ([]pipeline.SegmentTranslation, error) {
	rows, err := db.pool.Query(ctx, `SELECT edition_id, segment_id, text, state, origin, updated_by, created_at, version
		FROM segment_history WHERE edition_id = $1 AND segment_id = $2 ORDER BY id`, editionID, segmentID)
	if err != nil {
		return nil, fmt.Errorf("segment history: %w", err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.SegmentTranslation, error) { return scanTranslation(r) })
}
