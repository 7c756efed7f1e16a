package postgres

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/tilmash/tilmash/pipeline"
)

// Session is a signed-in browser: its user, the CSRF token its forms must carry and the interface
// language the user picked ("" follows the browser).
type Session struct {
	User      pipeline.User
	CSRFToken string
	UILang    pipeline.Lang
	ExpiresAt time.Time
}

func randomToken() (string, error) {
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return "", fmt.Errorf("token randomness: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(raw), nil
}

// CreateSession starts a session for a user and returns the cookie value, shown only this once:
// the database keeps its SHA-256.
func (db *DB) CreateSession(ctx context.Context, userID int64, ttl time.Duration) (string, error) {
	token, err := randomToken()
	if err != nil {
		return "", err
	}
	csrf, err := randomToken()
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256([]byte(token))
	if _, err := db.pool.Exec(ctx, `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at)
		VALUES ($1, $2, $3, now() + $4::interval)`, sum[:], userID, csrf, ttl.String()); err != nil {
		return "", fmt.Errorf("insert session: %w", err)
	}
	// Expired sessions of this user go with the new one, so the table does not grow forever.
	if _, err := db.pool.Exec(ctx, `DELETE FROM sessions WHERE user_id = $1 AND expires_at < now()`, userID); err != nil {
		return "", fmt.Errorf("expire sessions: %w", err)
	}
	return token, nil
}

// FindSession returns the live session a cookie value names.
func (db *DB) FindSession(ctx context.Context, token string) (Session, error) {
	sum := sha256.Sum256([]byte(token))
	var s Session
	var uiLang string
	u, err := scanUser(db.pool.QueryRow(ctx, `SELECT `+userColumns+`, s.csrf_token, u.ui_lang, s.expires_at
		FROM sessions s JOIN users u ON u.id = s.user_id
		WHERE s.token_hash = $1 AND s.expires_at > now()`, sum[:]), &s.CSRFToken, &uiLang, &s.ExpiresAt)
	if err != nil {
		return s, notFound("session", err)
	}
	s.User, s.UILang = u, pipeline.Lang(uiLang)
	return s, nil
}

// DeleteSession ends the session a cookie value names; an unknown one is no error.
func (db *DB) DeleteSession(ctx context.Context, token string) error {
	sum := sha256.Sum256([]byte(token))
	if _, err := db.pool.Exec(ctx, `DELETE FROM sessions WHERE token_hash = $1`, sum[:]); err != nil {
		return fmt.Errorf("delete session: %w", err)
	}
	return nil
}

// SetUILang stores the interface language a user picked; "" goes back to the browser's.
func (db *DB) SetUILang(ctx context.Context, userID int64, lang pipeline.Lang) error {
	if _, err := db.pool.Exec(ctx, `UPDATE users SET ui_lang = $2 WHERE id = $1`, userID, string(lang)); err != nil {
		return fmt.Errorf("set interface language: %w", err)
	}
	return nil
}

// RecordSigninFailure notes a failed sign-in for an account name from a client address.
func (db *DB) RecordSigninFailure(ctx context.Context, name, addr string) error {
	if _, err := db.pool.Exec(ctx, `INSERT INTO signin_failures (name, addr) VALUES ($1, $2)`, name, addr); err != nil {
		return fmt.Errorf("record sign-in failure: %w", err)
	}
	// Old failures no longer count; drop them as we go.
	if _, err := db.pool.Exec(ctx, `DELETE FROM signin_failures WHERE at < now() - interval '1 day'`); err != nil {
		return fmt.Errorf("expire sign-in failures: %w", err)
	}
	return nil
}

// CountSigninFailures counts the failures for an account name and for a client address since a
// moment.
func (db *DB) CountSigninFailures(ctx context.Context, name, addr string, since time.Time) (byName, byAddr int, err error) {
	err = db.pool.QueryRow(ctx, `SELECT
		(SELECT count(*) FROM signin_failures WHERE name = $1 AND at > $3),
		(SELECT count(*) FROM signin_failures WHERE addr = $2 AND at > $3)`, name, addr, since).Scan(&byName, &byAddr)
	if err != nil {
		return 0, 0, fmt.Errorf("count sign-in failures: %w", err)
	}
	return byName, byAddr, nil
}

// ClearSigninFailures forgets an account's failures after it signed in.
func (db *DB) ClearSigninFailures(ctx context.Context, name string) error {
	if _, err := db.pool.Exec(ctx, `DELETE FROM signin_failures WHERE name = $1`, name); err != nil {
		return fmt.Errorf("clear sign-in failures: %w", err)
	}
	return nil
}

// FindUsers lists every account by name, for the administrators' page.
func (db *DB) FindUsers(ctx context.Context) ([]pipeline.User, error) {
	rows, err := db.pool.Query(ctx, `SELECT `+userColumns+` FROM users u ORDER BY u.name`)
	if err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.User, error) { return scanUser(r) })
}
