package postgres

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/tilmash/tilmash/pipeline"
)

// maxCategories bounds the category list: a newsroom files articles under a few dozen subjects.
const maxCategories = 1000

// FindCategories lists every category, named or only used by articles, by slug, with its names
// and how many articles are filed under it. The create-article form and the board's filter offer
// these.
func (db *DB) FindCategories(ctx context.Context) ([]pipeline.Category, error) {
	rows, err := db.pool.Query(ctx, `WITH used AS (
			SELECT category AS slug, count(*) AS n FROM articles WHERE category <> '' GROUP BY category),
		slugs AS (
			SELECT slug FROM categories UNION SELECT slug FROM used)
		SELECT s.slug, coalesce(c.created_at, now()), coalesce(u.n, 0),
			coalesce((SELECT jsonb_object_agg(lang, name) FROM category_names cn WHERE cn.slug = s.slug), '{}')
		FROM slugs s LEFT JOIN categories c ON c.slug = s.slug LEFT JOIN used u ON u.slug = s.slug
		ORDER BY s.slug LIMIT $1`, maxCategories)
	if err != nil {
		return nil, fmt.Errorf("categories: %w", err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.Category, error) {
		var c pipeline.Category
		err := r.Scan(&c.Slug, &c.CreatedAt, &c.Articles, &c.Names)
		return c, err
	})
}

// CreateCategory adds a category with its names. A slug already in the list of categories is a
// conflict; one only used by articles so far becomes a category with these names.
func (db *DB) CreateCategory(ctx context.Context, c pipeline.Category, actor string) error {
	if err := pipeline.ValidateCategory(c); err != nil {
		return err
	}
	return db.inTx(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `INSERT INTO categories (slug, created_by) VALUES ($1, $2) ON CONFLICT DO NOTHING`, c.Slug, actor)
		if err != nil {
			return fmt.Errorf("create category: %w", err)
		}
		if tag.RowsAffected() == 0 {
			return &pipeline.Error{Code: pipeline.CodeConflict, MessageID: "find.category.exists",
				Data: map[string]any{"Slug": c.Slug}, Err: fmt.Errorf("category %q exists", c.Slug)}
		}
		return saveCategoryNames(ctx, tx, c, actor)
	})
}

// RenameCategory replaces a category's names; its slug stays. An empty name removes the
// language's name, so readers of that language see the slug again. The category must exist or
// be used by an article.
func (db *DB) RenameCategory(ctx context.Context, c pipeline.Category, actor string) error {
	if err := pipeline.ValidateCategory(c); err != nil {
		return err
	}
	return db.inTx(ctx, func(tx pgx.Tx) error {
		var known bool
		if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM categories WHERE slug = $1)
			OR EXISTS (SELECT 1 FROM articles WHERE category = $1)`, c.Slug).Scan(&known); err != nil {
			return fmt.Errorf("rename category: %w", err)
		}
		if !known {
			return notFound("category", pgx.ErrNoRows)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO categories (slug, created_by) VALUES ($1, $2) ON CONFLICT DO NOTHING`, c.Slug, actor); err != nil {
			return fmt.Errorf("rename category: %w", err)
		}
		return saveCategoryNames(ctx, tx, c, actor)
	})
}

// saveCategoryNames writes the names of c that changed. When any did, the public site moves to a
// new generation with no record of which articles changed: a category's name is on the pages of
// every article filed under it and on its lists, so page caches and static exports rebuild whole
// (a rename is rare), and they are notified on commit.
func saveCategoryNames(ctx context.Context, tx pgx.Tx, c pipeline.Category, actor string) error {
	var langs, names, gone []string
	for _, l := range pipeline.Languages {
		if n := strings.TrimSpace(c.Names[l]); n != "" {
			langs, names = append(langs, string(l)), append(names, n)
		} else {
			gone = append(gone, string(l))
		}
	}
	del, err := tx.Exec(ctx, `DELETE FROM category_names WHERE slug = $1 AND lang = ANY($2)`, c.Slug, gone)
	if err != nil {
		return fmt.Errorf("category names: %w", err)
	}
	set, err := tx.Exec(ctx, `INSERT INTO category_names (slug, lang, name, updated_by)
		SELECT $1, l, n, $4 FROM unnest($2::text[], $3::text[]) AS x(l, n)
		ON CONFLICT (slug, lang) DO UPDATE SET name = EXCLUDED.name, updated_by = EXCLUDED.updated_by, updated_at = now()
		WHERE category_names.name <> EXCLUDED.name`, c.Slug, langs, names, actor)
	if err != nil {
		return fmt.Errorf("category names: %w", err)
	}
	if del.RowsAffected()+set.RowsAffected() == 0 {
		return nil
	}
	var gen int64
	if err := tx.QueryRow(ctx, `UPDATE site_state SET generation = generation + 1, changed_at = now() RETURNING generation`).Scan(&gen); err != nil {
		return fmt.Errorf("site generation: %w", err)
	}
	if _, err := tx.Exec(ctx, `SELECT pg_notify('tilmash_site', $1)`, strconv.FormatInt(gen, 10)); err != nil {
		return fmt.Errorf("notify site change: %w", err)
	}
	return nil
}
