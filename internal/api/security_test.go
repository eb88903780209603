package api

import (
	"context"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/store"
)

func TestSecurityEvents(t *testing.T) {
	a := newTestAPI(t, nil)
	for _, kind := range []string{"login_failed", "login", "write"} {
		if err := a.store.AddSecurityEvent(context.Background(), store.SecurityEvent{At: time.Now(), Kind: kind, Who: "ana", Remote: "192.0.2.1", Method: "POST", Path: "/login", Status: 303}); err != nil {
			t.Fatal(err)
		}
	}
	const route = Prefix + "/security/events"
	runScenarios(t, a, []scenario{
		{"newest first", "GET", route, "", route, 200, func(t *testing.T, _ testAPI, r response) {
			if got := path(r.json(t), "events", 0, "kind"); got != "write" {
				t.Errorf("first event %v, want the newest (write)", got)
			}
		}},
		{"limit", "GET", route + "?limit=1", "", route, 200, func(t *testing.T, _ testAPI, r response) {
			if n := len(path(r.json(t), "events").([]any)); n != 1 {
				t.Errorf("%d events, want 1", n)
			}
		}},
		{"bad limit", "GET", route + "?limit=0", "", route, 400, nil},
		{"unknown parameter", "GET", route + "?who=ana", "", route, 400, nil},
	})
}
