-- +goose Up
-- site_changes records what each generation of the public site changed: the article, and for an
-- edition whether it was and is live; for a change of the article itself (slug, category,
-- revision), its previous slug and category. A reader cache or a static export that has built
-- generation G updates only the pages of the articles changed after G, and rebuilds whole when
-- the record between G and now is incomplete (a database from before this table).
CREATE TABLE site_changes (
    generation   bigint PRIMARY KEY,
    article_id   bigint NOT NULL,
    lang         text NOT NULL DEFAULT '',
    was_live     boolean NOT NULL DEFAULT false,
    is_live      boolean NOT NULL DEFAULT false,
    old_slug     text NOT NULL DEFAULT '',
    old_category text NOT NULL DEFAULT '',
    changed_at   timestamptz NOT NULL DEFAULT now()
);

-- The notification's payload is the new generation.
-- +goose StatementBegin
CREATE OR REPLACE FUNCTION site_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    g bigint;
BEGIN
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
