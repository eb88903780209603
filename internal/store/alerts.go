package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// ruleData is what of a rule is kept as JSON: everything but the columns.
type ruleData struct {
	Filter    model.AlertFilter `json:"filter"`
	Changes   []model.Change    `json:"changes,omitempty"`
	MinChange float64           `json:"min_change,omitempty"`
	Webhook   string            `json:"webhook,omitempty"`
	Secret    string            `json:"secret,omitempty"`
	Email     string            `json:"email,omitempty"`
	Digest    string            `json:"digest,omitempty"`
}

// AddAlertRule stores a new rule and returns its id.
func (s *Store) AddAlertRule(ctx context.Context, r model.AlertRule) (int64, error) {
	data, err := json.Marshal(ruleData{r.Filter, r.Changes, r.MinChange, r.Webhook, r.Secret, r.Email, r.Digest})
	if err != nil {
		return 0, fmt.Errorf("add alert rule: %w", err)
	}
	res, err := s.write.ExecContext(ctx, `INSERT INTO alert_rules (owner, name, paused, created_at, last_digest, data, org_id)
		VALUES (?, ?, ?, ?, ?, ?, (SELECT id FROM organisations WHERE name = ?))`,
		r.Owner, r.Name, r.Paused, formatTime(r.CreatedAt), formatTime(r.CreatedAt), data, r.Org)
	if err != nil {
		return 0, fmt.Errorf("add alert rule: %w", err)
	}
	return res.LastInsertId()
}

const ruleColumns = `r.id, r.owner, r.name, r.paused, r.created_at, r.last_digest, r.data,
	COALESCE((SELECT name FROM organisations o WHERE o.id = r.org_id), '')`

// AlertRules returns every rule the context's audience owns (all without accounts) in the order
// they were made.
func (s *Store) AlertRules(ctx context.Context) ([]model.AlertRule, error) {
	owned, args := AudienceFrom(ctx).owned("r")
	out, err := listOf(ctx, s.read, scanRule, `SELECT `+ruleColumns+` FROM alert_rules r WHERE `+owned+` ORDER BY id`, args...)
	if err != nil {
		return nil, fmt.Errorf("alert rules: %w", err)
	}
	return out, nil
}

// AlertRule returns one rule, or ErrNotFound.
func (s *Store) AlertRule(ctx context.Context, id int64) (model.AlertRule, error) {
	owned, args := AudienceFrom(ctx).owned("r")
	r, err := scanRule(s.read.QueryRowContext(ctx, `SELECT `+ruleColumns+` FROM alert_rules r WHERE id = ? AND `+owned,
		append([]any{id}, args...)...))
	if errors.Is(err, sql.ErrNoRows) {
		return model.AlertRule{}, fmt.Errorf("alert rule %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return model.AlertRule{}, fmt.Errorf("alert rule %d: %w", id, err)
	}
	return r, nil
}

func scanRule(row rowScanner) (model.AlertRule, error) {
	var r model.AlertRule
	var created, digest string
	var data []byte
	if err := row.Scan(&r.ID, &r.Owner, &r.Name, &r.Paused, &created, &digest, &data, &r.Org); err != nil {
		return r, err
	}
	var d ruleData
	if err := json.Unmarshal(data, &d); err != nil {
		return r, fmt.Errorf("rule %d: %w", r.ID, err)
	}
	r.Filter, r.Changes, r.MinChange, r.Webhook, r.Secret, r.Email, r.Digest = d.Filter, d.Changes, d.MinChange, d.Webhook, d.Secret, d.Email, d.Digest
	r.CreatedAt, r.LastDigest = parseTime(created), parseTime(digest)
	return r, nil
}

// DeleteAlertRule deletes a rule; its events and deliveries stay in the log.
func (s *Store) DeleteAlertRule(ctx context.Context, id int64) error {
	return s.changeOwned(ctx, "alert rule", "alert_rules", id, `DELETE FROM alert_rules WHERE id = ?`, id)
}

// PauseAlertRule stops or resumes a rule's announcements.
func (s *Store) PauseAlertRule(ctx context.Context, id int64, paused bool) error {
	return s.changeOwned(ctx, "alert rule", "alert_rules", id, `UPDATE alert_rules SET paused = ? WHERE id = ?`, paused, id)
}

// SetLastDigest records that a rule's digest covered everything until at.
func (s *Store) SetLastDigest(ctx context.Context, id int64, at time.Time) error {
	return s.changeByID(ctx, "alert rule", id, `UPDATE alert_rules SET last_digest = ? WHERE id = ?`, formatTime(at), id)
}

// AlertSnapshots returns the stored snapshots of these incidents, by id; incidents alerts never
// saw are missing.
func (s *Store) AlertSnapshots(ctx context.Context, ids []string) (map[string][]byte, error) {
	out := map[string][]byte{}
	for _, id := range ids {
		var data []byte
		err := s.read.QueryRowContext(ctx, `SELECT data FROM alert_snapshots WHERE incident_id = ?`, id).Scan(&data)
		switch {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			return nil, fmt.Errorf("alert snapshot %s: %w", id, err)
		default:
			out[id] = data
		}
	}
	return out, nil
}

// AddMissingSnapshots stores the snapshots of the incidents that have none, leaving the others.
func (s *Store) AddMissingSnapshots(ctx context.Context, snapshots map[string][]byte) error {
	return s.InTx(ctx, func(tx *Tx) error {
		for id, data := range snapshots {
			if _, err := tx.tx.ExecContext(ctx, `INSERT OR IGNORE INTO alert_snapshots (incident_id, data) VALUES (?, ?)`, id, data); err != nil {
				return fmt.Errorf("alert snapshot %s: %w", id, err)
			}
		}
		return nil
	})
}

// Delivery is one channel an event goes out by.
type Delivery struct {
	Channel string // "webhook", "email" or "digest"
	Target  string // URL or address
}

// NewAlert is an event to announce and the deliveries that announce it.
type NewAlert struct {
	Event      model.AlertEvent
	Deliveries []Delivery
}

// RecordAlerts stores, in one transaction, the incidents' new snapshots, the events and their
// deliveries, due at once. An event whose key is stored already is left out; the events stored
// come back.
func (s *Store) RecordAlerts(ctx context.Context, snapshots map[string][]byte, alerts []NewAlert, now time.Time) ([]model.AlertEvent, error) {
	var stored []model.AlertEvent
	err := s.InTx(ctx, func(tx *Tx) error {
		stored = stored[:0]
		for id, data := range snapshots {
			if _, err := tx.tx.ExecContext(ctx, `INSERT INTO alert_snapshots (incident_id, data) VALUES (?, ?)
				ON CONFLICT (incident_id) DO UPDATE SET data = excluded.data`, id, data); err != nil {
				return fmt.Errorf("alert snapshot %s: %w", id, err)
			}
		}
		for _, a := range alerts {
			ok, err := tx.insertAlert(ctx, a, now)
			if err != nil {
				return err
			}
			if ok {
				stored = append(stored, a.Event)
			}
		}
		return nil
	})
	return stored, err
}

func (tx *Tx) insertAlert(ctx context.Context, a NewAlert, now time.Time) (bool, error) {
	data, err := json.Marshal(a.Event)
	if err != nil {
		return false, fmt.Errorf("alert event %s: %w", a.Event.Key, err)
	}
	res, err := tx.tx.ExecContext(ctx, `INSERT OR IGNORE INTO alert_events (key, rule_id, created_at, data) VALUES (?, ?, ?, ?)`,
		a.Event.Key, a.Event.RuleID, formatTime(a.Event.At), data)
	if err != nil {
		return false, fmt.Errorf("alert event %s: %w", a.Event.Key, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return false, nil
	}
	eventID, err := res.LastInsertId()
	if err != nil {
		return false, err
	}
	for _, d := range a.Deliveries {
		if _, err := tx.tx.ExecContext(ctx, `INSERT INTO alert_outbox (event_id, channel, target, next_attempt) VALUES (?, ?, ?, ?)`,
			eventID, d.Channel, d.Target, formatTime(now)); err != nil {
			return false, fmt.Errorf("alert outbox %s: %w", a.Event.Key, err)
		}
	}
	return true, nil
}

// OutboxItem is a delivery waiting to go out, with its event.
type OutboxItem struct {
	ID       int64
	Delivery Delivery
	Attempts int
	Event    model.AlertEvent
}

// DueDeliveries returns at most limit deliveries not yet done whose next attempt is due at now,
// the oldest first.
func (s *Store) DueDeliveries(ctx context.Context, now time.Time, limit int) ([]OutboxItem, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT o.id, o.channel, o.target, o.attempts, e.data FROM alert_outbox o
		JOIN alert_events e ON e.id = o.event_id
		WHERE o.delivered_at = '' AND o.given_up = 0 AND o.next_attempt <= ? ORDER BY o.next_attempt, o.id LIMIT ?`, formatTime(now), limit)
	if err != nil {
		return nil, fmt.Errorf("due deliveries: %w", err)
	}
	defer rows.Close()
	var out []OutboxItem
	for rows.Next() {
		var it OutboxItem
		var data []byte
		if err := rows.Scan(&it.ID, &it.Delivery.Channel, &it.Delivery.Target, &it.Attempts, &data); err != nil {
			return nil, fmt.Errorf("due deliveries: %w", err)
		}
		if err := json.Unmarshal(data, &it.Event); err != nil {
			return nil, fmt.Errorf("due delivery %d: %w", it.ID, err)
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// NextDeliveryDue returns when the earliest delivery not yet done is due; ok is false when none waits.
func (s *Store) NextDeliveryDue(ctx context.Context) (at time.Time, ok bool, err error) {
	var next sql.NullString
	if err := s.read.QueryRowContext(ctx, `SELECT MIN(next_attempt) FROM alert_outbox WHERE delivered_at = '' AND given_up = 0`).Scan(&next); err != nil {
		return time.Time{}, false, fmt.Errorf("next delivery: %w", err)
	}
	return parseTime(next.String), next.Valid, nil
}

// Attempt is the outcome of one attempt at a delivery.
type Attempt struct {
	At     time.Time
	OK     bool
	Detail string    // what the receiver answered, or the error
	Next   time.Time // when to try again after a failure
	GiveUp bool      // a failure that ends the retries
}

// RecordAttempt logs an attempt and marks the delivery done, due again or given up.
func (s *Store) RecordAttempt(ctx context.Context, outboxID int64, a Attempt) error {
	return s.InTx(ctx, func(tx *Tx) error {
		if _, err := tx.tx.ExecContext(ctx, `INSERT INTO alert_attempts (outbox_id, at, ok, detail) VALUES (?, ?, ?, ?)`,
			outboxID, formatTime(a.At), a.OK, a.Detail); err != nil {
			return fmt.Errorf("log delivery %d: %w", outboxID, err)
		}
		var err error
		if a.OK {
			_, err = tx.tx.ExecContext(ctx, `UPDATE alert_outbox SET attempts = attempts + 1, delivered_at = ?, last_error = '' WHERE id = ?`,
				formatTime(a.At), outboxID)
		} else {
			_, err = tx.tx.ExecContext(ctx, `UPDATE alert_outbox SET attempts = attempts + 1, next_attempt = ?, last_error = ?, given_up = ? WHERE id = ?`,
				formatTime(a.Next), a.Detail, a.GiveUp, outboxID)
		}
		if err != nil {
			return fmt.Errorf("record delivery %d: %w", outboxID, err)
		}
		return nil
	})
}

// DeliveryLog is one delivery as the log shows it.
type DeliveryLog struct {
	ID          int64
	Event       model.AlertEvent
	Delivery    Delivery
	Attempts    int
	DeliveredAt time.Time // zero while not delivered
	NextAttempt time.Time
	GivenUp     bool
	LastError   string
}

// DeliveryLogs returns the newest deliveries first, at most limit, of one rule (ruleID > 0) or of all,
// of the rules the context's audience owns.
func (s *Store) DeliveryLogs(ctx context.Context, ruleID int64, limit int) ([]DeliveryLog, error) {
	owned, args := AudienceFrom(ctx).owned("r")
	if AudienceFrom(ctx).Restricted() {
		owned = "r.id IS NOT NULL AND " + owned // a deleted rule's deliveries stay with the unrestricted log
	}
	rows, err := s.read.QueryContext(ctx, `SELECT o.id, o.channel, o.target, o.attempts, o.delivered_at, o.next_attempt, o.given_up, o.last_error, e.data
		FROM alert_outbox o JOIN alert_events e ON e.id = o.event_id LEFT JOIN alert_rules r ON r.id = e.rule_id
		WHERE (? = 0 OR e.rule_id = ?) AND `+owned+` ORDER BY o.id DESC LIMIT ?`, append(append([]any{ruleID, ruleID}, args...), limit)...)
	if err != nil {
		return nil, fmt.Errorf("delivery log: %w", err)
	}
	defer rows.Close()
	var out []DeliveryLog
	for rows.Next() {
		var l DeliveryLog
		var delivered, next string
		var data []byte
		if err := rows.Scan(&l.ID, &l.Delivery.Channel, &l.Delivery.Target, &l.Attempts, &delivered, &next, &l.GivenUp, &l.LastError, &data); err != nil {
			return nil, fmt.Errorf("delivery log: %w", err)
		}
		if err := json.Unmarshal(data, &l.Event); err != nil {
			return nil, fmt.Errorf("delivery log %d: %w", l.ID, err)
		}
		l.DeliveredAt, l.NextAttempt = parseTime(delivered), parseTime(next)
		out = append(out, l)
	}
	return out, rows.Err()
}

// AlertEvents returns the events of one rule (ruleID > 0) or of all created after since, oldest
// first, at most limit.
func (s *Store) AlertEvents(ctx context.Context, ruleID int64, since time.Time, limit int) ([]model.AlertEvent, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT data FROM alert_events WHERE (? = 0 OR rule_id = ?) AND created_at > ?
		ORDER BY created_at, id LIMIT ?`, ruleID, ruleID, formatTime(since), limit)
	if err != nil {
		return nil, fmt.Errorf("alert events: %w", err)
	}
	defer rows.Close()
	var out []model.AlertEvent
	for rows.Next() {
		var data []byte
		var e model.AlertEvent
		if err := rows.Scan(&data); err != nil {
			return nil, fmt.Errorf("alert events: %w", err)
		}
		if err := json.Unmarshal(data, &e); err != nil {
			return nil, fmt.Errorf("alert events: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
