package postgres

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/tilmash/tilmash/pipeline"
)

// memoryViewColumns are what the memory browser shows of an entry m, with its article a and
// import i (both left-joined).
const memoryViewColumns = `m.id, m.source_lang, m.target_lang, m.source_text, m.target_text, m.article_id,
	m.created_by, m.updated_at, coalesce((SELECT r.title FROM revisions r WHERE r.id = a.revision_id), ''),
	m.import_id, coalesce(i.file_name, ''), m.source_article, m.created_at, m.updated_by, m.use_count,
	m.last_used_at, m.version`

const memoryViewFrom = ` FROM memory_entries m LEFT JOIN articles a ON a.id = m.article_id
	LEFT JOIN memory_imports i ON i.id = m.import_id`

func scanMemoryView(r pgx.Row) (pipeline.MemoryView, error) {
	var v pipeline.MemoryView
	err := r.Scan(&v.ID, &v.SourceLang, &v.TargetLang, &v.Source, &v.Target, &v.ArticleID,
		&v.CreatedBy, &v.UpdatedAt, &v.ArticleTitle, &v.ImportID, &v.ImportFile, &v.SourceArticle, &v.CreatedAt,
		&v.UpdatedBy, &v.UseCount, &v.LastUsedAt, &v.Version)
	return v, err
}

// FindMemoryEntries returns one page of the memory browser: the entries of q's language pair
// whose source (or target, with q.InTarget) contains q.Text ignoring case, most recently changed
// first, and whether more follow. It does not count every match: a word found in most entries
// would make that a scan of the whole memory on every page, while the page itself walks the
// pair's entries newest first and stops at its end.
func (db *DB) FindMemoryEntries(ctx context.Context, q pipeline.MemoryQuery) ([]pipeline.MemoryView, bool, error) {
	if q.Limit <= 0 || q.Limit > 200 {
		q.Limit = 25
	}
	column := "m.source_text"
	if q.InTarget {
		column = "m.target_text"
	}
	rows, err := db.pool.Query(ctx, `SELECT `+memoryViewColumns+memoryViewFrom+`
		WHERE m.source_lang = $1 AND m.target_lang = $2 AND ($3 = '' OR `+column+` ILIKE $3)
		ORDER BY m.updated_at DESC, m.id DESC LIMIT $4 OFFSET $5`,
		q.Source, q.Target, containsPattern(q.Text), q.Limit+1, max(q.Offset, 0))
	if err != nil {
		return nil, false, fmt.Errorf("memory entries: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.MemoryView, error) { return scanMemoryView(r) })
	if err != nil {
		return nil, false, fmt.Errorf("memory entries: %w", err)
	}
	if len(out) > q.Limit {
		return out[:q.Limit], true, nil
	}
	return out, false, nil
}

// FindMemoryEntry returns one memory entry as the browser shows it.
func (db *DB) FindMemoryEntry(ctx context.Context, id int64) (pipeline.MemoryView, error) {
	v, err := scanMemoryView(db.pool.QueryRow(ctx, `SELECT `+memoryViewColumns+memoryViewFrom+` WHERE m.id = $1`, id))
	if err != nil {
		return v, notFound("memory entry", err)
	}
	return v, nil
}

// memoryConflict is the answer to an edit or deletion based on a version that is no longer the
// entry's: someone changed it meanwhile, and nothing is written.
func memoryConflict(current int) error {
	return &pipeline.Error{Code: pipeline.CodeConflict, MessageID: "find.memory.conflict",
		Data: map[string]any{"Version": current}, Err: fmt.Errorf("memory entry changed (now version %d)", current)}
}

// lockMemoryEntry locks an entry and checks that it is still at version; a missing entry is not
// found, a different version a conflict.
func lockMemoryEntry(ctx context.Context, tx pgx.Tx, id int64, version int) error {
	var cur int
	if err := tx.QueryRow(ctx, `SELECT version FROM memory_entries WHERE id = $1 FOR UPDATE`, id).Scan(&cur); err != nil {
		return notFound("memory entry", err)
	}
	if cur != version {
		return memoryConflict(cur)
	}
	return nil
}

// UpdateMemoryEntry changes an entry's source and target text, if it is still at the version the
// editor saw (otherwise a conflict, and nothing changes). A changed source is looked up under its
// new key from then on.
func (db *DB) UpdateMemoryEntry(ctx context.Context, e pipeline.MemoryEdit) (pipeline.MemoryView, error) {
	src, tgt := strings.TrimSpace(e.Source), strings.TrimSpace(e.Target)
	for field, v := range map[string]string{"source": src, "target": tgt} {
		if v == "" {
			return pipeline.MemoryView{}, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.field_required",
				Data: map[string]any{"Field": field}}
		}
		if len(v) > pipeline.MaxMemoryTextBytes {
			return pipeline.MemoryView{}, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "input.field_too_long_bytes",
				Data: map[string]any{"Field": field, "Max": pipeline.MaxMemoryTextBytes}}
		}
		if f, r := pipeline.CheckText(v, false); f != pipeline.TextOK {
			return pipeline.MemoryView{}, &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "find.error.text_invalid",
				Data: map[string]any{"Field": field}, Err: fmt.Errorf("%s: %s (%s)", field, f, pipeline.RuneCode(r))}
		}
	}
	err := db.inTx(ctx, func(tx pgx.Tx) error {
		if err := lockMemoryEntry(ctx, tx, e.ID, e.Version); err != nil {
			return err
		}
		norm := pipeline.NormalizeForMemory(src)
		if _, err := tx.Exec(ctx, `UPDATE memory_entries SET source_text = $2, source_norm = $3, target_text = $4,
				updated_by = $5, updated_at = now(), version = version + 1 WHERE id = $1`,
			e.ID, src, norm, tgt, e.Actor); err != nil {
			return fmt.Errorf("update memory entry: %w", err)
		}
		return indexShingles(ctx, tx, e.ID, norm)
	})
	if err != nil {
		return pipeline.MemoryView{}, err
	}
	return db.FindMemoryEntry(ctx, e.ID)
}

// DeleteMemoryEntry removes an entry, if it is still at the version the editor saw, with its
// lookup keys and the suggestions it made.
func (db *DB) DeleteMemoryEntry(ctx context.Context, id int64, version int) error {
	return db.inTx(ctx, func(tx pgx.Tx) error {
		if err := lockMemoryEntry(ctx, tx, id, version); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM memory_entries WHERE id = $1`, id); err != nil {
			return fmt.Errorf("delete memory entry: %w", err)
		}
		return nil
	})
}
