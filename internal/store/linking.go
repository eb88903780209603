package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

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
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, fmt.Errorf("document refs: %w", err)
	}
	rows, err := t.stmt(ctx, t.stmts.documentRefs).QueryContext(ctx, string(list))
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

// Window is where the linker looks for a mention's candidates: a country and a date range.
type Window struct {
	Country  string
	From, To time.Time
}

// Neighbourhood returns, each once, the stored mentions in any of the windows (dated inside it or
// undated) and every mention of the incidents those belong to: the set a document's mentions are
// clustered in. Its cost depends on what the windows hold, not on the size of the store.
func (t *Tx) Neighbourhood(ctx context.Context, windows []Window) ([]StoredMention, error) {
	if len(windows) == 0 {
		return nil, nil
	}
	list := make([][3]string, len(windows))
	for i, w := range windows {
		list[i] = [3]string{w.Country, w.From.Format(model.DateLayout), w.To.Format(model.DateLayout)}
	}
	arg, err := json.Marshal(list)
	if err != nil {
		return nil, fmt.Errorf("neighbourhood: %w", err)
	}
	rows, err := t.stmt(ctx, t.stmts.neighbourhood).QueryContext(ctx, string(arg))
	if err != nil {
		return nil, fmt.Errorf("neighbourhood of %d windows: %w", len(windows), err)
	}
	return scanMentions(rows)
}

// IncidentsWithCampaigns returns every incident that cites a campaign.
func (t *Tx) IncidentsWithCampaigns(ctx context.Context) ([]model.Incident, error) {
	rows, err := t.tx.QueryContext(ctx, `SELECT data FROM incidents WHERE id IN (SELECT incident_id FROM incident_campaigns) ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("incidents with campaigns: %w", err)
	}
	defer rows.Close()
	var out []model.Incident
	for rows.Next() {
		var data []byte
		if err := rows.Scan(&data); err != nil {
			return nil, err
		}
		var inc model.Incident
		if err := json.Unmarshal(data, &inc); err != nil {
			return nil, fmt.Errorf("decode incident: %w", err)
		}
		out = append(out, inc)
	}
	return out, rows.Err()
}

// ReplaceCampaigns rewrites the campaigns table.
func (t *Tx) ReplaceCampaigns(ctx context.Context, cs []model.Campaign) error {
	if _, err := t.tx.ExecContext(ctx, `DELETE FROM campaigns`); err != nil {
		return fmt.Errorf("clear campaigns: %w", err)
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
	for _, table := range []string{"mentions", "incident_actors", "incident_campaigns", "incident_documents", "incidents", "campaigns"} {
		if _, err := t.tx.ExecContext(ctx, `DELETE FROM `+table); err != nil {
			return fmt.Errorf("clear %s: %w", table, err)
		}
	}
	return nil
}

// Document returns one document inside the transaction.
func (t *Tx) Document(ctx context.Context, id string) (model.Document, error) {
	var d model.Document
	var published, dup sql.NullString
	err := t.tx.QueryRowContext(ctx, `SELECT id, source, url, title, published, language, duplicate_of, text FROM documents WHERE id = ?`, id).
		Scan(&d.ID, &d.Source, &d.URL, &d.Title, &published, &d.Language, &dup, &d.Text)
	if err != nil {
		return d, fmt.Errorf("document %s: %w", id, err)
	}
	d.Published, d.DuplicateOf = parseDay(published), dup.String
	return d, nil
}
