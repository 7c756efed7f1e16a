package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/tilmash/tilmash/pipeline"
)

// FindConceptPage returns one page of the termbase screen: the concepts one of whose terms
// (standard or forbidden) or note contains text, ignoring case, or every concept for "", in the
// order they were added, and how many match in all.
func (db *DB) FindConceptPage(ctx context.Context, text string, limit, offset int) ([]pipeline.Concept, int, error) {
	if limit <= 0 || limit > 200 {
		limit = 25
	}
	pattern := containsPattern(text)
	rows, err := db.pool.Query(ctx, `SELECT c.id, count(*) OVER () FROM term_concepts c
		WHERE $1 = '' OR c.note ILIKE $1 OR EXISTS (SELECT 1 FROM terms t WHERE t.concept_id = c.id AND t.term ILIKE $1)
		ORDER BY c.id LIMIT $2 OFFSET $3`, pattern, limit, max(offset, 0))
	if err != nil {
		return nil, 0, fmt.Errorf("termbase page: %w", err)
	}
	var ids []int64
	total := 0
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id, &total); err != nil {
			rows.Close()
			return nil, 0, fmt.Errorf("termbase page: %w", err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("termbase page: %w", err)
	}
	if len(ids) == 0 {
		if offset > 0 {
			err := db.pool.QueryRow(ctx, `SELECT count(*) FROM term_concepts c
				WHERE $1 = '' OR c.note ILIKE $1 OR EXISTS (SELECT 1 FROM terms t WHERE t.concept_id = c.id AND t.term ILIKE $1)`,
				pattern).Scan(&total)
			if err != nil {
				return nil, 0, fmt.Errorf("count termbase: %w", err)
			}
		}
		return nil, total, nil
	}
	cs, err := db.findConceptsByID(ctx, ids)
	return cs, total, err
}

// FindConcept returns one concept with its terms.
func (db *DB) FindConcept(ctx context.Context, id int64) (pipeline.Concept, error) {
	cs, err := db.findConceptsByID(ctx, []int64{id})
	if err != nil {
		return pipeline.Concept{}, err
	}
	if len(cs) == 0 {
		return pipeline.Concept{}, notFound("concept", pgx.ErrNoRows)
	}
	return cs[0], nil
}

// findConceptsByID reads the given concepts with their terms, by ID.
func (db *DB) findConceptsByID(ctx context.Context, ids []int64) ([]pipeline.Concept, error) {
	rows, err := db.pool.Query(ctx, `SELECT c.id, c.note, c.do_not_translate, c.updated_at, t.lang, t.term, t.forbidden
		FROM term_concepts c LEFT JOIN terms t ON t.concept_id = c.id
		WHERE c.id = ANY($1) ORDER BY c.id, t.forbidden, t.lang, t.term`, ids)
	if err != nil {
		return nil, fmt.Errorf("concepts: %w", err)
	}
	return collectConcepts(rows)
}

// termConflict answers a change of a concept someone else changed since the editor opened it.
var termConflict = &pipeline.Error{Code: pipeline.CodeConflict, MessageID: "find.terms.conflict",
	Err: fmt.Errorf("concept changed meanwhile")}

// lockConcept locks a concept and checks that it has not changed since seen; a missing concept is
// not found.
func lockConcept(ctx context.Context, tx pgx.Tx, id int64, seen time.Time) error {
	var cur time.Time
	if err := tx.QueryRow(ctx, `SELECT updated_at FROM term_concepts WHERE id = $1 FOR UPDATE`, id).Scan(&cur); err != nil {
		return notFound("concept", err)
	}
	if !cur.Equal(seen) {
		return termConflict
	}
	return nil
}

// UpdateConceptSeen replaces an existing concept's terms, note and flag, as SaveConcept does, if
// it has not changed since the editor saw it (its UpdatedAt then); otherwise nothing changes and
// the answer is a conflict, so that two editors never silently overwrite each other.
func (db *DB) UpdateConceptSeen(ctx context.Context, c pipeline.Concept, seen time.Time) (pipeline.Concept, error) {
	if err := validConcept(c); err != nil {
		return c, err
	}
	err := db.inTx(ctx, func(tx pgx.Tx) error {
		if err := lockConcept(ctx, tx, c.ID, seen); err != nil {
			return err
		}
		return saveConcept(ctx, tx, &c)
	})
	return c, err
}

// DeleteConceptSeen removes a concept with its terms if it has not changed since the editor saw it.
func (db *DB) DeleteConceptSeen(ctx context.Context, id int64, seen time.Time) error {
	return db.inTx(ctx, func(tx pgx.Tx) error {
		if err := lockConcept(ctx, tx, id, seen); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM term_concepts WHERE id = $1`, id); err != nil {
			return fmt.Errorf("delete concept: %w", err)
		}
		return nil
	})
}
