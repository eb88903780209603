-- Documents: every ingested article with its original bytes and normalised text.
CREATE TABLE documents (
    id           TEXT PRIMARY KEY,
    source       TEXT NOT NULL,
    url          TEXT NOT NULL DEFAULT '',
    title        TEXT NOT NULL DEFAULT '',
    published    TEXT,             -- YYYY-MM-DD or NULL when unknown
    ingested_at  TEXT NOT NULL,    -- RFC 3339 UTC
    format       TEXT NOT NULL,
    content_type TEXT NOT NULL DEFAULT '',
    language     TEXT NOT NULL DEFAULT '',
    content_hash TEXT NOT NULL UNIQUE,
    fingerprint  INTEGER NOT NULL, -- SimHash as a signed 64-bit integer
    duplicate_of TEXT REFERENCES documents(id),
    raw          BLOB NOT NULL,
    text         TEXT NOT NULL
);
CREATE INDEX documents_published ON documents(published);

-- Full-text index over title and text, kept in step by triggers.
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER documents_au AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
