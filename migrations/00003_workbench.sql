-- +goose Up
-- The interface language a person picked in the workbench; empty means "follow the browser".
ALTER TABLE users ADD COLUMN ui_lang text NOT NULL DEFAULT '' CHECK (ui_lang IN ('', 'en', 'ru', 'kk', 'zh'));

-- Browser sessions of the workbench. Only the SHA-256 of the cookie is stored, so a leaked table
-- does not let anyone sign in; csrf_token is the synchronizer token every form and fetch carries.
CREATE TABLE sessions (
    id           bigserial PRIMARY KEY,
    token_hash   bytea NOT NULL UNIQUE,
    user_id      bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token   text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Failed sign-ins, counted per account name and per client address to slow down password guessing.
CREATE TABLE signin_failures (
    id     bigserial PRIMARY KEY,
    name   text NOT NULL,
    addr   text NOT NULL,
    at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX signin_failures_name_idx ON signin_failures (name, at);
CREATE INDEX signin_failures_addr_idx ON signin_failures (addr, at);

-- Comments on one segment of an edition, for the translators and editors working on it.
CREATE TABLE segment_comments (
    id         bigserial PRIMARY KEY,
    edition_id bigint NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
    segment_id bigint NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
    author     text NOT NULL,
    body       text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX segment_comments_edition_idx ON segment_comments (edition_id, segment_id, id);

-- Who has an edition open in the workbench, so that the queue can say who else is working on it.
CREATE TABLE edition_presence (
    edition_id bigint NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
    user_name  text NOT NULL,
    seen_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (edition_id, user_name)
);

-- +goose Down
SELECT 'forward-only';
