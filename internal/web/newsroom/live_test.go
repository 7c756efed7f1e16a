package newsroom

import (
	"context"
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/tilmash/tilmash/internal/web/kit/kittest"
	"github.com/tilmash/tilmash/pipeline"
)

// liveStore is the fake store whose editions and releases a test changes as the workers would.
type liveStore struct {
	fakeStore
	mu   sync.Mutex
	eds  []pipeline.Edition
	rels []pipeline.Release
}

func (s *liveStore) FindEditions(context.Context, int64) ([]pipeline.Edition, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]pipeline.Edition(nil), s.eds...), nil
}

func (s *liveStore) FindBoard(context.Context, pipeline.BoardFilter, int, int) (
	[]pipeline.Article, map[int64][]pipeline.Edition, int, error) {
	eds, _ := s.FindEditions(context.Background(), 1)
	return []pipeline.Article{article}, map[int64][]pipeline.Edition{1: eds}, 1, nil
}

func (s *liveStore) FindReleases(context.Context, int64) ([]pipeline.Release, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]pipeline.Release(nil), s.rels...), nil
}

func (s *liveStore) FindVersions(context.Context, int64) ([]pipeline.Version, error) { return nil, nil }
func (s *liveStore) FindAudit(context.Context, int64) ([]pipeline.AuditEntry, error) { return nil, nil }

func (s *liveStore) set(f func()) { s.mu.Lock(); f(); s.mu.Unlock() }

var stampAttr = regexp.MustCompile(`data-live="([^"]*)" data-stamp="([^"]*)"`)

// liveStamp reads the page's live address and stamp, and asks the live answer for the stamp now.
func liveStamp(t *testing.T, h http.Handler, page string) (pageStamp, nowStamp string) {
	t.Helper()
	m := stampAttr.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("the page carries no live stamp:\n%s", page)
	}
	rec := kittest.Do(h, "GET", strings.ReplaceAll(m[1], "&amp;", "&"), "en", "")
	var out liveJSON
	if err := json.Unmarshal(rec.Body.Bytes(), &out); rec.Code != 200 || err != nil {
		t.Fatalf("live = %d %v:\n%s", rec.Code, err, rec.Body.String())
	}
	return m[2], out.Stamp
}

// TestBoardFollowsStates: the board's stamp is the live answer's until an edition changes; a
// translating edition shows how many segments are drafted.
func TestBoardFollowsStates(t *testing.T) {
	t.Parallel()
	store := &liveStore{eds: editions()}
	store.eds[2] = pipeline.Edition{ID: 12, ArticleID: 1, Lang: pipeline.Kazakh, State: pipeline.StateTranslating, Segments: 67, Drafted: 12}
	h := newHandler(t, store, editor)
	page := kittest.Do(h, "GET", "/workbench/newsroom/?state=translating", "en", "").Body.String()
	kittest.Says(t, "board", kittest.Do(h, "GET", "/workbench/newsroom/", "en", ""), 200, "12 of 67 segments drafted", `class="nr-drafted"`)
	kittest.Says(t, "Russian board", kittest.Do(h, "GET", "/workbench/newsroom/", "ru", ""), 200, "Черновик готов для 12 из 67 сегментов")
	if !strings.Contains(page, `data-live="/workbench/newsroom/live?state=translating"`) {
		t.Fatal("the board's live address does not keep its filter")
	}
	before, now := liveStamp(t, h, page)
	if before != now {
		t.Fatalf("nothing changed but the stamp did: %s → %s", before, now)
	}
	store.set(func() { store.eds[2].Drafted = 13 })
	if _, now = liveStamp(t, h, page); now == before {
		t.Error("a drafted segment does not change the board's stamp")
	}
	store.set(func() { store.eds[2].State, store.eds[2].Drafted = pipeline.StateInReview, 67 })
	if _, after := liveStamp(t, h, page); after == now || after == before {
		t.Error("a change of state does not change the board's stamp")
	}
	// The review page's stamp is its edition's, as the live answer reads it.
	review := kittest.Do(h, "GET", "/workbench/newsroom/articles/1/editions/ru/", "en", "").Body.String()
	if before, now := liveStamp(t, h, review); before != now {
		t.Errorf("the review page's stamp %s is not the live answer's %s", before, now)
	}
	kittest.Says(t, "a review of an unknown language", kittest.Do(h, "GET", "/workbench/newsroom/live?article=1&lang=xx", "en", ""), http.StatusNotFound)
	kittest.Says(t, "a bad filter", kittest.Do(h, "GET", "/workbench/newsroom/live?state=lost", "en", ""), http.StatusBadRequest)
	kittest.Says(t, "a bad article", kittest.Do(h, "GET", "/workbench/newsroom/live?article=x", "en", ""), http.StatusNotFound)
}

// TestPublishNowShowsPublishing: right after "Approve and publish now" the release is being
// published, not scheduled, with nothing to reschedule; once the job ran it is published, and the
// article page's stamp has moved, so an open page shows it.
func TestPublishNowShowsPublishing(t *testing.T) {
	t.Parallel()
	store := &liveStore{eds: editions()}
	store.eds[1].State = pipeline.StateApproved
	store.rels = []pipeline.Release{{ID: 5, ArticleID: 1, Langs: []pipeline.Lang{pipeline.Russian}, State: pipeline.ReleaseScheduled,
		CreatedBy: "dana", CreatedAt: created}}
	h := newHandler(t, store, editor)
	page := kittest.Do(h, "GET", "/workbench/newsroom/articles/1/", "en", "").Body.String()
	kittest.Says(t, "article page, publishing", kittest.Do(h, "GET", "/workbench/newsroom/articles/1/", "en", ""), 200, "publishing…", "going out now")
	if strings.Contains(page, "Publish now instead") || strings.Contains(page, `id="cancel-5"`) {
		t.Error("a release being published offers to publish it now instead, or to cancel it")
	}
	before, _ := liveStamp(t, h, page)
	published := created.Add(time.Minute)
	store.set(func() {
		store.rels[0].State, store.rels[0].PublishedAt = pipeline.ReleasePublished, &published
		store.eds[1].State = pipeline.StatePublished
		v := int64(7)
		store.eds[1].LiveVersionID = &v
	})
	after := kittest.Do(h, "GET", "/workbench/newsroom/articles/1/", "en", "")
	kittest.Says(t, "article page, published", after, 200)
	if _, now := liveStamp(t, h, after.Body.String()); now == before {
		t.Error("the publication does not change the article page's stamp")
	}
	if body := after.Body.String(); strings.Contains(body, "publishing…") || !strings.Contains(body, `data-release="5" data-state="published"`) {
		t.Error("the published release is not shown as published")
	}

	// A release scheduled for later stays changeable, in the newsroom's zone.
	later := time.Now().Add(48 * time.Hour)
	store.set(func() {
		store.rels = append(store.rels, pipeline.Release{ID: 6, ArticleID: 1, Langs: []pipeline.Lang{pipeline.Kazakh},
			State: pipeline.ReleaseScheduled, PublishAt: &later, CreatedBy: "dana", CreatedAt: created})
	})
	kittest.Says(t, "article page, scheduled", kittest.Do(h, "GET", "/workbench/newsroom/articles/1/", "en", ""), 200,
		"Publish now instead", `id="cancel-6"`)
}

// TestNewsroomZoneIsASetting: with the newsroom in Almaty, times show in Almaty time and the
// release form reads typed times there unless the editor picks another zone.
func TestNewsroomZoneIsASetting(t *testing.T) {
	t.Parallel()
	almaty, err := time.LoadLocation("Asia/Almaty")
	if err != nil {
		t.Fatal(err)
	}
	base := kittest.Base(t, "")
	base.Zone = almaty
	nh, err := New(base, &fakeStore{})
	if err != nil {
		t.Fatal(err)
	}
	r := chi.NewRouter()
	r.Route(newsroomBase, func(r chi.Router) {
		r.Use(kittest.SignedIn(editor))
		nh.Routes(r)
	})
	rec := kittest.Do(r, "GET", "/workbench/newsroom/articles/1/editions/ru/", "en", "")
	kittest.Says(t, "review page", rec, 200, `<option value="Asia/Almaty" selected>`)
	at := time.Date(2026, 6, 1, 9, 30, 0, 0, almaty)
	sc, err := nh.parseSchedule(httptestForm("when=later&tz=Asia/Almaty&publish_at=2026-06-01T09:30"), at.Add(-time.Hour))
	if err != nil || !sc.At.Equal(at) {
		t.Fatalf("a time typed in the newsroom's zone = %v, %v; want %v", sc.At, err, at.UTC())
	}
	if got := formatWhen(at, nh.TimeZone(), pipeline.English); got != "June 1, 2026, 09:30 UTC+05:00" {
		t.Errorf("a time shows as %q", got)
	}
}

// TestReviewGroupsFindingsByCheck: the review page folds the open findings by check, with counts,
// the checks with blocking findings first.
func TestReviewGroupsFindingsByCheck(t *testing.T) {
	t.Parallel()
	h := newHandler(t, &groupStore{}, editor)
	rec := kittest.Do(h, "GET", "/workbench/newsroom/articles/1/editions/ru/", "en", "")
	kittest.Says(t, "review page", rec, 200, "3 open findings", "Numbers — 1 open finding · 1 blocking", "Spelling — 2 open findings",
		`data-check="spelling"`)
	body := rec.Body.String()
	if strings.Index(body, "Numbers —") > strings.Index(body, "Spelling —") {
		t.Error("the blocking check is not first")
	}
	kittest.Says(t, "Chinese review page", kittest.Do(h, "GET", "/workbench/newsroom/articles/1/editions/ru/", "zh", ""), 200, "其中 1 个阻止提交")
}

type groupStore struct{ fakeStore }

func (s *groupStore) FindEditionContent(ctx context.Context, articleID int64, lang pipeline.Lang) (pipeline.EditionContent, error) {
	c, err := s.fakeStore.FindEditionContent(ctx, articleID, lang)
	c.Findings = []pipeline.Finding{
		{ID: 1, SegmentID: 100, Check: "spelling", Severity: pipeline.SeverityWarning, MessageID: "check.spelling.unknown", Data: map[string]any{"Word": "a"}},
		{ID: 2, SegmentID: 100, Check: "number", Severity: pipeline.SeverityError, MessageID: "check.number.missing", Data: map[string]any{"Number": "27"}},
		{ID: 3, SegmentID: 100, Check: "spelling", Severity: pipeline.SeverityWarning, MessageID: "check.spelling.unknown", Data: map[string]any{"Word": "b"}},
	}
	return c, err
}

// httptestForm is a POST request carrying form, as a browser sends it.
func httptestForm(form string) *http.Request {
	req, _ := http.NewRequest("POST", "/", strings.NewReader(form))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return req
}
