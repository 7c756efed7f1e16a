package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivertype"

	"github.com/tilmash/tilmash/internal/ingest"
	"github.com/tilmash/tilmash/internal/mt"
	"github.com/tilmash/tilmash/internal/postgres"
	"github.com/tilmash/tilmash/internal/web"
	"github.com/tilmash/tilmash/locales"
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
	// siteCtx is start's context: the web server keeps its page cache fresh until it ends.
	siteCtx context.Context
	checks  *checkRunner

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
	route, err := translators(cfg)
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
	a := &app{cfg: cfg, log: log, db: db, store: postgres.New(db.pool), bundle: bundle, checks: newChecks(log)}

	ws := river.NewWorkers()
	if err := workers.Register(ws, workers.Config{Store: a.store, Route: route, Check: a.checks.Check,
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
		Middleware:      []rivertype.Middleware{&workers.HandBackOnStop{}},
		PeriodicJobs:    workers.PeriodicJobs(),
		Logger:          slog.New(slog.NewTextHandler(logOut, &slog.HandlerOptions{Level: slog.LevelWarn})),
	}
	if cfg.Workers {
		rcfg.Queues = map[string]river.QueueConfig{
			river.QueueDefault:      {MaxWorkers: 8},
			postgres.QueueTranslate: {MaxWorkers: 4},
			postgres.QueuePublish:   {MaxWorkers: 2},
		}
	}
	a.river, err = river.NewClient(riverpgxv5.New(db.pool), rcfg)
	if err != nil {
		db.close(ctx)
		return nil, fmt.Errorf("river client: %w", err)
	}
	a.store.UseQueue(a.river)
	return a, nil
}

// Job lifecycle settings; see newApp.
const (
	retryCap        = 30 * time.Second
	rescueMargin    = 15 * time.Second
	softStopTimeout = 20 * time.Second
)

// start runs the workers, when this process has any.
func (a *app) start(ctx context.Context) error {
	a.siteCtx = ctx
	if dir := a.exportDir(); dir != "" && a.cfg.Workers {
		go a.exportOnChange(ctx, dir)
	}
	if !a.cfg.Workers {
		return nil
	}
	return a.river.Start(ctx)
}

// close stops the workers (letting running jobs finish), then the database.
func (a *app) close(ctx context.Context) {
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

func (a *app) webServer() (*web.Server, error) {
	prep, err := a.preparer()
	if err != nil {
		return nil, err
	}
	ws, err := web.New(web.Config{Store: a.store, Bundle: a.bundle, Prepare: prep.Prepare, Check: a.checks.Check,
		MaxBodyBytes: a.cfg.MaxBodyBytes, Logger: a.log, BaseURL: a.baseURL(), MarkMachineText: a.cfg.MarkMachineText})
	if err == nil && a.siteCtx != nil {
		ws.Watch(a.siteCtx)
	}
	return ws, err
}

// translators builds the route from a language pair to a machine-translation provider, from the
// environment with the provider flag taking precedence. Misconfiguration fails here, at start-up.
func translators(cfg *Config) (workers.Route, error) {
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
	return router.For, nil
}
