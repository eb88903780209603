package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestUpgradeMovesIncidentParts opens a store made before incremental linking (schema 4, each
// incident one JSON with its documents and claims) and finds its claims, figures and documents in
// their rows, the incident waiting to be summarised by the linker.
func TestUpgradeMovesIncidentParts(t *testing.T) {
	ctx := context.Background()
	s := upgraded(t, 5,
		`INSERT INTO documents(id, source, published, ingested_at, format, content_hash, fingerprint, raw, text)
			VALUES ('d1', 'a.txt', '2022-07-06', '2022-07-06T00:00:00Z', 'text', 'h1', 1, x'00', 'Gunmen freed 879 inmates.'),
			('d2', 'b.txt', NULL, '2022-07-07T00:00:00Z', 'text', 'h2', 2, x'00', 'Copy: gunmen freed 879 inmates.')`,
		`UPDATE documents SET duplicate_of = 'd1' WHERE id = 'd2'`,
		`INSERT INTO incidents(id, type, date_start, country, escaped_best, contested, data, updated_at) VALUES ('inc-1', 'facility_attack',
			'2022-07-05', 'NG', 879, 0, json('{"ID":"inc-1","Type":"facility_attack","Documents":[{"ID":"d1"},{"ID":"d2"}],
			"Metrics":{"escaped":{"Best":879,"Low":879,"High":879,"Contested":false,"Claims":[
				{"Metric":"escaped","Low":879,"High":879,"Qualifier":"exact","DocumentID":"d1","Quote":"freed 879 inmates","Start":7,"End":24,
				 "Reported":{"Start":"2022-07-06T00:00:00Z","Precision":"day"}},
				{"Metric":"escaped","Low":879,"High":879,"Qualifier":"exact","DocumentID":"d2","Quote":"freed 879 inmates","Start":13,"End":30,
				 "Reported":{"Start":"0001-01-01T00:00:00Z","Precision":""}}]}}}'), '2022-07-07T00:00:00Z')`,
		`INSERT INTO incident_documents VALUES ('inc-1', 'd1'), ('inc-1', 'd2')`)
	inc, err := s.Incident(ctx, "inc-1")
	if err != nil {
		t.Fatal(err)
	}
	e := inc.Metrics["escaped"]
	if e.Best == nil || *e.Best != 879 || len(e.Claims) != 2 || e.Claims[0].DocumentID != "d2" || !e.Claims[0].Reported.IsZero() ||
		e.Claims[1].Reported.Start.Format("2006-01-02") != "2022-07-06" || e.Claims[1].Quote != "freed 879 inmates" {
		t.Errorf("escaped after upgrade = %+v", e)
	}
	if len(inc.Documents) != 2 || inc.Documents[0].ID != "d1" || inc.Documents[1].DuplicateOf != "d1" {
		t.Errorf("documents after upgrade = %+v", inc.Documents)
	}
	var voice string
	if err := s.read.QueryRowContext(ctx, `SELECT voice FROM incident_claims WHERE document_id = 'd2'`).Scan(&voice); err != nil || voice != "d1" {
		t.Errorf("the copy's claim speaks with the voice of %q (%v), want d1", voice, err)
	}
	err = s.InTx(ctx, func(tx *Tx) error {
		ids, err := tx.UnsummarisedIncidents(ctx)
		if len(ids) != 1 || ids[0] != "inc-1" {
			t.Errorf("unsummarised = %v, want [inc-1]", ids)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestTalliesMoved opens a store whose tallies are rows of incident_votes (before migration 0023)
// and reads each incident's tally whole, sorted by field and key, values as they were; a tally
// written back reads the same.
func TestTalliesMoved(t *testing.T) {
	ctx := context.Background()
	place := `{"Name":"Kolondo <North Vale> & \"NV\"","Lat":8.88}`
	s := upgraded(t, 23,
		`INSERT INTO incidents(id, type, data, updated_at, summarised) VALUES ('inc-1', '', '{}', '', 1), ('inc-2', '', '{}', '', 1)`,
		`INSERT INTO incident_votes VALUES ('inc-1', 'type', 'riot', 2, '', ''), ('inc-1', 'place', 'p|kolondo', 3, '0002', '`+place+`'),
			('inc-1', 'perpetrator', 'Red Hand', 1, '', ''), ('inc-2', 'country', 'ardovié', 4, '', 'Ardovié')`)
	want := []Vote{{"perpetrator", "Red Hand", 1, "", ""}, {"place", "p|kolondo", 3, "0002", place}, {"type", "riot", 2, "", ""}}
	err := s.InTx(ctx, func(tx *Tx) error {
		for _, step := range []string{"moved", "written back"} {
			got, err := tx.IncidentVotes(ctx, "inc-1")
			if err != nil {
				return err
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s: tally of inc-1 = %+v, want %+v", step, got, want)
			}
			if err := tx.PutVotes(ctx, "inc-1", got); err != nil {
				return err
			}
		}
		other, err := tx.IncidentVotes(ctx, "inc-2")
		if len(other) != 1 || other[0] != (Vote{"country", "ardovié", 4, "", "Ardovié"}) {
			t.Errorf("tally of inc-2 = %+v", other)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestSeqKeysMoved opens a store whose members, tallies, positions, value sources and estimates
// are keyed by the incidents' ids (before migration 0024) and reads them back by the incidents'
// numbers; an incident started afterwards takes a number above every stored one, and a dropped
// incident's rows go with it.
func TestSeqKeysMoved(t *testing.T) {
	ctx := context.Background()
	s := upgraded(t, 24,
		`INSERT INTO incidents(id, type, data, updated_at, first_key, summarised) VALUES ('inc-b', '', '{}', '', 'k2', 1),
			('inc-a', '', '{}', '', 'k1', 1)`,
		`INSERT INTO incident_members VALUES ('inc-a', 'm1', 2), ('inc-b', 'm2', 1)`,
		`INSERT INTO incident_tallies VALUES ('inc-a', '[["type","riot",2,"",""]]')`,
		`INSERT INTO incident_claims(incident_id, metric, document_id, voice, quote_start, quote_end, low, high, qualifier,
			reported, reported_precision, quote) VALUES ('inc-a', 'escaped', 'd1', 'd1', 0, 9, 10, 10, 'exact', '2022-07-06', 'day', 'ten fled')`,
		`INSERT INTO incident_positions VALUES ('inc-a', 'escaped', '', 0, 'd1', '2022-07-06', 10, 10, 10, 10, 10, 0, 1)`,
		`INSERT INTO incident_value_sources VALUES ('inc-a', 'escaped', '', 0, 10, 1)`,
		`INSERT INTO incident_estimates VALUES ('inc-a', 'escaped', 10, 10, 10, 0)`)
	err := s.InTx(ctx, func(tx *Tx) error {
		if got, err := tx.IncidentVotes(ctx, "inc-a"); err != nil || !slices.Equal(got, []Vote{{"type", "riot", 2, "", ""}}) {
			t.Errorf("tally of inc-a = %+v (%v)", got, err)
		}
		var near []*Candidate
		for _, id := range []string{"inc-a", "inc-b"} {
			seq, err := tx.seqOf(ctx, id)
			if err != nil {
				return err
			}
			near = append(near, &Candidate{ID: id, seq: seq})
		}
		cs, err := tx.Summaries(ctx, near)
		if err != nil || len(cs) != 2 || !slices.Equal(cs[0].Members, []Member{{"m1", 2}}) ||
			!slices.Equal(cs[1].Members, []Member{{"m2", 1}}) {
			t.Errorf("summaries = %+v (%v)", cs, err)
		}
		ps, err := tx.Positions(ctx, "inc-a", "escaped")
		if err != nil {
			return err
		}
		leaders, err := ps.Leaders("", false)
		if err != nil || len(leaders) != 1 || leaders[0].Quote != "ten fled" {
			t.Errorf("leaders of inc-a = %+v (%v)", leaders, err)
		}
		if n, err := ps.Sources("", false, 10); err != nil || n != 1 {
			t.Errorf("sources of 10 = %d (%v), want 1", n, err)
		}
		if es, err := tx.estimates(ctx, "inc-a"); err != nil || es["escaped"].Best == nil || *es["escaped"].Best != 10 {
			t.Errorf("estimates of inc-a = %+v (%v)", es, err)
		}
		if _, err := tx.StartIncident(ctx, "inc-c", "k3", Window{Country: "NG"}); err != nil {
			return err
		}
		if tx.seqs["inc-c"] <= max(tx.seqs["inc-a"], tx.seqs["inc-b"]) {
			t.Errorf("numbers %v: the started incident's is not the highest", tx.seqs)
		}
		return tx.DropIncident(ctx, "inc-a")
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"incident_members", "incident_tallies", "incident_positions", "incident_estimates"} {
		var n int // inc-a was the second row, so its number is 2
		if err := s.read.QueryRowContext(ctx, `SELECT count(*) FROM `+table+` WHERE incident_seq = 2`).Scan(&n); err != nil || n != 0 {
			t.Errorf("%s: %d rows of the dropped incident (%v)", table, n, err)
		}
	}
}

// TestSumVotes sums votes as adding them one by one did: weights added, the value of the first
// vote of the lowest rank kept.
func TestSumVotes(t *testing.T) {
	got := SumVotes([]Vote{{"place", "b", 1, "2", "first of rank 2"}, {"date", "x", 2, "", ""},
		{"place", "b", 2, "1", "first of rank 1"}, {"place", "b", 1, "1", "second of rank 1"}, {"date", "x", 1, "", ""}})
	want := []Vote{{"date", "x", 3, "", ""}, {"place", "b", 4, "1", "first of rank 1"}}
	if !slices.Equal(got, want) {
		t.Errorf("SumVotes = %+v, want %+v", got, want)
	}
}

// upgraded makes a database as a store of an older version left it, with the migrations before
// version applied and then the statements given, and opens it as a store, which upgrades it.
func upgraded(t *testing.T, version int, stmts ...string) *Store {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, `CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT '')`); err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, m := range ms {
		if m.version >= version {
			break
		}
		all = append(all, m.sql, fmt.Sprintf(`INSERT INTO schema_migrations(version, name) VALUES (%d, '%s')`, m.version, m.name))
	}
	for _, q := range append(all, stmts...) {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestPositionsClustered opens a store whose positions have six indexes (before migration 0026):
// they are kept, in one B-tree keyed by incident, quantity and source, with no other index, and
// read as before.
func TestPositionsClustered(t *testing.T) {
	ctx := context.Background()
	s := upgraded(t, 26,
		`INSERT INTO incidents(id, type, data, updated_at, first_key, summarised, seq) VALUES ('inc-a', '', '{}', '', 'k1', 1, 1)`,
		`INSERT INTO incident_claims(incident_id, metric, document_id, voice, quote_start, quote_end, low, high, qualifier,
			reported, reported_precision, quote) VALUES ('inc-a', 'escaped', 'd1', 'd1', 0, 9, 10, 10, 'exact', '2022-07-06', 'day', 'ten fled'),
			('inc-a', 'escaped', 'd2', 'd2', 0, 9, 12, 12, 'exact', '2022-07-06', 'day', 'twelve fled'),
			('inc-a', 'escaped', 'd3', 'd3', 0, 9, 8, 8, 'exact', '2022-07-05', 'day', 'eight fled')`,
		`INSERT INTO incident_positions VALUES (1, 'escaped', '', 0, 'd1', '2022-07-06', 10, 10, 10, 9.5, 10.5, 0, 1),
			(1, 'escaped', '', 0, 'd2', '2022-07-06', 12, 12, 12, 11.5, NULL, 0, 2),
			(1, 'escaped', '', 0, 'd3', '2022-07-05', 8, 8, 8, 7.5, 8.5, 0, 3)`,
		`INSERT INTO incident_value_sources VALUES (1, 'escaped', '', 0, 10, 1), (1, 'escaped', '', 0, 12, 1), (1, 'escaped', '', 0, 8, 1)`)
	var indexes []string
	rows, err := s.read.QueryContext(ctx, `SELECT name, origin FROM pragma_index_list('incident_positions')`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var name, origin string
		if err := rows.Scan(&name, &origin); err != nil {
			t.Fatal(err)
		}
		indexes = append(indexes, origin)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(indexes, []string{"pk"}) {
		t.Errorf("indexes of incident_positions by origin = %q, want only its primary key", indexes)
	}
	err = s.InTx(ctx, func(tx *Tx) error {
		ps, err := tx.Positions(ctx, "inc-a", "escaped")
		if err != nil {
			return err
		}
		got, err := answers(ps, "", false)
		if want := "bounds 8-12 ends 11.5-8.5 leaders [ten fled] [twelve fled] 8:1 10:1 12:1"; got != want {
			t.Errorf("positions of inc-a: %s, want %s", got, want)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestWindowsKeyed upgrades a store of migration 0027, whose windows lack their incidents'
// numbers and first keys: after migration 0028 each window has them, candidates come with their
// first key, and a summary read by number has its members; a window of no incident stays a
// candidate with no summary.
func TestWindowsKeyed(t *testing.T) {
	ctx := context.Background()
	ng, _, _ := Window{Country: "NG"}.bounds()
	s := upgraded(t, 28,
		`INSERT INTO incidents(id, type, data, updated_at, first_key, summarised, seq) VALUES ('inc-b', '', '{}', '', 'k2', 1, 7),
			('inc-a', '', '{}', '', 'k1', 1, 3)`,
		`INSERT INTO incident_members VALUES (3, 'm1', 2), (3, 'm0', 1), (7, 'm2', 1)`,
		fmt.Sprintf(`INSERT INTO incident_windows(id, country_lo, country_hi, day_lo, day_hi, incident_id) VALUES
			(1, %[1]d, %[1]d, 100, 200, 'inc-a'), (2, %[1]d, %[1]d, 150, 160, 'inc-b'), (3, %[1]d, %[1]d, 100, 300, 'inc-gone'),
			(4, %[2]d, %[2]d, 100, 200, 'inc-a')`, ng, ng+1))
	defer s.Close()
	err := s.InTx(ctx, func(tx *Tx) error {
		rows, err := tx.tx.QueryContext(ctx, `SELECT id, incident_id, incident_seq, first_key FROM incident_windows ORDER BY id`)
		if err != nil {
			return err
		}
		var windows []string
		for rows.Next() {
			var id int64
			var incident, first string
			var seq sql.NullInt64
			if err := rows.Scan(&id, &incident, &seq, &first); err != nil {
				return err
			}
			windows = append(windows, fmt.Sprintf("%d %s %v %q", id, incident, seq, first))
		}
		if err := rows.Err(); err != nil {
			return err
		}
		want := []string{`1 inc-a {3 true} "k1"`, `2 inc-b {7 true} "k2"`, `3 inc-gone {0 false} ""`, `4 inc-a {3 true} "k1"`}
		if !slices.Equal(windows, want) {
			t.Errorf("windows = %q, want %q", windows, want)
		}
		near, err := candidateKeys(tx.Candidates(ctx, []Window{{Country: "NG"}}))
		if want := []string{"inc-a 3 k1", "inc-b 7 k2", "inc-gone 0 "}; err != nil || !slices.Equal(near, want) {
			t.Errorf("candidates = %q (%v), want %q", near, err, want)
		}
		cands, err := tx.Candidates(ctx, []Window{{Country: "NG"}})
		if err != nil {
			return err
		}
		cs, err := tx.Summaries(ctx, cands)
		if err != nil {
			return err
		}
		var got []string
		for _, c := range cs {
			got = append(got, fmt.Sprintf("%s %s %v", c.ID, c.First, c.Members))
		}
		if want := []string{"inc-a k1 [{m0 1} {m1 2}]", "inc-b k2 [{m2 1}]"}; !slices.Equal(got, want) {
			t.Errorf("summaries = %q, want %q", got, want)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestIngestedAtFixedWidth upgrades a store of migration 0028, whose ingestion instants were
// written with their trailing zeros trimmed: after migration 0029 every instant has nine digits of
// fraction, and the documents list in time order ("01.1" after "01.09", before "01.15").
func TestIngestedAtFixedWidth(t *testing.T) {
	ctx := context.Background()
	s := upgraded(t, 29,
		`INSERT INTO documents(id, source, published, ingested_at, format, content_hash, fingerprint, raw, text)
			VALUES ('d1', 'a.txt', NULL, '2022-07-06T10:00:01.1Z', 'text', 'h1', 1, x'00', 'one'),
			('d2', 'b.txt', NULL, '2022-07-06T10:00:01.15Z', 'text', 'h2', 2, x'00', 'two'),
			('d3', 'c.txt', NULL, '2022-07-06T10:00:01Z', 'text', 'h3', 3, x'00', 'three'),
			('d4', 'd.txt', NULL, '2022-07-06T10:00:01.09Z', 'text', 'h4', 4, x'00', 'four')`)
	defer s.Close()
	ids, err := s.DocumentIDs(ctx)
	if want := []string{"d3", "d4", "d1", "d2"}; err != nil || !slices.Equal(ids, want) {
		t.Errorf("DocumentIDs = %v (%v), want %v", ids, err, want)
	}
	var stored []string
	rows, err := s.read.QueryContext(ctx, `SELECT ingested_at FROM documents ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var at string
		if err := rows.Scan(&at); err != nil {
			t.Fatal(err)
		}
		stored = append(stored, at)
	}
	want := []string{"2022-07-06T10:00:01.100000000Z", "2022-07-06T10:00:01.150000000Z", "2022-07-06T10:00:01.000000000Z", "2022-07-06T10:00:01.090000000Z"}
	if !slices.Equal(stored, want) {
		t.Errorf("stored instants = %q, want %q", stored, want)
	}
	d, err := s.Document(ctx, "d2")
	if err != nil || !d.IngestedAt.Equal(time.Date(2022, 7, 6, 10, 0, 1, 150_000_000, time.UTC)) {
		t.Errorf("Document(d2).IngestedAt = %v (%v), want 10:00:01.15", d.IngestedAt, err)
	}
}

// TestInsertedInstantsSortByTime stores documents ingested a fraction of a second apart, in an
// order their trimmed RFC 3339 text would not keep: the list follows the instants.
func TestInsertedInstantsSortByTime(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	at := time.Date(2022, 7, 6, 10, 0, 1, 0, time.UTC)
	err := s.InTx(ctx, func(tx *Tx) error {
		for _, tc := range []struct {
			id    string
			nanos int
		}{{"d1", 100_000_000}, {"d2", 150_000_000}, {"d3", 0}, {"d4", 90_000_000}} {
			d := doc(tc.id, "", "text of "+tc.id, 1)
			d.IngestedAt = at.Add(time.Duration(tc.nanos))
			if err := tx.InsertDocument(ctx, d); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	ids, err := s.DocumentIDs(ctx)
	if want := []string{"d3", "d4", "d1", "d2"}; err != nil || !slices.Equal(ids, want) {
		t.Errorf("DocumentIDs = %v (%v), want %v", ids, err, want)
	}
}
