package pgserver

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// serverDir returns an empty directory for a server's files. When the tests
// run as root the server runs as another account, so the directory and the
// per-test directory above it (both private by default) are opened up.
func serverDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if os.Geteuid() == 0 {
		for _, d := range []string{filepath.Dir(dir), dir} {
			if err := os.Chmod(d, 0o755); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

// skipToolsEnv lets a developer without PostgreSQL's server binaries run the rest: with it set
// to 1, a test that needs them is skipped, saying so. Without it, their absence fails the test,
// naming the package to install; .ci/run installs it and never sets the variable.
const skipToolsEnv = "TILMASH_TEST_SKIP_TOOLS"

// requireBinaries fails the test (or skips it, see skipToolsEnv) without PostgreSQL's server
// binaries.
func requireBinaries(t *testing.T) {
	t.Helper()
	if _, err := FindBinaries(); err != nil {
		if os.Getenv(skipToolsEnv) == "1" {
			t.Skipf("no PostgreSQL binaries (%v); skipped because %s=1", err, skipToolsEnv)
		}
		t.Fatalf("no PostgreSQL binaries (%v): apt-get install postgresql, or set %s=1 to skip the tests that need them", err, skipToolsEnv)
	}
}

// startServer starts a server on dir and stops it when the test ends.
func startServer(t *testing.T, dir string) *Server {
	t.Helper()
	requireBinaries(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	s, err := Start(ctx, Options{Dir: dir})
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := s.Stop(ctx); err != nil {
			t.Errorf("Stop: %v", err)
		}
	})
	return s
}

// connect opens a connection that is closed when the test ends.
func connect(t *testing.T, url string) *pgx.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatalf("connect %s: %v", url, err)
	}
	t.Cleanup(func() { _ = conn.Close(context.Background()) })
	return conn
}
