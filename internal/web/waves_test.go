package web

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

func TestWavePages(t *testing.T) {
	site := newTestSite(t, true)
	if status, body := site.get(t, "/waves"); status != 200 || !strings.Contains(body, "wallwatch waves") {
		t.Errorf("/waves before any run: status %d; want 200 telling how to compute them", status)
	}
	day := func(s string) time.Time { d, _ := time.Parse(model.DateLayout, s); return d }
	method := model.WaveMethod{Name: "temporal-scan", Reference: "Kulldorff (1997)", WindowDays: 30, MinIncidents: 3, Alpha: 0.05,
		Replications: 999, Seed: 7, Since: day("2024-01-01"), Until: day("2024-12-31"), StudyIncidents: 8, Types: []model.EventType{model.FacilityAttack}}
	fix := site.fix.Incidents
	wave := model.Wave{ID: "wave-abc", Start: day("2024-02-03"), End: day("2024-02-20"), Countries: []string{"ML", "NE"},
		Incidents: []string{fix["gao"], fix["tillaberi"], "inc-gone"}, Shared: []string{"Sahel Liberation Army"},
		Observed: 3, Expected: 0.125, LLR: 9.1, PValue: 0.004, Method: method,
		Links: []model.WaveLink{{A: fix["gao"], B: fix["tillaberi"], GapDays: 10, Weight: 3.67, Evidence: []model.LinkEvidence{
			{Kind: "same_actor", Detail: "both attributed to <b>Sahel Liberation Army</b>", Weight: 3}, {Kind: "time_gap", Detail: "10 days apart", Weight: 0.67}}}}}
	run := model.WaveAnalysis{Method: method, CriticalLLR: ptr(8.25), ComputedAt: day("2025-01-01"), Waves: []model.Wave{wave}}
	if err := site.store.ReplaceWaves(context.Background(), run); err != nil {
		t.Fatal(err)
	}
	site.check(t, []pageCase{
		{"/waves", 200, []string{"Wave of 2024-02-03 to 2024-02-20 (ML, NE)", "0.004", "up to 30 days", "999 Monte Carlo replications, seed 7", "8.25", `href="/waves/wave-abc"`}},
		{"/waves/wave-abc", 200, []string{"3 incidents in 18 days", "p = 0.004", "&lt;b&gt;Sahel Liberation Army&lt;/b&gt;", "same actor, 3.00", "3.67",
			"1 incident of this wave changed", `class="chart strip"`, "α = 0.05", `aria-current="page">Waves`}},
		{"/waves/wave-none", 404, []string{"Nothing here"}},
		{"/incidents/" + fix["gao"], 200, []string{`<a href="/waves/wave-abc">wave-abc</a>`}},
	})
}

func ptr(v float64) *float64 { return &v }
