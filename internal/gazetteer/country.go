package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wallwatch/wallwatch/internal/model"
)

// Country maps a country name, common or French name, or demonym ("Syria", "Syrie",
// "Syrian", "Nigerien", "DR Congo") to its ISO alpha-2 code. Acronyms ("U.S.", "DRC", "RDC",
// "UAE") match only when written without lower-case letters, so "us" or "car" never do.
// Ambiguous demonyms go to the country news usually means: "Congolese" is CD (the Republic
// of the Congo is "Congo-Brazzaville", "Brazzaville"), "Dominican" is DO, "Korean" is KR.
func (g *Gazetteer) Country(name string) (code string, ok bool) {
	if k := acronymKey(name); k != "" {
		if code, ok := g.acronyms[k]; ok {
			return code, true
		}
	}
	code, ok = g.names[Fold(name)]
	return code, ok
}

// Demonyms returns every country adjective of the hand-made files as written, lower-cased, with
// its ISO alpha-2 code ("colombiano", "malienne", "syrian"); country names are not among them.
// Languages that write these adjectives in lower case name a story's country with them ("el
// gobierno colombiano"). The map is the gazetteer's own: callers must not change it.
func (g *Gazetteer) Demonyms() map[string]string { return g.demonyms }

// CountryOfCode resolves the three-letter country code of a dataset's event id ("KEN", or
// ACLED's "BFO" for Burkina Faso) to ISO alpha-2.
func (g *Gazetteer) CountryOfCode(code string) (string, bool) {
	c, ok := g.codes[code]
	return c, ok
}

// CountryOfDomain returns the country a web host's last label names ("www.example.it": IT,
// "news.example.co.uk": GB), false for generic labels ("com", "org", and country codes sold
// as names: "tv", "io"). An outlet's country is where a report that names no country is set.
func (g *Gazetteer) CountryOfDomain(host string) (string, bool) {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	label := host[strings.LastIndexByte(host, '.')+1:]
	if len(label) != 2 {
		return "", false
	}
	if code, listed := g.domains[label]; listed {
		return code, code != ""
	}
	code := strings.ToUpper(label)
	if _, ok := g.countries[code]; !ok {
		return "", false
	}
	return code, true
}

// acronymKey is name without dots and spaces when it has capitals and no lower-case letter,
// else "". Scripts without case (Arabic) write no acronyms this way. Every name the text
// capitalises is asked, and nearly all have a lower-case letter: the key is built only for
// a name that has none and has dots or spaces to drop.
func acronymKey(name string) string {
	upper, plain := false, true
	for _, r := range name {
		switch {
		case unicode.IsLower(r):
			return ""
		case r == '.' || unicode.IsSpace(r) || r == utf8.RuneError:
			plain = false // a rune to drop, or invalid UTF-8, which the key spells as U+FFFD
		default:
			upper = upper || unicode.IsUpper(r)
		}
	}
	if !upper {
		return ""
	}
	if plain {
		return name
	}
	var b strings.Builder
	for _, r := range name {
		if r != '.' && !unicode.IsSpace(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// CountryInfo describes a country by ISO alpha-2 code (either case).
func (g *Gazetteer) CountryInfo(code string) (CountryInfo, bool) {
	c, ok := g.info[strings.ToUpper(code)]
	return c, ok
}

// Admin1 returns the first-level division with a GeoNames admin1 code ("SY", "01" is
// al-Hasakah governorate), located at its Natural Earth label point when known.
func (g *Gazetteer) Admin1(country, code string) (Entry, bool) {
	i, ok := g.admin(strings.ToUpper(country) + "." + code)
	if !ok || g.str(g.records[i].feature) != FeatureAdmin1 {
		return Entry{}, false
	}
	return g.entry(i), true
}

// Abbreviated returns the first-level division a dateline's abbreviation names ("Calif.",
// "N.M.", "Ont."), written as datelines write it.
func (g *Gazetteer) Abbreviated(abbr string) (Entry, bool) {
	i, ok := g.abbreviated[abbr]
	if !ok {
		return Entry{}, false
	}
	return g.entry(i), true
}

// ToPlace turns an entry into the place a mention or incident carries. Precision follows the
// feature: country, admin1, else place (a second-level division counts as a place: it is
// located at its seat or most populous town).
func (g *Gazetteer) ToPlace(e Entry) model.Place {
	p := model.Place{Country: e.Country, GeonameID: e.GeonameID, Lat: e.Lat, Lon: e.Lon,
		Admin1: e.Admin1, Name: e.Name, Precision: model.GeoPlace}
	if p.Admin1 == "" && e.Admin1Code != "" {
		if a, ok := g.Admin1(e.Country, e.Admin1Code); ok {
			p.Admin1 = a.Name
		}
	}
	switch e.Feature {
	case FeatureCountry:
		p.Admin1, p.Name, p.Precision = "", "", model.GeoCountry
	case FeatureAdmin1:
		p.Admin1, p.Name, p.Precision = e.Name, "", model.GeoAdmin1
	}
	return p
}
