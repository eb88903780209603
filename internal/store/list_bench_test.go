package store_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/store"
	"github.com/wallwatch/wallwatch/internal/store/storetest"
)

// BenchmarkIncidentList is a page of the incident list and its facets over 30,000 incidents whose
// documents are all CLEAR (a store from before markings), read by everyone and by a member of an
// organisation: the common case, where every incident keeps its stored summary.
func BenchmarkIncidentList(b *testing.B) {
	s := benchStore(b, storetest.SeedMany)
	benchList(b, s, "everyone", store.FullAudience())
	benchList(b, s, "member", store.MemberAudience(1))
}

// benchList times, as aud reads them, a page of 50 incidents (newest first, by the killed figure,
// contested first, of a facility no incident names, and until an early date) and what the dashboard and the list compute over every incident: facets, totals and
// monthly counts.
func benchList(b *testing.B, s *store.Store, name string, aud store.Audience) {
	ctx := store.WithAudience(context.Background(), aud)
	b.Run("page/"+name, func(b *testing.B) {
		for b.Loop() {
			if incs, _, err := s.Incidents(ctx, store.IncidentQuery{Limit: 50}); err != nil || len(incs) != 50 {
				b.Fatalf("got %d incidents, %v", len(incs), err)
			}
		}
	})
	b.Run("killed/"+name, func(b *testing.B) {
		for b.Loop() {
			if _, _, err := s.Incidents(ctx, store.IncidentQuery{Limit: 50, Sort: "killed"}); err != nil {
				b.Fatal(err)
			}
		}
	})
	early := time.Date(2015, 2, 1, 0, 0, 0, 0, time.UTC) // the first month of the generated incidents
	for _, q := range []struct {
		name string
		q    store.IncidentQuery
	}{
		{"contested", store.IncidentQuery{Limit: 50, Sort: "contested"}},
		{"facility", store.IncidentQuery{Limit: 50, Facility: "No Such Prison"}},
		{"until", store.IncidentQuery{Limit: 50, Until: &early}},
	} {
		b.Run(q.name+"/"+name, func(b *testing.B) {
			for b.Loop() {
				if _, _, err := s.Incidents(ctx, q.q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("facets/"+name, func(b *testing.B) {
		for b.Loop() {
			if _, err := s.IncidentFacets(ctx, store.IncidentQuery{}, 20); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("totals/"+name, func(b *testing.B) {
		for b.Loop() {
			if _, err := s.IncidentTotals(ctx, store.IncidentQuery{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("months/"+name, func(b *testing.B) {
		for b.Loop() {
			if _, err := s.MonthlyCounts(ctx, store.IncidentQuery{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// benchStore is a store of 30,000 items seeded by seed, closed when the benchmark ends.
func benchStore(b *testing.B, seed func(context.Context, *store.Store, int) error) *store.Store {
	b.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	if err := seed(ctx, s, 30_000); err != nil {
		b.Fatal(err)
	}
	if err := s.Optimize(ctx); err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkIncidentText is a page of 50 incidents found by a text query over 30,000 incidents
// (GET /api/v1/incidents?q=...), read by everyone and by a member of an organisation: a word
// in most incidents' names and titles, one in the titles of one document in 300 (about 100
// incidents), and one that nothing matches, whose page used to read every incident.
func BenchmarkIncidentText(b *testing.B) {
	s := benchStore(b, storetest.SeedManyMarked)
	for _, aud := range []struct {
		name string
		aud  store.Audience
	}{{"everyone", store.FullAudience()}, {"member", store.MemberAudience(1)}} {
		ctx := store.WithAudience(context.Background(), aud.aud)
		for _, q := range []struct{ name, q string }{{"common", "prison"}, {"rare", "report 299"}, {"none", "zzqx"}} {
			b.Run(q.name+"/"+aud.name, func(b *testing.B) {
				for b.Loop() {
					if _, _, err := s.Incidents(ctx, store.IncidentQuery{Q: q.q, Limit: 50}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
