package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
	"github.com/wallwatch/wallwatch/internal/store/storetest"
)

func seeded(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "q.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := storetest.Seed(context.Background(), s); err != nil {
		t.Fatalf("seed: %v", err)
	}
	return s
}

func TestIncidentFacets(t *testing.T) {
	s := seeded(t)
	for _, tc := range []struct {
		q                   store.IncidentQuery
		country, typ, actor string
	}{
		{store.IncidentQuery{}, "[NG:2 BF:1 CD:1 HT:1 ML:1 NE:1 PK:1]", "[facility_attack:4 mass_escape:2 riot:1 thwarted_attack:1]",
			"[Sahel Liberation Army:3 Benue Valley Brigade:1 Harbour Front Gangs:1 Mountain Path Movement:1]"},
		// A dimension is counted without its own filter, with the others.
		{store.IncidentQuery{Country: "NG"}, "[NG:2 BF:1 CD:1 HT:1 ML:1 NE:1 PK:1]", "[facility_attack:1 mass_escape:1]", "[Benue Valley Brigade:1]"},
		{store.IncidentQuery{Type: "riot"}, "[CD:1]", "[facility_attack:4 mass_escape:2 riot:1 thwarted_attack:1]", "[]"},
	} {
		f, err := s.IncidentFacets(context.Background(), tc.q, 10)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			name string
			got  []store.FacetCount
			want string
		}{{"country", f.Country, tc.country}, {"type", f.Type, tc.typ}, {"actor", f.Actor, tc.actor}} {
			if got := counts(c.got); got != c.want {
				t.Errorf("%+v %s facet = %s, want %s", tc.q, c.name, got, c.want)
			}
		}
	}
}

func counts(cs []store.FacetCount) string {
	var parts []string
	for _, c := range cs {
		parts = append(parts, fmt.Sprintf("%s:%d", c.Value, c.Count))
	}
	return fmt.Sprint(parts)
}

func TestMonthlyCountsAndTotals(t *testing.T) {
	s := seeded(t)
	months, err := s.MonthlyCounts(context.Background(), store.IncidentQuery{Actor: "Sahel Liberation Army"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := fmt.Sprint(months), "[{2024-02 1 150} {2024-04 1 45} {2024-06 1 71}]"; got != want {
		t.Errorf("monthly counts = %s, want %s", got, want)
	}
	totals, err := s.IncidentTotals(context.Background(), store.IncidentQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := fmt.Sprint(totals), "{8 7 1021 4}"; got != want {
		t.Errorf("totals = %s, want %s (incidents, countries, escaped, contested)", got, want)
	}
	contested, err := s.ContestedIncidents(context.Background(), 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(contested) != 2 || contested[0].Facility != "Dori Prison" {
		t.Errorf("contested = %d incidents, first %q; want the 2 newest, Dori Prison first", len(contested), contested[0].Facility)
	}
}

func TestActorCounts(t *testing.T) {
	s := seeded(t)
	got, err := s.ActorCounts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if want := "[Sahel Liberation Army:3 Benue Valley Brigade:1 Harbour Front Gangs:1 Mountain Path Movement:1]"; counts(got) != want {
		t.Errorf("actor counts = %s, want %s", counts(got), want)
	}
}

func TestCampaigns(t *testing.T) {
	ctx := context.Background()
	s := seeded(t)
	// An incident citing a campaign the linker has not recorded still lists it.
	err := s.InTx(ctx, func(tx *store.Tx) error {
		inc, err := s.Incident(ctx, mustIncident(t, s, "Butembo Central Prison"))
		if err != nil {
			return err
		}
		inc.Campaigns = []string{"Night of Fire"}
		return tx.PutIncident(ctx, inc)
	})
	if err != nil {
		t.Fatal(err)
	}
	cs, err := s.Campaigns(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range cs {
		got = append(got, fmt.Sprintf("%s %s %s..%s %d", c.Name, c.Actor, c.Start.Format(model.DateLayout), c.End.Format(model.DateLayout), len(c.Incident)))
	}
	if want := "[Open the Gates Sahel Liberation Army 2024-02-03..2024-06-09 3 Night of Fire  2023-11-20..2023-11-20 1]"; fmt.Sprint(got) != want {
		t.Errorf("campaigns = %v, want %s", got, want)
	}
	c, err := s.Campaign(ctx, "OPEN THE GATES")
	if err != nil || c.Name != "Open the Gates" {
		t.Errorf("Campaign(any case) = %q, %v", c.Name, err)
	}
	if _, err := s.Campaign(ctx, "none"); err == nil {
		t.Errorf("Campaign(unknown) found something")
	}
}

func mustIncident(t *testing.T, s *store.Store, facility string) string {
	t.Helper()
	incs, _, err := s.Incidents(context.Background(), store.IncidentQuery{Q: facility, Limit: 1})
	if err != nil || len(incs) == 0 {
		t.Fatalf("no incident at %s: %v", facility, err)
	}
	return incs[0].ID
}

// TestContestedFilterAndSort keeps to the incidents with disputed figures, or lists them first.
func TestContestedFilterAndSort(t *testing.T) {
	s := seeded(t)
	ctx := context.Background()
	only, _, err := s.Incidents(ctx, store.IncidentQuery{Contested: true})
	if err != nil {
		t.Fatal(err)
	}
	first, _, err := s.Incidents(ctx, store.IncidentQuery{Sort: "contested", Limit: len(only)})
	if err != nil {
		t.Fatal(err)
	}
	if len(only) == 0 || len(first) != len(only) {
		t.Fatalf("%d contested incidents, %d listed first; want the same, more than none", len(only), len(first))
	}
	for i := range only {
		if !isContested(only[i]) || !isContested(first[i]) {
			t.Errorf("incident %d: %s and %s, want both contested", i, only[i].ID, first[i].ID)
		}
	}
}

func isContested(inc model.Incident) bool {
	for _, e := range inc.Metrics {
		if e.Contested {
			return true
		}
	}
	return false
}

func TestSortByKilled(t *testing.T) {
	s := seeded(t)
	incs, _, err := s.Incidents(context.Background(), store.IncidentQuery{Sort: "killed"})
	if err != nil {
		t.Fatal(err)
	}
	last := -1
	for i, inc := range incs {
		n := 0
		if b := inc.Metrics[model.Killed].Best; b != nil {
			n = *b
		}
		if i > 0 && n > last {
			t.Errorf("%s (%d killed) after one with %d", inc.ID, n, last)
		}
		last = n
	}
}

// TestBriefIncidents checks that a brief page holds the same incidents, figures and document ids
// as a full one, without claims.
func TestBriefIncidents(t *testing.T) {
	s := seeded(t)
	ctx := context.Background()
	full, _, err := s.Incidents(ctx, store.IncidentQuery{})
	if err != nil {
		t.Fatal(err)
	}
	brief, _, err := s.Incidents(ctx, store.IncidentQuery{Brief: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(brief) != len(full) || len(full) == 0 {
		t.Fatalf("brief page of %d incidents, full page of %d", len(brief), len(full))
	}
	bare, _, err := s.Incidents(ctx, store.IncidentQuery{Brief: true, NoDocuments: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bare {
		if len(b.Documents) != 0 {
			t.Errorf("%s: %d documents without documents asked for", b.ID, len(b.Documents))
		}
	}
	for i, b := range brief {
		f := full[i]
		if b.ID != f.ID || len(b.Documents) != len(f.Documents) || len(b.Metrics) != len(f.Metrics) {
			t.Errorf("%s: brief %d documents and %d figures, full %d and %d", f.ID, len(b.Documents), len(b.Metrics), len(f.Documents), len(f.Metrics))
		}
		for m, e := range b.Metrics {
			fe := f.Metrics[m]
			if len(e.Claims) != 0 || figure(e) != figure(fe) {
				t.Errorf("%s %s: brief %+v, want the full estimate without claims", f.ID, m, e)
			}
		}
	}
}

// TestMapIncidents checks that the incidents a map reads from columns are those of the list, in
// its order, with the same type, date, place, facility and escaped figure.
func TestMapIncidents(t *testing.T) {
	s := seeded(t)
	ctx := context.Background()
	for _, q := range []store.IncidentQuery{{}, {Sort: "escaped"}, {Country: "NG"}} {
		full, _, err := s.Incidents(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		onMap, err := s.MapIncidents(ctx, q, len(full)+5)
		if err != nil {
			t.Fatal(err)
		}
		if len(onMap) != len(full) || len(full) == 0 {
			t.Fatalf("%+v: %d incidents on the map, %d in the list", q, len(onMap), len(full))
		}
		for i, m := range onMap {
			f := full[i]
			if m.ID != f.ID || m.Type != f.Type || !m.Date.Start.Equal(f.Date.Start) || fmt.Sprint(m.Date.End) != fmt.Sprint(f.Date.End) ||
				m.Date.Precision != f.Date.Precision || m.Place != placeOnMap(f.Place) || m.Facility != f.Facility ||
				figure(m.Metrics[model.Escaped]) != figure(escapedOnly(f.Metrics[model.Escaped])) {
				t.Errorf("%+v #%d: map %+v\nlist %+v", q, i, m, f)
			}
		}
	}
	if few, err := s.MapIncidents(ctx, store.IncidentQuery{}, 1); err != nil || len(few) != 1 {
		t.Errorf("a map of at most one incident: %d, %v", len(few), err)
	}
}

// placeOnMap is the part of a place a map reads: no GeoNames id, and no coordinates for a place
// without a precision (the list keeps them in its JSON, the columns do not).
func placeOnMap(p model.Place) model.Place {
	p.GeonameID = 0
	if p.Precision == "" {
		p.Lat, p.Lon = 0, 0
	}
	return p
}

// escapedOnly is the part of an escaped figure a map reads.
func escapedOnly(e model.Estimate) model.Estimate {
	return model.Estimate{Best: e.Best, Low: e.Low, High: e.High}
}

func figure(e model.Estimate) string {
	v := func(p *int) string {
		if p == nil {
			return "-"
		}
		return fmt.Sprint(*p)
	}
	return fmt.Sprintf("%s %s %s %v", v(e.Best), v(e.Low), v(e.High), e.Contested)
}

// TestChangeMark checks that the mark stays put while nothing changes and moves when a document
// is stored.
func TestChangeMark(t *testing.T) {
	s := seeded(t)
	ctx := context.Background()
	first, err := s.ChangeMark(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := s.ChangeMark(ctx); again != first {
		t.Errorf("mark moved from %q to %q with no change", first, again)
	}
	err = s.InTx(ctx, func(tx *store.Tx) error {
		return tx.InsertDocument(ctx, model.Document{ID: "mark-test", Source: "m.txt", Text: "A new report.", Raw: []byte("A new report."), ContentHash: "mark-test"})
	})
	if err != nil {
		t.Fatal(err)
	}
	if after, _ := s.ChangeMark(ctx); after == first {
		t.Errorf("mark %q did not move when a document was stored", after)
	}
}

// TestIncidentsUpdatedSince reads every incident from the empty mark, and from the mark it
// returns only those of the mark's second.
func TestIncidentsUpdatedSince(t *testing.T) {
	s := seeded(t)
	ctx := context.Background()
	all, mark, err := s.IncidentsUpdatedSince(ctx, "", 1000)
	if err != nil {
		t.Fatal(err)
	}
	n, err := s.CountIncidents(ctx)
	if err != nil || len(all) != n || n == 0 {
		t.Fatalf("updated since the start: %d ids (%v), want all %d", len(all), err, n)
	}
	last := 0
	for _, id := range all {
		if inc, err := s.Incident(ctx, id); err == nil && inc.UpdatedAt.UTC().Format(time.RFC3339) == mark {
			last++
		}
	}
	if ids, again, err := s.IncidentsUpdatedSince(ctx, mark, 1000); err != nil || len(ids) != last || last == 0 || again != mark {
		t.Errorf("updated since %q: %d ids, mark %q (%v), want the %d of that second and the same mark", mark, len(ids), again, err, last)
	}
	if first, _, _ := s.IncidentsUpdatedSince(ctx, "", 1); len(first) != 1 {
		t.Errorf("limit 1 gave %d ids", len(first))
	}
}

// TestDatePagesFollowTheWholeList: with a date filter the list sorts on the start date itself
// (its index serves the range); read a page of two at a time by cursor, it lists the same
// incidents in the same order as in one read, each within the range, dated and in date order.
func TestDatePagesFollowTheWholeList(t *testing.T) {
	s := seeded(t)
	ctx := context.Background()
	from, to := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name string
		q    store.IncidentQuery
	}{
		{"since, newest first", store.IncidentQuery{Since: &from}},
		{"until, newest first", store.IncidentQuery{Until: &to}},
		{"since and until, oldest first", store.IncidentQuery{Since: &from, Until: &to, Sort: "-date"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			whole, _, err := s.Incidents(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if len(whole) < 3 {
				t.Fatalf("%d incidents in the range, want at least 3 to page through", len(whole))
			}
			var paged []model.Incident
			q := tt.q
			q.Limit = 2
			for {
				page, next, err := s.Incidents(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				paged = append(paged, page...)
				if next == "" {
					break
				}
				q.Cursor = next
			}
			if len(paged) != len(whole) {
				t.Fatalf("paged %d incidents, want %d", len(paged), len(whole))
			}
			for i, inc := range paged {
				start := inc.Date.Start
				switch {
				case inc.ID != whole[i].ID:
					t.Errorf("page position %d: %s, want %s", i, inc.ID, whole[i].ID)
				case start.IsZero() || tt.q.Since != nil && start.Before(*tt.q.Since) || tt.q.Until != nil && start.After(*tt.q.Until):
					t.Errorf("%s starts %v, outside the range", inc.ID, start)
				case i > 0 && tt.q.Sort == "-date" && start.Before(paged[i-1].Date.Start),
					i > 0 && tt.q.Sort == "" && start.After(paged[i-1].Date.Start):
					t.Errorf("%s (%v) out of date order after %s (%v)", inc.ID, start, paged[i-1].ID, paged[i-1].Date.Start)
				}
			}
		})
	}
}
