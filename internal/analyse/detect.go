package analyse

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
	"slices"
	"sort"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// MethodName and MethodReference describe the test in every wave it finds.
const (
	MethodName      = "temporal-scan"
	MethodReference = "Kulldorff (1997) scan statistic on time, Poisson model with a constant baseline rate; Monte Carlo p-value (Dwass 1957)"
)

// maxLinkedIncidents bounds the links listed for one wave: up to this many incidents every pair
// is linked, beyond it only incidents next to each other in time (a wave of hundreds would
// otherwise list tens of thousands of pairs).
const maxLinkedIncidents = 40

const day = 24 * time.Hour

// Detect finds the waves among incidents: the windows of time whose incidents outnumber what the
// baseline rate predicts, significant at p.Alpha after accounting for every window scanned. Only
// incidents of p.Types dated to the day and inside the study period take part.
func Detect(incs []model.Incident, family Family, p Params) (model.WaveAnalysis, error) {
	p = p.withDefaults()
	if err := p.Validate(); err != nil {
		return model.WaveAnalysis{}, err
	}
	study := selectIncidents(incs, p)
	since, until := studyPeriod(study, p)
	method := model.WaveMethod{Name: MethodName, Reference: MethodReference, WindowDays: p.WindowDays,
		MinIncidents: p.MinIncidents, Alpha: p.Alpha, Replications: p.Replications, Seed: p.Seed,
		Since: since, Until: until, StudyIncidents: len(study), Types: p.Types}
	out := model.WaveAnalysis{Method: method, Waves: []model.Wave{}}
	length := int(until.Sub(since)/day) + 1
	if len(study) < p.MinIncidents || length < 2 {
		return out, nil
	}
	counts := make([]int, length)
	for _, inc := range study {
		counts[offset(inc, since)]++
	}
	var observed series
	seriesFromCounts(counts, &observed)
	sc := newScanner(len(study), length, p.WindowDays, p.MinIncidents)
	sig := newSignificance(replicateMaxima(sc, p.Replications, p.Seed, p.Workers))
	if c := sig.critical(p.Alpha); !math.IsInf(c, 1) {
		out.CriticalLLR = &c
	}
	for _, w := range sc.clusters(&observed) {
		pv := sig.pValue(w.llr)
		if pv > p.Alpha {
			break
		}
		out.Waves = append(out.Waves, buildWave(study, w, since, sc.expected[w.last-w.first+1], pv, method, family))
	}
	sort.Slice(out.Waves, func(i, j int) bool { return out.Waves[i].Start.After(out.Waves[j].Start) })
	return out, nil
}

// selectIncidents keeps the incidents the test can place on a day, in date then id order.
func selectIncidents(incs []model.Incident, p Params) []model.Incident {
	var out []model.Incident
	for _, inc := range incs {
		d := inc.Date
		if d.IsZero() || d.Precision != model.PrecisionDay || !slices.Contains(p.Types, inc.Type) ||
			(p.Since != nil && d.Start.Before(*p.Since)) || (p.Until != nil && d.Start.After(*p.Until)) {
			continue
		}
		out = append(out, inc)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Date.Start.Equal(out[j].Date.Start) {
			return out[i].Date.Start.Before(out[j].Date.Start)
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// studyPeriod is the baseline period: the one asked for, else the span of the incidents.
func studyPeriod(study []model.Incident, p Params) (time.Time, time.Time) {
	var since, until time.Time
	if len(study) > 0 {
		since, until = study[0].Date.Start, study[len(study)-1].Date.Start
	}
	if p.Since != nil {
		since = *p.Since
	}
	if p.Until != nil {
		until = *p.Until
	}
	return midnight(since), midnight(until)
}

func midnight(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func offset(inc model.Incident, since time.Time) int {
	return int(midnight(inc.Date.Start).Sub(since) / day)
}

// buildWave describes the incidents of window w.
func buildWave(study []model.Incident, w window, since time.Time, expected, pv float64, method model.WaveMethod, family Family) model.Wave {
	var members []model.Incident
	for _, inc := range study {
		if o := offset(inc, since); o >= w.first && o <= w.last {
			members = append(members, inc)
		}
	}
	wave := model.Wave{ID: waveID(members[0].ID), Start: since.AddDate(0, 0, w.first), End: since.AddDate(0, 0, w.last),
		Observed: w.n, Expected: expected, LLR: w.llr, PValue: pv, Method: method}
	familyCount := map[string]int{}
	for _, inc := range members {
		wave.Incidents = append(wave.Incidents, inc.ID)
		wave.Countries = appendNew(wave.Countries, inc.Place.Country)
		wave.Campaigns = appendNew(wave.Campaigns, inc.Campaigns...)
		fams := families(inc.Perpetrators, family)
		wave.Actors = appendNew(wave.Actors, fams...)
		for _, f := range uniq(fams) {
			familyCount[f]++
		}
	}
	for f, n := range familyCount {
		if n >= 2 {
			wave.Shared = append(wave.Shared, f)
		}
	}
	slices.Sort(wave.Countries)
	slices.Sort(wave.Actors)
	slices.Sort(wave.Shared)
	slices.Sort(wave.Campaigns)
	wave.Links = links(members, family, method.WindowDays)
	return wave
}

// links lists the evidence between every pair of a wave's incidents, or between neighbours in
// time when the wave is too large for every pair.
func links(members []model.Incident, family Family, windowDays int) []model.WaveLink {
	var out []model.WaveLink
	for i := range members {
		for j := i + 1; j < len(members); j++ {
			if len(members) > maxLinkedIncidents && j > i+1 {
				break
			}
			out = append(out, Link(members[i], members[j], family, windowDays))
		}
	}
	return out
}

// waveID derives a wave's id from its earliest incident, whose id is stable: the wave keeps its
// id as later incidents join it or its p-value changes.
func waveID(firstIncident string) string {
	h := sha256.Sum256([]byte("wave|" + firstIncident))
	return "wave-" + hex.EncodeToString(h[:6])
}

// appendNew appends the non-empty values list does not hold yet.
func appendNew(list []string, values ...string) []string {
	for _, v := range values {
		if v != "" && !slices.Contains(list, v) {
			list = append(list, v)
		}
	}
	return list
}

func uniq(values []string) []string { return appendNew(nil, values...) }
