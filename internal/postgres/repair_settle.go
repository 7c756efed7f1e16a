package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/tilmash/tilmash/pipeline"
)

// checkSourceApprovable refuses the approval of a source edition on a revision whose repair
// questions are open (pipeline.CheckSourceApprovable).
func checkSourceApprovable(ctx context.Context, tx pgx.Tx, revisionID int64) error {
	var open int
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM revision_repair_questions WHERE revision_id = $1 AND answer IS NULL`,
		revisionID).Scan(&open); err != nil {
		return fmt.Errorf("count open repair questions: %w", err)
	}
	return pipeline.CheckSourceApprovable(open)
}

// SettleRepairs records an editor's decisions on the current revision's repairs in one
// transaction: accepted changes are marked so, rejected ones undone, answers stored (an answer
// other than the token itself adds the change that applies it), and, when the text changed, the
// revision's segments are replaced as UndoRepairs does, which is allowed only while no edition
// has left translation and review. Decisions that leave the text as it is (accepting, keeping a
// token as written) are allowed at any time. A repair version other than the one the editor saw,
// or a newer revision, is a conflict; so is a question answered meanwhile.
func (db *DB) SettleRepairs(ctx context.Context, s pipeline.RepairSettlement) error {
	if len(s.Accept)+len(s.Reject)+len(s.Answers) == 0 {
		return &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.repair.nothing_decided"}
	}
	err := db.inTx(ctx, func(tx pgx.Tx) error {
		var current int64
		if err := tx.QueryRow(ctx, `SELECT revision_id FROM articles WHERE id = $1 FOR NO KEY UPDATE`, s.ArticleID).Scan(&current); err != nil {
			return notFound("article", err)
		}
		var version int
		if err := tx.QueryRow(ctx, `SELECT repair_version FROM revisions WHERE id = $1 FOR NO KEY UPDATE`, s.RevisionID).Scan(&version); err != nil {
			return notFound("revision", err)
		}
		if current != s.RevisionID || version != s.Version {
			return &pipeline.Error{Code: pipeline.CodeConflict, MessageID: "error.ingest.repair_stale",
				Err: fmt.Errorf("revision %d at repair version %d, asked for %d at %d", current, version, s.RevisionID, s.Version)}
		}
		var targets []int64
		if s.TextChanged {
			var err error
			if targets, err = lockUndoableEditions(ctx, tx, s.ArticleID, s.RevisionID); err != nil {
				return err
			}
		}
		unknown := func(n, of int) error {
			return &pipeline.Error{Code: pipeline.CodeNotFound, MessageID: "error.ingest.repair_unknown",
				Err: fmt.Errorf("%d of %d decisions name no repair of revision %d", of-n, of, s.RevisionID)}
		}
		if len(s.Reject) > 0 {
			tag, err := tx.Exec(ctx, `UPDATE revision_repairs SET undone = true, undone_by = $3, undone_at = now(), accepted = false
				WHERE revision_id = $1 AND id = ANY($2) AND NOT undone`, s.RevisionID, s.Reject, s.Actor)
			if err != nil {
				return fmt.Errorf("reject repairs: %w", err)
			}
			if int(tag.RowsAffected()) != len(s.Reject) {
				return unknown(int(tag.RowsAffected()), len(s.Reject))
			}
		}
		if len(s.Accept) > 0 {
			tag, err := tx.Exec(ctx, `UPDATE revision_repairs SET accepted = true, accepted_by = $3
				WHERE revision_id = $1 AND id = ANY($2) AND NOT undone`, s.RevisionID, s.Accept, s.Actor)
			if err != nil {
				return fmt.Errorf("accept repairs: %w", err)
			}
			if int(tag.RowsAffected()) != len(s.Accept) {
				return unknown(int(tag.RowsAffected()), len(s.Accept))
			}
		}
		for id, answer := range s.Answers {
			tag, err := tx.Exec(ctx, `UPDATE revision_repair_questions SET answer = $3, answered_by = $4, answered_at = now()
				WHERE revision_id = $1 AND id = $2 AND answer IS NULL`, s.RevisionID, id, answer, s.Actor)
			if err != nil {
				return fmt.Errorf("answer repair question: %w", err)
			}
			if tag.RowsAffected() != 1 {
				return &pipeline.Error{Code: pipeline.CodeConflict, MessageID: "error.ingest.repair_stale",
					Err: fmt.Errorf("question %d of revision %d is answered already or unknown", id, s.RevisionID)}
			}
		}
		for _, c := range s.Added {
			if _, err := tx.Exec(ctx, `INSERT INTO revision_repairs (revision_id, start_at, end_at, before, after, rule, accepted, accepted_by)
				VALUES ($1, $2, $3, $4, $5, $6, true, $7)`, s.RevisionID, c.Start, c.End, c.Before, c.After, c.Rule, s.Actor); err != nil {
				return fmt.Errorf("record answer: %w", err)
			}
		}
		if s.TextChanged {
			if err := replaceSegments(ctx, tx, s.RevisionID, targets, s.Segments); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `UPDATE revisions SET title = $2 WHERE id = $1`, s.RevisionID, s.Doc.Title); err != nil {
				return fmt.Errorf("update revision: %w", err)
			}
		}
		if _, err := tx.Exec(ctx, `UPDATE revisions SET repair_version = repair_version + 1 WHERE id = $1`, s.RevisionID); err != nil {
			return fmt.Errorf("update revision: %w", err)
		}
		return audit(ctx, tx, s.ArticleID, 0, s.Actor, "article.repairs_settled", "", "",
			map[string]any{"revision_id": s.RevisionID, "accepted": s.Accept, "rejected": s.Reject, "answered": len(s.Answers)})
	})
	var pe *pgconn.PgError
	if errors.As(err, &pe) && (pe.Code == "40P01" || pe.Code == "40001") {
		return &pipeline.Error{Code: pipeline.CodeConflict, MessageID: "error.ingest.repair_stale", Err: err}
	}
	return err
}

// keptAnswers answers the questions of a new revision whose word an editor kept as written on
// the revision before (prevID): the same word in the next text is not asked about again. Other
// questions stay open.
func keptAnswers(ctx context.Context, tx pgx.Tx, prevID int64, qs []pipeline.RepairQuestion) ([]pipeline.RepairQuestion, error) {
	if len(qs) == 0 {
		return qs, nil
	}
	rows, err := tx.Query(ctx, `SELECT token FROM revision_repair_questions WHERE revision_id = $1 AND answer = token`, prevID)
	if err != nil {
		return nil, fmt.Errorf("kept repair answers: %w", err)
	}
	kept := map[string]bool{}
	for rows.Next() {
		var token string
		if err := rows.Scan(&token); err != nil {
			rows.Close()
			return nil, fmt.Errorf("kept repair answers: %w", err)
		}
		kept[token] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("kept repair answers: %w", err)
	}
	out := make([]pipeline.RepairQuestion, len(qs))
	for i, q := range qs {
		out[i] = q
		if kept[q.Token] && !q.Answered {
			out[i].Answered, out[i].Answer = true, q.Token
		}
	}
	return out, nil
}
