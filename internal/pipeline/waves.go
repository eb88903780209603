package pipeline

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/wallwatch/wallwatch/internal/analyse"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

// WaveRefresh is the outcome of a run of wave detection over the store.
type WaveRefresh struct {
	Analysis model.WaveAnalysis
	New      []string // ids of the waves the previous run did not have: what an alert would announce
}

// RefreshWaves runs wave detection over every stored incident and stores the result in place of
// the previous run. It runs after ingest rather than inside each batch: the Monte Carlo test
// looks at the whole record, and once per ingest is enough.
func RefreshWaves(ctx context.Context, s *store.Store, family analyse.Family, params analyse.Params, now time.Time) (WaveRefresh, error) {
	incs, _, err := s.Incidents(ctx, store.IncidentQuery{})
	if err != nil {
		return WaveRefresh{}, fmt.Errorf("refresh waves: %w", err)
	}
	previous, err := s.WaveAnalysis(ctx)
	if err != nil {
		return WaveRefresh{}, fmt.Errorf("refresh waves: %w", err)
	}
	a, err := analyse.Detect(incs, family, params)
	if err != nil {
		return WaveRefresh{}, fmt.Errorf("refresh waves: %w", err)
	}
	a.ComputedAt = now.UTC()
	if err := s.ReplaceWaves(ctx, a); err != nil {
		return WaveRefresh{}, fmt.Errorf("refresh waves: %w", err)
	}
	r := WaveRefresh{Analysis: a}
	for _, w := range a.Waves {
		if !slices.ContainsFunc(previous.Waves, func(p model.Wave) bool { return p.ID == w.ID }) {
			r.New = append(r.New, w.ID)
		}
	}
	return r, nil
}
