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
	// Kept is true when nothing detection reads had changed since the stored run: its waves
	// (and its time) were kept, as a new run would have found the same.
	Kept bool
}

// RefreshWaves runs wave detection over every stored incident and stores the result in place of
// the previous run. It runs after ingest rather than inside each batch: the Monte Carlo test
// looks at the whole record, and once per ingest is enough. When the inputs have the digest of
// the stored run's, the stored waves are kept: an ingest that added nothing detection reads
// costs one compact read of the study, not the test and the citation check. Otherwise the
// citation check reuses the answers stored for each report and name (storedCitations), so that
// it reads only the reports no earlier run read for the name it looks for.
func RefreshWaves(ctx context.Context, s *store.Store, family analyse.Family, params analyse.Params, now time.Time) (WaveRefresh, error) {
	params = params.WithDefaults()
	incs, err := s.WaveInputs(ctx, params.Types)
	if err != nil {
		return WaveRefresh{}, fmt.Errorf("refresh waves: %w", err)
	}
	digest := ""
	var cites *storedCitations
	if params.Cites == nil { // a caller's own citation check is beyond the digest
		if digest, err = waveDigest(incs, family, params); err != nil {
			return WaveRefresh{}, fmt.Errorf("refresh waves: %w", err)
		}
		stored, err := s.WaveDigest(ctx)
		if err != nil {
			return WaveRefresh{}, fmt.Errorf("refresh waves: %w", err)
		}
		if stored == digest {
			return keptWaves(ctx, s)
		}
		if cites, err = newStoredCitations(ctx, s, incs); err != nil {
			return WaveRefresh{}, fmt.Errorf("refresh waves: %w", err)
		}
		defer cites.close()
		params.Cites = cites.check
	}
	previous, err := s.WaveIDs(ctx)
	if err != nil {
		return WaveRefresh{}, fmt.Errorf("refresh waves: %w", err)
	}
	a, err := detectAndStore(ctx, s, incs, family, params, digest, now)
	if err != nil {
		return WaveRefresh{}, err
	}
	if cites != nil {
		if err := cites.keep(ctx); err != nil {
			return WaveRefresh{}, fmt.Errorf("refresh waves: %w", err)
		}
	}
	return WaveRefresh{Analysis: a, New: newWaves(a, previous)}, nil
}

// keptWaves is the outcome of a refresh that keeps the stored run.
func keptWaves(ctx context.Context, s *store.Store) (WaveRefresh, error) {
	a, err := s.WaveAnalysis(ctx)
	if err != nil {
		return WaveRefresh{}, fmt.Errorf("refresh waves: %w", err)
	}
	return WaveRefresh{Analysis: a, Kept: true}, nil
}

// detectAndStore runs detection and stores its waves in place of the previous run's, with the
// digest of its inputs ("" for none) in the same transaction.
func detectAndStore(ctx context.Context, s *store.Store, incs []model.Incident, family analyse.Family, params analyse.Params, digest string, now time.Time) (model.WaveAnalysis, error) {
	a, err := analyse.Detect(incs, family, params)
	if err != nil {
		return a, fmt.Errorf("refresh waves: %w", err)
	}
	a.ComputedAt = now.UTC()
	if err := s.ReplaceDigestedWaves(ctx, a, digest); err != nil {
		return a, fmt.Errorf("refresh waves: %w", err)
	}
	return a, nil
}

// newWaves lists the ids of a's waves the previous run did not have (previous, sorted).
func newWaves(a model.WaveAnalysis, previous []string) []string {
	var out []string
	for _, w := range a.Waves {
		if _, found := slices.BinarySearch(previous, w.ID); !found {
			out = append(out, w.ID)
		}
	}
	return out
}
