package link

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// randomMentions makes n mentions over a few towns, facilities, dates, types and perpetrators,
// so that many pairs are compatible and many are not.
func randomMentions(rng *rand.Rand, n int) []model.Mention {
	towns := []string{"Mareva", "Osterby", "Hask"}
	facilities := []string{"", "Kolondo prison", "Kolondo central prison", "Ivers jail", "Mareva prison"}
	types := []model.EventType{model.FacilityAttack, model.MassEscape, model.ThwartedAttack, model.Riot, ""}
	perps := [][]string{nil, {"Islamic State"}, {"Islamic State Khorasan Province"}, {"Taliban"}}
	precs := []model.Precision{model.PrecisionDay, model.PrecisionDay, model.PrecisionDay, model.PrecisionWeek, model.PrecisionMonth}
	base := time.Date(2020, 10, 1, 0, 0, 0, 0, time.UTC)
	var out []model.Mention
	for i := range n {
		m := model.Mention{
			DocumentID:   fmt.Sprintf("d%02d", rng.IntN(n/2+1)),
			Index:        i,
			Type:         types[rng.IntN(len(types))],
			Perpetrators: perps[rng.IntN(len(perps))],
			Facility:     facilities[rng.IntN(len(facilities))],
			Place:        model.Place{Country: "XA", Name: towns[rng.IntN(len(towns))], Precision: model.GeoPlace},
			Date:         model.Date{Start: base.AddDate(0, 0, rng.IntN(40)), Precision: precs[rng.IntN(len(precs))]},
		}
		if m.Date.Precision == model.PrecisionMonth {
			m.Date.Start = time.Date(m.Date.Start.Year(), m.Date.Start.Month(), 1, 0, 0, 0, 0, time.UTC)
		}
		if rng.IntN(6) == 0 {
			m.Facility, m.Place = "", model.Place{Country: "XA", Precision: model.GeoCountry}
		}
		out = append(out, m)
	}
	return out
}

func TestClusterOrderIndependence(t *testing.T) {
	for seed := range uint64(5) {
		rng := rand.New(rand.NewPCG(seed, 7))
		ms := randomMentions(rng, 40)
		want := Cluster(ms, isFamily)
		wantKeys, wantIDs := groupKeys(want), clusterIDs(want)
		for i := range 50 {
			rng.Shuffle(len(ms), func(a, b int) { ms[a], ms[b] = ms[b], ms[a] })
			got := Cluster(ms, isFamily)
			if groupKeys(got) != wantKeys || !slices.Equal(clusterIDs(got), wantIDs) {
				t.Fatalf("seed %d shuffle %d: got %s, want %s", seed, i, groupKeys(got), wantKeys)
			}
		}
		checkClusters(t, ms, want)
	}
}

func clusterIDs(cs [][]model.Mention) []string {
	var ids []string
	for _, c := range cs {
		ids = append(ids, Build(c, nil, isFamily).ID)
	}
	return ids
}

// checkClusters asserts the invariants: every mention in exactly one group, no group with two
// mentions of one document, every pair of precise mentions in a group compatible.
func checkClusters(t *testing.T, ms []model.Mention, cs [][]model.Mention) {
	t.Helper()
	seen := map[string]bool{}
	for _, c := range cs {
		docs := map[string]bool{}
		for i, m := range c {
			if seen[Key(m)] || docs[m.DocumentID] {
				t.Fatalf("mention %s repeated or its document twice in %s", Key(m), groupKeys([][]model.Mention{c}))
			}
			seen[Key(m)], docs[m.DocumentID] = true, true
			for _, o := range c[i+1:] {
				pm, po := newProfile(m, isFamily), newProfile(o, isFamily)
				if _, ok := compare(&pm, &po); !ok && !pm.coarse && !po.coarse {
					t.Errorf("incompatible %s and %s in one group", Key(m), Key(o))
				}
			}
		}
	}
	if len(seen) != len(uniqueSorted(ms)) {
		t.Errorf("got %d mentions in groups, want %d", len(seen), len(uniqueSorted(ms)))
	}
}

func TestClusterDropsRepeatedKeys(t *testing.T) {
	m := mention(t, "a#0 type=riot date=2020-05-01 country=XA place=Gu")
	got := Cluster([]model.Mention{m, m}, nil)
	if len(got) != 1 || len(got[0]) != 1 {
		t.Errorf("got %s, want one group of one", groupKeys(got))
	}
	if got := Cluster(nil, nil); len(got) != 0 {
		t.Errorf("got %d groups for no mentions, want 0", len(got))
	}
}

// BenchmarkCluster measures what the pipeline pays per new mention: one new mention clustered
// with N candidate mentions of the same country and date window.
func BenchmarkCluster(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		b.Run(fmt.Sprintf("N=%d", n), func(b *testing.B) {
			rng := rand.New(rand.NewPCG(1, 2))
			ms := append(candidateMentions(rng, n), model.Mention{
				DocumentID: "new", Type: model.FacilityAttack, Facility: "Kel3 prison",
				Place: model.Place{Country: "XA", Name: "Vor3", Precision: model.GeoFacility},
				Date:  model.Date{Start: time.Date(2020, 10, 15, 0, 0, 0, 0, time.UTC), Precision: model.PrecisionDay},
			})
			b.ResetTimer()
			for b.Loop() {
				Cluster(ms, isFamily)
			}
		})
	}
}

// candidateMentions are n mentions of about n/3 incidents spread over 90 days in one country,
// each incident told by about three documents, as a store query would return them.
func candidateMentions(rng *rand.Rand, n int) []model.Mention {
	base := time.Date(2020, 9, 1, 0, 0, 0, 0, time.UTC)
	incidents := max(1, n/3)
	out := make([]model.Mention, 0, n)
	for i := range n {
		inc := rng.IntN(incidents)
		out = append(out, model.Mention{
			DocumentID: fmt.Sprintf("doc%05d", i),
			Type:       model.FacilityAttack,
			Facility:   fmt.Sprintf("Kel%d prison", inc%50),
			Place:      model.Place{Country: "XA", Name: fmt.Sprintf("Vor%d", inc%50), Precision: model.GeoFacility},
			Date:       model.Date{Start: base.AddDate(0, 0, inc*90/incidents+rng.IntN(2)), Precision: model.PrecisionDay},
		})
	}
	return out
}
