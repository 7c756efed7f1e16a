package postgres

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/tilmash/tilmash/pipeline"
)

// CreateUser adds an account. passwordHash is already hashed by the caller; a taken name is a conflict.
func (db *DB) CreateUser(ctx context.Context, u pipeline.User, passwordHash string) (pipeline.User, error) {
	langs := make([]string, len(u.Langs))
	for i, l := range u.Langs {
		langs[i] = string(l)
	}
	err := db.pool.QueryRow(ctx, `INSERT INTO users (name, role, langs, password_hash) VALUES ($1, $2, $3, $4)
		RETURNING id, created_at`, u.Name, u.Role, langs, passwordHash).Scan(&u.ID, &u.CreatedAt)
	if isUniqueViolation(err) {
		return u, &pipeline.Error{Code: pipeline.CodeConflict, MessageID: "error.user_exists",
			Data: map[string]any{"Name": u.Name}, Err: fmt.Errorf("user %q exists", u.Name)}
	}
	if err != nil {
		return u, fmt.Errorf("insert user: %w", err)
	}
	return u, nil
}

const userColumns = `u.id, u.name, u.role, u.langs, u.created_at`

func scanUser(row pgx.Row, extra ...any) (pipeline.User, error) {
	var u pipeline.User
	var langs []string
	err := row.Scan(append([]any{&u.ID, &u.Name, &u.Role, &langs, &u.CreatedAt}, extra...)...)
	for _, l := range langs {
		u.Langs = append(u.Langs, pipeline.Lang(l))
	}
	return u, err
}

// FindUserByName returns a user and their password hash.
func (db *DB) FindUserByName(ctx context.Context, name string) (pipeline.User, string, error) {
	var hash string
	u, err := scanUser(db.pool.QueryRow(ctx, `SELECT `+userColumns+`, u.password_hash FROM users u WHERE u.name = $1`, name), &hash)
	if err != nil {
		return u, "", notFound("user", err)
	}
	return u, hash, nil
}

// CreateToken makes a new API token for a user and returns it. Only its SHA-256 hash is stored, so
// the token is shown this once.
func (db *DB) CreateToken(ctx context.Context, userName string) (string, error) {
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return "", fmt.Errorf("token randomness: %w", err)
	}
	token := "tlm_" + base64.RawURLEncoding.EncodeToString(raw)
	sum := sha256.Sum256([]byte(token))
	tag, err := db.pool.Exec(ctx, `INSERT INTO api_tokens (user_id, token_hash) SELECT id, $2 FROM users WHERE name = $1`,
		userName, sum[:])
	if err != nil {
		return "", fmt.Errorf("insert token: %w", err)
	}
	if tag.RowsAffected() == 0 {
		return "", notFound("user", pgx.ErrNoRows)
	}
	return token, nil
}

// FindUserByToken returns the user an API token belongs to.
func (db *DB) FindUserByToken(ctx context.Context, token string) (pipeline.User, error) {
	sum := sha256.Sum256([]byte(token))
	u, err := scanUser(db.pool.QueryRow(ctx, `WITH t AS (
			UPDATE api_tokens SET last_used_at = now() WHERE token_hash = $1 RETURNING user_id)
		SELECT `+userColumns+` FROM users u JOIN t ON t.user_id = u.id`, sum[:]))
	if err != nil {
		return u, notFound("token", err)
	}
	return u, nil
}

// SetPassword replaces a user's password hash.
func (db *DB) SetPassword(ctx context.Context, name, passwordHash string) error {
	tag, err := db.pool.Exec(ctx, `UPDATE users SET password_hash = $2 WHERE name = $1`, name, passwordHash)
	if err != nil {
		return fmt.Errorf("set password: %w", err)
	}
	if tag.RowsAffected() == 0 {
		return notFound("user", pgx.ErrNoRows)
	}
	return nil
}
