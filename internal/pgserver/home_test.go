package pgserver

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestStartAsRootInPrivateDirectory: root starts the server for a directory
// that only root may enter (a clone in /root, or in a `mktemp -d`
// directory). The server account cannot reach it, so the server's files go
// to a place it can reach, the same one on every start; the user's
// directories keep their permissions.
func TestStartAsRootInPrivateDirectory(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root runs the server as another account")
	}
	requireBinaries(t)
	private := t.TempDir() // made 0700 below, like mktemp -d
	varLib := t.TempDir()  // stands in for /var/lib
	// The per-test directory above both is private too; open it, as /tmp is.
	for _, d := range []string{filepath.Dir(private), varLib} {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chmod(private, 0o700); err != nil {
		t.Fatal(err)
	}
	// The first place is out of the account's reach too, so the second is used.
	unreachable := filepath.Join(private, "var-lib-tilmash")
	reachable := filepath.Join(varLib, "tilmash")
	saved := relocationBases
	relocationBases = func() []string { return []string{unreachable, reachable} }
	t.Cleanup(func() { relocationBases = saved })

	dir := filepath.Join(private, "clone", ".tilmash", "pg")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	first, err := Start(ctx, Options{Dir: dir})
	if err != nil {
		t.Fatalf("Start in a directory only root may enter: %v", err)
	}
	t.Cleanup(func() { _ = first.Stop(context.Background()) })
	home := first.Dir()
	if want := filepath.Join(reachable, homeName(dir)); home != want {
		t.Fatalf("Dir = %s, want %s", home, want)
	}
	for path, wantMode := range map[string]os.FileMode{home: 0o700, filepath.Join(home, "data"): 0o700, filepath.Join(home, "run"): 0o700} {
		info, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if st := info.Sys().(*syscall.Stat_t); st.Uid == 0 || info.Mode().Perm() != wantMode {
			t.Errorf("%s: owner uid %d, mode %v; want the server account, %v", path, st.Uid, info.Mode().Perm(), wantMode)
		}
	}
	if info, err := os.Stat(filepath.Join(home, "postgres.log")); err != nil || info.Size() == 0 {
		t.Errorf("log in %s: %v", home, err)
	}
	if info, _ := os.Stat(private); info.Mode().Perm() != 0o700 {
		t.Errorf("permissions of %s changed to %v", private, info.Mode().Perm())
	}
	if got, _ := os.ReadFile(filepath.Join(dir, locationFile)); strings.TrimSpace(string(got)) != home {
		t.Errorf("%s/%s = %q, want %s", dir, locationFile, got, home)
	}
	if got, _ := os.ReadFile(filepath.Join(home, originFile)); strings.TrimSpace(string(got)) != dir {
		t.Errorf("%s/%s = %q, want %s", home, originFile, got, dir)
	}

	if err := first.CreateDatabase(ctx, "tilmash"); err != nil {
		t.Fatalf("CreateDatabase: %v", err)
	}
	conn := connect(t, first.URL("tilmash"))
	if _, err := conn.Exec(ctx, `CREATE TABLE doc (title text); INSERT INTO doc VALUES ('Сәлем')`); err != nil {
		t.Fatalf("write: %v", err)
	}
	_ = conn.Close(ctx)

	// A second process finds the running server instead of starting another.
	var inUse *InUseError
	if _, err := Start(ctx, Options{Dir: dir}); !errors.As(err, &inUse) {
		t.Fatalf("second Start: got %v, want an *InUseError", err)
	}
	if got, err := RunningURL(dir, "tilmash"); err != nil || got != first.URL("tilmash") {
		t.Fatalf("RunningURL = %q, %v; want %q", got, err, first.URL("tilmash"))
	}

	if err := first.Stop(ctx); err != nil {
		t.Fatalf("Stop: %v", err)
	}
	if _, err := RunningURL(dir, "tilmash"); err == nil {
		t.Error("RunningURL found a server after Stop")
	}
	second, err := Start(ctx, Options{Dir: dir})
	if err != nil {
		t.Fatalf("second start: %v", err)
	}
	t.Cleanup(func() { _ = second.Stop(context.Background()) })
	if second.Dir() != home {
		t.Errorf("second start keeps its files in %s, the first in %s", second.Dir(), home)
	}
	var title string
	if err := connect(t, second.URL("tilmash")).QueryRow(ctx, `SELECT title FROM doc`).Scan(&title); err != nil || title != "Сәлем" {
		t.Fatalf("data after restart: %q, %v", title, err)
	}

	if homeName(filepath.Join(private, "other-clone", ".tilmash", "pg")) == homeName(dir) {
		t.Error("two directories share one place")
	}
}

// TestStartAsRootKeepsUnreachableCluster: a cluster already in a directory
// the server account cannot reach is not hidden by an empty one elsewhere;
// the error names the directory in the way.
func TestStartAsRootKeepsUnreachableCluster(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root runs the server as another account")
	}
	private := t.TempDir()
	if err := os.Chmod(filepath.Dir(private), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(private, 0o700); err != nil {
		t.Fatal(err)
	}
	saved := relocationBases
	bases := filepath.Join(t.TempDir(), "tilmash")
	relocationBases = func() []string { return []string{bases} }
	t.Cleanup(func() { relocationBases = saved })
	dir := filepath.Join(private, "pg")
	if err := os.MkdirAll(filepath.Join(dir, "data"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "data", "PG_VERSION"), []byte("15\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := startQuick(t, dir)
	if err == nil || !strings.Contains(err.Error(), "directory "+private+" ") || !strings.Contains(err.Error(), "not searchable") {
		t.Fatalf("got %v, want an error naming %s", err, private)
	}
	if _, err := os.Stat(bases); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a place was made for the server's files anyway: %v", err)
	}
}
