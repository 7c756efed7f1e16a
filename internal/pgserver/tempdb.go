package pgserver

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"regexp"

	"github.com/jackc/pgx/v5"
)

// tempSuffixBytes is the number of random bytes in a temporary database's
// name; 8 bytes make collisions between parallel test runs negligible.
const tempSuffixBytes = 8

// CreateTempDatabase creates a fresh database named prefix_<random hex> on
// the server adminURL points at, and returns a URL for it (adminURL with
// only the database name changed) and a function that drops it.
//
// adminURL must be a postgres:// or postgresql:// URL for any database on a
// server where its user may CREATE DATABASE. prefix must be a lowercase
// identifier (letters, digits, underscores; at most 46 bytes) so that the
// name needs no quoting in psql or logs.
//
// drop terminates the database's remaining connections (DROP DATABASE ...
// WITH (FORCE), PostgreSQL 13 or later) and is safe to call more than once.
// Tests typically use it as:
//
//	url, drop, err := pgserver.CreateTempDatabase(ctx, adminURL, "tilmash_test")
//	t.Cleanup(func() { _ = drop(context.Background()) })
func CreateTempDatabase(ctx context.Context, adminURL, prefix string) (string, func(context.Context) error, error) {
	if err := checkPrefix(prefix); err != nil {
		return "", nil, fmt.Errorf("pgserver: %w", err)
	}
	u, err := url.Parse(adminURL)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		return "", nil, fmt.Errorf("pgserver: admin url must be a postgres:// url, got %q", redact(adminURL))
	}
	suffix := make([]byte, tempSuffixBytes)
	if _, err := rand.Read(suffix); err != nil {
		return "", nil, fmt.Errorf("pgserver: random database name: %w", err)
	}
	name := prefix + "_" + hex.EncodeToString(suffix)
	if err := createDatabase(ctx, adminURL, name); err != nil {
		return "", nil, fmt.Errorf("pgserver: %w", err)
	}
	drop := func(ctx context.Context) error {
		if err := dropDatabase(ctx, adminURL, name); err != nil {
			return fmt.Errorf("pgserver: %w", err)
		}
		return nil
	}
	return withDatabase(u, name), drop, nil
}

// checkPrefix accepts lowercase identifiers short enough for the suffix.
func checkPrefix(prefix string) error {
	maxLen := maxIdentifier - 1 - 2*tempSuffixBytes
	if !regexp.MustCompile(`^[a-z_][a-z0-9_]*$`).MatchString(prefix) || len(prefix) > maxLen {
		return fmt.Errorf("database prefix %q must be 1-%d lowercase letters, digits or underscores, not starting with a digit", prefix, maxLen)
	}
	return nil
}

// withDatabase returns u pointing at database name; a dbname query
// parameter, which would override the path, is removed.
func withDatabase(u *url.URL, name string) string {
	c := *u
	c.Path = "/" + name
	c.RawPath = ""
	q := c.Query()
	if q.Has("dbname") {
		q.Del("dbname")
		c.RawQuery = q.Encode()
	}
	return c.String()
}

// dropDatabase drops name, disconnecting its sessions first.
func dropDatabase(ctx context.Context, adminURL, name string) error {
	conn, err := pgx.Connect(ctx, adminURL)
	if err != nil {
		return fmt.Errorf("connect to drop database %q: %w", name, err)
	}
	defer func() { _ = conn.Close(context.Background()) }()
	if _, err := conn.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)"); err != nil {
		return fmt.Errorf("drop database %q: %w", name, err)
	}
	return nil
}

// redact hides a password in a URL that is quoted in an error message.
func redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(unparsable url)"
	}
	return u.Redacted()
}
