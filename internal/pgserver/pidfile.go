package pgserver

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// runningPID returns the pid recorded in dataDir/postmaster.pid when that
// process is still alive, and 0 when there is no lock file or it is stale.
// A stale file left by a crash is harmless: postgres itself replaces it
// once it sees the recorded process is gone.
func runningPID(dataDir string) (int, error) {
	raw, err := os.ReadFile(filepath.Join(dataDir, "postmaster.pid"))
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("read lock file: %w", err)
	}
	first, _, _ := strings.Cut(string(raw), "\n")
	pid, err := strconv.Atoi(strings.TrimSpace(first))
	if err != nil {
		// A half-written file: the owner is still starting or died while
		// writing it; postgres decides when it tries to take the lock.
		return 0, nil
	}
	if pid < 0 {
		pid = -pid // a single-user backend records its pid negated
	}
	// Our own pid can only be there through pid reuse after a crash.
	if pid == 0 || pid == os.Getpid() || !processAlive(pid) {
		return 0, nil
	}
	return pid, nil
}

// processAlive reports whether a process with this pid exists. EPERM means
// it exists but belongs to someone else, which still counts.
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// checkNotInUse fails with an *InUseError when a live server owns dataDir.
func checkNotInUse(dataDir string) error {
	pid, err := runningPID(dataDir)
	if err != nil {
		return fmt.Errorf("check whether %s is in use: %w", dataDir, err)
	}
	if pid != 0 {
		return &InUseError{DataDir: dataDir, PID: pid}
	}
	return nil
}
