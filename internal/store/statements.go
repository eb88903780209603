package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// statements are the queries that linking runs for every document, prepared once per store on the
// write connection: the SQLite driver takes about as long to parse one of them as to run it, so
// preparing them afresh each time was a fifth of the cost of linking a mention.
type statements struct {
	documentMentions      *sql.Stmt
	documentRefs          *sql.Stmt
	neighbourhood         *sql.Stmt
	setMentionIncident    *sql.Stmt
	putIncident           *sql.Stmt
	clearIncidentActors   *sql.Stmt
	clearIncidentCampaign *sql.Stmt
	clearIncidentDocs     *sql.Stmt
	addIncidentActor      *sql.Stmt
	addIncidentCampaign   *sql.Stmt
	addIncidentDocument   *sql.Stmt
	deleteIncident        *sql.Stmt
}

// query is the SQL of one of the statements and where its prepared form is kept.
type query struct {
	stmt **sql.Stmt
	sql  string
}

// queries lists the statements' SQL.
func (s *statements) queries() []query {
	return []query{
		{&s.documentMentions, `SELECT incident_id, data FROM mentions WHERE document_id = ? ORDER BY idx`},
		{&s.documentRefs, `SELECT id, source, title, published, duplicate_of FROM documents
			WHERE id IN (SELECT value FROM json_each(?))`},
		// For each window, two ranges of mentions_window rather than "date_start IS NULL OR
		// date_start BETWEEN ...", which SQLite serves by reading every mention of the country;
		// the index also holds each candidate's incident, whose members come through
		// mentions_incident. Only the rows returned are visited, each once.
		{&s.neighbourhood, `WITH win(country, date_from, date_to) AS (
				SELECT value->>0, value->>1, value->>2 FROM json_each(?)),
			near(rid, incident_id) AS (
				SELECT m.rowid, m.incident_id FROM win CROSS JOIN mentions m
					ON m.country = win.country AND m.date_start BETWEEN win.date_from AND win.date_to
				UNION SELECT m.rowid, m.incident_id FROM win CROSS JOIN mentions m
					ON m.country = win.country AND m.date_start IS NULL)
			SELECT incident_id, data FROM mentions WHERE rowid IN (
				SELECT rid FROM near
				UNION SELECT rowid FROM mentions WHERE incident_id IN (SELECT incident_id FROM near WHERE incident_id <> ''))
			ORDER BY document_id, idx`},
		{&s.setMentionIncident, `UPDATE mentions SET incident_id = ? WHERE document_id = ? AND idx = ?`},
		// An upsert and explicit child deletes: deleting the parent row would run the foreign-key
		// cascade machinery, which costs more than the rest of linking together.
		{&s.putIncident, `INSERT INTO incidents(id, type, date_start, date_end, date_precision, country,
			admin1, place, facility, lat, lon, geo_precision, escaped_best, contested, search, data, updated_at)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
			ON CONFLICT(id) DO UPDATE SET type = excluded.type, date_start = excluded.date_start,
			date_end = excluded.date_end, date_precision = excluded.date_precision, country = excluded.country,
			admin1 = excluded.admin1, place = excluded.place, facility = excluded.facility, lat = excluded.lat,
			lon = excluded.lon, geo_precision = excluded.geo_precision, escaped_best = excluded.escaped_best,
			contested = excluded.contested, search = excluded.search, data = excluded.data, updated_at = excluded.updated_at`},
		{&s.clearIncidentActors, `DELETE FROM incident_actors WHERE incident_id = ?`},
		{&s.clearIncidentCampaign, `DELETE FROM incident_campaigns WHERE incident_id = ?`},
		{&s.clearIncidentDocs, `DELETE FROM incident_documents WHERE incident_id = ?`},
		{&s.addIncidentActor, `INSERT OR IGNORE INTO incident_actors VALUES (?, ?)`},
		{&s.addIncidentCampaign, `INSERT OR IGNORE INTO incident_campaigns VALUES (?, ?)`},
		{&s.addIncidentDocument, `INSERT OR IGNORE INTO incident_documents VALUES (?, ?)`},
		{&s.deleteIncident, `DELETE FROM incidents WHERE id = ?`},
	}
}

// prepareStatements prepares the linking statements on db; run it after the migrations, since a
// statement can only be prepared against tables that exist.
func prepareStatements(ctx context.Context, db *sql.DB) (*statements, error) {
	s := &statements{}
	for _, q := range s.queries() {
		stmt, err := db.PrepareContext(ctx, q.sql)
		if err != nil {
			return nil, errors.Join(fmt.Errorf("prepare %q: %w", q.sql, err), s.close())
		}
		*q.stmt = stmt
	}
	return s, nil
}

// close closes the statements prepared so far.
func (s *statements) close() error {
	var errs []error
	for _, q := range s.queries() {
		if *q.stmt != nil {
			errs = append(errs, (*q.stmt).Close())
		}
	}
	return errors.Join(errs...)
}

// stmt returns a store-level prepared statement bound to this transaction, binding each statement
// once per transaction. It runs on the transaction's connection, which already holds the
// statement prepared, so nothing is parsed again.
func (t *Tx) stmt(ctx context.Context, s *sql.Stmt) *sql.Stmt {
	if b, ok := t.bound[s]; ok {
		return b
	}
	b := t.tx.StmtContext(ctx, s)
	if t.bound == nil {
		t.bound = map[*sql.Stmt]*sql.Stmt{}
	}
	t.bound[s] = b
	return b
}
