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

// FindEditionContentByID is FindEditionContent by edition ID, read in one round trip: the
// workers read an edition's content at the start of every job.
func (db *DB) FindEditionContentByID(ctx context.Context, editionID int64) (pipeline.EditionContent, error) {
	var c pipeline.EditionContent
	var editionErr, articleErr error
	var batch pgx.Batch
	batch.Queue(`SELECT `+editionColumns+progressColumns+` FROM editions e`+progressJoin+` WHERE e.id = $1`, editionID).
		QueryRow(func(row pgx.Row) error {
			c.Edition, editionErr = scanEdition(row, true)
			return nil // reported below, as FindEditionContent would
		})
	batch.Queue(`SELECT `+articleColumns+repairColumns+`
		FROM articles a JOIN revisions r ON r.id = a.revision_id WHERE a.id = (SELECT article_id FROM editions WHERE id = $1)`, editionID).
		QueryRow(func(row pgx.Row) error {
			c.Article, articleErr = scanArticle(row)
			return nil
		})
	batch.Queue(`SELECT `+segmentColumns+` FROM segments
		WHERE revision_id = (SELECT revision_id FROM editions WHERE id = $1) ORDER BY position`, editionID).
		Query(func(rows pgx.Rows) (err error) {
			c.Segments, err = pgx.CollectRows(rows, scanSegment)
			return err
		})
	batch.Queue(translationsSQL, editionID).Query(func(rows pgx.Rows) (err error) {
		c.Translations, err = collectTranslations(rows)
		return err
	})
	batch.Queue(findingsSQL, editionID).Query(func(rows pgx.Rows) (err error) {
		c.Findings, err = pgx.CollectRows(rows, scanFinding)
		return err
	})
	if err := db.pool.SendBatch(ctx, &batch).Close(); err != nil {
		return c, fmt.Errorf("edition content: %w", err)
	}
	if editionErr != nil {
		return pipeline.EditionContent{}, notFound("edition", editionErr)
	}
	if articleErr != nil {
		return pipeline.EditionContent{}, notFound("article", articleErr)
	}
	return c, nil
}

// FindTranslations returns an edition's segment translations by segment ID.
func (db *DB) FindTranslations(ctx context.Context, editionID int64) (map[int64]pipeline.SegmentTranslation, error) {
	rows, err := db.pool.Query(ctx, translationsSQL, editionID)
	if err != nil {
		return nil, fmt.Errorf("list translations: %w", err)
	}
	return collectTranslations(rows)
}

const translationsSQL = `SELECT edition_id, segment_id, text, state, origin, updated_by, updated_at, version
		FROM segment_translations WHERE edition_id = $1`

// collectTranslations reads translationsSQL's rows by segment ID.
func collectTranslations(rows pgx.Rows) (map[int64]pipeline.SegmentTranslation, error) {
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

// SaveDrafts stores machine or memory drafts through pipeline.SegmentFill: only segments that
// are still empty are filled, so a segment a person has edited or confirmed, or one an earlier run
// already filled, is never overwritten. Each fill writes its history row. It does nothing when the
// edition is no longer translating revisionID, and returns how many segments it filled.
func (db *DB) SaveDrafts(ctx context.Context, editionID, revisionID int64, drafts []pipeline.Draft) (int, error) {
	return db.SaveMachineDrafts(ctx, editionID, revisionID, drafts, nil)
}

// SaveMachineDrafts is SaveDrafts for a provider's answer, with the provider's usage for it
// recorded in the same transaction (one commit for both). The usage is recorded even when the
// edition has moved on and nothing is filled: the provider did the work.
func (db *DB) SaveMachineDrafts(ctx context.Context, editionID, revisionID int64, drafts []pipeline.Draft, usage *pipeline.Usage) (int, error) {
	if len(drafts) == 0 && usage == nil {
		return 0, nil
	}
	ids := make([]int64, len(drafts))
	texts := make([]string, len(drafts))
	origins := make([]string, len(drafts))
	for i, d := range drafts {
		ids[i], texts[i], origins[i] = d.SegmentID, d.Text, d.Origin
	}
	filled := 0
	err := db.inTx(ctx, func(tx pgx.Tx) error {
		if usage != nil {
			if err := recordUsage(ctx, tx, *usage); err != nil {
				return err
			}
		}
		if len(drafts) == 0 {
			return nil
		}
		e, err := lockEdition(ctx, tx, editionID)
		if err != nil {
			return err
		}
		if e.State != pipeline.StateTranslating || e.RevisionID != revisionID {
			return nil
		}
		tag, err := tx.Exec(ctx, `WITH upd AS (
				UPDATE segment_translations t SET text = d.text, state = $5, origin = d.origin, updated_by = '',
					updated_at = now(), version = t.version + 1
				FROM (SELECT DISTINCT ON (segment_id) * FROM unnest($2::bigint[], $3::text[], $4::text[])
					AS d(segment_id, text, origin)) d
				WHERE t.edition_id = $1 AND t.segment_id = d.segment_id AND t.state = ANY($6)
				RETURNING t.edition_id, t.segment_id, t.text, t.state, t.origin, t.updated_by, t.version)
			INSERT INTO segment_history (edition_id, segment_id, text, state, origin, updated_by, version)
			SELECT * FROM upd`, editionID, ids, texts, origins, pipeline.SegmentFill.To(), pipeline.SegmentFill.From())
		if err != nil {
			return fmt.Errorf("save drafts: %w", err)
		}
		filled = int(tag.RowsAffected())
		return nil
	})
	return filled, err
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
