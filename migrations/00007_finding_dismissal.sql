-- +goose Up
-- A dismissal holds for the translation text it was made on: dismissed_text keeps that text, and
-- the finding comes back when the text changes.
ALTER TABLE findings ADD COLUMN dismissed_text text;
ALTER TABLE findings ADD COLUMN dismissed_by text NOT NULL DEFAULT '';

-- +goose Down
SELECT 'forward-only';
