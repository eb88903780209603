package alert

import (
	"math"
	"testing"

	"github.com/wallwatch/wallwatch/internal/model"
)

func intp(n int) *int { return &n }

// invented is an invented incident: an attack on a jail in a made-up town.
func invented() model.Incident {
	return model.Incident{
		ID:   "inc1",
		Type: model.FacilityAttack,
		Place: model.Place{Country: "NG", Admin1: "Plateau", Name: "Tinville", Lat: 9.5, Lon: 8.9,
			Precision: model.GeoPlace},
		Facility:     "Tinville Medium Security Custodial Centre",
		Perpetrators: []string{"Invented Front"},
		Campaigns:    []string{"Operation Open Door"},
		Documents:    []model.DocumentRef{{ID: "a"}, {ID: "b"}, {ID: "c", DuplicateOf: "a"}},
		Metrics:      map[model.Metric]model.Estimate{model.Escaped: {Best: intp(120)}},
	}
}

func TestMatches(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    model.AlertFilter
		want bool
	}{
		{"empty filter", model.AlertFilter{}, true},
		{"country", model.AlertFilter{Countries: []string{"ng"}}, true},
		{"other country", model.AlertFilter{Countries: []string{"NE"}}, false},
		{"box around", model.AlertFilter{BBox: &[4]float64{8, 9, 10, 10}}, true},
		{"box elsewhere", model.AlertFilter{BBox: &[4]float64{0, 0, 1, 1}}, false},
		{"type", model.AlertFilter{Types: []model.EventType{model.MassEscape}}, false},
		{"actor", model.AlertFilter{Actors: []string{"invented front"}}, true},
		{"campaign", model.AlertFilter{Campaigns: []string{"Other"}}, false},
		{"facility word", model.AlertFilter{Facility: "custodial"}, true},
		{"escaped at least 100", model.AlertFilter{MinEscaped: 100}, true},
		{"escaped at least 200", model.AlertFilter{MinEscaped: 200}, false},
		{"two independent sources", model.AlertFilter{MinSources: 2}, true},
		{"three independent sources", model.AlertFilter{MinSources: 3}, false},
		{"precision admin1", model.AlertFilter{Precision: model.GeoAdmin1}, true},
		{"precision facility", model.AlertFilter{Precision: model.GeoFacility}, false},
	} {
		if got := Matches(tc.f, invented()); got != tc.want {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestDiff(t *testing.T) {
	before := snapshot{Best: map[model.Metric]int{model.Escaped: 100, model.Killed: 0}}
	now := snapshot{Best: map[model.Metric]int{model.Escaped: 130, model.Killed: 2, model.Wounded: 4},
		Contested: map[model.Metric]bool{model.Escaped: true}}
	got := diff(&before, now)
	want := []struct {
		kind    model.Change
		metric  model.Metric
		percent float64
	}{
		{model.ChangeEstimate, model.Escaped, 30},
		{model.ChangeContradiction, model.Escaped, 0},
		{model.ChangeEstimate, model.Killed, math.Inf(1)},
		{model.ChangeEstimate, model.Wounded, math.Inf(1)},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d changes %+v, want %d", len(got), got, len(want))
	}
	for i, w := range want {
		if got[i].kind != w.kind || got[i].metric != w.metric || got[i].percent != w.percent {
			t.Errorf("change %d: got %v %v %v, want %v %v %v", i, got[i].kind, got[i].metric, got[i].percent, w.kind, w.metric, w.percent)
		}
	}
	if d := diff(nil, now); len(d) != 1 || d[0].kind != model.ChangeNewIncident {
		t.Errorf("no snapshot: got %+v, want one new incident", d)
	}
	if d := diff(&now, now); len(d) != 0 {
		t.Errorf("unchanged: got %+v", d)
	}
}

func TestWants(t *testing.T) {
	estimate := func(pct float64) change { return change{kind: model.ChangeEstimate, percent: pct} }
	for _, tc := range []struct {
		rule model.AlertRule
		c    change
		want bool
	}{
		{model.AlertRule{}, change{kind: model.ChangeNewIncident}, true},
		{model.AlertRule{}, estimate(50), false},
		{model.AlertRule{Changes: []model.Change{model.ChangeEstimate}, MinChange: 20}, estimate(30), true},
		{model.AlertRule{Changes: []model.Change{model.ChangeEstimate}, MinChange: 20}, estimate(10), false},
		{model.AlertRule{Changes: []model.Change{model.ChangeEstimate}, MinChange: 20}, estimate(math.Inf(1)), true},
	} {
		if got := wants(tc.rule, tc.c); got != tc.want {
			t.Errorf("rule %v %v, change %v %v: got %v, want %v", tc.rule.Changes, tc.rule.MinChange, tc.c.kind, tc.c.percent, got, tc.want)
		}
	}
}
