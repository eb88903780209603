package pipeline

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
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
// costs one compact read of the study, not the test and the citation check.
func RefreshWaves(ctx context.Context, s *store.Store, family analyse.Family, params analyse.Params, now time.Time) (WaveRefresh, error) {
	params = params.WithDefaults()
	incs, err := s.WaveInputs(ctx, params.Types)
	if err != nil {
		return WaveRefresh{}, fmt.Errorf("refresh waves: %w", err)
	}
	previous, err := s.WaveAnalysis(ctx)
	if err != nil {
		return WaveRefresh{}, fmt.Errorf("refresh waves: %w", err)
	}
	digest := ""
	if params.Cites == nil { // a caller's own citation check is beyond the digest
		if digest, err = waveDigest(incs, family, params); err != nil {
			return WaveRefresh{}, fmt.Errorf("refresh waves: %w", err)
		}
		stored, err := s.WaveDigest(ctx)
		if err != nil {
			return WaveRefresh{}, fmt.Errorf("refresh waves: %w", err)
		}
		if stored == digest {
			return WaveRefresh{Analysis: previous, Kept: true}, nil
		}
		params.Cites = reportsCite(ctx, s)
	}
	a, err := detectAndStore(ctx, s, incs, family, params, digest, now)
	if err != nil {
		return WaveRefresh{}, err
	}
	return WaveRefresh{Analysis: a, New: newWaves(a, previous)}, nil
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

// newWaves lists the ids of a's waves the previous run did not have.
func newWaves(a, previous model.WaveAnalysis) []string {
	var out []string
	for _, w := range a.Waves {
		if !slices.ContainsFunc(previous.Waves, func(p model.Wave) bool { return p.ID == w.ID }) {
			out = append(out, w.ID)
		}
	}
	return out
}

// reportsCite finds, in the reports of one incident, the name of another's facility: reporters
// tying two incidents together ("fighters freed from X took part in Y"). A report of both
// incidents does not count (it merely covers both), nor does a facility named only by generic
// words ("central prison"). A report that cannot be read counts as not naming it.
func reportsCite(ctx context.Context, s *store.Store) analyse.Cites {
	texts := map[string]string{} // document id -> lower-cased text
	return func(from, to model.Incident) string {
		name := strings.ToLower(to.Facility)
		if !distinctive(name) {
			return ""
		}
		for _, d := range from.Documents[:min(len(from.Documents), maxCitingReports)] {
			if slices.ContainsFunc(to.Documents, func(r model.DocumentRef) bool { return r.ID == d.ID }) {
				continue
			}
			text, ok := texts[d.ID]
			if !ok {
				if t, err := s.DocumentText(ctx, d.ID); err == nil {
					text = strings.ToLower(t)
				}
				texts[d.ID] = text
			}
			if strings.Contains(text, name) {
				return fmt.Sprintf("a report of %s names %s", cmp.Or(from.Facility, from.ID), to.Facility)
			}
		}
		return ""
	}
}

// maxCitingReports is how many reports of an incident are read for the other's facility name: a
// story told thousands of times names it in its first reports if at all, and reading them all
// would hold every text of the record in memory.
const maxCitingReports = 50

// genericFacilityWords name no facility in particular.
var genericFacilityWords = map[string]bool{"prison": true, "jail": true, "gaol": true, "central": true, "correctional": true,
	"centre": true, "center": true, "custodial": true, "penitentiary": true, "facility": true, "detention": true, "the": true,
	"of": true, "maximum": true, "medium": true, "security": true, "district": true, "state": true, "federal": true,
	"national": true, "main": true, "new": true, "old": true, "city": true, "camp": true, "military": true, "police": true, "station": true}

// distinctive reports whether a facility name has a word of its own besides the generic ones.
func distinctive(name string) bool {
	for _, w := range strings.Fields(name) {
		if !genericFacilityWords[w] {
			return true
		}
	}
	return false
}
