-- What the citation check of wave detection found for each ordered pair of incidents it read
-- reports for (issue #14): the reports of one incident that may name the other's facility are
-- read again only when the pair's inputs change. key is a SHA-256 of everything the check reads
-- for the pair (both facilities, the citing incident's label and the ids of the reports read,
-- which derive from their texts), so an answer stays true for as long as its key is asked for.
CREATE TABLE wave_citations (
    key    BLOB PRIMARY KEY,
    detail TEXT NOT NULL -- the citation in words; '' when no report names the facility
) WITHOUT ROWID;
