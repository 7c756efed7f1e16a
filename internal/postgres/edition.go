package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/tilmash/tilmash/pipeline"
)

const editionColumns = `e.id, e.article_id, e.lang, e.is_source, e.state, e.revision_id, e.failure_code,
	e.failure_reason, e.release, e.approved_by, e.publish_at, e.live_version_id, e.updated_at, e.run`

// progressColumns counts segments, confirmed segments and open findings of an edition, and its
// machine text (see pipeline.Provenance; these counts are for display, the rules count with
// pipeline.ProvenanceOf). A source edition's segments are its own text, so they count as confirmed.
const progressColumns = `,
	(SELECT count(*) FROM segments s WHERE s.revision_id = e.revision_id),
	CASE WHEN e.is_source THEN (SELECT count(*) FROM segments s WHERE s.revision_id = e.revision_id)
	     ELSE (SELECT count(*) FROM segment_translations t WHERE t.edition_id = e.id AND t.state = 'confirmed') END,
	(SELECT count(*) FROM findings f WHERE f.edition_id = e.id AND NOT f.dismissed),
	m.machine, m.machine_confirmed, m.pseudo, m.drafted`

// progressJoin computes the machine-text counts that progressColumns selects.
const progressJoin = ` CROSS JOIN LATERAL (SELECT
		count(*) FILTER (WHERE t.origin LIKE 'mt:%' AND btrim(t.text) <> '') AS machine,
		count(*) FILTER (WHERE t.origin LIKE 'mt:%' AND btrim(t.text) <> '' AND t.state = 'confirmed') AS machine_confirmed,
		count(*) FILTER (WHERE t.origin = '` + pipeline.OriginPseudo + `'
			OR (strpos(t.text, '` + pipeline.PseudoOpen + `') > 0 AND strpos(t.text, '` + pipeline.PseudoClose + `') > 0)) AS pseudo
		, count(*) FILTER (WHERE btrim(t.text) <> '') AS drafted
	FROM segment_translations t WHERE t.edition_id = e.id) m`

// editionProvenance counts where an edition's texts come from, by the domain's rules.
func editionProvenance(ctx context.Context, tx pgx.Tx, editionID int64) (pipeline.Provenance, error) {
	var p pipeline.Provenance
	rows, err := tx.Query(ctx, `SELECT text, state, origin FROM segment_translations WHERE edition_id = $1`, editionID)
	if err != nil {
		return p, fmt.Errorf("provenance: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var t pipeline.SegmentTranslation
		if err := rows.Scan(&t.Text, &t.State, &t.Origin); err != nil {
			return p, fmt.Errorf("provenance: %w", err)
		}
		p.Add(t)
	}
	return p, rows.Err()
}

func scanEdition(row pgx.Row, withProgress bool) (pipeline.Edition, error) {
	var e pipeline.Edition
	err := row.Scan(editionDest(&e, withProgress)...)
	return e, err
}

// editionDest lists where the columns of editionColumns (and progressColumns) are scanned to,
// for queries that select more after them.
func editionDest(e *pipeline.Edition, withProgress bool) []any {
	dest := []any{&e.ID, &e.ArticleID, &e.Lang, &e.IsSource, &e.State, &e.RevisionID, &e.FailureCode,
		&e.FailureReason, &e.Release, &e.ApprovedBy, &e.PublishAt, &e.LiveVersionID, &e.UpdatedAt, &e.Run}
	if withProgress {
		dest = append(dest, &e.Segments, &e.Confirmed, &e.Findings, &e.Machine, &e.MachineConfirmed, &e.Pseudo, &e.Drafted)
	}
	return dest
}

// FindEditions returns an article's four editions in site order, with progress.
func (db *DB) FindEditions(ctx context.Context, articleID int64) ([]pipeline.Edition, error) {
	rows, err := db.pool.Query(ctx, `SELECT `+editionColumns+progressColumns+`
		FROM editions e`+progressJoin+` WHERE e.article_id = $1
		ORDER BY array_position(ARRAY['en','ru','kk','zh'], e.lang)`, articleID)
	if err != nil {
		return nil, fmt.Errorf("list editions: %w", err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.Edition, error) { return scanEdition(r, true) })
}

// FindEdition returns one edition of an article, with progress.
func (db *DB) FindEdition(ctx context.Context, articleID int64, lang pipeline.Lang) (pipeline.Edition, error) {
	e, err := scanEdition(db.pool.QueryRow(ctx, `SELECT `+editionColumns+progressColumns+`
		FROM editions e`+progressJoin+` WHERE e.article_id = $1 AND e.lang = $2`, articleID, lang), true)
	if err != nil {
		return e, notFound("edition", err)
	}
	return e, nil
}

// FindEditionByID returns an edition by its ID, with progress.
func (db *DB) FindEditionByID(ctx context.Context, id int64) (pipeline.Edition, error) {
	e, err := scanEdition(db.pool.QueryRow(ctx, `SELECT `+editionColumns+progressColumns+`
		FROM editions e`+progressJoin+` WHERE e.id = $1`, id), true)
	if err != nil {
		return e, notFound("edition", err)
	}
	return e, nil
}

// lockEdition reads an edition for update, so that concurrent state changes queue behind each other.
func lockEdition(ctx context.Context, tx pgx.Tx, id int64) (pipeline.Edition, error) {
	e, err := scanEdition(tx.QueryRow(ctx, `SELECT `+editionColumns+` FROM editions e WHERE e.id = $1 FOR UPDATE`, id), false)
	if err != nil {
		return e, notFound("edition", err)
	}
	return e, nil
}

// move changes an edition's state by the rules in pipeline, and records the change in the audit log.
func move(ctx context.Context, tx pgx.Tx, e *pipeline.Edition, to pipeline.EditionState, actor, action string, detail map[string]any) error {
	from := e.State
	if _, err := from.Move(to); err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `UPDATE editions SET state = $1, updated_at = now(),
		failure_code = CASE WHEN $1 = 'failed' THEN failure_code ELSE '' END,
		failure_reason = CASE WHEN $1 = 'failed' THEN failure_reason ELSE '' END
		WHERE id = $2`, to, e.ID); err != nil {
		return fmt.Errorf("set edition state: %w", err)
	}
	e.State = to
	return audit(ctx, tx, e.ArticleID, e.ID, actor, action, from, to, detail)
}

// FanOut starts work on a revision: the source edition goes to approval and each target edition
// that is translating this revision gets a translate job. A stale revision (the article has a newer
// one) or editions already past translation are left alone, so the job is safe to run twice.
func (db *DB) FanOut(ctx context.Context, articleID, revisionID int64) (queued int, err error) {
	err = db.inTx(ctx, func(tx pgx.Tx) error {
		var current int64
		if err := tx.QueryRow(ctx, `SELECT revision_id FROM articles WHERE id = $1 FOR UPDATE`, articleID).Scan(&current); err != nil {
			return notFound("article", err)
		}
		if current != revisionID {
			return nil
		}
		rows, err := tx.Query(ctx, `SELECT `+editionColumns+` FROM editions e
			WHERE e.article_id = $1 AND e.revision_id = $2 AND e.state = 'translating' ORDER BY e.id FOR UPDATE`,
			articleID, revisionID)
		if err != nil {
			return fmt.Errorf("editions to fan out: %w", err)
		}
		eds, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.Edition, error) { return scanEdition(r, false) })
		if err != nil {
			return fmt.Errorf("editions to fan out: %w", err)
		}
		for i := range eds {
			e := &eds[i]
			if e.IsSource {
				if err := move(ctx, tx, e, pipeline.StateAwaitingApproval, "system", "edition.source_ready", nil); err != nil {
					return err
				}
				continue
			}
			if err := db.enqueue(ctx, tx, pipeline.TranslateJob{EditionID: e.ID, RevisionID: revisionID, Run: e.Run}, translateOpts()); err != nil {
				return err
			}
			queued++
		}
		return nil
	})
	return queued, err
}

// FinishTranslation queues the check job of an edition whose drafts are complete. It does nothing
// when the edition has moved on (another revision, or no longer translating).
func (db *DB) FinishTranslation(ctx context.Context, editionID, revisionID int64) error {
	return db.inTx(ctx, func(tx pgx.Tx) error {
		e, err := lockEdition(ctx, tx, editionID)
		if err != nil {
			return err
		}
		if e.State != pipeline.StateTranslating || e.RevisionID != revisionID {
			return nil
		}
		return db.enqueue(ctx, tx, pipeline.CheckJob{EditionID: editionID, RevisionID: revisionID, Run: e.Run}, checkOpts())
	})
}

// CompleteCheck stores the findings of a whole-edition check, replacing earlier open ones while
// keeping dismissed findings whose segment text is unchanged, and moves a translating edition to
// review. Findings on an edition already in review are refreshed without a state change.
func (db *DB) CompleteCheck(ctx context.Context, editionID, revisionID int64, findings []pipeline.Finding) error {
	return db.inTx(ctx, func(tx pgx.Tx) error {
		e, err := lockEdition(ctx, tx, editionID)
		if err != nil {
			return err
		}
		if e.RevisionID != revisionID {
			return nil
		}
		if err := replaceFindings(ctx, tx, editionID, nil, findings); err != nil {
			return err
		}
		if e.State == pipeline.StateTranslating {
			return move(ctx, tx, &e, pipeline.StateInReview, "system", "edition.checked",
				map[string]any{"findings": len(findings)})
		}
		return nil
	})
}

// FailEdition marks an edition failed with a code and a message ID that the editor reads in their
// own language. An edition no longer translating is left as it is.
func (db *DB) FailEdition(ctx context.Context, editionID int64, code pipeline.Code, messageID string) error {
	return db.inTx(ctx, func(tx pgx.Tx) error {
		e, err := lockEdition(ctx, tx, editionID)
		if err != nil {
			return err
		}
		if e.State != pipeline.StateTranslating {
			return nil
		}
		if _, err := tx.Exec(ctx, `UPDATE editions SET failure_code = $1, failure_reason = $2 WHERE id = $3`,
			string(code), messageID, editionID); err != nil {
			return fmt.Errorf("record failure: %w", err)
		}
		return move(ctx, tx, &e, pipeline.StateFailed, "system", "edition.failed",
			map[string]any{"code": string(code), "reason": messageID})
	})
}

// RetryEdition puts a failed edition back to translating and queues its translate job as a new
// run. Only a failed edition can be retried: any other state either has its work queued or is past
// translation. The job is really queued or the retry fails: a unique-job skip would leave the
// edition translating with nothing to move it on.
func (db *DB) RetryEdition(ctx context.Context, editionID int64, actor string) error {
	return db.inTx(ctx, func(tx pgx.Tx) error {
		e, err := lockEdition(ctx, tx, editionID)
		if err != nil {
			return err
		}
		if err := pipeline.CanRetry(e.State); err != nil {
			return err
		}
		if err := move(ctx, tx, &e, pipeline.StateTranslating, actor, "edition.retried", nil); err != nil {
			return err
		}
		if err := tx.QueryRow(ctx, `UPDATE editions SET run = run + 1 WHERE id = $1 RETURNING run`, e.ID).Scan(&e.Run); err != nil {
			return fmt.Errorf("new run: %w", err)
		}
		return db.enqueueNew(ctx, tx, pipeline.TranslateJob{EditionID: e.ID, RevisionID: e.RevisionID, Run: e.Run}, translateOpts())
	})
}

// FailStalledEditions marks failed every edition that has been translating for longer than grace
// with no live job that could move it on: no fan-out of its article, no translate or check job of
// its own. Reading the editions and the queue in one statement sees one snapshot, and every step
// queues the next one in the transaction that finishes it, so a working edition always has a live
// job there. It returns the editions it failed.
func (db *DB) FailStalledEditions(ctx context.Context, grace time.Duration) ([]int64, error) {
	var failed []int64
	err := db.inTx(ctx, func(tx pgx.Tx) error {
		rows, err := tx.Query(ctx, `SELECT `+editionColumns+` FROM editions e
			WHERE e.state = 'translating' AND e.updated_at < now() - make_interval(secs => $1)
			AND NOT EXISTS (SELECT 1 FROM river_job j
				WHERE j.state IN ('available', 'pending', 'retryable', 'running', 'scheduled')
				AND ((j.kind IN ('translate', 'check') AND j.args->>'edition_id' = e.id::text)
					OR (j.kind = 'fanout' AND j.args->>'article_id' = e.article_id::text)))
			ORDER BY e.id FOR UPDATE OF e SKIP LOCKED`, grace.Seconds())
		if err != nil {
			return fmt.Errorf("find stalled editions: %w", err)
		}
		eds, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.Edition, error) { return scanEdition(r, false) })
		if err != nil {
			return fmt.Errorf("find stalled editions: %w", err)
		}
		for i := range eds {
			e := &eds[i]
			if _, err := tx.Exec(ctx, `UPDATE editions SET failure_code = $1, failure_reason = $2 WHERE id = $3`,
				string(pipeline.CodeUnavailable), "error.job_lost", e.ID); err != nil {
				return fmt.Errorf("record failure: %w", err)
			}
			if err := move(ctx, tx, e, pipeline.StateFailed, "system", "edition.failed",
				map[string]any{"code": string(pipeline.CodeUnavailable), "reason": "error.job_lost"}); err != nil {
				return err
			}
			failed = append(failed, e.ID)
		}
		return nil
	})
	return failed, err
}

// SubmitEdition sends a reviewed edition to the editors. Every segment must be confirmed and no
// blocking finding may be open.
func (db *DB) SubmitEdition(ctx context.Context, editionID int64, actor string) error {
	return db.inTx(ctx, func(tx pgx.Tx) error {
		e, err := lockEdition(ctx, tx, editionID)
		if err != nil {
			return err
		}
		if e.State != pipeline.StateInReview {
			return &pipeline.Error{Code: pipeline.CodeIllegalState, MessageID: "error.illegal_transition",
				Data: map[string]any{"From": string(e.State), "To": string(pipeline.StateAwaitingApproval)},
				Err:  fmt.Errorf("only an edition in review can be submitted, this one is %s", e.State)}
		}
		var unconfirmed, blocking int
		if err := tx.QueryRow(ctx, `SELECT
			(SELECT count(*) FROM segment_translations WHERE edition_id = $1 AND state <> 'confirmed'),
			(SELECT count(*) FROM findings WHERE edition_id = $1 AND severity = 'error' AND NOT dismissed)`,
			editionID).Scan(&unconfirmed, &blocking); err != nil {
			return fmt.Errorf("count open work: %w", err)
		}
		if unconfirmed > 0 {
			return &pipeline.Error{Code: pipeline.CodeIllegalState, MessageID: "error.submit_unconfirmed",
				Data: map[string]any{"Count": unconfirmed}, Err: fmt.Errorf("%d segments are not confirmed", unconfirmed)}
		}
		if blocking > 0 {
			return &pipeline.Error{Code: pipeline.CodeIllegalState, MessageID: "error.submit_blocking_findings",
				Data: map[string]any{"Count": blocking}, Err: fmt.Errorf("%d blocking findings are open", blocking)}
		}
		prov, err := editionProvenance(ctx, tx, editionID)
		if err != nil {
			return err
		}
		if err := prov.CheckSubmittable(); err != nil {
			return err
		}
		return move(ctx, tx, &e, pipeline.StateAwaitingApproval, actor, "edition.submitted", nil)
	})
}

// ApproveEdition approves one edition awaiting approval, to go out at publishAt when given (an
// embargo) or at once. It is a release of that one edition: approving one language or several
// takes the same path, and so does publishing them.
func (db *DB) ApproveEdition(ctx context.Context, editionID int64, a pipeline.Approval) (pipeline.Edition, error) {
	e, err := db.FindEditionByID(ctx, editionID)
	if err != nil {
		return e, err
	}
	if _, err := db.CreateRelease(ctx, e.ArticleID, []pipeline.Lang{e.Lang}, a); err != nil {
		return e, err
	}
	return db.FindEditionByID(ctx, editionID)
}

// SendBack returns an edition awaiting approval, or approved and not yet out, to review with the
// editor's comment. A scheduled publish job then finds a newer state and does nothing.
func (db *DB) SendBack(ctx context.Context, editionID int64, actor, comment string) error {
	return db.inTx(ctx, func(tx pgx.Tx) error {
		e, err := lockEdition(ctx, tx, editionID)
		if err != nil {
			return err
		}
		if e.IsSource {
			return move(ctx, tx, &e, pipeline.StateAwaitingApproval, actor, "edition.sent_back", map[string]any{"comment": comment})
		}
		return move(ctx, tx, &e, pipeline.StateInReview, actor, "edition.sent_back", map[string]any{"comment": comment})
	})
}
