package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"

	"github.com/tilmash/tilmash/migrations"
)

// Migrate brings the database up to date: River's tables first, then the application's. It is safe
// to run concurrently from several processes (both tools take an advisory lock) and repeatedly.
// It returns how many migrations it applied.
func Migrate(ctx context.Context, pool *pgxpool.Pool) (int, error) {
	rm, err := rivermigrate.New(riverpgxv5.New(pool), nil)
	if err != nil {
		return 0, fmt.Errorf("river migrator: %w", err)
	}
	res, err := rm.Migrate(ctx, rivermigrate.DirectionUp, nil)
	if err != nil {
		return 0, fmt.Errorf("river migrations: %w", err)
	}
	applied := len(res.Versions)

	sqlDB := stdlib.OpenDBFromPool(pool)
	defer sqlDB.Close()
	n, err := migrateApp(ctx, sqlDB, migrations.FS)
	return applied + n, err
}

func migrateApp(ctx context.Context, db *sql.DB, fsys fs.FS) (int, error) {
	locker, err := lock.NewPostgresSessionLocker()
	if err != nil {
		return 0, fmt.Errorf("migration lock: %w", err)
	}
	// Migrations written on parallel branches may land with lower numbers than ones a database
	// already has; they are independent, so they are applied rather than refused.
	p, err := goose.NewProvider(goose.DialectPostgres, db, fsys, goose.WithSessionLocker(locker),
		goose.WithAllowOutofOrder(true))
	if err != nil {
		return 0, fmt.Errorf("migrations: %w", err)
	}
	results, err := p.Up(ctx)
	if err != nil {
		return 0, fmt.Errorf("apply migrations: %w", err)
	}
	return len(results), nil
}
