-- What the citation check of wave detection found in each report it read (issue #14), in place
-- of an answer per pair of incidents (wave_citations, migration 0022): a pair's key changed
-- whenever a report joined the first 50 of the citing incident, and every report of the pair was
-- then read again. Now a report read once is searched for every facility name of the record, and
-- a later run reads it again only to look for a name that was not yet known. A document's id
-- derives from its text, so an answer never goes stale.

-- The facility names the check looks for, lower-cased, numbered in the order they became known.
CREATE TABLE wave_names (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

-- For each report read: the names up to which it was searched (those numbered up to upto) and
-- those of them its text holds (their numbers, ascending, separated by spaces; '' for none).
CREATE TABLE wave_report_names (
    document_id TEXT PRIMARY KEY,
    upto        INTEGER NOT NULL,
    found       TEXT NOT NULL
) WITHOUT ROWID;

DROP TABLE wave_citations;
