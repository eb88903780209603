package pipeline_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/analyse"
	"github.com/wallwatch/wallwatch/internal/ingest"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/pipeline"
	"github.com/wallwatch/wallwatch/internal/store"
	"github.com/wallwatch/wallwatch/internal/store/storetest"
)

// TestSeedsHoldOneWaveOfBreakouts ingests the shared seeds, which tell of prison breakouts over
// a decade, and requires the analysis to find exactly one wave in July 2013: breakouts in three
// countries within ten days, the events INTERPOL asked its members about.
func TestSeedsHoldOneWaveOfBreakouts(t *testing.T) {
	dir, _ := filepath.Abs("../../../shared/corpus/seeds")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared corpus seeds not found at %s; skipping", dir)
	}
	var docs []model.Document
	loader := ingest.NewLoader(ingest.Options{}, nil)
	for _, path := range ingest.Expand([]string{dir}).Inputs {
		loader.Load(context.Background(), path, func(d model.Document) { docs = append(docs, d) }, func(err error) { t.Error(err) })
	}
	ctx := context.Background()
	s := openStore(t)
	if _, err := pipeline.New(s, realStages(t)).Add(ctx, docs); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	r, err := pipeline.RefreshWaves(ctx, s, nil, analyse.DefaultParams(), now)
	if err != nil {
		t.Fatal(err)
	}
	a := r.Analysis
	if len(r.New) != len(a.Waves) {
		t.Errorf("first run: new waves %v, want all %d", r.New, len(a.Waves))
	}
	if again, err := pipeline.RefreshWaves(ctx, s, nil, analyse.DefaultParams(), now); err != nil || len(again.New) != 0 {
		t.Errorf("second run over the same incidents: new waves %v, %v; want none", again.New, err)
	}
	stored, err := s.WaveAnalysis(ctx)
	if err != nil || len(stored.Waves) != len(a.Waves) || !stored.ComputedAt.Equal(now) {
		t.Fatalf("stored analysis %+v, %v: want the run just made", stored, err)
	}
	var july []model.Wave
	for _, w := range a.Waves {
		if w.Start.Year() == 2013 && w.Start.Month() == time.July {
			july = append(july, w)
		}
	}
	if len(july) != 1 {
		t.Fatalf("%d waves in July 2013, want 1 (all waves: %+v)", len(july), a.Waves)
	}
	w := july[0]
	if len(w.Incidents) < 3 || len(w.Countries) < 3 || w.PValue > 0.05 || w.End.Sub(w.Start) > 10*24*time.Hour {
		t.Errorf("July 2013 wave: %d incidents in %v, p = %v, %s to %s; want 3 or more in 3 countries within 10 days, p ≤ 0.05",
			len(w.Incidents), w.Countries, w.PValue, w.Start.Format(model.DateLayout), w.End.Format(model.DateLayout))
	}
	for _, l := range w.Links {
		for _, e := range l.Evidence {
			t.Logf("%s – %s: %s (%s, %.2f)", l.A, l.B, e.Detail, e.Kind, e.Weight)
		}
	}
	t.Logf("July 2013 wave %s: %d incidents, %v, expected %.3f, LLR %.2f, p = %.3f over %d incidents",
		w.ID, len(w.Incidents), w.Countries, w.Expected, w.LLR, w.PValue, w.Method.StudyIncidents)
}

// BenchmarkRefreshWaves100k is wave detection after ingest as the store grows: reading 100,000
// stored incidents and testing them with 999 replications. "cpu-ms/op" is the CPU time of every
// thread (the replications run on all cores).
func BenchmarkRefreshWaves100k(b *testing.B) {
	benchmarkRefreshWaves(b, false)
}

// BenchmarkRefreshWaves100kUnchanged is the refresh after an ingest that changed nothing wave
// detection reads: the stored waves are kept.
func BenchmarkRefreshWaves100kUnchanged(b *testing.B) {
	benchmarkRefreshWaves(b, true)
}

func benchmarkRefreshWaves(b *testing.B, refreshed bool) {
	ctx := context.Background()
	s := openStore(b)
	if err := storetest.SeedMany(ctx, s, 100_000); err != nil {
		b.Fatal(err)
	}
	if refreshed {
		if _, err := pipeline.RefreshWaves(ctx, s, nil, analyse.DefaultParams(), time.Now()); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	cpu := cpuTime(b)
	for range b.N {
		r, err := pipeline.RefreshWaves(ctx, s, nil, analyse.DefaultParams(), time.Now())
		if err != nil {
			b.Fatal(err)
		}
		if r.Kept != refreshed {
			b.Fatalf("refresh kept the stored waves: %v, want %v", r.Kept, refreshed)
		}
	}
	b.ReportMetric(float64((cpuTime(b)-cpu).Milliseconds())/float64(b.N), "cpu-ms/op")
}

// BenchmarkRefreshWavesAfterChange is the refresh after an ingest call that changed part of the
// record, as after every call but the first: 20,000 generated incidents and three bursts of 40
// incidents told by ten reports each (waves whose reports name each other's facilities)
// refreshed once; then before each timed
// refresh another burst arrives and a report naming a facility joins the first incident of each
// stored wave. "cpu-ms/op" counts the refreshes only.
func BenchmarkRefreshWavesAfterChange(b *testing.B) {
	ctx := context.Background()
	s := openStore(b)
	if err := storetest.SeedMany(ctx, s, 20_000); err != nil {
		b.Fatal(err)
	}
	start := time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)
	for k := range 3 {
		storeStory(b, s, fmt.Sprintf("first%d", k), start.AddDate(0, 0, 90*k))
	}
	r, err := pipeline.RefreshWaves(ctx, s, nil, analyse.DefaultParams(), time.Now())
	if err != nil || len(r.Analysis.Waves) == 0 {
		b.Fatalf("first refresh: %d waves, %v; want the bursts", len(r.Analysis.Waves), err)
	}
	b.ResetTimer()
	var cpu time.Duration
	for i := range b.N {
		b.StopTimer()
		storeStory(b, s, fmt.Sprintf("call%d", i), start.AddDate(1, 0, 90*i))
		for k, w := range r.Analysis.Waves {
			next, err := s.Incident(ctx, w.Incidents[1])
			if err != nil {
				b.Fatal(err)
			}
			addReport(b, s, w.Incidents[0], fmt.Sprintf("bench-%04d-%03d", i, k), "The attack recalled the one on "+next.Facility+".")
		}
		b.StartTimer()
		before := cpuTime(b)
		if r, err = pipeline.RefreshWaves(ctx, s, nil, analyse.DefaultParams(), time.Now()); err != nil || r.Kept {
			b.Fatalf("refresh after the change: kept %v, %v; want a new run", r.Kept, err)
		}
		cpu += cpuTime(b) - before
	}
	b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
}

// storeStory stores a burst of 40 attacks over four days from start, each told by ten reports
// of about 2 KB, the first naming the next attack's facility; key keeps its ids and names apart
// from other bursts'.
func storeStory(tb testing.TB, s *store.Store, key string, start time.Time) {
	tb.Helper()
	ctx := context.Background()
	facility := func(k int) string { return fmt.Sprintf("%s Keep %d prison", key, k) }
	err := s.InTx(ctx, func(tx *store.Tx) error {
		for k := range 40 {
			inc := model.Incident{ID: fmt.Sprintf("inc-story-%s-%02d", key, k), Type: model.FacilityAttack, Facility: facility(k),
				Place: model.Place{Country: "XK"}, Date: model.Date{Start: start.AddDate(0, 0, k/10), Precision: model.PrecisionDay},
				Perpetrators: []string{"Story Brigade"}}
			for r := range 10 {
				id := fmt.Sprintf("story-%s-%02d-%d", key, k, r)
				text := fmt.Sprintf("Gunmen stormed %s at night. ", facility(k)) + strings.Repeat("Residents described gunfire and fires in the town. ", 40)
				if r == 0 {
					text += "The attack followed one on " + facility(k+1) + "."
				}
				pub := start.AddDate(0, 0, k/10+1)
				d := model.Document{ID: id, Source: id + ".txt", Text: text, Raw: []byte(text), ContentHash: "hash-" + id, Format: "text", Published: &pub, IngestedAt: pub}
				if err := tx.InsertDocument(ctx, d); err != nil {
					return err
				}
				inc.Documents = append(inc.Documents, model.DocumentRef{ID: id, Source: d.Source})
			}
			if err := tx.PutIncident(ctx, inc); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
}

// TestRefreshWavesFindsCitingReports stores a burst of three attacks among attacks years apart,
// one reported by an article that names the facility of another, and requires that citation in
// the wave's evidence, and none from the facility named only by generic words.
func TestRefreshWavesFindsCitingReports(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	day := func(d int) time.Time { return time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, d) }
	type story struct {
		day            int
		facility, text string
	}
	stories := []story{{0, "Old Mill prison", "Gunmen attacked the Old Mill prison."}, {700, "Central Prison", "A riot at the central prison."},
		{1400, "Stone Gate jail", "Inmates fled the Stone Gate jail."}, {2100, "Lakeside prison", "Attack on the Lakeside prison."},
		{1000, "Harbour Point prison", "Gunmen stormed the Harbour Point prison."}, {1003, "Central Prison", "Gunmen freed inmates of the central prison."},
		{1006, "River Bend jail", "Gunmen freed inmates of River Bend jail, days after the attack on Harbour Point prison and the central prison."}}
	err := s.InTx(ctx, func(tx *store.Tx) error {
		for i, st := range stories {
			id := fmt.Sprintf("doc-%d", i)
			pub := day(st.day + 1)
			d := model.Document{ID: id, Source: id + ".txt", Text: st.text, Raw: []byte(st.text), ContentHash: "hash-" + id, Format: "text", Published: &pub, IngestedAt: pub}
			if err := tx.InsertDocument(ctx, d); err != nil {
				return err
			}
			inc := model.Incident{ID: fmt.Sprintf("inc-%d", i), Type: model.FacilityAttack, Facility: st.facility,
				Date: model.Date{Start: day(st.day), Precision: model.PrecisionDay}, Documents: []model.DocumentRef{{ID: id, Source: d.Source}}}
			if err := tx.PutIncident(ctx, inc); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	r, err := pipeline.RefreshWaves(ctx, s, nil, analyse.DefaultParams(), day(3000))
	if err != nil || len(r.Analysis.Waves) != 1 {
		t.Fatalf("waves %+v, %v: want the burst", r.Analysis.Waves, err)
	}
	var cites []string
	for _, l := range r.Analysis.Waves[0].Links {
		for _, e := range l.Evidence {
			if e.Kind == "cites" {
				cites = append(cites, e.Detail)
			}
		}
	}
	if want := []string{"a report of River Bend jail names Harbour Point prison"}; !slices.Equal(cites, want) {
		t.Errorf("citations %q, want %q", cites, want)
	}
}
