package pgserver

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// RunningURL returns a connection URL for database on the server that another process already
// runs on dir (the case Start reports with an *InUseError), read from the server's lock file, so
// that a second program on the same machine can share it instead of failing: `tilmash serve` in
// one terminal and `tilmash ingest` in another.
func RunningURL(dir, database string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("resolve %s: %w", dir, err)
	}
	pl, err := place(abs, false)
	if err != nil {
		return "", err
	}
	dataDir := filepath.Join(pl.home, "data")
	pid, err := runningPID(dataDir)
	if err != nil {
		return "", err
	}
	if pid == 0 {
		return "", fmt.Errorf("no server runs on %s", dir)
	}
	raw, err := os.ReadFile(filepath.Join(dataDir, "postmaster.pid"))
	if err != nil {
		return "", fmt.Errorf("read lock file: %w", err)
	}
	// The lock file's fourth line is the port (see PostgreSQL's pidfile.h).
	lines := strings.Split(string(raw), "\n")
	if len(lines) < 4 {
		return "", fmt.Errorf("the server on %s is still starting", dir)
	}
	port, err := strconv.Atoi(strings.TrimSpace(lines[3]))
	if err != nil || port <= 0 {
		return "", fmt.Errorf("the server on %s has no port in its lock file", dir)
	}
	u := url.URL{Scheme: "postgres", User: url.User(superuser), Host: "127.0.0.1:" + strconv.Itoa(port),
		Path: "/" + database, RawQuery: "sslmode=disable"}
	return u.String(), nil
}
