-- The headline sums and the monthly counts skip the incidents review hid, a condition on the
-- incident's id: with the id in the index they read it alone instead of every incident's row with
-- its data (issue #14: the totals and months of 68,000 incidents cost 0.25-0.5 s, each time the
-- dashboard or the incident list recomputed them).
DROP INDEX incidents_stats;
CREATE INDEX incidents_stats ON incidents(date_start, escaped_best, country, contested, id);
