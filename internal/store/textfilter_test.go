package store_test

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
	"github.com/wallwatch/wallwatch/internal/store/storetest"
)

// TestTextFilterWords: q= finds incidents by any part of a word of their names or of their
// documents' titles, every word of it, in any ASCII case; accented letters match only as
// written, lower-cased (LIKE folds ASCII alone), and LIKE's wildcard % is a plain character.
func TestTextFilterWords(t *testing.T) {
	s := seeded(t)
	for _, c := range []struct {
		q    string
		want []string // facilities
	}{
		{"TILLABÉRI", []string{"Tillabéri Civil Prison"}},
		{"illab", []string{"Tillabéri Civil Prison"}},
		{"tillaberi", nil},
		{"Motorcycle GUNMEN", []string{"Tillabéri Civil Prison"}}, // words of a title
		{"motorcycle makurdi", nil},                               // each word, not either
		{"zzqx", nil},                                             // no match
		{"%", nil},                                                // no name or title has one
	} {
		t.Run(c.q, func(t *testing.T) {
			incs, _, err := s.Incidents(context.Background(), store.IncidentQuery{Q: c.q})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, inc := range incs {
				got = append(got, inc.Facility)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("%q found %q, want %q", c.q, got, c.want)
			}
		})
	}
}

// TestTextFilterAudiences: a reader finds an incident by a document's title only when it may see
// the document, and by the incident's names only when it sees all of the incident, whether the
// word is rare (looked up first) or not.
func TestTextFilterAudiences(t *testing.T) {
	s, m, orgs := markedStore(t)
	by := func(tlp model.TLP) string { return m.ByMarking[tlp].Incident }
	all := []string{by(model.TLPClear), by(model.TLPGreen), by(model.TLPAmber), by(model.TLPAmberStrict), by(model.TLPRed)}
	for _, c := range []struct {
		name string
		aud  store.Audience
		want map[string][]string // q: incidents
	}{
		{"everyone", store.FullAudience(), map[string][]string{
			"FIELD NO": {m.Mixed}, "varnholt": {m.Mixed}, "saltmarsh": {m.Mixed}, "eskerholt": {by(model.TLPRed)},
			"desk report detention": all, "zzqx": nil,
		}},
		{"org A", store.MemberAudience(orgs[m.OrgA]), map[string][]string{
			"FIELD NO": {m.Mixed}, "varnholt": {m.Mixed}, "saltmarsh": {m.Mixed}, "eskerholt": {by(model.TLPRed)},
			"desk report detention": all, "zzqx": nil,
		}},
		{"org B", store.MemberAudience(orgs[m.OrgB]), map[string][]string{
			"FIELD NO": nil, "varnholt": {m.Mixed}, "saltmarsh": nil, "eskerholt": nil,
			"desk report detention": {by(model.TLPClear), by(model.TLPGreen)}, "zzqx": nil,
		}},
		{"org A's alert deliveries", store.DeliveryAudience(orgs[m.OrgA]), map[string][]string{
			"FIELD NO": nil, "varnholt": {m.Mixed}, "saltmarsh": nil, "eskerholt": nil,
			"desk report detention": all[:4], "zzqx": nil,
		}},
		{"anonymous", store.PublicAudience(), map[string][]string{
			"FIELD NO": nil, "varnholt": {m.Mixed}, "saltmarsh": nil, "eskerholt": nil,
			"desk report detention": {by(model.TLPClear)}, "zzqx": nil,
		}},
	} {
		ctx := store.WithAudience(context.Background(), c.aud)
		for q, want := range c.want {
			t.Run(c.name+"/"+q, func(t *testing.T) {
				incs, _, err := s.Incidents(ctx, store.IncidentQuery{Q: q, Brief: true})
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, inc := range incs {
					got = append(got, inc.ID)
				}
				slices.Sort(got)
				want = slices.Sorted(slices.Values(want))
				if !slices.Equal(got, want) {
					t.Errorf("found %q, want %q", got, want)
				}
			})
		}
	}
}

// TestTextFilterCommonWords: over more incidents than a word may match and still be looked up
// first, common words (checked on each incident), rare ones (looked up) and both together find
// what the words' definition does, page after page.
func TestTextFilterCommonWords(t *testing.T) {
	ctx := context.Background()
	s, err := store.Open(ctx, filepath.Join(t.TempDir(), "many.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := storetest.SeedMany(ctx, s, 1_500); err != nil {
		t.Fatal(err)
	}
	every, _, err := s.Incidents(ctx, store.IncidentQuery{})
	if err != nil {
		t.Fatal(err)
	}
	// matches is the text filter's definition, over what the generator stores.
	matches := func(inc model.Incident, q string) bool {
		names := strings.ToLower(strings.Join(append([]string{inc.Facility, inc.Place.Name, inc.Place.Admin1, inc.Place.Country, string(inc.Type)},
			inc.Perpetrators...), " | "))
		for _, w := range strings.Fields(strings.ToLower(q)) {
			if !strings.Contains(names, w) && !strings.Contains(strings.ToLower(inc.Documents[0].Title), w) {
				return false
			}
		}
		return true
	}
	for _, q := range []string{"prison", "PRISON report", "report 11", "prison 11", "ReporT 1", "Front 7", "zzqx prison", "a"} {
		t.Run(q, func(t *testing.T) {
			var want []string
			for _, inc := range every {
				if matches(inc, q) {
					want = append(want, inc.ID)
				}
			}
			var got []string
			cursor := ""
			for {
				page, next, err := s.Incidents(ctx, store.IncidentQuery{Q: q, Limit: 400, Cursor: cursor})
				if err != nil {
					t.Fatal(err)
				}
				for _, inc := range page {
					got = append(got, inc.ID)
				}
				if cursor = next; cursor == "" {
					break
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("found %d incidents, want %d", len(got), len(want))
			}
			totals, err := s.IncidentTotals(ctx, store.IncidentQuery{Q: q})
			if err != nil || totals.Incidents != len(want) {
				t.Errorf("totals count %d (%v), want %d", totals.Incidents, err, len(want))
			}
		})
	}
}
