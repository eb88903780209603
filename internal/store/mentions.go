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

// EncodedMention is a mention as the store keeps it: its JSON, and the mention decoded back
// from that JSON, equal to what reading it from the store gives. Encoding happens in the workers,
// so the writer neither encodes nor reads back.
type EncodedMention struct {
	Mention model.Mention
	data    []byte
}

// EncodeMentions encodes mentions for StoreMentions.
func EncodeMentions(ms []model.Mention) ([]EncodedMention, error) {
	out := make([]EncodedMention, len(ms))
	for i, m := range ms {
		data, err := json.Marshal(m)
		if err != nil {
			return nil, fmt.Errorf("encode mention %s#%d: %w", m.DocumentID, m.Index, err)
		}
		out[i].data = data
		if err := json.Unmarshal(data, &out[i].Mention); err != nil {
			return nil, fmt.Errorf("decode mention %s#%d: %w", m.DocumentID, m.Index, err)
		}
	}
	return out, nil
}

// ReplaceMentions stores a document's mentions, replacing any it had (re-extraction).
func (t *Tx) ReplaceMentions(ctx context.Context, docID string, ms []model.Mention) error {
	enc, err := EncodeMentions(ms)
	if err != nil {
		return err
	}
	return t.StoreMentions(ctx, docID, enc, true)
}

// StoreMentions stores a document's encoded mentions; replace first deletes any it had, which a
// new document has not.
func (t *Tx) StoreMentions(ctx context.Context, docID string, ms []EncodedMention, replace bool) error {
	if replace {
		if _, err := t.stmt(ctx, t.stmts.clearMentions).ExecContext(ctx, docID); err != nil {
			return fmt.Errorf("replace mentions of %s: %w", docID, err)
		}
	}
	for _, em := range ms {
		if err := t.insertMention(ctx, docID, em, ""); err != nil {
			return err
		}
	}
	return nil
}

// insertMention stores one encoded mention of a document, linked to an incident ("" for none).
func (t *Tx) insertMention(ctx context.Context, docID string, em EncodedMention, incidentID string) error {
	m := em.Mention
	_, err := t.stmt(ctx, t.stmts.insertMention).ExecContext(ctx, docID, m.Index, incidentID, m.Place.Country,
		dayOrNilValue(m.Date.Start), string(m.Date.Precision), em.data)
	if err != nil {
		return fmt.Errorf("insert mention %s#%d: %w", docID, m.Index, err)
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

// Mentions lists stored mentions, of one document when docID is not "", of the documents the
// context's audience may see.
func (s *Store) Mentions(ctx context.Context, docID string) ([]StoredMention, error) {
	visible, args := AudienceFrom(ctx).documentFilter("d")
	rows, err := s.read.QueryContext(ctx, `SELECT m.incident_id, m.data FROM mentions m JOIN documents d ON d.id = m.document_id
		WHERE (? = '' OR m.document_id = ?) AND `+visible+` ORDER BY m.document_id, m.idx`, append([]any{docID, docID}, args...)...)
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
