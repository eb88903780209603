package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

func TestOutbox(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	id, err := s.AddAlertRule(ctx, model.AlertRule{Owner: "ada", Name: "all", CreatedAt: now, Webhook: "https://h.example.org/", Secret: "k",
		Filter: model.AlertFilter{Countries: []string{"NG"}, BBox: &[4]float64{1, 2, 3, 4}}, Changes: []model.Change{model.ChangeWave}})
	if err != nil {
		t.Fatal(err)
	}
	rule, err := s.AlertRule(ctx, id)
	if err != nil || rule.Secret != "k" || rule.Filter.BBox[3] != 4 || rule.Changes[0] != model.ChangeWave || !rule.LastDigest.Equal(now) {
		t.Fatalf("rule read back: %+v (%v)", rule, err)
	}
	alertFor := func(key string) NewAlert {
		return NewAlert{Event: model.AlertEvent{Key: key, RuleID: id, At: now, Summary: key},
			Deliveries: []Delivery{{"webhook", "https://h.example.org/"}, {"email", "ada@example.org"}}}
	}
	stored, err := s.RecordAlerts(ctx, map[string][]byte{"inc1": []byte(`{}`)}, []NewAlert{alertFor("a"), alertFor("b")}, now)
	if err != nil || len(stored) != 2 {
		t.Fatalf("first record: %d events (%v)", len(stored), err)
	}
	// The same key again is no second event.
	if stored, err = s.RecordAlerts(ctx, nil, []NewAlert{alertFor("a")}, now); err != nil || len(stored) != 0 {
		t.Fatalf("same key again: %d events stored (%v)", len(stored), err)
	}
	due, err := s.DueDeliveries(ctx, now, 10)
	if err != nil || len(due) != 4 || due[0].Event.Key != "a" {
		t.Fatalf("due: %+v (%v)", due, err)
	}
	if err := s.RecordAttempt(ctx, due[0].ID, Attempt{At: now, OK: true, Detail: "HTTP 200"}); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordAttempt(ctx, due[1].ID, Attempt{At: now, Detail: "refused", Next: now.Add(time.Minute)}); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordAttempt(ctx, due[2].ID, Attempt{At: now, Detail: "HTTP 410", GiveUp: true}); err != nil {
		t.Fatal(err)
	}
	if due, _ = s.DueDeliveries(ctx, now, 10); len(due) != 1 {
		t.Errorf("due after the attempts: %d, want the one never tried", len(due))
	}
	if next, ok, _ := s.NextDeliveryDue(ctx); !ok || !next.Equal(now) {
		t.Errorf("next due %v %v, want %v", next, ok, now)
	}
	logs, err := s.DeliveryLogs(ctx, id, 10)
	if err != nil || len(logs) != 4 {
		t.Fatalf("log: %d (%v)", len(logs), err)
	}
	if l := logs[3]; l.DeliveredAt.IsZero() || l.Attempts != 1 {
		t.Errorf("the delivered one: %+v", l)
	}
	if l := logs[1]; !l.GivenUp || l.LastError != "HTTP 410" {
		t.Errorf("the given-up one: %+v", l)
	}
	events, _ := s.AlertEvents(ctx, id, now.Add(-time.Second), 10)
	if len(events) != 2 {
		t.Errorf("events since a second ago: %d, want 2", len(events))
	}
	if err := s.DeleteAlertRule(ctx, id); err != nil {
		t.Fatal(err)
	}
	if err := s.PauseAlertRule(ctx, id, true); !errors.Is(err, ErrNotFound) {
		t.Errorf("pause a deleted rule: %v", err)
	}
	if logs, _ := s.DeliveryLogs(ctx, 0, 10); len(logs) != 4 {
		t.Errorf("a deleted rule's deliveries stay in the log: %d", len(logs))
	}
}

func TestWatchItems(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	id, err := s.AddWatchSource(ctx, WatchSource{URL: "https://a.example.org/feed", Interval: time.Minute, CreatedAt: time.Now(), NextPoll: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddWatchSource(ctx, WatchSource{URL: "https://a.example.org/feed", Interval: time.Minute}); !errors.Is(err, ErrDuplicate) {
		t.Errorf("the same URL twice: %v, want ErrDuplicate", err)
	}
	if err := s.MarkItemsSeen(ctx, id, []string{"x", "y"}, time.Now()); err != nil {
		t.Fatal(err)
	}
	unseen, err := s.UnseenItems(ctx, []string{"w", "x", "z", "y"})
	if err != nil || len(unseen) != 2 || unseen[0] != "w" || unseen[1] != "z" {
		t.Errorf("unseen: %v (%v), want [w z]", unseen, err)
	}
	if err := s.DeleteWatchSource(ctx, id); err != nil {
		t.Fatal(err)
	}
	if unseen, _ := s.UnseenItems(ctx, []string{"x"}); len(unseen) != 1 {
		t.Errorf("a removed source's items are forgotten: %v", unseen)
	}
}

// TestMigrationArrivingLate: a migration of a lower version than the database's newest (merged
// from another branch later) is applied, not skipped.
func TestMigrationArrivingLate(t *testing.T) {
	ctx := context.Background()
	path := t.TempDir() + "/late.db"
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`DELETE FROM schema_migrations WHERE version = 9`, `DROP TABLE incident_reviews`, `DROP TABLE review_actions`} {
		if _, err := s.write.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	if s, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.ReviewLog(ctx, ""); err != nil {
		t.Errorf("migration 9 was not applied after the later ones: %v", err)
	}
}
