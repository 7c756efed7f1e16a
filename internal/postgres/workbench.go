package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/tilmash/tilmash/pipeline"
)

// presenceWindow is how long an open editor counts as someone working on the edition.
const presenceWindow = "15 minutes"

// FindQueue lists the editions in review in the given languages, newest source revision first,
// with progress and the other people who have them open.
func (db *DB) FindQueue(ctx context.Context, langs []pipeline.Lang, me string) ([]pipeline.QueueItem, error) {
	ls := make([]string, len(langs))
	for i, l := range langs {
		ls[i] = string(l)
	}
	rows, err := db.pool.Query(ctx, `SELECT `+editionColumns+progressColumns+`, r.title, a.source_lang, r.created_at,
		ARRAY(SELECT p.user_name FROM edition_presence p WHERE p.edition_id = e.id AND p.user_name <> $2
			AND p.seen_at > now() - interval '`+presenceWindow+`' ORDER BY p.user_name)
		FROM editions e`+progressJoin+` JOIN revisions r ON r.id = e.revision_id JOIN articles a ON a.id = e.article_id
		WHERE e.state = 'in_review' AND NOT e.is_source AND e.lang = ANY($1)
		ORDER BY r.created_at DESC, e.id DESC`, ls, me)
	if err != nil {
		return nil, fmt.Errorf("queue: %w", err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.QueueItem, error) {
		var q pipeline.QueueItem
		var e pipeline.Edition
		err := r.Scan(append(editionDest(&e, true), &q.Title, &q.SourceLang, &q.RevisionDate, &q.Others)...)
		q.Edition = e
		return q, err
	})
}

// TouchPresence records that a person has an edition open and returns the others who have it open.
func (db *DB) TouchPresence(ctx context.Context, editionID int64, user string) ([]string, error) {
	if _, err := db.pool.Exec(ctx, `INSERT INTO edition_presence (edition_id, user_name) VALUES ($1, $2)
		ON CONFLICT (edition_id, user_name) DO UPDATE SET seen_at = now()`, editionID, user); err != nil {
		return nil, fmt.Errorf("presence: %w", err)
	}
	rows, err := db.pool.Query(ctx, `SELECT user_name FROM edition_presence WHERE edition_id = $1 AND user_name <> $2
		AND seen_at > now() - interval '`+presenceWindow+`' ORDER BY user_name`, editionID, user)
	if err != nil {
		return nil, fmt.Errorf("presence: %w", err)
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}

// FindSegmentSource returns a segment's source text and the languages around it, in one query,
// for a save. A segment outside the edition's revision is not found.
func (db *DB) FindSegmentSource(ctx context.Context, editionID, segmentID int64) (pipeline.SegmentSource, error) {
	var s pipeline.SegmentSource
	err := db.pool.QueryRow(ctx, `SELECT e.lang, e.is_source, a.source_lang, s.text
		FROM editions e JOIN articles a ON a.id = e.article_id JOIN segments s ON s.revision_id = e.revision_id
		WHERE e.id = $1 AND s.id = $2`, editionID, segmentID).Scan(&s.EditionLang, &s.IsSource, &s.SourceLang, &s.Text)
	if err != nil {
		return s, segmentMissing(ctx, db.pool, editionID, segmentID, err)
	}
	return s, nil
}

// segmentMissing explains why a segment of an edition was not found: when it belongs to an older
// revision of the article, the source changed under the translator and the answer is that
// conflict, so that their text is not silently lost; otherwise it is simply not found.
// It asks on the caller's transaction: a save already holds a connection, and asking on another
// one would let many concurrent saves exhaust the pool waiting for each other.
func segmentMissing(ctx context.Context, tx querier, editionID, segmentID int64, cause error) error {
	e, err := scanEdition(tx.QueryRow(ctx, `SELECT `+editionColumns+` FROM editions e WHERE e.id = $1`, editionID), false)
	if err == nil {
		if cerr := checkSegmentCurrent(ctx, tx, e, segmentID); cerr != nil {
			return cerr
		}
	}
	return notFound("segment", cause)
}

// SaveSegment saves a person's text for one segment, through pipeline.SegmentEdit or
// SegmentConfirm; it is the one way a person's text is written, from the API and the workbench.
// The save must name the version it was based on: when someone else saved meanwhile, it fails
// with a conflict whose Data carries the current text, version, author and state, and nothing is
// written; a save against a segment of an older source revision gets the source-changed conflict.
// The segment's open findings are replaced by the update's (dismissed ones stay dismissed if the
// text is unchanged), and a confirmation enters the memory.
//
// The edition row is only share-locked, so that many translators saving different segments of one
// edition do not queue behind each other while state changes (which lock it for update) still
// wait for them. It returns the edition's progress, which the editor shows after every save.
func (db *DB) SaveSegment(ctx context.Context, u pipeline.SegmentUpdate) (pipeline.SaveResult, error) {
	var res pipeline.SaveResult
	err := db.inTx(ctx, func(tx pgx.Tx) error {
		var err error
		res, err = saveSegment(ctx, tx, u)
		return err
	})
	return res, err
}

// SaveSegments saves several people's texts in one transaction, each exactly as SaveSegment
// saves one (the same reads, rules, version check, writes, findings and memory), for an import
// of many units. Each update is applied or refused on its own: errs[i] is the refusal of
// updates[i] (a conflict, a locked edition, an illegal action), nil when it was saved. Refusals
// are found before anything is written, so the others still commit; err is a failure of the
// whole, after which nothing is saved. The reads of all updates go to the server as one round
// trip and the writes as another; a second update of one segment is a conflict, as it would be
// one after the other.
func (db *DB) SaveSegments(ctx context.Context, updates []pipeline.SegmentUpdate) (errs []error, err error) {
	errs = make([]error, len(updates))
	err = db.inTx(ctx, func(tx pgx.Tx) error {
		reads := make([]segmentRead, len(updates))
		var batch pgx.Batch
		for i, u := range updates {
			queueSegmentRead(&batch, u, &reads[i])
		}
		if err := tx.SendBatch(ctx, &batch).Close(); err != nil {
			return fmt.Errorf("read segments: %w", err)
		}
		batch = pgx.Batch{}
		seen := map[int64]bool{}
		var confirmed []pipeline.SegmentUpdate
		for i, u := range updates {
			st, err := reads[i].decide(ctx, tx, u)
			if err == nil && seen[u.SegmentID] {
				err = staleVersion(u, reads[i].cur)
			}
			if err != nil {
				var pe *pipeline.Error
				if !errors.As(err, &pe) {
					return err
				}
				errs[i] = err
				continue
			}
			seen[u.SegmentID] = true
			queueSegmentWrite(&batch, u, st, reads[i].cur, nil)
			if u.Confirm {
				confirmed = append(confirmed, u)
			}
		}
		if err := tx.SendBatch(ctx, &batch).Close(); err != nil {
			return fmt.Errorf("save segments: %w", err)
		}
		for _, u := range confirmed {
			if err := rememberSegment(ctx, tx, u.EditionID, u.SegmentID, u.User); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return errs, nil
}

// segmentRead is what a save reads before it decides: the edition's state and the segment's
// current translation, locked.
type segmentRead struct {
	found bool
	state pipeline.EditionState
	cur   pipeline.SegmentTranslation
}

func queueSegmentRead(batch *pgx.Batch, u pipeline.SegmentUpdate, r *segmentRead) {
	batch.Queue(`SELECT e.state, t.edition_id, t.segment_id, t.text, t.state, t.origin, t.updated_by, t.updated_at, t.version
		FROM editions e JOIN segment_translations t ON t.edition_id = e.id
		WHERE e.id = $1 AND t.segment_id = $2 FOR SHARE OF e FOR UPDATE OF t`, u.EditionID, u.SegmentID).QueryRow(func(row pgx.Row) error {
		cur := &r.cur
		err := row.Scan(&r.state, &cur.EditionID, &cur.SegmentID, &cur.Text, &cur.State, &cur.Origin, &cur.UpdatedBy, &cur.UpdatedAt, &cur.Version)
		if errors.Is(err, pgx.ErrNoRows) {
			return nil
		}
		r.found = err == nil
		return err
	})
}

// decide applies the segment rules to a save: the segment must exist in the edition's current
// revision (else not found, or the source-changed conflict), the edition must be editable, the
// save must be based on the current version, and the action must be allowed from the segment's
// state. It returns the state to write.
func (r *segmentRead) decide(ctx context.Context, tx pgx.Tx, u pipeline.SegmentUpdate) (pipeline.SegmentState, error) {
	if !r.found {
		return "", segmentMissing(ctx, tx, u.EditionID, u.SegmentID, pgx.ErrNoRows)
	}
	if err := r.state.CheckEditable(); err != nil {
		return "", err
	}
	if r.cur.Version != u.BaseVersion {
		return "", staleVersion(u, r.cur)
	}
	return r.cur.State.Apply(pipeline.SegmentActionFor(u.Confirm))
}

func staleVersion(u pipeline.SegmentUpdate, cur pipeline.SegmentTranslation) error {
	return &pipeline.Error{Code: pipeline.CodeConflict, MessageID: "error.segment_conflict",
		Data: map[string]any{"Text": cur.Text, "Version": cur.Version, "By": cur.UpdatedBy, "State": string(cur.State)},
		Err:  fmt.Errorf("segment %d is at version %d, save was based on %d", u.SegmentID, cur.Version, u.BaseVersion)}
}

// queueSegmentWrite queues a save's writes: the update with its history row and the segment's
// findings, and with res, what the editor shows after the save.
func queueSegmentWrite(batch *pgx.Batch, u pipeline.SegmentUpdate, st pipeline.SegmentState, cur pipeline.SegmentTranslation, res *pipeline.SaveResult) {
	batch.Queue(`WITH upd AS (
			UPDATE segment_translations
			SET text = $3, state = $4, origin = $6, updated_by = $5, updated_at = now(), version = version + 1
			WHERE edition_id = $1 AND segment_id = $2
			RETURNING edition_id, segment_id, text, state, origin, updated_by, updated_at, version),
		hist AS (
			INSERT INTO segment_history (edition_id, segment_id, text, state, origin, updated_by, version)
			SELECT edition_id, segment_id, text, state, origin, updated_by, version FROM upd)
		SELECT * FROM upd`, u.EditionID, u.SegmentID, u.Text, st, u.User, pipeline.SavedOrigin(cur, u.Text)).QueryRow(func(row pgx.Row) error {
		t, err := scanTranslation(row)
		if err != nil {
			return fmt.Errorf("update segment: %w", err)
		}
		if res != nil {
			res.Translation = t
		}
		return nil
	})
	queueReplaceFindings(batch, u.EditionID, &u.SegmentID, u.Findings)
	if res != nil {
		queueSaveResult(batch, u, res)
	}
}

// saveSegment is SaveSegment inside tx: the read, the rules, then the writes and what the editor
// shows after them as one round trip. Every refusal (a *pipeline.Error) comes before the first
// write.
func saveSegment(ctx context.Context, tx pgx.Tx, u pipeline.SegmentUpdate) (pipeline.SaveResult, error) {
	var res pipeline.SaveResult
	var r segmentRead
	var batch pgx.Batch
	queueSegmentRead(&batch, u, &r)
	if err := tx.SendBatch(ctx, &batch).Close(); err != nil {
		return res, fmt.Errorf("read segment: %w", err)
	}
	st, err := r.decide(ctx, tx, u)
	if err != nil {
		return res, err
	}
	batch = pgx.Batch{}
	queueSegmentWrite(&batch, u, st, r.cur, &res)
	if err := tx.SendBatch(ctx, &batch).Close(); err != nil {
		return res, fmt.Errorf("save segment: %w", err)
	}
	if u.Confirm {
		if err := rememberSegment(ctx, tx, u.EditionID, u.SegmentID, u.User); err != nil {
			return res, err
		}
	}
	return res, nil
}

// queueSaveResult queues what the editor shows after a save: the author's presence, the
// segment's findings and the edition's progress.
func queueSaveResult(batch *pgx.Batch, u pipeline.SegmentUpdate, res *pipeline.SaveResult) {
	batch.Queue(`INSERT INTO edition_presence (edition_id, user_name) VALUES ($1, $2)
	ON CONFLICT (edition_id, user_name) DO UPDATE SET seen_at = now()
	WHERE edition_presence.seen_at < now() - interval '1 minute'`, u.EditionID, u.User)
	batch.Queue(`SELECT id, segment_id, check_id, severity, message_id, data, dismissed, reason
	FROM findings WHERE edition_id = $1 AND segment_id = $2 ORDER BY id`, u.EditionID, u.SegmentID).Query(func(rows pgx.Rows) error {
		var err error
		res.Findings, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.Finding, error) {
			var f pipeline.Finding
			err := r.Scan(&f.ID, &f.SegmentID, &f.Check, &f.Severity, &f.MessageID, &f.Data, &f.Dismissed, &f.Reason)
			return f, err
		})
		return err
	})
	batch.Queue(`SELECT count(*), count(*) FILTER (WHERE state = 'confirmed')
	FROM segment_translations WHERE edition_id = $1`, u.EditionID).QueryRow(func(row pgx.Row) error {
		return row.Scan(&res.Total, &res.Confirmed)
	})
}
