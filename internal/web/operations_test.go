package web

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tilmash/tilmash/internal/logging"
	"github.com/tilmash/tilmash/locales"
)

// TestRequestIDRouteAndReadiness: every answer carries a request id (a sane incoming one, or a
// new one), every log line written while a routed request is served carries it too, the metrics
// hook is told the route pattern rather than the path, and /readyz names what is not ready.
func TestRequestIDRouteAndReadiness(t *testing.T) {
	t.Parallel()
	bundle, err := locales.Bundle()
	if err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	log, err := logging.New(&logs, logging.Options{Format: "json"})
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	routes := map[string]int{}
	notReady := map[string]string{"workers": "not started"}
	s, err := New(Config{Store: &fakeStore{listening: make(chan struct{})}, Bundle: bundle, Logger: log,
		ObserveRequest: func(method, route string, status int, _ time.Duration) {
			mu.Lock()
			routes[method+" "+route] = status
			mu.Unlock()
		},
		Ready: func(context.Context) map[string]string { return notReady },
		Metrics: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			log.InfoContext(r.Context(), "scraped")
			w.Write([]byte("ok"))
		})})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	h := s.Handler()

	rec := req{method: "GET", path: "/metrics", header: map[string]string{"X-Request-Id": "lb-42.a"}}.do(h)
	if rec.Header().Get("X-Request-Id") != "lb-42.a" {
		t.Errorf("incoming id not echoed: %q", rec.Header().Get("X-Request-Id"))
	}
	var line map[string]any
	if err := json.Unmarshal(logs.Bytes(), &line); err != nil || line["msg"] != "scraped" || line["request_id"] != "lb-42.a" {
		t.Errorf("log line %v (%v): %s", line, err, logs.String())
	}
	for _, bad := range []string{"has space", strings.Repeat("x", 65), "a\"b", "<x>"} {
		rec := req{method: "GET", path: "/healthz", header: map[string]string{"X-Request-Id": bad}}.do(h)
		if id := rec.Header().Get("X-Request-Id"); id == bad || !saneRequestID(id) {
			t.Errorf("incoming %q answered with id %q", bad, id)
		}
	}
	a := req{method: "GET", path: "/healthz"}.do(h).Header().Get("X-Request-Id")
	b := req{method: "GET", path: "/healthz"}.do(h).Header().Get("X-Request-Id")
	if a == "" || a == b {
		t.Errorf("made ids %q and %q", a, b)
	}

	rec = req{method: "GET", path: "/readyz"}.do(h)
	var out struct {
		Status  string            `json:"status"`
		Failing map[string]string `json:"failing"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil || rec.Code != 503 || out.Failing["workers"] != "not started" {
		t.Errorf("readyz: %d %s", rec.Code, rec.Body)
	}
	notReady = nil
	if rec := (req{method: "GET", path: "/readyz"}).do(h); rec.Code != 200 || !strings.Contains(rec.Body.String(), `"ready"`) {
		t.Errorf("readyz when ready: %d %s", rec.Code, rec.Body)
	}

	req{method: "GET", path: "/api/v1/articles/12/editions/ru"}.do(h)
	req{method: "GET", path: "/en/"}.do(h)
	mu.Lock()
	defer mu.Unlock()
	for route, status := range map[string]int{"GET /metrics": 200, "GET /healthz": 200, "GET /readyz": 200,
		"GET /api/v1/*":         401, // refused at the door, before the API's own routes
		"GET " + RoutePublished: 200} {
		if routes[route] != status {
			t.Errorf("%s: %d, want %d (all: %v)", route, routes[route], status, routes)
		}
	}
}
