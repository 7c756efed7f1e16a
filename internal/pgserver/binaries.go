package pgserver

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// FindBinaries returns the directory holding the PostgreSQL server
// binaries. It asks `pg_config --bindir` first, when pg_config is on PATH,
// then tries the usual install locations: /usr/lib/postgresql/*/bin (highest
// version first), /usr/local/pgsql/bin, Homebrew's postgresql* kegs,
// /usr/pgsql-*/bin and finally /usr/bin. A directory counts only when it
// holds both initdb and postgres, since pg_config may come from a client-only
// package. When nothing fits, the error is a *BinariesNotFoundError.
func FindBinaries() (string, error) {
	var searched []string
	for _, dir := range binaryCandidates() {
		if dir == "" || slices.Contains(searched, dir) {
			continue
		}
		searched = append(searched, dir)
		if hasServerBinaries(dir) {
			return dir, nil
		}
	}
	return "", &BinariesNotFoundError{Searched: searched}
}

// binaryCandidates lists the directories FindBinaries looks at, in order.
func binaryCandidates() []string {
	var dirs []string
	if pgConfig, err := exec.LookPath("pg_config"); err == nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		out, err := exec.CommandContext(ctx, pgConfig, "--bindir").Output()
		cancel()
		if err == nil {
			dirs = append(dirs, strings.TrimSpace(string(out)))
		}
	}
	if initdb, err := exec.LookPath("initdb"); err == nil {
		dirs = append(dirs, filepath.Dir(initdb))
	}
	dirs = append(dirs, globByVersion("/usr/lib/postgresql/*/bin")...)
	dirs = append(dirs, "/usr/local/pgsql/bin")
	dirs = append(dirs, globByVersion("/opt/homebrew/opt/postgresql*/bin")...)
	dirs = append(dirs, globByVersion("/usr/local/opt/postgresql*/bin")...)
	dirs = append(dirs, globByVersion("/usr/pgsql-*/bin")...)
	dirs = append(dirs, "/usr/bin")
	return dirs
}

// globByVersion expands pattern and orders the matches highest version
// first, so that a machine with several majors installed gets the newest.
func globByVersion(pattern string) []string {
	matches, err := filepath.Glob(pattern)
	if err != nil {
		return nil
	}
	// The first version-like number of the parent directory, as in
	// /usr/lib/postgresql/15/bin or /opt/homebrew/opt/postgresql@16/bin.
	versionNumber := regexp.MustCompile(`[0-9]+(\.[0-9]+)?`)
	version := func(path string) float64 {
		v, _ := strconv.ParseFloat(versionNumber.FindString(filepath.Base(filepath.Dir(path))), 64)
		return v
	}
	sort.SliceStable(matches, func(i, j int) bool { return version(matches[i]) > version(matches[j]) })
	return matches
}

// hasServerBinaries reports whether dir holds executable initdb and postgres.
func hasServerBinaries(dir string) bool {
	return missingBinary(dir) == ""
}

// missingBinary returns the name of the first server binary that dir lacks,
// or "" when both are there and executable.
func missingBinary(dir string) string {
	for _, name := range []string{"initdb", "postgres"} {
		info, err := os.Stat(filepath.Join(dir, name))
		if err != nil || info.IsDir() || info.Mode().Perm()&0o111 == 0 {
			return name
		}
	}
	return ""
}

// resolveBinDir returns the binaries directory to use: the given one after
// checking it, or a discovered one.
func resolveBinDir(binDir string) (string, error) {
	if binDir == "" {
		return FindBinaries()
	}
	abs, err := filepath.Abs(binDir)
	if err != nil {
		return "", fmt.Errorf("resolve binaries directory %q: %w", binDir, err)
	}
	if name := missingBinary(abs); name != "" {
		return "", &BinariesNotFoundError{Reason: fmt.Sprintf("%s has no executable %q", abs, name)}
	}
	return abs, nil
}

// majorVersion runs `postgres --version` and returns the major version the
// way PG_VERSION spells it: "15" from 10 onwards, "9.6" before.
func majorVersion(ctx context.Context, binDir string) (string, error) {
	out, err := exec.CommandContext(ctx, filepath.Join(binDir, "postgres"), "--version").Output()
	if err != nil {
		return "", fmt.Errorf("run postgres --version in %s: %w", binDir, err)
	}
	return parseMajorVersion(string(out))
}

// parseMajorVersion extracts the PG_VERSION spelling from `postgres --version`.
// The output looks like "postgres (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)".
func parseMajorVersion(out string) (string, error) {
	serverVersion := regexp.MustCompile(`\(PostgreSQL\)\s+([0-9]+)(?:\.([0-9]+))?`)
	m := serverVersion.FindStringSubmatch(out)
	if m == nil {
		return "", fmt.Errorf("unrecognised postgres --version output %q", strings.TrimSpace(out))
	}
	major, _ := strconv.Atoi(m[1])
	if major < 10 && m[2] != "" {
		return m[1] + "." + m[2], nil
	}
	return m[1], nil
}
