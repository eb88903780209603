package alert

import (
	"math"
	"slices"
	"strings"

	"github.com/wallwatch/wallwatch/internal/model"
)

// Matches reports whether an incident passes a rule's filter.
func Matches(f model.AlertFilter, inc model.Incident) bool {
	switch {
	case len(f.Countries) > 0 && !slices.ContainsFunc(f.Countries, func(c string) bool { return strings.EqualFold(c, inc.Place.Country) }):
		return false
	case len(f.Types) > 0 && !slices.Contains(f.Types, inc.Type):
		return false
	case len(f.Actors) > 0 && !anyFold(f.Actors, inc.Perpetrators):
		return false
	case len(f.Campaigns) > 0 && !anyFold(f.Campaigns, inc.Campaigns):
		return false
	case f.Facility != "" && !strings.Contains(strings.ToLower(inc.Facility), strings.ToLower(f.Facility)):
		return false
	case f.BBox != nil && !inBox(*f.BBox, inc.Place):
		return false
	case f.MinEscaped > 0 && best(inc, model.Escaped) < f.MinEscaped:
		return false
	case f.MinSources > 0 && independentSources(inc) < f.MinSources:
		return false
	case f.Precision != "" && !atLeast(inc.Place.Precision, f.Precision):
		return false
	}
	return true
}

func anyFold(want, have []string) bool {
	return slices.ContainsFunc(want, func(w string) bool {
		return slices.ContainsFunc(have, func(h string) bool { return strings.EqualFold(w, h) })
	})
}

// inBox reports a located incident inside a bounding box (min lon, min lat, max lon, max lat).
func inBox(b [4]float64, p model.Place) bool {
	if p.Lat == 0 && p.Lon == 0 {
		return false
	}
	return p.Lon >= b[0] && p.Lat >= b[1] && p.Lon <= b[2] && p.Lat <= b[3]
}

// best is a figure's best estimate, -1 when unknown.
func best(inc model.Incident, m model.Metric) int {
	if e, ok := inc.Metrics[m]; ok && e.Best != nil {
		return *e.Best
	}
	return -1
}

// independentSources counts the incident's documents that are not near-duplicates of another.
func independentSources(inc model.Incident) int {
	n := 0
	for _, d := range inc.Documents {
		if d.DuplicateOf == "" {
			n++
		}
	}
	return n
}

// precisionRank orders precisions from finest (0) to coarsest; unknown is coarser than any.
var precisionRank = map[model.GeoPrecision]int{model.GeoFacility: 0, model.GeoPlace: 1, model.GeoAdmin1: 2, model.GeoCountry: 3}

func atLeast(have, want model.GeoPrecision) bool {
	h, ok := precisionRank[have]
	if !ok {
		return false
	}
	return h <= precisionRank[want]
}

// snapshot is what alerts remember of an incident to tell what changed: each figure's best
// estimate and whether the sources disagree on it.
type snapshot struct {
	Best      map[model.Metric]int  `json:"best,omitempty"`
	Contested map[model.Metric]bool `json:"contested,omitempty"`
}

func snapshotOf(inc model.Incident) snapshot {
	s := snapshot{Best: map[model.Metric]int{}, Contested: map[model.Metric]bool{}}
	for m, e := range inc.Metrics {
		if e.Best != nil {
			s.Best[m] = *e.Best
		}
		if e.Contested {
			s.Contested[m] = true
		}
	}
	return s
}

// change is one difference between an incident's snapshot and its present state.
type change struct {
	kind          model.Change
	metric        model.Metric
	before, after *int
	percent       float64 // for an estimate: how far it moved, in percent of before (+Inf from nothing)
}

// diff lists the changes from prev (nil: the incident is new) to now, metrics in display order.
func diff(prev *snapshot, now snapshot) []change {
	if prev == nil {
		return []change{{kind: model.ChangeNewIncident}}
	}
	var out []change
	for _, m := range model.Metrics {
		was, had := prev.Best[m]
		is, has := now.Best[m]
		if has && (!had || was != is) {
			c := change{kind: model.ChangeEstimate, metric: m, after: &is, percent: math.Inf(1)}
			if had {
				c.before = &was
				if was != 0 {
					c.percent = math.Abs(float64(is-was)) / float64(was) * 100
				}
			}
			out = append(out, c)
		}
		if now.Contested[m] && !prev.Contested[m] {
			out = append(out, change{kind: model.ChangeContradiction, metric: m, after: ptrIf(is, has)})
		}
	}
	return out
}

func ptrIf(v int, ok bool) *int {
	if !ok {
		return nil
	}
	return &v
}

// wants reports whether a rule announces a change.
func wants(r model.AlertRule, c change) bool {
	kinds := r.Changes
	if len(kinds) == 0 {
		kinds = []model.Change{model.ChangeNewIncident}
	}
	if !slices.Contains(kinds, c.kind) {
		return false
	}
	return c.kind != model.ChangeEstimate || c.percent > r.MinChange
}
