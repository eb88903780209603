-- Alerts (internal/alert): rules owned by a name (accounts, issue #13, will bind it), the state of
-- each incident as alerts last saw it, the events announced and a durable outbox: an event and its
-- deliveries are written in one transaction and a delivery is marked done only once it went out,
-- so a restart loses nothing (at least once; the event key lets receivers drop a copy).
CREATE TABLE alert_rules (
    id          INTEGER PRIMARY KEY,
    owner       TEXT NOT NULL,
    name        TEXT NOT NULL,
    paused      INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    last_digest TEXT NOT NULL,
    data        TEXT NOT NULL -- JSON of model.AlertRule's filter, changes and channels
);

-- What each incident looked like when alerts last compared it (JSON of the figures they watch).
CREATE TABLE alert_snapshots (
    incident_id TEXT PRIMARY KEY,
    data        TEXT NOT NULL
);

CREATE TABLE alert_events (
    id         INTEGER PRIMARY KEY,
    key        TEXT NOT NULL UNIQUE, -- idempotency key: one change announced to one rule
    rule_id    INTEGER NOT NULL,     -- no foreign key: a deleted rule's history stays readable
    created_at TEXT NOT NULL,
    data       TEXT NOT NULL         -- JSON of model.AlertEvent
);
CREATE INDEX alert_events_rule ON alert_events(rule_id, created_at);

-- One row per event and channel (webhook, email, digest), done when delivered_at is set.
CREATE TABLE alert_outbox (
    id           INTEGER PRIMARY KEY,
    event_id     INTEGER NOT NULL REFERENCES alert_events(id) ON DELETE CASCADE,
    channel      TEXT NOT NULL,
    target       TEXT NOT NULL, -- URL or address
    attempts     INTEGER NOT NULL DEFAULT 0,
    next_attempt TEXT NOT NULL,
    delivered_at TEXT NOT NULL DEFAULT '',
    given_up     INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT NOT NULL DEFAULT '',
    UNIQUE (event_id, channel)
);
CREATE INDEX alert_outbox_due ON alert_outbox(next_attempt) WHERE delivered_at = '' AND given_up = 0;

-- The delivery log: every attempt, as people read it.
CREATE TABLE alert_attempts (
    id        INTEGER PRIMARY KEY,
    outbox_id INTEGER NOT NULL REFERENCES alert_outbox(id) ON DELETE CASCADE,
    at        TEXT NOT NULL,
    ok        INTEGER NOT NULL,
    detail    TEXT NOT NULL -- "HTTP 200", "250 queued", or the error
);
CREATE INDEX alert_attempts_outbox ON alert_attempts(outbox_id);
CREATE INDEX alert_attempts_at ON alert_attempts(at DESC);
