package analyse

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// The tests, named and referenced in every wave they find.
const (
	MethodName           = "temporal-scan"
	MethodReference      = "Kulldorff (1997) scan statistic on time, Poisson model with a constant baseline rate; Monte Carlo p-value (Dwass 1957)"
	GroupMethodName      = "space-time-permutation-scan"
	GroupMethodReference = "Kulldorff et al. (2005) space-time permutation scan statistic, with groups in place of areas; Monte Carlo p-value (Dwass 1957)"
)

// maxLinkedIncidents bounds the links listed for one wave: up to this many incidents every pair
// is linked, beyond it only incidents next to each other in time (a wave of hundreds would
// otherwise list tens of thousands of pairs).
const maxLinkedIncidents = 40

const day = 24 * time.Hour

// Detect finds the waves among incidents: windows of time (of one group, when p.By names one)
// whose incidents outnumber what the null hypothesis predicts, significant at p.Alpha after
// accounting for every window scanned. Only incidents of p.Types dated to the day, inside the
// study period and (when grouped) with a group take part.
func Detect(incs []model.Incident, family Family, p Params) (model.WaveAnalysis, error) {
	p = p.WithDefaults()
	if err := p.Validate(); err != nil {
		return model.WaveAnalysis{}, err
	}
	st := newStudy(incs, family, p)
	since, until := studyPeriod(st.incs, p)
	method := model.WaveMethod{Name: MethodName, Reference: MethodReference, By: string(p.By), WindowDays: p.WindowDays,
		MinIncidents: p.MinIncidents, Alpha: p.Alpha, Replications: p.Replications, Seed: p.Seed,
		Since: since, Until: until, StudyIncidents: len(st.incs), Types: p.Types}
	if p.By != ByTime {
		method.Name, method.Reference = GroupMethodName, GroupMethodReference
	}
	out := model.WaveAnalysis{Method: method, Waves: []model.Wave{}}
	length := int(until.Sub(since)/day) + 1
	if len(st.incs) < p.MinIncidents || length < 2 {
		return out, nil
	}
	days := st.days(since)
	test := st.test(days, length, p)
	sig := newSignificance(replicateMaxima(test, p.Replications, p.Seed, p.Workers))
	critical := sig.critical(p.Alpha)
	if math.IsInf(critical, 1) {
		return out, nil
	}
	out.CriticalLLR = &critical
	for _, w := range test.clusters(critical) {
		pv := sig.pValue(w.llr)
		if pv > p.Alpha {
			break
		}
		out.Waves = append(out.Waves, st.wave(w, days, since, pv, method, family))
	}
	sort.SliceStable(out.Waves, func(i, j int) bool { return out.Waves[i].Start.After(out.Waves[j].Start) })
	return out, nil
}

// study is the incidents a test looks at, in date then id order, with the group of each.
type study struct {
	incs   []model.Incident
	labels []int    // index into groups
	groups []string // group names, sorted; one unnamed group when not grouped
	cites  Cites
}

// newStudy keeps the incidents the test can place on a day (and, when grouped, in a group).
func newStudy(incs []model.Incident, family Family, p Params) study {
	st := study{cites: p.Cites}
	var names []string
	for _, inc := range incs {
		d := inc.Date
		if d.IsZero() || d.Precision != model.PrecisionDay || !slices.Contains(p.Types, inc.Type) ||
			(p.Since != nil && d.Start.Before(*p.Since)) || (p.Until != nil && d.Start.After(*p.Until)) {
			continue
		}
		name, ok := groupOf(inc, family, p.By)
		if !ok {
			continue
		}
		st.incs = append(st.incs, inc)
		names = append(names, name)
	}
	order := make([]int, len(st.incs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { // generic, without sort.SliceStable's reflection: 100,000 incidents
		a, b := &st.incs[i], &st.incs[j]
		return cmp.Or(a.Date.Start.Compare(b.Date.Start), strings.Compare(a.ID, b.ID))
	})
	st.groups = slices.Compact(slices.Sorted(slices.Values(names)))
	sorted := make([]model.Incident, len(order))
	st.labels = make([]int, len(order))
	for i, k := range order {
		sorted[i] = st.incs[k]
		st.labels[i], _ = slices.BinarySearch(st.groups, names[k])
	}
	st.incs = sorted
	return st
}

// groupOf is the group an incident is scanned in: its actor family (the first in name order when
// it has several), its country, or one group for all. ok is false when it has none.
func groupOf(inc model.Incident, family Family, by Grouping) (string, bool) {
	switch by {
	case ByFamily:
		fams := Families(inc.Perpetrators, family)
		if len(fams) == 0 {
			return "", false
		}
		return slices.Min(fams), true
	case ByCountry:
		return inc.Place.Country, inc.Place.Country != ""
	}
	return "", true
}

// days is the day offset from since of each of the study's incidents, computed once: the
// waves' members are looked up in it (with 60,000 incidents and hundreds of waves, converting
// every incident's date for every wave cost a second).
func (st study) days(since time.Time) []int {
	days := make([]int, len(st.incs))
	for i, inc := range st.incs {
		days[i] = offset(inc, since)
	}
	return days
}

// test builds the scan statistic the parameters ask for over the study.
func (st study) test(days []int, length int, p Params) scanTest {
	if p.By != ByTime {
		return newGroupScan(days, st.labels, len(st.groups), length, p.WindowDays, p.MinIncidents)
	}
	counts := make([]int, length)
	for _, d := range days {
		counts[d]++
	}
	return newTemporalScan(counts, len(days), p.WindowDays, p.MinIncidents)
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

// wave describes the incidents of window w; days holds each incident's day offset from since.
func (st study) wave(w window, days []int, since time.Time, pv float64, method model.WaveMethod, family Family) model.Wave {
	var members []model.Incident
	for k, inc := range st.incs {
		if o := days[k]; o >= w.first && o <= w.last && st.labels[k] == w.group {
			members = append(members, inc)
		}
	}
	group := st.groups[w.group]
	wave := model.Wave{ID: waveID(method.By, group, members[0].ID), Group: group, Start: since.AddDate(0, 0, w.first),
		End: since.AddDate(0, 0, w.last), Observed: w.n, Expected: w.expected, LLR: w.llr, PValue: pv, Method: method}
	familyCount := map[string]int{}
	for _, inc := range members {
		wave.Incidents = append(wave.Incidents, inc.ID)
		wave.Countries = appendNew(wave.Countries, inc.Place.Country)
		wave.Campaigns = appendNew(wave.Campaigns, inc.Campaigns...)
		fams := Families(inc.Perpetrators, family)
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
	wave.Links = links(members, family, st.cites, method.WindowDays)
	return wave
}

// links lists the evidence between every pair of a wave's incidents, or between neighbours in
// time when the wave is too large for every pair.
func links(members []model.Incident, family Family, cites Cites, windowDays int) []model.WaveLink {
	var out []model.WaveLink
	for i := range members {
		for j := i + 1; j < len(members); j++ {
			if len(members) > maxLinkedIncidents && j > i+1 {
				break
			}
			out = append(out, Link(members[i], members[j], family, cites, windowDays))
		}
	}
	return out
}

// waveID derives a wave's id from its earliest incident, whose id is stable: the wave keeps its
// id as later incidents join it or its p-value changes. A grouped wave adds its grouping and group.
func waveID(by, group, firstIncident string) string {
	key := "wave|" + firstIncident
	if by != "" {
		key = "wave|" + by + "|" + group + "|" + firstIncident
	}
	h := sha256.Sum256([]byte(key))
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
