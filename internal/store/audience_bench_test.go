package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/store"
	"github.com/wallwatch/wallwatch/internal/store/storetest"
)

// benchAudiences are the readers the audience benchmarks compare: everyone (no accounts), the
// organisation owning the restricted tenth, another organisation, and the public.
func benchAudiences(b *testing.B, s *store.Store) map[string]store.Audience {
	ctx := context.Background()
	owner, err := s.OrganisationID(ctx, storetest.MarkedOwner)
	if err != nil {
		b.Fatal(err)
	}
	if err := s.AddOrganisation(ctx, "Other Desk", time.Now()); err != nil {
		b.Fatal(err)
	}
	other, err := s.OrganisationID(ctx, "Other Desk")
	if err != nil {
		b.Fatal(err)
	}
	return map[string]store.Audience{"everyone": store.FullAudience(), "owner": store.MemberAudience(owner),
		"other-org": store.MemberAudience(other), "public": store.PublicAudience()}
}

// BenchmarkIncidentListAudience is a page of the incident list (GET /api/v1/incidents) and its
// facets over 30,000 incidents, a tenth of them cited only by an AMBER document of one
// organisation, as each audience reads them.
func BenchmarkIncidentListAudience(b *testing.B) {
	s := benchStore(b, storetest.SeedManyMarked)
	audiences := benchAudiences(b, s)
	for _, name := range []string{"everyone", "owner", "other-org", "public"} {
		benchList(b, s, name, audiences[name])
	}
}

// BenchmarkDocumentSearchAudience is BenchmarkDocumentSearch over 30,000 articles, a tenth of
// them AMBER of one organisation, as each audience searches them.
func BenchmarkDocumentSearchAudience(b *testing.B) {
	ctx := context.Background()
	s := benchStore(b, storetest.SeedDocumentsMarked)
	audiences := benchAudiences(b, s)
	for _, name := range []string{"everyone", "owner", "other-org", "public"} {
		actx := store.WithAudience(ctx, audiences[name])
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				if docs, err := s.Documents(actx, store.DocumentQuery{Q: "prison", Limit: 50}); err != nil || len(docs) != 50 {
					b.Fatalf("got %d documents, %v", len(docs), err)
				}
			}
		})
	}
}

// BenchmarkIncidentRemade reads the incident of a RED document of one organisation and a CLEAR
// article: whole by that organisation (its stored summary), remade from the CLEAR article by
// another (link.Build and link.Reconcile over what it may see).
func BenchmarkIncidentRemade(b *testing.B) {
	s, m := storetest.MarkedStore(b)
	ctx := context.Background()
	for _, org := range []string{m.OrgA, m.OrgB} {
		id, err := s.OrganisationID(ctx, org)
		if err != nil {
			b.Fatal(err)
		}
		actx := store.WithAudience(ctx, store.MemberAudience(id))
		b.Run(org, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Incident(actx, m.Mixed); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
