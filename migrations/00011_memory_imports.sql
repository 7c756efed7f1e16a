-- +goose Up
-- Translation memory read from files (TMX) arrives in batches: each import is a row here and its
-- entries point to it, so that a wrong or unwanted file can be taken out of the memory whole.
-- Entries confirmed by translators have no batch. source_article keeps the article a file named
-- for an entry when it is not one of ours.
CREATE TABLE memory_imports (
    id         bigserial PRIMARY KEY,
    file_name  text NOT NULL DEFAULT '',
    created_by text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    units      int NOT NULL DEFAULT 0,
    entries    int NOT NULL DEFAULT 0,
    skipped    int NOT NULL DEFAULT 0
);
ALTER TABLE memory_entries ADD COLUMN import_id bigint REFERENCES memory_imports (id) ON DELETE CASCADE;
ALTER TABLE memory_entries ADD COLUMN source_article text NOT NULL DEFAULT '';
CREATE INDEX memory_entries_import_idx ON memory_entries (import_id) WHERE import_id IS NOT NULL;
-- Removing entries removes their suggestions; this keeps that from scanning the whole table.
CREATE INDEX memory_suggestions_entry_idx ON memory_suggestions (entry_id);

-- +goose Down
SELECT 'forward-only';
