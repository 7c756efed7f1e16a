package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivertype"

	"github.com/tilmash/tilmash/internal/ingest"
	"github.com/tilmash/tilmash/internal/logging"
	"github.com/tilmash/tilmash/internal/mt"
	"github.com/tilmash/tilmash/internal/postgres"
	"github.com/tilmash/tilmash/internal/prometheus"
	"github.com/tilmash/tilmash/internal/web"
	"github.com/tilmash/tilmash/locales"
	"github.com/tilmash/tilmash/pipeline"
	"github.com/tilmash/tilmash/workers"
)

// app is the wired program: database, store, queue and (when asked) the web server.
type app struct {
	cfg    *Config
	log    *slog.Logger
	db     *database
	store  *postgres.DB
	river  *river.Client[pgx.Tx]
	bundle *i18n.Bundle
	checks *checkRunner
	// metrics is the process's registry; see operations.go for what feeds it.
	metrics *prometheus.Metrics
	// workersUp is set once this process's workers have started.
	workersUp  atomic.Bool
	readyCache readyCache

	// Work in the background: start's context, ended by close, which waits for the goroutines
	// (the export on change) and closes the web servers (their page caches' watchers) before
	// the workers and the database stop.
	bgMu     sync.Mutex
	bgCtx    context.Context // nil until start
	bgCancel context.CancelFunc
	bg       sync.WaitGroup
	servers  []*web.Server

	prepOnce sync.Once
	prep     *ingest.Preparer
	prepErr  error
}

// newApp opens the database and wires the store, the workers and River's client. The workers run
// only when cfg.Workers is set; otherwise the client only inserts jobs.
func newApp(ctx context.Context, cfg *Config, log *slog.Logger, logOut io.Writer) (*app, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	log = slog.New(logging.Wrap(log.Handler())) // every line of a request or a job names it
	a := &app{cfg: cfg, log: log}
	a.metrics = prometheus.New(prometheus.Config{Snapshot: a.operationsSnapshot, ReaderCache: a.readerCacheSize})
	route, err := translators(cfg, a.metrics.Translator)
	if err != nil {
		return nil, err // a misconfiguration is reported before anything starts
	}
	bundle, err := locales.Bundle()
	if err != nil {
		return nil, err
	}
	db, err := openDatabase(ctx, cfg, log, logOut)
	if err != nil {
		return nil, err
	}
	a.db, a.store, a.bundle, a.checks = db, postgres.New(db.pool), bundle, newChecks(log)

	// The pipeline's machine work (drafts, findings, state moves) commits asynchronously: a crash
	// loses only work of jobs that have not completed, which River runs again.
	machine := a.store.AsynchronousCommit()
	ws := river.NewWorkers()
	if err := workers.Register(ws, workers.Config{Store: machine, Route: route, Check: a.checks.Check,
		Terms: termHints, Logger: log}); err != nil {
		db.close(ctx)
		return nil, err
	}
	if err := workers.RegisterRelease(ws, a.store, workers.Config{Logger: log}); err != nil {
		db.close(ctx)
		return nil, err
	}
	rcfg := &river.Config{
		Workers:    ws,
		JobTimeout: cfg.JobTimeout,
		// A job left running by a killed process goes back to the queue soon after it would have
		// timed out, not after River's default hour. The margin covers the executor's own
		// cancellation at the timeout; River's rescuer looks every 30 seconds.
		RescueStuckJobsAfter: cfg.JobTimeout + rescueMargin,
		MaxAttempts:          10,
		RetryPolicy:          workers.RetryPolicy{Cap: min(retryCap, cfg.JobTimeout)},
		// On shutdown, running jobs get this long to finish; then they are cancelled and handed
		// back to the queue at once (workers.HandBackOnStop) for another process to take.
		SoftStopTimeout: min(softStopTimeout, cfg.JobTimeout),
		// Outermost first: every log line of a job names it, its run is timed, and a run cut short
		// by shutdown is handed back.
		Middleware:   []rivertype.Middleware{&workers.LogJob{Logger: log}, a.metrics.JobMiddleware(), &workers.HandBackOnStop{}},
		PeriodicJobs: workers.PeriodicJobs(),
		// A job inserted in a transaction wakes the workers through River's LISTEN/NOTIFY insert
		// notice, sent at commit. River sends at most one notice per queue per FetchCooldown
		// from each process and fetches at most once per FetchCooldown, so with its default
		// (100 ms) a job committed just after a notice waited for the next poll, up to a second,
		// with idle workers. A short cooldown lets every insert wake them; the poll, kept
		// short, only catches the rare notice that two near-simultaneous inserts share.
		FetchCooldown:     fetchCooldown,
		FetchPollInterval: fetchPollInterval,
		// River's own lines go to the same handler; its informational ones only when debugging.
		Logger: slog.New(riverLogHandler(log.Handler())),
	}
	if cfg.Workers {
		rcfg.Queues = queues()
	}
	a.river, err = river.NewClient(riverpgxv5.New(db.pool), rcfg)
	if err != nil {
		db.close(ctx)
		return nil, fmt.Errorf("river client: %w", err)
	}
	a.store.UseQueue(a.river)
	machine.UseQueue(a.river)
	return a, nil
}

// queues are the queues a worker process runs, with how many jobs of each it runs at once.
func queues() map[string]river.QueueConfig {
	return map[string]river.QueueConfig{
		river.QueueDefault:      {MaxWorkers: 8},
		postgres.QueueTranslate: {MaxWorkers: 4},
		postgres.QueuePublish:   {MaxWorkers: 2},
	}
}

// workerConns is how many connections a worker process may use at once: one per job it runs, and
// River's own (fetching, completing, listening, electing its leader).
func workerConns() int32 {
	n := int32(4)
	for _, q := range queues() {
		n += int32(q.MaxWorkers)
	}
	return n
}

// Job lifecycle settings; see newApp.
const (
	retryCap        = 30 * time.Second
	rescueMargin    = 15 * time.Second
	softStopTimeout = 20 * time.Second

	fetchCooldown     = 2 * time.Millisecond
	fetchPollInterval = 200 * time.Millisecond
)

// start runs the workers, when this process has any, and the site export on change, when asked
// for. Both run until ctx ends or close.
func (a *app) start(ctx context.Context) error {
	a.bgMu.Lock()
	a.bgCtx, a.bgCancel = context.WithCancel(ctx)
	bgCtx := a.bgCtx
	a.bgMu.Unlock()
	if dir := a.exportDir(); dir != "" && a.cfg.Workers {
		a.bg.Go(func() { a.exportOnChange(bgCtx, dir) })
	}
	if !a.cfg.Workers {
		return nil
	}
	if err := a.river.Start(ctx); err != nil {
		return err
	}
	a.workersUp.Store(true)
	a.bg.Go(func() { a.observePublications(bgCtx) })
	return nil
}

// close stops what runs in the background and waits for it (the export on change, the web
// servers' watchers), then stops the workers (letting running jobs finish), then the database.
func (a *app) close(ctx context.Context) {
	a.bgMu.Lock()
	if a.bgCancel != nil {
		a.bgCancel()
	}
	servers := a.servers
	a.servers = nil
	a.bgMu.Unlock()
	a.bg.Wait()
	for _, ws := range servers {
		ws.Close()
	}
	if a.cfg.Workers {
		// Stop waits for the soft stop, then for cancelled jobs to hand themselves back.
		stopCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), softStopTimeout+10*time.Second)
		a.river.Stop(stopCtx) //nolint:errcheck // a hard stop after the timeout is fine on exit
		cancel()
	}
	a.db.close(ctx)
}

// preparer returns the article preparer with the text repair, loading its word lists on first use:
// commands that never ingest do not pay for them.
func (a *app) preparer() (*ingest.Preparer, error) {
	a.prepOnce.Do(func() { a.prep, a.prepErr = a.cfg.loadPreparer() })
	return a.prep, a.prepErr
}

// webServer builds the web server with what operators use: the health endpoints, request
// metrics, the queue's UI and (unless served on their own address) the metrics. After start,
// its page cache follows the database's changes and the queue's UI runs its background queries
// until close, which also waits for that to end.
func (a *app) webServer() (*web.Server, error) {
	a.bgMu.Lock()
	bgCtx := a.bgCtx
	a.bgMu.Unlock()
	queueUI, err := a.queueUI(bgCtx)
	if err != nil {
		return nil, err
	}
	ws, err := a.newWebServer(func(c *web.Config) {
		c.Ready = a.ready
		c.ObserveRequest = a.metrics.ObserveRequest
		c.QueueUI = queueUI
		if a.cfg.MetricsAddr == "" {
			c.Metrics = a.metricsHandler()
		}
	})
	if err != nil {
		return nil, err
	}
	a.bgMu.Lock()
	defer a.bgMu.Unlock()
	a.servers = append(a.servers, ws)
	if a.bgCtx != nil {
		ws.Watch(a.bgCtx)
	}
	return ws, nil
}

// newWebServer builds a web server that runs nothing in the background until told to; opts, if
// any, complete its configuration.
func (a *app) newWebServer(opts ...func(*web.Config)) (*web.Server, error) {
	prep, err := a.preparer()
	if err != nil {
		return nil, err
	}
	zone, err := a.cfg.zone()
	if err != nil {
		return nil, err
	}
	cfg := web.Config{Store: a.store, Bundle: a.bundle, Prepare: prep.Prepare, Preparer: prep, Check: a.checks.Check,
		MaxBodyBytes: a.cfg.MaxBodyBytes, Logger: a.log, BaseURL: a.baseURL(), MarkMachineText: a.cfg.MarkMachineText,
		ReaderCacheBytes: a.readerCacheBytes(), ReaderCacheDir: a.getenv("TILMASH_READER_CACHE_DIR"),
		TimeZone: zone, LiveEvery: a.cfg.LiveEvery}
	for _, o := range opts {
		o(&cfg)
	}
	return web.New(cfg)
}

// translators builds the route from a language pair to a machine-translation provider, from the
// environment with the provider flag taking precedence. Misconfiguration fails here, at start-up.
func translators(cfg *Config, wrap func(pipeline.Translator) pipeline.Translator) (workers.Route, error) {
	getenv := cfg.Getenv
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	router, err := mt.FromEnv(func(k string) string {
		if k == "TILMASH_PROVIDER" && cfg.Provider != "" {
			return cfg.Provider
		}
		return getenv(k)
	})
	if err != nil {
		return nil, err
	}
	return router.Wrap(wrap).For, nil
}
