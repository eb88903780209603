package store

import (
	"context"
	"errors"
	"path/filepath"
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

// TestWaveReportNames numbers facility names and stores what the citation check found in
// reports, then replaces it with another run's: what the later run did not ask about is dropped,
// a changed answer replaced, a new one added.
func TestWaveReportNames(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	want := []string{"amberfield prison", "cobalt ridge", "ironwood jail"}
	for _, add := range [][]string{{"amberfield prison", "cobalt ridge"}, {"cobalt ridge", "ironwood jail"}, {"amberfield prison"}} {
		if numbered, err := s.NumberWaveNames(ctx, add); err != nil || !reflect.DeepEqual(numbered, want[:len(numbered)]) {
			t.Fatalf("numbering %v: %v, %v; want the first of %v", add, numbered, err, want)
		}
	}
	names, err := s.WaveNames(ctx)
	if err != nil || !reflect.DeepEqual(names, want) {
		t.Fatalf("wave names %v, %v; want %v", names, err, want)
	}
	runs := []map[string]ReportNames{
		{"d1": {Upto: 2, Found: []int{1, 2}}, "d2": {Upto: 2}, "d3": {Upto: 1, Found: []int{1}}},
		{"d1": {Upto: 2, Found: []int{1, 2}}, "d2": {Upto: 3, Found: []int{3}}, "d4": {Upto: 3}},
		{},
	}
	old := map[string]ReportNames{}
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

// TestReportNamesHolds answers from what a report was searched for only.
func TestReportNamesHolds(t *testing.T) {
	r := ReportNames{Upto: 3, Found: []int{1, 3}}
	for _, c := range []struct {
		number        int
		found, search bool
	}{{1, true, true}, {2, false, true}, {3, true, true}, {4, false, false}} {
		if found, searched := r.Holds(c.number); found != c.found || searched != c.search {
			t.Errorf("holds name %d: %v, %v; want %v, %v", c.number, found, searched, c.found, c.search)
		}
	}
}

// TestNumberWaveNamesOfTwoStores: two processes refreshing the waves of one file number names
// one after the other, each after what the other numbered, never one number twice.
func TestNumberWaveNamesOfTwoStores(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "w.db")
	var stores [2]*Store
	for i := range stores {
		s, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		stores[i] = s
	}
	if _, err := stores[0].NumberWaveNames(ctx, []string{"amberfield prison"}); err != nil {
		t.Fatal(err)
	}
	got, err := stores[1].NumberWaveNames(ctx, []string{"cobalt ridge"})
	if want := []string{"amberfield prison", "cobalt ridge"}; err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("numbered by the second store: %v, %v; want %v", got, err, want)
	}
}
