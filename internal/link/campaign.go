package link

import (
	"sort"
	"strings"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// Campaigns collects the declared campaigns named by built incidents. Names are grouped by their
// folded form and shown in their most frequent spelling, spaces collapsed (ties: the first in
// name order). The declaring actor is the perpetrator family named by most of the campaign's
// incidents (ties: name order; "" when none names one). The period runs from the earliest
// incident start to the latest incident end (or start); incident ids are sorted. Campaigns come
// sorted by folded name.
func Campaigns(incs []model.Incident, fam Family) []model.Campaign {
	type acc struct {
		spellings map[string]int
		actors    map[string]int
		ids       []string
		start     *time.Time
		end       *time.Time
	}
	byName := map[string]*acc{}
	for _, inc := range incs {
		for _, name := range inc.Campaigns {
			key := CampaignKey(name)
			if key == "" {
				continue
			}
			a, ok := byName[key]
			if !ok {
				a = &acc{spellings: map[string]int{}, actors: map[string]int{}}
				byName[key] = a
			}
			a.spellings[strings.Join(strings.Fields(name), " ")]++
			for _, f := range families(inc.Perpetrators, fam) {
				a.actors[f]++
			}
			a.ids = append(a.ids, inc.ID)
			a.start, a.end = widen(a.start, a.end, inc.Date)
		}
	}
	keys := make([]string, 0, len(byName))
	for k := range byName {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]model.Campaign, 0, len(keys))
	for _, k := range keys {
		a := byName[k]
		sort.Strings(a.ids)
		out = append(out, model.Campaign{
			Name:     mostFrequent(a.spellings),
			Actor:    mostFrequent(a.actors),
			Start:    a.start,
			End:      a.end,
			Incident: compactStrings(a.ids),
		})
	}
	return out
}

// CampaignKey is the folded form of a campaign name: spellings with one key are one campaign.
func CampaignKey(name string) string { return strings.Join(foldTokens(name), " ") }

// widen extends a period to cover a date.
func widen(start, end *time.Time, d model.Date) (*time.Time, *time.Time) {
	if d.IsZero() {
		return start, end
	}
	s, e := d.Start, d.Start
	if d.End != nil && d.End.After(e) {
		e = *d.End
	}
	if start == nil || s.Before(*start) {
		start = &s
	}
	if end == nil || e.After(*end) {
		end = &e
	}
	return start, end
}

// mostFrequent returns the key with the largest count, ties by name order; "" for no keys.
func mostFrequent(counts map[string]int) string {
	best := ""
	for k, n := range counts {
		if best == "" || n > counts[best] || n == counts[best] && k < best {
			best = k
		}
	}
	return best
}
