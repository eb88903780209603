package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// StoredMention is a mention with the incident it was linked to ("" before linking).
type StoredMention struct {
	model.Mention
	IncidentID string
}

// ReplaceMentions stores a document's mentions, replacing any it had (re-extraction).
func (t *Tx) ReplaceMentions(ctx context.Context, docID string, ms []model.Mention) error {
	if _, err := t.tx.ExecContext(ctx, `DELETE FROM mentions WHERE document_id = ?`, docID); err != nil {
		return fmt.Errorf("replace mentions of %s: %w", docID, err)
	}
	for _, m := range ms {
		data, err := json.Marshal(m)
		if err != nil {
			return fmt.Errorf("encode mention %s#%d: %w", docID, m.Index, err)
		}
		_, err = t.tx.ExecContext(ctx, `INSERT INTO mentions(document_id, idx, country, date_start, date_precision, data)
			VALUES (?,?,?,?,?,?)`, docID, m.Index, m.Place.Country, dayOrNilValue(m.Date.Start), string(m.Date.Precision), data)
		if err != nil {
			return fmt.Errorf("insert mention %s#%d: %w", docID, m.Index, err)
		}
	}
	return nil
}

// SetMentionIncident records which incident a mention was linked to.
func (t *Tx) SetMentionIncident(ctx context.Context, docID string, idx int, incidentID string) error {
	_, err := t.stmt(ctx, t.stmts.setMentionIncident).ExecContext(ctx, incidentID, docID, idx)
	if err != nil {
		return fmt.Errorf("link mention %s#%d: %w", docID, idx, err)
	}
	return nil
}

// Mentions lists stored mentions, of one document when docID is not "".
func (s *Store) Mentions(ctx context.Context, docID string) ([]StoredMention, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT incident_id, data FROM mentions
		WHERE ? = '' OR document_id = ? ORDER BY document_id, idx`, docID, docID)
	if err != nil {
		return nil, fmt.Errorf("list mentions: %w", err)
	}
	return scanMentions(rows)
}

func scanMentions(rows *sql.Rows) ([]StoredMention, error) {
	defer rows.Close()
	var out []StoredMention
	for rows.Next() {
		var sm StoredMention
		var data []byte
		if err := rows.Scan(&sm.IncidentID, &data); err != nil {
			return nil, fmt.Errorf("read mention: %w", err)
		}
		if err := json.Unmarshal(data, &sm.Mention); err != nil {
			return nil, fmt.Errorf("decode mention: %w", err)
		}
		out = append(out, sm)
	}
	return out, rows.Err()
}

func dayOrNilValue(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(model.DateLayout)
}
