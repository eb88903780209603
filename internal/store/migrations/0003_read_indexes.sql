-- Indexes for the read paths of the API and the pages: every list sort key has an index that
-- serves ORDER BY ... LIMIT without sorting the whole table (measured with 100,000 incidents).
CREATE INDEX incidents_sort_date ON incidents(COALESCE(date_start, '') DESC, id);
CREATE INDEX incidents_country_sort_date ON incidents(country, COALESCE(date_start, '') DESC, id);
CREATE INDEX incidents_type_sort_date ON incidents(type, COALESCE(date_start, '') DESC, id);
CREATE INDEX incidents_sort_escaped ON incidents(printf('%012d', COALESCE(escaped_best, 0)) DESC, id);
CREATE INDEX incidents_stats ON incidents(date_start, escaped_best, country, contested);
CREATE INDEX incident_actors_actor_nocase ON incident_actors(actor COLLATE NOCASE, incident_id);
CREATE INDEX incident_campaigns_campaign_nocase ON incident_campaigns(campaign COLLATE NOCASE, incident_id);
