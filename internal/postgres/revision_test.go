package postgres_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/tilmash/tilmash/internal/postgres"
	"github.com/tilmash/tilmash/internal/postgres/postgrestest"
	"github.com/tilmash/tilmash/pipeline"
)

const (
	revTitle = "Party cooperation in Central Asia"
	revS1    = "China has strengthened its position in Central Asia."
	revS2    = "Party cooperation is the main tool of this policy."
	revS3    = "Joint programmes train personnel and exchange practices."
	revS4    = "Thus party diplomacy became a pillar of the relationship."
	revS5    = "Experts expect the cooperation to deepen."
)

// revision builds a new revision of an article from a title and one sentence per paragraph.
func revision(articleID int64, minor bool, title string, sentences ...string) pipeline.NewRevision {
	na := postgrestest.NewArticle("", "", title, sentences...)
	na.Request.CreatedBy = "editor"
	return pipeline.NewRevision{ArticleID: articleID, Request: na.Request, Doc: na.Doc, Segments: na.Segments, Minor: minor}
}

// confirmAll confirms every segment of an edition with "<lang>:" and its source text, unless it
// is confirmed already.
func confirmAll(t *testing.T, db *postgres.DB, a pipeline.Article, lang pipeline.Lang) pipeline.EditionContent {
	t.Helper()
	ctx := context.Background()
	c := edition(t, db, a, lang)
	for _, s := range c.Segments {
		tr := c.Translations[s.ID]
		if tr.State == pipeline.SegmentConfirmed {
			continue
		}
		if _, err := db.SaveSegment(ctx, pipeline.SegmentUpdate{EditionID: c.Edition.ID, SegmentID: s.ID,
			Text: string(lang) + ":" + s.Text, BaseVersion: tr.Version, Confirm: true, User: "olga"}); err != nil {
			t.Fatal(err)
		}
	}
	return edition(t, db, a, lang)
}

// publishAll takes every edition of a new article through review and approval to publication.
func publishAll(t *testing.T, db *postgres.DB, a pipeline.Article) {
	t.Helper()
	ctx := context.Background()
	if _, err := db.FanOut(ctx, a.ID, a.RevisionID); err != nil {
		t.Fatal(err)
	}
	for _, lang := range pipeline.Languages {
		c := edition(t, db, a, lang)
		if !c.Edition.IsSource {
			c = confirmAll(t, db, a, lang)
			if err := db.CompleteCheck(ctx, c.Edition.ID, c.Edition.RevisionID, nil); err != nil {
				t.Fatal(err)
			}
			if err := db.SubmitEdition(ctx, c.Edition.ID, "olga"); err != nil {
				t.Fatal(err)
			}
		}
		e, err := db.ApproveEdition(ctx, c.Edition.ID, pipeline.Approval{Actor: "editor"})
		if err != nil {
			t.Fatal(err)
		}
		if ok, err := db.SavePublication(ctx, pipeline.PublishedVersion{EditionID: e.ID, ArticleID: a.ID, Lang: lang,
			Title: "T", HTML: "<p>published</p>", RevisionID: e.RevisionID, Release: e.Release}); err != nil || !ok {
			t.Fatalf("publish %s: %v %v", lang, ok, err)
		}
	}
}

func bySource(c pipeline.EditionContent) map[string]pipeline.SegmentTranslation {
	out := map[string]pipeline.SegmentTranslation{}
	for _, s := range c.Segments {
		out[s.Text] = c.Translations[s.ID]
	}
	return out
}

func TestRevisionOfPublishedArticle(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := postgrestest.Store(t)
	a, err := db.CreateArticle(ctx, postgrestest.NewArticle(pipeline.English, uniqueSlug("rev"), revTitle, revS1, revS2, revS3, revS4))
	if err != nil {
		t.Fatal(err)
	}
	publishAll(t, db, a)
	before := edition(t, db, a, pipeline.Russian)
	oldSeg := map[string]int64{}
	for _, s := range before.Segments {
		oldSeg[s.Text] = s.ID
	}

	s2fixed := strings.Replace(revS2, "main", "principal", 1)
	res, err := db.CreateRevision(ctx, revision(a.ID, false, revTitle, revS1, s2fixed, revS5, revS4))
	if err != nil {
		t.Fatal(err)
	}
	if !res.Changed || res.Revision.Number != 2 || !res.Revision.Current || res.Revision.CreatedBy != "editor" {
		t.Fatalf("revision = %+v", res.Revision)
	}
	if want := (pipeline.AlignSummary{Unchanged: 3, Changed: 1, Added: 1, Removed: 1}); res.Revision.Summary != want {
		t.Errorf("summary = %+v, want %+v", res.Revision.Summary, want)
	}

	// Editions: the source goes to approval, translations back to work; the old versions stay live.
	want := map[pipeline.Lang]pipeline.EditionState{pipeline.English: pipeline.StateAwaitingApproval,
		pipeline.Russian: pipeline.StateTranslating, pipeline.Kazakh: pipeline.StateTranslating, pipeline.Chinese: pipeline.StateTranslating}
	eds, err := db.FindEditions(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range eds {
		if e.State != want[e.Lang] || e.RevisionID != res.Revision.ID || e.LiveVersionID == nil {
			t.Errorf("%s: %s on revision %d, live %v; want %s on %d, still live", e.Lang, e.State, e.RevisionID,
				e.LiveVersionID != nil, want[e.Lang], res.Revision.ID)
		}
		if e.Segments != 5 || (!e.IsSource && e.Confirmed != 3) {
			t.Errorf("%s: %d segments, %d confirmed; want 5 and 3", e.Lang, e.Segments, e.Confirmed)
		}
		if !e.IsSource && postgrestest.CountJobs(t, "translate", "revision_id", res.Revision.ID) != 3 {
			t.Errorf("translate jobs for the new revision: %d, want 3", postgrestest.CountJobs(t, "translate", "revision_id", res.Revision.ID))
		}
	}
	audit, err := db.FindAudit(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	outdated := 0
	for _, en := range audit {
		if en.Action == "edition.outdated" && en.From == "published" && en.To == "outdated" {
			outdated++
		}
	}
	if outdated != 4 {
		t.Errorf("%d editions went from published to outdated, want 4", outdated)
	}

	// Translations: unchanged and moved keep everything; the changed one is empty again with its
	// old text kept; the new one is empty.
	after := edition(t, db, a, pipeline.Russian)
	old, now := bySource(before), bySource(after)
	for _, s := range []string{revTitle, revS1, revS4} {
		o, n := old[s], now[s]
		if n.Text != o.Text || n.State != pipeline.SegmentConfirmed || n.Version != o.Version || n.UpdatedBy != o.UpdatedBy || n.Origin != o.Origin {
			t.Errorf("unchanged %q: %+v, was %+v", s, n, o)
		}
	}
	if n := now[s2fixed]; n.State != pipeline.SegmentEmpty || n.Text != "ru:"+revS2 || n.Version != old[revS2].Version+1 {
		t.Errorf("changed segment: %+v", n)
	}
	if n := now[revS5]; n.State != pipeline.SegmentEmpty || n.Text != "" {
		t.Errorf("added segment: %+v", n)
	}
	changes, err := db.FindSegmentChanges(ctx, after.Edition.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(changes) != 1 || changes[0].PrevSource != revS2 || changes[0].Source != s2fixed || changes[0].PrevTarget != "ru:"+revS2 ||
		changes[0].PrevState != pipeline.SegmentConfirmed || changes[0].PrevSegmentID != oldSeg[revS2] || changes[0].Minor {
		t.Errorf("changes = %+v", changes)
	}
	var newS1 int64
	for _, s := range after.Segments {
		if s.Text == revS1 {
			newS1 = s.ID
		}
	}
	hist, err := db.FindSegmentHistory(ctx, after.Edition.ID, newS1)
	if err != nil || len(hist) == 0 || hist[len(hist)-1].Text != "ru:"+revS1 {
		t.Errorf("the history of an unchanged segment did not follow it: %v %v", hist, err)
	}

	// A save aimed at the old revision conflicts and says where the sentence went.
	for _, tt := range []struct {
		source string
		kind   string
		target string
	}{{revS2, "changed", s2fixed}, {revS3, "removed", ""}, {revS1, "unchanged", revS1}} {
		_, err := db.SaveSegment(ctx, pipeline.SegmentUpdate{EditionID: after.Edition.ID, SegmentID: oldSeg[tt.source],
			Text: "late text", BaseVersion: old[tt.source].Version, User: "olga"})
		var pe *pipeline.Error
		if !errors.As(err, &pe) || pe.Code != pipeline.CodeConflict || pe.MessageID != "error.source_changed" ||
			pe.Data["Kind"] != tt.kind || pe.Data["Source"] != tt.target {
			t.Errorf("save on the old %q: %v %+v", tt.source, err, pe)
		}
	}

	// History of revisions, with the alignment of each.
	revs, err := db.FindRevisions(ctx, a.ID)
	if err != nil || len(revs) != 2 || revs[0].Number != 2 || revs[1].Number != 1 || revs[1].Current {
		t.Fatalf("revisions = %+v, %v", revs, err)
	}
	d, err := db.FindRevision(ctx, a.ID, 2)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, p := range d.Alignment {
		kinds = append(kinds, string(p.Kind))
	}
	if got := strings.Join(kinds, " "); got != "unchanged unchanged changed removed added unchanged" {
		t.Errorf("alignment = %s", got)
	}
	d1, err := db.FindRevision(ctx, a.ID, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range d1.Editions {
		if e.Confirmed != 5 || len(e.Published) != 1 {
			t.Errorf("revision 1, %s: %d confirmed, published %v; want 5 and one version", e.Lang, e.Confirmed, e.Published)
		}
	}
}

func TestRevisionMinorEditKeepsTranslationsConfirmed(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := postgrestest.Store(t)
	a, err := db.CreateArticle(ctx, postgrestest.NewArticle(pipeline.English, uniqueSlug("minor"), revTitle, revS1, revS2))
	if err != nil {
		t.Fatal(err)
	}
	publishAll(t, db, a)
	typo := strings.Replace(revS2, "policy.", "policy!", 1)
	res, err := db.CreateRevision(ctx, revision(a.ID, true, revTitle, revS1, typo))
	if err != nil {
		t.Fatal(err)
	}
	if !res.Revision.Minor {
		t.Error("the revision does not record the minor edit")
	}
	for _, e := range res.Editions {
		if e.To != pipeline.StateAwaitingApproval || e.Queued || !e.LiveStayed {
			t.Errorf("%s: %+v; want awaiting approval without a job, the old version live", e.Lang, e)
		}
	}
	c := edition(t, db, a, pipeline.Kazakh)
	if tr := bySource(c)[typo]; tr.State != pipeline.SegmentConfirmed || tr.Text != "kk:"+revS2 {
		t.Errorf("minor edit: %+v", tr)
	}
	changes, err := db.FindSegmentChanges(ctx, c.Edition.ID)
	if err != nil || len(changes) != 1 || !changes[0].Minor {
		t.Errorf("changes = %+v %v", changes, err)
	}
	audit, err := db.FindAudit(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, en := range audit {
		found = found || (en.Action == "article.revised" && en.Actor == "editor" && en.Detail["minor"] == true)
	}
	if !found {
		t.Error("the audit trail does not say the editor chose a minor edit")
	}
}

func TestRevisionRefusals(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := postgrestest.Store(t)
	a, err := db.CreateArticle(ctx, postgrestest.NewArticle(pipeline.English, uniqueSlug("same"), revTitle, revS1, revS2))
	if err != nil {
		t.Fatal(err)
	}
	res, err := db.CreateRevision(ctx, revision(a.ID, false, revTitle, revS1+"  ", revS2))
	if err != nil || res.Changed || res.Revision.Number != 1 {
		t.Fatalf("the same text stored a revision: %+v %v", res, err)
	}
	stale := revision(a.ID, false, revTitle, revS1)
	stale.BaseNumber = 7
	if _, err := db.CreateRevision(ctx, stale); pipeline.ErrorCode(err) != pipeline.CodeConflict {
		t.Errorf("a revision based on an old number: %v, want a conflict", err)
	}
	wrong := revision(a.ID, false, revTitle, revS1)
	wrong.Request.SourceLang = pipeline.Russian
	if _, err := db.CreateRevision(ctx, wrong); pipeline.ErrorCode(err) != pipeline.CodeInvalid {
		t.Errorf("a revision in another language: %v, want invalid", err)
	}
	if _, err := db.CreateRevision(ctx, revision(a.ID+1000000, false, revTitle, revS1)); pipeline.ErrorCode(err) != pipeline.CodeNotFound {
		t.Errorf("a revision of a missing article: %v, want not found", err)
	}
}

// TestRevisionWhileTranslatorsSave lands a revision while translators keep saving: every save
// either happened before it (and its text is carried over) or fails visibly; none is lost.
func TestRevisionWhileTranslatorsSave(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := postgrestest.Store(t)
	a, err := db.CreateArticle(ctx, postgrestest.NewArticle(pipeline.English, uniqueSlug("race"), revTitle, revS1, revS2, revS3, revS4))
	if err != nil {
		t.Fatal(err)
	}
	c := edition(t, db, a, pipeline.Russian)
	var wg sync.WaitGroup
	var mu sync.Mutex
	saved := map[int64]string{} // segment → last text a save reported as stored
	for _, s := range c.Segments {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v := c.Translations[s.ID].Version
			for k := range 20 {
				text := fmt.Sprintf("ru %d: %s", k, s.Text)
				res, err := db.SaveSegment(ctx, pipeline.SegmentUpdate{EditionID: c.Edition.ID, SegmentID: s.ID,
					Text: text, BaseVersion: v, User: "olga"})
				if pipeline.ErrorCode(err) == pipeline.CodeConflict {
					return // the source changed: the translator is told
				}
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				saved[s.ID] = res.Translation.Text
				mu.Unlock()
				v = res.Translation.Version
			}
		}()
	}
	if _, err := db.CreateRevision(ctx, revision(a.ID, false, revTitle, revS1, revS2+" Indeed.", revS4, revS3)); err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	after := bySource(edition(t, db, a, pipeline.Russian))
	for _, s := range c.Segments {
		want, ok := saved[s.ID]
		if !ok {
			continue
		}
		if s.Text == revS2 {
			continue // changed: its text is in the change record
		}
		if got := after[s.Text]; got.Text != want {
			t.Errorf("%q: the last stored save was %q, the new revision has %q", s.Text, want, got.Text)
		}
	}
}
