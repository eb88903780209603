package api

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

func TestWaveScenarios(t *testing.T) {
	a := newTestAPI(t, nil)
	before := []scenario{
		{"no run yet", "GET", "/api/v1/waves", "", "/api/v1/waves", 200, func(t *testing.T, _ testAPI, r response) {
			v := r.json(t)
			if got := fmt.Sprint(path(v, "computed_at"), len(path(v, "waves").([]any))); got != "<nil> 0" {
				t.Errorf("computed_at, waves = %s, want <nil> 0", got)
			}
		}},
	}
	runScenarios(t, a, before)
	day := func(s string) time.Time { d, _ := time.Parse(model.DateLayout, s); return d }
	run := model.WaveAnalysis{
		Method: model.WaveMethod{Name: "temporal-scan", Reference: "Kulldorff 1997", WindowDays: 30, MinIncidents: 3, Alpha: 0.05,
			Replications: 999, Seed: 1, Since: day("2024-01-01"), Until: day("2024-12-31"), StudyIncidents: 8, Types: []model.EventType{model.FacilityAttack}},
		CriticalLLR: ptr(8.5), ComputedAt: day("2025-01-01"),
	}
	wave := model.Wave{ID: "wave-test", Start: day("2024-02-03"), End: day("2024-02-20"), Countries: []string{"BF", "ML", "NE"},
		Incidents: []string{a.fix.Incidents["gao"], a.fix.Incidents["tillaberi"], a.fix.Incidents["dori"]},
		Actors:    []string{"Sahel Liberation Army"}, Shared: []string{"Sahel Liberation Army"}, Observed: 3, Expected: 0.2, LLR: 9.1, PValue: 0.01,
		Links: []model.WaveLink{{A: a.fix.Incidents["gao"], B: a.fix.Incidents["tillaberi"], GapDays: 10, Weight: 3.67,
			Evidence: []model.LinkEvidence{{Kind: "same_actor", Detail: "both attributed to Sahel Liberation Army", Weight: 3}, {Kind: "time_gap", Detail: "10 days apart", Weight: 0.67}}}},
		Method: run.Method}
	run.Waves = []model.Wave{wave}
	if err := a.store.ReplaceWaves(context.Background(), run); err != nil {
		t.Fatal(err)
	}
	after := []scenario{
		{"list", "GET", "/api/v1/waves", "", "/api/v1/waves", 200, func(t *testing.T, _ testAPI, r response) {
			v := r.json(t)
			if got := fmt.Sprint(path(v, "waves", 0, "id"), path(v, "waves", 0, "p_value"), path(v, "method", "window_days"), path(v, "critical_llr")); got != "wave-test0.01 30 8.5" {
				t.Errorf("id, p, window, critical = %s", got)
			}
		}},
		{"one wave", "GET", "/api/v1/waves/wave-test", "", "/api/v1/waves/{id}", 200, func(t *testing.T, _ testAPI, r response) {
			v := r.json(t)
			if got := fmt.Sprint(path(v, "links", 0, "weight"), path(v, "links", 0, "evidence", 0, "kind")); got != "3.67same_actor" {
				t.Errorf("first link weight, evidence = %s", got)
			}
		}},
		{"unknown wave", "GET", "/api/v1/waves/wave-none", "", "/api/v1/waves/{id}", 404, nil},
		{"stray parameter", "GET", "/api/v1/waves?window=10", "", "/api/v1/waves", 400, wantParam("window")},
		{"stix carries the wave", "GET", "/api/v1/export.stix", "", "/api/v1/export.stix", 200, func(t *testing.T, _ testAPI, r response) {
			if !strings.Contains(string(r.body), `"name": "Wave of 2024-02-03 to 2024-02-20 (BF, ML, NE)"`) {
				t.Errorf("the STIX bundle has no campaign for the wave")
			}
		}},
	}
	runScenarios(t, a, after)
}

func ptr(v float64) *float64 { return &v }
