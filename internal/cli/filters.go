package cli

import (
	"flag"
	"fmt"
	"net/url"
	"strconv"

	"github.com/wallwatch/wallwatch/internal/api"
	"github.com/wallwatch/wallwatch/internal/gazetteer"
	"github.com/wallwatch/wallwatch/internal/reference"
	"github.com/wallwatch/wallwatch/internal/store"
)

// incidentFilters are the flags that choose incidents, shared by incidents and export. They mean
// what the API's query parameters of the same names mean, and are checked by the same code.
type incidentFilters struct {
	values    map[string]*string
	contested bool
	limit     int
	hidden    bool // include the incidents review hid (export --hidden)
}

// addIncidentFilters declares the filter flags on fs.
func addIncidentFilters(fs *flag.FlagSet) *incidentFilters {
	f := &incidentFilters{values: map[string]*string{}}
	for _, d := range []struct{ name, usage string }{
		{"country", "country by ISO 3166-1 alpha-2 `code` or name (NG, Nigeria, Niger, DRC)"},
		{"type", "incident `type`: facility_attack, mass_escape, riot, thwarted_attack or other_attack"},
		{"actor", "perpetrator `name` or alias (ISIS, Daesh and Islamic State are one)"},
		{"campaign", "campaign `name`"},
		{"facility", "facility `name` as incidents give it (the facilities page lists them)"},
		{"q", "`words` the facility, place, actors or source titles must contain; spelling variants match (Koutoukale = Koutoukalé)"},
		{"since", "only incidents on or after `YYYY-MM-DD`"},
		{"until", "only incidents on or before `YYYY-MM-DD`"},
		{"bbox", "only incidents inside `minLon,minLat,maxLon,maxLat`"},
		{"sort", "order: date (newest first), -date (oldest first), escaped, killed (most first) or contested (contested first)"},
	} {
		f.values[d.name] = fs.String(d.name, "", d.usage)
	}
	fs.BoolVar(&f.contested, "contested", false, "only incidents with a figure the sources disagree on")
	fs.IntVar(&f.limit, "limit", 0, "at most this many incidents (0: all)")
	return f
}

// needsReference reports whether resolving the filters needs the gazetteer and actor dictionary.
func (f *incidentFilters) needsReference() bool {
	return *f.values["country"] != "" || *f.values["actor"] != "" || *f.values["q"] != ""
}

// query checks the filters as the API does, after resolving a country name to its code and an
// actor alias to its canonical name (api.Names). A wrong value is an error naming its flag.
func (f *incidentFilters) query(ref reference.Data) (store.IncidentQuery, error) {
	v := url.Values{}
	for name, p := range f.values {
		if *p != "" {
			v.Set(name, *p)
		}
	}
	typed := v.Get("q")
	v, err := filterNames(ref).Resolve(v)
	if err != nil {
		return store.IncidentQuery{}, err
	}
	if typed != "" {
		v.Set("q", typed) // textMatcher knows more spellings than the store's search (matching)
	}
	if f.contested {
		v.Set("contested", "true")
	}
	if f.limit < 0 {
		return store.IncidentQuery{}, fmt.Errorf("--limit %d: want 0 (all) or more", f.limit)
	}
	if f.limit > 0 {
		v.Set("limit", strconv.Itoa(f.limit))
	}
	q, err := api.ParseIncidentQuery(v, api.Limits{})
	q.Hidden = f.hidden
	return q, err
}

// filterNames resolves country names and actor aliases with the reference data; without it
// (no filter needs it) values stay as typed.
func filterNames(ref reference.Data) api.Names {
	if ref.Gazetteer == nil || ref.Actors == nil {
		return api.Names{}
	}
	return api.Names{
		Country: func(s string) (string, bool) { return countryCode(ref, s) },
		Actor: func(s string) (string, bool) {
			e, ok := ref.Actors.Lookup(s)
			return e.Name, ok
		},
		Words: func(q string) string { return storedSpelling(ref, q) },
	}
}

// storedSpelling is q as the store spells it when q is an actor's alias (its canonical name) or
// a place's name without its diacritics or in another transliteration (the gazetteer's name);
// otherwise q itself.
func storedSpelling(ref reference.Data, q string) string {
	if e, ok := ref.Actors.Lookup(q); ok {
		return e.Name
	}
	for _, e := range ref.Gazetteer.Lookup(q) {
		if e.Name != q && gazetteer.Fold(e.Name) == gazetteer.Fold(q) {
			return e.Name
		}
	}
	return q
}

// countryCode resolves an ISO alpha-2 code the gazetteer knows, or a country's name.
func countryCode(ref reference.Data, s string) (string, bool) {
	if info, ok := ref.Gazetteer.CountryInfo(s); ok && len(s) == 2 {
		return info.Code, true
	}
	return ref.Gazetteer.Country(s)
}
