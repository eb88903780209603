package server

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"slices"
	"testing"
)

// TestWarm checks that Warm requests every path once, in order, with GET, and stops once its
// context ends.
func TestWarm(t *testing.T) {
	var got []string
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = append(got, r.Method+" "+r.URL.Path)
		io.WriteString(w, "page")
	})
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	Warm(context.Background(), h, log, "/", "/incidents")
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
