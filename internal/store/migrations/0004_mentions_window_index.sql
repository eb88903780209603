-- The linker's candidate window reads (country, date_start) ranges and needs each candidate's
-- incident: carrying incident_id in the index answers both from the index alone, without a visit
-- to every candidate's row. It replaces the narrower index of 0002.
CREATE INDEX mentions_window ON mentions(country, date_start, incident_id);
DROP INDEX mentions_country_date;
