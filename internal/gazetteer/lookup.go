package gazetteer

import (
	"cmp"
	"strings"
)

// Lookup returns every entry (place, division or country) one of whose names folds like
// name, best ranked first: countries, then capitals, admin1 seats and cities of 100,000 or
// more, then admin1 divisions, then admin2 seats and towns of 10,000 or more, then other
// places, then admin2 divisions (a district is nearly always named after its seat, the better
// point); by population within each class. It costs one Fold and one hash-table probe, so
// callers may try every capitalised n-gram of a text.
func (g *Gazetteer) Lookup(name string) []Entry {
	return g.LookupKey(Fold(name))
}

// LookupKey is Lookup for a name already folded with Fold, for callers that ask about one name
// more than once.
func (g *Gazetteer) LookupKey(key string) []Entry {
	post := g.namedEntries(key)
	if len(post) == 0 {
		return nil
	}
	out := make([]Entry, len(post))
	for j, i := range post {
		out[j] = g.entry(i)
	}
	return out
}

// Resolve picks the entry a name most likely means in a text about the given countries (ISO
// alpha-2, most relevant first). Among Lookup's candidates it prefers one in the earliest
// listed country, then follows Lookup's rank (administrative importance, then population), except
// that of two capitals or large cities the one the name is the own name of wins (a town's short
// name for a larger neighbour is common, a city's for another city is not); with no candidate in
// the listed countries it takes the best ranked one anywhere.
//
// Names that are common English words ("Police", "Mission", "Bar", "Union", "Of"; the list is
// data/common-words.txt) resolve only to a country or national capital, or, when the entry's
// country is listed, to a division, an admin seat or a town of 10,000 or more. So "Police"
// alone is refused, while "Bar" in a text about Montenegro resolves.
func (g *Gazetteer) Resolve(name string, countries []string) (Entry, bool) {
	return g.ResolveKey(Fold(name), countries)
}

// ResolveKey is Resolve for a name already folded with Fold, for callers that ask about one name
// in more than one context.
func (g *Gazetteer) ResolveKey(key string, countries []string) (Entry, bool) {
	common := g.common[key]
	best, bestCtx := int32(-1), 0
	for _, i := range g.namedEntries(key) {
		r := &g.records[i]
		ctx := contextRank(g.str(r.country), countries)
		if common && !g.commonWordAllowed(r, ctx < len(countries)) {
			continue
		}
		switch {
		case best < 0 || ctx < bestCtx:
			best, bestCtx = i, ctx
		case ctx == bestCtx && r.class <= classCity && r.class == g.records[best].class && !g.ownKey(best, key) && g.ownKey(i, key):
			best = i // of two capitals, "Dili" is the one of that name, not one it is another name of
		}
	}
	if best < 0 {
		return Entry{}, false
	}
	return g.entry(best), true
}

// ownKey reports a folded name that is record i's own name, not one of its alternate names.
func (g *Gazetteer) ownKey(i int32, key string) bool {
	r := &g.records[i]
	return Fold(g.str(r.name)) == key || Fold(g.str(r.ascii)) == key
}

// MaxWords is the number of space-separated words in the longest indexed name, so callers
// know the longest n-gram worth looking up.
func (g *Gazetteer) MaxWords() int { return g.maxWords }

// contextRank is the position of country in countries, or len(countries) if absent.
func contextRank(country string, countries []string) int {
	for i, c := range countries {
		if strings.EqualFold(c, country) {
			return i
		}
	}
	return len(countries)
}

func (g *Gazetteer) commonWordAllowed(r *record, inContext bool) bool {
	f := g.str(r.feature)
	return f == FeatureCountry || f == "PPLC" || (inContext && r.class <= classTown)
}

// Rank classes, most important first.
const (
	classCountry = iota
	classCity    // national capital, admin1 seat or 100,000+ people
	classAdmin1
	classTown // admin2 seat or 10,000+ people
	classOther
	classAdmin2
)

func importance(e *Entry) int8 {
	switch {
	case e.Feature == FeatureCountry:
		return classCountry
	case e.Feature == "PPLC", e.Feature == "PPLA", e.Population >= 100_000:
		return classCity
	case e.Feature == FeatureAdmin1:
		return classAdmin1
	case e.Feature == "PPLA2", e.Population >= 10_000:
		return classTown
	case e.Feature == FeatureAdmin2:
		return classAdmin2
	}
	return classOther
}

// compareRank orders entries a and b for Lookup: negative when a comes first. Within a class a
// town that gives its name to its district comes first: the district is named after the town
// that matters most, whatever populations a namesake elsewhere is given.
func (g *Gazetteer) compareRank(a, b int32) int {
	x, y := &g.records[a], &g.records[b]
	switch {
	case x.class != y.class:
		return cmp.Compare(x.class, y.class)
	case g.namesakeSeat(x) != g.namesakeSeat(y):
		if g.namesakeSeat(x) {
			return -1
		}
		return 1
	case x.population != y.population:
		return cmp.Compare(y.population, x.population)
	}
	return cmp.Compare(a, b)
}

// namesakeSeat reports a place whose second-level division bears its name (the town of Riverton
// in Riverton district).
func (g *Gazetteer) namesakeSeat(r *record) bool {
	return r.admin2 >= 0 && r.class != classAdmin2 && Fold(g.str(g.records[r.admin2].name)) == Fold(g.str(r.name))
}
