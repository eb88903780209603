package store

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// TestWaveDigest checks that a digest is returned only while the waves stored with it are the
// stored ones, and that waves and digest are replaced together: two processes refreshing in the
// same second leave one run's waves with that run's digest, never with the other's.
func TestWaveDigest(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	at := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	run := model.WaveAnalysis{ComputedAt: at}
	steps := []struct {
		name string
		do   func() error
		want string
	}{
		{"no waves, no digest", func() error { return nil }, ""},
		{"waves with their digest", func() error { return s.ReplaceDigestedWaves(ctx, run, "d1") }, "d1"},
		{"another run's waves without one, the same second", func() error { return s.ReplaceWaves(ctx, run) }, ""},
		{"another run's waves with its own, the same second", func() error { return s.ReplaceDigestedWaves(ctx, run, "d2") }, "d2"},
		{"waves of another run", func() error { return s.ReplaceWaves(ctx, model.WaveAnalysis{ComputedAt: at.Add(time.Hour)}) }, ""},
	}
	for _, st := range steps {
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if got, err := s.WaveDigest(ctx); err != nil || got != st.want {
			t.Errorf("%s: digest %q, %v; want %q", st.name, got, err, st.want)
		}
	}
}

// TestWaveInputsBackfilled stores incidents, then makes the store one from before migration 0022
// and opens it again: the narrow rows the migration fills from the incidents' data must give the
// same wave inputs as those written with the incidents, lists with characters JSON may escape
// either way among them.
func TestWaveInputsBackfilled(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "w.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	day := time.Date(2013, 7, 21, 0, 0, 0, 0, time.UTC)
	incs := []model.Incident{
		{ID: "inc-a", Type: model.MassEscape, Date: model.Date{Start: day, Precision: model.PrecisionDay}, Place: model.Place{Country: "IQ"},
			Facility: "Abu Ghraib prison", Perpetrators: []string{"Islamic State of Iraq", "Q&A <Brigade>"}, Methods: []string{"vbied", "suicide_attack"},
			Campaigns: []string{"Breaking the Walls"}},
		{ID: "inc-b", Type: model.FacilityAttack, Date: model.Date{Start: day.AddDate(0, 0, 6), Precision: model.PrecisionDay}},
		{ID: "inc-c", Type: model.FacilityAttack, Date: model.Date{Start: day, Precision: model.PrecisionMonth}},
	}
	err = s.InTx(ctx, func(tx *Tx) error {
		for _, inc := range incs {
			if err := tx.PutIncident(ctx, inc); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	types := []model.EventType{model.FacilityAttack, model.MassEscape}
	want, err := s.WaveInputs(ctx, types)
	if err != nil || len(want) != 2 {
		t.Fatalf("wave inputs %+v, %v: want the two incidents dated to the day", want, err)
	}
	for _, q := range []string{`DROP TABLE wave_inputs`, `DROP INDEX incident_claims_perpetrator`, // wave_citations went in 0025
		`DELETE FROM schema_migrations WHERE version = 22`} {
		if _, err := s.write.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	s.Close()
	if s, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.WaveInputs(ctx, types)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("wave inputs after the migration filled them:\ngot  %+v, %v\nwant %+v", got, err, want)
	}
}

// TestWaveInputsOfFirstDecision: an incident started and decided in one batch (StartIncident,
// then FirstDecision, which writes its row without putIncidentRow) has its wave inputs too.
func TestWaveInputsOfFirstDecision(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	day := time.Date(2016, 11, 27, 0, 0, 0, 0, time.UTC)
	inc := model.Incident{ID: "inc-new", Type: model.FacilityAttack, Date: model.Date{Start: day, Precision: model.PrecisionDay},
		Place: model.Place{Country: "XA"}, Facility: "Tarvo jail", Perpetrators: []string{"Red Hand"}}
	err = s.InTx(ctx, func(tx *Tx) error {
		window, err := tx.StartIncident(ctx, inc.ID, "doc#0", Window{Country: "XA", From: day, To: day})
		if err != nil {
			return err
		}
		return tx.FirstDecision(ctx, inc, nil, "doc#0", window)
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.WaveInputs(ctx, []model.EventType{model.FacilityAttack})
	if err != nil || len(got) != 1 || got[0].ID != inc.ID || got[0].Facility != inc.Facility {
		t.Fatalf("wave inputs %+v, %v: want the incident decided in its batch", got, err)
	}
}
