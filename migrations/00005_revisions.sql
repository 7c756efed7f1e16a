-- +goose Up
-- A new revision of an article's source is aligned with the one before it, and each edition's
-- translations move to the new segments: unchanged and moved ones as they are, changed ones
-- flagged with what they were. The rows below keep that record.

-- The revision a revision replaced, whether the editor called it a minor edit (a typo or
-- punctuation: translations of changed segments stay confirmed), and its alignment counts.
ALTER TABLE revisions ADD COLUMN prev_revision_id bigint REFERENCES revisions (id);
ALTER TABLE revisions ADD COLUMN minor boolean NOT NULL DEFAULT false;
ALTER TABLE revisions ADD COLUMN summary jsonb NOT NULL DEFAULT '{}';

-- How each segment of a revision relates to the previous revision: segment_id is NULL for a
-- removed segment, prev_segment_id for an added one.
CREATE TABLE segment_alignments (
    id              bigserial PRIMARY KEY,
    revision_id     bigint NOT NULL REFERENCES revisions (id) ON DELETE CASCADE,
    segment_id      bigint REFERENCES segments (id) ON DELETE CASCADE,
    prev_segment_id bigint REFERENCES segments (id) ON DELETE CASCADE,
    kind            text NOT NULL CHECK (kind IN ('unchanged', 'moved', 'changed', 'added', 'removed')),
    similarity      real NOT NULL DEFAULT 0,
    CHECK ((segment_id IS NULL) = (kind = 'removed') AND (prev_segment_id IS NULL) = (kind = 'added'))
);
CREATE INDEX segment_alignments_revision_idx ON segment_alignments (revision_id, id);
CREATE UNIQUE INDEX segment_alignments_segment_idx ON segment_alignments (segment_id) WHERE segment_id IS NOT NULL;
CREATE INDEX segment_alignments_prev_idx ON segment_alignments (prev_segment_id) WHERE prev_segment_id IS NOT NULL;

-- A segment whose source changed, per edition: the old source and the translation it had, for the
-- workbench to show beside a word diff while the segment is translated again.
CREATE TABLE segment_changes (
    edition_id      bigint NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
    segment_id      bigint NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
    prev_segment_id bigint NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
    revision_id     bigint NOT NULL REFERENCES revisions (id) ON DELETE CASCADE,
    prev_source     text NOT NULL,
    prev_target     text NOT NULL,
    prev_state      text NOT NULL,
    prev_origin     text NOT NULL,
    prev_updated_by text NOT NULL,
    minor           boolean NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (edition_id, segment_id)
);

-- Each edition's translations as they stood on a revision when the next one replaced it.
CREATE TABLE translation_snapshots (
    edition_id  bigint NOT NULL REFERENCES editions (id) ON DELETE CASCADE,
    revision_id bigint NOT NULL REFERENCES revisions (id) ON DELETE CASCADE,
    segment_id  bigint NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
    text        text NOT NULL,
    state       text NOT NULL,
    origin      text NOT NULL,
    updated_by  text NOT NULL,
    updated_at  timestamptz NOT NULL,
    version     int NOT NULL,
    PRIMARY KEY (edition_id, segment_id)
);
CREATE INDEX translation_snapshots_revision_idx ON translation_snapshots (revision_id, edition_id);

-- A translation moves to the new segment of its sentence by changing its segment_id; its history
-- follows it.
ALTER TABLE segment_history DROP CONSTRAINT segment_history_edition_id_segment_id_fkey;
ALTER TABLE segment_history ADD CONSTRAINT segment_history_translation_fk FOREIGN KEY (edition_id, segment_id)
    REFERENCES segment_translations (edition_id, segment_id) ON UPDATE CASCADE ON DELETE CASCADE;

-- +goose Down
SELECT 'forward-only';
