package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/tilmash/tilmash/pipeline"
)

// CreateRevision stores a new revision of an article's source and carries every edition over to
// it, in one transaction with the translate jobs it needs. The new segments are aligned with the
// current revision's (pipeline.Align). In each target edition, the translation of an unchanged or
// moved segment moves to the new segment with its text, state, origin, version, author and
// history; the translation of a changed segment moves too but is emptied ("source changed"), with
// its old source and text kept in segment_changes, unless the revision is a minor edit; added
// segments start empty; removed ones leave the edition. Each edition's translations as they stood
// are kept in translation_snapshots.
//
// Editions that were in review, approved or published become outdated, and then translating when
// anything is left to translate or confirm, or awaiting approval when not; a published version
// stays live, with the reader's notice, until the new one is approved. Editions still translating
// simply continue on the new revision. Saves are serialised with this by the edition locks: a save
// that committed first is carried over, and one that comes after meets the new segments.
//
// A text whose segments are the same as the current revision's stores nothing and reports
// Changed false.
func (db *DB) CreateRevision(ctx context.Context, in pipeline.NewRevision) (pipeline.RevisionResult, error) {
	var res pipeline.RevisionResult
	actor := in.Request.CreatedBy
	err := db.inTx(ctx, func(tx pgx.Tx) error {
		var curID int64
		var number int
		var lang pipeline.Lang
		// NO KEY UPDATE, not UPDATE: a translator's save adds memory entries that reference the
		// article, and those must not wait for this transaction while it waits for their edition.
		err := tx.QueryRow(ctx, `SELECT a.revision_id, r.number, a.source_lang FROM articles a
			JOIN revisions r ON r.id = a.revision_id WHERE a.id = $1 FOR NO KEY UPDATE OF a`, in.ArticleID).
			Scan(&curID, &number, &lang)
		if err != nil {
			return notFound("article", err)
		}
		if in.Request.SourceLang != "" && in.Request.SourceLang != lang {
			return &pipeline.Error{Code: pipeline.CodeInvalid, MessageID: "error.revision_lang",
				Data: map[string]any{"Lang": string(lang)},
				Err:  fmt.Errorf("the revision is in %s, the article in %s", in.Request.SourceLang, lang)}
		}
		if in.BaseNumber != 0 && in.BaseNumber != number {
			return &pipeline.Error{Code: pipeline.CodeConflict, MessageID: "error.revision_stale",
				Data: map[string]any{"Base": in.BaseNumber, "Current": number},
				Err:  fmt.Errorf("the revision was based on %d, the article is at %d", in.BaseNumber, number)}
		}
		old, err := revisionSegments(ctx, tx, curID)
		if err != nil {
			return err
		}
		if pipeline.SameStructure(old, in.Segments) {
			res.Revision, err = revisionInfo(ctx, tx, in.ArticleID, number)
			return err
		}
		res.Changed = true
		al := pipeline.Align(old, in.Segments)
		sum := al.Summary()
		questions, err := keptAnswers(ctx, tx, curID, in.Questions)
		if err != nil {
			return err
		}
		newID, err := insertRevision(ctx, tx, in.ArticleID, number+1,
			pipeline.NewArticle{Request: in.Request, Doc: in.Doc, Segments: in.Segments, Repairs: in.Repairs, Questions: questions}, actor)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE revisions SET prev_revision_id = $2, minor = $3, summary = $4 WHERE id = $1`,
			newID, curID, in.Minor, sum); err != nil {
			return fmt.Errorf("record revision: %w", err)
		}
		segs, err := revisionSegments(ctx, tx, newID)
		if err != nil {
			return err
		}
		plan := newCarryPlan(al, old, segs, in.Minor)
		if err := plan.saveAlignment(ctx, tx, newID); err != nil {
			return err
		}
		byline := in.Request.Byline
		if byline == "" {
			byline = in.Doc.Byline
		}
		if _, err := tx.Exec(ctx, `UPDATE articles SET revision_id = $2, byline = CASE WHEN $3 = '' THEN byline ELSE $3 END
			WHERE id = $1`, in.ArticleID, newID, byline); err != nil {
			return fmt.Errorf("set revision: %w", err)
		}
		rows, err := tx.Query(ctx, `SELECT `+editionColumns+` FROM editions e WHERE e.article_id = $1
			ORDER BY e.id FOR NO KEY UPDATE`, in.ArticleID)
		if err != nil {
			return fmt.Errorf("lock editions: %w", err)
		}
		eds, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.Edition, error) { return scanEdition(r, false) })
		if err != nil {
			return fmt.Errorf("lock editions: %w", err)
		}
		for i := range eds {
			re, err := db.reviseEdition(ctx, tx, &eds[i], curID, newID, plan, actor)
			if err != nil {
				return err
			}
			res.Editions = append(res.Editions, re)
		}
		if err := audit(ctx, tx, in.ArticleID, 0, actor, "article.revised", "", "", map[string]any{
			"revision": number + 1, "minor": in.Minor, "summary": sum}); err != nil {
			return err
		}
		res.Revision, err = revisionInfo(ctx, tx, in.ArticleID, number+1)
		return err
	})
	return res, err
}

// carryPlan is an alignment as segment IDs, grouped by what happens to the translations.
type carryPlan struct {
	minor bool
	// keep: translations move as they are; same: the subset with identical text (unchanged or
	// moved), whose memory entries follow them too.
	keepOld, keepNew []int64
	sameOld, sameNew []int64
	// flag: translations move but are emptied. changed: every changed pair, flagged or kept.
	flagOld, flagNew       []int64
	changedOld, changedNew []int64
	drop                   []int64 // old segments removed
	// The alignment rows: new and previous segment (nil for removed and added), kind, similarity.
	alNew, alOld []*int64
	alKind       []string
	alSim        []float32
}

func newCarryPlan(al pipeline.Alignment, old, segs []pipeline.Segment, minor bool) carryPlan {
	p := carryPlan{minor: minor}
	id := func(ss []pipeline.Segment, i int) *int64 {
		if i < 0 {
			return nil
		}
		return &ss[i].ID
	}
	for _, c := range al.Carries(minor) {
		switch c.Action {
		case pipeline.CarryKeep:
			p.keepOld, p.keepNew = append(p.keepOld, old[c.Old].ID), append(p.keepNew, segs[c.New].ID)
			if c.Kind != pipeline.AlignChanged {
				p.sameOld, p.sameNew = append(p.sameOld, old[c.Old].ID), append(p.sameNew, segs[c.New].ID)
			}
		case pipeline.CarryFlag:
			p.flagOld, p.flagNew = append(p.flagOld, old[c.Old].ID), append(p.flagNew, segs[c.New].ID)
		case pipeline.CarryDrop:
			p.drop = append(p.drop, old[c.Old].ID)
		}
		if c.Kind == pipeline.AlignChanged {
			p.changedOld, p.changedNew = append(p.changedOld, old[c.Old].ID), append(p.changedNew, segs[c.New].ID)
		}
	}
	for _, pr := range al.Pairs {
		p.alNew = append(p.alNew, id(segs, pr.New))
		p.alOld = append(p.alOld, id(old, pr.Old))
		p.alKind = append(p.alKind, string(pr.Kind))
		p.alSim = append(p.alSim, float32(pr.Similarity))
	}
	return p
}

func (p carryPlan) saveAlignment(ctx context.Context, tx pgx.Tx, revisionID int64) error {
	if _, err := tx.Exec(ctx, `INSERT INTO segment_alignments (revision_id, segment_id, prev_segment_id, kind, similarity)
		SELECT $1, u.seg, u.prev, u.kind, u.sim
		FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::real[]) WITH ORDINALITY AS u(seg, prev, kind, sim, ord)
		ORDER BY u.ord`, revisionID, p.alNew, p.alOld, p.alKind, p.alSim); err != nil {
		return fmt.Errorf("save alignment: %w", err)
	}
	return nil
}

// reviseEdition carries one edition over to the new revision and moves it to the state the new
// revision calls for, queueing its translate job when it has one.
func (db *DB) reviseEdition(ctx context.Context, tx pgx.Tx, e *pipeline.Edition, oldRev, newRev int64, p carryPlan, actor string) (pipeline.RevisedEdition, error) {
	re := pipeline.RevisedEdition{Lang: e.Lang, From: e.State, LiveStayed: e.LiveVersionID != nil}
	if _, err := tx.Exec(ctx, `UPDATE editions SET revision_id = $2, updated_at = now(),
		publish_at = CASE WHEN state = 'approved' THEN NULL ELSE publish_at END WHERE id = $1`, e.ID, newRev); err != nil {
		return re, fmt.Errorf("edition revision: %w", err)
	}
	e.RevisionID = newRev
	detail := map[string]any{"revision_id": newRev}
	if e.IsSource {
		if e.State != pipeline.StateTranslating && e.State != pipeline.StateOutdated {
			if err := move(ctx, tx, e, pipeline.StateOutdated, actor, "edition.outdated", detail); err != nil {
				return re, err
			}
		}
		err := move(ctx, tx, e, pipeline.StateAwaitingApproval, "system", "edition.source_ready", detail)
		re.To = e.State
		return re, err
	}
	if err := carryTranslations(ctx, tx, e.ID, oldRev, newRev, p, actor); err != nil {
		return re, err
	}
	re.Flagged = len(p.flagNew)
	var open int
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM segment_translations WHERE edition_id = $1 AND state <> 'confirmed'`,
		e.ID).Scan(&open); err != nil {
		return re, fmt.Errorf("count open segments: %w", err)
	}
	switch e.State {
	case pipeline.StateTranslating:
	case pipeline.StateFailed:
		if err := move(ctx, tx, e, pipeline.StateTranslating, actor, "edition.revised", detail); err != nil {
			return re, err
		}
	default:
		if e.State != pipeline.StateOutdated {
			if err := move(ctx, tx, e, pipeline.StateOutdated, actor, "edition.outdated", detail); err != nil {
				return re, err
			}
		}
		if open == 0 && re.From != pipeline.StateInReview {
			// Every sentence still has its confirmed translation: only approval is missing.
			err := move(ctx, tx, e, pipeline.StateAwaitingApproval, "system", "edition.carried_over", detail)
			re.To = e.State
			return re, err
		}
		if err := move(ctx, tx, e, pipeline.StateTranslating, "system", "edition.reworking", detail); err != nil {
			return re, err
		}
	}
	re.To = e.State
	re.Queued = true
	return re, db.enqueue(ctx, tx, pipeline.TranslateJob{EditionID: e.ID, RevisionID: newRev}, translateOpts())
}

// carryTranslations moves one edition's translations, findings, suggestions, comments and memory
// links from the old segments to the new ones, as the plan says.
func carryTranslations(ctx context.Context, tx pgx.Tx, editionID, oldRev, newRev int64, p carryPlan, actor string) error {
	steps := []struct {
		what string
		sql  string
		args []any
	}{
		{"snapshot", `INSERT INTO translation_snapshots (edition_id, revision_id, segment_id, text, state, origin,
				updated_by, updated_at, version)
			SELECT t.edition_id, $2, t.segment_id, t.text, t.state, t.origin, t.updated_by, t.updated_at, t.version
			FROM segment_translations t JOIN segments s ON s.id = t.segment_id AND s.revision_id = $2
			WHERE t.edition_id = $1 ON CONFLICT DO NOTHING`, []any{editionID, oldRev}},
		// What a changed segment was, before its translation moves.
		{"record changes", `INSERT INTO segment_changes (edition_id, segment_id, prev_segment_id, revision_id, prev_source,
				prev_target, prev_state, prev_origin, prev_updated_by, minor)
			SELECT $1, u.new, u.old, $4, s.text, coalesce(t.text, ''), coalesce(t.state, 'empty'), coalesce(t.origin, ''),
				coalesce(t.updated_by, ''), $5
			FROM unnest($2::bigint[], $3::bigint[]) AS u(old, new) JOIN segments s ON s.id = u.old
			LEFT JOIN segment_translations t ON t.edition_id = $1 AND t.segment_id = u.old`,
			[]any{editionID, p.changedOld, p.changedNew, newRev, p.minor}},
		// A change from an earlier revision that nobody has confirmed yet stays visible.
		{"carry changes", `INSERT INTO segment_changes (edition_id, segment_id, prev_segment_id, revision_id, prev_source,
				prev_target, prev_state, prev_origin, prev_updated_by, minor, created_at)
			SELECT c.edition_id, u.new, c.prev_segment_id, c.revision_id, c.prev_source, c.prev_target, c.prev_state,
				c.prev_origin, c.prev_updated_by, c.minor, c.created_at
			FROM unnest($2::bigint[], $3::bigint[]) AS u(old, new)
			JOIN segment_changes c ON c.edition_id = $1 AND c.segment_id = u.old
			JOIN segment_translations t ON t.edition_id = $1 AND t.segment_id = u.old AND t.state <> 'confirmed'
			ON CONFLICT DO NOTHING`, []any{editionID, p.keepOld, p.keepNew}},
		{"keep translations", `UPDATE segment_translations t SET segment_id = u.new
			FROM unnest($2::bigint[], $3::bigint[]) AS u(old, new) WHERE t.edition_id = $1 AND t.segment_id = u.old`,
			[]any{editionID, p.keepOld, p.keepNew}},
		{"flag translations", `WITH upd AS (
				UPDATE segment_translations t SET segment_id = u.new, state = $4, version = t.version + 1, updated_at = now()
				FROM unnest($2::bigint[], $3::bigint[]) AS u(old, new)
				WHERE t.edition_id = $1 AND t.segment_id = u.old AND t.state = ANY($5)
				RETURNING t.edition_id, t.segment_id, t.text, t.state, t.origin, t.updated_by, t.version)
			INSERT INTO segment_history (edition_id, segment_id, text, state, origin, updated_by, version)
			SELECT * FROM upd`, []any{editionID, p.flagOld, p.flagNew, pipeline.SegmentReset.To(), pipeline.SegmentReset.From()}},
		{"drop translations", `DELETE FROM segment_translations WHERE edition_id = $1 AND segment_id = ANY($2)`,
			[]any{editionID, p.drop}},
		{"add translations", `INSERT INTO segment_translations (edition_id, segment_id)
			SELECT $1, s.id FROM segments s WHERE s.revision_id = $2
			ON CONFLICT DO NOTHING`, []any{editionID, newRev}},
		{"keep findings", `UPDATE findings f SET segment_id = u.new
			FROM unnest($2::bigint[], $3::bigint[]) AS u(old, new) WHERE f.edition_id = $1 AND f.segment_id = u.old`,
			[]any{editionID, p.keepOld, p.keepNew}},
		{"drop findings", `DELETE FROM findings f USING segments s
			WHERE f.edition_id = $1 AND s.id = f.segment_id AND s.revision_id <> $2`, []any{editionID, newRev}},
		{"keep suggestions", `UPDATE memory_suggestions m SET segment_id = u.new
			FROM unnest($2::bigint[], $3::bigint[]) AS u(old, new) WHERE m.edition_id = $1 AND m.segment_id = u.old`,
			[]any{editionID, p.keepOld, p.keepNew}},
		{"drop suggestions", `DELETE FROM memory_suggestions m USING segments s
			WHERE m.edition_id = $1 AND s.id = m.segment_id AND s.revision_id <> $2`, []any{editionID, newRev}},
		{"move comments", `UPDATE segment_comments c SET segment_id = u.new
			FROM unnest($2::bigint[], $3::bigint[]) AS u(old, new) WHERE c.edition_id = $1 AND c.segment_id = u.old`,
			[]any{editionID, append(p.keepOld[:len(p.keepOld):len(p.keepOld)], p.flagOld...),
				append(p.keepNew[:len(p.keepNew):len(p.keepNew)], p.flagNew...)}},
		// The memory entry of an unchanged sentence follows it, so that confirming it again updates
		// the entry instead of adding a twin.
		{"keep memory", `UPDATE memory_entries m SET segment_id = u.new
			FROM unnest($2::bigint[], $3::bigint[]) AS u(old, new) WHERE m.edition_id = $1 AND m.segment_id = u.old`,
			[]any{editionID, p.sameOld, p.sameNew}},
	}
	for _, s := range steps {
		if _, err := tx.Exec(ctx, s.sql, s.args...); err != nil {
			return fmt.Errorf("carry over (%s): %w", s.what, err)
		}
	}
	if !p.minor {
		return nil
	}
	// A minor edit keeps confirmed translations confirmed: the memory learns the new source with them.
	rows, err := tx.Query(ctx, `SELECT segment_id FROM segment_translations
		WHERE edition_id = $1 AND segment_id = ANY($2) AND state = 'confirmed'`, editionID, p.changedNew)
	if err != nil {
		return fmt.Errorf("minor edit memory: %w", err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return fmt.Errorf("minor edit memory: %w", err)
	}
	for _, id := range ids {
		if err := rememberSegment(ctx, tx, editionID, id, actor); err != nil {
			return err
		}
	}
	return nil
}

// revisionSegments reads a revision's segments in order inside tx.
func revisionSegments(ctx context.Context, tx pgx.Tx, revisionID int64) ([]pipeline.Segment, error) {
	rows, err := tx.Query(ctx, `SELECT id, revision_id, position, block_index, sentence_index, kind, text, hash
		FROM segments WHERE revision_id = $1 ORDER BY position`, revisionID)
	if err != nil {
		return nil, fmt.Errorf("list segments: %w", err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.Segment, error) {
		var s pipeline.Segment
		err := r.Scan(&s.ID, &s.RevisionID, &s.Position, &s.BlockIndex, &s.SentenceIndex, &s.Kind, &s.Text, &s.Hash)
		return s, err
	})
}

// querier is a pool or a transaction.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

const revisionColumns = `r.id, r.article_id, r.number, r.format, r.body, r.created_at, r.title, r.created_by, r.minor,
	r.prev_revision_id, r.summary, (SELECT count(*) FROM segments s WHERE s.revision_id = r.id), a.revision_id = r.id`

func scanRevision(row pgx.Row) (pipeline.RevisionInfo, error) {
	var r pipeline.RevisionInfo
	err := row.Scan(&r.ID, &r.ArticleID, &r.Number, &r.Format, &r.Body, &r.CreatedAt, &r.Title, &r.CreatedBy, &r.Minor,
		&r.PrevRevisionID, &r.Summary, &r.Segments, &r.Current)
	return r, err
}

func revisionInfo(ctx context.Context, q querier, articleID int64, number int) (pipeline.RevisionInfo, error) {
	r, err := scanRevision(q.QueryRow(ctx, `SELECT `+revisionColumns+` FROM revisions r JOIN articles a ON a.id = r.article_id
		WHERE r.article_id = $1 AND r.number = $2`, articleID, number))
	if err != nil {
		return r, notFound("revision", err)
	}
	return r, nil
}

// FindRevisions lists an article's source revisions, newest first, with their alignment counts.
// Bodies are left out; FindRevision has them.
func (db *DB) FindRevisions(ctx context.Context, articleID int64) ([]pipeline.RevisionInfo, error) {
	if _, err := db.FindArticleByID(ctx, articleID); err != nil {
		return nil, err
	}
	rows, err := db.pool.Query(ctx, `SELECT `+revisionColumns+` FROM revisions r JOIN articles a ON a.id = r.article_id
		WHERE r.article_id = $1 ORDER BY r.number DESC`, articleID)
	if err != nil {
		return nil, fmt.Errorf("list revisions: %w", err)
	}
	revs, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.RevisionInfo, error) { return scanRevision(r) })
	for i := range revs {
		revs[i].Body = ""
	}
	return revs, err
}

// FindRevision returns one revision of an article with its alignment to the previous revision and,
// per edition, how far its translation got on this revision and what was published from it.
func (db *DB) FindRevision(ctx context.Context, articleID int64, number int) (pipeline.RevisionDetail, error) {
	var d pipeline.RevisionDetail
	var err error
	if d.Info, err = revisionInfo(ctx, db.pool, articleID, number); err != nil {
		return d, err
	}
	rows, err := db.pool.Query(ctx, `SELECT a.kind, a.similarity,
			n.id, n.revision_id, n.position, n.block_index, n.sentence_index, n.kind, n.text, n.hash,
			p.id, p.revision_id, p.position, p.block_index, p.sentence_index, p.kind, p.text, p.hash
		FROM segment_alignments a LEFT JOIN segments n ON n.id = a.segment_id LEFT JOIN segments p ON p.id = a.prev_segment_id
		WHERE a.revision_id = $1 ORDER BY a.id`, d.Info.ID)
	if err != nil {
		return d, fmt.Errorf("alignment: %w", err)
	}
	d.Alignment, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.AlignedSegment, error) {
		var a pipeline.AlignedSegment
		var n, p nullSegment
		err := r.Scan(&a.Kind, &a.Similarity, &n.ID, &n.RevisionID, &n.Position, &n.BlockIndex, &n.SentenceIndex, &n.Kind,
			&n.Text, &n.Hash, &p.ID, &p.RevisionID, &p.Position, &p.BlockIndex, &p.SentenceIndex, &p.Kind, &p.Text, &p.Hash)
		a.Segment, a.Prev = n.segment(), p.segment()
		return a, err
	})
	if err != nil {
		return d, fmt.Errorf("alignment: %w", err)
	}
	// Translation progress: live for the current revision, from the snapshot for an older one.
	rows, err = db.pool.Query(ctx, `SELECT e.lang,
			(SELECT count(*) FROM segments s WHERE s.revision_id = $2),
			CASE WHEN e.is_source THEN (SELECT count(*) FROM segments s WHERE s.revision_id = $2)
			     WHEN $3 THEN (SELECT count(*) FROM segment_translations t JOIN segments s ON s.id = t.segment_id
			                   WHERE t.edition_id = e.id AND s.revision_id = $2 AND t.state = 'confirmed')
			     ELSE (SELECT count(*) FROM translation_snapshots t WHERE t.edition_id = e.id AND t.revision_id = $2
			           AND t.state = 'confirmed') END,
			ARRAY(SELECT v.id FROM published_versions v WHERE v.edition_id = e.id AND v.revision_id = $2 ORDER BY v.id)
		FROM editions e WHERE e.article_id = $1
		ORDER BY array_position(ARRAY['en','ru','kk','zh'], e.lang)`, articleID, d.Info.ID, d.Info.Current)
	if err != nil {
		return d, fmt.Errorf("revision editions: %w", err)
	}
	d.Editions, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.EditionSnapshot, error) {
		var s pipeline.EditionSnapshot
		err := r.Scan(&s.Lang, &s.Segments, &s.Confirmed, &s.Published)
		return s, err
	})
	if err != nil {
		return d, fmt.Errorf("revision editions: %w", err)
	}
	return d, nil
}

// nullSegment scans a segment from an outer join.
type nullSegment struct {
	ID, RevisionID                      *int64
	Position, BlockIndex, SentenceIndex *int
	Kind                                *pipeline.BlockKind
	Text, Hash                          *string
}

func (n nullSegment) segment() *pipeline.Segment {
	if n.ID == nil {
		return nil
	}
	return &pipeline.Segment{ID: *n.ID, RevisionID: *n.RevisionID, Position: *n.Position, BlockIndex: *n.BlockIndex,
		SentenceIndex: *n.SentenceIndex, Kind: *n.Kind, Text: *n.Text, Hash: *n.Hash}
}

// FindSegmentChanges returns the segments of an edition's current revision whose source changed,
// with the old source and the translation it had, in segment order.
func (db *DB) FindSegmentChanges(ctx context.Context, editionID int64) ([]pipeline.SegmentChange, error) {
	rows, err := db.pool.Query(ctx, `SELECT c.edition_id, c.segment_id, c.prev_segment_id, c.revision_id, s.text,
			c.prev_source, c.prev_target, c.prev_state, c.prev_origin, c.prev_updated_by, c.minor, c.created_at
		FROM segment_changes c JOIN editions e ON e.id = c.edition_id
		JOIN segments s ON s.id = c.segment_id AND s.revision_id = e.revision_id
		WHERE c.edition_id = $1 ORDER BY s.position`, editionID)
	if err != nil {
		return nil, fmt.Errorf("segment changes: %w", err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.SegmentChange, error) {
		var c pipeline.SegmentChange
		err := r.Scan(&c.EditionID, &c.SegmentID, &c.PrevSegmentID, &c.RevisionID, &c.Source, &c.PrevSource, &c.PrevTarget,
			&c.PrevState, &c.PrevOrigin, &c.PrevUpdatedBy, &c.Minor, &c.CreatedAt)
		return c, err
	})
}

// CheckSegmentCurrent answers, before a save, whether a segment still belongs to the revision the
// edition of an article in lang is on: nil when it does (or when the edition or segment is unknown,
// which the save itself reports), the "source changed" conflict of checkSegmentCurrent when it
// belongs to an older revision.
func (db *DB) CheckSegmentCurrent(ctx context.Context, articleID int64, lang pipeline.Lang, segmentID int64) error {
	e, err := scanEdition(db.pool.QueryRow(ctx, `SELECT `+editionColumns+` FROM editions e
		WHERE e.article_id = $1 AND e.lang = $2`, articleID, lang), false)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("find edition: %w", err)
	}
	return checkSegmentCurrent(ctx, db.pool, e, segmentID)
}

// checkSegmentCurrent refuses a save aimed at a segment of an older revision of the edition's
// article: the source changed under the translator, and writing there would lose the text
// silently. The conflict names the segment the sentence became (0 when it was removed) and says
// whether its source changed, so that a client can reload and show the translator where to go.
// Segments of other articles, or unknown ones, are left to the caller's own lookup.
func checkSegmentCurrent(ctx context.Context, tx querier, e pipeline.Edition, segmentID int64) error {
	var rev, article int64
	err := tx.QueryRow(ctx, `SELECT s.revision_id, r.article_id FROM segments s JOIN revisions r ON r.id = s.revision_id
		WHERE s.id = $1`, segmentID).Scan(&rev, &article)
	if errors.Is(err, pgx.ErrNoRows) || (err == nil && (rev == e.RevisionID || article != e.ArticleID)) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("segment revision: %w", err)
	}
	var now int64
	var kind, source string
	err = tx.QueryRow(ctx, `WITH RECURSIVE chain (seg, kind, depth) AS (
			SELECT segment_id, kind, 1 FROM segment_alignments WHERE prev_segment_id = $1
			UNION ALL
			SELECT a.segment_id, CASE WHEN a.kind IN ('unchanged', 'moved') THEN c.kind ELSE a.kind END, c.depth + 1
			FROM segment_alignments a JOIN chain c ON a.prev_segment_id = c.seg WHERE c.depth < 1000)
		SELECT c.seg, c.kind, s.text FROM chain c JOIN segments s ON s.id = c.seg AND s.revision_id = $2`,
		segmentID, e.RevisionID).Scan(&now, &kind, &source)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("follow segment: %w", err)
	}
	if kind == "" {
		kind = string(pipeline.AlignRemoved)
	}
	return &pipeline.Error{Code: pipeline.CodeConflict, MessageID: "error.source_changed",
		Data: map[string]any{"SegmentID": now, "Kind": kind, "Source": source},
		Err:  fmt.Errorf("segment %d belongs to revision %d, the edition is on %d", segmentID, rev, e.RevisionID)}
}
