-- Current positions clustered by incident, quantity and source, with no other index (issue #14).
--
-- A position was a row with six indexes, one per aggregate an estimate reads (the bounds, the
-- leaders, a source's values), so storing or dropping one wrote seven B-trees, each at the leaf of
-- its incident wherever that lies: a report joining an incident stored long before dirtied a page
-- of each. The positions of one quantity (an incident's metric, side and firmness) are few, since
-- a source keeps only its latest ones: one or two for most, fifteen at most in a store of 90,000
-- documents with the skew of real news. Keyed by them, they share a leaf of one B-tree, and each
-- aggregate reads that leaf (WAL frames of 1,280 documents into that store: 73,866 -> 62,333).
CREATE TABLE incident_positions_clustered (
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
    claim        INTEGER NOT NULL, -- rowid in incident_claims
    PRIMARY KEY (incident_seq, metric, side, vague, source, value, claim)
) WITHOUT ROWID;
INSERT INTO incident_positions_clustered SELECT incident_seq, metric, side, vague, source, reported, value, lower, upper,
        low_end, high_end, tier, claim
    FROM incident_positions;
DROP TABLE incident_positions;
ALTER TABLE incident_positions_clustered RENAME TO incident_positions;
