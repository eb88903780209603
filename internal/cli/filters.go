package cli

import (
	"flag"
	"fmt"
	"net/url"
	"strconv"

	"github.com/wallwatch/wallwatch/internal/api"
	"github.com/wallwatch/wallwatch/internal/reference"
	"github.com/wallwatch/wallwatch/internal/store"
)

// incidentFilters are the flags that choose incidents, shared by incidents and export. They mean
// what the API's query parameters of the same names mean, and are checked by the same code.
type incidentFilters struct {
	values    map[string]*string
	contested bool
	limit     int
}

// addIncidentFilters declares the filter flags on fs.
func addIncidentFilters(fs *flag.FlagSet) *incidentFilters {
	f := &incidentFilters{values: map[string]*string{}}
	for _, d := range []struct{ name, usage string }{
		{"country", "country by ISO 3166-1 alpha-2 `code` or name (NG, Nigeria, Niger, DRC)"},
		{"type", "incident `type`: facility_attack, mass_escape, riot, thwarted_attack or other_attack"},
		{"actor", "perpetrator `name` or alias (ISIS, Daesh and Islamic State are one)"},
		{"campaign", "campaign `name`"},
		{"q", "`words` the facility, place, actors or source titles must contain; spelling variants match (Koutoukale = Koutoukalé)"},
		{"since", "only incidents on or after `YYYY-MM-DD`"},
		{"until", "only incidents on or before `YYYY-MM-DD`"},
		{"bbox", "only incidents inside `minLon,minLat,maxLon,maxLat`"},
		{"sort", "order: date (newest first), -date (oldest first), escaped (most escaped first) or contested (contested first)"},
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
// actor alias to its canonical name. A wrong value is an error naming its flag.
func (f *incidentFilters) query(ref reference.Data) (store.IncidentQuery, error) {
	v := url.Values{}
	for name, p := range f.values {
		if *p != "" {
			v.Set(name, *p)
		}
	}
	if c := v.Get("country"); c != "" {
		code, ok := countryCode(ref, c)
		if !ok {
			return store.IncidentQuery{}, fmt.Errorf("--country %q: no country by that ISO code or name (try NG or Nigeria)", c)
		}
		v.Set("country", code)
	}
	if a := v.Get("actor"); a != "" {
		if e, ok := ref.Actors.Lookup(a); ok {
			v.Set("actor", e.Name)
		}
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
	return api.ParseIncidentQuery(v, api.Limits{})
}

// countryCode resolves an ISO alpha-2 code the gazetteer knows, or a country's name.
func countryCode(ref reference.Data, s string) (string, bool) {
	if info, ok := ref.Gazetteer.CountryInfo(s); ok && len(s) == 2 {
		return info.Code, true
	}
	return ref.Gazetteer.Country(s)
}
