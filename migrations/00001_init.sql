-- +goose Up
CREATE TABLE users (
    id            bigserial PRIMARY KEY,
    name          text NOT NULL UNIQUE CHECK (name ~ '^[A-Za-z0-9_.-]{1,64}$'),
    role          text NOT NULL CHECK (role IN ('translator', 'editor', 'admin')),
    langs         text[] NOT NULL DEFAULT '{}',
    password_hash text NOT NULL DEFAULT '',
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- API tokens are stored as SHA-256 hashes: a leaked table does not leak usable tokens.
CREATE TABLE api_tokens (
    id           bigserial PRIMARY KEY,
    user_id      bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash   bytea NOT NULL UNIQUE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz
);

CREATE TABLE articles (
    id          bigserial PRIMARY KEY,
    slug        text NOT NULL UNIQUE,
    source_lang text NOT NULL CHECK (source_lang IN ('en', 'ru', 'kk', 'zh')),
    category    text NOT NULL DEFAULT '',
    byline      text NOT NULL DEFAULT '',
    revision_id bigint,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- A revision is immutable: a changed source is a new revision.
CREATE TABLE revisions (
    id         bigserial PRIMARY KEY,
    article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    number     int NOT NULL,
    format     text NOT NULL,
    body       text NOT NULL,
    title      text NOT NULL,
    created_by text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (article_id, number)
);

ALTER TABLE articles ADD CONSTRAINT articles_revision_fk
    FOREIGN KEY (revision_id) REFERENCES revisions (id) DEFERRABLE INITIALLY DEFERRED;

CREATE TABLE segments (
    id             bigserial PRIMARY KEY,
    revision_id    bigint NOT NULL REFERENCES revisions (id) ON DELETE CASCADE,
    position       int NOT NULL,
    block_index    int NOT NULL,
    sentence_index int NOT NULL,
    kind           text NOT NULL,
    text           text NOT NULL,
    hash           text NOT NULL,
    UNIQUE (revision_id, position)
);

CREATE TABLE editions (
    id              bigserial PRIMARY KEY,
    article_id      bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    lang            text NOT NULL CHECK (lang IN ('en', 'ru', 'kk', 'zh')),
    is_source       boolean NOT NULL,
    state           text NOT NULL CHECK (state IN ('translating', 'in_review', 'awaiting_approval',
                                                   'approved', 'published', 'failed', 'outdated')),
    revision_id     bigint NOT NULL REFERENCES revisions (id),
    failure_code    text NOT NULL DEFAULT '',
    failure_reason  text NOT NULL DEFAULT '',
    -- release counts approvals; a publish job names the release it was queued for.
    release         bigint NOT NULL DEFAULT 0,
    publish_at      timestamptz,
    approved_by     text NOT NULL DEFAULT '',
    live_version_id bigint,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (article_id, lang)
);

CREATE TABLE segment_translations (
    edition_id bigint NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
    segment_id bigint NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
    text       text NOT NULL DEFAULT '',
    state      text NOT NULL DEFAULT 'empty' CHECK (state IN ('empty', 'draft', 'edited', 'confirmed')),
    origin     text NOT NULL DEFAULT '',
    updated_by text NOT NULL DEFAULT '',
    updated_at timestamptz NOT NULL DEFAULT now(),
    version    int NOT NULL DEFAULT 1,
    PRIMARY KEY (edition_id, segment_id)
);

-- Every change to a segment translation, as it was after the change.
CREATE TABLE segment_history (
    id         bigserial PRIMARY KEY,
    edition_id bigint NOT NULL,
    segment_id bigint NOT NULL,
    text       text NOT NULL,
    state      text NOT NULL,
    origin     text NOT NULL,
    updated_by text NOT NULL,
    version    int NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (edition_id, segment_id) REFERENCES segment_translations (edition_id, segment_id) ON DELETE CASCADE
);
CREATE INDEX segment_history_segment_idx ON segment_history (edition_id, segment_id, id);

CREATE TABLE findings (
    id         bigserial PRIMARY KEY,
    edition_id bigint NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
    segment_id bigint NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
    check_id   text NOT NULL,
    severity   text NOT NULL CHECK (severity IN ('error', 'warning')),
    message_id text NOT NULL,
    data       jsonb NOT NULL DEFAULT '{}',
    dismissed  boolean NOT NULL DEFAULT false,
    reason     text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX findings_edition_idx ON findings (edition_id, segment_id);

-- Published versions are immutable renderings; an edition's live_version_id points at one.
CREATE TABLE published_versions (
    id           bigserial PRIMARY KEY,
    edition_id   bigint NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
    article_id   bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    lang         text NOT NULL,
    revision_id  bigint NOT NULL REFERENCES revisions (id),
    release      bigint NOT NULL,
    title        text NOT NULL,
    byline       text NOT NULL,
    html         text NOT NULL,
    approved_by  text NOT NULL,
    published_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (edition_id, release)
);

ALTER TABLE editions ADD CONSTRAINT editions_live_version_fk
    FOREIGN KEY (live_version_id) REFERENCES published_versions (id);

CREATE TABLE audit_log (
    id         bigserial PRIMARY KEY,
    article_id bigint REFERENCES articles (id) ON DELETE CASCADE,
    edition_id bigint REFERENCES editions (id) ON DELETE CASCADE,
    actor      text NOT NULL,
    action     text NOT NULL,
    from_state text NOT NULL DEFAULT '',
    to_state   text NOT NULL DEFAULT '',
    detail     jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_article_idx ON audit_log (article_id, id);

-- +goose Down
SELECT 'forward-only';
