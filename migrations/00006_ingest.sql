-- +goose Up
-- The format an article arrived in, when it is not the format of the stored body: a web page or a
-- Word document is stored as the Markdown extracted from it.
ALTER TABLE revisions ADD COLUMN source_format text NOT NULL DEFAULT '';
-- Counts undo operations on the revision's repairs, so that concurrent undos conflict instead of
-- overwriting each other.
ALTER TABLE revisions ADD COLUMN repair_version int NOT NULL DEFAULT 0;

-- The inline markup behind a segment's placeholders (<g1>…</g1>, <x1/>): a JSON list of
-- elements with their link addresses and note numbers, '' when the segment has none.
ALTER TABLE segments ADD COLUMN inline text NOT NULL DEFAULT '';

-- Every change the text repair made to a revision's body as it arrived, in byte offsets of the
-- body. An editor may undo one until the editions leave review; undone changes stay listed.
CREATE TABLE revision_repairs (
    id          bigserial PRIMARY KEY,
    revision_id bigint NOT NULL REFERENCES revisions (id) ON DELETE CASCADE,
    start_at    int NOT NULL CHECK (start_at >= 0),
    end_at      int NOT NULL CHECK (end_at >= start_at),
    before      text NOT NULL,
    after       text NOT NULL,
    rule        text NOT NULL,
    undone      boolean NOT NULL DEFAULT false,
    undone_by   text NOT NULL DEFAULT '',
    undone_at   timestamptz
);
CREATE INDEX revision_repairs_revision_idx ON revision_repairs (revision_id, start_at);

-- Tokens the repair left alone although they may be damaged, for an editor to decide.
CREATE TABLE revision_repair_questions (
    id          bigserial PRIMARY KEY,
    revision_id bigint NOT NULL REFERENCES revisions (id) ON DELETE CASCADE,
    start_at    int NOT NULL,
    end_at      int NOT NULL,
    token       text NOT NULL,
    candidates  text[] NOT NULL DEFAULT '{}',
    reason      text NOT NULL DEFAULT ''
);
CREATE INDEX revision_repair_questions_revision_idx ON revision_repair_questions (revision_id, start_at);

-- +goose Down
SELECT 'forward-only';
