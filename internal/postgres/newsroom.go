package postgres

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/tilmash/tilmash/pipeline"
)

// boardWhere is the board's filter (see pipeline.BoardFilter) over articles a joined with their
// current revision r, with parameters $1 to $8 as boardArgs gives them.
const boardWhere = `
	(($1 = '' AND $2 = '') OR EXISTS (SELECT 1 FROM editions e WHERE e.article_id = a.id
		AND ($1 = '' OR e.state = $1) AND ($2 = '' OR e.lang = $2)))
	AND ($3 = '' OR r.title ILIKE $3)
	AND ($4 = '' OR a.category = $4)
	AND ($5::timestamptz IS NULL OR a.created_at >= $5)
	AND ($6::timestamptz IS NULL OR a.created_at < $6)
	AND ($7 = '' OR EXISTS (SELECT 1 FROM revisions rv WHERE rv.article_id = a.id AND rv.created_by = $7)
		OR EXISTS (SELECT 1 FROM audit_log al WHERE al.article_id = a.id AND al.actor = $7)
		OR EXISTS (SELECT 1 FROM editions ea WHERE ea.article_id = a.id AND ea.approved_by = $7)
		OR EXISTS (SELECT 1 FROM editions es JOIN segment_translations st ON st.edition_id = es.id
			WHERE es.article_id = a.id AND st.updated_by = $7))`

// likeEscaper makes text match itself in a LIKE pattern.
var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// containsPattern is the LIKE pattern of text anywhere, or "" for no text.
func containsPattern(text string) string {
	text = strings.TrimSpace(text)
	if text == "" {
		return ""
	}
	return "%" + likeEscaper.Replace(text) + "%"
}

func boardArgs(f pipeline.BoardFilter) []any {
	return []any{string(f.State), string(f.Lang), containsPattern(f.Title), f.Category, f.From, f.To, strings.TrimSpace(f.Who)}
}

// FindBoard returns one page of the editors' board: articles, newest first, with their editions
// in site order and with progress, chosen by f (pipeline.BoardFilter). total counts the matching
// articles on all pages, for the pager.
func (db *DB) FindBoard(ctx context.Context, f pipeline.BoardFilter, limit, offset int) (
	articles []pipeline.Article, editions map[int64][]pipeline.Edition, total int, err error) {
	if limit <= 0 || limit > 200 {
		limit = 25
	}
	args := boardArgs(f)
	rows, err := db.pool.Query(ctx, `SELECT `+articleColumns+`, count(*) OVER ()
		FROM articles a JOIN revisions r ON r.id = a.revision_id
		WHERE `+boardWhere+`
		ORDER BY a.created_at DESC, a.id DESC LIMIT $8 OFFSET $9`,
		append(args, limit, max(offset, 0))...)
	if err != nil {
		return nil, nil, 0, fmt.Errorf("board articles: %w", err)
	}
	articles, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.Article, error) {
		var a pipeline.Article
		err := r.Scan(&a.ID, &a.Slug, &a.SourceLang, &a.Category, &a.Byline, &a.Title, &a.CreatedAt, &a.RevisionID, &total)
		return a, err
	})
	if err != nil {
		return nil, nil, 0, fmt.Errorf("board articles: %w", err)
	}
	editions = make(map[int64][]pipeline.Edition, len(articles))
	if len(articles) == 0 {
		if offset > 0 { // past the last page: the count still tells the pager where the end is
			err = db.pool.QueryRow(ctx, `SELECT count(*) FROM articles a JOIN revisions r ON r.id = a.revision_id
				WHERE `+boardWhere, args...).Scan(&total)
			if err != nil {
				return nil, nil, 0, fmt.Errorf("count board articles: %w", err)
			}
		}
		return articles, editions, total, nil
	}
	ids := make([]int64, len(articles))
	for i, a := range articles {
		ids[i] = a.ID
	}
	rows, err = db.pool.Query(ctx, `SELECT `+editionColumns+progressColumns+`
		FROM editions e`+progressJoin+` WHERE e.article_id = ANY($1)
		ORDER BY e.article_id, array_position(ARRAY['en','ru','kk','zh'], e.lang)`, ids)
	if err != nil {
		return nil, nil, 0, fmt.Errorf("board editions: %w", err)
	}
	eds, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.Edition, error) { return scanEdition(r, true) })
	if err != nil {
		return nil, nil, 0, fmt.Errorf("board editions: %w", err)
	}
	for _, e := range eds {
		editions[e.ArticleID] = append(editions[e.ArticleID], e)
	}
	return articles, editions, total, nil
}

// FindDismissers returns, for each dismissed finding of an edition, the name of the person who
// dismissed or overrode it: an editor weighs an override by who made it.
func (db *DB) FindDismissers(ctx context.Context, editionID int64) (map[int64]string, error) {
	rows, err := db.pool.Query(ctx, `SELECT id, coalesce(dismissed_by, '') FROM findings
		WHERE edition_id = $1 AND dismissed`, editionID)
	if err != nil {
		return nil, fmt.Errorf("finding dismissers: %w", err)
	}
	defer rows.Close()
	out := map[int64]string{}
	for rows.Next() {
		var id int64
		var by string
		if err := rows.Scan(&id, &by); err != nil {
			return nil, fmt.Errorf("finding dismissers: %w", err)
		}
		out[id] = by
	}
	return out, rows.Err()
}
