package api

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/respcache"
	"github.com/wallwatch/wallwatch/internal/store"
)

// TestCachedListsFollowWrites: with the read cache on, a list asked twice gives the same body,
// and once a write commits the next request shows it.
func TestCachedListsFollowWrites(t *testing.T) {
	day := time.Date(2031, 5, 4, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, path, newID string
		write             func(context.Context, *store.Tx) error
	}{
		{"incidents", "/api/v1/incidents", "inc-cache-new", func(ctx context.Context, tx *store.Tx) error {
			return tx.PutIncident(ctx, model.Incident{ID: "inc-cache-new", Type: model.MassEscape, Date: model.Date{Start: day, Precision: model.PrecisionDay},
				Place: model.Place{Country: "NG"}, Metrics: map[model.Metric]model.Estimate{}, UpdatedAt: day})
		}},
		{"documents", "/api/v1/documents", "doc-cache-new", func(ctx context.Context, tx *store.Tx) error {
			return tx.InsertDocument(ctx, model.Document{ID: "doc-cache-new", Source: "https://news.example.org/cache", Title: "Cache",
				Published: &day, IngestedAt: day, Format: "text", ContentHash: "cache-hash", Raw: []byte("prison"), Text: "prison"})
		}},
		{"a document search", "/api/v1/documents?q=zanzibarite", "doc-cache-new", func(ctx context.Context, tx *store.Tx) error {
			return tx.InsertDocument(ctx, model.Document{ID: "doc-cache-new", Source: "https://news.example.org/cache", Title: "Cache",
				Published: &day, IngestedAt: day, Format: "text", ContentHash: "cache-hash", Raw: []byte("zanzibarite"), Text: "The zanzibarite prison."})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newTestAPI(t, func(c *Config) { c.Cache = respcache.New(1<<20, 1<<20) })
			first := a.do(t, http.MethodGet, tt.path, "")
			again := a.do(t, http.MethodGet, tt.path, "")
			if first.status != http.StatusOK || !bytes.Equal(first.body, again.body) {
				t.Fatalf("two reads: %d and %d, bodies equal %v", first.status, again.status, bytes.Equal(first.body, again.body))
			}
			if strings.Contains(string(first.body), tt.newID) {
				t.Fatalf("%s is listed before it was written", tt.newID)
			}
			if err := a.store.InTx(context.Background(), func(tx *store.Tx) error { return tt.write(context.Background(), tx) }); err != nil {
				t.Fatal(err)
			}
			if after := a.do(t, http.MethodGet, tt.path, ""); !strings.Contains(string(after.body), tt.newID) {
				t.Errorf("after the write, %s is not listed:\n%s", tt.newID, after.body)
			}
		})
	}
}

// TestCachedListsKeepErrors: a request the list refuses is refused every time, never answered
// from what another request kept.
func TestCachedListsKeepErrors(t *testing.T) {
	a := newTestAPI(t, func(c *Config) { c.Cache = respcache.New(1<<20, 1<<20) })
	for _, path := range []string{"/api/v1/incidents", "/api/v1/incidents?cursor=%21%21", "/api/v1/incidents?cursor=%21%21"} {
		got := a.do(t, http.MethodGet, path, "")
		want := http.StatusOK
		if strings.Contains(path, "cursor") {
			want = http.StatusBadRequest
		}
		if got.status != want {
			t.Errorf("GET %s: %d, want %d", path, got.status, want)
		}
	}
}
