package pgserver

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// maxIdentifier is PostgreSQL's longest identifier (NAMEDATALEN - 1);
// longer names are silently truncated by the server, so they are refused.
const maxIdentifier = 63

// CreateDatabase creates the database name on the server unless it already
// exists, so it can be called on every start.
func (s *Server) CreateDatabase(ctx context.Context, name string) error {
	if err := createDatabase(ctx, s.URL("postgres"), name); err != nil {
		return fmt.Errorf("pgserver: %w", err)
	}
	return nil
}

// createDatabase connects to adminURL and creates name if it is missing.
// A concurrent creator winning the race counts as success.
func createDatabase(ctx context.Context, adminURL, name string) error {
	if err := checkDatabaseName(name); err != nil {
		return err
	}
	conn, err := pgx.Connect(ctx, adminURL)
	if err != nil {
		return fmt.Errorf("connect to create database %q: %w", name, err)
	}
	defer func() { _ = conn.Close(context.Background()) }()

	var exists bool
	if err := conn.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)`, name).Scan(&exists); err != nil {
		return fmt.Errorf("look up database %q: %w", name, err)
	}
	if exists {
		return nil
	}
	_, err = conn.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize())
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "42P04" { // duplicate_database
		return nil
	}
	if err != nil {
		return fmt.Errorf("create database %q: %w", name, err)
	}
	return nil
}

// checkDatabaseName refuses names PostgreSQL would reject or alter.
func checkDatabaseName(name string) error {
	switch {
	case name == "":
		return errors.New("database name is empty")
	case len(name) > maxIdentifier:
		return fmt.Errorf("database name %q is longer than %d bytes", name, maxIdentifier)
	case strings.ContainsRune(name, 0):
		return fmt.Errorf("database name %q contains a NUL byte", name)
	}
	return nil
}
