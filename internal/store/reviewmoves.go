package store

import (
	"context"
	"fmt"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/review"
)

// MoveMentions links to another incident the mentions of one incident — all of them, or one
// document's when document is not "" — and returns what moved. to "" unlinks them. The
// incidents are rebuilt afterwards (the pipeline's Rebuild).
func (t *Tx) MoveMentions(ctx context.Context, from, to, document string) ([]review.Move, error) {
	rows, err := t.tx.QueryContext(ctx, `SELECT document_id, idx FROM mentions
		WHERE incident_id = ? AND (? = '' OR document_id = ?) ORDER BY document_id, idx`, from, document, document)
	if err != nil {
		return nil, fmt.Errorf("mentions of %s: %w", from, err)
	}
	var moves []review.Move
	for rows.Next() {
		m := review.Move{From: from, To: to}
		if err := rows.Scan(&m.Document, &m.Index); err != nil {
			rows.Close()
			return nil, fmt.Errorf("mentions of %s: %w", from, err)
		}
		moves = append(moves, m)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("mentions of %s: %w", from, err)
	}
	for _, m := range moves {
		if err := t.SetMentionIncident(ctx, m.Document, m.Index, to); err != nil {
			return nil, err
		}
	}
	return moves, nil
}

// UnlinkDocument takes every mention of a document out of its incident and returns what moved.
func (t *Tx) UnlinkDocument(ctx context.Context, document string) ([]review.Move, error) {
	ids, err := t.DocumentIncidents(ctx, document)
	if err != nil {
		return nil, err
	}
	var moves []review.Move
	for _, id := range ids {
		moved, err := t.MoveMentions(ctx, id, "", document)
		if err != nil {
			return nil, err
		}
		moves = append(moves, moved...)
	}
	return moves, nil
}

// MoveBack reverts moves: each mention still where a move took it returns where it was.
func (t *Tx) MoveBack(ctx context.Context, moves []review.Move) error {
	for _, m := range moves {
		_, err := t.tx.ExecContext(ctx, `UPDATE mentions SET incident_id = ? WHERE document_id = ? AND idx = ? AND incident_id = ?`,
			m.From, m.Document, m.Index, m.To)
		if err != nil {
			return fmt.Errorf("move back %s#%d: %w", m.Document, m.Index, err)
		}
	}
	return nil
}

// DocumentIncidents lists the incidents a document's mentions are linked to.
func (t *Tx) DocumentIncidents(ctx context.Context, document string) ([]string, error) {
	ids, err := t.strings(ctx, `SELECT DISTINCT incident_id FROM mentions WHERE document_id = ? AND incident_id != '' ORDER BY incident_id`, document)
	if err != nil {
		return nil, fmt.Errorf("incidents of document %s: %w", document, err)
	}
	return ids, nil
}

// LinkedMentions returns the mentions linked to an incident in ingest order, the order in which
// linking first added them.
func (t *Tx) LinkedMentions(ctx context.Context, id string) ([]StoredMention, error) {
	rows, err := t.tx.QueryContext(ctx, `SELECT m.incident_id, m.data FROM mentions m JOIN documents d ON d.id = m.document_id
		WHERE m.incident_id = ? ORDER BY d.ingested_at, d.id, m.idx`, id)
	if err != nil {
		return nil, fmt.Errorf("mentions of incident %s: %w", id, err)
	}
	return scanMentions(rows)
}

// DropIncident deletes an incident and everything linking derived for it, leaving its mentions
// where they are: the start of a rebuild.
func (t *Tx) DropIncident(ctx context.Context, id string) error {
	if _, err := t.tx.ExecContext(ctx, `DELETE FROM incident_windows WHERE id = (SELECT window_id FROM incidents WHERE id = ?)`, id); err != nil {
		return fmt.Errorf("drop incident %s: %w", id, err)
	}
	t.windowsChanged()
	for _, table := range []string{"incident_actors", "incident_campaigns", "incident_documents", "incident_claims", "wave_inputs"} {
		if _, err := t.tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE incident_id = ?`, id); err != nil {
			return fmt.Errorf("drop incident %s: %s: %w", id, table, err)
		}
	}
	seq, err := t.seqOf(ctx, id)
	if err != nil {
		return err
	}
	if err := t.deleteSummary(ctx, seq); err != nil {
		return fmt.Errorf("drop incident %s: %w", id, err)
	}
	if _, err := t.stmt(ctx, t.stmts.clearIncidentEstimates).ExecContext(ctx, seq); err != nil {
		return fmt.Errorf("drop incident %s: estimates: %w", id, err)
	}
	if _, err := t.tx.ExecContext(ctx, `DELETE FROM incidents WHERE id = ?`, id); err != nil {
		return fmt.Errorf("drop incident %s: %w", id, err)
	}
	// An id linked again takes a new number.
	delete(t.seqs, id)
	return nil
}

// IncidentExists reports whether the store holds an incident.
func (t *Tx) IncidentExists(ctx context.Context, id string) (bool, error) {
	var n int
	if err := t.tx.QueryRowContext(ctx, `SELECT count(*) FROM incidents WHERE id = ?`, id).Scan(&n); err != nil {
		return false, fmt.Errorf("incident %s: %w", id, err)
	}
	return n > 0, nil
}

// SetDuplicateOf marks a document as a copy of another ("" for no copy) and returns what it was.
func (t *Tx) SetDuplicateOf(ctx context.Context, document, of string) (string, error) {
	var before string
	err := t.tx.QueryRowContext(ctx, `SELECT COALESCE(duplicate_of, '') FROM documents WHERE id = ?`, document).Scan(&before)
	if err != nil {
		return "", fmt.Errorf("document %s: %w", document, err)
	}
	if _, err := t.tx.ExecContext(ctx, `UPDATE documents SET duplicate_of = ? WHERE id = ?`, nullIfEmpty(of), document); err != nil {
		return "", fmt.Errorf("mark document %s a copy: %w", document, err)
	}
	return before, nil
}

// Claim returns the claim with this identity as an incident holds it.
func (t *Tx) Claim(ctx context.Context, k review.ClaimKey) (model.Claim, error) {
	rows, err := t.tx.QueryContext(ctx, `SELECT incident_id, `+claimColumns+` FROM incident_claims
		WHERE document_id = ? AND metric = ? AND quote_start = ? AND quote_end = ? LIMIT 1`, k.Document, string(k.Metric), k.Start, k.End)
	if err != nil {
		return model.Claim{}, fmt.Errorf("claim %s: %w", k, err)
	}
	claims, _, err := scanClaims(rows)
	if err != nil {
		return model.Claim{}, fmt.Errorf("claim %s: %w", k, err)
	}
	for _, cs := range claims {
		return cs[0], nil
	}
	return model.Claim{}, fmt.Errorf("claim %s: %w", k, ErrNotFound)
}

// DeleteDocument deletes a document with its mentions and its place in incidents' source lists
// (the claims go when the incidents are rebuilt). A document other documents copy is refused:
// mark them no copy first.
func (t *Tx) DeleteDocument(ctx context.Context, id string) error {
	var copies int
	if err := t.tx.QueryRowContext(ctx, `SELECT count(*) FROM documents WHERE duplicate_of = ?`, id).Scan(&copies); err != nil {
		return fmt.Errorf("delete document %s: %w", id, err)
	}
	if copies > 0 {
		return fmt.Errorf("%w: %d documents are copies of %s: mark them not copies first", review.ErrInvalid, copies, id)
	}
	res, err := t.tx.ExecContext(ctx, `DELETE FROM documents WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("delete document %s: %w", id, err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return fmt.Errorf("document %s: %w", id, ErrNotFound)
	}
	return nil
}
