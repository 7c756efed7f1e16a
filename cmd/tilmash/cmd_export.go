package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/tilmash/tilmash/internal/sitexport"
	"github.com/tilmash/tilmash/internal/web"
	"github.com/tilmash/tilmash/internal/web/reader"
)

// cmdExport writes the public site as static files into DIR: the pages the server serves, with
// .gz and .br copies, feeds, the sitemap and the stylesheet. A directory holding an earlier
// export of the same site gets only the pages changed since; --full writes everything anew.
func cmdExport(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string, log *slog.Logger) error {
	fs := newFlagSet("export")
	var cfg Config
	cfg.bind(fs, getenv)
	cfg.bindServer(fs, getenv)
	full := fs.Bool("full", false, "write every page, not only those changed since the directory's last export")
	if err := fs.Parse(interleaved(fs, args)); err != nil {
		return err
	}
	if fs.NArg() != 1 || strings.TrimSpace(fs.Arg(0)) == "" {
		return usagef("export needs one directory: tilmash export [--full] DIR")
	}
	a, err := newApp(ctx, &cfg, log, stderr)
	if err != nil {
		return err
	}
	defer a.close(ctx)
	start := time.Now()
	res, err := a.exportSite(ctx, fs.Arg(0), *full)
	if err != nil {
		return err
	}
	kind := "only changes"
	if res.Full {
		kind = "whole site"
	}
	fmt.Fprintf(stdout, "exported %d files to %s (%s, generation %d, %d removed) in %s\n",
		res.Written, fs.Arg(0), kind, res.Generation, res.Removed, time.Since(start).Round(time.Millisecond))
	return nil
}

// export writes the site to dir, incrementally when dir holds an earlier export of it, and
// returns how many pages it wrote.
func (a *app) export(ctx context.Context, dir string) (int, error) {
	res, err := a.exportSite(ctx, dir, false)
	return res.Written, err
}

// exportSite writes the site to dir: only the pages changed since dir's last export when its
// manifest names a generation of this site built for the same address, everything otherwise or
// with full.
func (a *app) exportSite(ctx context.Context, dir string, full bool) (reader.ExportResult, error) {
	site, err := web.NewReader(web.Config{Store: a.store, Bundle: a.bundle, Logger: a.log, BaseURL: a.baseURL(),
		MarkMachineText: a.cfg.MarkMachineText})
	if err != nil {
		return reader.ExportResult{}, err
	}
	defer site.Close()
	var since int64
	if !full {
		m, err := sitexport.ReadManifest(dir)
		if err != nil {
			return reader.ExportResult{}, err
		}
		if m.BaseURL == a.baseURL() {
			since = m.Generation
		}
	}
	t := &exportTarget{dir: dir}
	defer t.close()
	res, err := site.Export(ctx, t, since)
	if err != nil {
		return res, fmt.Errorf("export the site: %w", err)
	}
	return res, t.w.Commit(sitexport.Manifest{Generation: res.Generation, BaseURL: a.baseURL()})
}

// exportTarget opens the export directory once the export says whether it is whole (written
// aside and swapped in) or only changes (written in place).
type exportTarget struct {
	dir string
	w   *sitexport.Writer
}

func (t *exportTarget) Begin(full bool) (err error) {
	t.w, err = sitexport.Open(t.dir, full)
	return err
}

func (t *exportTarget) Put(f sitexport.File) error { return t.w.Put(f) }

func (t *exportTarget) Remove(url string) error { return t.w.Remove(url) }

func (t *exportTarget) close() {
	if t.w != nil {
		t.w.Close()
	}
}

// exportDir is where the site is exported after every change, if anywhere (TILMASH_EXPORT_DIR).
func (a *app) exportDir() string {
	return a.getenv("TILMASH_EXPORT_DIR")
}

// getenv reads a setting from the environment, trimmed; "" without an environment.
func (a *app) getenv(name string) string {
	if a.cfg.Getenv == nil {
		return ""
	}
	return strings.TrimSpace(a.cfg.Getenv(name))
}

// readerCacheBytes is the reader's page memory (TILMASH_READER_CACHE_MB, in MiB); 0 for the
// default.
func (a *app) readerCacheBytes() int64 {
	mb, err := strconv.ParseInt(a.getenv("TILMASH_READER_CACHE_MB"), 10, 64)
	if err != nil || mb <= 0 {
		return 0
	}
	return mb << 20
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
// edition or a rollback, from any process), until ctx ends: only the pages that changed.
// start runs it in the background, and close ends it and waits for it.
func (a *app) exportOnChange(ctx context.Context, dir string) {
	var last int64
	a.store.ListenSite(ctx, 30*time.Second, func(bool) {
		gen, err := a.store.SiteGeneration(ctx)
		if err != nil || gen == last {
			return
		}
		res, err := a.exportSite(ctx, dir, false)
		if err != nil {
			if ctx.Err() == nil {
				a.log.ErrorContext(ctx, "site export failed", "dir", dir, "error", err)
			}
			return
		}
		last = gen
		a.log.InfoContext(ctx, "site exported", "dir", dir, "files", res.Written, "removed", res.Removed,
			"whole", res.Full, "generation", res.Generation)
	})
}
