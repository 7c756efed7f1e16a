package pgserver

import (
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestRestartKeepsData(t *testing.T) {
	dir := serverDir(t)
	ctx := context.Background()

	first := startServer(t, dir)
	if err := first.CreateDatabase(ctx, "tilmash"); err != nil {
		t.Fatalf("CreateDatabase: %v", err)
	}
	if err := first.CreateDatabase(ctx, "tilmash"); err != nil {
		t.Fatalf("CreateDatabase on an existing database: %v", err)
	}
	conn := connect(t, first.URL("tilmash"))
	if _, err := conn.Exec(ctx, `CREATE TABLE doc (title text); INSERT INTO doc VALUES ('Сәлем, 世界')`); err != nil {
		t.Fatalf("write: %v", err)
	}
	_ = conn.Close(ctx)
	if err := first.Stop(ctx); err != nil {
		t.Fatalf("Stop: %v", err)
	}
	if err := first.Stop(ctx); err != nil {
		t.Fatalf("second Stop: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "data", "postmaster.pid")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("postmaster.pid after Stop: %v, want it removed by a clean shutdown", err)
	}

	// A port someone else holds gives a clear error and leaves the data be.
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = taken.Close() }()
	port := taken.Addr().(*net.TCPAddr).Port
	_, err = Start(ctx, Options{Dir: dir, Port: port})
	if err == nil || !strings.Contains(err.Error(), "port "+strconv.Itoa(port)+" on 127.0.0.1 is already in use") {
		t.Fatalf("Start on a taken port: got %v", err)
	}

	second := startServer(t, dir)
	var title, upper string
	err = connect(t, second.URL("tilmash")).QueryRow(ctx, `SELECT title, upper(title) FROM doc`).Scan(&title, &upper)
	if err != nil {
		t.Fatalf("read after restart: %v", err)
	}
	if title != "Сәлем, 世界" || upper != "СӘЛЕМ, 世界" {
		t.Errorf("after restart got %q / %q", title, upper)
	}
	if info, err := os.Stat(filepath.Join(dir, "postgres.log")); err != nil || info.Size() == 0 {
		t.Errorf("default log file Dir/postgres.log: %v", err)
	}
}

func TestSecondStartOnSameDirFails(t *testing.T) {
	dir := serverDir(t)
	running := startServer(t, dir)

	_, err := Start(context.Background(), Options{Dir: dir})
	var inUse *InUseError
	if !errors.As(err, &inUse) {
		t.Fatalf("second Start: got %v, want an *InUseError", err)
	}
	if want := "already in use by pid " + strconv.Itoa(running.cmd.Process.Pid); !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not contain %q", err, want)
	}
	// The first server must be unharmed.
	conn := connect(t, running.URL("postgres"))
	if err := conn.Ping(context.Background()); err != nil {
		t.Errorf("first server after the refused start: %v", err)
	}
}

func TestStartWithoutBinaries(t *testing.T) {
	_, err := Start(context.Background(), Options{Dir: t.TempDir(), BinDir: t.TempDir()})
	var notFound *BinariesNotFoundError
	if !errors.As(err, &notFound) {
		t.Fatalf("got %v, want a *BinariesNotFoundError", err)
	}
	for _, want := range []string{"apt-get install postgresql", "DATABASE_URL", "docker compose up"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
}

func TestStartRequiresDir(t *testing.T) {
	if _, err := Start(context.Background(), Options{}); err == nil || !strings.Contains(err.Error(), "Dir is required") {
		t.Fatalf("got %v, want a missing Dir error", err)
	}
}

func TestStartRefusesOtherMajorVersion(t *testing.T) {
	dir := serverDir(t)
	data := filepath.Join(dir, "data")
	if err := os.Mkdir(data, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(data, "PG_VERSION"), []byte("9.6\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := startQuick(t, dir)
	if err == nil || !strings.Contains(err.Error(), "PostgreSQL 9.6 cluster") || !strings.Contains(err.Error(), "untouched") {
		t.Fatalf("got %v, want a version mismatch error", err)
	}
	if got, _ := os.ReadFile(filepath.Join(data, "PG_VERSION")); string(got) != "9.6\n" {
		t.Errorf("PG_VERSION changed to %q", got)
	}
}

func TestStartRefusesForeignDataDir(t *testing.T) {
	dir := serverDir(t)
	data := filepath.Join(dir, "data")
	if err := os.Mkdir(data, 0o700); err != nil {
		t.Fatal(err)
	}
	precious := filepath.Join(data, "notes.txt")
	if err := os.WriteFile(precious, []byte("keep"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := startQuick(t, dir)
	if err == nil || !strings.Contains(err.Error(), "no PG_VERSION") {
		t.Fatalf("got %v, want a not-a-cluster error", err)
	}
	if _, err := os.Stat(precious); err != nil {
		t.Errorf("existing file disappeared: %v", err)
	}
}

func TestURL(t *testing.T) {
	s := &Server{port: 54321}
	if got, want := s.URL("app"), "postgres://postgres@127.0.0.1:54321/app?sslmode=disable"; got != want {
		t.Errorf("URL = %q, want %q", got, want)
	}
}

// startQuick calls Start for tests that expect it to fail before launching.
func startQuick(t *testing.T, dir string) (*Server, error) {
	t.Helper()
	requireBinaries(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	s, err := Start(ctx, Options{Dir: dir})
	if err == nil {
		_ = s.Stop(ctx)
	}
	return s, err
}

// TestRunningURLSharesTheServer: a second program finds the running server's address instead of
// starting another on the same directory.
func TestRunningURLSharesTheServer(t *testing.T) {
	t.Parallel()
	dir := serverDir(t)
	ctx := context.Background()
	s, err := Start(ctx, Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Stop(ctx)
	got, err := RunningURL(dir, "postgres")
	if err != nil || got != s.URL("postgres") {
		t.Fatalf("RunningURL = %q, %v; want %q", got, err, s.URL("postgres"))
	}
	if _, err := RunningURL(t.TempDir(), "postgres"); err == nil {
		t.Error("RunningURL found a server where none runs")
	}
}
