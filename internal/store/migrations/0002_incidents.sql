-- Mentions: what one document says about one incident (the extraction output, kept whole as JSON).
CREATE TABLE mentions (
    document_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx            INTEGER NOT NULL,
    incident_id    TEXT NOT NULL DEFAULT '',
    country        TEXT NOT NULL DEFAULT '',
    date_start     TEXT,            -- YYYY-MM-DD
    date_precision TEXT NOT NULL DEFAULT '',
    data           TEXT NOT NULL,   -- JSON of model.Mention
    PRIMARY KEY (document_id, idx)
);
CREATE INDEX mentions_country_date ON mentions(country, date_start);
CREATE INDEX mentions_incident ON mentions(incident_id);

-- Incidents: linked and reconciled. Columns carry what is filtered and sorted on; data has the rest.
CREATE TABLE incidents (
    id             TEXT PRIMARY KEY,
    type           TEXT NOT NULL,
    date_start     TEXT,
    date_end       TEXT,
    date_precision TEXT NOT NULL DEFAULT '',
    country        TEXT NOT NULL DEFAULT '',
    admin1         TEXT NOT NULL DEFAULT '',
    place          TEXT NOT NULL DEFAULT '',
    facility       TEXT NOT NULL DEFAULT '',
    lat            REAL,
    lon            REAL,
    geo_precision  TEXT NOT NULL DEFAULT '',
    escaped_best   INTEGER,
    contested      INTEGER NOT NULL DEFAULT 0,
    search         TEXT NOT NULL DEFAULT '', -- folded words for the text filter
    data           TEXT NOT NULL,            -- JSON of model.Incident
    updated_at     TEXT NOT NULL
);
CREATE INDEX incidents_date ON incidents(date_start DESC, id);
CREATE INDEX incidents_country_date ON incidents(country, date_start);
CREATE INDEX incidents_type_date ON incidents(type, date_start);
CREATE INDEX incidents_lat_lon ON incidents(lat, lon);

CREATE TABLE incident_actors (
    incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    actor       TEXT NOT NULL,
    PRIMARY KEY (incident_id, actor)
);
CREATE INDEX incident_actors_actor ON incident_actors(actor);

CREATE TABLE incident_campaigns (
    incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    campaign    TEXT NOT NULL,
    PRIMARY KEY (incident_id, campaign)
);
CREATE INDEX incident_campaigns_campaign ON incident_campaigns(campaign);

CREATE TABLE incident_documents (
    incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (incident_id, document_id)
);
CREATE INDEX incident_documents_document ON incident_documents(document_id);

-- Campaigns: named series of attacks, rebuilt from the incidents that cite them.
CREATE TABLE campaigns (
    name       TEXT PRIMARY KEY,
    actor      TEXT NOT NULL DEFAULT '',
    date_start TEXT,
    date_end   TEXT,
    data       TEXT NOT NULL
);
