-- +goose Up
-- Categories: an article names its category by a slug (articles.category), which never changes
-- once used in addresses; editors give it a name in each language, which readers see. A slug
-- used by articles but never named here is shown as it is.
CREATE TABLE categories (
    slug       text PRIMARY KEY CHECK (slug <> '' AND length(slug) <= 80 AND slug !~ '[/?#[:cntrl:]]'),
    created_by text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE category_names (
    slug       text NOT NULL REFERENCES categories (slug) ON DELETE CASCADE,
    lang       text NOT NULL CHECK (lang IN ('en', 'ru', 'kk', 'zh')),
    name       text NOT NULL CHECK (name <> '' AND length(name) <= 200),
    updated_by text NOT NULL DEFAULT '',
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (slug, lang)
);
-- A renamed category changes reader pages of many articles at once: the store moves the public
-- site's generation itself when names change (see postgres.saveCategoryNames).

-- The board's filters: by category, by words of the title (trigram index, so a substring search
-- does not read every revision), by the people who worked on an article.
CREATE INDEX articles_category_idx ON articles (category) WHERE category <> '';
CREATE INDEX revisions_title_trgm_idx ON revisions USING gin (title gin_trgm_ops);
CREATE INDEX revisions_created_by_idx ON revisions (created_by, article_id);
CREATE INDEX audit_log_actor_idx ON audit_log (actor, article_id);
CREATE INDEX segment_translations_updated_by_idx ON segment_translations (updated_by, edition_id) WHERE updated_by <> '';

-- Translation memory entries are edited by editors: version numbers the entry's states, so that
-- two editors saving over the same one get a conflict rather than one losing the other's text.
-- use_count and last_used_at record how often the entry filled a segment, and when last.
ALTER TABLE memory_entries ADD COLUMN version int NOT NULL DEFAULT 1;
ALTER TABLE memory_entries ADD COLUMN use_count int NOT NULL DEFAULT 0;
ALTER TABLE memory_entries ADD COLUMN last_used_at timestamptz;
ALTER TABLE memory_entries ADD COLUMN updated_by text NOT NULL DEFAULT '';
CREATE INDEX memory_entries_source_trgm_idx ON memory_entries USING gin (source_text gin_trgm_ops);
CREATE INDEX memory_entries_target_trgm_idx ON memory_entries USING gin (target_text gin_trgm_ops);
CREATE INDEX memory_entries_pair_idx ON memory_entries (source_lang, target_lang, updated_at DESC, id DESC);

-- Termbase search looks for words inside terms.
CREATE INDEX terms_trgm_idx ON terms USING gin (term gin_trgm_ops);

-- +goose Down
SELECT 'forward-only';
