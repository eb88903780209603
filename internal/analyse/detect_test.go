package analyse

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/wallwatch/wallwatch/internal/model"
)

// burstRecord is a record shaped like a decade of prison attacks: incidents months apart, and
// once three breakouts in three countries within ten days.
func burstRecord() *synthetic {
	s := newSynthetic("2012-01-01")
	for i, d := range []int{40, 300, 700, 1500, 2200, 2900, 3300} {
		s.add(d, []string{"AA", "BB", "CC"}[i%3], "Group A")
	}
	s.add(560, "DD", "Group B").add(566, "EE").add(569, "FF", "Group C")
	return s
}

func TestDetectFindsOneBurst(t *testing.T) {
	got, err := Detect(burstRecord().incs, nil, Params{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Waves) != 1 {
		t.Fatalf("%d waves, want 1: %+v", len(got.Waves), got.Waves)
	}
	w := got.Waves[0]
	if want := []string{"inc-00007", "inc-00008", "inc-00009"}; !slices.Equal(w.Incidents, want) {
		t.Errorf("wave incidents %v, want %v", w.Incidents, want)
	}
	if want := []string{"DD", "EE", "FF"}; !slices.Equal(w.Countries, want) {
		t.Errorf("countries %v, want %v", w.Countries, want)
	}
	if w.PValue > 0.01 || w.Observed != 3 || w.Expected >= 0.1 {
		t.Errorf("p = %v, observed %d, expected %v: want p ≤ 0.01, 3 observed, under 0.1 expected", w.PValue, w.Observed, w.Expected)
	}
	if got.Method.StudyIncidents != 10 || got.Method.Replications != 999 || got.Method.WindowDays != 30 {
		t.Errorf("method %+v: want the defaults and 10 incidents", got.Method)
	}
	if len(w.Links) != 3 {
		t.Errorf("%d links, want one per pair (3)", len(w.Links))
	}
}

func TestDetectIsReproducible(t *testing.T) {
	incs := burstRecord().incs
	a, _ := Detect(incs, nil, Params{Workers: 1})
	b, _ := Detect(incs, nil, Params{Workers: 2})
	if len(a.Waves) != 1 || len(b.Waves) != 1 || a.Waves[0].PValue != b.Waves[0].PValue || *a.CriticalLLR != *b.CriticalLLR {
		t.Errorf("one worker: %+v; two workers: %+v", a, b)
	}
}

func TestDetectLeavesOutWhatCannotBePlaced(t *testing.T) {
	s := burstRecord()
	s.incs[8].Date.Precision = model.PrecisionMonth // "in July": cannot be placed within the window
	got, err := Detect(s.incs, nil, Params{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Waves) != 0 || got.Method.StudyIncidents != 9 {
		t.Errorf("waves %v over %d incidents, want none over 9", got.Waves, got.Method.StudyIncidents)
	}
	s.incs[8].Date.Precision, s.incs[8].Type = model.PrecisionDay, model.Riot
	if got, _ := Detect(s.incs, nil, Params{}); len(got.Waves) != 0 {
		t.Errorf("a riot completed a wave of attacks: %v", got.Waves)
	}
}

func TestDetectRejectsBadParams(t *testing.T) {
	for _, p := range []Params{{WindowDays: -1}, {MinIncidents: 1}, {Alpha: 1.5}, {Replications: 9}, {Types: []model.EventType{"bombing"}}} {
		if _, err := Detect(nil, nil, p); err == nil {
			t.Errorf("Detect with %+v: no error", p)
		}
	}
}

func TestWaveIDIsStable(t *testing.T) {
	s := burstRecord()
	first, _ := Detect(s.incs, nil, Params{})
	s.add(571, "GG") // a fourth incident joins the wave
	second, _ := Detect(s.incs, nil, Params{})
	if len(first.Waves) != 1 || len(second.Waves) != 1 || first.Waves[0].ID != second.Waves[0].ID {
		t.Fatalf("waves %v then %v: want one wave keeping its id", first.Waves, second.Waves)
	}
	if n := len(second.Waves[0].Incidents); n != 4 {
		t.Errorf("%d incidents after the fourth joined, want 4", n)
	}
}

func TestLink(t *testing.T) {
	day := func(d int) model.Date { return newSynthetic("2020-01-01").add(d, "XX").incs[0].Date }
	family := func(a string) string {
		if strings.HasPrefix(a, "Group A") {
			return "Group A"
		}
		return a
	}
	claim := func(who string, role model.Role) map[model.Metric]model.Estimate {
		return map[model.Metric]model.Estimate{model.Escaped: {Claims: []model.Claim{{Claimant: who, ClaimantRole: role}}}}
	}
	tests := []struct {
		name      string
		a, b      model.Incident
		cites     Cites
		wantKinds []string
		want      float64
	}{
		{"time only", model.Incident{ID: "a", Date: day(0)}, model.Incident{ID: "b", Date: day(15)}, nil, []string{"time_gap"}, 0.5},
		{"same actor and methods", model.Incident{ID: "a", Date: day(0), Perpetrators: []string{"Group A"}, Methods: []string{"vbied", "rpg"}},
			model.Incident{ID: "b", Date: day(30), Perpetrators: []string{"Group A"}, Methods: []string{"vbied"}},
			nil, []string{"same_actor", "shared_method"}, 3.5},
		{"one family", model.Incident{ID: "a", Date: day(0), Perpetrators: []string{"Group A North"}},
			model.Incident{ID: "b", Date: day(30), Perpetrators: []string{"Group A South"}}, nil, []string{"same_family"}, 2},
		{"shared campaign", model.Incident{ID: "a", Date: day(0), Campaigns: []string{"Walls"}},
			model.Incident{ID: "b", Date: day(30), Campaigns: []string{"walls"}}, nil, []string{"shared_campaign"}, 4},
		{"campaign on one side", model.Incident{ID: "a", Date: day(0), Campaigns: []string{"Walls"}},
			model.Incident{ID: "b", Date: day(30)}, nil, []string{"named_campaign"}, 1},
		{"one outlet claims both", model.Incident{ID: "a", Date: day(0), Metrics: claim("Outlet", model.RolePerpetrator)},
			model.Incident{ID: "b", Date: day(30), Metrics: claim("outlet", model.RolePerpetrator)}, nil, []string{"same_claimant"}, 2},
		{"one newspaper reporting both is no link", model.Incident{ID: "a", Date: day(0), Metrics: claim("Daily", model.RoleMedia)},
			model.Incident{ID: "b", Date: day(30), Metrics: claim("Daily", model.RoleMedia)}, nil, nil, 0},
		{"a government is no outlet", model.Incident{ID: "a", Date: day(0), Metrics: claim("Ministry", model.RoleGovernment)},
			model.Incident{ID: "b", Date: day(30), Metrics: claim("Ministry", model.RoleGovernment)}, nil, nil, 0},
		{"a report of the later names the earlier", model.Incident{ID: "a", Date: day(0)}, model.Incident{ID: "b", Date: day(30)},
			func(from, to model.Incident) string {
				if from.ID == "b" {
					return "a report of b names a"
				}
				return ""
			}, []string{"cites"}, 1},
		{"one report, one day: a caution, no weight", model.Incident{ID: "a", Date: day(0), Documents: []model.DocumentRef{{ID: "d1"}}},
			model.Incident{ID: "b", Date: day(1), Documents: []model.DocumentRef{{ID: "d1"}, {ID: "d2"}}}, nil, []string{"same_reports", "time_gap"}, 0.97},
	}
	for _, tt := range tests {
		got := Link(tt.a, tt.b, family, tt.cites, 30)
		var kinds []string
		for _, e := range got.Evidence {
			kinds = append(kinds, e.Kind)
		}
		if !slices.Equal(kinds, tt.wantKinds) || got.Weight != tt.want {
			t.Errorf("%s: evidence %v weight %v, want %v weight %v", tt.name, kinds, got.Weight, tt.wantKinds, tt.want)
		}
	}
}

func TestDetectWithTooFewReplicationsForTheLevel(t *testing.T) {
	got, err := Detect(burstRecord().incs, nil, Params{Replications: 19, Alpha: 0.01})
	if err != nil {
		t.Fatal(err)
	}
	if got.CriticalLLR != nil || len(got.Waves) != 0 {
		t.Errorf("critical %v, waves %v: 19 replications cannot reach p ≤ 0.01, want no critical value and no wave", got.CriticalLLR, got.Waves)
	}
}

func TestDetectByFamily(t *testing.T) {
	s := newSynthetic("2012-01-01")
	for i := range 360 { // twenty groups taking turns, one incident every five days
		s.add(i*5+2, "AA", fmt.Sprintf("Group %02d", i%20))
	}
	s.add(905, "BB", "Group 07 North").add(906, "CC", "Group 07 South").add(908, "DD", "Group 07").add(909, "EE", "Group 07")
	s.add(910, "FF", "Group 07").add(911, "GG", "Group 07")
	family := func(a string) string { return strings.Fields(a)[0] + " " + strings.Fields(a)[1] }
	got, err := Detect(s.incs, family, Params{By: ByFamily})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Waves) != 1 || got.Waves[0].Group != "Group 07" || got.Method.Name != GroupMethodName || got.Method.By != "family" {
		t.Fatalf("waves %+v by %s/%s: want one wave of Group 07 by the permutation scan", got.Waves, got.Method.Name, got.Method.By)
	}
	if w := got.Waves[0]; len(w.Incidents) != 6 || !slices.Equal(w.Shared, []string{"Group 07"}) {
		t.Errorf("wave incidents %v shared %v: want the six of Group 07", w.Incidents, w.Shared)
	}
	if byTime, _ := Detect(s.incs, family, Params{}); len(byTime.Waves) != 0 {
		t.Errorf("by time: %+v; want none: six incidents in a week are not rare enough among one every five days", byTime.Waves)
	}
	if waveID("family", "Group B", "inc-1") == waveID("", "", "inc-1") {
		t.Errorf("a wave by family has the id of a wave by time from the same incident")
	}
	mixed := burstRecord() // the burst's three incidents have three different groups
	if got, _ := Detect(mixed.incs, nil, Params{By: ByFamily}); len(got.Waves) != 0 {
		t.Errorf("by family, a burst of three groups: %+v, want no wave", got.Waves)
	}
}
