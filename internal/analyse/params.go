package analyse

import (
	"errors"
	"fmt"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// Params are the settings of wave detection. Zero values take the defaults of DefaultParams.
type Params struct {
	WindowDays   int               // longest window scanned, in days
	MinIncidents int               // fewest incidents a wave holds
	Alpha        float64           // significance level a wave must reach
	Replications int               // Monte Carlo replications
	Seed         uint64            // seed of the replications: the same seed gives the same waves
	Since, Until *time.Time        // the baseline (study) period; nil: the span of the data
	Types        []model.EventType // incident types analysed
	By           Grouping          // what a wave's incidents must share besides time; ByTime: nothing
	Cites        Cites             // finds reports of one incident that name another; nil: not looked for
	Workers      int               // goroutines running replications; 0: one per CPU. Results do not depend on it
}

// Cites reports whether a report of incident from names incident to (its facility, say), and
// says how in words; "" when none does. It stands for what the issue calls escapees of one incident
// appearing in another: reporters tie the two together.
type Cites func(from, to model.Incident) string

// Grouping says what the incidents of a wave must share besides their time.
type Grouping string

// Groupings: ByTime is the scan statistic on time; the others the space-time permutation scan
// statistic with actor families or countries as the zones.
const (
	ByTime    Grouping = ""
	ByFamily  Grouping = "family"
	ByCountry Grouping = "country"
)

// DefaultParams are the settings wallwatch uses after ingest: a month-long window (INTERPOL's
// question was about breakouts within ten days), three incidents, α = 0.05 and 999 replications,
// the usual choice for a p-value resolution of 0.001 (Kulldorff 1997). Types are the attacks and
// breakouts themselves; riots and unrelated attacks are left out.
func DefaultParams() Params {
	return Params{
		WindowDays:   30,
		MinIncidents: 3,
		Alpha:        0.05,
		Replications: 999,
		Seed:         20130721,
		Types:        []model.EventType{model.FacilityAttack, model.MassEscape, model.ThwartedAttack},
	}
}

// WithDefaults fills zero fields from DefaultParams.
func (p Params) WithDefaults() Params {
	d := DefaultParams()
	if p.WindowDays == 0 {
		p.WindowDays = d.WindowDays
	}
	if p.MinIncidents == 0 {
		p.MinIncidents = d.MinIncidents
	}
	if p.Alpha == 0 {
		p.Alpha = d.Alpha
	}
	if p.Replications == 0 {
		p.Replications = d.Replications
	}
	if p.Seed == 0 {
		p.Seed = d.Seed
	}
	if len(p.Types) == 0 {
		p.Types = d.Types
	}
	return p
}

// Validate reports the first setting that cannot work.
func (p Params) Validate() error {
	switch {
	case p.WindowDays < 1:
		return fmt.Errorf("window %d days: want at least 1", p.WindowDays)
	case p.MinIncidents < 2:
		return fmt.Errorf("minimum incidents %d: a wave needs at least 2", p.MinIncidents)
	case p.Alpha <= 0 || p.Alpha >= 1:
		return fmt.Errorf("alpha %g: want a level between 0 and 1", p.Alpha)
	case p.Replications < 19:
		return fmt.Errorf("%d replications: want at least 19, or no p-value can fall below 0.05", p.Replications)
	case p.Workers < 0:
		return errors.New("workers: want 0 (one per CPU) or more")
	case p.By != ByTime && p.By != ByFamily && p.By != ByCountry:
		return fmt.Errorf("grouping %q: want family, country or none", p.By)
	case !knownTypes(p.Types):
		return fmt.Errorf("types %v: want facility_attack, mass_escape, riot, thwarted_attack or other_attack", p.Types)
	case p.Since != nil && p.Until != nil && p.Until.Before(*p.Since):
		return fmt.Errorf("baseline period ends (%s) before it starts (%s)", p.Until.Format(model.DateLayout), p.Since.Format(model.DateLayout))
	}
	return nil
}

func knownTypes(ts []model.EventType) bool {
	for _, t := range ts {
		if _, ok := t.Info(); !ok {
			return false
		}
	}
	return true
}
