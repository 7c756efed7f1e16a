package pgserver

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
)

// Options configures Start.
type Options struct {
	// Dir holds everything the server keeps: the cluster in Dir/data, the
	// socket in Dir/run and, unless Log is set, the log in Dir/postgres.log.
	// It is required; choosing a default (such as ./.tilmash/pg) is the
	// caller's business. It is created when missing. When the caller is root
	// and the account the server runs as cannot reach Dir, all of these go
	// to a directory that account can reach instead, the same one for the
	// same Dir on every start (Server.Dir names it).
	Dir string
	// BinDir is the directory holding initdb and postgres. Empty means
	// FindBinaries decides.
	BinDir string
	// Port is the loopback TCP port to listen on; 0 picks a free one.
	Port int
	// Log receives the output of initdb and of the server. Nil means
	// Dir/postgres.log (appended to). Write errors are ignored.
	Log io.Writer
}

// portAttempts is how many free ports Start tries when the one it picked
// is taken by someone else before the server binds it.
const portAttempts = 3

// Server is a running PostgreSQL server started by Start. Its methods are
// safe for concurrent use.
type Server struct {
	home     string
	port     int
	dataDir  string
	sockDir  string
	sockTemp bool
	cmd      *exec.Cmd
	log      *logTail
	logFile  *os.File

	// exited is closed once the postmaster has exited; waitErr is its exit
	// status and may be read only after that.
	exited  chan struct{}
	waitErr error

	stopMu  sync.Mutex
	stopped bool
	stopErr error
}

// Start runs a PostgreSQL server on opts.Dir and returns once it accepts
// connections. The first start creates the cluster with initdb; later
// starts reuse it after checking that its major version matches the
// binaries. Start fails with an *InUseError when another server already
// runs on the same directory and with a *BinariesNotFoundError when there
// are no binaries to run.
//
// ctx bounds only the start-up (which also gives up on its own after 30s);
// the server keeps running until Stop is called.
func Start(ctx context.Context, opts Options) (*Server, error) {
	if opts.Dir == "" {
		return nil, errors.New("pgserver: Options.Dir is required")
	}
	if opts.Port < 0 || opts.Port > 65535 {
		return nil, fmt.Errorf("pgserver: port %d is out of range 0-65535", opts.Port)
	}
	dir, err := filepath.Abs(opts.Dir)
	if err != nil {
		return nil, fmt.Errorf("pgserver: resolve %s: %w", opts.Dir, err)
	}
	binDir, err := resolveBinDir(opts.BinDir)
	if err != nil {
		return nil, fmt.Errorf("pgserver: %w", err)
	}
	major, err := majorVersion(ctx, binDir)
	if err != nil {
		return nil, fmt.Errorf("pgserver: %w", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("pgserver: create %s: %w", dir, err)
	}
	// Decided once dir exists, since the umask decides the mode of the
	// directories MkdirAll creates.
	pl, err := place(dir, true)
	if err != nil {
		return nil, fmt.Errorf("pgserver: %w", err)
	}
	home, acct := pl.home, pl.acct
	dataDir := filepath.Join(home, "data")
	unlock, err := lockStart(home)
	if err != nil {
		return nil, fmt.Errorf("pgserver: %w", err)
	}
	defer unlock()
	if err := checkNotInUse(dataDir); err != nil {
		return nil, fmt.Errorf("pgserver: %w", err)
	}

	out, logFile := opts.Log, (*os.File)(nil)
	if out == nil {
		logFile, err = os.OpenFile(filepath.Join(home, "postgres.log"), os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
		if err != nil {
			return nil, fmt.Errorf("pgserver: open server log: %w", err)
		}
		out = logFile
	}
	s := &Server{home: home, dataDir: dataDir, log: newLogTail(out), logFile: logFile}
	if err := s.start(ctx, binDir, major, home, acct, opts.Port); err != nil {
		s.release()
		return nil, fmt.Errorf("pgserver: %w", err)
	}
	return s, nil
}

// start prepares the cluster and socket directory, then launches the
// server, retrying with a new port when a picked one was taken meanwhile.
func (s *Server) start(ctx context.Context, binDir, major, dir string, acct account, port int) error {
	if err := prepareDataDir(ctx, binDir, major, s.dataDir, dir, acct, s.log); err != nil {
		return err
	}
	sockDir, temporary, err := socketDir(dir, acct)
	if err != nil {
		return err
	}
	s.sockDir, s.sockTemp = sockDir, temporary
	for attempt := 1; ; attempt++ {
		s.port = port
		if port == 0 {
			if s.port, err = freePort(); err != nil {
				return err
			}
		}
		err = s.launch(ctx, binDir, dir, acct)
		var taken *portTakenError
		if err == nil || !errors.As(err, &taken) || port != 0 || attempt == portAttempts {
			return err
		}
	}
}

// URL returns a connection URL for database on this server, for example
// postgres://postgres@127.0.0.1:54321/app?sslmode=disable.
func (s *Server) URL(database string) string {
	u := url.URL{
		Scheme:   "postgres",
		User:     url.User(superuser),
		Host:     "127.0.0.1:" + strconv.Itoa(s.port),
		Path:     "/" + database,
		RawQuery: "sslmode=disable",
	}
	return u.String()
}

// Dir returns the directory that holds the server's files: Options.Dir (as
// an absolute path), or, when the server account cannot reach it, the
// directory chosen instead (see home.go), which Options.Dir/LOCATION names.
func (s *Server) Dir() string {
	return s.home
}

// Port returns the loopback TCP port the server listens on.
func (s *Server) Port() int {
	return s.port
}

// release frees what Start acquired for the server once it has exited:
// the log file it opened and a temporary socket directory.
func (s *Server) release() {
	if s.logFile != nil {
		_ = s.logFile.Close()
		s.logFile = nil
	}
	if s.sockTemp {
		_ = os.RemoveAll(s.sockDir)
		s.sockTemp = false
	}
}
