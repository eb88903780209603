package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// statements are the queries that storing and linking run for every document, prepared once per store on the
// write connection: the SQLite driver takes about as long to parse one of them as to run it, so
// preparing them afresh each time was a fifth of the cost of linking a mention.
type statements struct {
	insertDocument         *sql.Stmt
	indexDocuments         *sql.Stmt
	clearMentions          *sql.Stmt
	countChange            *sql.Stmt
	insertMention          *sql.Stmt
	documentMentions       *sql.Stmt
	documentRefs           *sql.Stmt
	candidateIDs           *sql.Stmt
	countryWindows         *sql.Stmt
	summaries              *sql.Stmt
	changes                *sql.Stmt
	createIncident         *sql.Stmt
	insertWindow           *sql.Stmt
	setWindowID            *sql.Stmt
	incidentWindow         *sql.Stmt
	narrowWindow           *sql.Stmt
	addMember              *sql.Stmt
	putTally               *sql.Stmt
	insertClaim            *sql.Stmt
	hasDocument            *sql.Stmt
	incidentTally          *sql.Stmt
	incidentSeq            *sql.Stmt
	maxSeq                 *sql.Stmt
	incidentClaims         *sql.Stmt
	putEstimate            *sql.Stmt
	latestPosition         *sql.Stmt
	dropPositions          *sql.Stmt
	insertPosition         *sql.Stmt
	positionSides          *sql.Stmt
	positionQuantity       *sql.Stmt
	valueSources           *sql.Stmt
	refreshFigures         *sql.Stmt
	incidentEstimates      *sql.Stmt
	setFigures             *sql.Stmt
	setMentionIncident     *sql.Stmt
	incidentData           *sql.Stmt
	touchIncident          *sql.Stmt
	putIncident            *sql.Stmt
	insertDecided          *sql.Stmt
	windowDays             *sql.Stmt
	putWaveInput           *sql.Stmt
	addWaveIncident        *sql.Stmt
	putReportNames         *sql.Stmt
	dropReportNames        *sql.Stmt
	clearIncidentActors    *sql.Stmt
	clearIncidentCampaign  *sql.Stmt
	clearIncidentDocs      *sql.Stmt
	clearIncidentClaims    *sql.Stmt
	clearIncidentEstimates *sql.Stmt
	addIncidentActor       *sql.Stmt
	addIncidentCampaign    *sql.Stmt
	addIncidentDocument    *sql.Stmt
}

// query is the SQL of one of the statements and where its prepared form is kept.
type query struct {
	stmt **sql.Stmt
	sql  string
}

// queries lists the statements' SQL.
func (s *statements) queries() []query {
	return []query{
		{&s.insertDocument, `INSERT INTO documents (id, source, url, title, published, ingested_at, format, content_type,
			language, content_hash, fingerprint, duplicate_of, raw, text, length, tlp, org_id)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,(SELECT id FROM organisations WHERE name = ?))`},
		{&s.indexDocuments, `INSERT INTO documents_fts(rowid, title, text)
			SELECT rowid, title, text FROM documents WHERE rowid IN (SELECT value FROM json_each(?)) ORDER BY rowid`},
		{&s.clearMentions, `DELETE FROM mentions WHERE document_id = ?`},
		{&s.countChange, `UPDATE store_changes SET changes = changes + 1 WHERE id = 1`},
		{&s.insertMention, `INSERT INTO mentions(document_id, idx, incident_id, country, date_start, date_precision, data)
			VALUES (?,?,?,?,?,?,?)`},
		{&s.documentMentions, `SELECT incident_id, data FROM mentions WHERE document_id = ? ORDER BY idx`},
		{&s.documentRefs, `SELECT id, source, title, published, duplicate_of FROM documents
			WHERE id IN (SELECT value FROM json_each(?))`},
		// The windows overlapping one window, by the R*Tree: a statement for one window binds
		// three numbers, where a list of windows went through JSON and json_each.
		{&s.candidateIDs, `SELECT incident_id, incident_seq, first_key FROM incident_windows
			WHERE country_lo <= ?1 AND country_hi >= ?1 AND day_lo <= ?3 AND day_hi >= ?2`},
		// Every window of one country, under candidateIDs' condition on the country (WindowIndex).
		{&s.countryWindows, `SELECT id, day_lo, day_hi, incident_id, incident_seq, first_key FROM incident_windows
			WHERE country_lo <= ?1 AND country_hi >= ?1`},
		// The members of incidents by number, each row with the place of its number in the list
		// given (json_each's key). Summaries orders them: an ORDER BY sorted every row in a
		// temporary B-tree before the first came out.
		{&s.summaries, `SELECT n.key, m.code, m.count FROM json_each(?) n JOIN incident_members m ON m.incident_seq = n.value`},
		{&s.changes, `SELECT changes FROM store_changes WHERE id = 1`},
		{&s.createIncident, `INSERT INTO incidents(id, type, data, updated_at, first_key, summarised, window_id, seq)
			VALUES (?, '', '{}', ?3, ?2, 1, ?4, ?5)`},
		{&s.insertWindow, `INSERT INTO incident_windows(country_lo, country_hi, day_lo, day_hi, incident_id, incident_seq, first_key)
			VALUES (?,?,?,?,?,?,?)`},
		{&s.setWindowID, `UPDATE incidents SET window_id = ? WHERE id = ?`},
		{&s.incidentWindow, `SELECT w.id, w.day_lo, w.day_hi FROM incidents i JOIN incident_windows w ON w.id = i.window_id
			WHERE i.id = ?`},
		{&s.narrowWindow, `UPDATE incident_windows SET day_lo = ?, day_hi = ? WHERE id = ?`},
		{&s.addMember, `INSERT INTO incident_members(incident_seq, code, count) VALUES (?, ?, 1)
			ON CONFLICT DO UPDATE SET count = count + 1`},
		{&s.putTally, `INSERT INTO incident_tallies(incident_seq, votes) VALUES (?, ?)
			ON CONFLICT DO UPDATE SET votes = excluded.votes`},
		{&s.insertClaim, `INSERT INTO incident_claims(incident_id, metric, document_id, voice, quote_start, quote_end, low, high,
			qualifier, side, claimant, claimant_role, reported, reported_precision, quote) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`},
		{&s.hasDocument, `SELECT count(*) FROM incident_documents WHERE incident_id = ? AND document_id = ?`},
		{&s.incidentTally, `SELECT votes FROM incident_tallies WHERE incident_seq = ?`},
		{&s.incidentSeq, `SELECT seq FROM incidents WHERE id = ?`},
		{&s.maxSeq, `SELECT COALESCE(max(seq), 0) FROM incidents`},
		{&s.incidentClaims, `SELECT incident_id, ` + claimColumns + ` FROM incident_claims WHERE incident_id = ? ORDER BY rowid`},
		{&s.putEstimate, `INSERT INTO incident_estimates(incident_seq, metric, best, low, high, contested) VALUES (?,?,?,?,?,?)
			ON CONFLICT DO UPDATE SET best = excluded.best, low = excluded.low, high = excluded.high, contested = excluded.contested`},
		{&s.latestPosition, `SELECT max(reported) FROM incident_positions
			WHERE incident_seq = ? AND metric = ? AND side = ? AND vague = ? AND source = ?`},
		{&s.dropPositions, `DELETE FROM incident_positions
			WHERE incident_seq = ? AND metric = ? AND side = ? AND vague = ? AND source = ?`},
		{&s.insertPosition, `INSERT INTO incident_positions(incident_seq, metric, side, vague, source, reported, value,
			lower, upper, low_end, high_end, tier, claim) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`},
		// The distinct sides, one index probe each, beside whether a claim gives a total: one row
		// without a side when there is none. ?1 is the incident's seq, ?3 its id.
		{&s.positionSides, `WITH RECURSIVE sides(side) AS (
				SELECT min(side) FROM incident_positions WHERE incident_seq = ?1 AND metric = ?2
				UNION ALL SELECT (SELECT min(side) FROM incident_positions
					WHERE incident_seq = ?1 AND metric = ?2 AND side > sides.side) FROM sides WHERE sides.side IS NOT NULL),
				total(total) AS (SELECT EXISTS (SELECT 1 FROM incident_claims
					WHERE incident_id = ?3 AND metric = ?2 AND side IN ('', 'unknown')))
			SELECT sides.side, total.total FROM total LEFT JOIN sides ON sides.side IS NOT NULL`},
		// The leaders of one side and firmness (the claims of the current positions of the first
		// tier at its latest day), each with the bounds of all its current positions and how many
		// sources stand for its value. One aggregate per subquery, each over the quantity's few
		// rows on one leaf of the table's key; the bounds do not depend on the row, so each runs
		// once.
		{&s.positionQuantity, `WITH lead(tier, reported) AS (SELECT tier, reported FROM incident_positions
				WHERE incident_seq = ?1 AND metric = ?2 AND side = ?3 AND vague = ?4 ORDER BY tier, reported DESC LIMIT 1)
			SELECT
				(SELECT min(lower) FROM incident_positions WHERE incident_seq = ?1 AND metric = ?2 AND side = ?3 AND vague = ?4),
				(SELECT max(upper) FROM incident_positions WHERE incident_seq = ?1 AND metric = ?2 AND side = ?3 AND vague = ?4),
				(SELECT max(low_end) FROM incident_positions WHERE incident_seq = ?1 AND metric = ?2 AND side = ?3 AND vague = ?4),
				(SELECT min(high_end) FROM incident_positions WHERE incident_seq = ?1 AND metric = ?2 AND side = ?3 AND vague = ?4),
				p.value, (SELECT count(DISTINCT source) FROM incident_positions WHERE incident_seq = ?1 AND metric = ?2
					AND side = ?3 AND vague = ?4 AND value = p.value),
				c.incident_id, ` + qualified("c", claimColumns) + `
			FROM lead JOIN incident_positions p ON p.incident_seq = ?1 AND p.metric = ?2 AND p.side = ?3 AND p.vague = ?4
				AND p.tier = lead.tier AND p.reported = lead.reported
			JOIN incident_claims c ON c.rowid = p.claim
			ORDER BY c.rowid`},
		// How many sources stand for a value: counted among the quantity's few positions, where a
		// table of counts kept beside them (before migration 0027) was one more B-tree written
		// for every position.
		{&s.valueSources, `SELECT count(DISTINCT source) FROM incident_positions
			WHERE incident_seq = ? AND metric = ? AND side = ? AND vague = ? AND value = ?`},
		{&s.refreshFigures, `UPDATE incidents SET
			escaped_best = (SELECT best FROM incident_estimates WHERE incident_seq = incidents.seq AND metric = 'escaped'),
			killed_best = (SELECT best FROM incident_estimates WHERE incident_seq = incidents.seq AND metric = 'killed'),
			contested = EXISTS (SELECT 1 FROM incident_estimates WHERE incident_seq = incidents.seq AND contested)
			WHERE id = ?1`},
		{&s.incidentEstimates, `SELECT metric, best, low, high, contested FROM incident_estimates WHERE incident_seq = ?`},
		{&s.setFigures, `UPDATE incidents SET escaped_best = ?2, killed_best = ?3, contested = ?4 WHERE id = ?1`},
		{&s.setMentionIncident, `UPDATE mentions SET incident_id = ? WHERE document_id = ? AND idx = ?`},
		// An upsert and explicit child deletes: deleting the parent row would run the foreign-key
		// cascade machinery, which costs more than the rest of linking together.
		{&s.incidentData, `SELECT data, ` + strings.Join(decidedColumns[:], ", ") + `, summarised FROM incidents WHERE id = ?`},
		{&s.touchIncident, `UPDATE incidents SET updated_at = ? WHERE id = ?`},
		{&s.putIncident, `INSERT INTO incidents(id, type, date_start, date_end, date_precision, country,
			admin1, place, facility, lat, lon, geo_precision, search, data, updated_at, summarised, seq)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
			ON CONFLICT(id) DO UPDATE SET type = excluded.type, date_start = excluded.date_start,
			date_end = excluded.date_end, date_precision = excluded.date_precision, country = excluded.country,
			admin1 = excluded.admin1, place = excluded.place, facility = excluded.facility, lat = excluded.lat,
			lon = excluded.lon, geo_precision = excluded.geo_precision, search = excluded.search, data = excluded.data,
			updated_at = excluded.updated_at, summarised = excluded.summarised`},
		// The row of an incident started in the transaction (StartIncident), written once decided:
		// its open marking is the lowest of those its documents gave it meanwhile, which the
		// markings' trigger could not write to a row not there yet.
		{&s.insertDecided, `INSERT INTO incidents(id, type, date_start, date_end, date_precision, country, admin1, place,
			facility, lat, lon, geo_precision, search, data, updated_at, escaped_best, killed_best, contested, first_key,
			window_id, seq, summarised, tlp_open) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
			?18, ?19, ?20, ?21, 1, COALESCE((SELECT min(tlp_rank) FROM incident_markings WHERE incident_id = ?1), 5))`},
		{&s.windowDays, `SELECT id, day_lo, day_hi FROM incident_windows WHERE id = ?`},
		{&s.putWaveInput, `INSERT OR REPLACE INTO wave_inputs(incident_id, type, date_precision, date_start, country, facility,
			perpetrators, methods, campaigns) VALUES (?,?,?,?,?,?,?,?,?)`},
		{&s.addWaveIncident, `INSERT INTO wave_incidents(wave_id, incident_id) VALUES (?, ?)`},
		{&s.putReportNames, `INSERT OR REPLACE INTO wave_report_names(document_id, upto, found) VALUES (?, ?, ?)`},
		{&s.dropReportNames, `DELETE FROM wave_report_names WHERE document_id = ?`},
		{&s.clearIncidentActors, `DELETE FROM incident_actors WHERE incident_id = ?`},
		{&s.clearIncidentCampaign, `DELETE FROM incident_campaigns WHERE incident_id = ?`},
		{&s.clearIncidentDocs, `DELETE FROM incident_documents WHERE incident_id = ?`},
		{&s.clearIncidentClaims, `DELETE FROM incident_claims WHERE incident_id = ?`},
		{&s.clearIncidentEstimates, `DELETE FROM incident_estimates WHERE incident_seq = ?`},
		{&s.addIncidentActor, `INSERT OR IGNORE INTO incident_actors VALUES (?, ?)`},
		{&s.addIncidentCampaign, `INSERT OR IGNORE INTO incident_campaigns VALUES (?, ?)`},
		{&s.addIncidentDocument, `INSERT OR IGNORE INTO incident_documents VALUES (?, ?)`},
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

// qualified prefixes each of a list of columns with a table's name.
func qualified(table, columns string) string {
	cols := strings.Split(columns, ",")
	for i, c := range cols {
		cols[i] = table + "." + strings.TrimSpace(c)
	}
	return strings.Join(cols, ", ")
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
