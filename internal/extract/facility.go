package extract

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/wallwatch/wallwatch/internal/names"
)

// Facility is a known detention facility from the facility list (data/facilities.tsv).
type Facility struct {
	Name     string
	Aliases  []string
	Town     string
	Admin1   string
	Country  string
	Lat, Lon float64
	Kind     string
}

// ParseFacilities reads the facility list: tab-separated with a header line naming the columns
// (name, aliases, town, admin1, country, lat, lon, kind, source; aliases |-separated), # comments.
func ParseFacilities(r io.Reader, name string) ([]Facility, error) {
	sc := bufio.NewScanner(r)
	var cols map[string]int
	var out []Facility
	seen := map[[2]string]int{} // name and country → the line that gave them
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" {
			continue
		}
		if cols == nil {
			cols = map[string]int{}
			for i, c := range strings.Split(strings.TrimLeft(line, "# "), "\t") {
				cols[strings.ToLower(strings.TrimSpace(c))] = i
			}
			if _, ok := cols["name"]; !ok {
				return nil, fmt.Errorf("%s:%d: header must name a 'name' column", name, n)
			}
			continue
		}
		if strings.HasPrefix(line, "#") {
			continue
		}
		f, err := parseFacility(strings.Split(line, "\t"), cols)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		if first, ok := seen[[2]string{f.Name, f.Country}]; ok {
			return nil, fmt.Errorf("%s:%d: %q in %s is listed already on line %d", name, n, f.Name, f.Country, first)
		}
		seen[[2]string{f.Name, f.Country}] = n
		out = append(out, f)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return out, nil
}

// withFacilities adds the user's facilities to the list, each replacing a row of the same name
// and country.
func withFacilities(list, user []Facility) []Facility {
	for _, u := range user {
		i := slices.IndexFunc(list, func(f Facility) bool { return f.Name == u.Name && f.Country == u.Country })
		if i >= 0 {
			list[i] = u
		} else {
			list = append(list, u)
		}
	}
	return list
}

func parseFacility(fields []string, cols map[string]int) (Facility, error) {
	get := func(c string) string {
		i, ok := cols[c]
		if !ok || i >= len(fields) {
			return ""
		}
		return strings.TrimSpace(fields[i])
	}
	f := Facility{Name: get("name"), Town: get("town"), Admin1: get("admin1"), Country: strings.ToUpper(get("country")), Kind: get("kind")}
	if f.Name == "" {
		return f, fmt.Errorf("empty name")
	}
	for _, a := range strings.Split(get("aliases"), "|") {
		if a = strings.TrimSpace(a); a != "" {
			f.Aliases = append(f.Aliases, a)
		}
	}
	var err error
	if s := get("lat"); s != "" {
		if f.Lat, err = strconv.ParseFloat(s, 64); err != nil {
			return f, fmt.Errorf("lat %q: %w", s, err)
		}
	}
	if s := get("lon"); s != "" {
		if f.Lon, err = strconv.ParseFloat(s, 64); err != nil {
			return f, fmt.Errorf("lon %q: %w", s, err)
		}
	}
	return f, nil
}

// facilityHit is a facility named in a sentence.
type facilityHit struct {
	start, end int    // byte span of the name in the text
	name       string // as written, without a leading article or possessive
	key        string // folded distinctive words: two hits with one key are one facility
	known      *Facility
	town       string // a place name inside or right after the name ("Bauchi prison", "prison in Tikrit")
	country    string // the country named right after the name ("X Prison in Chad"), "" if none
	titled     bool   // a title of generic words only ("the National Penitentiary"): no key
}

// facilityKey folds a facility name to its distinctive words, folded together as names.Fold folds
// every name ("Al Sinaa Prison" and "al-Sina'a prison" -> "sina", "Sabrouni" and "Sabruni"
// alike). The generic words of every language are dropped, so that keys compare across reports,
// and so is an adjective in lower case between the facility word and the link to its name, which
// one report writes and another leaves out ("cárcel tarvense de Kolondo", "cárcel de Kolondo").
func (x *Extractor) facilityKey(name string) string {
	var parts []string
	toks := x.lex.all.splitElisions(tokenize(name), name)
	for i, t := range toks {
		w := strings.TrimSuffix(t.fold, "'s")
		if x.lex.all.has(facilityGenericWords, w) || facilityWordAt(x.lex.all, toks, i) || x.postnominal(toks, i) {
			continue
		}
		parts = append(parts, w)
	}
	return names.Fold(strings.Join(parts, " "))
}

// postnominal reports a word in lower case right after a facility word and right before a link
// to the facility's name: an adjective of the facility ("tarvense" of "cárcel tarvense de X").
func (x *Extractor) postnominal(toks []token, i int) bool {
	return !toks[i].upper && i > 0 && i+1 < len(toks) && facilityWordAt(x.lex.all, toks, i-1) && x.lex.all.has(facilityLinkWords, toks[i+1].fold)
}

// facilityWordAt reports a token that is a facility word by itself in any of its inflected forms
// ("cezaevine", "Cezaevi'nden", "изоляторе"): a case ending makes no name of it.
func facilityWordAt(lx *lexicon, toks []token, i int) bool {
	for _, c := range lx.scan(toks[i : i+1]) {
		if c.category == facilityCue {
			return true
		}
	}
	return false
}

// bearing reports a folded word of bearing or of the part of a place that may open a name
// ("North", "Upper", "Central"): the name may be written again without it.
func (x *Extractor) bearing(folded string) bool {
	return x.lex.all.has(directionWords, folded) || x.lex.all.has(placeModifierWords, folded)
}
