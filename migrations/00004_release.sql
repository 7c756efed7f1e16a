-- +goose Up
-- A release is a set of editions of one article approved together: they go live in one
-- transaction, at once or at publish_at. schedule counts changes of publish_at, so that a job
-- queued for an earlier time finds nothing to do.
CREATE TABLE releases (
    id           bigserial PRIMARY KEY,
    article_id   bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    state        text NOT NULL CHECK (state IN ('scheduled', 'published', 'cancelled')),
    publish_at   timestamptz,
    schedule     int NOT NULL DEFAULT 1,
    created_by   text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz,
    skipped      text[] NOT NULL DEFAULT '{}'
);
CREATE INDEX releases_article_idx ON releases (article_id, id);

-- The editions of a release, with the edition's release number at approval: an edition sent back
-- and approved again meanwhile no longer belongs to this release.
CREATE TABLE release_editions (
    release_id      bigint NOT NULL REFERENCES releases (id) ON DELETE CASCADE,
    edition_id      bigint NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
    lang            text NOT NULL,
    edition_release bigint NOT NULL,
    PRIMARY KEY (release_id, edition_id)
);

-- When the approval behind a published version was given (who gave it is approved_by).
ALTER TABLE published_versions ADD COLUMN approved_at timestamptz;

-- Published versions are the record of what readers saw: nothing may change one.
-- +goose StatementBegin
CREATE FUNCTION published_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'published versions are immutable';
END
$$;
-- +goose StatementEnd
CREATE TRIGGER published_versions_no_update BEFORE UPDATE ON published_versions
    FOR EACH ROW EXECUTE FUNCTION published_versions_immutable();

-- site_state.generation numbers the states of the public site. Every change readers could see
-- (a live version switched, an article's source revision, slug or category changed) increases it
-- in the same transaction and notifies listeners on commit, so page caches and static exports in
-- any process rebuild from one consistent snapshot.
CREATE TABLE site_state (
    singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    generation bigint NOT NULL DEFAULT 1,
    changed_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO site_state DEFAULT VALUES;

-- +goose StatementBegin
CREATE FUNCTION site_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE site_state SET generation = generation + 1, changed_at = now();
    PERFORM pg_notify('tilmash_site', '');
    RETURN NULL;
END
$$;
-- +goose StatementEnd

CREATE TRIGGER editions_live_changed AFTER UPDATE OF live_version_id ON editions
    FOR EACH ROW WHEN (OLD.live_version_id IS DISTINCT FROM NEW.live_version_id)
    EXECUTE FUNCTION site_changed();
CREATE TRIGGER editions_live_deleted AFTER DELETE ON editions
    FOR EACH ROW WHEN (OLD.live_version_id IS NOT NULL)
    EXECUTE FUNCTION site_changed();
CREATE TRIGGER articles_public_changed AFTER UPDATE OF revision_id, slug, category ON articles
    FOR EACH ROW WHEN (OLD.revision_id IS DISTINCT FROM NEW.revision_id OR OLD.slug IS DISTINCT FROM NEW.slug
                       OR OLD.category IS DISTINCT FROM NEW.category)
    EXECUTE FUNCTION site_changed();

-- +goose Down
SELECT 'forward-only';
