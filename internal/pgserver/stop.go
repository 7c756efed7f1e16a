package pgserver

import (
	"context"
	"errors"
	"fmt"
	"os"
	"syscall"
	"time"
)

// PostgreSQL's shutdown signals: SIGINT is the "fast" mode of
// `pg_ctl stop -m fast` (roll back open transactions, disconnect clients,
// checkpoint, exit), SIGQUIT the "immediate" mode (exit at once; the next
// start runs crash recovery).
const (
	sigFast      = syscall.SIGINT
	sigImmediate = syscall.SIGQUIT
)

// Stop shuts the server down cleanly, as `pg_ctl stop -m fast` does: open
// transactions are rolled back, clients are disconnected and the data is
// checkpointed. If ctx ends first the server is stopped immediately instead
// (no data loss: the next start replays the WAL) and Stop reports ctx's
// error. Stop is idempotent: later calls return the first call's result.
func (s *Server) Stop(ctx context.Context) error {
	if s == nil || s.cmd == nil {
		return errors.New("pgserver: Stop called on a server that Start did not return")
	}
	s.stopMu.Lock()
	defer s.stopMu.Unlock()
	if s.stopped {
		return s.stopErr
	}
	s.stopped = true
	defer s.release()

	select {
	case <-s.exited:
		s.stopErr = s.exitedEarly()
		return s.stopErr
	default:
	}
	if err := s.signal(sigFast); err != nil {
		if errors.Is(err, os.ErrProcessDone) {
			<-s.exited
			s.stopErr = s.exitedEarly()
			return s.stopErr
		}
		s.stopErr = fmt.Errorf("pgserver: signal shutdown: %w", err)
	}
	select {
	case <-s.exited:
		return s.stopErr
	case <-ctx.Done():
	}
	s.kill()
	s.stopErr = fmt.Errorf("pgserver: clean shutdown did not finish in time, stopped immediately instead: %w", ctx.Err())
	return s.stopErr
}

// exitedEarly describes a server that exited before Stop asked it to.
func (s *Server) exitedEarly() error {
	return fmt.Errorf("pgserver: server had already exited (%v); server log:\n%s", s.waitErr, s.log.Tail())
}

// signal sends sig to the postmaster unless it has already exited.
func (s *Server) signal(sig syscall.Signal) error {
	select {
	case <-s.exited:
		return os.ErrProcessDone
	default:
	}
	return s.cmd.Process.Signal(sig)
}

// killGroup sends SIGKILL to the server's process group (the postmaster
// and all its backends), the last resort when it ignores SIGQUIT.
func killGroup(pid int) error {
	return syscall.Kill(-pid, syscall.SIGKILL)
}

// killGrace is how long an immediate shutdown may take before the process
// group is killed.
const killGrace = 5 * time.Second
