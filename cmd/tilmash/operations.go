package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/riverqueue/river"
	"riverqueue.com/riverui"

	"github.com/tilmash/tilmash/internal/logging"
	"github.com/tilmash/tilmash/internal/postgres"
	"github.com/tilmash/tilmash/internal/prometheus"
	"github.com/tilmash/tilmash/internal/web"
	"github.com/tilmash/tilmash/pipeline"
)

// What operators see of a running process: metrics, readiness, the queue's UI, and the logs.

// operationsSnapshot is the database's share of the metrics, read at scrape time.
func (a *app) operationsSnapshot(ctx context.Context) (prometheus.Snapshot, error) {
	st, err := a.store.OperationsStats(ctx)
	if err != nil {
		a.log.WarnContext(ctx, "metrics: database statistics unavailable", "error", err)
		return prometheus.Snapshot{}, err
	}
	snap := prometheus.Snapshot{Editions: st.Editions}
	for _, j := range st.Jobs {
		snap.Jobs = append(snap.Jobs, prometheus.JobCount{Kind: j.Kind, State: j.State, Count: j.Count})
	}
	for _, q := range st.Queues {
		snap.Queues = append(snap.Queues, prometheus.QueueDepth{Queue: q.Queue, Available: q.Available, OldestAge: q.OldestAge})
	}
	return snap, nil
}

// readerCacheSize adds up the reader caches of this process's web servers.
func (a *app) readerCacheSize() (pages int, bytes int64) {
	a.bgMu.Lock()
	defer a.bgMu.Unlock()
	for _, ws := range a.servers {
		p, b := ws.ReaderCacheSize()
		pages, bytes = pages+p, bytes+b
	}
	return pages, bytes
}

// metricsHandler serves the metrics to those the settings let in: with a token, whoever sends
// it; without one, and without a separate address, only clients on this machine.
func (a *app) metricsHandler() http.Handler {
	return a.metrics.Handler(prometheus.Access{Token: a.cfg.MetricsToken,
		LoopbackOnly: a.cfg.MetricsToken == "" && a.cfg.MetricsAddr == ""})
}

// queueUI builds River's UI for the web server and starts its background queries until ctx
// ends (close). Without a started app (ctx nil) there is none. It needs only an inserting client,
// so it works in serve --no-workers too.
func (a *app) queueUI(ctx context.Context) (http.Handler, error) {
	if ctx == nil {
		return nil, nil
	}
	h, err := riverui.NewHandler(&riverui.HandlerOpts{Endpoints: riverui.NewEndpoints(a.river, nil),
		Logger: a.log, Prefix: web.QueueUIPath})
	if err != nil {
		return nil, fmt.Errorf("queue UI: %w", err)
	}
	if err := h.Start(ctx); err != nil {
		return nil, fmt.Errorf("queue UI: %w", err)
	}
	return h, nil
}

// readyFor is how long a readiness answer is reused: /readyz needs no sign-in, and each check
// costs the database a few queries.
const readyFor = time.Second

// readyCache holds the last readiness answer; its lock also makes concurrent checks wait for one.
type readyCache struct {
	mu      sync.Mutex
	at      time.Time
	failing map[string]string
}

// ready runs the readiness checks, or returns their answer of the last second: the database
// answers, its schema has every migration this binary embeds (the application's and River's),
// and the workers run when this process is meant to run them. It returns the failing checks
// with the reason.
func (a *app) ready(ctx context.Context) map[string]string {
	a.readyCache.mu.Lock()
	defer a.readyCache.mu.Unlock()
	if time.Since(a.readyCache.at) < readyFor {
		return a.readyCache.failing
	}
	failing := a.checkReady(ctx)
	a.readyCache.at, a.readyCache.failing = time.Now(), failing
	return failing
}

func (a *app) checkReady(ctx context.Context) map[string]string {
	failing := map[string]string{}
	if err := a.db.pool.Ping(ctx); err != nil {
		failing["database"] = "unreachable: " + logging.RedactText(err.Error())
		return failing
	}
	app, queue, err := postgres.SchemaStatus(ctx, a.db.pool)
	switch {
	case err != nil:
		failing["migrations"] = logging.RedactText(err.Error())
	default:
		if app != "" {
			failing["migrations"] = app
		}
		if queue != "" {
			failing["queue_migrations"] = queue
		}
	}
	if a.cfg.Workers {
		select {
		case <-a.river.Stopped():
			failing["workers"] = "stopped"
		default:
			if !a.workersUp.Load() {
				failing["workers"] = "not started"
			}
		}
	}
	return failing
}

// observePublications records publication latency for the releases this process's workers
// publish, from River's job events, until ctx ends.
func (a *app) observePublications(ctx context.Context) {
	events, cancel := a.river.Subscribe(river.EventKindJobCompleted)
	defer cancel()
	kind := pipeline.ReleaseJob{}.Kind()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-events:
			if !ok {
				return
			}
			if ev.Job == nil || ev.Job.Kind != kind {
				continue
			}
			var args pipeline.ReleaseJob
			if err := json.Unmarshal(ev.Job.EncodedArgs, &args); err != nil {
				continue
			}
			rel, err := a.store.FindRelease(ctx, args.ReleaseID)
			if err != nil || rel.State != pipeline.ReleasePublished || rel.PublishedAt == nil {
				continue // a release with nothing to do, or one cancelled meanwhile
			}
			from := rel.CreatedAt
			if rel.PublishAt != nil && rel.PublishAt.After(from) {
				from = *rel.PublishAt
			}
			a.metrics.ObservePublication(rel.PublishedAt.Sub(from))
		}
	}
}

// riverLogHandler is the program's handler for River's own lines: warnings and errors, and its
// informational lines too when the program logs at debug level.
func riverLogHandler(h slog.Handler) slog.Handler {
	if h.Enabled(context.Background(), slog.LevelDebug) {
		return h
	}
	return logging.AtLeast(h, slog.LevelWarn)
}

// serveMetrics serves the metrics on their own address (cfg.MetricsAddr) until ctx ends; a worker
// process, which has no other address, serves its health endpoints there too. It returns once
// listening, with a function that stops the server and waits for it.
func (a *app) serveMetrics(ctx context.Context, stdout io.Writer, withHealth bool) (func(), error) {
	ln, err := net.Listen("tcp", a.cfg.MetricsAddr)
	if err != nil {
		return nil, fmt.Errorf("listen on %s (metrics): %w", a.cfg.MetricsAddr, err)
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", a.metricsHandler())
	if withHealth {
		mux.HandleFunc("GET /healthz", web.Healthz)
		mux.Handle("GET /readyz", web.Readyz(a.ready))
	}
	fmt.Fprintf(stdout, "metrics on http://%s/metrics\n", ln.Addr())
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second,
		ErrorLog: slog.NewLogLogger(a.log.Handler(), slog.LevelWarn)}
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			a.log.ErrorContext(ctx, "metrics server", "error", err)
		}
	}()
	return func() {
		shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		srv.Shutdown(shutdownCtx) //nolint:errcheck // on the way out
		<-done
	}, nil
}

// cmdProbe fetches a URL and succeeds when it answers 200: a health check for containers, whose
// image has no HTTP client of its own.
func cmdProbe(ctx context.Context, args []string, stdout io.Writer) error {
	if len(args) != 1 {
		return usagef("probe needs one URL, such as http://127.0.0.1:8080/readyz")
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, args[0], nil)
	if err != nil {
		return usagef("probe: %v", err)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(res.Body, 4096))
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("%s answered %s: %s", args[0], res.Status, body)
	}
	stdout.Write(body) //nolint:errcheck // best effort
	return nil
}
