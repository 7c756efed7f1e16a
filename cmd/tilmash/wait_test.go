package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/tilmash/tilmash/pipeline"
)

// How long the tests wait for the pipeline and for the reader site before failing.
const (
	pipelineTimeout = 60 * time.Second
	siteTimeout     = 15 * time.Second
)

// waitFor waits until cond holds for the article's editions, for a minute at most.
func (e *testEnv) waitFor(t *testing.T, id int64, what string, cond func(map[pipeline.Lang]string) bool) {
	t.Helper()
	e.waitForUntil(t, id, what, time.Now().Add(pipelineTimeout), cond)
}

// waitForUntil waits until cond holds for the article's editions, failing at deadline. An
// edition changes state only in a request that has returned or in a job of the pipeline (fan-out,
// translate, check, release, sweep), so the editions are read once and then again each time River
// reports that one of this process's jobs ended: completed, failed (to be retried or not),
// snoozed or cancelled. The subscription is taken before the first read, so no job's end between
// the read and the wait goes unseen.
func (e *testEnv) waitForUntil(t *testing.T, id int64, what string, deadline time.Time, cond func(map[pipeline.Lang]string) bool) {
	t.Helper()
	events, cancel := e.app.river.Subscribe(river.EventKindJobCompleted, river.EventKindJobFailed,
		river.EventKindJobSnoozed, river.EventKindJobCancelled)
	defer cancel()
	timer := time.NewTimer(time.Until(deadline))
	defer timer.Stop()
	jobs := 0
	for {
		states := e.editionStates(t, id)
		if cond(states) {
			return
		}
		select {
		case ev, ok := <-events:
			if !ok {
				t.Fatalf("River stopped while waiting for %s; states %v", what, states)
			}
			jobs++
			if ev.Kind == river.EventKindJobFailed || ev.Kind == river.EventKindJobCancelled {
				t.Logf("while waiting for %s: %s job %d %s: %v", what, ev.Job.Kind, ev.Job.ID, ev.Kind, lastError(ev.Job.Errors))
			}
			drain(events, &jobs) // one read for every job that ended meanwhile
		case <-timer.C:
			t.Fatalf("timed out waiting for %s after %d jobs ended; states %v", what, jobs, states)
		}
	}
}

// editionStates reads the article's editions through the API, as a client sees them.
func (e *testEnv) editionStates(t *testing.T, id int64) map[pipeline.Lang]string {
	t.Helper()
	out := e.users["ed"].must("GET", fmt.Sprintf("/api/v1/articles/%d", id), nil, 200)
	states := map[pipeline.Lang]string{}
	for _, ed := range out["editions"].([]any) {
		m := ed.(map[string]any)
		states[pipeline.Lang(m["lang"].(string))] = m["state"].(string)
	}
	return states
}

func drain(events <-chan *river.Event, n *int) {
	for {
		select {
		case _, ok := <-events:
			if !ok {
				return
			}
			*n++
		default:
			return
		}
	}
}

func lastError(errs []rivertype.AttemptError) string {
	if len(errs) == 0 {
		return "no error recorded"
	}
	return errs[len(errs)-1].Error
}

// siteChannel is the PostgreSQL channel on which every change readers could see is announced,
// on commit (site_changed in migrations/00004_release.sql); each serve process listens on it and
// rebuilds its reader pages.
const siteChannel = "tilmash_site"

// siteNotices follows the site's change notices on a connection of its own, listening from the
// start of the test environment, before any work.
type siteNotices struct {
	mu   sync.Mutex
	next chan struct{} // closed at the next notice
	last time.Time     // when the last notice arrived
	err  error         // why the listening stopped
}

func listenSite(t *testing.T, ctx context.Context, url string) *siteNotices {
	t.Helper()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, "LISTEN "+siteChannel); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	t.Cleanup(func() { cancel(); <-done; _ = conn.Close(context.Background()) })
	s := &siteNotices{next: make(chan struct{})}
	go func() {
		defer close(done)
		for {
			_, err := conn.WaitForNotification(ctx)
			s.mu.Lock()
			if err != nil {
				if ctx.Err() == nil {
					s.err = err
				} else {
					s.err = errors.New("the test ended")
				}
			} else {
				s.last = time.Now()
			}
			close(s.next)
			s.next = make(chan struct{})
			s.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	return s
}

func (s *siteNotices) state() (<-chan struct{}, time.Time, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.next, s.last, s.err
}

// siteSettle is how long after a notice the site may still be taking it in: the site's own
// listener and this one receive it on different connections, in no set order, and the site
// serves the new pages once its listener has read it.
const siteSettle = 2 * time.Second

// waitSite fetches url (a reader page of this environment's database, on any of its servers) until
// ok holds for the answer, and returns the last answer; the caller judges it after siteTimeout.
// The page is fetched again only when the site may have changed: at each change notice, and in
// the moment after one while the site's own listener may not have read it yet.
func (e *testEnv) waitSite(t *testing.T, url string, ok func(code int, page string) bool) (int, string) {
	t.Helper()
	deadline := time.NewTimer(siteTimeout)
	defer deadline.Stop()
	backoff := 5 * time.Millisecond
	for {
		next, last, err := e.site.state()
		code, page := get(t, url, "")
		if ok(code, page) {
			return code, page
		}
		if err != nil {
			t.Fatalf("listening for the site's changes: %v", err)
		}
		var settle <-chan time.Time
		if time.Since(last) < siteSettle {
			settle = time.After(backoff)
			backoff = min(2*backoff, 200*time.Millisecond)
		} else {
			backoff = 5 * time.Millisecond
		}
		select {
		case <-next:
		case <-settle:
		case <-deadline.C:
			return code, page
		}
	}
}

// getLive fetches a reader page that has just been published (or is about to be, by a release
// already approved): the site switches to a new version when the database's change notice
// reaches it, a moment after the commit.
func getLive(t *testing.T, env *testEnv, url string) (int, string) {
	t.Helper()
	return env.waitSite(t, url, func(code int, _ string) bool { return code == 200 })
}

// waitPage waits until a reader page of the environment answers want: the site follows the
// database through a change notification, a moment after the editor's action.
func waitPage(t *testing.T, env *testEnv, path string, want int) {
	t.Helper()
	if code, _ := env.waitSite(t, env.srv.URL+path, func(code int, _ string) bool { return code == want }); code != want {
		t.Fatalf("GET %s = %d, want %d", path, code, want)
	}
}
