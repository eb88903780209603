package cli

import (
	"strings"

	"github.com/wallwatch/wallwatch/internal/gazetteer"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/reference"
)

// nearPlaceKm is how close an incident must be to a place the query names to match it: a prison
// sits in or just outside the town it is named after.
const nearPlaceKm = 15

// textMatcher matches --q against incidents as a reader means it: every word as a part of a name
// or, after name folding, as a whole word (gazetteer.Fold: "Koutoukale" finds "Koutoukalé",
// "Sinaa" finds "al-Sina'a"), or the whole
// query as an actor by any alias and its organisation family ("ISIS" finds "Islamic State West
// Africa Province"), or as a town or neighbourhood by any of its names ("Ghwayran" finds the
// prison there).
type textMatcher struct {
	ref    reference.Data
	words  []string // folded
	lower  []string // as typed, lower-cased: a part of a word matches, as in the store's search
	actor  string
	places []gazetteer.Entry
}

func newTextMatcher(ref reference.Data, q string) textMatcher {
	m := textMatcher{ref: ref}
	for _, w := range strings.Fields(q) {
		if k := gazetteer.Fold(w); k != "" {
			m.words, m.lower = append(m.words, k), append(m.lower, strings.ToLower(w))
		}
	}
	if a, ok := ref.Actors.Lookup(q); ok {
		m.actor = a.Name
	}
	for _, e := range ref.Gazetteer.Lookup(q) {
		if strings.HasPrefix(e.Feature, "PPL") {
			m.places = append(m.places, e)
		}
	}
	return m
}

func (m textMatcher) matches(inc model.Incident) bool {
	if m.actor != "" {
		for _, p := range inc.Perpetrators {
			if m.ref.Actors.SameFamily(p, m.actor) {
				return true
			}
		}
	}
	if inc.Place.Precision != "" && inc.Place.Precision != model.GeoCountry {
		for _, e := range m.places {
			if model.DistanceKm(inc.Place.Lat, inc.Place.Lon, e.Lat, e.Lon) <= nearPlaceKm {
				return true
			}
		}
	}
	raw := strings.ToLower(strings.Join(names(inc), " "))
	folded := foldedWords(inc)
	for i, w := range m.words {
		if !folded[w] && !strings.Contains(raw, m.lower[i]) {
			return false
		}
	}
	return len(m.words) > 0
}

// foldedWords is the set of the folded words of an incident's names: a folded query word must be
// one of them, as a part of a folded word is too often another name ("sina" in "Sinaloa").
func foldedWords(inc model.Incident) map[string]bool {
	out := map[string]bool{}
	for _, p := range names(inc) {
		for _, w := range strings.Fields(p) {
			out[gazetteer.Fold(w)] = true
		}
	}
	return out
}

// names are the names of an incident a user might type, as the store's text search sees them.
func names(inc model.Incident) []string {
	parts := []string{inc.Facility, inc.Place.Name, inc.Place.Admin1, inc.Place.Country, string(inc.Type)}
	parts = append(parts, inc.Perpetrators...)
	parts = append(parts, inc.Campaigns...)
	for _, d := range inc.Documents {
		parts = append(parts, d.Title)
	}
	return parts
}
