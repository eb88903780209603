package gazetteer

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/wallwatch/wallwatch/internal/gazetteer/internal/compact"
)

// builder assembles a Gazetteer from compact records and the hand-made data files. It works
// with maps and strings and packs them into the Gazetteer's pointer-free form in finish.
type builder struct {
	g        *Gazetteer
	arena    []byte           // becomes g.arena
	interned map[string]span  // the short strings many entries share: codes and features
	keys     map[string]int32 // folded name -> key number
	keyList  []string         // folded names by key number
	named    []naming         // every name indexed, in order
	admins   map[string]int32 // "CC.A1" or "CC.A1.A2" -> entry
	noPoint  map[int32]bool   // admin entries still without a point
}

// naming says entry is called by folded name key.
type naming struct{ key, entry int32 }

func newBuilder() *builder {
	return &builder{
		g: &Gazetteer{
			records:     make([]record, 0, 300_000),
			common:      readCommonWords(commonWordsData),
			names:       map[string]string{},
			demonyms:    map[string]string{},
			acronyms:    map[string]string{},
			codes:       map[string]string{},
			domains:     map[string]string{},
			abbreviated: map[string]int32{},
			countries:   map[string]int32{},
			info:        map[string]CountryInfo{},
		},
		arena:    make([]byte, 0, 8<<20),
		interned: map[string]span{},
		keys:     make(map[string]int32, 500_000),
		keyList:  make([]string, 0, 500_000),
		named:    make([]naming, 0, 600_000),
		admins:   map[string]int32{},
		noPoint:  map[int32]bool{},
	}
}

// readRecord is a record of a compact file with the names it is indexed under, folded.
// Folding is most of a read's cost, so it runs in a stage of its own (foldNames) between the
// goroutine that parses the file and the builder that adds the records.
type readRecord struct {
	country *compact.Country
	admin   *compact.Admin
	place   *compact.Place
	names   []indexedName
}

// indexedName is a name ready for the index.
type indexedName struct {
	key     string // the name folded
	words   int
	primary bool // the record's own name rather than an alternate one
}

func nameOf(name string, primary bool) indexedName {
	return indexedName{key: Fold(name), words: len(strings.Fields(name)), primary: primary}
}

// foldNames works out the names r is indexed under: a division's short forms too ("Kasai" of
// "Kasai Province").
func (r *readRecord) foldNames() {
	switch {
	case r.country != nil:
		r.names = []indexedName{nameOf(r.country.Name, true)}
	case r.admin != nil:
		a := r.admin
		r.names = make([]indexedName, 0, 4+2*len(a.Alt))
		for _, n := range []string{a.Name, a.ASCII} {
			r.names = append(r.names, nameOf(n, true), nameOf(ShortAdminName(n), false))
		}
		for _, n := range a.Alt {
			r.names = append(r.names, nameOf(n, false), nameOf(ShortAdminName(n), false))
		}
	default:
		p := r.place
		r.names = make([]indexedName, 0, 2+len(p.Alt))
		r.names = append(r.names, nameOf(p.Name, true))
		if p.ASCII != p.Name {
			r.names = append(r.names, nameOf(p.ASCII, true))
		}
		for _, n := range p.Alt {
			r.names = append(r.names, nameOf(n, false))
		}
	}
}

// addRecord adds a record read and indexes it under its names.
func (b *builder) addRecord(r readRecord) {
	var i int32
	switch {
	case r.country != nil:
		i = b.addCountry(*r.country)
	case r.admin != nil:
		i = b.addAdmin(*r.admin)
	default:
		i = b.addPlace(*r.place)
	}
	for _, n := range r.names {
		b.index(i, n)
	}
}

func (b *builder) addCountry(c compact.Country) int32 {
	e := Entry{GeonameID: c.ID, Name: c.Name, ASCIIName: c.Name, Country: c.ISO2, Lat: c.Lat,
		Lon: c.Lon, Population: c.Population, Feature: FeatureCountry}
	i := b.put(b.g.countries, c.ISO2, e)
	b.g.codes[c.ISO3] = c.ISO2
	b.g.info[c.ISO2] = CountryInfo{Code: c.ISO2, ISO3: c.ISO3, Name: c.Name, Capital: c.Capital,
		GeonameID: c.ID, Population: c.Population, Lat: c.Lat, Lon: c.Lon}
	return i
}

func (b *builder) addAdmin(a compact.Admin) int32 {
	parts := strings.Split(a.Code, ".")
	e := Entry{GeonameID: a.ID, Name: a.Name, ASCIIName: a.ASCII, Country: parts[0],
		Admin1Code: parts[1], Lat: a.Lat, Lon: a.Lon, Feature: FeatureAdmin1}
	if len(parts) == 3 {
		e.Admin2Code, e.Feature = parts[2], FeatureAdmin2
	}
	i := b.put(b.admins, a.Code, e)
	b.noPoint[i] = !a.HasPoint
	return i
}

func (b *builder) addPlace(p compact.Place) int32 {
	return b.add(Entry{GeonameID: p.ID, Name: p.Name, ASCIIName: p.ASCII, Country: p.Country,
		Admin1Code: p.Admin1, Admin2Code: p.Admin2, Lat: p.Lat, Lon: p.Lon,
		Population: p.Population, Feature: p.Feature})
}

func (b *builder) add(e Entry) int32 {
	b.g.records = append(b.g.records, b.record(e))
	return int32(len(b.g.records) - 1)
}

// put adds e under key in byKey, or replaces the entry already there (its names stay indexed).
func (b *builder) put(byKey map[string]int32, key string, e Entry) int32 {
	if i, ok := byKey[key]; ok {
		b.g.records[i] = b.record(e)
		return i
	}
	i := b.add(e)
	byKey[key] = i
	return i
}

// record stores e's strings in the arena. e's division names are ignored: fillAdmins links
// every entry to its divisions once all are read.
func (b *builder) record(e Entry) record {
	r := record{geonameID: e.GeonameID, lat: e.Lat, lon: e.Lon, population: int64(e.Population),
		name: b.str(e.Name), country: b.intern(e.Country), feature: b.intern(e.Feature),
		admin1Code: b.intern(e.Admin1Code), admin2Code: b.intern(e.Admin2Code),
		admin1: -1, admin2: -1, class: importance(&e)}
	r.ascii = r.name
	if e.ASCIIName != e.Name {
		r.ascii = b.str(e.ASCIIName)
	}
	return r
}

// str copies s into the arena.
func (b *builder) str(s string) span {
	r := span{off: uint32(len(b.arena)), n: uint32(len(s))}
	b.arena = append(b.arena, s...)
	return r
}

// intern is str for strings many entries share: each is stored once.
func (b *builder) intern(s string) span {
	if r, ok := b.interned[s]; ok {
		return r
	}
	r := b.str(s)
	b.interned[strings.Clone(s)] = r
	return r
}

// name indexes entry i under a name.
func (b *builder) name(i int32, name string, primary bool) { b.index(i, nameOf(name, primary)) }

// index indexes entry i under a name. Alternate (non-primary) names that are common English
// words are skipped: they would make "Police" or "Union" match places that merely have such
// a name among their variants.
func (b *builder) index(i int32, n indexedName) {
	if n.key == "" || (!n.primary && b.g.common[n.key]) {
		return
	}
	key, ok := b.keys[n.key]
	if !ok {
		key = int32(len(b.keyList))
		b.keys[n.key] = key
		b.keyList = append(b.keyList, n.key)
	}
	if last := len(b.named); last > 0 && b.named[last-1] == (naming{key, i}) {
		return // the usual repeat: a name and its ASCII form fold alike
	}
	b.named = append(b.named, naming{key, i})
	b.g.maxWords = max(b.g.maxWords, n.words)
}

func (b *builder) finish() (*Gazetteer, error) {
	if err := b.addCountryNames("countries-extra.tsv", countriesExtraData); err != nil {
		return nil, err
	}
	if err := b.addCountryNames("countries-local.tsv", countriesLocalData); err != nil {
		return nil, err
	}
	if err := b.addCountryNames("countries-languages.tsv", countriesLanguagesData); err != nil {
		return nil, err
	}
	if err := b.addEventIDCodes("event-id-codes.tsv", eventIDCodesData); err != nil {
		return nil, err
	}
	if err := b.addWebDomains("web-domains.tsv", webDomainsData); err != nil {
		return nil, err
	}
	if err := b.addSupplement(supplementData); err != nil {
		return nil, err
	}
	b.g.arena = string(b.arena)
	if err := b.addAdminAbbreviations("admin-abbreviations.tsv", adminAbbreviationsData); err != nil {
		return nil, err
	}
	b.fillAdmins()
	b.packNames()
	b.packAdmins()
	return b.g, nil
}

// fillAdmins links entries to their divisions and gives divisions without a point the point
// of their admin1 or country.
func (b *builder) fillAdmins() {
	g := b.g
	var code []byte
	for i := range g.records {
		r := &g.records[i]
		if r.admin1Code.n == 0 {
			continue
		}
		code = append(append(append(code[:0], g.str(r.country)...), '.'), g.str(r.admin1Code)...)
		a1, ok := b.admins[string(code)]
		if ok {
			r.admin1 = a1
		}
		if r.admin2Code.n > 0 {
			code = append(append(code, '.'), g.str(r.admin2Code)...)
			if a2, ok := b.admins[string(code)]; ok {
				r.admin2 = a2
			}
		}
		if !b.noPoint[int32(i)] {
			continue
		}
		if from, ok := g.countries[g.str(r.country)]; ok {
			r.lat, r.lon = g.records[from].lat, g.records[from].lon
		}
		if ok && g.str(r.feature) == FeatureAdmin2 && !b.noPoint[a1] {
			r.lat, r.lon = g.records[a1].lat, g.records[a1].lon
		}
	}
}

// packNames turns the names indexed into the key table and one flat postings array, each
// key's entries best ranked first and listed once.
func (b *builder) packNames() {
	g := b.g
	start := make([]uint32, len(b.keyList)+1)
	for _, n := range b.named {
		start[n.key+1]++
	}
	for k := range b.keyList {
		start[k+1] += start[k]
	}
	post := make([]int32, len(b.named))
	next := slices.Clone(start)
	for _, n := range b.named {
		post[next[n.key]] = n.entry
		next[n.key]++
	}
	// Each key's run sorts apart from the others, so the two halves of the keys sort at once.
	sortRuns := func(from, to int) {
		for k := from; k < to; k++ {
			slices.SortFunc(post[start[k]:start[k+1]], g.compareRank)
		}
	}
	var wg sync.WaitGroup
	half := len(b.keyList) / 2
	wg.Go(func() { sortRuns(0, half) })
	sortRuns(half, len(b.keyList))
	wg.Wait()
	w := uint32(0)
	for k := range b.keyList {
		run := slices.Compact(post[start[k]:start[k+1]]) // an entry named twice under one key sorts next to itself
		start[k] = w
		w += uint32(copy(post[w:], run))
	}
	start[len(b.keyList)] = w
	g.index, g.postings, g.postStart = newKeyTable(b.keyList), slices.Clip(post[:w]), start
}

// packAdmins turns the division codes into a key table.
func (b *builder) packAdmins() {
	codes := slices.Sorted(maps.Keys(b.admins))
	b.g.adminOf = make([]int32, len(codes))
	for k, c := range codes {
		b.g.adminOf[k] = b.admins[c]
	}
	b.g.admins = newKeyTable(codes)
}

// adminDesignators are the generic words around division names ("Tillabéri Region",
// "Muhafazat Karbala'"), folded. A division is also indexed without them.
var (
	adminSuffixes = wordSet("province governorate governate district region state territory " +
		"department prefecture county division municipality oblast emirate parish commune wilaya " +
		"cercle lga regency arrondissement canton tehsil taluk woreda zone subcounty sub-county")
	adminPrefixes = wordSet("muhafazat muhafaza wilaiat wilaia province provincia region " +
		"departement territoire estado gouvernorat governorate state commune district ostan " +
		"cercle kabupaten kota municipio canton arrondissement")
	adminLinks = wordSet("of de du des d la del do da")
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[Fold(w)] = true
	}
	return m
}

// ShortAdminName drops a generic designator from a division name ("La Altagracia Province" is
// "La Altagracia"), or returns "" when it has none.
func ShortAdminName(name string) string {
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
