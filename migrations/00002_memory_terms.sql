-- +goose Up
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The translation memory: one entry per confirmed segment of an edition, updated when the
-- segment is confirmed again. source_norm is the lookup key (NFC, one kind of quote, single
-- spaces); prev_norm and next_norm are the neighbouring source segments, for context matches.
CREATE TABLE memory_entries (
    id          bigserial PRIMARY KEY,
    source_lang text NOT NULL,
    target_lang text NOT NULL,
    source_text text NOT NULL,
    source_norm text NOT NULL,
    target_text text NOT NULL,
    prev_norm   text NOT NULL DEFAULT '',
    next_norm   text NOT NULL DEFAULT '',
    article_id  bigint REFERENCES articles (id) ON DELETE SET NULL,
    edition_id  bigint REFERENCES editions (id) ON DELETE SET NULL,
    segment_id  bigint REFERENCES segments (id) ON DELETE SET NULL,
    created_by  text NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX memory_entries_segment_idx ON memory_entries (edition_id, segment_id);
CREATE INDEX memory_entries_exact_idx ON memory_entries (source_lang, target_lang, source_norm);
-- Fuzzy lookups take the entries that share the most three-word sequences with the query (see
-- pipeline.MemoryShingles) and score them by trigram similarity. A plain table with a b-tree
-- keeps that an index lookup per sequence, which the planner estimates well.
CREATE TABLE memory_shingles (
    shingle  bigint NOT NULL,
    entry_id bigint NOT NULL REFERENCES memory_entries (id) ON DELETE CASCADE,
    PRIMARY KEY (shingle, entry_id)
);
CREATE INDEX memory_shingles_entry_idx ON memory_shingles (entry_id);

-- Fuzzy matches found for a segment when its edition was drafted, for the translator.
CREATE TABLE memory_suggestions (
    edition_id bigint NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
    segment_id bigint NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
    entry_id   bigint NOT NULL REFERENCES memory_entries (id) ON DELETE CASCADE,
    score      int NOT NULL,
    PRIMARY KEY (edition_id, segment_id, entry_id)
);

-- The termbase: a concept has a standard term per language and may list forbidden variants.
CREATE TABLE term_concepts (
    id               bigserial PRIMARY KEY,
    note             text NOT NULL DEFAULT '',
    do_not_translate boolean NOT NULL DEFAULT false,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE terms (
    concept_id bigint NOT NULL REFERENCES term_concepts (id) ON DELETE CASCADE,
    lang       text NOT NULL CHECK (lang IN ('en', 'ru', 'kk', 'zh')),
    term       text NOT NULL,
    forbidden  boolean NOT NULL DEFAULT false,
    PRIMARY KEY (concept_id, lang, term)
);
-- One standard term per concept and language.
CREATE UNIQUE INDEX terms_standard_idx ON terms (concept_id, lang) WHERE NOT forbidden;
CREATE INDEX terms_lookup_idx ON terms (lang, lower(term));

-- Characters and requests sent to machine translation, per edition, provider and month.
CREATE TABLE mt_usage (
    edition_id bigint NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
    provider   text NOT NULL,
    month      date NOT NULL,
    characters bigint NOT NULL DEFAULT 0,
    requests   bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (edition_id, provider, month)
);

-- +goose Down
SELECT 'forward-only';
