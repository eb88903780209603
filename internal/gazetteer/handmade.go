package gazetteer

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// addCountryNames reads a file of country names (countries-extra.tsv, countries-local.tsv,
// countries-languages.tsv):
// ISO2, names (upper-case entries are acronyms) and demonyms, both |-separated. A folded name
// claimed by two countries is an error: the files must pick one. GeoNames' own country names
// are added afterwards where no file claimed the key.
func (b *builder) addCountryNames(file, data string) error {
	for n, line := range strings.Split(data, "\n") {
		if line = strings.TrimRight(line, "\r"); line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return dataError(file, n+1, "%d fields, want 3", len(f))
		}
		i, ok := b.g.countries[f[0]]
		if !ok {
			return dataError(file, n+1, "unknown country %q", f[0])
		}
		for _, name := range splitList(f[1]) {
			if k := acronymKey(name); k != "" {
				b.g.acronyms[k] = f[0]
				continue
			}
			if err := b.claim(name, f[0]); err != nil {
				return dataError(file, n+1, "%v", err)
			}
			b.name(i, name, true)
		}
		for _, demonym := range splitList(f[2]) {
			lower := strings.ToLower(demonym)
			if r, _ := utf8.DecodeRuneInString(demonym); unicode.IsLower(r) {
				// Written in lower case, as Spanish, Portuguese and Italian write it: a capitalised
				// word of that spelling is a name (a town may bear one of these adjectives), so it is
				// no country name for Country, only an adjective for Demonyms.
				if other := b.g.demonyms[lower]; other != "" && other != f[0] {
					return dataError(file, n+1, "%v", &claimError{name: demonym, code: f[0], other: other})
				}
			} else if err := b.claim(demonym, f[0]); err != nil {
				return dataError(file, n+1, "%v", err)
			}
			b.g.demonyms[lower] = f[0]
		}
	}
	for _, code := range slices.Sorted(maps.Keys(b.g.countries)) {
		if k := Fold(b.g.info[code].Name); b.g.names[k] == "" {
			b.g.names[k] = code
		}
	}
	return nil
}

// addEventIDCodes reads the three-letter codes datasets use in event ids where they differ
// from ISO alpha-3 (event-id-codes.tsv): code and ISO2. A row may not shadow an ISO code.
func (b *builder) addEventIDCodes(file, data string) error {
	for n, line := range strings.Split(data, "\n") {
		if line = strings.TrimRight(line, "\r"); line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 2 || len(f[0]) != 3 {
			return dataError(file, n+1, "want a three-letter code and a country")
		}
		if _, ok := b.g.countries[f[1]]; !ok {
			return dataError(file, n+1, "unknown country %q", f[1])
		}
		if other, ok := b.g.codes[f[0]]; ok {
			return dataError(file, n+1, "%s is already the code of %s", f[0], other)
		}
		b.g.codes[f[0]] = f[1]
	}
	return nil
}

// addWebDomains reads the last labels of web addresses whose country is not their ISO code
// (web-domains.tsv): a label and an ISO2 code, or "-" for a generic one.
func (b *builder) addWebDomains(file, data string) error {
	for n, line := range strings.Split(data, "\n") {
		if line = strings.TrimRight(line, "\r"); line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 2 || len(f[0]) != 2 || strings.ToLower(f[0]) != f[0] {
			return dataError(file, n+1, "want a two-letter label in lower case and a country or -")
		}
		if _, dup := b.g.domains[f[0]]; dup {
			return dataError(file, n+1, "label %q twice", f[0])
		}
		code := f[1]
		if code == "-" {
			code = ""
		} else if _, ok := b.g.countries[code]; !ok {
			return dataError(file, n+1, "unknown country %q", code)
		}
		b.g.domains[f[0]] = code
	}
	return nil
}

// claim maps a folded country name or demonym to code, refusing a second country.
func (b *builder) claim(name, code string) error {
	k := Fold(name)
	if other := b.g.names[k]; other != "" && other != code {
		return &claimError{name: name, code: code, other: other}
	}
	b.g.names[k] = code
	return nil
}

type claimError struct{ name, code, other string }

func (e *claimError) Error() string {
	return strconv.Quote(e.name) + " claimed by " + e.code + " and " + e.other
}

// addSupplement reads supplement.tsv: places GeoNames lacks. Fields: name, alternate names
// (|), country, admin1 code, lat, lon, feature, population, source.
func (b *builder) addSupplement(data string) error {
	const file = "supplement.tsv"
	for n, line := range strings.Split(data, "\n") {
		if line = strings.TrimRight(line, "\r"); line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 9 || f[0] == "" || len(f[2]) != 2 || f[6] == "" || f[8] == "" {
			return dataError(file, n+1, "want 9 fields with name, country, feature and source")
		}
		lat, err1 := strconv.ParseFloat(f[4], 64)
		lon, err2 := strconv.ParseFloat(f[5], 64)
		pop, err3 := strconv.Atoi(f[7])
		if err1 != nil || err2 != nil || err3 != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
			return dataError(file, n+1, "bad coordinates or population")
		}
		i := b.add(Entry{Name: f[0], ASCIIName: asciiName(f[0]), Country: f[2], Admin1Code: f[3],
			Lat: lat, Lon: lon, Feature: f[6], Population: pop})
		b.name(i, f[0], true)
		for _, alt := range splitList(f[1]) {
			b.name(i, alt, true)
		}
	}
	return nil
}

// asciiName strips diacritics, as GeoNames' asciiname column does.
func asciiName(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// addAdminAbbreviations reads the abbreviations datelines write for first-level divisions; each
// must name a division the places hold, and no abbreviation two.
func (b *builder) addAdminAbbreviations(file, data string) error {
	for n, line := range strings.Split(data, "\n") {
		if line = strings.TrimRight(line, "\r"); line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 || f[2] == "" {
			return dataError(file, n+1, "want a country, an admin1 code and abbreviations")
		}
		i, ok := b.admins[f[0]+"."+f[1]]
		if !ok {
			return dataError(file, n+1, "no division %s.%s", f[0], f[1])
		}
		for _, abbr := range strings.Split(f[2], "|") {
			if _, dup := b.g.abbreviated[abbr]; dup {
				return dataError(file, n+1, "abbreviation %q twice", abbr)
			}
			b.g.abbreviated[abbr] = i
		}
	}
	return nil
}
