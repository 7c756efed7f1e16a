package web

import (
	"context"
	"crypto/rand"
	"encoding/base32"
	"log/slog"
	"net/http"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/tilmash/tilmash/internal/logging"
	"github.com/tilmash/tilmash/internal/web/kit"
)

// What the operators see: a request id on every request and in every log line of it, the
// request's duration by route for the metrics, the health endpoints, the queue's own UI and the
// metrics, each behind its own door.

// RequestIDHeader carries the request id, in and out.
const RequestIDHeader = "X-Request-Id"

// requestInfo is one request as the operators see it: its id (for the log and the response
// header), the route the router matched if the request reached it, and the response's status.
// It is made once per request, and is both the response writer the handlers below requestStart
// write to (that is how requestScope finds it) and, for requests that reach the router, the
// logging scope of the request's context.
type requestInfo struct {
	header [1]string // the request id, as the response header's value
	routed bool
	route  string
	statusWriter
}

// statusWriter remembers a response's status. http.ResponseController finds the writer under
// it (Unwrap) for anything else a handler needs.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// Flush passes a flush on, for handlers that check for http.Flusher themselves.
func (w *statusWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// Status is the response's status, 200 when the handler wrote nothing.
func (w *statusWriter) Status() int {
	if w.status == 0 {
		return http.StatusOK
	}
	return w.status
}

func (ri *requestInfo) LogAttrs() []slog.Attr {
	return []slog.Attr{slog.String("request_id", ri.header[0])}
}

// Route labels for requests that no chi pattern describes.
const (
	RoutePublished = "published page" // answered from the reader's cache before the router
	RouteUnmatched = "unmatched"      // the router's not-found answer
)

// requestStart is the outermost middleware: it gives the request its id (a sane incoming one, or
// a new one), echoes it in the response, and reports the request's route, status and duration
// when asked to. A page answered from the reader's cache goes no further than that: its request
// gets no context of its own (which would cost as much as serving the page); requestScope gives
// one to the requests that reach the router.
func (s *Server) requestStart(next http.Handler) http.Handler {
	log := s.cfg.Logger
	observe := s.cfg.ObserveRequest
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := r.Header.Get(RequestIDHeader)
		if !saneRequestID(id) {
			id = newRequestID()
		}
		info := &requestInfo{header: [1]string{id}, statusWriter: statusWriter{ResponseWriter: w}}
		w.Header()[RequestIDHeader] = info.header[:] // the canonical form: no canonicalizing per request
		next.ServeHTTP(info, r)
		if observe == nil && !log.Enabled(r.Context(), slog.LevelDebug) {
			return
		}
		route := info.route
		if !info.routed {
			route = RoutePublished
		}
		d := time.Since(start)
		if observe != nil {
			observe(r.Method, route, info.Status(), d)
		}
		if log.Enabled(r.Context(), slog.LevelDebug) {
			log.DebugContext(logging.WithScope(r.Context(), info), "request", "method", r.Method, "route", route,
				"path", r.URL.Path, "status", info.Status(), "duration_ms", float64(d.Microseconds())/1000)
		}
	})
}

// requestScope puts the request's id into its context, for every log line written while it is
// served, once the request has passed the reader's cache.
func requestScope(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if info, ok := w.(*requestInfo); ok {
			r = r.WithContext(logging.WithScope(r.Context(), info))
		}
		next.ServeHTTP(w, r)
	})
}

// routePattern records, for requestScope, the chi pattern that matched the request: the label of
// its duration, bounded in number where raw paths are not.
func routePattern(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r)
		info, _ := logging.ScopeOf(r.Context()).(*requestInfo)
		if info == nil {
			return
		}
		info.routed = true
		if rc := chi.RouteContext(r.Context()); rc != nil && rc.RoutePattern() != "" {
			info.route = rc.RoutePattern()
		} else {
			info.route = RouteUnmatched
		}
	})
}

// saneRequestID accepts an incoming id a proxy or a client made, if it is short and plain: no
// spaces, quotes or control characters that could forge log lines or headers.
func saneRequestID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.' || c == ':') {
			return false
		}
	}
	return true
}

// Request ids are a random prefix per process and a counter: unique across processes and cheap
// enough for every request of the reader site.
var (
	requestIDPrefix = func() string {
		b := make([]byte, 10)
		rand.Read(b) // never fails: crypto/rand panics rather than return an error
		return base32.HexEncoding.WithPadding(base32.NoPadding).EncodeToString(b)
	}()
	requestIDCounter atomic.Uint64
)

func newRequestID() string {
	var buf [48]byte
	b := append(append(buf[:0], requestIDPrefix...), '-')
	return string(strconv.AppendUint(b, requestIDCounter.Add(1), 10))
}

// Healthz says the process is alive: it answers without touching the database, so that a
// database outage does not get every process restarted.
func Healthz(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	w.Write([]byte("ok\n")) //nolint:errcheck // the client went away: nothing to do
}

// readyTimeout bounds the readiness checks of one request.
const readyTimeout = 3 * time.Second

// Readyz says whether this process can do its work, by the checks ready runs (nil: none): 200
// with {"status":"ready"}, or 503 with {"status":"not ready","failing":{check: reason}} naming
// each check that failed.
func Readyz(ready func(ctx context.Context) map[string]string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		var failing map[string]string
		if ready != nil {
			ctx, cancel := context.WithTimeout(r.Context(), readyTimeout)
			failing = ready(ctx)
			cancel()
		}
		if len(failing) > 0 {
			kit.WriteJSON(w, http.StatusServiceUnavailable, map[string]any{"status": "not ready", "failing": failing})
			return
		}
		kit.WriteJSON(w, http.StatusOK, map[string]any{"status": "ready"})
	}
}

// requireAdmin lets administrators through and answers everyone else signed in with the
// forbidden page (or JSON to a script).
func (s *Server) requireAdmin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !kit.User(r).CanAdminister() {
			s.PageError(w, r, kit.ErrForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// adminRoutes mounts the queue's UI (River UI) for administrators, signed in through the
// workbench's sign-in. Its own API changes jobs (cancel, retry, delete), so state-changing
// requests must also come from the same site (Fetch Metadata); the UI's script sends no
// synchronizer token, and needs none with that check and a SameSite session cookie.
func (s *Server) adminRoutes(r chi.Router) {
	if s.cfg.QueueUI == nil {
		return
	}
	r.Route(QueueUIPath, func(r chi.Router) {
		r.Use(s.crossOriginProtection().Handler, s.loadSession, s.requireSession, s.requireAdmin, noStore)
		r.Handle("/*", s.cfg.QueueUI)
		r.Handle("/", s.cfg.QueueUI)
	})
}

// QueueUIPath is where the queue's UI lives; its handler must know it (River UI's Prefix).
const QueueUIPath = "/admin/river"

// noStore keeps shared caches from keeping pages only one signed-in person may see.
func noStore(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		next.ServeHTTP(w, r)
	})
}
