package postgres

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/tilmash/tilmash/pipeline"
)

// memoryImportBatch is how many entries an import writes at a time: memory stays bounded however
// large the file.
const memoryImportBatch = 5000

// ImportMemory adds the records next returns (until io.EOF) to the translation memory as one
// import, in one transaction: a file that fails half-way adds nothing. Entries are written with
// COPY in batches, with their fuzzy-lookup keys, and point to the import, so that
// DeleteMemoryImport takes them out again; while one batch is written the next is read, so a
// large file costs about what the slower of the two costs. An article a record names by slug is
// linked when it is one of ours. imp names the file and the person; its Units and Skipped are
// read when next is done (the reader counts them), and the import is returned with its ID and
// counts.
func (db *DB) ImportMemory(ctx context.Context, imp *pipeline.MemoryImport, next func() (pipeline.MemoryRecord, error)) error {
	return db.inTx(ctx, func(tx pgx.Tx) error {
		if err := tx.QueryRow(ctx, `INSERT INTO memory_imports (file_name, created_by) VALUES ($1, $2) RETURNING id, created_at`,
			imp.FileName, imp.CreatedBy).Scan(&imp.ID, &imp.CreatedAt); err != nil {
			return fmt.Errorf("memory import: %w", err)
		}
		imp.Entries = 0
		batches := make(chan memoryBatch, 1)
		stop := make(chan struct{})
		var readErr error
		go func() { // reads the next batch while the last one is written
			defer close(batches)
			for {
				b := memoryBatch{records: make([]pipeline.MemoryRecord, 0, memoryImportBatch)}
				for len(b.records) < memoryImportBatch {
					r, err := next()
					if errors.Is(err, io.EOF) {
						break
					}
					if err != nil {
						readErr = err
						return
					}
					b.records = append(b.records, r)
					b.shingles = append(b.shingles, pipeline.MemoryShingles(pipeline.NormalizeForMemory(r.Source)))
				}
				if len(b.records) == 0 {
					return
				}
				select {
				case batches <- b:
				case <-stop:
					return
				}
				if len(b.records) < memoryImportBatch {
					return
				}
			}
		}()
		defer func() {
			close(stop)
			for range batches { // let the reader end
			}
		}()
		articles := map[string]*int64{}
		for b := range batches {
			if err := copyMemory(ctx, tx, imp.ID, b, articles); err != nil {
				return err
			}
			imp.Entries += len(b.records)
		}
		if readErr != nil {
			return readErr
		}
		_, err := tx.Exec(ctx, `UPDATE memory_imports SET units = $2, entries = $3, skipped = $4 WHERE id = $1`,
			imp.ID, imp.Units, imp.Entries, imp.Skipped)
		if err != nil {
			return fmt.Errorf("memory import: %w", err)
		}
		return nil
	})
}

// memoryBatch is records read for an import, with their fuzzy-lookup keys.
type memoryBatch struct {
	records  []pipeline.MemoryRecord
	shingles [][]int64
}

// copyMemory writes one batch of imported entries and their shingles.
func copyMemory(ctx context.Context, tx pgx.Tx, importID int64, b memoryBatch, articles map[string]*int64) error {
	batch := b.records
	var unknown []string
	for _, r := range batch {
		if _, ok := articles[r.Article]; !ok && r.Article != "" {
			articles[r.Article] = nil
			unknown = append(unknown, r.Article)
		}
	}
	if len(unknown) > 0 {
		rows, err := tx.Query(ctx, `SELECT slug, id FROM articles WHERE slug = ANY($1)`, unknown)
		if err != nil {
			return fmt.Errorf("memory import articles: %w", err)
		}
		for rows.Next() {
			var slug string
			var id int64
			if err := rows.Scan(&slug, &id); err != nil {
				rows.Close()
				return fmt.Errorf("memory import articles: %w", err)
			}
			articles[slug] = &id
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("memory import articles: %w", err)
		}
	}
	rows, err := tx.Query(ctx, `SELECT nextval('memory_entries_id_seq') FROM generate_series(1, $1)`, len(batch))
	if err != nil {
		return fmt.Errorf("memory import ids: %w", err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return fmt.Errorf("memory import ids: %w", err)
	}
	now := time.Now()
	entries := make([][]any, len(batch))
	var shingles [][]any
	for i, r := range batch {
		created, updated := r.CreatedAt, r.UpdatedAt
		if created.IsZero() {
			created = now
		}
		if updated.IsZero() {
			updated = created
		}
		var article *int64
		if r.Article != "" {
			article = articles[r.Article]
		}
		entries[i] = []any{ids[i], string(r.SourceLang), string(r.TargetLang), r.Source, pipeline.NormalizeForMemory(r.Source),
			r.Target, article, r.Article, r.CreatedBy, created, updated, importID}
		for _, s := range b.shingles[i] {
			shingles = append(shingles, []any{s, ids[i]})
		}
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"memory_entries"}, []string{"id", "source_lang", "target_lang",
		"source_text", "source_norm", "target_text", "article_id", "source_article", "created_by", "created_at", "updated_at",
		"import_id"}, pgx.CopyFromRows(entries)); err != nil {
		return fmt.Errorf("memory import entries: %w", err)
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"memory_shingles"}, []string{"shingle", "entry_id"},
		pgx.CopyFromRows(shingles)); err != nil {
		return fmt.Errorf("memory import keys: %w", err)
	}
	return nil
}

// EachMemoryRecord calls fn with every memory entry the filter selects, oldest first, reading
// them from one cursor: an export of the whole memory holds one row at a time.
func (db *DB) EachMemoryRecord(ctx context.Context, f pipeline.MemoryFilter, fn func(pipeline.MemoryRecord) error) error {
	rows, err := db.pool.Query(ctx, `SELECT m.source_lang, m.target_lang, m.source_text, m.target_text, m.created_at,
			m.updated_at, m.created_by, coalesce(a.slug, m.source_article)
		FROM memory_entries m LEFT JOIN articles a ON a.id = m.article_id
		WHERE ($1 = '' OR m.source_lang = $1) AND ($2 = '' OR m.target_lang = $2) AND ($3 = 0 OR m.import_id = $3)
		ORDER BY m.id`, string(f.SourceLang), string(f.TargetLang), f.ImportID)
	if err != nil {
		return fmt.Errorf("memory export: %w", err)
	}
	defer rows.Close()
	var r pipeline.MemoryRecord
	for rows.Next() {
		if err := rows.Scan(&r.SourceLang, &r.TargetLang, &r.Source, &r.Target, &r.CreatedAt, &r.UpdatedAt, &r.CreatedBy, &r.Article); err != nil {
			return fmt.Errorf("memory export: %w", err)
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("memory export: %w", err)
	}
	return nil
}

// FindMemoryImports lists the memory imports, newest first.
func (db *DB) FindMemoryImports(ctx context.Context) ([]pipeline.MemoryImport, error) {
	rows, err := db.pool.Query(ctx, `SELECT id, file_name, created_by, created_at, units, entries, skipped
		FROM memory_imports ORDER BY id DESC`)
	if err != nil {
		return nil, fmt.Errorf("memory imports: %w", err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.MemoryImport, error) {
		var m pipeline.MemoryImport
		err := r.Scan(&m.ID, &m.FileName, &m.CreatedBy, &m.CreatedAt, &m.Units, &m.Entries, &m.Skipped)
		return m, err
	})
}

// DeleteMemoryImport removes an import and every memory entry it made (with their lookup keys
// and the suggestions made from them), and returns what it removed.
func (db *DB) DeleteMemoryImport(ctx context.Context, id int64) (pipeline.MemoryImport, error) {
	var m pipeline.MemoryImport
	err := db.pool.QueryRow(ctx, `DELETE FROM memory_imports WHERE id = $1
		RETURNING id, file_name, created_by, created_at, units, entries, skipped`, id).
		Scan(&m.ID, &m.FileName, &m.CreatedBy, &m.CreatedAt, &m.Units, &m.Entries, &m.Skipped)
	if err != nil {
		return m, notFound("memory import", err)
	}
	return m, nil
}
