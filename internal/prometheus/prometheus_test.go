package prometheus

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus/testutil"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/tilmash/tilmash/pipeline"
)

type fakeTranslator struct{ err error }

func (fakeTranslator) Name() string { return "fake" }
func (f fakeTranslator) Translate(_ context.Context, req pipeline.TranslateRequest) ([]string, error) {
	if f.err != nil {
		return nil, f.err
	}
	return req.Texts, nil
}

func TestTranslatorCountsCharactersAndErrorsByProvider(t *testing.T) {
	t.Parallel()
	m := New(Config{})
	ok := m.Translator(fakeTranslator{})
	if _, err := ok.Translate(context.Background(), pipeline.TranslateRequest{Texts: []string{"Сәлем", "мир"}}); err != nil {
		t.Fatal(err)
	}
	limited := m.Translator(fakeTranslator{err: &pipeline.Error{Code: pipeline.CodeRateLimited}})
	limited.Translate(context.Background(), pipeline.TranslateRequest{Texts: []string{"x"}})
	other := m.Translator(fakeTranslator{err: errors.New("boom")})
	other.Translate(context.Background(), pipeline.TranslateRequest{Texts: []string{"x"}})
	if got := testutil.ToFloat64(m.mtChars.WithLabelValues("fake")); got != 8 {
		t.Errorf("characters %v, want 8 (runes, not bytes; failed calls not counted)", got)
	}
	if got := testutil.ToFloat64(m.mtErrors.WithLabelValues("fake", string(pipeline.CodeRateLimited))); got != 1 {
		t.Errorf("rate-limited errors %v", got)
	}
	if got := testutil.ToFloat64(m.mtErrors.WithLabelValues("fake", "unknown")); got != 1 {
		t.Errorf("other errors %v", got)
	}
	if ok.Name() != "fake" {
		t.Errorf("the wrapper renamed the provider: %s", ok.Name())
	}
}

func TestJobMiddlewareLabelsOutcomes(t *testing.T) {
	t.Parallel()
	m := New(Config{})
	mw := m.JobMiddleware()
	job := &rivertype.JobRow{Kind: "translate"}
	for _, err := range []error{nil, river.JobSnooze(time.Second), river.JobCancel(errors.New("gone")), errors.New("failed")} {
		mw.Work(context.Background(), job, func(context.Context) error { return err })
	}
	families, err := m.Registry().Gather()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]uint64{}
	for _, f := range families {
		if f.GetName() != "tilmash_job_duration_seconds" {
			continue
		}
		for _, mt := range f.Metric {
			for _, l := range mt.Label {
				if l.GetName() == "outcome" {
					seen[l.GetValue()] = mt.Histogram.GetSampleCount()
				}
			}
		}
	}
	for _, outcome := range []string{"completed", "snoozed", "cancelled", "failed"} {
		if seen[outcome] != 1 {
			t.Errorf("%s: %d runs (all: %v)", outcome, seen[outcome], seen)
		}
	}
}

func TestHandlerAccess(t *testing.T) {
	t.Parallel()
	m := New(Config{Snapshot: func(context.Context) (Snapshot, error) {
		return Snapshot{Jobs: []JobCount{{Kind: "fanout", State: "available", Count: 3}},
			Queues:   []QueueDepth{{Queue: "default", Available: 3, OldestAge: 90 * time.Second}},
			Editions: map[string]int64{"in_review": 2}}, nil
	}})
	scrape := func(h http.Handler, remote, auth string) (int, string) {
		req := httptest.NewRequest("GET", "/metrics", nil)
		req.RemoteAddr = remote
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Code, rec.Body.String()
	}
	local := m.Handler(Access{LoopbackOnly: true})
	if code, body := scrape(local, "[::1]:5000", ""); code != 200 ||
		!strings.Contains(body, `tilmash_queue_oldest_available_age_seconds{queue="default"} 90`) ||
		!strings.Contains(body, `tilmash_jobs{kind="fanout",state="available"} 3`) ||
		!strings.Contains(body, `tilmash_editions{state="in_review"} 2`) {
		t.Errorf("loopback: %d\n%s", code, body)
	}
	if code, _ := scrape(local, "203.0.113.9:5000", ""); code != http.StatusForbidden {
		t.Errorf("remote without a token: %d", code)
	}
	tok := m.Handler(Access{Token: "s3"})
	for auth, want := range map[string]int{"": 401, "Bearer s4": 401, "Bearer s3x": 401, "Basic s3": 401, "Bearer s3": 200} {
		if code, _ := scrape(tok, "203.0.113.9:5000", auth); code != want {
			t.Errorf("%q: %d, want %d", auth, code, want)
		}
	}
}
