package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/tilmash/tilmash/internal/pgserver"
	"github.com/tilmash/tilmash/internal/postgres"
)

// plainOnLoopback turns TLS off for a server on this machine (a loopback address or a Unix socket,
// named in the URL, in host=, or chosen by pgx when the URL names no host) when the URL does not
// choose an sslmode itself: pgx's default ("prefer") would negotiate TLS on every connection,
// which costs time and protects nothing that never leaves the machine. Any sslmode in the URL or
// in PGSSLMODE is left as it is, and so is every remote host of a URL that names several.
func plainOnLoopback(rawURL string, pcfg *pgxpool.Config, getenv func(string) string) {
	if getenv("PGSSLMODE") != "" || strings.Contains(rawURL, "sslmode=") {
		return
	}
	cc := pcfg.ConnConfig
	if onThisMachine(cc.Host) {
		cc.TLSConfig = nil
	}
	// pgx lists each host's plain attempt after its TLS one: drop the TLS attempts of local hosts,
	// and a plain attempt that repeats the first one.
	cc.Fallbacks = slices.DeleteFunc(cc.Fallbacks, func(f *pgconn.FallbackConfig) bool {
		if !onThisMachine(f.Host) {
			return false
		}
		return f.TLSConfig != nil || cc.TLSConfig == nil && f.Host == cc.Host && f.Port == cc.Port
	})
}

// onThisMachine reports whether a PostgreSQL host is a Unix socket directory or a loopback name
// or address.
func onThisMachine(host string) bool {
	if strings.HasPrefix(host, "/") || host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// database is an open, migrated database, and the private server behind it if there is one.
type database struct {
	pool   *pgxpool.Pool
	server *pgserver.Server
}

// openDatabase connects to cfg.DatabaseURL, or starts the private PostgreSQL under cfg.PGDir when
// it is empty, and applies all migrations.
func openDatabase(ctx context.Context, cfg *Config, log *slog.Logger, logOut io.Writer) (*database, error) {
	db := &database{}
	url := cfg.DatabaseURL
	if url == "" {
		dir, err := filepath.Abs(cfg.PGDir)
		if err != nil {
			return nil, fmt.Errorf("pg dir: %w", err)
		}
		srv, err := pgserver.Start(ctx, pgserver.Options{Dir: dir})
		var inUse *pgserver.InUseError
		switch {
		case errors.As(err, &inUse):
			// Another tilmash (serve, demo) already runs the private server: share it.
			if url, err = pgserver.RunningURL(dir, "tilmash"); err != nil {
				return nil, err
			}
			log.Info("using the private PostgreSQL another process runs", "dir", dir, "pid", inUse.PID)
		case err != nil:
			return nil, err
		default:
			db.server = srv
			if err := srv.CreateDatabase(ctx, "tilmash"); err != nil {
				db.close(ctx)
				return nil, err
			}
			url = srv.URL("tilmash")
			if srv.Dir() != dir {
				// Root runs the server as another account, which cannot reach dir.
				log.Info("private PostgreSQL keeps its files elsewhere, where its account can reach them",
					"dir", dir, "files", srv.Dir(), "note", filepath.Join(dir, "LOCATION"))
			}
			log.Info("private PostgreSQL started", "dir", srv.Dir(), "port", srv.Port())
		}
	}
	pcfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		db.close(ctx)
		return nil, fmt.Errorf("DATABASE_URL is not a valid PostgreSQL URL: %w", redact(err))
	}
	plainOnLoopback(url, pcfg, os.Getenv)
	if cfg.Workers && !strings.Contains(url, "pool_max_conns") {
		// pgx's default pool (four connections on two cores) would make running jobs queue for a
		// connection while others wait on the server; a pool_max_conns in the URL is kept.
		pcfg.MaxConns = max(pcfg.MaxConns, workerConns())
	}
	pool, err := pgxpool.NewWithConfig(ctx, pcfg)
	if err != nil {
		db.close(ctx)
		return nil, fmt.Errorf("connect: %w", err)
	}
	db.pool = pool
	if err := pool.Ping(ctx); err != nil {
		db.close(ctx)
		return nil, fmt.Errorf("connect to PostgreSQL at %s:%d: %w", pcfg.ConnConfig.Host, pcfg.ConnConfig.Port, err)
	}
	n, err := postgres.Migrate(ctx, pool)
	if err != nil {
		db.close(ctx)
		return nil, err
	}
	if n > 0 {
		log.Info("migrations applied", "count", n)
	}
	return db, nil
}

func (db *database) close(ctx context.Context) {
	if db.pool != nil {
		db.pool.Close()
	}
	if db.server != nil {
		db.server.Stop(context.WithoutCancel(ctx)) //nolint:errcheck // best effort on the way out
	}
}

// redact keeps a URL parse error from echoing the URL, which may hold a password.
func redact(err error) error {
	return fmt.Errorf("%s", "check its syntax (postgres://user:password@host:port/dbname)")
}

// newStore is a store without a job queue, for commands that enqueue nothing.
func newStore(db *database) *postgres.DB { return postgres.New(db.pool) }
