-- +goose Up
-- A change of an article (its slug, category or revision) changes the public site only when one
-- of its editions is live. Recording it otherwise was not only useless but costly: every new
-- article sets its revision, so every ingest took the one row of site_state and held it until
-- commit, and articles submitted at the same time waited for one another.
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION site_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    g bigint;
BEGIN
    IF TG_TABLE_NAME = 'articles' AND NOT EXISTS (
        SELECT 1 FROM editions WHERE article_id = NEW.id AND live_version_id IS NOT NULL) THEN
        RETURN NULL;
    END IF;
    UPDATE site_state SET generation = generation + 1, changed_at = now() RETURNING generation INTO g;
    IF TG_TABLE_NAME = 'editions' THEN
        IF TG_OP = 'DELETE' THEN
            INSERT INTO site_changes (generation, article_id, lang, was_live, is_live)
            VALUES (g, OLD.article_id, OLD.lang, true, false);
        ELSE
            INSERT INTO site_changes (generation, article_id, lang, was_live, is_live)
            VALUES (g, NEW.article_id, NEW.lang, OLD.live_version_id IS NOT NULL, NEW.live_version_id IS NOT NULL);
        END IF;
    ELSE
        INSERT INTO site_changes (generation, article_id, old_slug, old_category)
        VALUES (g, NEW.id, OLD.slug, OLD.category);
    END IF;
    PERFORM pg_notify('tilmash_site', g::text);
    RETURN NULL;
END
$$;
-- +goose StatementEnd

-- +goose Down
SELECT 'forward-only';
