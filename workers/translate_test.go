package workers

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivertest"

	"github.com/tilmash/tilmash/internal/postgres"
	"github.com/tilmash/tilmash/internal/postgres/postgrestest"
	"github.com/tilmash/tilmash/pipeline"
)

func TestMain(m *testing.M) { postgrestest.Main(m) }

// fakeTranslator upper-cases texts and records what it was sent; failOn makes the n-th call
// (from 1) fail with err.
type fakeTranslator struct {
	mu     sync.Mutex
	sent   []string
	calls  int
	failOn int
	err    error
}

func (f *fakeTranslator) Name() string { return "fake" }

func (f *fakeTranslator) Translate(_ context.Context, req pipeline.TranslateRequest) ([]string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	if f.calls == f.failOn {
		return nil, f.err
	}
	f.sent = append(f.sent, req.Texts...)
	out := make([]string, len(req.Texts))
	for i, t := range req.Texts {
		out[i] = strings.ToUpper(t)
	}
	return out, nil
}

func noFindings(pipeline.CheckUnit) []pipeline.Finding { return nil }

type fixture struct {
	db      *postgres.DB
	article pipeline.Article
	ru      pipeline.EditionContent
}

func setup(t *testing.T, paragraphs int) fixture {
	t.Helper()
	db := postgrestest.Store(t)
	var ps []string
	for i := range paragraphs {
		// Sentences unique to the test: the memory is shared by the package's tests.
		ps = append(ps, fmt.Sprintf("%s sentence number %d.", t.Name(), i))
	}
	a, err := db.CreateArticle(context.Background(), postgrestest.NewArticle(pipeline.English, "", "Workers "+t.Name(), ps...))
	if err != nil {
		t.Fatal(err)
	}
	c, err := db.FindEditionContent(context.Background(), a.ID, pipeline.Russian)
	if err != nil {
		t.Fatal(err)
	}
	return fixture{db: db, article: a, ru: c}
}

func (f fixture) work(t *testing.T, tr pipeline.Translator, batch int) (*rivertest.WorkResult, error) {
	t.Helper()
	cfg := Config{Store: f.db, Check: noFindings, BatchSize: batch,
		Route: func(pipeline.Lang, pipeline.Lang) (pipeline.Translator, bool) { return tr, true }}
	w := rivertest.NewWorker(t, riverpgxv5.New(nil), &river.Config{}, &TranslateWorker{cfg: withDefaults(cfg)})
	tx, err := postgrestest.Pool(t).Begin(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tx.Rollback(context.Background()) })
	return w.Work(context.Background(), t, tx, pipeline.TranslateJob{EditionID: f.ru.Edition.ID, RevisionID: f.article.RevisionID},
		&river.InsertOpts{MaxAttempts: 3})
}

func (f fixture) content(t *testing.T) pipeline.EditionContent {
	t.Helper()
	c, err := f.db.FindEditionContent(context.Background(), f.article.ID, pipeline.Russian)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestTranslateFillsDraftsAndQueuesCheck(t *testing.T) {
	t.Parallel()
	f := setup(t, 7)
	tr := &fakeTranslator{}
	res, err := f.work(t, tr, 3)
	if err != nil || res.EventKind != river.EventKindJobCompleted {
		t.Fatalf("work: %v %v", res, err)
	}
	if tr.calls != 3 { // 8 segments in batches of 3
		t.Errorf("translator called %d times, want 3", tr.calls)
	}
	for _, s := range f.content(t).Segments {
		got := f.content(t).Translations[s.ID]
		if got.Text != strings.ToUpper(s.Text) || got.State != pipeline.SegmentDraft || got.Origin != "mt:fake" {
			t.Errorf("segment %d: %+v", s.Position, got)
		}
	}
	if n := postgrestest.CountJobs(t, "check", "edition_id", f.ru.Edition.ID); n != 1 {
		t.Errorf("check jobs = %d, want 1", n)
	}
}

func TestTranslateResumesWhereItStoppedAndSkipsHumanWork(t *testing.T) {
	t.Parallel()
	f := setup(t, 5)
	ctx := context.Background()
	human := f.ru.Segments[5]
	if _, err := f.db.SaveSegment(ctx, pipeline.SegmentUpdate{EditionID: f.ru.Edition.ID, SegmentID: human.ID,
		Text: "Человек", BaseVersion: f.ru.Translations[human.ID].Version, Confirm: true, User: "olga"}); err != nil {
		t.Fatal(err)
	}
	flaky := &fakeTranslator{failOn: 2, err: &pipeline.Error{Code: pipeline.CodeUnavailable, MessageID: "error.provider_unavailable", Err: errors.New("503")}}
	res, err := f.work(t, flaky, 2)
	if err == nil || res.EventKind == river.EventKindJobCompleted {
		t.Fatalf("a failing batch completed the job: %v", err)
	}
	filled := 0
	for _, tr := range f.content(t).Translations {
		if tr.State == pipeline.SegmentDraft {
			filled++
		}
	}
	if filled != 2 {
		t.Fatalf("after the failure %d drafts were kept, want the first batch's 2", filled)
	}
	again := &fakeTranslator{}
	if _, err := f.work(t, again, 2); err != nil {
		t.Fatal(err)
	}
	if len(again.sent) != 3 { // 6 segments: 2 done, 1 human, 3 left
		t.Fatalf("the rerun sent %d texts (%q), want 3", len(again.sent), again.sent)
	}
	for _, s := range again.sent {
		if s == human.Text {
			t.Fatal("a confirmed segment was sent to machine translation")
		}
	}
	if got := f.content(t).Translations[human.ID]; got.Text != "Человек" || got.State != pipeline.SegmentConfirmed {
		t.Fatalf("the confirmed segment became %+v", got)
	}
}

func TestTranslateSnoozesOnRateLimit(t *testing.T) {
	t.Parallel()
	f := setup(t, 2)
	tr := &fakeTranslator{failOn: 1, err: &pipeline.Error{Code: pipeline.CodeRateLimited, RetryAfter: 42 * time.Second}}
	res, err := f.work(t, tr, 10)
	if err != nil {
		t.Fatal(err)
	}
	if res.EventKind != river.EventKindJobSnoozed {
		t.Fatalf("event = %s, want snoozed", res.EventKind)
	}
	if until := time.Until(res.Job.ScheduledAt); until < 30*time.Second || until > 45*time.Second {
		t.Errorf("snoozed for %v, want about 42s", until)
	}
	if e := f.content(t).Edition; e.State != pipeline.StateTranslating {
		t.Errorf("edition is %s", e.State)
	}
}

func TestTranslateFailsFastOnBadCredentials(t *testing.T) {
	t.Parallel()
	f := setup(t, 2)
	tr := &fakeTranslator{failOn: 1, err: &pipeline.Error{Code: pipeline.CodeAuth, MessageID: "error.provider_auth", Err: errors.New("403")}}
	res, err := f.work(t, tr, 10)
	if err != nil || res.EventKind != river.EventKindJobCancelled {
		t.Fatalf("event = %v, %v; want cancelled at once, not retried", res, err)
	}
	if tr.calls != 1 {
		t.Errorf("the translator was called %d times after rejecting the key, want once", tr.calls)
	}
	e := f.content(t).Edition
	if e.State != pipeline.StateFailed || e.FailureReason != "error.provider_auth" || e.FailureCode != string(pipeline.CodeAuth) {
		t.Fatalf("edition = %s (%s %s), want failed with the provider's reason", e.State, e.FailureCode, e.FailureReason)
	}
	if err := f.db.RetryEdition(context.Background(), e.ID, "editor"); err != nil {
		t.Fatal(err)
	}
	if e := f.content(t).Edition; e.State != pipeline.StateTranslating || e.FailureReason != "" {
		t.Fatalf("after retry: %s %q", e.State, e.FailureReason)
	}
}
