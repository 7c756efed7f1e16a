package postgres_test

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/tilmash/tilmash/internal/postgres"
	"github.com/tilmash/tilmash/internal/postgres/postgrestest"
	"github.com/tilmash/tilmash/pipeline"
)

func TestMain(m *testing.M) { postgrestest.Main(m) }

var slugSeq atomic.Int64

func uniqueSlug(prefix string) string {
	return fmt.Sprintf("%s-%d-%d", prefix, time.Now().UnixNano()%1e9, slugSeq.Add(1))
}

// setup stores a fresh English article with three sentences.
func setup(t *testing.T) (*postgres.DB, pipeline.Article) {
	t.Helper()
	db := postgrestest.Store(t)
	a, err := db.CreateArticle(context.Background(), postgrestest.NewArticle(pipeline.English, uniqueSlug("a"), "A title",
		"First sentence with 45% growth.", "Second sentence.", "Third sentence."))
	if err != nil {
		t.Fatal(err)
	}
	return db, a
}

func edition(t *testing.T, db *postgres.DB, a pipeline.Article, lang pipeline.Lang) pipeline.EditionContent {
	t.Helper()
	c, err := db.FindEditionContent(context.Background(), a.ID, lang)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCreateArticleStoresEverythingWithItsJob(t *testing.T) {
	t.Parallel()
	db, a := setup(t)
	eds, err := db.FindEditions(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(eds) != 4 {
		t.Fatalf("got %d editions, want 4", len(eds))
	}
	for i, e := range eds {
		if e.Lang != pipeline.Languages[i] || e.State != pipeline.StateTranslating || e.Segments != 4 {
			t.Errorf("edition %d = %s %s with %d segments", i, e.Lang, e.State, e.Segments)
		}
		if e.IsSource != (e.Lang == pipeline.English) {
			t.Errorf("edition %s: is_source = %v", e.Lang, e.IsSource)
		}
	}
	if n := postgrestest.CountJobs(t, "fanout", "article_id", a.ID); n != 1 {
		t.Fatalf("fanout jobs for the article = %d, want 1", n)
	}
	if a.Title != "A title" {
		t.Errorf("title = %q", a.Title)
	}
}

// failingQueue refuses every job, like a queue that is down.
type failingQueue struct{}

func (failingQueue) InsertTx(context.Context, pgx.Tx, river.JobArgs, *river.InsertOpts) (*rivertype.JobInsertResult, error) {
	return nil, errors.New("queue is down")
}

func TestCreateArticleStoresNothingWhenTheJobCannotBeQueued(t *testing.T) {
	t.Parallel()
	db := postgres.New(postgrestest.Pool(t))
	db.UseQueue(failingQueue{})
	slug := uniqueSlug("nojob")
	if _, err := db.CreateArticle(context.Background(), postgrestest.NewArticle(pipeline.Russian, slug, "Заголовок", "Текст.")); err == nil {
		t.Fatal("CreateArticle succeeded without its job")
	}
	if n := postgrestest.QueryInt(t, `SELECT count(*) FROM articles WHERE slug = $1`, slug); n != 0 {
		t.Fatalf("found %d articles after a failed ingest", n)
	}
}

func TestSlugs(t *testing.T) {
	t.Parallel()
	db := postgrestest.Store(t)
	ctx := context.Background()
	slug := uniqueSlug("s")
	if _, err := db.CreateArticle(ctx, postgrestest.NewArticle(pipeline.English, slug, "T", "x.")); err != nil {
		t.Fatal(err)
	}
	_, err := db.CreateArticle(ctx, postgrestest.NewArticle(pipeline.English, slug, "T", "x."))
	if pipeline.ErrorCode(err) != pipeline.CodeConflict {
		t.Fatalf("second article with slug %s: err = %v, want a conflict", slug, err)
	}
	title := "Derived " + uniqueSlug("title")
	a1, err := db.CreateArticle(ctx, postgrestest.NewArticle(pipeline.English, "", title, "x."))
	if err != nil {
		t.Fatal(err)
	}
	a2, err := db.CreateArticle(ctx, postgrestest.NewArticle(pipeline.English, "", title, "x."))
	if err != nil {
		t.Fatal(err)
	}
	if a1.Slug != pipeline.Slugify(title) || a2.Slug != a1.Slug+"-2" {
		t.Fatalf("derived slugs %q and %q", a1.Slug, a2.Slug)
	}
}

func TestFanOutQueuesOneTranslateJobPerTargetOnce(t *testing.T) {
	t.Parallel()
	db, a := setup(t)
	ctx := context.Background()
	for range 2 { // a duplicated job must not queue twice
		if _, err := db.FanOut(ctx, a.ID, a.RevisionID); err != nil {
			t.Fatal(err)
		}
	}
	for _, lang := range []pipeline.Lang{pipeline.Russian, pipeline.Kazakh, pipeline.Chinese} {
		e := edition(t, db, a, lang).Edition
		if n := postgrestest.CountJobs(t, "translate", "edition_id", e.ID); n != 1 {
			t.Errorf("%s: %d translate jobs, want 1", lang, n)
		}
	}
	if src := edition(t, db, a, pipeline.English).Edition; src.State != pipeline.StateAwaitingApproval {
		t.Errorf("source edition is %s, want awaiting_approval", src.State)
	}
}

func TestDraftsNeverOverwriteHumanWork(t *testing.T) {
	t.Parallel()
	db, a := setup(t)
	ctx := context.Background()
	c := edition(t, db, a, pipeline.Russian)
	s0, s1 := c.Segments[0].ID, c.Segments[1].ID
	if _, err := db.SaveSegment(ctx, pipeline.SegmentUpdate{EditionID: c.Edition.ID, SegmentID: s0,
		Text: "Заголовок", BaseVersion: 1, Confirm: true, User: "olga"}); err != nil {
		t.Fatal(err)
	}
	n, err := db.SaveDrafts(ctx, c.Edition.ID, a.RevisionID, []pipeline.Draft{
		{SegmentID: s0, Text: "machine", Origin: "mt:x"}, {SegmentID: s1, Text: "машина", Origin: "mt:x"}})
	if err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Fatalf("filled %d segments, want 1", n)
	}
	tr := edition(t, db, a, pipeline.Russian).Translations
	if got := tr[s0]; got.Text != "Заголовок" || got.State != pipeline.SegmentConfirmed || got.Origin != pipeline.OriginHuman {
		t.Errorf("confirmed segment became %+v", got)
	}
	if got := tr[s1]; got.Text != "машина" || got.State != pipeline.SegmentDraft || got.Origin != "mt:x" {
		t.Errorf("empty segment became %+v", got)
	}
	// A second run fills nothing: segments already filled are not sent or written again.
	if n, _ := db.SaveDrafts(ctx, c.Edition.ID, a.RevisionID, []pipeline.Draft{{SegmentID: s1, Text: "другое", Origin: "mt:y"}}); n != 0 {
		t.Errorf("refilled %d segments", n)
	}
}

func TestConcurrentSavesConflictInsteadOfOverwriting(t *testing.T) {
	t.Parallel()
	db, a := setup(t)
	ctx := context.Background()
	c := edition(t, db, a, pipeline.Kazakh)
	seg := c.Segments[1].ID
	base := c.Translations[seg].Version
	if _, err := db.SaveSegment(ctx, pipeline.SegmentUpdate{EditionID: c.Edition.ID, SegmentID: seg,
		Text: "Біріншісі", BaseVersion: base, User: "aigerim"}); err != nil {
		t.Fatal(err)
	}
	_, err := db.SaveSegment(ctx, pipeline.SegmentUpdate{EditionID: c.Edition.ID, SegmentID: seg,
		Text: "Екіншісі", BaseVersion: base, User: "dana"})
	var pe *pipeline.Error
	if !errors.As(err, &pe) || pe.Code != pipeline.CodeConflict {
		t.Fatalf("stale save: err = %v, want a conflict", err)
	}
	if pe.Data["Text"] != "Біріншісі" || pe.Data["By"] != "aigerim" {
		t.Errorf("conflict carries %v, want the current text and author", pe.Data)
	}
	if got := edition(t, db, a, pipeline.Kazakh).Translations[seg]; got.Text != "Біріншісі" || got.Version != base+1 {
		t.Errorf("segment is %+v after the conflict", got)
	}
	hist, err := db.FindSegmentHistory(ctx, c.Edition.ID, seg)
	if err != nil || len(hist) != 1 || hist[0].UpdatedBy != "aigerim" {
		t.Errorf("history = %+v, %v", hist, err)
	}
}

func TestReviewApprovePublish(t *testing.T) {
	t.Parallel()
	db, a := setup(t)
	ctx := context.Background()
	c := edition(t, db, a, pipeline.Chinese)
	id := c.Edition.ID
	if err := db.SubmitEdition(ctx, id, "li"); pipeline.ErrorCode(err) != pipeline.CodeIllegalState {
		t.Fatalf("submitting a translating edition: %v", err)
	}
	if err := db.FinishTranslation(ctx, id, a.RevisionID); err != nil {
		t.Fatal(err)
	}
	if n := postgrestest.CountJobs(t, "check", "edition_id", id); n != 1 {
		t.Fatalf("check jobs = %d", n)
	}
	blocking := pipeline.Finding{SegmentID: c.Segments[1].ID, Check: "number", Severity: pipeline.SeverityError, MessageID: "check.number.missing"}
	if err := db.CompleteCheck(ctx, id, a.RevisionID, []pipeline.Finding{blocking}); err != nil {
		t.Fatal(err)
	}
	if e := edition(t, db, a, pipeline.Chinese).Edition; e.State != pipeline.StateInReview || e.Findings != 1 {
		t.Fatalf("after check: %s with %d findings", e.State, e.Findings)
	}
	texts := []string{"标题", "第一句，增长45%。", "第二句。", "第三句。"}
	for i, s := range c.Segments {
		if _, err := db.SaveSegment(ctx, pipeline.SegmentUpdate{EditionID: id, SegmentID: s.ID, Text: texts[i],
			BaseVersion: c.Translations[s.ID].Version, Confirm: i != 3, User: "li"}); err != nil {
			t.Fatal(err)
		}
	}
	err := db.SubmitEdition(ctx, id, "li")
	var pe *pipeline.Error
	if !errors.As(err, &pe) || pe.MessageID != "error.submit_unconfirmed" || pe.Data["Count"] != 1 {
		t.Fatalf("submit with an unconfirmed segment: %v", err)
	}
	last := c.Segments[3]
	if _, err := db.SaveSegment(ctx, pipeline.SegmentUpdate{EditionID: id, SegmentID: last.ID, Text: texts[3],
		BaseVersion: c.Translations[last.ID].Version + 1, Confirm: true, User: "li"}); err != nil {
		t.Fatal(err)
	}
	if err := db.SubmitEdition(ctx, id, "li"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ApproveEdition(ctx, id, pipeline.Approval{Actor: "editor"}); err != nil {
		t.Fatal(err)
	}
	e := edition(t, db, a, pipeline.Chinese).Edition
	if e.State != pipeline.StateApproved || e.Release != 1 || releaseJobs(t, id) != 1 {
		t.Fatalf("after approval: %s release %d", e.State, e.Release)
	}
	stale := pipeline.PublishedVersion{EditionID: id, Release: 0, RevisionID: a.RevisionID, Title: "x", HTML: "<p>x</p>"}
	if done, err := db.SavePublication(ctx, stale); err != nil || done {
		t.Fatalf("publication of an old release: done=%v err=%v", done, err)
	}
	v := pipeline.PublishedVersion{EditionID: id, Release: 1, RevisionID: a.RevisionID, Title: "标题", HTML: "<p>第一句。</p>"}
	if done, err := db.SavePublication(ctx, v); err != nil || !done {
		t.Fatalf("publication: done=%v err=%v", done, err)
	}
	if done, _ := db.SavePublication(ctx, v); done {
		t.Fatal("a duplicated publish job published twice")
	}
	live, err := db.FindLiveVersion(ctx, pipeline.Chinese, a.Slug)
	if err != nil || live.Title != "标题" || live.ApprovedBy != "editor" {
		t.Fatalf("live version = %+v, %v", live, err)
	}
	if _, err := db.FindLiveVersion(ctx, pipeline.Russian, a.Slug); pipeline.ErrorCode(err) != pipeline.CodeNotFound {
		t.Fatalf("an unpublished edition is readable: %v", err)
	}
	trail, err := db.FindAudit(ctx, a.ID)
	if err != nil || len(trail) < 4 {
		t.Fatalf("audit trail has %d entries, %v", len(trail), err)
	}
}

// releaseJobs counts the release jobs that publish an edition.
func releaseJobs(t *testing.T, editionID int64) int {
	t.Helper()
	return postgrestest.QueryInt(t, `SELECT count(*) FROM river_job j
		JOIN release_editions r ON (j.args->>'release_id')::bigint = r.release_id
		WHERE j.kind = 'release' AND r.edition_id = $1`, editionID)
}

func TestEmbargoedEditionIsNotLive(t *testing.T) {
	t.Parallel()
	db, a := setup(t)
	ctx := context.Background()
	if _, err := db.FanOut(ctx, a.ID, a.RevisionID); err != nil {
		t.Fatal(err)
	}
	src := edition(t, db, a, pipeline.English).Edition
	at := time.Now().Add(time.Hour)
	e, err := db.ApproveEdition(ctx, src.ID, pipeline.Approval{Actor: "editor", PublishAt: &at})
	if err != nil {
		t.Fatal(err)
	}
	if e.PublishAt == nil || e.PublishAt.Sub(at).Abs() >= time.Microsecond { // PostgreSQL keeps microseconds
		t.Errorf("publish_at = %v", e.PublishAt)
	}
	if _, err := db.FindLiveVersion(ctx, pipeline.English, a.Slug); pipeline.ErrorCode(err) != pipeline.CodeNotFound {
		t.Fatalf("an embargoed edition is readable: %v", err)
	}
	var scheduled time.Time
	if err := postgrestest.Pool(t).QueryRow(ctx, `SELECT j.scheduled_at FROM river_job j
		JOIN release_editions r ON (j.args->>'release_id')::bigint = r.release_id WHERE j.kind = 'release' AND r.edition_id = $1`,
		src.ID).Scan(&scheduled); err != nil {
		t.Fatal(err)
	}
	if scheduled.Sub(at).Abs() > time.Second {
		t.Errorf("publish job scheduled at %v, want %v", scheduled, at)
	}
}

func TestUsersAndTokens(t *testing.T) {
	t.Parallel()
	db := postgrestest.Store(t)
	ctx := context.Background()
	name := fmt.Sprintf("tr%d", slugSeq.Add(1))
	u, err := db.CreateUser(ctx, pipeline.User{Name: name, Role: pipeline.RoleTranslator, Langs: []pipeline.Lang{pipeline.Kazakh}}, "hash")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateUser(ctx, pipeline.User{Name: name, Role: pipeline.RoleEditor}, "h"); pipeline.ErrorCode(err) != pipeline.CodeConflict {
		t.Fatalf("duplicate user: %v", err)
	}
	token, err := db.CreateToken(ctx, name)
	if err != nil {
		t.Fatal(err)
	}
	got, err := db.FindUserByToken(ctx, token)
	if err != nil || got.ID != u.ID || !got.CanEdit(pipeline.Kazakh) || got.CanEdit(pipeline.Russian) {
		t.Fatalf("user by token = %+v, %v", got, err)
	}
	if n := postgrestest.QueryInt(t, `SELECT count(*) FROM api_tokens WHERE token_hash = convert_to($1, 'UTF8')`, token); n != 0 {
		t.Fatal("the token is stored in clear")
	}
	if _, err := db.FindUserByToken(ctx, token+"x"); pipeline.ErrorCode(err) != pipeline.CodeNotFound {
		t.Fatalf("wrong token: %v", err)
	}
}

func TestDismissedFindingStaysDismissedUntilTheTextChanges(t *testing.T) {
	t.Parallel()
	db, a := setup(t)
	ctx := context.Background()
	c := edition(t, db, a, pipeline.Russian)
	seg := c.Segments[1]
	if _, err := db.SaveDrafts(ctx, c.Edition.ID, a.RevisionID, []pipeline.Draft{{SegmentID: seg.ID, Text: "Первое предложение, рост 45%.", Origin: "mt:x"}}); err != nil {
		t.Fatal(err)
	}
	f := pipeline.Finding{SegmentID: seg.ID, Check: "spelling", Severity: pipeline.SeverityWarning, MessageID: "check.spelling.unknown"}
	if err := db.CompleteCheck(ctx, c.Edition.ID, a.RevisionID, []pipeline.Finding{f}); err != nil {
		t.Fatal(err)
	}
	found, _ := db.FindFindings(ctx, c.Edition.ID)
	if len(found) != 1 {
		t.Fatalf("%d findings", len(found))
	}
	if err := db.DismissFinding(ctx, c.Edition.ID, found[0].ID, "olga", "a proper name"); err != nil {
		t.Fatal(err)
	}
	// The same finding on the same text stays dismissed when the checks run again.
	if err := db.CompleteCheck(ctx, c.Edition.ID, a.RevisionID, []pipeline.Finding{f}); err != nil {
		t.Fatal(err)
	}
	found, _ = db.FindFindings(ctx, c.Edition.ID)
	if len(found) != 1 || !found[0].Dismissed || found[0].Reason != "a proper name" {
		t.Fatalf("after a re-check: %+v", found)
	}
	counts, err := db.CountFindings(ctx, c.Edition.ID)
	if err != nil || len(counts) != 1 || counts[0].Open != 0 || counts[0].Dismissed != 1 {
		t.Fatalf("counts %+v, %v", counts, err)
	}
	// A new text brings the finding back.
	cur := edition(t, db, a, pipeline.Russian).Translations[seg.ID]
	if _, err := db.SaveSegment(ctx, pipeline.SegmentUpdate{EditionID: c.Edition.ID, SegmentID: seg.ID,
		Text: "Первое предложение, рост 45 %.", BaseVersion: cur.Version, User: "olga", Findings: []pipeline.Finding{f}}); err != nil {
		t.Fatal(err)
	}
	found, _ = db.FindFindings(ctx, c.Edition.ID)
	if len(found) != 1 || found[0].Dismissed {
		t.Fatalf("after the text changed: %+v", found)
	}
}
