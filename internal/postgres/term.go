package postgres

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/tilmash/tilmash/pipeline"
)

// FindConcepts returns the whole termbase, ordered by English term (then by the first term).
func (db *DB) FindConcepts(ctx context.Context) ([]pipeline.Concept, error) {
	rows, err := db.pool.Query(ctx, `SELECT c.id, c.note, c.do_not_translate, c.updated_at, t.lang, t.term, t.forbidden
		FROM term_concepts c LEFT JOIN terms t ON t.concept_id = c.id
		ORDER BY c.id, t.forbidden, t.lang, t.term`)
	if err != nil {
		return nil, fmt.Errorf("termbase: %w", err)
	}
	return collectConcepts(rows)
}

// collectConcepts reads rows of concept and term columns, ordered by concept, into concepts.
func collectConcepts(rows pgx.Rows) ([]pipeline.Concept, error) {
	defer rows.Close()
	var out []pipeline.Concept
	for rows.Next() {
		var c pipeline.Concept
		var lang, term *string
		var forbidden *bool
		if err := rows.Scan(&c.ID, &c.Note, &c.DoNotTranslate, &c.UpdatedAt, &lang, &term, &forbidden); err != nil {
			return nil, fmt.Errorf("termbase: %w", err)
		}
		if len(out) == 0 || out[len(out)-1].ID != c.ID {
			c.Terms, c.Forbidden = map[pipeline.Lang]string{}, map[pipeline.Lang][]string{}
			out = append(out, c)
		}
		cur := &out[len(out)-1]
		if lang == nil {
			continue
		}
		if *forbidden {
			cur.Forbidden[pipeline.Lang(*lang)] = append(cur.Forbidden[pipeline.Lang(*lang)], *term)
		} else {
			cur.Terms[pipeline.Lang(*lang)] = *term
		}
	}
	return out, rows.Err()
}

// SaveConcept creates a concept (ID 0) or replaces an existing one's terms, note and flag.
func (db *DB) SaveConcept(ctx context.Context, c pipeline.Concept) (pipeline.Concept, error) {
	if err := validConcept(c); err != nil {
		return c, err
	}
	err := db.inTx(ctx, func(tx pgx.Tx) error { return saveConcept(ctx, tx, &c) })
	return c, err
}

func validConcept(c pipeline.Concept) error {
	if len(c.Terms) == 0 {
		return &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.term_empty", Err: fmt.Errorf("a concept needs a term")}
	}
	for l, t := range c.Terms {
		if !l.Valid() {
			_, err := pipeline.ParseLang(string(l))
			return err
		}
		if strings.TrimSpace(t) == "" {
			return &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.term_empty", Err: fmt.Errorf("empty %s term", l)}
		}
	}
	return nil
}

func saveConcept(ctx context.Context, tx pgx.Tx, c *pipeline.Concept) error {
	if c.ID == 0 {
		if err := tx.QueryRow(ctx, `INSERT INTO term_concepts (note, do_not_translate) VALUES ($1, $2) RETURNING id, updated_at`,
			c.Note, c.DoNotTranslate).Scan(&c.ID, &c.UpdatedAt); err != nil {
			return fmt.Errorf("insert concept: %w", err)
		}
	} else {
		if err := tx.QueryRow(ctx, `UPDATE term_concepts SET note = $2, do_not_translate = $3, updated_at = now()
			WHERE id = $1 RETURNING updated_at`, c.ID, c.Note, c.DoNotTranslate).Scan(&c.UpdatedAt); err != nil {
			return notFound("concept", err)
		}
		if _, err := tx.Exec(ctx, `DELETE FROM terms WHERE concept_id = $1`, c.ID); err != nil {
			return fmt.Errorf("replace terms: %w", err)
		}
	}
	for l, t := range c.Terms {
		if _, err := tx.Exec(ctx, `INSERT INTO terms (concept_id, lang, term) VALUES ($1, $2, $3)`, c.ID, l, strings.TrimSpace(t)); err != nil {
			return fmt.Errorf("insert term: %w", err)
		}
	}
	for l, vs := range c.Forbidden {
		for _, v := range vs {
			if _, err := tx.Exec(ctx, `INSERT INTO terms (concept_id, lang, term, forbidden) VALUES ($1, $2, $3, true)
				ON CONFLICT DO NOTHING`, c.ID, l, strings.TrimSpace(v)); err != nil {
				return fmt.Errorf("insert forbidden term: %w", err)
			}
		}
	}
	return nil
}

// DeleteConcept removes a concept and its terms.
func (db *DB) DeleteConcept(ctx context.Context, id int64) error {
	tag, err := db.pool.Exec(ctx, `DELETE FROM term_concepts WHERE id = $1`, id)
	if err != nil {
		return fmt.Errorf("delete concept: %w", err)
	}
	if tag.RowsAffected() == 0 {
		return notFound("concept", pgx.ErrNoRows)
	}
	return nil
}

// ImportConcepts adds concepts in one transaction, all or nothing. A concept whose standard term
// in the first language it has (en, ru, kk, zh order) matches an existing concept's, ignoring
// case, replaces that concept, so importing a corrected file twice does not duplicate it. It
// returns how many concepts were created and how many updated.
func (db *DB) ImportConcepts(ctx context.Context, concepts []pipeline.Concept) (created, updated int, err error) {
	for _, c := range concepts {
		if err := validConcept(c); err != nil {
			return 0, 0, err
		}
	}
	err = db.inTx(ctx, func(tx pgx.Tx) error {
		for _, c := range concepts {
			c.ID = 0
			for _, l := range pipeline.Languages {
				t, ok := c.Terms[l]
				if !ok {
					continue
				}
				err := tx.QueryRow(ctx, `SELECT concept_id FROM terms WHERE lang = $1 AND lower(term) = lower($2) AND NOT forbidden
					ORDER BY concept_id LIMIT 1`, l, t).Scan(&c.ID)
				if err != nil && err != pgx.ErrNoRows {
					return fmt.Errorf("match concept: %w", err)
				}
				break
			}
			if c.ID == 0 {
				created++
			} else {
				updated++
			}
			if err := saveConcept(ctx, tx, &c); err != nil {
				return err
			}
		}
		return nil
	})
	return created, updated, err
}
