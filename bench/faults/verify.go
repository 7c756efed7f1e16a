package main

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
)

// verify compares what the trial's database holds with what the pipeline promises.
func (t *trial) verify(ctx context.Context, res *result) error {
	states, err := t.states(ctx)
	if err != nil {
		return fmt.Errorf("read editions: %w", err)
	}
	for _, a := range t.articles {
		eds, ok := states[a.slug]
		if !ok {
			res.stuck += 4
			res.notes = append(res.notes, fmt.Sprintf("article %d (%s) was never ingested", a.idx, a.slug))
			continue
		}
		for _, e := range eds {
			want := expected(a, e.lang, e.isSource)
			if e.state == want {
				res.done++
				continue
			}
			res.stuck++
			res.notes = append(res.notes, t.describeStuck(ctx, a, e, want))
		}
	}

	for _, q := range []struct {
		into *int
		sql  string
	}{
		// A segment of an edition past translation with no text.
		{&res.lost, `SELECT count(*) FROM editions e JOIN segments s ON s.revision_id = e.revision_id
			LEFT JOIN segment_translations t ON t.edition_id = e.id AND t.segment_id = s.id
			WHERE NOT e.is_source AND e.state IN ('in_review', 'awaiting_approval', 'approved', 'published')
			AND (t.segment_id IS NULL OR t.state = 'empty' OR t.text = '')`},
		// A translation that belongs to no segment of its edition's revision.
		{&res.extra, `SELECT count(*) FROM segment_translations t JOIN editions e ON e.id = t.edition_id
			WHERE NOT EXISTS (SELECT 1 FROM segments s WHERE s.id = t.segment_id AND s.revision_id = e.revision_id)`},
		// A segment that machine output filled more than once.
		{&res.doubleFilled, `SELECT count(*) FROM (SELECT 1 FROM segment_history WHERE updated_by = '' AND origin LIKE 'mt:%'
			GROUP BY edition_id, segment_id HAVING count(*) > 1) x`},
		// A machine draft that is not the translation of its own segment.
		{&res.misplaced, `SELECT count(*) FROM segment_translations t JOIN segments s ON s.id = t.segment_id
			JOIN editions e ON e.id = t.edition_id
			WHERE t.state = 'draft' AND t.origin LIKE 'mt:%' AND t.text <> '[' || e.lang || '] ' || s.text`},
		// An edition published more than once for one approval (every edition here is approved once).
		{&res.dupPublished, `SELECT count(*) FROM (SELECT 1 FROM published_versions GROUP BY edition_id HAVING count(*) > 1) x`},
	} {
		if err := t.pool.QueryRow(ctx, q.sql).Scan(q.into); err != nil {
			return fmt.Errorf("verify: %w", err)
		}
	}
	return t.verifyEdits(ctx, res)
}

// verifyEdits checks every segment the translator saved: its text must still be the last one the
// translator saved (or, after a save whose answer was lost, that one if it went through), and
// every acknowledged save must be in the segment's history.
func (t *trial) verifyEdits(ctx context.Context, res *result) error {
	t.mu.Lock()
	edits := slices.Clone(t.edits)
	res.conflicts = t.conflicts
	t.mu.Unlock()
	type key struct {
		article int
		lang    string
		segment int64
	}
	var order []key
	bySeg := map[key][]edit{}
	for _, e := range edits {
		k := key{e.article, e.lang, e.segment}
		if _, ok := bySeg[k]; !ok {
			order = append(order, k)
		}
		bySeg[k] = append(bySeg[k], e)
		if e.acked {
			res.humanSaves++
		} else {
			res.unknownSaves++
		}
	}
	for _, k := range order {
		var edition int64
		if err := t.pool.QueryRow(ctx, `SELECT e.id FROM editions e JOIN articles a ON a.id = e.article_id
			WHERE a.slug = $1 AND e.lang = $2`, t.articles[k.article].slug, k.lang).Scan(&edition); err != nil {
			return fmt.Errorf("find edition: %w", err)
		}
		var text, state, by string
		if err := t.pool.QueryRow(ctx, `SELECT text, state, updated_by FROM segment_translations
			WHERE edition_id = $1 AND segment_id = $2`, edition, k.segment).Scan(&text, &state, &by); err != nil {
			return fmt.Errorf("read segment: %w", err)
		}
		rows, err := t.pool.Query(ctx, `SELECT text FROM segment_history WHERE edition_id = $1 AND segment_id = $2
			AND updated_by = $3 ORDER BY id`, edition, k.segment, translatorName)
		if err != nil {
			return fmt.Errorf("read history: %w", err)
		}
		var history []string
		for rows.Next() {
			var h string
			if err := rows.Scan(&h); err != nil {
				rows.Close()
				return err
			}
			history = append(history, h)
		}
		rows.Close()

		saves := bySeg[k]
		var want []string
		for _, e := range saves {
			switch {
			case e.acked:
				want = []string{e.text}
				if !slices.Contains(history, e.text) {
					res.overwritten++
					res.notes = append(res.notes, fmt.Sprintf("article %d %s segment %d: an acknowledged save is missing from the history: %q",
						k.article, k.lang, k.segment, e.text))
				}
			case slices.Contains(history, e.text):
				want = append(want, e.text) // a save whose answer was lost went through
			}
		}
		if len(want) == 0 {
			continue // nothing the translator wrote was ever stored
		}
		res.humanSegments++
		if by == translatorName && (state == "edited" || state == "confirmed") && slices.Contains(want, text) {
			continue
		}
		res.overwritten++
		res.notes = append(res.notes, fmt.Sprintf("article %d %s segment %d: the translator's %q became %q (%s, by %q)",
			k.article, k.lang, k.segment, want[len(want)-1], text, state, by))
	}
	return nil
}

// describeStuck says where an edition stands and what its jobs are doing.
func (t *trial) describeStuck(ctx context.Context, a *article, e edState, want string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "article %d (id %d) %s: %s, want %s", a.idx, e.articleID, e.lang, e.state, want)
	if e.failureCode != "" {
		fmt.Fprintf(&b, " (failure %s %s)", e.failureCode, e.failure)
	}
	fmt.Fprintf(&b, "; %d/%d segments drafted, %d confirmed, %d published versions, updated %s;",
		e.translated, e.segments, e.confirmed, e.publishedVersions, e.updatedAt.Format("15:04:05.000"))
	b.WriteString(t.describeJobs(ctx, e.id))
	return b.String()
}

// describeJobs lists the jobs of an edition and of its article's fan-out, with their attempts
// and last errors, one per line.
func (t *trial) describeJobs(ctx context.Context, edition int64) string {
	var b strings.Builder
	rows, err := t.pool.Query(ctx, `SELECT j.id, j.kind, j.state, j.attempt, j.max_attempts, j.created_at, j.scheduled_at,
			coalesce(j.attempted_at, 'epoch'), coalesce(j.finalized_at, 'epoch'),
			coalesce(array_to_string(array(SELECT to_char((x->>'at')::timestamptz, 'HH24:MI:SS.MS') || ' #' || (x->>'attempt') || ' ' ||
				(x->>'error') FROM unnest(j.errors) x), ' | '), '')
		FROM river_job j, editions e WHERE e.id = $1
			AND ((j.kind IN ('translate', 'check', 'publish') AND j.args->>'edition_id' = e.id::text)
				OR (j.kind = 'fanout' AND j.args->>'article_id' = e.article_id::text))
		ORDER BY j.id`, edition)
	if err != nil {
		return fmt.Sprintf(" jobs: %v", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var kind, state, errs string
		var attempt, maxAttempts int
		var created, scheduled, attempted, finalized time.Time
		if err := rows.Scan(&id, &kind, &state, &attempt, &maxAttempts, &created, &scheduled, &attempted, &finalized, &errs); err != nil {
			return b.String() + fmt.Sprintf(" jobs: %v", err)
		}
		fmt.Fprintf(&b, "\n        job %d %s %s attempt %d/%d created %s scheduled %s attempted %s finalized %s", id, kind, state,
			attempt, maxAttempts, clock(created), clock(scheduled), clock(attempted), clock(finalized))
		if errs != "" {
			fmt.Fprintf(&b, " errors: %.600s", errs)
		}
	}
	return b.String()
}

func clock(t time.Time) string {
	if t.Unix() <= 0 {
		return "-"
	}
	return t.Local().Format("15:04:05.000")
}
