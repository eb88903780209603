-- Waves: clusters of incidents in time found by internal/analyse, rewritten whole after ingest.
CREATE TABLE waves (
    id         TEXT PRIMARY KEY,
    date_start TEXT NOT NULL, -- YYYY-MM-DD, first day of the scan window
    date_end   TEXT NOT NULL,
    p_value    REAL NOT NULL,
    data       TEXT NOT NULL  -- JSON of model.Wave
);
CREATE INDEX waves_date ON waves(date_start DESC, id);

-- No foreign key to incidents: incidents are relinked between two runs of the analysis.
CREATE TABLE wave_incidents (
    wave_id     TEXT NOT NULL REFERENCES waves(id) ON DELETE CASCADE,
    incident_id TEXT NOT NULL,
    PRIMARY KEY (wave_id, incident_id)
);
CREATE INDEX wave_incidents_incident ON wave_incidents(incident_id);

-- The last run: its method, parameters and critical value, also when it found no wave.
CREATE TABLE wave_runs (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    computed_at TEXT NOT NULL, -- RFC 3339 UTC
    data        TEXT NOT NULL  -- JSON of model.WaveAnalysis without its waves
);
