package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"

	"github.com/tilmash/tilmash/migrations"
)

// What operators watch: the queue and the editions in numbers, and whether the schema is current.

// JobCount is the number of River jobs of one kind in one state.
type JobCount struct {
	Kind, State string
	Count       int64
}

// QueueDepth is a queue's backlog: jobs available to run now, and how long the oldest waited.
type QueueDepth struct {
	Queue     string
	Available int64
	OldestAge time.Duration
}

// OperationsStats is the database's share of the metrics.
type OperationsStats struct {
	Jobs     []JobCount
	Queues   []QueueDepth
	Editions map[string]int64
}

// statsTimeout bounds each statistics query: a scrape must not hold a connection for long when
// the job table is large.
const statsTimeout = "2s"

// OperationsStats counts jobs by kind and state, the available jobs of each queue with the age
// of the oldest, and the editions by state, in one read-only transaction.
func (db *DB) OperationsStats(ctx context.Context) (OperationsStats, error) {
	var st OperationsStats
	tx, err := db.pool.BeginTx(ctx, pgx.TxOptions{AccessMode: pgx.ReadOnly})
	if err != nil {
		return st, fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback(ctx) //nolint:errcheck // read-only
	if _, err := tx.Exec(ctx, "SET LOCAL statement_timeout = '"+statsTimeout+"'"); err != nil {
		return st, err
	}
	rows, err := tx.Query(ctx, `SELECT kind, state::text, count(*) FROM river_job GROUP BY kind, state ORDER BY kind, state`)
	if err != nil {
		return st, fmt.Errorf("count jobs: %w", err)
	}
	st.Jobs, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (JobCount, error) {
		var c JobCount
		return c, r.Scan(&c.Kind, &c.State, &c.Count)
	})
	if err != nil {
		return st, fmt.Errorf("count jobs: %w", err)
	}
	rows, err = tx.Query(ctx, `SELECT queue, count(*), greatest(extract(epoch FROM now() - min(scheduled_at)), 0)::float8
		FROM river_job WHERE state = 'available' GROUP BY queue ORDER BY queue`)
	if err != nil {
		return st, fmt.Errorf("queue depth: %w", err)
	}
	st.Queues, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (QueueDepth, error) {
		var q QueueDepth
		var age float64
		err := r.Scan(&q.Queue, &q.Available, &age)
		q.OldestAge = time.Duration(age * float64(time.Second))
		return q, err
	})
	if err != nil {
		return st, fmt.Errorf("queue depth: %w", err)
	}
	rows, err = tx.Query(ctx, `SELECT state, count(*) FROM editions GROUP BY state`)
	if err != nil {
		return st, fmt.Errorf("count editions: %w", err)
	}
	st.Editions = map[string]int64{}
	var state string
	var n int64
	if _, err := pgx.ForEachRow(rows, []any{&state, &n}, func() error { st.Editions[state] = n; return nil }); err != nil {
		return st, fmt.Errorf("count editions: %w", err)
	}
	return st, nil
}

// SchemaStatus says what is missing from the database's schema: the application's migrations
// not yet applied (goose) and River's (rivermigrate). Empty strings mean current.
func SchemaStatus(ctx context.Context, pool *pgxpool.Pool) (app, queue string, err error) {
	sqlDB := stdlib.OpenDBFromPool(pool)
	defer sqlDB.Close()
	p, err := goose.NewProvider(goose.DialectPostgres, sqlDB, migrations.FS, goose.WithAllowOutofOrder(true))
	if err != nil {
		return "", "", fmt.Errorf("migrations: %w", err)
	}
	pending, err := p.HasPending(ctx)
	if err != nil {
		return "", "", fmt.Errorf("migration status: %w", err)
	}
	if pending {
		app = "migrations embedded in this binary are not applied; run tilmash migrate or restart"
	}
	rm, err := rivermigrate.New(riverpgxv5.New(pool), nil)
	if err != nil {
		return "", "", fmt.Errorf("river migrator: %w", err)
	}
	res, err := rm.Validate(ctx, nil)
	if err != nil {
		return "", "", fmt.Errorf("river migration status: %w", err)
	}
	if !res.OK {
		queue = fmt.Sprint(res.Messages)
	}
	return app, queue, nil
}
