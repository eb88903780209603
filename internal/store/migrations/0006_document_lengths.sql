-- Near-duplicate detection reads every document's fingerprint for each batch. It counted each
-- text's characters as it went, reading every text in the store; now the count is a column, and
-- one covering index serves the scan in ingest order without a sort or a visit to the table.
ALTER TABLE documents ADD COLUMN length INTEGER NOT NULL DEFAULT 0;
UPDATE documents SET length = length(text);
CREATE INDEX documents_fingerprints ON documents(ingested_at, id, fingerprint, duplicate_of, published, length);
