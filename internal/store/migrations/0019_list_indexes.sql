-- Indexes for what the lists read at 100,000 documents (issue #14).
--
-- The headline sums and the monthly counts skip the incidents review hid, a condition on the
-- incident's id: with the id in the index they read it alone instead of every incident's row with
-- its data (the totals and months of 68,000 incidents cost 0.25-0.5 s, each time the dashboard or
-- the incident list recomputed them).
DROP INDEX incidents_stats;
CREATE INDEX incidents_stats ON incidents(date_start, escaped_best, country, contested, id);

-- A facility filter read every incident newest first to find the few of one facility (0.2-0.3 s);
-- a list sorted contested-first sorted the whole store for each page (0.15 s).
CREATE INDEX incidents_facility_sort_date ON incidents(facility COLLATE NOCASE, COALESCE(date_start, '') DESC, id);
CREATE INDEX incidents_sort_contested ON incidents((contested || '|' || COALESCE(date_start, '')) DESC, id);
