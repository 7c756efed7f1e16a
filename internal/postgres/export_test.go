package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"
)

// SynchronousCommitInTx returns synchronous_commit as a transaction of db sees it.
func (db *DB) SynchronousCommitInTx(ctx context.Context) (string, error) {
	var v string
	err := db.inTx(ctx, func(tx pgx.Tx) error { return tx.QueryRow(ctx, `SHOW synchronous_commit`).Scan(&v) })
	return v, err
}
