-- A document's ingestion instant is written with all nine digits of its fraction (storedInstant),
-- so that the text order of the column, which lists and the near-duplicate comparison follow, is
-- time order: RFC 3339 with its trailing zeros trimmed is not ("...:01.1Z" sorted after
-- "...:01.15Z"), and a parallel ingest listed its documents in another order than a serial one.
-- Values written before are padded the same way.
UPDATE documents
SET ingested_at = substr(ingested_at, 1, 19) || '.' ||
	substr(CASE WHEN substr(ingested_at, 20, 1) = '.' THEN substr(ingested_at, 21, length(ingested_at) - 21) ELSE '' END || '000000000', 1, 9) || 'Z'
WHERE length(ingested_at) >= 20 AND substr(ingested_at, length(ingested_at), 1) = 'Z' AND substr(ingested_at, 11, 1) = 'T';
