package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/review"
)

// AppendReview adds an action to the audit log and returns it with its id. The log is
// append-only (triggers refuse updates and deletes), so the id is taken before the insert and
// the stored data carries it.
func (t *Tx) AppendReview(ctx context.Context, a review.Action) (review.Action, error) {
	if err := t.tx.QueryRowContext(ctx, `SELECT COALESCE(max(id), 0) + 1 FROM review_actions`).Scan(&a.ID); err != nil {
		return a, fmt.Errorf("log review %s: %w", a.Kind, err)
	}
	data, err := json.Marshal(a)
	if err != nil {
		return a, fmt.Errorf("log review %s: %w", a.Kind, err)
	}
	var undoes, removed any
	if a.Undoes > 0 {
		undoes = a.Undoes
	}
	if a.Deleted != nil {
		if removed, err = json.Marshal(a.Deleted); err != nil {
			return a, fmt.Errorf("log review %s: %w", a.Kind, err)
		}
	}
	_, err = t.tx.ExecContext(ctx, `INSERT INTO review_actions(id, at, who, kind, incident_id, document_id, undoes, data, removed)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, a.ID, a.At.UTC().Format(time.RFC3339Nano), a.Who, string(a.Kind), a.Incident, a.Document,
		undoes, data, removed)
	if err != nil {
		return a, fmt.Errorf("log review %s: %w", a.Kind, err)
	}
	return a, nil
}

// Removed returns the document a delete kept beside its log entry.
func (t *Tx) Removed(ctx context.Context, action int64) (*review.Removed, error) {
	var data sql.NullString
	if err := t.tx.QueryRowContext(ctx, `SELECT removed FROM review_actions WHERE id = ?`, action).Scan(&data); err != nil {
		return nil, fmt.Errorf("document deleted by %d: %w", action, err)
	}
	if !data.Valid {
		return nil, fmt.Errorf("action %d kept no document: %w", action, ErrNotFound)
	}
	var r review.Removed
	if err := json.Unmarshal([]byte(data.String), &r); err != nil {
		return nil, fmt.Errorf("document deleted by %d: %w", action, err)
	}
	return &r, nil
}

// ReviewLog returns the whole audit log in order, inside the transaction.
func (t *Tx) ReviewLog(ctx context.Context) ([]review.Action, error) {
	return scanReviews(t.tx.QueryContext(ctx, `SELECT data FROM review_actions ORDER BY id`))
}

// ReviewLog returns the audit log in order: all of it, or the actions that name an incident
// (review.Action.Names) and the undos of those. A restricted audience reads only the actions on
// incidents it sees whole and documents it may see.
func (s *Store) ReviewLog(ctx context.Context, incident string) ([]review.Action, error) {
	seen, args := AudienceFrom(ctx).seenActions()
	log, err := scanReviews(s.read.QueryContext(ctx, `SELECT data FROM review_actions a WHERE `+seen+` ORDER BY id`, args...))
	if err != nil || incident == "" {
		return log, err
	}
	var out []review.Action
	named := map[int64]bool{}
	for _, a := range log {
		if a.Names(incident) || named[a.Undoes] {
			named[a.ID] = true
			out = append(out, a)
		}
	}
	return out, nil
}

// Rejections returns the rejects of the audit log and the undos, enough to know which claims
// stand rejected without reading the whole log.
func (s *Store) Rejections(ctx context.Context) ([]review.Action, error) {
	seen, args := AudienceFrom(ctx).seenActions()
	return scanReviews(s.read.QueryContext(ctx, `SELECT data FROM review_actions a WHERE kind IN (?, ?) AND `+seen+` ORDER BY id`,
		append([]any{string(review.Reject), string(review.Undo)}, args...)...))
}

func scanReviews(rows *sql.Rows, err error) ([]review.Action, error) {
	datas, err := column[[]byte](rows, err)
	if err != nil {
		return nil, fmt.Errorf("review log: %w", err)
	}
	out := make([]review.Action, len(datas))
	for i, data := range datas {
		if err := json.Unmarshal(data, &out[i]); err != nil {
			return nil, fmt.Errorf("review log: %w", err)
		}
	}
	return out, nil
}

// PutReviewState records an incident's review state, or forgets it when it is not reviewed.
func (t *Tx) PutReviewState(ctx context.Context, id string, r model.Review) error {
	var err error
	if !r.Reviewed {
		_, err = t.tx.ExecContext(ctx, `DELETE FROM incident_reviews WHERE incident_id = ?`, id)
	} else {
		_, err = t.tx.ExecContext(ctx, `INSERT INTO incident_reviews(incident_id, grade, hidden, reviewer, reviewed_at)
			VALUES (?, ?, ?, ?, ?) ON CONFLICT(incident_id) DO UPDATE SET grade = excluded.grade, hidden = excluded.hidden,
			reviewer = excluded.reviewer, reviewed_at = excluded.reviewed_at`,
			id, r.Grade, r.Hidden, r.By, r.At.UTC().Format(time.RFC3339Nano))
	}
	if err != nil {
		return fmt.Errorf("review state of %s: %w", id, err)
	}
	return nil
}

// ReviewedIncidents lists the incidents with a review state.
func (t *Tx) ReviewedIncidents(ctx context.Context) ([]string, error) {
	return t.strings(ctx, `SELECT incident_id FROM incident_reviews ORDER BY incident_id`)
}

// attachReviews gives incidents their review state: one query for any number of them. An
// incident is new since review when it cites a document ingested after its latest review.
func (s *Store) attachReviews(ctx context.Context, incs []model.Incident, list string) error {
	rows, err := s.read.QueryContext(ctx, `SELECT r.incident_id, r.grade, r.hidden, r.reviewer, r.reviewed_at,
		EXISTS (SELECT 1 FROM incident_documents x JOIN documents d ON d.id = x.document_id
			WHERE x.incident_id = r.incident_id AND julianday(d.ingested_at) > julianday(r.reviewed_at))
		FROM incident_reviews r WHERE r.incident_id IN (SELECT value FROM json_each(?))`, list)
	if err != nil {
		return fmt.Errorf("incident reviews: %w", err)
	}
	defer rows.Close()
	byID := map[string]model.Review{}
	for rows.Next() {
		var id, at string
		r := model.Review{Reviewed: true}
		if err := rows.Scan(&id, &r.Grade, &r.Hidden, &r.By, &at, &r.NewSince); err != nil {
			return fmt.Errorf("incident reviews: %w", err)
		}
		r.At, _ = time.Parse(time.RFC3339Nano, at)
		byID[id] = r
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("incident reviews: %w", err)
	}
	for i := range incs {
		incs[i].Review = byID[incs[i].ID]
	}
	return nil
}

// ReviewQueue lists the incidents waiting for review, most urgent first: reviewed incidents a
// new report joined, then contested incidents nobody reviewed, then the other unreviewed ones,
// newest first within each.
func (s *Store) ReviewQueue(ctx context.Context, limit int) ([]model.Incident, error) {
	aud := AudienceFrom(ctx)
	visible, args := aud.visibleIncidents("i")
	rows, err := s.read.QueryContext(ctx, `SELECT i.data, i.updated_at FROM incidents i
		LEFT JOIN incident_reviews r ON r.incident_id = i.id
		WHERE COALESCE(r.hidden, 0) = 0 AND (r.incident_id IS NULL OR EXISTS (SELECT 1 FROM incident_documents x
			JOIN documents d ON d.id = x.document_id WHERE x.incident_id = i.id AND julianday(d.ingested_at) > julianday(r.reviewed_at)))
			AND `+visible+`
		ORDER BY r.incident_id IS NULL, i.contested DESC, COALESCE(i.date_start, '') DESC, i.id LIMIT ?`, append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("review queue: %w", err)
	}
	defer rows.Close()
	var out []model.Incident
	for rows.Next() {
		var data []byte
		var updated string
		if err := rows.Scan(&data, &updated); err != nil {
			return nil, fmt.Errorf("review queue: %w", err)
		}
		inc, err := decodeIncident(data, updated)
		if err != nil {
			return nil, err
		}
		out = append(out, inc)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("review queue: %w", err)
	}
	if err := s.attachBrief(ctx, out, true); err != nil {
		return nil, err
	}
	return s.narrow(ctx, aud, out, false)
}

// IncidentFields returns an incident's decided fields (no documents or figures) inside the
// transaction.
func (t *Tx) IncidentFields(ctx context.Context, id string) (model.Incident, error) {
	var data []byte
	var updated string
	err := t.tx.QueryRowContext(ctx, `SELECT data, updated_at FROM incidents WHERE id = ?`, id).Scan(&data, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return model.Incident{}, fmt.Errorf("incident %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return model.Incident{}, fmt.Errorf("incident %s: %w", id, err)
	}
	return decodeIncident(data, updated)
}
