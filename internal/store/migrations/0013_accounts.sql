-- Accounts (issue #13): organisations own users; a user has one role. Sessions and API tokens are
-- kept only as SHA-256 hashes of their secrets, so a copy of the database cannot be used to log in.
CREATE TABLE organisations (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,
    org_id        INTEGER NOT NULL REFERENCES organisations(id),
    role          TEXT NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
    password_hash TEXT NOT NULL, -- argon2id in the PHC string format
    created_at    TEXT NOT NULL
);

CREATE TABLE sessions (
    hash       BLOB PRIMARY KEY, -- SHA-256 of the cookie's secret
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    scope        TEXT NOT NULL CHECK (scope IN ('read', 'write', 'admin')),
    hash         BLOB NOT NULL UNIQUE, -- SHA-256 of the token's secret
    created_at   TEXT NOT NULL,
    expires_at   TEXT NOT NULL, -- '' never
    revoked_at   TEXT NOT NULL DEFAULT '',
    last_used_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

-- The security audit log: every login attempt and every write request. Append-only: names are
-- copied, not referenced, so removing a user keeps their history, and triggers refuse changes.
CREATE TABLE security_events (
    id     INTEGER PRIMARY KEY,
    at     TEXT NOT NULL,
    kind   TEXT NOT NULL, -- login, login_failed, logout, write
    who    TEXT NOT NULL, -- user name ('' anonymous); for a failed login, the name tried
    remote TEXT NOT NULL, -- client address
    method TEXT NOT NULL,
    path   TEXT NOT NULL,
    status INTEGER NOT NULL,
    detail TEXT NOT NULL
);
CREATE TRIGGER security_events_no_update BEFORE UPDATE ON security_events
BEGIN SELECT RAISE(ABORT, 'security_events is append-only'); END;
CREATE TRIGGER security_events_no_delete BEFORE DELETE ON security_events
BEGIN SELECT RAISE(ABORT, 'security_events is append-only'); END;
