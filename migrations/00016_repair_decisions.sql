-- +goose Up
-- An editor's decisions on the text repair: a change confirmed as it is, and the answer to each
-- question (the reading chosen, the token itself when it stays as written). A question without an
-- answer is open, and the source edition cannot be approved while one is.
ALTER TABLE revision_repairs ADD COLUMN accepted boolean NOT NULL DEFAULT false;
ALTER TABLE revision_repairs ADD COLUMN accepted_by text NOT NULL DEFAULT '';
ALTER TABLE revision_repair_questions ADD COLUMN answer text;
ALTER TABLE revision_repair_questions ADD COLUMN answered_by text NOT NULL DEFAULT '';
ALTER TABLE revision_repair_questions ADD COLUMN answered_at timestamptz;
CREATE INDEX revision_repair_questions_open_idx ON revision_repair_questions (revision_id) WHERE answer IS NULL;

-- +goose Down
SELECT 'forward-only';
