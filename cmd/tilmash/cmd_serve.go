package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"time"

	"github.com/tilmash/tilmash/internal/web/reader"
)

// cmdServe serves the site and the API, with the workers unless --no-workers is given.
func cmdServe(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string, log *slog.Logger, withWorkers bool) error {
	fs := newFlagSet("serve")
	var cfg Config
	cfg.bind(fs, getenv)
	cfg.bindServer(fs, getenv)
	noWorkers := fs.Bool("no-workers", !withWorkers, "serve HTTP only; run workers with \"tilmash worker\"")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg.Workers = !*noWorkers
	a, err := newApp(ctx, &cfg, log, stderr)
	if err != nil {
		return err
	}
	defer a.close(ctx)
	a.limitMemory()
	if err := a.start(ctx); err != nil {
		return err
	}
	if cfg.MetricsAddr != "" {
		stop, err := a.serveMetrics(ctx, stdout, false)
		if err != nil {
			return err
		}
		defer stop()
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.Addr, err)
	}
	fmt.Fprintf(stdout, "serving on http://%s\n", ln.Addr())
	return a.serveHTTP(ctx, ln)
}

// memoryHeadroom is what a serve process needs besides the reader's pages: the index of the live
// editions, requests in flight, and the workers' dictionaries (a worker holds about 90 MB).
const memoryHeadroom = 192 << 20

// limitMemory gives the Go runtime a soft memory limit of the reader's page memory plus
// memoryHeadroom, unless GOMEMLIMIT sets one. Without a limit Go lets its heap grow to twice what
// is live before it collects, so a process that has rendered many pages would hold about twice
// the memory it uses; with one it collects sooner as it nears the limit (a soft limit: a process
// that really needs more gets it, at the cost of more frequent collections).
func (a *app) limitMemory() {
	if a.getenv("GOMEMLIMIT") != "" {
		return
	}
	pages := a.readerCacheBytes()
	if pages == 0 {
		pages = reader.DefaultCacheBytes
	}
	debug.SetMemoryLimit(pages + memoryHeadroom)
}

// serveHTTP serves until ctx ends, then shuts down gracefully.
func (a *app) serveHTTP(ctx context.Context, ln net.Listener) error {
	ws, err := a.webServer()
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: ws.Handler(), ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute,
		ErrorLog: slog.NewLogLogger(a.log.Handler(), slog.LevelWarn)}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return err
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// cmdWorker runs the workers only, until interrupted; with a metrics address, it serves its
// metrics and health endpoints there.
func cmdWorker(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string, log *slog.Logger) error {
	fs := newFlagSet("worker")
	var cfg Config
	cfg.bind(fs, getenv)
	cfg.bindMetrics(fs, getenv)
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg.Workers = true
	a, err := newApp(ctx, &cfg, log, stderr)
	if err != nil {
		return err
	}
	defer a.close(ctx)
	if err := a.start(ctx); err != nil {
		return err
	}
	if cfg.MetricsAddr != "" {
		stop, err := a.serveMetrics(ctx, stdout, true)
		if err != nil {
			return err
		}
		defer stop()
	}
	log.Info("workers running")
	<-ctx.Done()
	return nil
}

// cmdMigrate applies the migrations and exits.
func cmdMigrate(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string, log *slog.Logger) error {
	fs := newFlagSet("migrate")
	var cfg Config
	cfg.bind(fs, getenv)
	if err := fs.Parse(args); err != nil {
		return err
	}
	db, err := openDatabase(ctx, &cfg, log, stderr)
	if err != nil {
		return err
	}
	db.close(ctx)
	fmt.Fprintln(stdout, "database is up to date")
	return nil
}
