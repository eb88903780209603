-- Child rows of a batch's incidents side by side (issue #14, the writer's cost). The tables linking
-- writes for each incident it touches (members, tally, positions, value sources, estimates) were
-- keyed by the incident's public id, a hash: a batch's new rows landed on as many B-tree leaves
-- as it had new incidents, in each table and index, and at 100,000 documents those leaves had
-- also to be read from disk. They are keyed instead by seq, a number each incident takes when it
-- is started, one more than any before (Tx.seqOf): a batch's new rows go to the last leaves. The
-- public id stays in incidents, which maps it to seq; the read paths join there.
-- Incidents stored before take their rowid, in the order they were inserted.
ALTER TABLE incidents ADD COLUMN seq INTEGER;
UPDATE incidents SET seq = rowid;
CREATE UNIQUE INDEX incidents_seq ON incidents(seq);

CREATE TABLE incident_members_by_seq (
    incident_seq INTEGER NOT NULL REFERENCES incidents(seq) ON DELETE CASCADE,
    code         TEXT NOT NULL,
    count        INTEGER NOT NULL,
    PRIMARY KEY (incident_seq, code)
) WITHOUT ROWID;
INSERT INTO incident_members_by_seq SELECT i.seq, m.code, m.count FROM incident_members m JOIN incidents i ON i.id = m.incident_id
    ORDER BY i.seq, m.code;
DROP TABLE incident_members;
ALTER TABLE incident_members_by_seq RENAME TO incident_members;

CREATE TABLE incident_tallies_by_seq (
    incident_seq INTEGER PRIMARY KEY REFERENCES incidents(seq) ON DELETE CASCADE,
    votes        TEXT NOT NULL
);
INSERT INTO incident_tallies_by_seq SELECT i.seq, t.votes FROM incident_tallies t JOIN incidents i ON i.id = t.incident_id
    ORDER BY i.seq;
DROP TABLE incident_tallies;
ALTER TABLE incident_tallies_by_seq RENAME TO incident_tallies;

CREATE TABLE incident_positions_by_seq (
    incident_seq INTEGER NOT NULL REFERENCES incidents(seq) ON DELETE CASCADE,
    metric       TEXT NOT NULL,
    side         TEXT NOT NULL,
    vague        INTEGER NOT NULL,
    source       TEXT NOT NULL,
    reported     TEXT NOT NULL,  -- YYYY-MM-DD, '' when unknown
    value        INTEGER NOT NULL,
    lower        INTEGER NOT NULL,
    upper        INTEGER NOT NULL,
    low_end      REAL NOT NULL,
    high_end     REAL,           -- NULL when open
    tier         INTEGER NOT NULL,
    claim        INTEGER NOT NULL -- rowid in incident_claims
);
INSERT INTO incident_positions_by_seq SELECT i.seq, p.metric, p.side, p.vague, p.source, p.reported, p.value, p.lower, p.upper,
        p.low_end, p.high_end, p.tier, p.claim
    FROM incident_positions p JOIN incidents i ON i.id = p.incident_id ORDER BY i.seq, p.rowid;
DROP TABLE incident_positions;
ALTER TABLE incident_positions_by_seq RENAME TO incident_positions;
CREATE INDEX incident_positions_source ON incident_positions(incident_seq, metric, side, vague, source, value);
CREATE INDEX incident_positions_lower ON incident_positions(incident_seq, metric, side, vague, lower);
CREATE INDEX incident_positions_upper ON incident_positions(incident_seq, metric, side, vague, upper);
CREATE INDEX incident_positions_low_end ON incident_positions(incident_seq, metric, side, vague, low_end);
CREATE INDEX incident_positions_high_end ON incident_positions(incident_seq, metric, side, vague, high_end);
CREATE INDEX incident_positions_lead ON incident_positions(incident_seq, metric, side, vague, tier, reported);

CREATE TABLE incident_value_sources_by_seq (
    incident_seq INTEGER NOT NULL REFERENCES incidents(seq) ON DELETE CASCADE,
    metric       TEXT NOT NULL,
    side         TEXT NOT NULL,
    vague        INTEGER NOT NULL,
    value        INTEGER NOT NULL,
    sources      INTEGER NOT NULL,
    PRIMARY KEY (incident_seq, metric, side, vague, value)
) WITHOUT ROWID;
INSERT INTO incident_value_sources_by_seq SELECT i.seq, v.metric, v.side, v.vague, v.value, v.sources
    FROM incident_value_sources v JOIN incidents i ON i.id = v.incident_id ORDER BY i.seq;
DROP TABLE incident_value_sources;
ALTER TABLE incident_value_sources_by_seq RENAME TO incident_value_sources;

-- The reconciled figures, which linking writes for every incident it creates or whose figures
-- change; lists and pages read them joined to incidents by seq.
CREATE TABLE incident_estimates_by_seq (
    incident_seq INTEGER NOT NULL REFERENCES incidents(seq) ON DELETE CASCADE,
    metric       TEXT NOT NULL,
    best         INTEGER,
    low          INTEGER,
    high         INTEGER,
    contested    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (incident_seq, metric)
) WITHOUT ROWID;
INSERT INTO incident_estimates_by_seq SELECT i.seq, e.metric, e.best, e.low, e.high, e.contested
    FROM incident_estimates e JOIN incidents i ON i.id = e.incident_id ORDER BY i.seq, e.metric;
DROP TABLE incident_estimates;
ALTER TABLE incident_estimates_by_seq RENAME TO incident_estimates;
