package pgserver

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
)

// readyTimeout bounds how long Start waits for a launched server to accept
// connections; crash recovery after an unclean stop fits well within it.
const readyTimeout = 30 * time.Second

// portTakenError reports that the server could not bind its port.
type portTakenError struct {
	port int
	log  string
}

func (e *portTakenError) Error() string {
	return fmt.Sprintf("port %d on 127.0.0.1 is already in use; choose another port (0 picks a free one); server log:\n%s", e.port, e.log)
}

// launch starts the postmaster on s.port and waits until it accepts
// connections. On failure the process is gone when launch returns, and the
// error explains why, quoting the end of the server log.
func (s *Server) launch(ctx context.Context, binDir, workDir string, acct account) error {
	cmd := serverCommand(binDir, acct, workDir,
		"-D", s.dataDir,
		"-p", strconv.Itoa(s.port),
		"-k", s.sockDir,
		"-c", "listen_addresses=127.0.0.1",
		"-c", "logging_collector=off",
		"-c", "log_destination=stderr",
	)
	cmd.Stdout = s.log
	cmd.Stderr = s.log
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("run %s: %w", cmd.Path, err)
	}
	exited := make(chan struct{})
	s.cmd, s.exited = cmd, exited
	go func() {
		s.waitErr = cmd.Wait()
		close(exited)
	}()

	err := s.waitReady(ctx)
	if err == nil {
		return nil
	}
	s.kill()
	switch {
	case s.log.Contains("Address already in use"):
		return &portTakenError{port: s.port, log: s.log.Tail()}
	case s.log.Contains(`lock file "postmaster.pid" already exists`):
		if pid, perr := runningPID(s.dataDir); perr == nil && pid != 0 {
			return &InUseError{DataDir: s.dataDir, PID: pid}
		}
	}
	return fmt.Errorf("%w; server log:\n%s", err, s.log.Tail())
}

// waitReady pings the server until it answers, it exits, ctx ends or
// readyTimeout passes.
func (s *Server) waitReady(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, readyTimeout)
	defer cancel()
	cfg, err := pgx.ParseConfig(s.URL("postgres"))
	if err != nil {
		return fmt.Errorf("parse server url: %w", err)
	}
	cfg.ConnectTimeout = 2 * time.Second
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	var lastErr error
	for {
		select {
		case <-s.exited:
			return fmt.Errorf("postgres exited during start-up (%v)", s.waitErr)
		case <-ctx.Done():
			return fmt.Errorf("postgres did not accept connections (last attempt: %v): %w", lastErr, ctx.Err())
		case <-tick.C:
		}
		if lastErr = ping(ctx, cfg); lastErr == nil {
			return nil
		}
	}
}

// ping opens one connection and checks the server answers queries.
func ping(ctx context.Context, cfg *pgx.ConnConfig) error {
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return fmt.Errorf("connect: %w", err)
	}
	defer func() { _ = conn.Close(context.Background()) }()
	if err := conn.Ping(ctx); err != nil {
		return fmt.Errorf("ping: %w", err)
	}
	return nil
}

// kill ends a server that failed to come up: an immediate shutdown
// (SIGQUIT), then SIGKILL for its whole process group if it lingers. It
// returns once the postmaster has exited.
func (s *Server) kill() {
	if err := s.signal(sigImmediate); errors.Is(err, os.ErrProcessDone) {
		return
	} else if err == nil {
		select {
		case <-s.exited:
			return
		case <-time.After(killGrace):
		}
	}
	_ = killGroup(s.cmd.Process.Pid)
	<-s.exited
}
