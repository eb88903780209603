package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/wallwatch/wallwatch/internal/store"
	"github.com/wallwatch/wallwatch/internal/store/storetest"
)

// BenchmarkIncidentList is a page of the incident list and its facets over 30,000 incidents whose
// documents are all CLEAR (a store from before markings), read by everyone and by a member of an
// organisation: the common case, where every incident keeps its stored summary.
func BenchmarkIncidentList(b *testing.B) {
	ctx := context.Background()
	s, err := store.Open(ctx, filepath.Join(b.TempDir(), "list.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if err := storetest.SeedMany(ctx, s, 30_000); err != nil {
		b.Fatal(err)
	}
	if err := s.Optimize(ctx); err != nil {
		b.Fatal(err)
	}
	for name, aud := range map[string]store.Audience{"everyone": store.FullAudience(), "member": store.MemberAudience(1)} {
		actx := store.WithAudience(ctx, aud)
		b.Run("page/"+name, func(b *testing.B) {
			for b.Loop() {
				if incs, _, err := s.Incidents(actx, store.IncidentQuery{Limit: 50}); err != nil || len(incs) != 50 {
					b.Fatalf("got %d incidents, %v", len(incs), err)
				}
			}
		})
		b.Run("facets/"+name, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.IncidentFacets(actx, store.IncidentQuery{}, 20); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
