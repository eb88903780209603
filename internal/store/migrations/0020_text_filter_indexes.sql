-- Indexes for the incident lists' text filter, q= (issue #14).
--
-- q= matches the incidents' stored names (incidents.search) and the titles of the documents the
-- reader may see, as any part of a word. No index serves a LIKE '%word%', so a word that few
-- incidents match walked every incident's row and every cited document's row, whose title sits
-- beside the whole article: 5-18 s at 100,000 documents. These narrow indexes hold just what the
-- match and the audience read: the store looks a word's incidents up with one scan of each (a few
-- ms) and then reads only those, and a common word checked on each listed incident reads its
-- documents' titles from the index by id instead of their rows.
-- Documents without a title (nine in ten of the shared test corpus) match no word and stay out.
CREATE INDEX documents_title_search ON documents(id, title, tlp, org_id) WHERE title <> '';
CREATE INDEX incidents_text_search ON incidents(id, search);
