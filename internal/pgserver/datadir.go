package pgserver

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// superuser is the role initdb creates; every URL connects as it.
const superuser = "postgres"

// prepareDataDir makes dataDir ready for the server: it runs initdb when the
// directory is missing or empty and otherwise checks that the existing
// cluster matches the binaries' major version. It never deletes or
// rewrites existing data; a mismatch or a foreign directory is an error.
func prepareDataDir(ctx context.Context, binDir, major, dataDir, workDir string, acct account, log io.Writer) error {
	info, err := os.Stat(dataDir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if err := os.Mkdir(dataDir, 0o700); err != nil {
			return fmt.Errorf("create data directory: %w", err)
		}
		if err := acct.own(dataDir); err != nil {
			return err
		}
		return initdb(ctx, binDir, dataDir, workDir, acct, log)
	case err != nil:
		return fmt.Errorf("inspect data directory: %w", err)
	case !info.IsDir():
		return fmt.Errorf("data directory %s is not a directory", dataDir)
	}

	raw, err := os.ReadFile(filepath.Join(dataDir, "PG_VERSION"))
	if errors.Is(err, os.ErrNotExist) {
		entries, err := os.ReadDir(dataDir)
		if err != nil {
			return fmt.Errorf("read data directory: %w", err)
		}
		if len(entries) > 0 {
			return fmt.Errorf("data directory %s is not empty but holds no PostgreSQL cluster (no PG_VERSION); "+
				"it was left untouched: move its contents away or choose another --pg-dir", dataDir)
		}
		if err := acct.own(dataDir); err != nil {
			return err
		}
		return initdb(ctx, binDir, dataDir, workDir, acct, log)
	}
	if err != nil {
		return fmt.Errorf("read cluster version: %w", err)
	}
	if have := strings.TrimSpace(string(raw)); have != major {
		return fmt.Errorf("data directory %s holds a PostgreSQL %s cluster but the binaries in %s are PostgreSQL %s; "+
			"the data was left untouched: point BinDir at PostgreSQL %s binaries, or upgrade the cluster with pg_upgrade, "+
			"or choose another --pg-dir to start afresh", dataDir, have, binDir, major, have)
	}
	if st, ok := info.Sys().(*syscall.Stat_t); ok && st.Uid == 0 {
		// A root-owned cluster (copied in place, say) cannot be opened by
		// the account the server runs as.
		return acct.ownTree(dataDir)
	}
	return nil
}

// initdb creates a cluster in the empty dataDir: UTF8, superuser "postgres",
// trust authentication (the server listens only on loopback and its socket
// directory is private). It prefers the C.UTF-8 locale, which classifies
// Cyrillic and CJK letters for upper()/lower() and case-insensitive
// matching, and falls back to plain C where that locale does not exist.
func initdb(ctx context.Context, binDir, dataDir, workDir string, acct account, log io.Writer) error {
	var lastErr error
	for _, locale := range []string{"C.UTF-8", "C"} {
		var out bytes.Buffer
		w := io.MultiWriter(&out, log)
		cmd := toolCommand(ctx, binDir, "initdb", acct, workDir,
			"--pgdata="+dataDir, "--username="+superuser, "--auth=trust",
			"--encoding=UTF8", "--locale="+locale)
		cmd.Stdout = w
		cmd.Stderr = w
		// Interrupted rather than killed when ctx ends: initdb then removes
		// what it created, instead of leaving a half-made cluster behind
		// that later starts would take for a real one.
		cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
		cmd.WaitDelay = 10 * time.Second
		err := cmd.Run()
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return fmt.Errorf("initdb %s interrupted: %w", dataDir, ctx.Err())
		}
		lastErr = fmt.Errorf("initdb %s with locale %s: %w: %s", dataDir, locale, err, lastLines(out.String(), 15))
		if !strings.Contains(out.String(), "invalid locale") {
			break
		}
	}
	return lastErr
}

// lastLines returns at most n trailing lines of s, for error messages.
func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
