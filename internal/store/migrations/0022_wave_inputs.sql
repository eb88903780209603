-- State kept between runs of wave detection (issue #14), so that a refresh costs less as the
-- store grows.

-- What the scan reads of each incident, in narrow columns written with its row: the refresh
-- reads them in key order instead of decoding every tested incident's data. Lists are JSON
-- arrays of strings, '' when empty; date_start is the incident's Date.Start as data holds it.
CREATE TABLE wave_inputs (
    incident_id    TEXT PRIMARY KEY REFERENCES incidents(id) ON DELETE CASCADE,
    type           TEXT NOT NULL,
    date_precision TEXT NOT NULL,
    date_start     TEXT NOT NULL,
    country        TEXT NOT NULL,
    facility       TEXT NOT NULL,
    perpetrators   TEXT NOT NULL,
    methods        TEXT NOT NULL,
    campaigns      TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO wave_inputs
SELECT id, type, date_precision, COALESCE(data->>'$.Date.Start', ''), COALESCE(data->>'$.Place.Country', ''),
    COALESCE(data->>'$.Facility', ''),
    iif(json_array_length(data, '$.Perpetrators') > 0, data->'$.Perpetrators', ''),
    iif(json_array_length(data, '$.Methods') > 0, data->'$.Methods', ''),
    iif(json_array_length(data, '$.Campaigns') > 0, data->'$.Campaigns', '')
FROM incidents WHERE data <> '{}';

-- The perpetrators' claimants, which detection reads of every incident's claims: a refresh read
-- every claim of the store for them (322,684 at 90,000 documents, 10,462 of them by a perpetrator).
CREATE INDEX incident_claims_perpetrator ON incident_claims(incident_id, metric, claimant, claimant_role)
    WHERE claimant_role = 'perpetrator' AND claimant <> '';

-- What the citation check found for each ordered pair of incidents it read reports for: the
-- reports of one incident that may name the other's facility are read again only when the
-- pair's inputs change. key is a SHA-256 of everything the check reads for the pair (both
-- facilities, the citing incident's label and the ids of the reports read, which derive from
-- their texts), so an answer stays true for as long as its key is asked for.
CREATE TABLE wave_citations (
    key    BLOB PRIMARY KEY,
    detail TEXT NOT NULL -- the citation in words; '' when no report names the facility
) WITHOUT ROWID;
