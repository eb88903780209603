-- What the citation check of wave detection found in each report it read (issue #14), in place
-- of an answer per pair of incidents (wave_citations, migration 0022): a pair's key changed
-- whenever a report joined the first 50 of the citing incident, and every report of the pair was
-- then read again; each answer here holds for as long as the report and the name exist, so a
-- refresh reads only the reports no earlier run read for that name. A document's id derives from
-- its text, so an answer never goes stale.
CREATE TABLE wave_report_names (
    name        TEXT NOT NULL,    -- a facility's name, lower-cased, as the check looks for it
    document_id TEXT NOT NULL,
    found       INTEGER NOT NULL, -- 1 when the report's text holds the name
    PRIMARY KEY (name, document_id)
) WITHOUT ROWID;

DROP TABLE wave_citations;
