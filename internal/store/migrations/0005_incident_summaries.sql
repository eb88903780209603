-- Incidents updated by delta. Linking a mention used to read every mention of the incidents near
-- it and rewrite each joined incident whole (hundreds of kilobytes of JSON for a story reported
-- thousands of times). Now an incident keeps a summary the linker adds to: its distinct member
-- profiles, its tally of votes, its date window, and its claims, estimates and documents in rows
-- of their own. incidents.data keeps only the decided fields.

-- The distinct ways the incident's mentions compare with others (link.ProfileCode), with counts.
CREATE TABLE incident_members (
    incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    code        TEXT NOT NULL,
    count       INTEGER NOT NULL,
    PRIMARY KEY (incident_id, code)
) WITHOUT ROWID;

-- The incident's tally (link.Vote): the support of each value of each field.
CREATE TABLE incident_votes (
    incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    field       TEXT NOT NULL,
    key         TEXT NOT NULL,
    weight      INTEGER NOT NULL,
    rank        TEXT NOT NULL,
    value       TEXT NOT NULL,
    PRIMARY KEY (incident_id, field, key)
) WITHOUT ROWID;

-- Every claim of the incident, one row each. voice is the document whose voice an unnamed
-- claimant speaks with (a near-duplicate speaks with its original's).
CREATE TABLE incident_claims (
    incident_id        TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    metric             TEXT NOT NULL,
    document_id        TEXT NOT NULL,
    voice              TEXT NOT NULL,
    quote_start        INTEGER NOT NULL,
    quote_end          INTEGER NOT NULL,
    low                INTEGER,
    high               INTEGER,
    qualifier          TEXT NOT NULL DEFAULT '',
    side               TEXT NOT NULL DEFAULT '',
    claimant           TEXT NOT NULL DEFAULT '',
    claimant_role      TEXT NOT NULL DEFAULT '',
    reported           TEXT,            -- YYYY-MM-DD
    reported_precision TEXT NOT NULL DEFAULT '',
    quote              TEXT NOT NULL DEFAULT ''
);
CREATE INDEX incident_claims_side ON incident_claims(incident_id, metric, side);

-- Current positions (link.Position): each source's latest claims on each quantity (metric, side,
-- firm or vague), the only claims an estimate depends on. One index per question an estimate
-- asks (link.Positions), so an estimate costs a few index probes however many claims there are.
CREATE TABLE incident_positions (
    incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    metric      TEXT NOT NULL,
    side        TEXT NOT NULL,
    vague       INTEGER NOT NULL,
    source      TEXT NOT NULL,
    reported    TEXT NOT NULL,  -- YYYY-MM-DD, '' when unknown
    value       INTEGER NOT NULL,
    lower       INTEGER NOT NULL,
    upper       INTEGER NOT NULL,
    low_end     REAL NOT NULL,
    high_end    REAL,           -- NULL when open
    tier        INTEGER NOT NULL,
    claim       INTEGER NOT NULL -- rowid in incident_claims
);
CREATE INDEX incident_positions_source ON incident_positions(incident_id, metric, side, vague, source, value);
CREATE INDEX incident_positions_lower ON incident_positions(incident_id, metric, side, vague, lower);
CREATE INDEX incident_positions_upper ON incident_positions(incident_id, metric, side, vague, upper);
CREATE INDEX incident_positions_low_end ON incident_positions(incident_id, metric, side, vague, low_end);
CREATE INDEX incident_positions_high_end ON incident_positions(incident_id, metric, side, vague, high_end);
CREATE INDEX incident_positions_lead ON incident_positions(incident_id, metric, side, vague, tier, reported);

-- How many distinct sources' current positions stand for each value.
CREATE TABLE incident_value_sources (
    incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    metric      TEXT NOT NULL,
    side        TEXT NOT NULL,
    vague       INTEGER NOT NULL,
    value       INTEGER NOT NULL,
    sources     INTEGER NOT NULL,
    PRIMARY KEY (incident_id, metric, side, vague, value)
) WITHOUT ROWID;

-- The reconciled figures of each metric.
CREATE TABLE incident_estimates (
    incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    metric      TEXT NOT NULL,
    best        INTEGER,
    low         INTEGER,
    high        INTEGER,
    contested   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (incident_id, metric)
) WITHOUT ROWID;

-- Where the linker looks for incidents: per country (a number made from its code), the days every
-- dated mention of the incident may stand for (the intersection of their windows; all days when
-- none is dated). An R*Tree finds the windows overlapping a new mention's in logarithmic time.
CREATE VIRTUAL TABLE incident_windows USING rtree_i32(id, country_lo, country_hi, day_lo, day_hi, +incident_id);

-- first_key is the key (link.SortKey) of the incident's first mention, for ties between
-- candidates; window_id its row in incident_windows; summarised is 1 once the linker keeps the
-- summary (incidents stored before this migration, or whole by PutIncident, are summarised
-- from their mentions and claims the first time the linker runs).
ALTER TABLE incidents ADD COLUMN first_key TEXT NOT NULL DEFAULT '';
ALTER TABLE incidents ADD COLUMN window_id INTEGER;
ALTER TABLE incidents ADD COLUMN summarised INTEGER NOT NULL DEFAULT 0;
CREATE INDEX incidents_unsummarised ON incidents(id) WHERE summarised = 0;

-- Move the claims and figures of existing incidents into their rows.
INSERT INTO incident_claims(incident_id, metric, document_id, voice, quote_start, quote_end, low, high, qualifier,
        side, claimant, claimant_role, reported, reported_precision, quote)
    SELECT i.id, m.key, c.value->>'DocumentID', COALESCE(NULLIF(d.duplicate_of, ''), c.value->>'DocumentID'),
        c.value->>'Start', c.value->>'End', c.value->>'Low', c.value->>'High', COALESCE(c.value->>'Qualifier', ''),
        COALESCE(c.value->>'Side', ''), COALESCE(c.value->>'Claimant', ''), COALESCE(c.value->>'ClaimantRole', ''),
        NULLIF(substr(c.value->>'$.Reported.Start', 1, 10), '0001-01-01'), COALESCE(c.value->>'$.Reported.Precision', ''),
        COALESCE(c.value->>'Quote', '')
    FROM incidents i, json_each(i.data, '$.Metrics') m, json_each(m.value, '$.Claims') c
    LEFT JOIN documents d ON d.id = c.value->>'DocumentID';
INSERT INTO incident_estimates(incident_id, metric, best, low, high, contested)
    SELECT i.id, m.key, m.value->>'Best', m.value->>'Low', m.value->>'High', COALESCE(m.value->>'Contested', 0)
    FROM incidents i, json_each(i.data, '$.Metrics') m;
UPDATE incidents SET data = json_remove(data, '$.Documents', '$.Metrics');

-- The linker no longer reads mentions by country and date: the window index of 0004 only slowed
-- every write of a mention's incident.
DROP INDEX mentions_window;
