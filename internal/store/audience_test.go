package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
	"github.com/wallwatch/wallwatch/internal/store/storetest"
)

// markedStore is a store holding the marked stories, with the ids of its organisations.
func markedStore(t *testing.T) (*store.Store, storetest.Marked, map[string]int64) {
	t.Helper()
	ctx := context.Background()
	s, m := storetest.MarkedStore(t)
	orgs := map[string]int64{}
	for i, name := range []string{m.OrgA, m.OrgB} {
		if _, err := s.AddUser(ctx, store.User{Name: "user" + string(rune('a'+i)), Org: name, Role: "viewer", PasswordHash: "x"}); err != nil {
			t.Fatal(err)
		}
		u, err := s.UserByName(ctx, "user"+string(rune('a'+i)))
		if err != nil {
			t.Fatal(err)
		}
		orgs[name] = u.OrgID
	}
	return s, m, orgs
}

// TestAudienceEstimates: an incident of a RED document of one organisation and a CLEAR article
// shows every other reader the CLEAR claims only, with best, low and high reconciled from them.
func TestAudienceEstimates(t *testing.T) {
	s, m, orgs := markedStore(t)
	for _, c := range []struct {
		name           string
		aud            store.Audience
		docs, claims   int
		best, low, hi  int
		amberIncident  bool
		incidents      int
		searchRed      int
		redMarkedClaim bool
	}{
		{"everyone", store.FullAudience(), 2, 2, m.RedValue, m.ClearValue, m.RedValue, true, 6, 1, true},
		{"org A", store.MemberAudience(orgs[m.OrgA]), 2, 2, m.RedValue, m.ClearValue, m.RedValue, true, 6, 1, true},
		{"org B", store.MemberAudience(orgs[m.OrgB]), 1, 1, m.ClearValue, m.ClearValue, m.ClearValue, false, 3, 0, false},
		{"org A's alert deliveries", store.DeliveryAudience(orgs[m.OrgA]), 1, 1, m.ClearValue, m.ClearValue, m.ClearValue, true, 5, 0, false},
		{"anonymous", store.PublicAudience(), 1, 1, m.ClearValue, m.ClearValue, m.ClearValue, false, 2, 0, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			ctx := store.WithAudience(context.Background(), c.aud)
			inc, err := s.Incident(ctx, m.Mixed)
			if err != nil {
				t.Fatal(err)
			}
			e := inc.Metrics[model.Escaped]
			if len(inc.Documents) != c.docs || len(e.Claims) != c.claims {
				t.Errorf("documents %d, claims %d; want %d, %d", len(inc.Documents), len(e.Claims), c.docs, c.claims)
			}
			if e.Best == nil || *e.Best != c.best || *e.Low != c.low || *e.High != c.hi {
				t.Errorf("escaped best/low/high = %v/%v/%v, want %d/%d/%d", deref(e.Best), deref(e.Low), deref(e.High), c.best, c.low, c.hi)
			}
			if wantTLP := map[bool]model.TLP{true: model.TLPRed, false: model.TLPClear}[c.redMarkedClaim]; inc.TLP != wantTLP {
				t.Errorf("incident marked %s, want %s", inc.TLP, wantTLP)
			}
			red := false
			for _, cl := range e.Claims {
				red = red || cl.TLP == model.TLPRed
			}
			if red != c.redMarkedClaim {
				t.Errorf("a claim marked RED: %v, want %v", red, c.redMarkedClaim)
			}
			list, _, err := s.Incidents(ctx, store.IncidentQuery{Brief: true})
			if err != nil {
				t.Fatal(err)
			}
			for _, li := range list {
				if li.ID == m.Mixed && *li.Metrics[model.Escaped].Best != c.best {
					t.Errorf("listed best %d, want %d", *li.Metrics[model.Escaped].Best, c.best)
				}
			}
			if n, _ := s.CountIncidents(ctx); len(list) != c.incidents || n != c.incidents {
				t.Errorf("listed %d, counted %d incidents; want %d", len(list), n, c.incidents)
			}
			_, err = s.Incident(ctx, m.ByMarking[model.TLPAmber].Incident)
			if found := err == nil; found != c.amberIncident || (err != nil && !errors.Is(err, store.ErrNotFound)) {
				t.Errorf("AMBER-only incident found %v (%v), want %v", found, err, c.amberIncident)
			}
			docs, err := s.Documents(ctx, store.DocumentQuery{Q: m.RedWord})
			if err != nil || len(docs) != c.searchRed {
				t.Errorf("search %q: %d documents (%v), want %d", m.RedWord, len(docs), err, c.searchRed)
			}
			incs, _, err := s.Incidents(ctx, store.IncidentQuery{Q: "field note"})
			if err != nil || len(incs) != c.searchRed {
				t.Errorf("incidents titled by the RED document: %d (%v), want %d", len(incs), err, c.searchRed)
			}
			incs, _, err = s.Incidents(ctx, store.IncidentQuery{Q: "saltmarsh"})
			if err != nil || len(incs) != c.searchRed {
				t.Errorf("incidents found by the group only the RED document names: %d (%v), want %d", len(incs), err, c.searchRed)
			}
			if attributed := len(inc.Perpetrators) > 0; attributed != c.redMarkedClaim {
				t.Errorf("perpetrators %v; want the RED document's group: %v", inc.Perpetrators, c.redMarkedClaim)
			}
		})
	}
}

// TestAudienceMarkingsFollowLinks: the markings an incident's documents carry follow its links
// as they are removed (the counts the triggers keep).
func TestAudienceMarkingsFollowLinks(t *testing.T) {
	s, m, orgs := markedStore(t)
	ctx := context.Background()
	err := s.InTx(ctx, func(tx *store.Tx) error { return tx.DropIncident(ctx, m.Mixed) })
	if err != nil {
		t.Fatal(err)
	}
	b := store.WithAudience(ctx, store.MemberAudience(orgs[m.OrgB]))
	if n, _ := s.CountIncidents(b); n != 2 {
		t.Errorf("org B counts %d incidents once the mixed one is dropped, want 2 (CLEAR and GREEN)", n)
	}
}

func deref(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

// TestAudienceHidesOriginals: a near-duplicate of a document the reader may not see does not name
// it.
func TestAudienceHidesOriginals(t *testing.T) {
	s, m, orgs := markedStore(t)
	ctx := context.Background()
	copyOf := model.Document{ID: "copy-of-red", Source: "desk/copy.txt", Title: "A copy", IngestedAt: time.Now(), Format: "text",
		ContentHash: "copy-of-red-hash", Text: "A copy.", Raw: []byte("A copy."), DuplicateOf: m.RedDocument}
	if err := s.InTx(ctx, func(tx *store.Tx) error { return tx.InsertDocument(ctx, copyOf) }); err != nil {
		t.Fatal(err)
	}
	for org, want := range map[string]string{m.OrgA: m.RedDocument, m.OrgB: ""} {
		actx := store.WithAudience(ctx, store.MemberAudience(orgs[org]))
		d, err := s.Document(actx, copyOf.ID)
		if err != nil || d.DuplicateOf != want {
			t.Errorf("%s reads the copy as a copy of %q (%v), want %q", org, d.DuplicateOf, err, want)
		}
		docs, err := s.Documents(actx, store.DocumentQuery{})
		if err != nil || len(docs) == 0 || docs[0].ID != copyOf.ID || docs[0].DuplicateOf != want {
			t.Errorf("%s lists the copy as a copy of %q (%v), want %q", org, docs[0].DuplicateOf, err, want)
		}
	}
}
