package pgserver

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// lockStart takes an exclusive lock on dir/pgserver.lock for the duration of
// Start, so that two processes starting on the same empty directory cannot
// both run initdb into it. Once the server runs, its own postmaster.pid
// guards the data directory. The lock is released by calling the returned
// function, or by the kernel if the process dies.
func lockStart(dir string) (unlock func(), err error) {
	path := filepath.Join(dir, "pgserver.lock")
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open start lock: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		_ = f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("another process is starting a server in %s right now; try again once it has started", dir)
		}
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	return func() { _ = f.Close() }, nil
}
