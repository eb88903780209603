package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/wallwatch/wallwatch/internal/model"
)

// DocumentMentions returns one document's mentions inside the transaction.
func (t *Tx) DocumentMentions(ctx context.Context, docID string) ([]StoredMention, error) {
	rows, err := t.stmt(ctx, t.stmts.documentMentions).QueryContext(ctx, docID)
	if err != nil {
		return nil, fmt.Errorf("mentions of %s: %w", docID, err)
	}
	return scanMentions(rows)
}

// DocumentRefs returns how incidents cite the given documents, by id, in one query.
func (t *Tx) DocumentRefs(ctx context.Context, ids []string) (map[string]model.DocumentRef, error) {
	out := make(map[string]model.DocumentRef, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := t.queryList(ctx, t.stmts.documentRefs, ids)
	if err != nil {
		return nil, fmt.Errorf("document refs: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r model.DocumentRef
		var published, dup sql.NullString
		if err := rows.Scan(&r.ID, &r.Source, &r.Title, &published, &dup); err != nil {
			return nil, fmt.Errorf("document refs: %w", err)
		}
		r.Published, r.DuplicateOf = parseDay(published), dup.String
		out[r.ID] = r
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("document refs: %w", err)
	}
	for _, id := range ids {
		if _, ok := out[id]; !ok {
			return nil, fmt.Errorf("document ref %s: %w", id, ErrNotFound)
		}
	}
	return out, nil
}

// RefOf is how incidents cite a document, as DocumentRefs reads it back once InsertDocument
// has stored it: the writer has the documents of its batch in hand and need not read them.
func RefOf(d model.Document) model.DocumentRef {
	var published sql.NullString
	published.String, published.Valid = dayOrNil(d.Published).(string)
	return model.DocumentRef{ID: d.ID, Source: d.Source, Title: d.Title, Published: parseDay(published), DuplicateOf: d.DuplicateOf}
}

// queryList runs a prepared statement whose one parameter is a list, given to it as JSON for
// json_each: one query for any number of values.
func (t *Tx) queryList(ctx context.Context, stmt *sql.Stmt, list any) (*sql.Rows, error) {
	arg, err := json.Marshal(list)
	if err != nil {
		return nil, err
	}
	return t.stmt(ctx, stmt).QueryContext(ctx, string(arg))
}

// CampaignNames returns the campaign names the given incidents cite.
func (t *Tx) CampaignNames(ctx context.Context, incidentIDs []string) ([]string, error) {
	list, err := json.Marshal(incidentIDs)
	if err != nil {
		return nil, fmt.Errorf("campaign names: %w", err)
	}
	names, err := t.strings(ctx, `SELECT DISTINCT campaign FROM incident_campaigns
		WHERE incident_id IN (SELECT value FROM json_each(?))`, string(list))
	if err != nil {
		return nil, fmt.Errorf("campaign names: %w", err)
	}
	return names, nil
}

// CampaignSpellings returns every spelling of a campaign name that an incident cites or the
// campaigns table records: few, however many incidents there are.
func (t *Tx) CampaignSpellings(ctx context.Context) ([]string, error) {
	names, err := t.strings(ctx, `SELECT DISTINCT campaign FROM incident_campaigns UNION SELECT name FROM campaigns`)
	if err != nil {
		return nil, fmt.Errorf("campaign spellings: %w", err)
	}
	return names, nil
}

// strings runs a query of one text column.
func (t *Tx) strings(ctx context.Context, query string, args ...any) ([]string, error) {
	return column[string](t.tx.QueryContext(ctx, query, args...))
}

// column reads the one column of a query's rows.
func column[T any](rows *sql.Rows, err error) ([]T, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var v T
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// listOf runs a query on db and reads every row with scan: the one loop of the list reads.
func listOf[T any](ctx context.Context, db *sql.DB, scan func(rowScanner) (T, error), query string, args ...any) ([]T, error) {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// CampaignMembers returns the incidents that cite any of the campaign names with only what a
// campaign record is made of: id, date, campaigns and perpetrators, read from their columns and
// rows. A campaign reported for years is cited by thousands of incidents, refreshed at every
// batch that touches one of them: decoding each one's JSON grew the writer's cost with the store.
func (t *Tx) CampaignMembers(ctx context.Context, names []string) ([]model.Incident, error) {
	list, err := json.Marshal(names)
	if err != nil {
		return nil, fmt.Errorf("campaign members: %w", err)
	}
	members := `SELECT DISTINCT incident_id FROM incident_campaigns WHERE campaign IN (SELECT value FROM json_each(?))`
	rows, err := t.tx.QueryContext(ctx, `SELECT id, date_start, date_end FROM incidents WHERE id IN (`+members+`) ORDER BY id`, string(list))
	if err != nil {
		return nil, fmt.Errorf("campaign members: %w", err)
	}
	defer rows.Close()
	var out []model.Incident
	at := map[string]int{}
	for rows.Next() {
		var inc model.Incident
		var start, end sql.NullString
		if err := rows.Scan(&inc.ID, &start, &end); err != nil {
			return nil, fmt.Errorf("campaign members: %w", err)
		}
		if day := parseDay(start); day != nil {
			inc.Date.Start = *day
		}
		inc.Date.End = parseDay(end)
		at[inc.ID] = len(out)
		out = append(out, inc)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("campaign members: %w", err)
	}
	for _, child := range [...]struct {
		query string
		add   func(inc *model.Incident, v string)
	}{
		{`SELECT incident_id, campaign FROM incident_campaigns WHERE incident_id IN (` + members + `)`,
			func(inc *model.Incident, v string) { inc.Campaigns = append(inc.Campaigns, v) }},
		{`SELECT incident_id, actor FROM incident_actors WHERE incident_id IN (` + members + `)`,
			func(inc *model.Incident, v string) { inc.Perpetrators = append(inc.Perpetrators, v) }},
	} {
		if err := t.eachPair(ctx, child.query, string(list), func(id, v string) {
			if i, ok := at[id]; ok {
				child.add(&out[i], v)
			}
		}); err != nil {
			return nil, fmt.Errorf("campaign members: %w", err)
		}
	}
	return out, nil
}

// eachPair runs a query of two text columns and hands each row to f.
func (t *Tx) eachPair(ctx context.Context, query string, arg any, f func(a, b string)) error {
	rows, err := t.tx.QueryContext(ctx, query, arg)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var a, b string
		if err := rows.Scan(&a, &b); err != nil {
			return err
		}
		f(a, b)
	}
	return rows.Err()
}

// ReplaceCampaigns deletes the campaign records of the given names and stores cs.
func (t *Tx) ReplaceCampaigns(ctx context.Context, names []string, cs []model.Campaign) error {
	for _, name := range names {
		if _, err := t.tx.ExecContext(ctx, `DELETE FROM campaigns WHERE name = ?`, name); err != nil {
			return fmt.Errorf("clear campaign %s: %w", name, err)
		}
	}
	for _, c := range cs {
		data, err := json.Marshal(c)
		if err != nil {
			return fmt.Errorf("encode campaign %s: %w", c.Name, err)
		}
		var start, end any
		if c.Start != nil {
			start = c.Start.Format(model.DateLayout)
		}
		if c.End != nil {
			end = c.End.Format(model.DateLayout)
		}
		if _, err := t.tx.ExecContext(ctx, `INSERT INTO campaigns(name, actor, date_start, date_end, data) VALUES (?,?,?,?,?)`,
			c.Name, c.Actor, start, end, data); err != nil {
			return fmt.Errorf("insert campaign %s: %w", c.Name, err)
		}
	}
	return nil
}

// ClearDerived deletes every mention, incident and campaign, keeping the documents: the start of
// a reprocess.
func (t *Tx) ClearDerived(ctx context.Context) error {
	for _, table := range []string{"mentions", "incident_actors", "incident_campaigns", "incident_documents", "incident_members",
		"incident_tallies", "incident_claims", "incident_positions", "incident_estimates",
		"incident_windows", "incidents", "campaigns"} {
		if _, err := t.tx.ExecContext(ctx, `DELETE FROM `+table); err != nil {
			return fmt.Errorf("clear %s: %w", table, err)
		}
	}
	// Ids linked again take new numbers.
	t.seqs = nil
	t.windowsChanged()
	return nil
}

// Document returns one document inside the transaction, with its marking and owner (a deleted
// document restored by an undo keeps them).
func (t *Tx) Document(ctx context.Context, id string) (model.Document, error) {
	var d model.Document
	var published, dup sql.NullString
	err := t.tx.QueryRowContext(ctx, `SELECT id, source, url, title, published, language, duplicate_of, text, tlp,
		COALESCE((SELECT name FROM organisations o WHERE o.id = d.org_id), '') FROM documents d WHERE id = ?`, id).
		Scan(&d.ID, &d.Source, &d.URL, &d.Title, &published, &d.Language, &dup, &d.Text, &d.TLP, &d.Org)
	if err != nil {
		return d, fmt.Errorf("document %s: %w", id, err)
	}
	d.Published, d.DuplicateOf = parseDay(published), dup.String
	return d, nil
}
