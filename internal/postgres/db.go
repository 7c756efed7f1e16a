// Package postgres stores Tilmash's data in PostgreSQL with hand-written SQL, and puts each job on
// River's queue in the same transaction as the rows it concerns.
package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/tilmash/tilmash/pipeline"
)

// Queue is the part of River's client the store needs: transactional job inserts.
// *river.Client[pgx.Tx] satisfies it.
type Queue interface {
	InsertTx(ctx context.Context, tx pgx.Tx, args river.JobArgs, opts *river.InsertOpts) (*rivertype.JobInsertResult, error)
}

// DB is the store. Its methods are safe for concurrent use.
type DB struct {
	pool  *pgxpool.Pool
	queue Queue
	begin pgx.TxOptions // how inTx begins
}

// New returns a store on pool. Jobs cannot be enqueued until UseQueue is called: River's client
// is created after the workers, which need the store.
func New(pool *pgxpool.Pool) *DB { return &DB{pool: pool} }

// AsynchronousCommit returns a store on the same pool and queue whose transactions commit without
// waiting for the write-ahead log to reach the disk (synchronous_commit off), for the pipeline's
// workers: the flush, most of a small transaction's time, is what would hold them. It is safe
// for machine work that a job redoes: PostgreSQL's log is one sequence, so a crash can lose only
// the last commits, never one before a commit that was kept; River records a job's completion
// with a synchronous commit after the job's own, so the work of every job recorded as done
// survives, and a lost commit belongs to a job that is still running and is rescued and run
// again. A person's work must go through the synchronous store.
func (db *DB) AsynchronousCommit() *DB {
	c := *db
	c.begin = pgx.TxOptions{BeginQuery: "BEGIN; SET LOCAL synchronous_commit = off"} // one round trip
	return &c
}

// UseQueue sets the River client that methods enqueue their follow-up jobs with.
func (db *DB) UseQueue(q Queue) { db.queue = q }

// Pool returns the connection pool, for River's driver.
func (db *DB) Pool() *pgxpool.Pool { return db.pool }

// inTx runs fn in a transaction, committing when it returns nil.
func (db *DB) inTx(ctx context.Context, fn func(tx pgx.Tx) error) error {
	tx, err := db.pool.BeginTx(ctx, db.begin)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback(ctx) //nolint:errcheck // a no-op after Commit
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// exec runs one statement on its own: directly on the synchronous store, in a transaction that
// commits asynchronously on the AsynchronousCommit store (two more round trips on loopback cost
// far less than waiting for the log flush).
func (db *DB) exec(ctx context.Context, sql string, args ...any) error {
	if db.begin.BeginQuery == "" {
		_, err := db.pool.Exec(ctx, sql, args...)
		return err
	}
	return db.inTx(ctx, func(tx pgx.Tx) error {
		_, err := tx.Exec(ctx, sql, args...)
		return err
	})
}

// enqueue inserts a job in tx, so that it exists exactly when the transaction commits.
func (db *DB) enqueue(ctx context.Context, tx pgx.Tx, args river.JobArgs, opts *river.InsertOpts) error {
	_, err := db.insertJob(ctx, tx, args, opts)
	return err
}

// enqueueNew queues a job that must be new: where enqueue lets River's unique-job rule skip a
// duplicate silently (the work is already queued), a skip here is an error.
func (db *DB) enqueueNew(ctx context.Context, tx pgx.Tx, args river.JobArgs, opts *river.InsertOpts) error {
	skipped, err := db.insertJob(ctx, tx, args, opts)
	if err == nil && skipped {
		err = fmt.Errorf("enqueue %s: an identical job is already queued or done", args.Kind())
	}
	return err
}

func (db *DB) insertJob(ctx context.Context, tx pgx.Tx, args river.JobArgs, opts *river.InsertOpts) (skipped bool, err error) {
	if db.queue == nil {
		return false, errors.New("store has no job queue")
	}
	res, err := db.queue.InsertTx(ctx, tx, args, opts)
	if err != nil {
		return false, fmt.Errorf("enqueue %s: %w", args.Kind(), err)
	}
	return res.UniqueSkippedAsDuplicate, nil
}

func notFound(what string, err error) error {
	if errors.Is(err, pgx.ErrNoRows) {
		return &pipeline.Error{Code: pipeline.CodeNotFound, MessageID: "error.not_found",
			Data: map[string]any{"What": what}, Err: fmt.Errorf("%s not found", what)}
	}
	return fmt.Errorf("find %s: %w", what, err)
}

func isUniqueViolation(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && pgErr.Code == "23505"
}
