// Package reference loads wallwatch's reference data — the gazetteer and the actor dictionary —
// once per process and adapts it to what the pure stages ask for.
package reference

import (
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/wallwatch/wallwatch/internal/actors"
	"github.com/wallwatch/wallwatch/internal/config"
	"github.com/wallwatch/wallwatch/internal/extract"
	"github.com/wallwatch/wallwatch/internal/gazetteer"
	"github.com/wallwatch/wallwatch/internal/model"
)

// Data is the reference data every stage reads.
type Data struct {
	Gazetteer *gazetteer.Gazetteer
	Actors    *actors.Dictionary
}

// Load reads the gazetteer (a user's imported file when configured, else the embedded one) and the
// actor dictionary (the embedded one, extended by the user's file when configured).
func Load(c config.Config) (Data, error) {
	var ref Data
	var err error
	if c.Gazetteer != "" {
		ref.Gazetteer, err = gazetteer.LoadFile(c.Gazetteer)
	} else {
		ref.Gazetteer, err = gazetteer.Load()
	}
	if err != nil {
		return ref, fmt.Errorf("load gazetteer: %w", err)
	}
	if c.Actors == "" {
		ref.Actors, err = actors.Load()
	} else {
		f, ferr := os.Open(c.Actors)
		if ferr != nil {
			return ref, fmt.Errorf("load actors: %w", ferr)
		}
		defer f.Close()
		ref.Actors, err = actors.LoadWith(actors.File{Name: c.Actors, Reader: f})
	}
	if err != nil {
		return ref, fmt.Errorf("load actors: %w", err)
	}
	return ref, nil
}

// ExtractResources adapts the gazetteer and the actor dictionary to what extraction asks for.
func (r Data) ExtractResources() extract.Resources {
	return extract.Resources{
		Place:   r.place,
		Country: r.Gazetteer.Country,
		CountryPlace: func(code string) (model.Place, bool) {
			info, ok := r.Gazetteer.CountryInfo(code)
			if !ok {
				return model.Place{}, false
			}
			return model.Place{Country: info.Code, Lat: info.Lat, Lon: info.Lon, GeonameID: info.GeonameID, Precision: model.GeoCountry}, true
		},
		Region: r.region,
		Capital: func(code string) (model.Place, bool) {
			info, ok := r.Gazetteer.CountryInfo(code)
			if !ok || info.Capital == "" {
				return model.Place{}, false
			}
			return r.place(info.Capital, []string{code})
		},
		Actors: func(text string) []extract.ActorMatch {
			ms := r.Actors.Find(text)
			out := make([]extract.ActorMatch, len(ms))
			for i, m := range ms {
				out[i] = extract.ActorMatch{Start: m.Start, End: m.End, Name: m.Actor.Name, Kind: m.Actor.Kind, Role: m.Role, Country: m.Actor.Country}
			}
			return out
		},
		SameFamily: r.Actors.SameFamily,
	}
}

// minForeignPopulation is the population a place outside the document's countries needs before a
// capitalised word is read as it: small foreign villages share names with every kind of word.
const minForeignPopulation = 100_000

// minLocalPopulation is the population a place inside the context countries needs unless it is an
// administrative seat: hamlets are named after everything.
const minLocalPopulation = 1_000

// region resolves a first-level division by name, in the earliest listed country that has one.
func (r Data) region(name string, countries []string) (model.Place, bool) {
	var best *gazetteer.Entry
	bestRank := len(countries) + 1
	entries := r.Gazetteer.Lookup(name)
	for i := range entries {
		e := &entries[i]
		if e.Feature != gazetteer.FeatureAdmin1 {
			continue
		}
		rank := len(countries)
		if k := slices.Index(countries, e.Country); k >= 0 {
			rank = k
		}
		if rank < bestRank {
			best, bestRank = e, rank
		}
	}
	if best == nil {
		return model.Place{}, false
	}
	return r.Gazetteer.ToPlace(*best), true
}

// place resolves a place name, accepting a place outside the context countries only when it is
// a capital, a province or a large city.
func (r Data) place(name string, countries []string) (model.Place, bool) {
	e, ok := r.Gazetteer.Resolve(name, countries)
	if !ok {
		return model.Place{}, false
	}
	major := e.Population >= minForeignPopulation || e.Feature == "PPLC" || e.Feature == gazetteer.FeatureAdmin1 || e.Feature == gazetteer.FeatureCountry
	if !slices.Contains(countries, e.Country) && !major {
		return model.Place{}, false
	}
	if e.Population > 0 && e.Population < minLocalPopulation && !strings.HasPrefix(e.Feature, "PPLA") {
		return model.Place{}, false
	}
	return r.Gazetteer.ToPlace(e), true
}
