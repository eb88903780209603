-- Each incident's window carries the incident's number and the key of its first mention (issue
-- #14, placing): linking finds a mention's candidates by their windows and then reads their
-- summaries, and reading the number and key from the incident's own row took a leaf of the
-- incidents table, some 13,000 leaves at 90,000 documents and rarely in the page cache, for every
-- candidate. With them beside the window, a summary is the incident's members alone, read by its
-- number. Both are set once, when the window is (an incident's first key changes only with a
-- summary made anew, which writes its window anew). An R*Tree takes no new column, so the table
-- is made again; a window whose incident has no row (none should) keeps a null number, and its
-- summary is then left out as before.
CREATE VIRTUAL TABLE incident_windows_keyed USING rtree_i32(id, country_lo, country_hi, day_lo, day_hi,
    +incident_id, +incident_seq, +first_key);
INSERT INTO incident_windows_keyed(id, country_lo, country_hi, day_lo, day_hi, incident_id, incident_seq, first_key)
    SELECT w.id, w.country_lo, w.country_hi, w.day_lo, w.day_hi, w.incident_id, i.seq, coalesce(i.first_key, '')
    FROM incident_windows w LEFT JOIN incidents i ON i.id = w.incident_id
    ORDER BY w.id;
DROP TABLE incident_windows;
ALTER TABLE incident_windows_keyed RENAME TO incident_windows;
