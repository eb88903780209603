-- Analyst review (docs/review.md). The audit log is append-only: an undo is a new entry naming
-- the entry it reverts. The standing entries are overrides re-applied after ingest and reprocess.
CREATE TABLE review_actions (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,            -- RFC 3339 UTC
    who         TEXT NOT NULL,
    kind        TEXT NOT NULL,
    incident_id TEXT NOT NULL DEFAULT '', -- the incident it was taken on, '' for a document's
    document_id TEXT NOT NULL DEFAULT '',
    undoes      INTEGER REFERENCES review_actions(id),
    data        TEXT NOT NULL,            -- JSON of review.Action
    removed     TEXT                      -- delete: JSON of review.Removed, read only by its undo
);
CREATE INDEX review_actions_incident ON review_actions(incident_id);
CREATE TRIGGER review_actions_no_update BEFORE UPDATE ON review_actions BEGIN
    SELECT RAISE(ABORT, 'the review log is append-only');
END;
CREATE TRIGGER review_actions_no_delete BEFORE DELETE ON review_actions BEGIN
    SELECT RAISE(ABORT, 'the review log is append-only');
END;

-- Each reviewed incident's state, derived from the standing actions after every action and
-- reprocess; lists read it to leave hidden incidents out. Not cleared by reprocess.
CREATE TABLE incident_reviews (
    incident_id TEXT PRIMARY KEY,
    grade       TEXT NOT NULL DEFAULT '',
    hidden      INTEGER NOT NULL DEFAULT 0,
    reviewer    TEXT NOT NULL,
    reviewed_at TEXT NOT NULL -- RFC 3339 UTC; a document ingested later is new since review
) WITHOUT ROWID;
CREATE INDEX incident_reviews_hidden ON incident_reviews(incident_id) WHERE hidden = 1;
