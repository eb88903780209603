package store

import (
	"context"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// TestWaveDigest checks that a recorded digest is returned only while the waves it was recorded
// with are the stored ones.
func TestWaveDigest(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	at := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	steps := []struct {
		name string
		do   func() error
		want string
	}{
		{"no waves, no digest", func() error { return nil }, ""},
		{"digest without waves", func() error { return s.RecordWaveDigest(ctx, "d1", at) }, ""},
		{"waves of the digest's run", func() error { return s.ReplaceWaves(ctx, model.WaveAnalysis{ComputedAt: at}) }, "d1"},
		{"a new digest for them", func() error { return s.RecordWaveDigest(ctx, "d2", at) }, "d2"},
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
