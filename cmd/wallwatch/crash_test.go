package main

import (
	"context"
	"math/rand/v2"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/alert"
	"github.com/wallwatch/wallwatch/internal/alert/alerttest"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

// TestKillNineLosesNoAlert queues alert events, starts the server, kills it with SIGKILL while
// it delivers them (20 times, queueing more between runs), then lets one last run finish: every
// event must reach the webhook. Delivery is at least once: the request in flight when the server
// dies (the receiver may have taken it) is sent again after the restart with the same
// idempotency key, so a receiver that drops repeated keys acts on every event exactly once.
// Deliveries to one target go one at a time, so a kill repeats at most one event.
func TestKillNineLosesNoAlert(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and restarts it 21 times")
	}
	bin := filepath.Join(t.TempDir(), "wallwatch")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	db := filepath.Join(t.TempDir(), "crash.db")
	hook := alerttest.StartReceiver(t, "crash-secret", 0)
	hook.Delay = 10 * time.Millisecond
	ctx := context.Background()
	s, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ruleID, err := s.AddAlertRule(ctx, model.AlertRule{Owner: "ops", Name: "everything", CreatedAt: time.Now(), Webhook: hook.URL, Secret: "crash-secret"})
	if err != nil {
		t.Fatal(err)
	}
	engine := alert.NewEngine(s, nil, nil, nil)
	var keys []string
	serve := func() *exec.Cmd {
		cmd := exec.Command(bin, "serve", "--db", db, "--addr", "127.0.0.1:0", "--allow-private", "--log-level", "error")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd
	}
	const kills = 20
	for range kills {
		for range 15 {
			ev, err := engine.Sample(ctx, ruleID)
			if err != nil {
				t.Fatal(err)
			}
			keys = append(keys, ev.Key)
		}
		before := total(hook.Accepted())
		cmd := serve()
		waitUntil(t, 60*time.Second, func() bool { return total(hook.Accepted()) > before })
		time.Sleep(time.Duration(rand.IntN(100)) * time.Millisecond)
		cmd.Process.Kill()
		cmd.Wait()
	}
	cmd := serve()
	// The last run has finished when every event reached the receiver and its delivery is
	// recorded: the receiver's 200 comes a moment before the store's mark.
	waitUntil(t, 120*time.Second, func() bool { return len(hook.Accepted()) >= len(keys) && allMarked(ctx, t, s, ruleID) })
	cmd.Process.Signal(syscall.SIGTERM)
	if err := cmd.Wait(); err != nil {
		t.Errorf("the last run did not stop cleanly: %v", err)
	}
	accepted := hook.Accepted()
	again := 0
	for _, k := range keys {
		if accepted[k] == 0 {
			t.Errorf("event %s was never delivered", k)
		}
		again += max(accepted[k]-1, 0)
	}
	logs, err := s.DeliveryLogs(ctx, ruleID, 1000)
	if err != nil {
		t.Fatal(err)
	}
	var gaps []time.Duration
	for _, l := range logs {
		a, _ := hook.Arrival(l.Event.Key)
		gaps = append(gaps, l.DeliveredAt.Sub(a))
		if l.DeliveredAt.IsZero() {
			t.Errorf("delivery %d (%s) is not marked delivered", l.ID, l.Event.Key)
		}
	}
	slices.Sort(gaps)
	t.Logf("from the receiver's 200 to the recorded delivery: p50 %v, p90 %v, max %v", gaps[len(gaps)/2], gaps[len(gaps)*9/10], gaps[len(gaps)-1])
	t.Logf("%d events, %d kills: all delivered; %d sent again after a kill (same idempotency key)", len(keys), kills, again)
	if again > kills {
		t.Errorf("%d events sent again, more than one a kill", again)
	}
}

// allMarked reports whether every delivery logged for the rule is marked delivered.
func allMarked(ctx context.Context, t *testing.T, s *store.Store, ruleID int64) bool {
	logs, err := s.DeliveryLogs(ctx, ruleID, 1000)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range logs {
		if l.DeliveredAt.IsZero() {
			return false
		}
	}
	return true
}

func total(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

func waitUntil(t *testing.T, timeout time.Duration, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("timed out")
		}
		time.Sleep(5 * time.Millisecond)
	}
}
