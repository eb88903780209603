-- The full-text index took each document from a trigger as it was inserted. FTS5 then flushes what
-- it holds in memory at every later statement of the transaction that opens a savepoint (most of
-- linking), writing a small index segment each time that it merges again later: a third of a
-- document's storing cost. Documents are now indexed together just before their transaction
-- commits (Tx.indexDocuments), one statement and one flush a batch.
DROP TRIGGER documents_ai;

-- What tells a page cache the store changed: a counter every write transaction adds one to
-- (Store.InTx). Counting documents and incidents and finding the latest update scanned the
-- incidents table on every page view.
CREATE TABLE store_changes (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    changes INTEGER NOT NULL
);
INSERT INTO store_changes VALUES (1, 0);
