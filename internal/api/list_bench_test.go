package api

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/wallwatch/wallwatch/internal/respcache"
	"github.com/wallwatch/wallwatch/internal/store"
	"github.com/wallwatch/wallwatch/internal/store/storetest"
)

// BenchmarkListIncidents is GET /api/v1/incidents (a page of 50 whole incidents, as JSON) and
// GET /api/v1/documents?q=prison over 30,000 generated incidents and articles, through the
// handler: every request reading the store (no cache), and answered from the read cache while the
// store stands (cached).
func BenchmarkListIncidents(b *testing.B) {
	ctx := context.Background()
	s, err := store.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	if err := storetest.SeedMany(ctx, s, 30_000); err != nil {
		b.Fatal(err)
	}
	if err := storetest.SeedDocuments(ctx, s, 30_000); err != nil {
		b.Fatal(err)
	}
	if err := s.Optimize(ctx); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		cache *respcache.Cache
	}{{"no cache", nil}, {"cached", respcache.New(64<<20, 4<<20)}} {
		h := New(Config{Store: s, Log: slog.New(slog.DiscardHandler), Cache: c.cache}).Handler()
		for _, path := range []string{"/api/v1/incidents", "/api/v1/incidents?country=NG&q=prison", "/api/v1/documents?q=prison"} {
			b.Run(c.name+"/"+path, func(b *testing.B) {
				for b.Loop() {
					w := httptest.NewRecorder()
					h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, path, nil))
					if w.Code != http.StatusOK {
						b.Fatalf("%s: %d %s", path, w.Code, w.Body)
					}
				}
			})
		}
	}
}
