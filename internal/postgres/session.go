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
func (db *DB) FindSession(ctx context.Context, token string) (pipeline.Session, error) {
	sum := sha256.Sum256([]byte(token))
	var s pipeline.Session
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

// ReserveSignin records an attempt to sign in to an account name from a client address, before
// its password is checked, when policy allows one now; otherwise it returns how long to wait.
// The attempt counts as a failure until SigninSucceeded or ReleaseSignin says otherwise. Deciding
// and recording happen under locks on the name and on the address, held to the end of the
// transaction: attempts that arrive together are decided one after the other, each seeing the
// ones before, so no more than the policy's limits are ever let through (a count followed by a
// separate insert let 27 of 25 concurrent attempts through a limit of 5).
func (db *DB) ReserveSignin(ctx context.Context, name, addr string, policy pipeline.SigninPolicy) (id int64, wait time.Duration, err error) {
	err = db.inTx(ctx, func(tx pgx.Tx) error {
		// Always the name first, then the address: two attempts never wait for each other in a
		// circle.
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtextextended('signin name ' || $1, 0)),
			pg_advisory_xact_lock(hashtextextended('signin addr ' || $2, 0))`, name, addr); err != nil {
			return fmt.Errorf("lock sign-in attempts: %w", err)
		}
		var h pipeline.SigninHistory
		var pairOldest, addrOldest, nameLatest *time.Time
		// clock_timestamp, not now(): the transaction may have waited for the locks.
		err := tx.QueryRow(ctx, `SELECT clock_timestamp(),
				count(*) FILTER (WHERE name = $1 AND addr = $2), min(at) FILTER (WHERE name = $1 AND addr = $2),
				count(*) FILTER (WHERE addr = $2), min(at) FILTER (WHERE addr = $2),
				count(*) FILTER (WHERE name = $1), max(at) FILTER (WHERE name = $1),
				EXISTS (SELECT 1 FROM signin_known WHERE name = $1 AND addr = $2)
			FROM signin_failures
			WHERE (name = $1 OR addr = $2) AND at > clock_timestamp() - $3::interval`, name, addr, policy.Window.String()).
			Scan(&h.Now, &h.PairFailures, &pairOldest, &h.AddrFailures, &addrOldest, &h.NameFailures, &nameLatest, &h.KnownAddr)
		if err != nil {
			return fmt.Errorf("count sign-in failures: %w", err)
		}
		for _, p := range []struct {
			to   *time.Time
			from *time.Time
		}{{&h.PairOldest, pairOldest}, {&h.AddrOldest, addrOldest}, {&h.NameLatest, nameLatest}} {
			if p.from != nil {
				*p.to = *p.from
			}
		}
		if wait = policy.Allow(h); wait > 0 {
			return nil
		}
		if err := tx.QueryRow(ctx, `INSERT INTO signin_failures (name, addr, at) VALUES ($1, $2, $3) RETURNING id`,
			name, addr, h.Now).Scan(&id); err != nil {
			return fmt.Errorf("record sign-in attempt: %w", err)
		}
		// Old failures no longer count; drop them as we go.
		if _, err := tx.Exec(ctx, `DELETE FROM signin_failures WHERE at < now() - interval '1 day'`); err != nil {
			return fmt.Errorf("expire sign-in failures: %w", err)
		}
		return nil
	})
	if err != nil {
		return 0, 0, err
	}
	return id, wait, nil
}

// ReleaseSignin forgets an attempt whose password was never checked (the server was too busy).
func (db *DB) ReleaseSignin(ctx context.Context, id int64) error {
	if _, err := db.pool.Exec(ctx, `DELETE FROM signin_failures WHERE id = $1`, id); err != nil {
		return fmt.Errorf("release sign-in attempt: %w", err)
	}
	return nil
}

// SigninSucceeded forgets the attempt and the failures of the account name from that address,
// and remembers the address as one the account signs in from. Failures of the name from other
// addresses stay: they are someone else's.
func (db *DB) SigninSucceeded(ctx context.Context, id int64, name, addr string) error {
	return db.inTx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `DELETE FROM signin_failures WHERE id = $1 OR (name = $2 AND addr = $3)`, id, name, addr); err != nil {
			return fmt.Errorf("clear sign-in failures: %w", err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO signin_known (name, addr) VALUES ($1, $2)
			ON CONFLICT (name, addr) DO UPDATE SET at = now()`, name, addr); err != nil {
			return fmt.Errorf("remember sign-in address: %w", err)
		}
		if _, err := tx.Exec(ctx, `DELETE FROM signin_known WHERE at < now() - interval '90 days'`); err != nil {
			return fmt.Errorf("expire sign-in addresses: %w", err)
		}
		return nil
	})
}

// FindUsers lists every account by name, for the administrators' page.
func (db *DB) FindUsers(ctx context.Context) ([]pipeline.User, error) {
	rows, err := db.pool.Query(ctx, `SELECT `+userColumns+` FROM users u ORDER BY u.name`)
	if err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (pipeline.User, error) { return scanUser(r) })
}
