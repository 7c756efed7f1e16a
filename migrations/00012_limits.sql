-- +goose Up
-- Deleting an article cascades to its segments, and every deleted segment (edition, revision)
-- makes PostgreSQL look up the rows that refer to it. A foreign key column that does not lead an
-- index is searched by scanning the whole table, once per deleted row: an article of 250,000
-- segments took over a minute to delete. Each of these indexes leads with the referring column.
CREATE INDEX IF NOT EXISTS segment_translations_segment_idx ON segment_translations (segment_id);
CREATE INDEX IF NOT EXISTS findings_segment_idx ON findings (segment_id);
CREATE INDEX IF NOT EXISTS memory_entries_segment_fk_idx ON memory_entries (segment_id) WHERE segment_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS memory_entries_article_idx ON memory_entries (article_id) WHERE article_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS memory_suggestions_segment_idx ON memory_suggestions (segment_id);
CREATE INDEX IF NOT EXISTS segment_comments_segment_idx ON segment_comments (segment_id);
CREATE INDEX IF NOT EXISTS segment_changes_segment_idx ON segment_changes (segment_id);
CREATE INDEX IF NOT EXISTS segment_changes_prev_idx ON segment_changes (prev_segment_id);
CREATE INDEX IF NOT EXISTS segment_changes_revision_idx ON segment_changes (revision_id);
CREATE INDEX IF NOT EXISTS translation_snapshots_segment_idx ON translation_snapshots (segment_id);
CREATE INDEX IF NOT EXISTS audit_log_edition_idx ON audit_log (edition_id) WHERE edition_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS release_editions_edition_idx ON release_editions (edition_id);
CREATE INDEX IF NOT EXISTS published_versions_article_idx ON published_versions (article_id);
CREATE INDEX IF NOT EXISTS published_versions_revision_idx ON published_versions (revision_id);
CREATE INDEX IF NOT EXISTS editions_revision_idx ON editions (revision_id);
CREATE INDEX IF NOT EXISTS revisions_prev_idx ON revisions (prev_revision_id) WHERE prev_revision_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS articles_revision_idx ON articles (revision_id);
CREATE INDEX IF NOT EXISTS editions_live_version_idx ON editions (live_version_id) WHERE live_version_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS api_tokens_user_idx ON api_tokens (user_id);

-- Old sign-in failures are deleted as new attempts come; the index keeps that from scanning the
-- table.
CREATE INDEX IF NOT EXISTS signin_failures_at_idx ON signin_failures (at);

-- Addresses an account signed in from: attempts from them are not slowed by failures of the
-- account name elsewhere (see pipeline.SigninPolicy).
CREATE TABLE signin_known (
    name text NOT NULL,
    addr text NOT NULL,
    at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (name, addr)
);
CREATE INDEX signin_known_at_idx ON signin_known (at);

-- +goose Down
SELECT 'forward-only';
