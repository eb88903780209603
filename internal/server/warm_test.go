package server

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"
)

// TestWarm checks that Warm requests every path once with GET, returns when all have answered,
// and starts none once its context ends.
func TestWarm(t *testing.T) {
	var mu sync.Mutex
	var got []string
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		got = append(got, r.Method+" "+r.URL.Path)
		io.WriteString(w, "page")
	})
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	Warm(context.Background(), h, log, "/", "/incidents")
	slices.Sort(got)
	if want := []string{"GET /", "GET /incidents"}; !slices.Equal(got, want) {
		t.Errorf("requested %q, want %q", got, want)
	}
	got = nil
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	Warm(ctx, h, log, "/")
	if len(got) != 0 {
		t.Errorf("requested %q after the context ended", got)
	}
}

// TestWarmSideBySide: a slow first page does not hold back the next; Warm waits for both.
func TestWarmSideBySide(t *testing.T) {
	listAsked := make(chan struct{})
	var dashboardDone bool
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/incidents" {
			close(listAsked)
			return
		}
		select {
		case <-listAsked:
			dashboardDone = true
		case <-time.After(10 * time.Second):
			t.Error("the list was not asked for while the dashboard was being computed")
		}
	})
	Warm(context.Background(), h, slog.New(slog.DiscardHandler), "/", "/incidents")
	if !dashboardDone {
		t.Error("Warm returned before the dashboard answered")
	}
}
