package store

import (
	"context"
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
