package postgres

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"

	"github.com/tilmash/tilmash/pipeline"
)

func releaseOpts(at *time.Time) *river.InsertOpts {
	o := uniqueOpts(QueuePublish, 10)
	if at != nil {
		o.ScheduledAt = *at
	}
	return o
}

// errReleaseNotScheduled answers a change to a release that has already run or was cancelled.
func errReleaseNotScheduled(state pipeline.ReleaseState) error {
	return &pipeline.Error{Code: pipeline.CodeIllegalState, MessageID: "error.release_not_scheduled",
		Data: map[string]any{"State": string(state)}, Err: fmt.Errorf("the release is %s", state)}
}

// CreateRelease approves several editions of an article together and queues one job that
// publishes them in one transaction, at the approval's time or at once. Every edition must be
// awaiting approval and approvable by its provenance (pipeline.Provenance.CheckApprovable: no
// pseudo-translation, and unedited machine text only when the editor accepted it, which the audit
// trail records); if one is not, nothing is approved.
func (db *DB) CreateRelease(ctx context.Context, articleID int64, langs []pipeline.Lang, ap pipeline.Approval) (pipeline.Release, error) {
	actor, publishAt := ap.Actor, ap.PublishAt
	rel := pipeline.Release{ArticleID: articleID, State: pipeline.ReleaseScheduled, PublishAt: publishAt,
		Schedule: 1, CreatedBy: actor}
	err := db.inTx(ctx, func(tx pgx.Tx) error {
		if err := tx.QueryRow(ctx, `INSERT INTO releases (article_id, state, publish_at, created_by)
			VALUES ($1, 'scheduled', $2, $3) RETURNING id, created_at`, articleID, publishAt, actor).Scan(&rel.ID, &rel.CreatedAt); err != nil {
			return fmt.Errorf("insert release: %w", err)
		}
		rows, err := tx.Query(ctx, `SELECT `+editionColumns+` FROM editions e
			WHERE e.article_id = $1 AND e.lang = ANY($2) ORDER BY e.id FOR UPDATE`, articleID, langStrings(langs))
		if err != nil {
			return fmt.Errorf("editions to release: %w", err)
		}
		eds, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.Edition, error) { return scanEdition(r, false) })
		if err != nil {
			return fmt.Errorf("editions to release: %w", err)
		}
		if len(eds) != len(langs) {
			return notFound("edition", pgx.ErrNoRows)
		}
		for i := range eds {
			e := &eds[i]
			detail := map[string]any{"publish_at": publishAt, "release_id": rel.ID}
			if e.IsSource {
				if err := checkSourceApprovable(ctx, tx, e.RevisionID); err != nil {
					return err
				}
			}
			if !e.IsSource {
				prov, err := editionProvenance(ctx, tx, e.ID)
				if err != nil {
					return err
				}
				if err := prov.CheckApprovable(ap.AcceptMachineText); err != nil {
					if pe := (*pipeline.Error)(nil); errors.As(err, &pe) {
						pe.Data["Lang"] = e.Lang.NativeName()
					}
					return err
				}
				if prov.Machine > 0 {
					detail["machine_text"] = prov.Machine
					detail["machine_text_accepted"] = true
				}
			}
			if err := move(ctx, tx, e, pipeline.StateApproved, actor, "edition.approved", detail); err != nil {
				return err
			}
			if err := tx.QueryRow(ctx, `UPDATE editions SET release = release + 1, approved_by = $2, publish_at = $3
				WHERE id = $1 RETURNING release`, e.ID, actor, publishAt).Scan(&e.Release); err != nil {
				return fmt.Errorf("record approval: %w", err)
			}
			if _, err := tx.Exec(ctx, `INSERT INTO release_editions (release_id, edition_id, lang, edition_release)
				VALUES ($1, $2, $3, $4)`, rel.ID, e.ID, e.Lang, e.Release); err != nil {
				return fmt.Errorf("insert release edition: %w", err)
			}
			rel.Langs = append(rel.Langs, e.Lang)
			rel.EditionIDs = append(rel.EditionIDs, e.ID)
		}
		sortLangs(rel.Langs)
		if err := audit(ctx, tx, articleID, 0, actor, "release.created", "", "",
			map[string]any{"release_id": rel.ID, "langs": rel.Langs, "publish_at": publishAt}); err != nil {
			return err
		}
		return db.enqueue(ctx, tx, pipeline.ReleaseJob{ReleaseID: rel.ID, Schedule: 1}, releaseOpts(publishAt))
	})
	return rel, err
}

// RescheduleRelease changes when a scheduled release goes out (nil: at once). The job queued for
// the old time finds a newer schedule and does nothing.
func (db *DB) RescheduleRelease(ctx context.Context, articleID, releaseID int64, actor string, publishAt *time.Time) (pipeline.Release, error) {
	var rel pipeline.Release
	err := db.inTx(ctx, func(tx pgx.Tx) error {
		var err error
		if rel, err = lockRelease(ctx, tx, articleID, releaseID); err != nil {
			return err
		}
		if rel.State != pipeline.ReleaseScheduled {
			return errReleaseNotScheduled(rel.State)
		}
		old := rel.PublishAt
		if err := tx.QueryRow(ctx, `UPDATE releases SET publish_at = $2, schedule = schedule + 1 WHERE id = $1
			RETURNING schedule`, releaseID, publishAt).Scan(&rel.Schedule); err != nil {
			return fmt.Errorf("reschedule: %w", err)
		}
		rel.PublishAt = publishAt
		if _, err := tx.Exec(ctx, `UPDATE editions e SET publish_at = $2 FROM release_editions re
			WHERE re.release_id = $1 AND e.id = re.edition_id AND e.state = 'approved' AND e.release = re.edition_release`,
			releaseID, publishAt); err != nil {
			return fmt.Errorf("reschedule editions: %w", err)
		}
		if err := audit(ctx, tx, articleID, 0, actor, "release.rescheduled", "", "",
			map[string]any{"release_id": releaseID, "from": old, "to": publishAt}); err != nil {
			return err
		}
		return db.enqueue(ctx, tx, pipeline.ReleaseJob{ReleaseID: releaseID, Schedule: rel.Schedule}, releaseOpts(publishAt))
	})
	return rel, err
}

// CancelRelease withdraws a scheduled release: its editions that are still approved for it go back
// to awaiting approval, and its job finds nothing to do.
func (db *DB) CancelRelease(ctx context.Context, articleID, releaseID int64, actor string) (pipeline.Release, error) {
	var rel pipeline.Release
	err := db.inTx(ctx, func(tx pgx.Tx) error {
		var err error
		if rel, err = lockRelease(ctx, tx, articleID, releaseID); err != nil {
			return err
		}
		if rel.State != pipeline.ReleaseScheduled {
			return errReleaseNotScheduled(rel.State)
		}
		if _, err := tx.Exec(ctx, `UPDATE releases SET state = 'cancelled' WHERE id = $1`, releaseID); err != nil {
			return fmt.Errorf("cancel release: %w", err)
		}
		rel.State = pipeline.ReleaseCancelled
		members, err := releaseMembers(ctx, tx, releaseID)
		if err != nil {
			return err
		}
		for _, m := range members {
			e, err := lockEdition(ctx, tx, m.editionID)
			if err != nil {
				return err
			}
			if e.State != pipeline.StateApproved || e.Release != m.release {
				continue
			}
			if _, err := tx.Exec(ctx, `UPDATE editions SET publish_at = NULL WHERE id = $1`, e.ID); err != nil {
				return fmt.Errorf("clear schedule: %w", err)
			}
			if err := move(ctx, tx, &e, pipeline.StateAwaitingApproval, actor, "edition.release_cancelled",
				map[string]any{"release_id": releaseID}); err != nil {
				return err
			}
		}
		return audit(ctx, tx, articleID, 0, actor, "release.cancelled", "", "", map[string]any{"release_id": releaseID})
	})
	return rel, err
}

type releaseMember struct {
	editionID int64
	lang      pipeline.Lang
	release   int64
}

func releaseMembers(ctx context.Context, tx pgx.Tx, releaseID int64) ([]releaseMember, error) {
	rows, err := tx.Query(ctx, `SELECT edition_id, lang, edition_release FROM release_editions WHERE release_id = $1 ORDER BY edition_id`, releaseID)
	if err != nil {
		return nil, fmt.Errorf("release editions: %w", err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (releaseMember, error) {
		var m releaseMember
		err := r.Scan(&m.editionID, &m.lang, &m.release)
		return m, err
	})
}

const releaseColumns = `r.id, r.article_id, r.state, r.publish_at, r.schedule, r.created_by, r.created_at, r.published_at,
	r.skipped, ARRAY(SELECT re.lang FROM release_editions re WHERE re.release_id = r.id
		ORDER BY array_position(ARRAY['en','ru','kk','zh'], re.lang)),
	ARRAY(SELECT re.edition_id FROM release_editions re WHERE re.release_id = r.id
		ORDER BY array_position(ARRAY['en','ru','kk','zh'], re.lang))`

func scanRelease(row pgx.Row) (pipeline.Release, error) {
	var r pipeline.Release
	var langs, skipped []string
	err := row.Scan(&r.ID, &r.ArticleID, &r.State, &r.PublishAt, &r.Schedule, &r.CreatedBy, &r.CreatedAt,
		&r.PublishedAt, &skipped, &langs, &r.EditionIDs)
	for _, l := range langs {
		r.Langs = append(r.Langs, pipeline.Lang(l))
	}
	for _, l := range skipped {
		r.Skipped = append(r.Skipped, pipeline.Lang(l))
	}
	return r, err
}

func lockRelease(ctx context.Context, tx pgx.Tx, articleID, releaseID int64) (pipeline.Release, error) {
	r, err := scanRelease(tx.QueryRow(ctx, `SELECT `+releaseColumns+` FROM releases r
		WHERE r.id = $1 AND ($2 = 0 OR r.article_id = $2) FOR UPDATE`, releaseID, articleID))
	if err != nil {
		return r, notFound("release", err)
	}
	return r, nil
}

// FindRelease returns one release.
func (db *DB) FindRelease(ctx context.Context, releaseID int64) (pipeline.Release, error) {
	r, err := scanRelease(db.pool.QueryRow(ctx, `SELECT `+releaseColumns+` FROM releases r WHERE r.id = $1`, releaseID))
	if err != nil {
		return r, notFound("release", err)
	}
	return r, nil
}

// FindReleases lists an article's releases, newest first.
func (db *DB) FindReleases(ctx context.Context, articleID int64) ([]pipeline.Release, error) {
	rows, err := db.pool.Query(ctx, `SELECT `+releaseColumns+` FROM releases r WHERE r.article_id = $1 ORDER BY r.id DESC`, articleID)
	if err != nil {
		return nil, fmt.Errorf("list releases: %w", err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.Release, error) { return scanRelease(r) })
}

// SaveRelease makes the rendered versions of a release live in one transaction: every edition's
// live version switches together, so readers see all of them or none. An edition that has been
// sent back or approved again since the release was made is skipped and recorded as such; a
// release that was cancelled or rescheduled (schedule differs) is left alone and reports false.
func (db *DB) SaveRelease(ctx context.Context, releaseID int64, schedule int, versions []pipeline.PublishedVersion) (bool, error) {
	done := false
	err := db.inTx(ctx, func(tx pgx.Tx) error {
		rel, err := lockRelease(ctx, tx, 0, releaseID)
		if err != nil {
			return err
		}
		if rel.State != pipeline.ReleaseScheduled || rel.Schedule != schedule {
			return nil
		}
		members, err := releaseMembers(ctx, tx, releaseID)
		if err != nil {
			return err
		}
		byEdition := map[int64]pipeline.PublishedVersion{}
		for _, v := range versions {
			byEdition[v.EditionID] = v
		}
		var skipped []string
		for _, m := range members {
			v, ok := byEdition[m.editionID]
			if !ok || v.Release != m.release {
				skipped = append(skipped, string(m.lang))
				continue
			}
			ok, err := publishLocked(ctx, tx, v)
			if err != nil {
				return err
			}
			if !ok {
				skipped = append(skipped, string(v.Lang))
			}
		}
		if _, err := tx.Exec(ctx, `UPDATE releases SET state = 'published', published_at = now(), skipped = $2 WHERE id = $1`,
			releaseID, append([]string{}, skipped...)); err != nil {
			return fmt.Errorf("mark release published: %w", err)
		}
		done = true
		return audit(ctx, tx, rel.ArticleID, 0, "system", "release.published", "", "",
			map[string]any{"release_id": releaseID, "skipped": skipped})
	})
	return done, err
}

// publishLocked stores one rendered edition as a new immutable version and makes it live, inside
// the caller's transaction. It reports false when the edition is no longer approved for this
// release and revision.
func publishLocked(ctx context.Context, tx pgx.Tx, v pipeline.PublishedVersion) (bool, error) {
	e, err := lockEdition(ctx, tx, v.EditionID)
	if err != nil {
		return false, err
	}
	if e.State != pipeline.StateApproved || e.Release != v.Release || e.RevisionID != v.RevisionID {
		return false, nil
	}
	if err := tx.QueryRow(ctx, `INSERT INTO published_versions
		(edition_id, article_id, lang, revision_id, release, title, byline, html, approved_by, approved_at, machine_text)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9,
			(SELECT max(created_at) FROM audit_log WHERE edition_id = $1 AND action = 'edition.approved'), $10)
		RETURNING id, published_at`,
		e.ID, e.ArticleID, e.Lang, e.RevisionID, e.Release, v.Title, v.Byline, v.HTML, e.ApprovedBy, v.MachineText).Scan(&v.ID, &v.PublishedAt); err != nil {
		return false, fmt.Errorf("insert published version: %w", err)
	}
	if _, err := tx.Exec(ctx, `UPDATE editions SET live_version_id = $1, publish_at = NULL WHERE id = $2`, v.ID, e.ID); err != nil {
		return false, fmt.Errorf("switch live version: %w", err)
	}
	return true, move(ctx, tx, &e, pipeline.StatePublished, "system", "edition.published",
		map[string]any{"version": v.ID, "approved_by": e.ApprovedBy})
}

// Unpublish takes an edition off the site. A published edition goes back to awaiting approval;
// one already being reworked (outdated, in translation...) keeps its state and only loses its live
// version. Every published version stays in the record.
func (db *DB) Unpublish(ctx context.Context, articleID int64, lang pipeline.Lang, actor string) error {
	return db.inTx(ctx, func(tx pgx.Tx) error {
		e, err := lockEditionByLang(ctx, tx, articleID, lang)
		if err != nil {
			return err
		}
		if e.LiveVersionID == nil {
			return &pipeline.Error{Code: pipeline.CodeIllegalState, MessageID: "error.not_live",
				Data: map[string]any{"Lang": string(lang)}, Err: fmt.Errorf("edition %s is not live", lang)}
		}
		if _, err := tx.Exec(ctx, `UPDATE editions SET live_version_id = NULL WHERE id = $1`, e.ID); err != nil {
			return fmt.Errorf("unpublish: %w", err)
		}
		detail := map[string]any{"version": *e.LiveVersionID}
		if e.State == pipeline.StatePublished {
			return move(ctx, tx, &e, pipeline.StateAwaitingApproval, actor, "edition.unpublished", detail)
		}
		return audit(ctx, tx, articleID, e.ID, actor, "edition.unpublished", e.State, e.State, detail)
	})
}

// Rollback makes an earlier published version of a live edition the live one again.
func (db *DB) Rollback(ctx context.Context, articleID int64, lang pipeline.Lang, versionID int64, actor string) error {
	return db.inTx(ctx, func(tx pgx.Tx) error {
		e, err := lockEditionByLang(ctx, tx, articleID, lang)
		if err != nil {
			return err
		}
		var owner int64
		if err := tx.QueryRow(ctx, `SELECT edition_id FROM published_versions WHERE id = $1`, versionID).Scan(&owner); err != nil || owner != e.ID {
			if err == nil {
				err = pgx.ErrNoRows
			}
			return notFound("version", err)
		}
		if e.LiveVersionID == nil {
			return &pipeline.Error{Code: pipeline.CodeIllegalState, MessageID: "error.rollback_not_live",
				Data: map[string]any{"Lang": string(lang)}, Err: fmt.Errorf("edition %s is not live", lang)}
		}
		if *e.LiveVersionID == versionID {
			return nil
		}
		if _, err := tx.Exec(ctx, `UPDATE editions SET live_version_id = $1 WHERE id = $2`, versionID, e.ID); err != nil {
			return fmt.Errorf("roll back: %w", err)
		}
		return audit(ctx, tx, articleID, e.ID, actor, "edition.rolled_back", e.State, e.State,
			map[string]any{"from_version": *e.LiveVersionID, "to_version": versionID})
	})
}

func lockEditionByLang(ctx context.Context, tx pgx.Tx, articleID int64, lang pipeline.Lang) (pipeline.Edition, error) {
	var id int64
	if err := tx.QueryRow(ctx, `SELECT id FROM editions WHERE article_id = $1 AND lang = $2`, articleID, lang).Scan(&id); err != nil {
		return pipeline.Edition{}, notFound("edition", err)
	}
	return lockEdition(ctx, tx, id)
}

// FindVersions lists every published version of an article, newest first, with who approved it
// and when, and whether it is live.
func (db *DB) FindVersions(ctx context.Context, articleID int64) ([]pipeline.Version, error) {
	rows, err := db.pool.Query(ctx, `SELECT v.id, v.lang, v.release, v.revision_id, v.title, v.approved_by,
		v.approved_at, v.published_at, e.live_version_id IS NOT DISTINCT FROM v.id
		FROM published_versions v JOIN editions e ON e.id = v.edition_id
		WHERE v.article_id = $1 ORDER BY v.published_at DESC, v.id DESC`, articleID)
	if err != nil {
		return nil, fmt.Errorf("list versions: %w", err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.Version, error) {
		var v pipeline.Version
		err := r.Scan(&v.ID, &v.Lang, &v.Release, &v.RevisionID, &v.Title, &v.ApprovedBy, &v.ApprovedAt, &v.PublishedAt, &v.Live)
		return v, err
	})
}

// FindVersionHTML returns the bodies of published versions by ID. Versions never change, so a
// caller may keep what it has fetched for as long as it likes.
func (db *DB) FindVersionHTML(ctx context.Context, ids []int64) (map[int64]string, error) {
	out := make(map[int64]string, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := db.pool.Query(ctx, `SELECT id, html FROM published_versions WHERE id = ANY($1)`, ids)
	if err != nil {
		return nil, fmt.Errorf("version bodies: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var html string
		if err := rows.Scan(&id, &html); err != nil {
			return nil, fmt.Errorf("version bodies: %w", err)
		}
		out[id] = html
	}
	return out, rows.Err()
}

// LoadSnapshot reads what the public site shows, all from one database snapshot together with its
// generation: a page built from it never mixes two states of the site.
func (db *DB) LoadSnapshot(ctx context.Context) (pipeline.Snapshot, error) {
	var s pipeline.Snapshot
	tx, err := db.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return s, fmt.Errorf("begin snapshot: %w", err)
	}
	defer tx.Rollback(ctx) //nolint:errcheck // read-only
	// The query reads every live edition: compiling it (JIT) costs more than running it.
	if _, err := tx.Exec(ctx, `SET LOCAL jit = off`); err != nil {
		return s, fmt.Errorf("snapshot: %w", err)
	}
	if err := tx.QueryRow(ctx, `SELECT generation, changed_at FROM site_state`).Scan(&s.Generation, &s.ChangedAt); err != nil {
		return s, fmt.Errorf("site generation: %w", err)
	}
	s.Live, err = liveVersions(ctx, tx, nil)
	return s, err
}

// siteLiveColumns are a live edition as readers see it, with the first published version of its
// edition (liveVersions scans them).
const siteLiveColumns = `SELECT v.id, v.article_id, v.lang, a.slug, a.category, v.title, v.byline, v.published_at,
	v.revision_id <> a.revision_id AND NOT e.is_source, v.machine_text, `

// liveVersions reads the live editions of the given articles, or of all articles when ids is
// nil, newest first. All of them take the first versions from one pass over the versions, sorted
// here; a few look theirs up one by one.
func liveVersions(ctx context.Context, tx pgx.Tx, ids []int64) ([]pipeline.Live, error) {
	q := siteLiveColumns + `f.first FROM editions e JOIN published_versions v ON v.id = e.live_version_id
		JOIN articles a ON a.id = e.article_id
		JOIN (SELECT edition_id, min(id) AS first FROM published_versions GROUP BY edition_id) f ON f.edition_id = e.id`
	var args []any
	if ids != nil {
		q = siteLiveColumns + `(SELECT min(f.id) FROM published_versions f WHERE f.edition_id = e.id)
			FROM editions e JOIN published_versions v ON v.id = e.live_version_id JOIN articles a ON a.id = e.article_id
			WHERE e.article_id = ANY($1)`
		args = []any{ids}
	}
	rows, err := tx.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("live versions: %w", err)
	}
	live, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.Live, error) {
		var l pipeline.Live
		err := r.Scan(&l.VersionID, &l.ArticleID, &l.Lang, &l.Slug, &l.Category, &l.Title, &l.Byline, &l.PublishedAt,
			&l.Outdated, &l.MachineText, &l.FirstVersionID)
		return l, err
	})
	if err != nil {
		return nil, fmt.Errorf("live versions: %w", err)
	}
	slices.SortFunc(live, func(a, b pipeline.Live) int {
		if c := b.PublishedAt.Compare(a.PublishedAt); c != 0 {
			return c
		}
		return cmp.Compare(b.VersionID, a.VersionID)
	})
	return live, nil
}

// SiteChanges reads what changed on the public site after generation since, up to generation
// upTo (or the current one when upTo is 0), with what the changed articles show now, all from
// one database snapshot. The work is proportional to the changes, not to the site.
func (db *DB) SiteChanges(ctx context.Context, since, upTo int64) (pipeline.SiteDelta, error) {
	var d pipeline.SiteDelta
	tx, err := db.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return d, fmt.Errorf("begin site changes: %w", err)
	}
	defer tx.Rollback(ctx) //nolint:errcheck // read-only
	if err := tx.QueryRow(ctx, `SELECT generation, changed_at FROM site_state`).Scan(&d.Generation, &d.ChangedAt); err != nil {
		return d, fmt.Errorf("site generation: %w", err)
	}
	if upTo > 0 && upTo < d.Generation {
		d.Generation = upTo
	}
	if since > d.Generation {
		return d, nil // a generation this database never had: rebuild whole
	}
	rows, err := tx.Query(ctx, `SELECT generation, article_id, lang, was_live, is_live, old_slug, old_category
		FROM site_changes WHERE generation > $1 AND generation <= $2 ORDER BY generation`, since, d.Generation)
	if err != nil {
		return d, fmt.Errorf("site changes: %w", err)
	}
	d.Changes, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.SiteChange, error) {
		var c pipeline.SiteChange
		err := r.Scan(&c.Generation, &c.ArticleID, &c.Lang, &c.WasLive, &c.IsLive, &c.OldSlug, &c.OldCategory)
		return c, err
	})
	if err != nil {
		return d, fmt.Errorf("site changes: %w", err)
	}
	// Every generation is one recorded change; a gap means the record does not cover them all.
	d.Complete = int64(len(d.Changes)) == d.Generation-since
	if !d.Complete || len(d.Changes) == 0 {
		return d, nil
	}
	var ids []int64
	seen := map[int64]bool{}
	for _, c := range d.Changes {
		if !seen[c.ArticleID] {
			seen[c.ArticleID] = true
			ids = append(ids, c.ArticleID)
		}
	}
	if d.Live, err = liveVersions(ctx, tx, ids); err != nil {
		return d, err
	}
	rows, err = tx.Query(ctx, `SELECT id, slug, category FROM articles WHERE id = ANY($1)`, ids)
	if err != nil {
		return d, fmt.Errorf("changed articles: %w", err)
	}
	d.Articles, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.SiteArticle, error) {
		var a pipeline.SiteArticle
		err := r.Scan(&a.ID, &a.Slug, &a.Category)
		return a, err
	})
	if err != nil {
		return d, fmt.Errorf("changed articles: %w", err)
	}
	rows, err = tx.Query(ctx, `SELECT article_id, lang, min(id) FROM published_versions WHERE article_id = ANY($1)
		GROUP BY article_id, lang`, ids)
	if err != nil {
		return d, fmt.Errorf("first versions: %w", err)
	}
	defer rows.Close()
	d.FirstVersions = map[int64]map[pipeline.Lang]int64{}
	for rows.Next() {
		var id, first int64
		var lang pipeline.Lang
		if err := rows.Scan(&id, &lang, &first); err != nil {
			return d, fmt.Errorf("first versions: %w", err)
		}
		if d.FirstVersions[id] == nil {
			d.FirstVersions[id] = map[pipeline.Lang]int64{}
		}
		d.FirstVersions[id][lang] = first
	}
	return d, rows.Err()
}

// SiteGeneration returns the current generation of the public site.
func (db *DB) SiteGeneration(ctx context.Context) (int64, error) {
	var g int64
	if err := db.pool.QueryRow(ctx, `SELECT generation FROM site_state`).Scan(&g); err != nil {
		return 0, fmt.Errorf("site generation: %w", err)
	}
	return g, nil
}

// ListenSite calls changed whenever the public site may have changed, from any process, until ctx
// ends: with notified set when a change was announced, and without it every poll interval, so
// that a lost connection delays an update but never loses it. Callers compare generations and
// ignore calls that change nothing.
func (db *DB) ListenSite(ctx context.Context, poll time.Duration, changed func(notified bool)) {
	for ctx.Err() == nil {
		err := db.listenOnce(ctx, poll, changed)
		if ctx.Err() != nil {
			return
		}
		_ = err // the connection dropped: poll until it comes back
		changed(false)
		select {
		case <-ctx.Done():
			return
		case <-time.After(poll):
		}
	}
}

func (db *DB) listenOnce(ctx context.Context, poll time.Duration, changed func(notified bool)) error {
	conn, err := db.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `LISTEN tilmash_site`); err != nil {
		return err
	}
	defer conn.Exec(context.WithoutCancel(ctx), `UNLISTEN tilmash_site`) //nolint:errcheck // the connection goes back to the pool
	changed(false)                                                       // catch up on anything missed before LISTEN
	for {
		wctx, cancel := context.WithTimeout(ctx, poll)
		_, err := conn.Conn().WaitForNotification(wctx)
		cancel()
		switch {
		case err == nil:
			changed(true)
		case errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil:
			changed(false)
		default:
			return err
		}
	}
}

func langStrings(langs []pipeline.Lang) []string {
	out := make([]string, len(langs))
	for i, l := range langs {
		out[i] = string(l)
	}
	return out
}

func sortLangs(langs []pipeline.Lang) {
	slices.SortFunc(langs, func(a, b pipeline.Lang) int {
		return slices.Index(pipeline.Languages, a) - slices.Index(pipeline.Languages, b)
	})
}
