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
}

// RefreshWaves runs wave detection over every stored incident and stores the result in place of
// the previous run. It runs after ingest rather than inside each batch: the Monte Carlo test
// looks at the whole record, and once per ingest is enough.
func RefreshWaves(ctx context.Context, s *store.Store, family analyse.Family, params analyse.Params, now time.Time) (WaveRefresh, error) {
	// Brief incidents and the perpetrators' claims: the whole record's claims and histories would
	// cost memory and time in proportion to every report ever stored.
	incs, _, err := s.Incidents(ctx, store.IncidentQuery{Brief: true})
	if err != nil {
		return WaveRefresh{}, fmt.Errorf("refresh waves: %w", err)
	}
	claims, err := s.PerpetratorClaims(ctx)
	if err != nil {
		return WaveRefresh{}, fmt.Errorf("refresh waves: %w", err)
	}
	for i := range incs {
		for _, c := range claims[incs[i].ID] {
			e := incs[i].Metrics[c.Metric]
			e.Claims = append(e.Claims, c)
			incs[i].Metrics[c.Metric] = e
		}
	}
	previous, err := s.WaveAnalysis(ctx)
	if err != nil {
		return WaveRefresh{}, fmt.Errorf("refresh waves: %w", err)
	}
	if params.Cites == nil {
		params.Cites = reportsCite(ctx, s)
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
