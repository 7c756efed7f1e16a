package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/tilmash/tilmash/pipeline"
)

// insertRepairs records the text repair's changes and questions on a new revision, with the
// decisions an editor already took on them before the article was created (by is the editor).
func insertRepairs(ctx context.Context, tx pgx.Tx, revID int64, changes []pipeline.RepairChange, questions []pipeline.RepairQuestion, by string) error {
	if len(changes) > 0 {
		rows := make([][]any, len(changes))
		for i, c := range changes {
			decided := ""
			if c.Accepted || c.Undone {
				decided = by
			}
			rows[i] = []any{revID, c.Start, c.End, c.Before, c.After, c.Rule, c.Undone, c.Accepted, decided}
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"revision_repairs"},
			[]string{"revision_id", "start_at", "end_at", "before", "after", "rule", "undone", "accepted", "accepted_by"},
			pgx.CopyFromRows(rows)); err != nil {
			return fmt.Errorf("insert repairs: %w", err)
		}
	}
	if len(questions) > 0 {
		rows := make([][]any, len(questions))
		for i, q := range questions {
			cands := q.Candidates
			if cands == nil {
				cands = []string{}
			}
			var answer, answeredBy, answeredAt any = nil, "", nil
			if q.Answered {
				answer, answeredBy, answeredAt = q.Answer, by, time.Now()
			}
			rows[i] = []any{revID, q.Start, q.End, q.Token, cands, q.Reason, answer, answeredBy, answeredAt}
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"revision_repair_questions"},
			[]string{"revision_id", "start_at", "end_at", "token", "candidates", "reason", "answer", "answered_by", "answered_at"},
			pgx.CopyFromRows(rows)); err != nil {
			return fmt.Errorf("insert repair questions: %w", err)
		}
	}
	return nil
}

// FindRepairs returns the repair record of an article's current revision: its body as it
// arrived, every change (undone ones marked) and every open question, in text order.
func (db *DB) FindRepairs(ctx context.Context, articleID int64) (pipeline.RevisionRepairs, error) {
	var r pipeline.RevisionRepairs
	err := db.pool.QueryRow(ctx, `SELECT a.id, r.id, r.format, r.body, r.repair_version, r.created_at
		FROM articles a JOIN revisions r ON r.id = a.revision_id WHERE a.id = $1`, articleID).
		Scan(&r.ArticleID, &r.RevisionID, &r.Format, &r.Body, &r.Version, &r.UpdatedAt)
	if err != nil {
		return r, notFound("article", err)
	}
	rows, err := db.pool.Query(ctx, `SELECT id, start_at, end_at, before, after, rule, undone, accepted
		FROM revision_repairs WHERE revision_id = $1 ORDER BY start_at, id`, r.RevisionID)
	if err != nil {
		return r, fmt.Errorf("list repairs: %w", err)
	}
	r.Changes, err = pgx.CollectRows(rows, func(row pgx.CollectableRow) (pipeline.RepairChange, error) {
		var c pipeline.RepairChange
		err := row.Scan(&c.ID, &c.Start, &c.End, &c.Before, &c.After, &c.Rule, &c.Undone, &c.Accepted)
		return c, err
	})
	if err != nil {
		return r, fmt.Errorf("list repairs: %w", err)
	}
	rows, err = db.pool.Query(ctx, `SELECT id, start_at, end_at, token, candidates, reason, answer IS NOT NULL,
		coalesce(answer, ''), answered_by
		FROM revision_repair_questions WHERE revision_id = $1 ORDER BY start_at, id`, r.RevisionID)
	if err != nil {
		return r, fmt.Errorf("list repair questions: %w", err)
	}
	r.Questions, err = pgx.CollectRows(rows, func(row pgx.CollectableRow) (pipeline.RepairQuestion, error) {
		var q pipeline.RepairQuestion
		err := row.Scan(&q.ID, &q.Start, &q.End, &q.Token, &q.Candidates, &q.Reason, &q.Answered, &q.Answer, &q.AnsweredBy)
		return q, err
	})
	if err != nil {
		return r, fmt.Errorf("list repair questions: %w", err)
	}
	return r, nil
}

// UndoRepairs marks the changes undone and replaces the revision's segments with the
// re-prepared ones, in one transaction. Segments whose text is unchanged keep their ID and their
// translations; a segment whose text changed keeps its ID, and its translation stays as a draft
// to be confirmed again; segments that appear are added with empty translations and those that
// disappear are deleted. It is refused with an illegal-state error once an edition has left
// translation and review ("error.ingest.repair_locked"), and with a conflict when someone else
// undid a repair or the article got a new revision meanwhile.
func (db *DB) UndoRepairs(ctx context.Context, u pipeline.RepairUndo) error {
	if len(u.ChangeIDs) == 0 {
		return &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.field_required",
			Data: map[string]any{"Field": "changes"}}
	}
	err := db.inTx(ctx, func(tx pgx.Tx) error {
		// NO KEY UPDATE: rows that only reference the article or revision (audit entries of a
		// concurrent approval) must not wait for this lock while it waits for their edition.
		var current int64
		if err := tx.QueryRow(ctx, `SELECT revision_id FROM articles WHERE id = $1 FOR NO KEY UPDATE`, u.ArticleID).Scan(&current); err != nil {
			return notFound("article", err)
		}
		var version int
		if err := tx.QueryRow(ctx, `SELECT repair_version FROM revisions WHERE id = $1 FOR NO KEY UPDATE`, u.RevisionID).Scan(&version); err != nil {
			return notFound("revision", err)
		}
		if current != u.RevisionID || version != u.Version {
			return &pipeline.Error{Code: pipeline.CodeConflict, MessageID: "error.ingest.repair_stale",
				Err: fmt.Errorf("revision %d at repair version %d, asked for %d at %d", current, version, u.RevisionID, u.Version)}
		}
		targets, err := lockUndoableEditions(ctx, tx, u.ArticleID, u.RevisionID)
		if err != nil {
			return err
		}
		tag, err := tx.Exec(ctx, `UPDATE revision_repairs SET undone = true, undone_by = $3, undone_at = now()
			WHERE revision_id = $1 AND id = ANY($2) AND NOT undone`, u.RevisionID, u.ChangeIDs, u.Actor)
		if err != nil {
			return fmt.Errorf("undo repairs: %w", err)
		}
		if int(tag.RowsAffected()) != len(u.ChangeIDs) {
			return &pipeline.Error{Code: pipeline.CodeNotFound, MessageID: "error.ingest.repair_unknown",
				Err: fmt.Errorf("%d of %d changes are not active changes of revision %d", len(u.ChangeIDs)-int(tag.RowsAffected()),
					len(u.ChangeIDs), u.RevisionID)}
		}
		if err := replaceSegments(ctx, tx, u.RevisionID, targets, u.Segments); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE revisions SET title = $2, repair_version = repair_version + 1 WHERE id = $1`,
			u.RevisionID, u.Doc.Title); err != nil {
			return fmt.Errorf("update revision: %w", err)
		}
		return audit(ctx, tx, u.ArticleID, 0, u.Actor, "article.repair_undone", "", "",
			map[string]any{"revision_id": u.RevisionID, "changes": u.ChangeIDs})
	})
	// A deadlock with a concurrent change of the article rolled everything back: the editor may
	// simply try again.
	var pe *pgconn.PgError
	if errors.As(err, &pe) && (pe.Code == "40P01" || pe.Code == "40001") {
		return &pipeline.Error{Code: pipeline.CodeConflict, MessageID: "error.ingest.repair_stale", Err: err}
	}
	return err
}

// lockUndoableEditions locks the article's editions and returns the IDs of the target ones, or
// the illegal-state error when one of them has moved on.
func lockUndoableEditions(ctx context.Context, tx pgx.Tx, articleID, revID int64) ([]int64, error) {
	rows, err := tx.Query(ctx, `SELECT id, is_source, state, revision_id FROM editions WHERE article_id = $1 ORDER BY id FOR UPDATE`, articleID)
	if err != nil {
		return nil, fmt.Errorf("lock editions: %w", err)
	}
	type ed struct {
		id       int64
		isSource bool
		state    pipeline.EditionState
		rev      int64
	}
	eds, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (ed, error) {
		var e ed
		err := r.Scan(&e.id, &e.isSource, &e.state, &e.rev)
		return e, err
	})
	if err != nil {
		return nil, fmt.Errorf("lock editions: %w", err)
	}
	var targets []int64
	// An undo is allowed while nothing has been submitted or approved: every edition is still
	// editable. The source edition waits for approval from the start, so for it that is fine too.
	for _, e := range eds {
		ok := e.rev == revID && (e.state.Editable() || (e.isSource && e.state == pipeline.StateAwaitingApproval))
		if !ok {
			return nil, &pipeline.Error{Code: pipeline.CodeIllegalState, MessageID: "error.ingest.repair_locked",
				Data: map[string]any{"State": string(e.state)},
				Err:  fmt.Errorf("edition %d is %s on revision %d", e.id, e.state, e.rev)}
		}
		if !e.isSource {
			targets = append(targets, e.id)
		}
	}
	return targets, nil
}

// replaceSegments puts segs in place of a revision's segments, keeping the rows (and so the
// translations, comments and history) of segments that stay, by the pairing of pairSegments.
func replaceSegments(ctx context.Context, tx pgx.Tx, revID int64, targets []int64, segs []pipeline.Segment) error {
	rows, err := tx.Query(ctx, `SELECT id, hash FROM segments WHERE revision_id = $1 ORDER BY position`, revID)
	if err != nil {
		return fmt.Errorf("list segments: %w", err)
	}
	type old struct {
		id   int64
		hash string
	}
	olds, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (old, error) {
		var o old
		err := r.Scan(&o.id, &o.hash)
		return o, err
	})
	if err != nil {
		return fmt.Errorf("list segments: %w", err)
	}
	oldHashes := make([]string, len(olds))
	for i, o := range olds {
		oldHashes[i] = o.hash
	}
	newHashes := make([]string, len(segs))
	for i, s := range segs {
		newHashes[i] = s.Hash
	}
	pairs := pairSegments(oldHashes, newHashes)
	// Free the positions first: they are unique per revision.
	if _, err := tx.Exec(ctx, `UPDATE segments SET position = -1 - position WHERE revision_id = $1`, revID); err != nil {
		return fmt.Errorf("free positions: %w", err)
	}
	kept := make([]bool, len(olds))
	for j, s := range segs {
		i := pairs[j]
		if i < 0 {
			var id int64
			if err := tx.QueryRow(ctx, `INSERT INTO segments (revision_id, position, block_index, sentence_index, kind, text, hash, inline)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, revID, j, s.BlockIndex, s.SentenceIndex, string(s.Kind),
				s.Text, s.Hash, string(s.Inline)).Scan(&id); err != nil {
				return fmt.Errorf("insert segment: %w", err)
			}
			if _, err := tx.Exec(ctx, `INSERT INTO segment_translations (edition_id, segment_id)
				SELECT unnest($1::bigint[]), $2`, targets, id); err != nil {
				return fmt.Errorf("insert segment translations: %w", err)
			}
			continue
		}
		kept[i] = true
		if _, err := tx.Exec(ctx, `UPDATE segments SET position = $2, block_index = $3, sentence_index = $4, kind = $5,
			text = $6, hash = $7, inline = $8 WHERE id = $1`, olds[i].id, j, s.BlockIndex, s.SentenceIndex, string(s.Kind),
			s.Text, s.Hash, string(s.Inline)); err != nil {
			return fmt.Errorf("update segment: %w", err)
		}
		if olds[i].hash != s.Hash {
			// The source sentence changed in place: a person looks at its translation again.
			if _, err := tx.Exec(ctx, `WITH upd AS (
					UPDATE segment_translations SET state = $2, version = version + 1, updated_at = now()
					WHERE segment_id = $1 AND state = ANY($3)
					RETURNING edition_id, segment_id, text, state, origin, updated_by, version)
				INSERT INTO segment_history (edition_id, segment_id, text, state, origin, updated_by, version)
				SELECT * FROM upd`, olds[i].id, pipeline.SegmentReopen.To(), pipeline.SegmentReopen.From()); err != nil {
				return fmt.Errorf("reopen translation: %w", err)
			}
		}
	}
	var gone []int64
	for i, o := range olds {
		if !kept[i] {
			gone = append(gone, o.id)
		}
	}
	if len(gone) > 0 {
		if _, err := tx.Exec(ctx, `DELETE FROM segments WHERE id = ANY($1)`, gone); err != nil {
			return fmt.Errorf("delete segments: %w", err)
		}
	}
	return nil
}

// pairSegments pairs each new segment with an old one (its index) or -1 for a new row: equal
// hashes are matched along a longest common subsequence, and between two matches the unmatched
// old and new segments are paired in order, as the same sentences with changed text.
func pairSegments(old, cur []string) []int {
	out := make([]int, len(cur))
	for i := range out {
		out[i] = -1
	}
	// Common prefix and suffix first: an undo changes a few places of a long article.
	p := 0
	for p < len(old) && p < len(cur) && old[p] == cur[p] {
		out[p] = p
		p++
	}
	s := 0
	for s < len(old)-p && s < len(cur)-p && old[len(old)-1-s] == cur[len(cur)-1-s] {
		out[len(cur)-1-s] = len(old) - 1 - s
		s++
	}
	o, c := old[p:len(old)-s], cur[p:len(cur)-s]
	var anchors [][2]int // matched (old, cur) pairs in the middle, increasing
	if len(o)*len(c) <= 4_000_000 {
		anchors = lcsPairs(o, c)
	}
	prevO, prevC := 0, 0
	fill := func(toO, toC int) {
		for k := 0; prevO+k < toO && prevC+k < toC; k++ {
			out[p+prevC+k] = p + prevO + k
		}
	}
	for _, a := range anchors {
		fill(a[0], a[1])
		out[p+a[1]] = p + a[0]
		prevO, prevC = a[0]+1, a[1]+1
	}
	fill(len(o), len(c))
	return out
}

// lcsPairs returns the index pairs of a longest common subsequence of a and b.
func lcsPairs(a, b []string) [][2]int {
	n, m := len(a), len(b)
	if n == 0 || m == 0 {
		return nil
	}
	dp := make([][]int32, n+1)
	for i := range dp {
		dp[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	var out [][2]int
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case a[i] == b[j]:
			out = append(out, [2]int{i, j})
			i++
			j++
		case dp[i+1][j] >= dp[i][j+1]:
			i++
		default:
			j++
		}
	}
	return out
}
