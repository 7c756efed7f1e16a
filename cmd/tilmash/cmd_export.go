package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/tilmash/tilmash/internal/sitexport"
)

// cmdExport writes the whole public site as static files into DIR: the pages the server serves,
// with .gz and .br copies, feeds, the sitemap and the stylesheet.
func cmdExport(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string, log *slog.Logger) error {
	fs := newFlagSet("export")
	var cfg Config
	cfg.bind(fs, getenv)
	cfg.bindServer(fs, getenv)
	if err := fs.Parse(interleaved(fs, args)); err != nil {
		return err
	}
	if fs.NArg() != 1 || strings.TrimSpace(fs.Arg(0)) == "" {
		return usagef("export needs one directory: tilmash export DIR")
	}
	a, err := newApp(ctx, &cfg, log, stderr)
	if err != nil {
		return err
	}
	defer a.close(ctx)
	n, err := a.export(ctx, fs.Arg(0))
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "exported %d files to %s\n", n, fs.Arg(0))
	return nil
}

// export builds the site from the current database state and writes it to dir.
func (a *app) export(ctx context.Context, dir string) (int, error) {
	ws, err := a.newWebServer()
	if err != nil {
		return 0, err
	}
	defer ws.Close()
	files, err := ws.SiteFiles(ctx)
	if err != nil {
		return 0, fmt.Errorf("build the site: %w", err)
	}
	if err := sitexport.Write(dir, files); err != nil {
		return 0, err
	}
	return len(files), nil
}

// exportDir is where the site is exported after every change, if anywhere (TILMASH_EXPORT_DIR).
func (a *app) exportDir() string {
	if a.cfg.Getenv == nil {
		return ""
	}
	return strings.TrimSpace(a.cfg.Getenv("TILMASH_EXPORT_DIR"))
}

// baseURL is the site's public address for canonical links, feeds and the sitemap: the configured
// one, or the local listen address.
func (a *app) baseURL() string {
	if a.cfg.BaseURL != "" {
		return strings.TrimSuffix(a.cfg.BaseURL, "/")
	}
	if a.cfg.Addr != "" {
		return "http://" + a.cfg.Addr
	}
	return "http://localhost:8080"
}

// exportOnChange exports the site whenever it changes (a publication, a release, an unpublished
// edition or a rollback, from any process), until ctx ends. Each export is a complete site.
// start runs it in the background, and close ends it and waits for it.
func (a *app) exportOnChange(ctx context.Context, dir string) {
	var last int64
	a.store.ListenSite(ctx, 30*time.Second, func(bool) {
		gen, err := a.store.SiteGeneration(ctx)
		if err != nil || gen == last {
			return
		}
		n, err := a.export(ctx, dir)
		if err != nil {
			if ctx.Err() == nil {
				a.log.ErrorContext(ctx, "site export failed", "dir", dir, "error", err)
			}
			return
		}
		last = gen
		a.log.InfoContext(ctx, "site exported", "dir", dir, "files", n, "generation", gen)
	})
}
