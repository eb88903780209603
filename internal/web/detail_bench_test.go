package web

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/wallwatch/wallwatch/internal/store/storetest"
)

// BenchmarkIncidentPage is the page of an incident of 5,000 reports, each with a claim, through
// the handler without the read cache; it reports the page's size.
func BenchmarkIncidentPage(b *testing.B) {
	ctx := context.Background()
	s, err := storetest.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	if err := storetest.SeedLargeIncident(ctx, s, 5_000, false); err != nil {
		b.Fatal(err)
	}
	w, err := New(Config{Store: s, Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		b.Fatal(err)
	}
	h := w.Handler()
	path := "/incidents/" + storetest.LargeIncident
	var size int
	for b.Loop() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		if rec.Code != http.StatusOK {
			b.Fatalf("%s: %d %s", path, rec.Code, rec.Body)
		}
		size = rec.Body.Len()
	}
	b.ReportMetric(float64(size), "resp-bytes")
}
