package export

import (
	"fmt"
	"strings"

	"github.com/wallwatch/wallwatch/internal/model"
)

// stixCampaign is a wave: a campaign found by statistics rather than named by its authors.
type stixCampaign struct {
	common
	Name               string        `json:"name"`
	Description        string        `json:"description"`
	FirstSeen          string        `json:"first_seen"`
	LastSeen           string        `json:"last_seen"`
	ExternalReferences []externalRef `json:"external_references"`
}

// addWave adds a wave holding any exported incident as a `campaign` whose description gives the
// test and its p-value, `related-to` from each of its exported incidents (the wave is a
// statistical finding, not a claim of common authorship) and `attributed-to` each actor family
// two or more of its incidents share.
func (b *stixBuilder) addWave(w model.Wave, exported map[string]bool) {
	var members []string
	b.current = 0 // a wave is learnt from all its incidents: it carries the most restrictive marking
	for _, id := range w.Incidents {
		if exported[id] {
			members = append(members, stixID("incident", id))
			b.current = max(b.current, b.ranks[id])
		}
	}
	if len(members) == 0 {
		return
	}
	id := stixID("campaign", "wave:"+w.ID)
	at := stixTime(w.End)
	b.objects[id] = stixCampaign{
		common: common{Type: "campaign", SpecVersion: "2.1", ID: id, Created: at, Modified: at, CreatedByRef: producerID,
			ObjectMarkingRefs: b.markingRefs(b.current)},
		Name:        WaveName(w),
		Description: waveDescription(w),
		FirstSeen:   stixTime(w.Start), LastSeen: at,
		ExternalReferences: []externalRef{{SourceName: "wallwatch", ExternalID: w.ID,
			Description: "wave found by " + w.Method.Name + ": " + w.Method.Reference}},
	}
	for _, m := range members {
		b.relate(m, "related-to", id, w.End)
	}
	for _, family := range w.Shared {
		b.relate(id, "attributed-to", b.addNamed("threat-actor", family, w.End), w.End)
	}
}

// WaveName names a wave by its period, countries and group: "Wave of 2013-07-21 to 2013-07-30
// (IQ, LY, PK)"; a wave of one actor family or country ends with ", Islamic State".
func WaveName(w model.Wave) string {
	name := "Wave of " + w.Start.Format(model.DateLayout) + " to " + w.End.Format(model.DateLayout)
	if len(w.Countries) > 0 {
		name += " (" + strings.Join(w.Countries, ", ") + ")"
	}
	if w.Group != "" {
		name += ", " + w.Group
	}
	return name
}

func waveDescription(w model.Wave) string {
	m := w.Method
	return fmt.Sprintf("%d incidents in %d days where the baseline rate predicts %.2f (log-likelihood ratio %.2f, Monte Carlo p = %.3f "+
		"over %d replications, seed %d; windows up to %d days, at least %d incidents, %d incidents from %s to %s).",
		w.Observed, int(w.End.Sub(w.Start).Hours()/24)+1, w.Expected, w.LLR, w.PValue, m.Replications, m.Seed,
		m.WindowDays, m.MinIncidents, m.StudyIncidents, m.Since.Format(model.DateLayout), m.Until.Format(model.DateLayout))
}
