package analyse

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// synthetic builds test records: incidents at given day offsets from a start date.
type synthetic struct {
	start time.Time
	incs  []model.Incident
}

func newSynthetic(start string) *synthetic {
	t, _ := time.Parse(model.DateLayout, start)
	return &synthetic{start: t}
}

// add appends an incident dayOffset days after the start.
func (s *synthetic) add(dayOffset int, country string, actors ...string) *synthetic {
	s.incs = append(s.incs, model.Incident{
		ID:           fmt.Sprintf("inc-%05d", len(s.incs)),
		Type:         model.FacilityAttack,
		Date:         model.Date{Start: s.start.AddDate(0, 0, dayOffset), Precision: model.PrecisionDay},
		Place:        model.Place{Country: country},
		Perpetrators: actors,
	})
	return s
}

// uniform adds n incidents on days drawn uniformly from [0, length).
func (s *synthetic) uniform(rng *rand.Rand, n, length int) *synthetic {
	for range n {
		s.add(rng.IntN(length), "XX")
	}
	return s
}

// plant adds n incidents on days drawn uniformly from [first, first+span).
func (s *synthetic) plant(rng *rand.Rand, n, first, span int) *synthetic {
	for range n {
		s.add(first+rng.IntN(span), "YY")
	}
	return s
}

// period is the study period [start, start+length-1], for Params.
func (s *synthetic) period(length int) (*time.Time, *time.Time) {
	until := s.start.AddDate(0, 0, length-1)
	return &s.start, &until
}
