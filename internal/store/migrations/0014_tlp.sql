-- TLP 2.0 sharing (issue #13, docs/accounts.md): every document has a marking and, when it was
-- ingested by a member of one, an owning organisation. Existing documents are CLEAR and unowned,
-- so a database from before stays visible to everyone as it was.
ALTER TABLE documents ADD COLUMN tlp TEXT NOT NULL DEFAULT 'CLEAR'
    CHECK (tlp IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'));
ALTER TABLE documents ADD COLUMN org_id INTEGER REFERENCES organisations(id);

-- Organisations own watched sources (whose documents take the source's marking) and alert rules.
ALTER TABLE watch_sources ADD COLUMN tlp TEXT NOT NULL DEFAULT 'CLEAR'
    CHECK (tlp IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'));
ALTER TABLE watch_sources ADD COLUMN org_id INTEGER REFERENCES organisations(id);
ALTER TABLE alert_rules ADD COLUMN org_id INTEGER REFERENCES organisations(id);

-- What markings an incident's documents carry, and whose: one row per (rank, owner) with the
-- number of documents, kept by triggers on incident_documents at a constant cost per link, so
-- that the linker writes nothing new. rank: CLEAR 0, GREEN 1, AMBER 2, AMBER+STRICT 3, RED 4;
-- org_id 0 when unowned. A read asks it whether a principal may see all of an incident (then the
-- stored summary holds) or only part of it (then it is recomputed from what may be seen).
CREATE TABLE incident_markings (
    incident_id TEXT NOT NULL,
    tlp_rank    INTEGER NOT NULL,
    org_id      INTEGER NOT NULL,
    documents   INTEGER NOT NULL,
    PRIMARY KEY (incident_id, tlp_rank, org_id)
) WITHOUT ROWID;

-- The least restrictive rank of the incident's documents (5 while it has none): lists keep the
-- incidents a principal may see with a comparison on the row itself, and look further only at
-- incidents whose every document is restricted.
ALTER TABLE incidents ADD COLUMN tlp_open INTEGER NOT NULL DEFAULT 5;

INSERT INTO incident_markings(incident_id, tlp_rank, org_id, documents)
    SELECT incident_id, 0, 0, count(*) FROM incident_documents GROUP BY incident_id;
UPDATE incidents SET tlp_open = 0 WHERE id IN (SELECT incident_id FROM incident_markings);

CREATE TRIGGER incident_documents_marking_ai AFTER INSERT ON incident_documents BEGIN
    INSERT INTO incident_markings(incident_id, tlp_rank, org_id, documents)
        SELECT new.incident_id, CASE d.tlp WHEN 'CLEAR' THEN 0 WHEN 'GREEN' THEN 1 WHEN 'AMBER' THEN 2
            WHEN 'AMBER+STRICT' THEN 3 ELSE 4 END, COALESCE(d.org_id, 0), 1
        FROM documents d WHERE d.id = new.document_id
        ON CONFLICT DO UPDATE SET documents = documents + 1;
END;

CREATE TRIGGER incident_documents_marking_ad AFTER DELETE ON incident_documents
WHEN EXISTS (SELECT 1 FROM documents WHERE id = old.document_id) BEGIN
    UPDATE incident_markings SET documents = documents - 1
        WHERE incident_id = old.incident_id AND (tlp_rank, org_id) = (SELECT CASE d.tlp WHEN 'CLEAR' THEN 0
            WHEN 'GREEN' THEN 1 WHEN 'AMBER' THEN 2 WHEN 'AMBER+STRICT' THEN 3 ELSE 4 END, COALESCE(d.org_id, 0)
            FROM documents d WHERE d.id = old.document_id);
    DELETE FROM incident_markings WHERE incident_id = old.incident_id AND documents <= 0;
END;

-- A link removed because its document was deleted: the document's marking is gone, so the
-- incident's rows are counted again (rare: a review deletes one document).
CREATE TRIGGER incident_documents_marking_gone AFTER DELETE ON incident_documents
WHEN NOT EXISTS (SELECT 1 FROM documents WHERE id = old.document_id) BEGIN
    DELETE FROM incident_markings WHERE incident_id = old.incident_id;
    INSERT INTO incident_markings(incident_id, tlp_rank, org_id, documents)
        SELECT x.incident_id, CASE d.tlp WHEN 'CLEAR' THEN 0 WHEN 'GREEN' THEN 1 WHEN 'AMBER' THEN 2
            WHEN 'AMBER+STRICT' THEN 3 ELSE 4 END AS tlp_rank, COALESCE(d.org_id, 0) AS org_id, count(*)
        FROM incident_documents x JOIN documents d ON d.id = x.document_id
        WHERE x.incident_id = old.incident_id GROUP BY 2, 3;
END;

CREATE TRIGGER incident_markings_ai AFTER INSERT ON incident_markings BEGIN
    UPDATE incidents SET tlp_open = new.tlp_rank WHERE id = new.incident_id AND tlp_open > new.tlp_rank;
END;

CREATE TRIGGER incident_markings_ad AFTER DELETE ON incident_markings BEGIN
    UPDATE incidents SET tlp_open = COALESCE((SELECT min(tlp_rank) FROM incident_markings
        WHERE incident_id = old.incident_id), 5) WHERE id = old.incident_id;
END;

-- The restricted documents of each incident, found from the marking: which incidents a reader
-- sees only in part.
CREATE INDEX incident_markings_rank ON incident_markings(tlp_rank, org_id, incident_id);
