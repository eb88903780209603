-- Watched sources: feeds, pages and JSON Lines endpoints that `wallwatch serve` polls on its own
-- (internal/watch), with the validators of the last answer and the health people look at.
CREATE TABLE watch_sources (
    id             INTEGER PRIMARY KEY,
    url            TEXT NOT NULL UNIQUE,
    interval_ms    INTEGER NOT NULL,
    follow_links   INTEGER NOT NULL DEFAULT 0,
    paused         INTEGER NOT NULL DEFAULT 0,
    created_at     TEXT NOT NULL,            -- RFC 3339 UTC, as every time below
    etag           TEXT NOT NULL DEFAULT '', -- validators of the last 200 answer, sent back
    last_modified  TEXT NOT NULL DEFAULT '', -- as If-None-Match and If-Modified-Since
    next_poll      TEXT NOT NULL,
    last_poll      TEXT NOT NULL DEFAULT '',
    last_success   TEXT NOT NULL DEFAULT '',
    last_error     TEXT NOT NULL DEFAULT '',
    last_error_at  TEXT NOT NULL DEFAULT '',
    failing_since  TEXT NOT NULL DEFAULT '', -- first failure of the current run of failures
    failures       INTEGER NOT NULL DEFAULT 0, -- consecutive, for the backoff
    polls          INTEGER NOT NULL DEFAULT 0,
    not_modified   INTEGER NOT NULL DEFAULT 0, -- 304 answers
    items_seen     INTEGER NOT NULL DEFAULT 0,
    new_documents  INTEGER NOT NULL DEFAULT 0
);

-- Every feed item or article URL a source has taken, so that nothing is fetched twice: an item
-- is keyed by its link (or, without one, the hash of its text).
CREATE TABLE watch_items (
    item_key  TEXT PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES watch_sources(id) ON DELETE CASCADE,
    seen_at   TEXT NOT NULL
);
CREATE INDEX watch_items_source ON watch_items(source_id);
