package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/tilmash/tilmash/pipeline"
)

// SavePublication stores a rendered edition as a new immutable published version and makes it live,
// in one transaction. It does nothing, and reports false, when the edition is no longer approved
// for this release and revision: the approval was withdrawn, superseded or already published.
func (db *DB) SavePublication(ctx context.Context, v pipeline.PublishedVersion) (bool, error) {
	done := false
	err := db.inTx(ctx, func(tx pgx.Tx) error {
		var err error
		done, err = publishLocked(ctx, tx, v)
		return err
	})
	return done, err
}

const liveColumns = `v.id, v.edition_id, v.article_id, v.lang, a.slug, v.title, v.html, v.revision_id, v.release,
	v.byline, v.approved_by, v.published_at`

func scanLive(row pgx.Row) (pipeline.PublishedVersion, error) {
	var v pipeline.PublishedVersion
	err := row.Scan(&v.ID, &v.EditionID, &v.ArticleID, &v.Lang, &v.Slug, &v.Title, &v.HTML, &v.RevisionID,
		&v.Release, &v.Byline, &v.ApprovedBy, &v.PublishedAt)
	return v, err
}

// FindLiveVersion returns the version readers see of an article in a language. Only live versions
// are ever returned: drafts and approved-but-embargoed editions are not found.
func (db *DB) FindLiveVersion(ctx context.Context, lang pipeline.Lang, slug string) (pipeline.PublishedVersion, error) {
	v, err := scanLive(db.pool.QueryRow(ctx, `SELECT `+liveColumns+`
		FROM articles a JOIN editions e ON e.article_id = a.id AND e.lang = $1
		JOIN published_versions v ON v.id = e.live_version_id
		WHERE a.slug = $2`, lang, slug))
	if err != nil {
		return v, notFound("article", err)
	}
	return v, nil
}

// FindLiveLangs returns the languages in which an article has a live version, in site order.
func (db *DB) FindLiveLangs(ctx context.Context, articleID int64) ([]pipeline.Lang, error) {
	rows, err := db.pool.Query(ctx, `SELECT lang FROM editions WHERE article_id = $1 AND live_version_id IS NOT NULL
		ORDER BY array_position(ARRAY['en','ru','kk','zh'], lang)`, articleID)
	if err != nil {
		return nil, fmt.Errorf("live languages: %w", err)
	}
	return pgx.CollectRows(rows, pgx.RowTo[pipeline.Lang])
}

// FindLiveVersions lists the live versions in a language, newest first.
func (db *DB) FindLiveVersions(ctx context.Context, lang pipeline.Lang, limit, offset int) ([]pipeline.PublishedVersion, error) {
	if limit <= 0 || limit > 200 {
		limit = 20
	}
	rows, err := db.pool.Query(ctx, `SELECT `+liveColumns+`
		FROM editions e JOIN published_versions v ON v.id = e.live_version_id JOIN articles a ON a.id = e.article_id
		WHERE e.lang = $1 ORDER BY v.published_at DESC, v.id DESC LIMIT $2 OFFSET $3`, lang, limit, max(offset, 0))
	if err != nil {
		return nil, fmt.Errorf("list live versions: %w", err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.PublishedVersion, error) { return scanLive(r) })
}
