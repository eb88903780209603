package pipeline

import (
	"context"
	"fmt"
	"time"

	"github.com/wallwatch/wallwatch/internal/analyse"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

// RefreshWaves runs wave detection over every stored incident and stores the result in place of
// the previous run. It runs after ingest rather than inside each batch: the Monte Carlo test
// looks at the whole record, and once per ingest is enough.
func RefreshWaves(ctx context.Context, s *store.Store, family analyse.Family, params analyse.Params, now time.Time) (model.WaveAnalysis, error) {
	incs, _, err := s.Incidents(ctx, store.IncidentQuery{})
	if err != nil {
		return model.WaveAnalysis{}, fmt.Errorf("refresh waves: %w", err)
	}
	a, err := analyse.Detect(incs, family, params)
	if err != nil {
		return a, fmt.Errorf("refresh waves: %w", err)
	}
	a.ComputedAt = now.UTC()
	if err := s.ReplaceWaves(ctx, a); err != nil {
		return a, fmt.Errorf("refresh waves: %w", err)
	}
	return a, nil
}
