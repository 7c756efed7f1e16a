package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/tilmash/tilmash/pipeline"
)

// rememberSegment puts a confirmed segment into the translation memory, or updates its entry, with
// its neighbours for context matching.
func rememberSegment(ctx context.Context, tx pgx.Tx, editionID, segmentID int64, user string) error {
	var src, prev, next, target string
	var srcLang, tgtLang pipeline.Lang
	var articleID int64
	err := tx.QueryRow(ctx, `SELECT s.text,
			coalesce((SELECT p.text FROM segments p WHERE p.revision_id = s.revision_id AND p.position = s.position - 1), ''),
			coalesce((SELECT n.text FROM segments n WHERE n.revision_id = s.revision_id AND n.position = s.position + 1), ''),
			t.text, a.source_lang, e.lang, a.id
		FROM segment_translations t
		JOIN segments s ON s.id = t.segment_id
		JOIN editions e ON e.id = t.edition_id
		JOIN articles a ON a.id = e.article_id
		WHERE t.edition_id = $1 AND t.segment_id = $2`, editionID, segmentID).
		Scan(&src, &prev, &next, &target, &srcLang, &tgtLang, &articleID)
	if err != nil {
		return fmt.Errorf("read segment for memory: %w", err)
	}
	if pipeline.NormalizeForMemory(target) == "" {
		return nil
	}
	n := pipeline.NormalizeForMemory(src)
	var entryID int64
	err = tx.QueryRow(ctx, `INSERT INTO memory_entries (source_lang, target_lang, source_text, source_norm,
			target_text, prev_norm, next_norm, article_id, edition_id, segment_id, created_by)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
		ON CONFLICT (edition_id, segment_id) DO UPDATE SET target_text = EXCLUDED.target_text,
			source_text = EXCLUDED.source_text, source_norm = EXCLUDED.source_norm,
			created_by = EXCLUDED.created_by, updated_at = now()
		RETURNING id`,
		srcLang, tgtLang, src, n, target, pipeline.NormalizeForMemory(prev),
		pipeline.NormalizeForMemory(next), articleID, editionID, segmentID, user).Scan(&entryID)
	if err != nil {
		return fmt.Errorf("remember segment: %w", err)
	}
	return indexShingles(ctx, tx, entryID, n)
}

// indexShingles (re)writes the fuzzy-lookup keys of a memory entry.
func indexShingles(ctx context.Context, tx pgx.Tx, entryID int64, norm string) error {
	if _, err := tx.Exec(ctx, `DELETE FROM memory_shingles WHERE entry_id = $1`, entryID); err != nil {
		return fmt.Errorf("index memory entry: %w", err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO memory_shingles (shingle, entry_id)
		SELECT DISTINCT s, $1::bigint FROM unnest($2::bigint[]) AS s`, entryID, pipeline.MemoryShingles(norm)); err != nil {
		return fmt.Errorf("index memory entry: %w", err)
	}
	return nil
}

const memoryColumns = `m.id, m.source_lang, m.target_lang, m.source_text, m.target_text, m.article_id, m.created_by, m.updated_at`

// FindMemoryExact looks up each key's exact match, preferring a context match (neighbours equal
// too), then the most recent entry. The result is indexed like keys; keys without a match are
// absent.
func (db *DB) FindMemoryExact(ctx context.Context, source, target pipeline.Lang, keys []pipeline.MemoryKey) (map[int]pipeline.MemoryMatch, error) {
	norms, prevs, nexts := make([]string, len(keys)), make([]string, len(keys)), make([]string, len(keys))
	for i, k := range keys {
		norms[i], prevs[i], nexts[i] = k.Norm, k.Prev, k.Next
	}
	rows, err := db.pool.Query(ctx, `SELECT DISTINCT ON (k.idx) k.idx - 1, (m.prev_norm = k.prev AND m.next_norm = k.next), `+memoryColumns+`
		FROM unnest($3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS k(norm, prev, next, idx)
		JOIN memory_entries m ON m.source_lang = $1 AND m.target_lang = $2 AND m.source_norm = k.norm
		ORDER BY k.idx, (m.prev_norm = k.prev AND m.next_norm = k.next) DESC, m.updated_at DESC, m.id DESC`,
		source, target, norms, prevs, nexts)
	if err != nil {
		return nil, fmt.Errorf("memory lookup: %w", err)
	}
	defer rows.Close()
	out := map[int]pipeline.MemoryMatch{}
	for rows.Next() {
		var idx int
		var m pipeline.MemoryMatch
		e := &m.Entry
		if err := rows.Scan(&idx, &m.Context, &e.ID, &e.SourceLang, &e.TargetLang, &e.Source, &e.Target, &e.ArticleID, &e.CreatedBy, &e.UpdatedAt); err != nil {
			return nil, fmt.Errorf("memory lookup: %w", err)
		}
		m.Score = 100
		out[idx] = m
	}
	return out, rows.Err()
}

// candidateLimit is how many entries a fuzzy lookup scores at most.
const candidateLimit = 200

// FindMemoryFuzzy returns up to limit entries whose source is similar to text, scored 0–100 by
// trigram similarity and at least threshold, best first, one per distinct translation.
func (db *DB) FindMemoryFuzzy(ctx context.Context, source, target pipeline.Lang, text string, threshold, limit int) ([]pipeline.MemoryMatch, error) {
	if threshold <= 0 || threshold > 100 {
		threshold = pipeline.MemoryThreshold
	}
	if limit <= 0 || limit > 50 {
		limit = 3
	}
	q := pipeline.NormalizeForMemory(text)
	if q == "" {
		return nil, nil
	}
	// Candidates are the entries sharing the most key sequences with the query; only they are
	// scored. candidateLimit bounds the work when a common phrase is shared by thousands.
	rows, err := db.pool.Query(ctx, `WITH c AS (
			SELECT entry_id, count(*) AS shared FROM memory_shingles WHERE shingle = ANY($4::bigint[])
			GROUP BY entry_id ORDER BY shared DESC LIMIT $7)
		SELECT score, `+memoryColumns+` FROM (
			SELECT round(similarity(m.source_norm, $3) * 100)::int AS score, m.*
			FROM c JOIN memory_entries m ON m.id = c.entry_id
			WHERE m.source_lang = $1 AND m.target_lang = $2) m
		WHERE score >= $5 ORDER BY score DESC, updated_at DESC LIMIT $6`,
		source, target, q, pipeline.MemoryShingles(q), threshold, limit*4, candidateLimit)
	if err != nil {
		return nil, fmt.Errorf("fuzzy memory lookup: %w", err)
	}
	all, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.MemoryMatch, error) {
		var m pipeline.MemoryMatch
		e := &m.Entry
		err := r.Scan(&m.Score, &e.ID, &e.SourceLang, &e.TargetLang, &e.Source, &e.Target, &e.ArticleID, &e.CreatedBy, &e.UpdatedAt)
		return m, err
	})
	if err != nil {
		return nil, fmt.Errorf("fuzzy memory lookup: %w", err)
	}
	return bestPerTarget(all, limit), nil
}

// FindMemoryFuzzyMany is FindMemoryFuzzy for several texts, already normalised
// (pipeline.NormalizeForMemory), in one statement: out[i] holds the matches of norms[i]. Each is
// looked up exactly as FindMemoryFuzzy looks up one; an edition's segments cost the server one
// parse, plan and round trip instead of one each.
func (db *DB) FindMemoryFuzzyMany(ctx context.Context, source, target pipeline.Lang, norms []string, threshold, limit int) ([][]pipeline.MemoryMatch, error) {
	if threshold <= 0 || threshold > 100 {
		threshold = pipeline.MemoryThreshold
	}
	if limit <= 0 || limit > 50 {
		limit = 3
	}
	out := make([][]pipeline.MemoryMatch, len(norms))
	// A memory with nothing for the language pair (a new pair, a new installation) answers at
	// once: the shingles of an edition and its texts, hundreds of kilobytes, are not sent.
	var stored bool
	if err := db.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM memory_entries WHERE source_lang = $1 AND target_lang = $2)`,
		source, target).Scan(&stored); err != nil {
		return nil, fmt.Errorf("fuzzy memory lookup: %w", err)
	}
	if !stored {
		return out, nil
	}
	// Each query: its index in norms, its text, and where its shingles lie in the one array of
	// all shingles (1-based, inclusive), so that the server finds them in constant time.
	var idx, lo, hi []int32
	var texts []string
	var shingles []int64
	for i, q := range norms {
		if q == "" {
			continue
		}
		idx = append(idx, int32(i))
		texts = append(texts, q)
		lo = append(lo, int32(len(shingles)+1))
		shingles = append(shingles, pipeline.MemoryShingles(q)...)
		hi = append(hi, int32(len(shingles)))
	}
	if len(idx) == 0 {
		return out, nil
	}
	rows, err := db.pool.Query(ctx, fuzzyManySQL, source, target, idx, texts, lo, hi, shingles, threshold, limit*4, candidateLimit)
	if err != nil {
		return nil, fmt.Errorf("fuzzy memory lookup: %w", err)
	}
	byText := map[int][]pipeline.MemoryMatch{}
	_, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (struct{}, error) {
		var i int32
		var m pipeline.MemoryMatch
		e := &m.Entry
		err := r.Scan(&i, &m.Score, &e.ID, &e.SourceLang, &e.TargetLang, &e.Source, &e.Target, &e.ArticleID, &e.CreatedBy, &e.UpdatedAt)
		byText[int(i)] = append(byText[int(i)], m)
		return struct{}{}, err
	})
	if err != nil {
		return nil, fmt.Errorf("fuzzy memory lookup: %w", err)
	}
	for i, all := range byText {
		if i >= 0 && i < len(out) {
			out[i] = bestPerTarget(all, limit)
		}
	}
	return out, nil
}

// fuzzyManySQL scores the candidates of each query q (its index, normalised text, and its
// shingles as a slice of $7). Candidates are the entries sharing the most key sequences with the
// query; only they are scored. candidateLimit ($10) bounds the work when a common phrase is
// shared by thousands.
const fuzzyManySQL = `SELECT q.i, r.* FROM unnest($3::int[], $4::text[], $5::int[], $6::int[]) AS q(i, norm, lo, hi)
	CROSS JOIN LATERAL (
		SELECT score, ` + memoryColumns + ` FROM (
			SELECT round(similarity(m.source_norm, q.norm) * 100)::int AS score, m.*
			FROM (SELECT entry_id, count(*) AS shared FROM memory_shingles
				WHERE shingle = ANY(($7::bigint[])[q.lo:q.hi])
				GROUP BY entry_id ORDER BY shared DESC LIMIT $10) c
			JOIN memory_entries m ON m.id = c.entry_id
			WHERE m.source_lang = $1 AND m.target_lang = $2) m
		WHERE score >= $8 ORDER BY score DESC, updated_at DESC LIMIT $9) r
	ORDER BY q.i, r.score DESC, r.updated_at DESC`

// bestPerTarget keeps the first match of each distinct translation, limit at most.
func bestPerTarget(all []pipeline.MemoryMatch, limit int) []pipeline.MemoryMatch {
	var out []pipeline.MemoryMatch
	seen := map[string]bool{}
	for _, m := range all {
		if !seen[m.Entry.Target] && len(out) < limit {
			seen[m.Entry.Target] = true
			out = append(out, m)
		}
	}
	return out
}

// FindMemoryTargets returns, for each normalised source, the distinct translations the memory holds.
func (db *DB) FindMemoryTargets(ctx context.Context, source, target pipeline.Lang, norms []string) (map[string][]string, error) {
	rows, err := db.pool.Query(ctx, `SELECT source_norm, array_agg(DISTINCT target_text) FROM memory_entries
		WHERE source_lang = $1 AND target_lang = $2 AND source_norm = ANY($3) GROUP BY source_norm`, source, target, norms)
	if err != nil {
		return nil, fmt.Errorf("memory targets: %w", err)
	}
	defer rows.Close()
	out := map[string][]string{}
	for rows.Next() {
		var n string
		var ts []string
		if err := rows.Scan(&n, &ts); err != nil {
			return nil, fmt.Errorf("memory targets: %w", err)
		}
		out[n] = ts
	}
	return out, rows.Err()
}

// SaveSuggestions replaces the fuzzy memory suggestions of the given segments of an edition.
func (db *DB) SaveSuggestions(ctx context.Context, editionID int64, bySegment map[int64][]pipeline.MemoryMatch) error {
	return db.inTx(ctx, func(tx pgx.Tx) error {
		for seg, ms := range bySegment {
			if _, err := tx.Exec(ctx, `DELETE FROM memory_suggestions WHERE edition_id = $1 AND segment_id = $2`, editionID, seg); err != nil {
				return fmt.Errorf("clear suggestions: %w", err)
			}
			for _, m := range ms {
				if _, err := tx.Exec(ctx, `INSERT INTO memory_suggestions (edition_id, segment_id, entry_id, score)
					VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, editionID, seg, m.Entry.ID, m.Score); err != nil {
					return fmt.Errorf("save suggestion: %w", err)
				}
			}
		}
		return nil
	})
}

// FindSuggestions returns an edition's stored fuzzy suggestions by segment, best first.
func (db *DB) FindSuggestions(ctx context.Context, editionID int64) (map[int64][]pipeline.MemoryMatch, error) {
	rows, err := db.pool.Query(ctx, `SELECT s.segment_id, s.score, `+memoryColumns+`
		FROM memory_suggestions s JOIN memory_entries m ON m.id = s.entry_id
		WHERE s.edition_id = $1 ORDER BY s.segment_id, s.score DESC`, editionID)
	if err != nil {
		return nil, fmt.Errorf("suggestions: %w", err)
	}
	defer rows.Close()
	out := map[int64][]pipeline.MemoryMatch{}
	for rows.Next() {
		var seg int64
		var m pipeline.MemoryMatch
		e := &m.Entry
		if err := rows.Scan(&seg, &m.Score, &e.ID, &e.SourceLang, &e.TargetLang, &e.Source, &e.Target, &e.ArticleID, &e.CreatedBy, &e.UpdatedAt); err != nil {
			return nil, fmt.Errorf("suggestions: %w", err)
		}
		out[seg] = append(out[seg], m)
	}
	return out, rows.Err()
}

// RecordUsage adds characters and requests sent to a provider for an edition to this month's count.
func (db *DB) RecordUsage(ctx context.Context, u pipeline.Usage) error {
	if err := db.exec(ctx, usageSQL, usageArgs(u)...); err != nil {
		return fmt.Errorf("record usage: %w", err)
	}
	return nil
}

// recordUsage adds u to its month's usage in tx.
func recordUsage(ctx context.Context, tx pgx.Tx, u pipeline.Usage) error {
	if _, err := tx.Exec(ctx, usageSQL, usageArgs(u)...); err != nil {
		return fmt.Errorf("record usage: %w", err)
	}
	return nil
}

const usageSQL = `INSERT INTO mt_usage (edition_id, provider, month, characters, requests)
		VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (edition_id, provider, month) DO UPDATE SET characters = mt_usage.characters + EXCLUDED.characters,
			requests = mt_usage.requests + EXCLUDED.requests`

// usageArgs are usageSQL's arguments for u, counted in u's month (the current one when unset).
func usageArgs(u pipeline.Usage) []any {
	month := u.Month
	if month.IsZero() {
		month = time.Now().UTC()
	}
	month = time.Date(month.Year(), month.Month(), 1, 0, 0, 0, 0, time.UTC)
	return []any{u.EditionID, u.Provider, month, u.Characters, u.Requests}
}

// FindUsage returns machine-translation usage, per edition, provider and month, newest month first;
// editionID 0 means all editions.
func (db *DB) FindUsage(ctx context.Context, editionID int64) ([]pipeline.Usage, error) {
	rows, err := db.pool.Query(ctx, `SELECT edition_id, provider, month, characters, requests FROM mt_usage
		WHERE $1 = 0 OR edition_id = $1 ORDER BY month DESC, provider, edition_id`, editionID)
	if err != nil {
		return nil, fmt.Errorf("usage: %w", err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.Usage, error) {
		var u pipeline.Usage
		err := r.Scan(&u.EditionID, &u.Provider, &u.Month, &u.Characters, &u.Requests)
		return u, err
	})
}
