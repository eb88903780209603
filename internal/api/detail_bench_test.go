package api

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/wallwatch/wallwatch/internal/store/storetest"
)

// BenchmarkIncidentDetail is GET /api/v1/incidents/{id} for an incident of 5,000 reports, each
// with a claim, through the handler (a store deriving histories, as serve opens it) without the read cache; it reports the response's size.
func BenchmarkIncidentDetail(b *testing.B) {
	ctx := context.Background()
	s, err := storetest.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	if err := storetest.SeedLargeIncident(ctx, s, 5_000, false); err != nil {
		b.Fatal(err)
	}
	h := New(Config{Store: s, Log: slog.New(slog.DiscardHandler)}).Handler()
	path := "/api/v1/incidents/" + storetest.LargeIncident
	var size int
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, path, nil))
		if w.Code != http.StatusOK {
			b.Fatalf("%s: %d %s", path, w.Code, w.Body)
		}
		size = w.Body.Len()
	}
	b.ReportMetric(float64(size), "resp-bytes")
}
