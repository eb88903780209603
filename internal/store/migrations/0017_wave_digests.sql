-- The digest of the inputs the stored waves were computed from (issue #14): a refresh whose
-- inputs have the same digest leaves the waves as they are. computed_at ties the digest to the
-- run it describes: waves stored without one do not match it.
CREATE TABLE wave_digests (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    computed_at TEXT NOT NULL, -- RFC 3339 UTC, as in wave_runs
    digest      TEXT NOT NULL
);
