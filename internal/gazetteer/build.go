package gazetteer

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/wallwatch/wallwatch/internal/gazetteer/internal/compact"
)

// builder assembles a Gazetteer from compact records and the hand-made data files.
type builder struct {
	g       *Gazetteer
	noPoint map[int32]bool // admin entries still without a point
}

func newBuilder() *builder {
	return &builder{
		g: &Gazetteer{
			entries:   make([]Entry, 0, 300_000),
			index:     make(map[string][]int32, 500_000),
			common:    readCommonWords(commonWordsData),
			names:     map[string]string{},
			acronyms:  map[string]string{},
			countries: map[string]int32{},
			info:      map[string]CountryInfo{},
			admins:    map[string]int32{},
		},
		noPoint: map[int32]bool{},
	}
}

func (b *builder) addCountry(c compact.Country) error {
	e := Entry{GeonameID: c.ID, Name: c.Name, ASCIIName: c.Name, Country: c.ISO2, Lat: c.Lat,
		Lon: c.Lon, Population: c.Population, Feature: FeatureCountry}
	i := b.put(b.g.countries, c.ISO2, e)
	b.g.info[c.ISO2] = CountryInfo{Code: c.ISO2, ISO3: c.ISO3, Name: c.Name, Capital: c.Capital,
		GeonameID: c.ID, Population: c.Population, Lat: c.Lat, Lon: c.Lon}
	b.name(i, c.Name, true)
	return nil
}

func (b *builder) addAdmin(a compact.Admin) error {
	parts := strings.Split(a.Code, ".")
	e := Entry{GeonameID: a.ID, Name: a.Name, ASCIIName: a.ASCII, Country: parts[0],
		Admin1Code: parts[1], Lat: a.Lat, Lon: a.Lon, Feature: FeatureAdmin1}
	if len(parts) == 3 {
		e.Admin2Code, e.Feature = parts[2], FeatureAdmin2
	}
	i := b.put(b.g.admins, a.Code, e)
	b.noPoint[i] = !a.HasPoint
	for _, n := range []string{a.Name, a.ASCII} {
		b.name(i, n, true)
		b.name(i, shortAdminName(n), false)
	}
	for _, n := range a.Alt {
		b.name(i, n, false)
		b.name(i, shortAdminName(n), false)
	}
	return nil
}

func (b *builder) addPlace(p compact.Place) error {
	i := b.add(Entry{GeonameID: p.ID, Name: p.Name, ASCIIName: p.ASCII, Country: p.Country,
		Admin1Code: p.Admin1, Admin2Code: p.Admin2, Lat: p.Lat, Lon: p.Lon,
		Population: p.Population, Feature: p.Feature})
	b.name(i, p.Name, true)
	if p.ASCII != p.Name {
		b.name(i, p.ASCII, true)
	}
	for _, n := range p.Alt {
		b.name(i, n, false)
	}
	return nil
}

func (b *builder) add(e Entry) int32 {
	b.g.entries = append(b.g.entries, e)
	return int32(len(b.g.entries) - 1)
}

// put adds e under key in byKey, or replaces the entry already there (its names stay indexed).
func (b *builder) put(byKey map[string]int32, key string, e Entry) int32 {
	if i, ok := byKey[key]; ok {
		b.g.entries[i] = e
		return i
	}
	i := b.add(e)
	byKey[key] = i
	return i
}

// name indexes entry i under a name. Alternate (non-primary) names that are common English
// words are skipped: they would make "Police" or "Union" match places that merely have such
// a name among their variants.
func (b *builder) name(i int32, name string, primary bool) {
	k := Fold(name)
	if k == "" || (!primary && b.g.common[k]) {
		return
	}
	post := b.g.index[k]
	if len(post) > 0 && post[len(post)-1] == i {
		return
	}
	b.g.index[k] = append(post, i)
	if n := len(strings.Fields(name)); n > b.g.maxWords {
		b.g.maxWords = n
	}
}

func (b *builder) finish() (*Gazetteer, error) {
	if err := b.addCountryNames(countriesExtraData); err != nil {
		return nil, err
	}
	if err := b.addSupplement(supplementData); err != nil {
		return nil, err
	}
	b.fillAdmins()
	g := b.g
	for k, post := range g.index {
		sort.Slice(post, func(x, y int) bool { return g.outranks(post[x], post[y]) })
		g.index[k] = slices.Compact(post) // an entry named twice under one key sorts next to itself
	}
	return g, nil
}

// fillAdmins copies division names into entries and gives divisions without a point the
// point of their admin1 or country.
func (b *builder) fillAdmins() {
	g := b.g
	for i := range g.entries {
		e := &g.entries[i]
		if e.Admin1Code == "" {
			continue
		}
		a1, ok := g.admins[e.Country+"."+e.Admin1Code]
		if ok {
			e.Admin1 = g.entries[a1].Name
		}
		if a2, ok := g.admins[e.Country+"."+e.Admin1Code+"."+e.Admin2Code]; ok && e.Admin2Code != "" {
			e.Admin2 = g.entries[a2].Name
		}
		if !b.noPoint[int32(i)] {
			continue
		}
		if from, ok := g.countries[e.Country]; ok {
			e.Lat, e.Lon = g.entries[from].Lat, g.entries[from].Lon
		}
		if ok && e.Feature == FeatureAdmin2 && !b.noPoint[a1] {
			e.Lat, e.Lon = g.entries[a1].Lat, g.entries[a1].Lon
		}
	}
}

// adminDesignators are the generic words around division names ("Tillabéri Region",
// "Muhafazat Karbala'"), folded. A division is also indexed without them.
var (
	adminSuffixes = wordSet("province governorate governate district region state territory " +
		"department prefecture county division municipality oblast emirate parish commune wilaya")
	adminPrefixes = wordSet("muhafazat muhafaza wilaiat wilaia province provincia region " +
		"departement territoire estado gouvernorat governorate state commune district ostan")
	adminLinks = wordSet("of de du des d la del do da")
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[Fold(w)] = true
	}
	return m
}

// shortAdminName drops a generic designator from a division name, or returns "".
func shortAdminName(name string) string {
	f := strings.Fields(name)
	switch {
	case len(f) >= 2 && adminSuffixes[Fold(f[len(f)-1])]:
		return strings.Join(f[:len(f)-1], " ")
	case len(f) >= 2 && adminPrefixes[Fold(f[0])]:
		f = f[1:]
		if len(f) >= 2 && adminLinks[Fold(f[0])] {
			f = f[1:]
		}
		return strings.Join(f, " ")
	}
	return ""
}

func readCommonWords(data string) map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(data, "\n") {
		if w := strings.TrimSpace(line); w != "" && !strings.HasPrefix(w, "#") {
			m[Fold(w)] = true
		}
	}
	return m
}

// dataError reports a problem in one line of a hand-made data file.
func dataError(file string, line int, format string, args ...any) error {
	return fmt.Errorf("gazetteer: %s line %d: %s", file, line, fmt.Sprintf(format, args...))
}
