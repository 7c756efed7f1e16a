package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/tilmash/tilmash/pipeline"
)

// CreateArticle stores a new article with its first revision, its segments and its four editions,
// and queues the fan-out job, all in one transaction: there is never an article without its job or
// a job without its article. An explicit slug that is taken is a conflict; a derived one is made
// unique with a numeric suffix.
func (db *DB) CreateArticle(ctx context.Context, in pipeline.NewArticle) (pipeline.Article, error) {
	req := in.Request
	byline := req.Byline
	if byline == "" {
		byline = in.Doc.Byline
	}
	var a pipeline.Article
	err := db.inTx(ctx, func(tx pgx.Tx) error {
		slug, err := chooseSlug(ctx, tx, req.Slug, in.Doc.Title)
		if err != nil {
			return err
		}
		a = pipeline.Article{Slug: slug, SourceLang: req.SourceLang, Category: req.Category, Byline: byline, Title: in.Doc.Title,
			Repairs: len(pipeline.RevisionRepairs{Changes: in.Repairs}.Active()), RepairQuestions: pipeline.OpenQuestions(in.Questions)}
		if err := tx.QueryRow(ctx, `INSERT INTO articles (slug, source_lang, category, byline)
			VALUES ($1, $2, $3, $4) RETURNING id, created_at`,
			slug, req.SourceLang, req.Category, byline).Scan(&a.ID, &a.CreatedAt); err != nil {
			return fmt.Errorf("insert article: %w", err)
		}
		revID, err := insertRevision(ctx, tx, a.ID, 1, in, req.CreatedBy)
		if err != nil {
			return err
		}
		a.RevisionID = revID
		if _, err := tx.Exec(ctx, `UPDATE articles SET revision_id = $1 WHERE id = $2`, revID, a.ID); err != nil {
			return fmt.Errorf("set revision: %w", err)
		}
		// The four editions, and an empty translation of every segment in each target edition,
		// in two statements whatever the number of languages.
		langs := make([]string, len(pipeline.Languages))
		for i, l := range pipeline.Languages {
			langs[i] = string(l)
		}
		if _, err := tx.Exec(ctx, `WITH eds AS (
				INSERT INTO editions (article_id, lang, is_source, state, revision_id)
				SELECT $1, l, l = $3, 'translating', $2 FROM unnest($4::text[]) AS l
				RETURNING id, is_source)
			INSERT INTO segment_translations (edition_id, segment_id)
			SELECT e.id, s.id FROM eds e CROSS JOIN segments s
			WHERE NOT e.is_source AND s.revision_id = $2`,
			a.ID, revID, string(req.SourceLang), langs); err != nil {
			return fmt.Errorf("insert editions: %w", err)
		}
		if err := audit(ctx, tx, a.ID, 0, req.CreatedBy, "article.created", "", "", map[string]any{"revision": 1}); err != nil {
			return err
		}
		return db.enqueue(ctx, tx, pipeline.FanoutJob{ArticleID: a.ID, RevisionID: revID}, fanoutOpts())
	})
	return a, err
}

func insertRevision(ctx context.Context, tx pgx.Tx, articleID int64, number int, in pipeline.NewArticle, by string) (int64, error) {
	var revID int64
	if err := tx.QueryRow(ctx, `INSERT INTO revisions (article_id, number, format, body, title, created_by, source_format)
		VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
		articleID, number, in.Request.Format, in.Request.Text, in.Doc.Title, by, string(in.SourceFormat)).Scan(&revID); err != nil {
		return 0, fmt.Errorf("insert revision: %w", err)
	}
	rows := make([][]any, len(in.Segments))
	for i, s := range in.Segments {
		rows[i] = []any{revID, i, s.BlockIndex, s.SentenceIndex, string(s.Kind), s.Text, s.Hash, string(s.Inline)}
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"segments"},
		[]string{"revision_id", "position", "block_index", "sentence_index", "kind", "text", "hash", "inline"},
		pgx.CopyFromRows(rows)); err != nil {
		return 0, fmt.Errorf("insert segments: %w", err)
	}
	if err := insertRepairs(ctx, tx, revID, in.Repairs, in.Questions, by); err != nil {
		return 0, err
	}
	return revID, nil
}

func chooseSlug(ctx context.Context, tx pgx.Tx, explicit, title string) (string, error) {
	if explicit != "" {
		var taken bool
		if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM articles WHERE slug = $1)`, explicit).Scan(&taken); err != nil {
			return "", fmt.Errorf("check slug: %w", err)
		}
		if taken {
			return "", &pipeline.Error{Code: pipeline.CodeConflict, MessageID: "error.slug_taken",
				Data: map[string]any{"Slug": explicit}, Err: fmt.Errorf("slug %q is taken", explicit)}
		}
		return explicit, nil
	}
	base := pipeline.Slugify(title)
	// Serialise slug choice so that two concurrent ingests of one title cannot pick the same suffix.
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('tilmash.slug'))`); err != nil {
		return "", fmt.Errorf("lock slugs: %w", err)
	}
	slug := base
	for n := 2; ; n++ {
		var taken bool
		if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM articles WHERE slug = $1)`, slug).Scan(&taken); err != nil {
			return "", fmt.Errorf("check slug: %w", err)
		}
		if !taken {
			return slug, nil
		}
		slug = fmt.Sprintf("%s-%d", base, n)
	}
}

const articleColumns = `a.id, a.slug, a.source_lang, a.category, a.byline, r.title, a.created_at, a.revision_id`

// repairColumns count the current revision's active repairs and open questions, after
// articleColumns.
const repairColumns = `, (SELECT count(*) FROM revision_repairs rr WHERE rr.revision_id = r.id AND NOT rr.undone),
	(SELECT count(*) FROM revision_repair_questions rq WHERE rq.revision_id = r.id AND rq.answer IS NULL)`

func scanArticle(row pgx.Row) (pipeline.Article, error) {
	var a pipeline.Article
	err := row.Scan(&a.ID, &a.Slug, &a.SourceLang, &a.Category, &a.Byline, &a.Title, &a.CreatedAt, &a.RevisionID,
		&a.Repairs, &a.RepairQuestions)
	return a, err
}

// FindArticleByID returns an article with the title of its current revision.
func (db *DB) FindArticleByID(ctx context.Context, id int64) (pipeline.Article, error) {
	a, err := scanArticle(db.pool.QueryRow(ctx, `SELECT `+articleColumns+repairColumns+`
		FROM articles a JOIN revisions r ON r.id = a.revision_id WHERE a.id = $1`, id))
	if err != nil {
		return a, notFound("article", err)
	}
	return a, nil
}

// FindArticleBySlug returns an article by its slug.
func (db *DB) FindArticleBySlug(ctx context.Context, slug string) (pipeline.Article, error) {
	a, err := scanArticle(db.pool.QueryRow(ctx, `SELECT `+articleColumns+repairColumns+`
		FROM articles a JOIN revisions r ON r.id = a.revision_id WHERE a.slug = $1`, slug))
	if err != nil {
		return a, notFound("article", err)
	}
	return a, nil
}

// FindArticles lists articles, newest first.
func (db *DB) FindArticles(ctx context.Context, limit, offset int) ([]pipeline.Article, error) {
	if limit <= 0 || limit > 500 {
		limit = 100
	}
	rows, err := db.pool.Query(ctx, `SELECT `+articleColumns+repairColumns+`
		FROM articles a JOIN revisions r ON r.id = a.revision_id
		ORDER BY a.created_at DESC, a.id DESC LIMIT $1 OFFSET $2`, limit, max(offset, 0))
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.Article, error) { return scanArticle(r) })
}

// FindSegments returns the segments of a revision in order.
func (db *DB) FindSegments(ctx context.Context, revisionID int64) ([]pipeline.Segment, error) {
	rows, err := db.pool.Query(ctx, `SELECT `+segmentColumns+` FROM segments WHERE revision_id = $1 ORDER BY position`, revisionID)
	if err != nil {
		return nil, fmt.Errorf("list segments: %w", err)
	}
	return pgx.CollectRows(rows, scanSegment)
}

const segmentColumns = `id, revision_id, position, block_index, sentence_index, kind, text, hash, inline`

func scanSegment(r pgx.CollectableRow) (pipeline.Segment, error) {
	var s pipeline.Segment
	err := r.Scan(&s.ID, &s.RevisionID, &s.Position, &s.BlockIndex, &s.SentenceIndex, &s.Kind, &s.Text, &s.Hash, &s.Inline)
	return s, err
}

func audit(ctx context.Context, tx pgx.Tx, articleID, editionID int64, actor, action string, from, to pipeline.EditionState, detail map[string]any) error {
	if actor == "" {
		actor = "system"
	}
	if detail == nil {
		detail = map[string]any{}
	}
	var ed *int64
	if editionID != 0 {
		ed = &editionID
	}
	if _, err := tx.Exec(ctx, `INSERT INTO audit_log (article_id, edition_id, actor, action, from_state, to_state, detail)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`, articleID, ed, actor, action, string(from), string(to), detail); err != nil {
		return fmt.Errorf("audit: %w", err)
	}
	return nil
}

// FindAudit returns an article's audit trail, oldest first.
func (db *DB) FindAudit(ctx context.Context, articleID int64) ([]pipeline.AuditEntry, error) {
	rows, err := db.pool.Query(ctx, `SELECT edition_id, actor, action, from_state, to_state, detail, created_at
		FROM audit_log WHERE article_id = $1 ORDER BY id`, articleID)
	if err != nil {
		return nil, fmt.Errorf("audit trail: %w", err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.AuditEntry, error) {
		var e pipeline.AuditEntry
		err := r.Scan(&e.EditionID, &e.Actor, &e.Action, &e.From, &e.To, &e.Detail, &e.At)
		return e, err
	})
}
