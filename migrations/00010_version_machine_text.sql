-- +goose Up
-- How many sentences of a published version are machine translation that no person changed, so
-- that the site can tell readers (when the operator turns that on).
ALTER TABLE published_versions ADD COLUMN machine_text integer NOT NULL DEFAULT 0;

-- +goose Down
SELECT 'forward-only';
