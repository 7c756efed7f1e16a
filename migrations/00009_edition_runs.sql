-- +goose Up
-- An edition's run counts the editor's retries: each retry queues jobs of a new run, which River's
-- unique-job rule does not confuse with the completed jobs of an earlier run.
ALTER TABLE editions ADD COLUMN run bigint NOT NULL DEFAULT 0;

-- +goose Down
SELECT 'forward-only';
