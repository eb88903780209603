package store

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

func TestWaves(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	before, err := s.WaveAnalysis(ctx)
	if err != nil || !before.ComputedAt.IsZero() || len(before.Waves) != 0 {
		t.Fatalf("before any run: %+v, %v; want an empty analysis", before, err)
	}
	day := func(s string) time.Time { d, _ := time.Parse(model.DateLayout, s); return d }
	run := model.WaveAnalysis{
		Method:      model.WaveMethod{Name: "temporal-scan", WindowDays: 30, Replications: 999},
		CriticalLLR: ptr(9.5),
		ComputedAt:  day("2024-01-02"),
		Waves: []model.Wave{
			{ID: "wave-old", Start: day("2013-07-21"), End: day("2013-07-30"), Incidents: []string{"i1", "i2", "i3"}, PValue: 0.002},
			{ID: "wave-new", Start: day("2020-08-02"), End: day("2020-08-20"), Incidents: []string{"i4", "i5", "i6"}, PValue: 0.03,
				Links: []model.WaveLink{{A: "i4", B: "i5", Evidence: []model.LinkEvidence{{Kind: "same_family", Weight: 2}}, Weight: 2}}},
		},
	}
	if err := s.ReplaceWaves(ctx, run); err != nil {
		t.Fatal(err)
	}
	got, err := s.WaveAnalysis(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, w := range got.Waves {
		ids = append(ids, w.ID)
	}
	if !slices.Equal(ids, []string{"wave-new", "wave-old"}) || *got.CriticalLLR != 9.5 || got.Method.Replications != 999 {
		t.Errorf("analysis %+v: want both waves, latest first, with the run's method", got)
	}
	w, err := s.Wave(ctx, "wave-new")
	if err != nil || len(w.Links) != 1 || w.Links[0].Evidence[0].Kind != "same_family" {
		t.Errorf("wave-new = %+v, %v", w, err)
	}
	if in, err := s.IncidentWaves(ctx, "i2"); err != nil || !slices.Equal(in, []string{"wave-old"}) {
		t.Errorf("waves of i2 = %v, %v", in, err)
	}
	run.Waves = run.Waves[1:]
	if err := s.ReplaceWaves(ctx, run); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Wave(ctx, "wave-old"); !errors.Is(err, ErrNotFound) {
		t.Errorf("a wave the new run did not find: %v, want ErrNotFound", err)
	}
	if in, _ := s.IncidentWaves(ctx, "i2"); len(in) != 0 {
		t.Errorf("incident i2 still in waves %v", in)
	}
}

func ptr(v float64) *float64 { return &v }

// TestWaveReportNames stores the citation check's answers and replaces them with another run's:
// what the later run did not ask is dropped, a changed answer replaced, a new one added.
func TestWaveReportNames(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	q := func(name, doc string) ReportName { return ReportName{Name: name, DocumentID: doc} }
	runs := []map[ReportName]bool{
		{q("amberfield prison", "d1"): true, q("amberfield prison", "d2"): false, q("cobalt ridge", "d1"): false},
		{q("amberfield prison", "d1"): true, q("cobalt ridge", "d1"): true, q("cobalt ridge", "d3"): false},
		{},
	}
	old := map[ReportName]bool{}
	for i, now := range runs {
		if err := s.ReplaceWaveReportNames(ctx, old, now); err != nil {
			t.Fatal(err)
		}
		got, err := s.WaveReportNames(ctx)
		if err != nil || !reflect.DeepEqual(got, now) {
			t.Fatalf("run %d: stored answers %v, %v; want %v", i, got, err, now)
		}
		old = got
	}
}
