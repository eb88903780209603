-- An incident's tally in one row (issue #14, the writer's cost): linking read the whole tally of
-- every incident it decided and wrote it back line by line, about 14 upserts a report. The tally
-- is now read and written whole, a JSON array of [field, key, weight, rank, value] lines sorted
-- by field and key: one statement each way.
CREATE TABLE incident_tallies (
    incident_id TEXT PRIMARY KEY REFERENCES incidents(id) ON DELETE CASCADE,
    votes       TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO incident_tallies
SELECT incident_id, json_group_array(json_array(field, key, weight, rank, value) ORDER BY field, key)
FROM incident_votes GROUP BY incident_id;
DROP TABLE incident_votes;
