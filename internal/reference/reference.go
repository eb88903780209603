// Package reference loads wallwatch's reference data — the gazetteer and the actor dictionary —
// once per process and adapts it to what the pure stages ask for.
package reference

import (
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"unicode"

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
	Lexicon   []extract.LexiconFile // the user's word files, merged over the built-in lexicons
	// Facilities are the user's known facilities, added to the built-in list.
	Facilities []extract.Facility
}

// Load reads the gazetteer (a user's imported file when configured, else the embedded one), the
// actor dictionary (the embedded one, extended by the user's file when configured) and the user's
// lexicon files and facility list when configured.
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
	if c.Lexicon != "" {
		if ref.Lexicon, err = readLexicon(c.Lexicon); err != nil {
			return ref, fmt.Errorf("load lexicon: %w", err)
		}
	}
	if c.Facilities != "" {
		if ref.Facilities, err = readFacilities(c.Facilities); err != nil {
			return ref, fmt.Errorf("load facilities: %w", err)
		}
	}
	return ref, nil
}

// readFacilities reads a user's facility list; its errors name the file and line.
func readFacilities(path string) ([]extract.Facility, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return extract.ParseFacilities(f, path)
}

// ExtractResources adapts the gazetteer and the actor dictionary to what extraction asks for.
func (r Data) ExtractResources() extract.Resources {
	return extract.Resources{
		Place:    r.place,
		Within:   r.within,
		Country:  r.Gazetteer.Country,
		Demonyms: r.Gazetteer.Demonyms,
		CountryPlace: func(code string) (model.Place, bool) {
			info, ok := r.Gazetteer.CountryInfo(code)
			if !ok {
				return model.Place{}, false
			}
			return model.Place{Country: info.Code, Lat: info.Lat, Lon: info.Lon, GeonameID: info.GeonameID, Precision: model.GeoCountry}, true
		},
		Region: r.region,
		Abbreviated: func(abbr string) (model.Place, bool) {
			e, ok := r.Gazetteer.Abbreviated(abbr)
			if !ok {
				return model.Place{}, false
			}
			return r.Gazetteer.ToPlace(e), true
		},
		Nesting:       r.nesting,
		CountryCode:   r.Gazetteer.CountryOfCode,
		DomainCountry: r.Gazetteer.CountryOfDomain,
		CountryName: func(code string) (string, bool) {
			info, ok := r.Gazetteer.CountryInfo(code)
			return info.Name, ok && info.Name != ""
		},
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
				for _, n := range m.Namesakes {
					out[i].Namesakes = append(out[i].Namesakes, extract.ActorMatch{Start: m.Start, End: m.End, Name: n.Name, Kind: n.Kind, Role: n.Role, Country: n.Country})
				}
			}
			return out
		},
		SameFamily: r.Actors.SameFamily,
		Parent: func(name string) string {
			e, _ := r.Actors.Lookup(name)
			return e.Parent
		},
		Lexicon:    r.Lexicon,
		Facilities: r.Facilities,
	}
}

// minForeignPopulation is the population a place outside the document's countries needs before a
// capitalised word is read as it: small foreign villages share names with every kind of word.
const minForeignPopulation = 100_000

// minCapitalPopulation is the population a foreign capital needs to be read from a capitalised word
// alone: the seats of the smallest territories share their names with common words ("Vale" of
// "Vale de Judeus" is an alternate name of The Valley, Anguilla).
const minCapitalPopulation = 10_000

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
	return r.placeOfKey(gazetteer.Fold(name), countries)
}

// placeOfKey is place for a name already folded with gazetteer.Fold.
func (r Data) placeOfKey(key string, countries []string) (model.Place, bool) {
	e, ok := r.Gazetteer.ResolveKey(key, countries)
	if !ok {
		return model.Place{}, false
	}
	return r.accept(key, e, countries)
}

// within returns a resolver of place names for a text that names the given divisions: a name
// takes the namesake lying in one of them ("Limoeiro, in Pernambuco" is not Limoeiro do Norte in
// Ceará), in the context countries when there are any; without such a namesake, it is place.
// The divisions are folded once, for all the text's names; a name is folded, and its namesakes
// lying in one of them are found, once too, since the text asks about a name again in each
// sentence's context. The resolver serves one text, and so one goroutine.
func (r Data) within(divisions []string) func(name string, countries []string) (model.Place, bool) {
	named := make(map[string]bool, len(divisions))
	// folds are the names folded so far: the divisions, which are the text's names and so most
	// of the names it asks about, and the namesakes' divisions, which the names of a text share.
	folds := make(map[string]string, len(divisions))
	fold := func(name string) string {
		f, ok := folds[name]
		if !ok {
			f = gazetteer.Fold(name)
			folds[name] = f
		}
		return f
	}
	for _, d := range divisions {
		named[fold(d)] = true
	}
	type namesakes struct {
		key    string            // the name folded
		inside []gazetteer.Entry // in Lookup's order
	}
	byName := map[string]namesakes{}
	return func(name string, countries []string) (model.Place, bool) {
		n, ok := byName[name]
		if !ok {
			n.key = fold(name)
			n.inside = r.namesakesInside(n.key, named, fold)
			byName[name] = n
		}
		for _, e := range n.inside {
			if len(countries) > 0 && !slices.Contains(countries, e.Country) {
				continue
			}
			if p, ok := r.accept(n.key, e, countries); ok {
				return p, true
			}
		}
		return r.placeOfKey(n.key, countries)
	}
}

// namesakesInside returns the places a folded name may be, in Lookup's order, that lie in a
// division whose folded name is in named and is not the name itself. fold is gazetteer.Fold,
// remembered for the text.
func (r Data) namesakesInside(self string, named map[string]bool, fold func(string) string) []gazetteer.Entry {
	var out []gazetteer.Entry
	for _, e := range r.Gazetteer.LookupKey(self) {
		for _, div := range []string{e.Admin1, e.Admin2} {
			f := fold(div)
			if div != "" && f != self && named[f] {
				out = append(out, e)
				break
			}
		}
	}
	return out
}

// accept applies the population policy to an entry resolved from a name folded to key: a place
// outside the context countries only when it is a capital, a province or a large city, and a
// province or a large city there only by its own name when the text has countries of its own
// (an alternate name in some language is too weak a sign against them: "Boni" is a village of
// the Sahel before it is Bonn, a prison town of one country no province of another); inside
// them, any town but a hamlet.
func (r Data) accept(key string, e gazetteer.Entry, countries []string) (model.Place, bool) {
	capital := e.Feature == "PPLC" && (e.Population == 0 || e.Population >= minCapitalPopulation)
	division := e.Feature == gazetteer.FeatureAdmin1 || e.Feature == gazetteer.FeatureCountry
	major := e.Population >= minForeignPopulation || capital || division || namedSeat(key, e)
	if !slices.Contains(countries, e.Country) {
		if !major || len(countries) > 0 && !capital && !ownName(key, e) && !(e.Population >= minForeignPopulation && otherScript(key)) {
			return model.Place{}, false
		}
	}
	if e.Population > 0 && e.Population < minLocalPopulation && !strings.HasPrefix(e.Feature, "PPLA") {
		return model.Place{}, false
	}
	return r.Gazetteer.ToPlace(e), true
}

// namedSeat reports the seat of a province whose own name has several words ("Salto del
// Guairá"): such a name is no common word, so the town is read abroad as a large city is.
func namedSeat(key string, e gazetteer.Entry) bool {
	return e.Feature == "PPLA" && strings.Contains(e.ASCIIName, " ") && ownName(key, e)
}

// otherScript reports a folded name written in a script other than Latin ("الحديدة", "Москва"): a
// large city's name in the script of the text's language is no word of another language, so it
// is read abroad as the city's own name is.
func otherScript(key string) bool {
	for _, r := range key {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return true
		}
	}
	return false
}

// ownName reports a folded name that is the entry's own name, not one of its alternate names; a
// division's name without its designator is its own too ("Al Mahrah" of "Al Mahrah Governorate").
func ownName(key string, e gazetteer.Entry) bool {
	if key == gazetteer.Fold(e.Name) || key == gazetteer.Fold(e.ASCIIName) {
		return true
	}
	short := gazetteer.ShortAdminName(e.Name)
	return e.Feature == gazetteer.FeatureAdmin1 && short != "" && key == gazetteer.Fold(short)
}

// nesting counts, per country, the names that are a place or division lying inside a division
// another name is (a town and its province, a district and its region), and returns the countries
// with such pairs, most first (then by the towns of note below). Place names shared by many countries ("San Isidro") rarely nest in
// another name of the same text in more than one of them (nested is true). Without any pair, it
// returns the countries of names that are a town of note in one country only (onlyCountry).
func (r Data) nesting(names []string) (countries []string, nested bool) {
	selves := make([]string, len(names))
	folded := make(map[string]bool, len(names))
	for i, n := range names {
		selves[i] = gazetteer.Fold(n)
		folded[selves[i]] = true
	}
	// A division's folds, its name's and its short name's, remembered for the call: a text's
	// names share their provinces.
	type divisionFolds struct{ name, short string }
	folds := map[string]divisionFolds{}
	foldsOf := func(div string) divisionFolds {
		f, ok := folds[div]
		if !ok {
			f = divisionFolds{gazetteer.Fold(div), gazetteer.Fold(gazetteer.ShortAdminName(div))}
			folds[div] = f
		}
		return f
	}
	in := func(f, self string) bool { return f != "" && f != self && folded[f] }
	pairs, unique := map[string]int{}, map[string]int{}
	var inside []string // the countries in which the name at hand nests
	for i, n := range names {
		self := selves[i]
		entries := r.Gazetteer.LookupKey(self)
		if c, ok := onlyCountry(entries); ok && r.notCommonWord(n) {
			unique[c]++
		}
		inside = inside[:0]
		for _, e := range entries {
			if slices.Contains(inside, e.Country) {
				continue
			}
			for _, div := range [...]string{e.Admin1, e.Admin2} {
				if div == "" {
					continue
				}
				if f := foldsOf(div); in(f.name, self) || in(f.short, self) {
					inside = append(inside, e.Country) // "Higüey, La Altagracia" nests in "La Altagracia Province"
					break
				}
			}
		}
		for _, c := range inside {
			pairs[c]++
		}
	}
	nested = len(pairs) > 0
	if !nested {
		pairs = unique
	}
	out := slices.Collect(maps.Keys(pairs))
	slices.SortFunc(out, func(a, b string) int {
		if pairs[a] != pairs[b] {
			return pairs[b] - pairs[a]
		}
		if unique[a] != unique[b] {
			return unique[b] - unique[a] // as many pairs: the country whose towns of note the text names
		}
		return strings.Compare(a, b)
	})
	return out, nested
}

// onlyCountry returns the country in which a name is the most important place: a national
// capital outranks an admin seat or a city of 100,000, which outranks a province, which outranks a
// district, a district's seat or a town of 10,000; smaller namesakes (the seat of a village
// commune) do not count. A tie between countries at the top
// rank leaves the name ambiguous.
func onlyCountry(entries []gazetteer.Entry) (string, bool) {
	best, country, tied := noteRanks, "", false
	for _, e := range entries {
		if e.Feature == gazetteer.FeatureCountry {
			return "", false
		}
		rank := noteRank(e)
		switch {
		case rank < best:
			best, country, tied = rank, e.Country, false
		case rank == best && rank < noteRanks && e.Country != country:
			tied = true
		}
	}
	return country, country != "" && !tied
}

// noteRanks is the rank of a place of no note: it votes for no country.
const noteRanks = 4

func noteRank(e gazetteer.Entry) int {
	switch {
	case e.Feature == "PPLC":
		return 0
	case e.Feature == "PPLA" || e.Population >= 100_000:
		return 1
	case e.Feature == gazetteer.FeatureAdmin1:
		return 2
	case e.Feature == "PPLA2" || e.Feature == gazetteer.FeatureAdmin2 || e.Population >= 10_000:
		return 3 // not the seat of a commune or a municipality below: most of them are villages
	}
	return noteRanks
}

// notCommonWord reports a name that is not a common word ("Justice", "Union"): such a word names
// a town only where the text is already known to be.
func (r Data) notCommonWord(name string) bool {
	_, ok := r.Gazetteer.Resolve(name, nil)
	return ok
}
