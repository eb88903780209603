package extract_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/extract"
	"github.com/wallwatch/wallwatch/internal/model"
)

// TestCases runs the extraction cases of testdata/cases: short reports in an invented world
// (its countries, towns and groups are declared by the file), so that each rule is tested apart
// from the real gazetteer and actor dictionary, and every field of every mention is asserted.
//
// A file holds one world and any number of cases:
//
//	country XA Ardovia Ardovian           code, name, demonyms; the name's first three letters in capitals are its event-id code (ARD)
//	place XA Mareva admin1=North_Vale     a town (_ for spaces in names); "region" instead of place for a division,
//	                                      with abbr=N.V. for the abbreviation a dateline writes of it;
//	                                      alias=Old_Name for another name of a town, found as the town;
//	                                      capital for the country's capital
//	actor "Red Hand" armed_group XA       name, kind, home country; namesake=Other_Name for an actor known
//	                                      by another's name too, which finds the other first; parent=Other_Name
//	                                      for a member of the other's organisation
//	facility XB Dunmore Hollin_Prison alias=Hollin_Jail   a known facility: country, town, name, other names
//
//	case NAME
//	published 2021-04-02                  the publication date
//	lang fr                               the document's language (none: all lexicons)
//	source ARD512.txt                     the document's source (default case.txt)
//	title Film review: ...                the document's title
//	url https://news.example.xb/...       the document's web address (its outlet, its path's words)
//	text ...                              the report; more text lines are more paragraphs
//	want TYPE DATE COUNTRY PLACE FACILITY PERPETRATORS   one line per mention, in order; "-" for empty (an undated mention's date too); _ for spaces;
//	                                      a date known less than to the day carries its precision (2025-06-02/week)
//	figures escaped=30..30 killed/security=2..2          the claims of the mention of the want line before ("figures" alone: none)
//	claimants escaped=Red_Hand/perpetrator                who claimed each figure, in the order figures lists them
//	division South_Vale                   the first-level division of the mention of the want line before
//	want none                             no mention at all
func TestCases(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "cases", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no case files: %v", err)
	}
	for _, file := range files {
		w, cases := readCases(t, file)
		x, err := extract.New(w.resources())
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cases {
			t.Run(filepath.Base(file)+"/"+c.name, func(t *testing.T) { c.check(t, x) })
		}
	}
}

type world struct {
	countries  map[string]string // name or demonym, lower case -> code
	names      map[string]string // code -> the country's name
	demonyms   map[string]string // demonym, lower case -> code
	codes      map[string]string // event-id code -> code
	places     []model.Place
	regions    []model.Place
	abbrevs    map[string]model.Place // a region's abbreviation in datelines -> the region
	aliases    map[string]string      // another name of a town, lower case -> the town's name
	capitals   map[string]model.Place // country code -> its capital
	actors     []extract.ActorMatch   // Start and End unset
	facilities []extract.Facility     // known facilities, added to the embedded list
	parents    map[string]string      // actor -> the organisation it belongs to
}

type extractCase struct {
	name, published, lang, source, url, title string
	text                                      []string
	want                                      []string // one rendered mention a line
	figures, claimants, divisions             map[int]string
}

func readCases(t *testing.T, file string) (*world, []*extractCase) {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := &world{countries: map[string]string{}, demonyms: map[string]string{}, codes: map[string]string{}, names: map[string]string{},
		abbrevs: map[string]model.Place{}, aliases: map[string]string{}, capitals: map[string]model.Place{}, parents: map[string]string{}}
	var cases []*extractCase
	var cur *extractCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, rest, _ := strings.Cut(line, " ")
		fields := strings.Fields(rest)
		bad := func() { t.Fatalf("%s:%d: cannot read %q", file, n, line) }
		switch key {
		case "country":
			if len(fields) < 2 {
				bad()
			}
			for _, name := range fields[1:] {
				w.countries[strings.ToLower(strings.ReplaceAll(name, "_", " "))] = fields[0]
			}
			for _, name := range fields[2:] {
				w.demonyms[strings.ToLower(name)] = fields[0]
			}
			w.codes[strings.ToUpper(fields[1][:3])] = fields[0]
			w.names[fields[0]] = strings.ReplaceAll(fields[1], "_", " ")
		case "place", "region":
			if len(fields) < 2 {
				bad()
			}
			p := model.Place{Country: fields[0], Name: strings.ReplaceAll(fields[1], "_", " "), Precision: model.GeoPlace}
			abbr, capital := "", false
			for _, f := range fields[2:] {
				if v, ok := strings.CutPrefix(f, "admin1="); ok {
					p.Admin1 = strings.ReplaceAll(v, "_", " ")
				}
				if v, ok := strings.CutPrefix(f, "abbr="); ok {
					abbr = v
				}
				if v, ok := strings.CutPrefix(f, "alias="); ok {
					w.aliases[strings.ToLower(strings.ReplaceAll(v, "_", " "))] = p.Name
				}
				if f == "capital" {
					capital = true
				}
			}
			if key == "region" {
				p.Admin1, p.Name, p.Precision = p.Name, "", model.GeoAdmin1
				w.regions = append(w.regions, p)
				if abbr != "" {
					w.abbrevs[abbr] = p
				}
			} else {
				w.places = append(w.places, p)
			}
			if capital {
				w.capitals[p.Country] = p
			}
		case "actor":
			name, after, ok := strings.Cut(strings.TrimPrefix(rest, `"`), `"`)
			more := strings.Fields(after)
			if !ok || len(more) < 2 || len(more) > 3 {
				bad()
			}
			m := extract.ActorMatch{Name: name, Kind: more[0], Country: more[1], Role: model.RolePerpetrator}
			if len(more) == 3 && strings.HasPrefix(more[2], "parent=") { // parent=Other_Name: a member of the other actor's organisation
				w.parents[name] = strings.ReplaceAll(strings.TrimPrefix(more[2], "parent="), "_", " ")
			} else if len(more) == 3 { // namesake=Other_Name: known by the other actor's name, which names the other first
				other, found := strings.CutPrefix(more[2], "namesake=")
				k := slices.IndexFunc(w.actors, func(a extract.ActorMatch) bool { return a.Name == strings.ReplaceAll(other, "_", " ") })
				if !found || k < 0 {
					bad()
				}
				w.actors[k].Namesakes = append(w.actors[k].Namesakes, m)
				continue
			}
			w.actors = append(w.actors, m)
		case "facility":
			if len(fields) < 3 {
				bad()
			}
			f := extract.Facility{Country: fields[0], Town: strings.ReplaceAll(fields[1], "_", " "), Name: strings.ReplaceAll(fields[2], "_", " "), Kind: "prison"}
			for _, a := range fields[3:] {
				v, ok := strings.CutPrefix(a, "alias=")
				if !ok {
					bad()
				}
				f.Aliases = append(f.Aliases, strings.ReplaceAll(v, "_", " "))
			}
			w.facilities = append(w.facilities, f)
		case "case":
			cur = &extractCase{name: rest, figures: map[int]string{}, claimants: map[int]string{}, divisions: map[int]string{}}
			cases = append(cases, cur)
		case "published", "lang", "source", "url", "title", "text", "want", "figures", "claimants", "division":
			if cur == nil {
				bad()
			}
			switch key {
			case "published":
				cur.published = rest
			case "lang":
				cur.lang = rest
			case "source":
				cur.source = rest
			case "url":
				cur.url = rest
			case "title":
				cur.title = rest
			case "text":
				cur.text = append(cur.text, rest)
			case "want":
				cur.want = append(cur.want, rest)
			case "figures":
				cur.figures[len(cur.want)-1] = rest
			case "claimants":
				cur.claimants[len(cur.want)-1] = rest
			case "division":
				cur.divisions[len(cur.want)-1] = rest
			}
		default:
			bad()
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return w, cases
}

// resources are the world's answers to what extraction asks: a name is a place of the first
// context country that has one, else of the only country that has one; a division's name is the
// division where no town bears it, as the gazetteer reads it; in a text that names divisions, a
// town that lies in one of them comes first, in the context countries when there are any.
func (w *world) resources() extract.Resources {
	place := func(name string, countries []string) (model.Place, bool) {
		if canonical, ok := w.aliases[strings.ToLower(name)]; ok {
			name = canonical // the gazetteer knows the town by its other name
		}
		if p, ok := pick(w.places, func(p model.Place) bool { return strings.EqualFold(p.Name, name) }, countries); ok {
			return p, true
		}
		return pick(w.regions, func(p model.Place) bool { return strings.EqualFold(p.Admin1, name) }, countries)
	}
	root := func(name string) string {
		for w.parents[name] != "" {
			name = w.parents[name]
		}
		return name
	}
	return extract.Resources{
		Parent:     func(name string) string { return w.parents[name] },
		SameFamily: func(a, b string) bool { return root(a) == root(b) },
		Facilities: w.facilities,
		Place:      place,
		Within: func(divisions []string) func(string, []string) (model.Place, bool) {
			return func(name string, countries []string) (model.Place, bool) {
				inside := func(p model.Place) bool {
					return strings.EqualFold(p.Name, name) && (len(countries) == 0 || slices.Contains(countries, p.Country)) &&
						slices.ContainsFunc(divisions, func(d string) bool { return strings.EqualFold(d, p.Admin1) && !strings.EqualFold(d, name) })
				}
				if p, ok := pick(w.places, inside, countries); ok {
					return p, true
				}
				return place(name, countries)
			}
		},
		Region: func(name string, countries []string) (model.Place, bool) {
			return pick(w.regions, func(p model.Place) bool { return strings.EqualFold(p.Admin1, name) }, countries)
		},
		Abbreviated: func(abbr string) (model.Place, bool) {
			p, ok := w.abbrevs[abbr]
			return p, ok
		},
		Country: func(name string) (string, bool) {
			code, ok := w.countries[strings.ToLower(name)]
			return code, ok
		},
		Demonyms: func() map[string]string { return w.demonyms },
		CountryCode: func(code string) (string, bool) {
			c, ok := w.codes[code]
			return c, ok
		},
		CountryName: func(code string) (string, bool) {
			name, ok := w.names[code]
			return name, ok
		},
		DomainCountry: func(host string) (string, bool) {
			label := strings.ToUpper(host[strings.LastIndexByte(host, '.')+1:])
			for _, c := range w.countries {
				if c == label {
					return c, true
				}
			}
			return "", false
		},
		Capital: func(code string) (model.Place, bool) {
			p, ok := w.capitals[code]
			return p, ok
		},
		CountryPlace: func(code string) (model.Place, bool) {
			for _, c := range w.countries {
				if c == code {
					return model.Place{Country: code, Precision: model.GeoCountry}, true
				}
			}
			return model.Place{}, false
		},
		Actors: func(text string) []extract.ActorMatch {
			var out []extract.ActorMatch
			for _, a := range w.actors {
				for from := 0; ; {
					k := strings.Index(text[from:], a.Name)
					if k < 0 {
						break
					}
					m := a
					m.Start, m.End = from+k, from+k+len(a.Name)
					out = append(out, m)
					from = m.End
				}
			}
			slices.SortFunc(out, func(a, b extract.ActorMatch) int { return a.Start - b.Start })
			return out
		},
	}
}

func pick(ps []model.Place, match func(model.Place) bool, countries []string) (model.Place, bool) {
	var found []model.Place
	for _, p := range ps {
		if match(p) {
			found = append(found, p)
		}
	}
	for _, c := range countries {
		for _, p := range found {
			if p.Country == c {
				return p, true
			}
		}
	}
	if len(found) == 1 {
		return found[0], true
	}
	return model.Place{}, false
}

func (c *extractCase) check(t *testing.T, x *extract.Extractor) {
	source := c.source
	if source == "" {
		source = "case.txt"
	}
	doc := model.Document{ID: "case", Source: source, URL: c.url, Title: c.title, Text: strings.Join(c.text, "\n\n"), Language: c.lang}
	if c.published != "" {
		day, err := time.Parse(model.DateLayout, c.published)
		if err != nil {
			t.Fatal(err)
		}
		doc.Published = &day
	}
	ms := x.Extract(doc)
	var got []string
	for _, m := range ms {
		got = append(got, renderCase(m))
	}
	want := c.want
	if len(want) == 1 && want[0] == "none" {
		want = nil
	}
	if !slices.Equal(got, want) {
		t.Errorf("mentions:\n got  %s\n want %s", strings.Join(got, "\n      "), strings.Join(want, "\n      "))
	}
	for i, want := range c.claimants {
		if i < len(ms) {
			if got := claimants(ms[i]); got != want {
				t.Errorf("claimants of mention %d: got %q, want %q", i, got, want)
			}
		}
	}
	for i, want := range c.divisions {
		if i < len(ms) {
			if got := strings.ReplaceAll(ms[i].Place.Admin1, " ", "_"); got != want {
				t.Errorf("division of mention %d: got %q, want %q", i, got, want)
			}
		}
	}
	for i, figs := range c.figures {
		if i < len(ms) {
			if got := figures(ms[i]); got != figs {
				t.Errorf("figures of mention %d: got %q, want %q", i, got, figs)
			}
		}
	}
}

// claimants writes who claimed each of a mention's figures, in the order figures writes them.
func claimants(m model.Mention) string {
	var out []string
	for _, c := range m.Claims {
		out = append(out, fmt.Sprintf("%s=%s/%s", c.Metric, strings.ReplaceAll(c.Claimant, " ", "_"), c.ClaimantRole))
	}
	return strings.Join(out, " ")
}

// renderCase writes a mention as a want line does.
func renderCase(m model.Mention) string {
	field := func(s string) string {
		if s == "" {
			return "-"
		}
		return strings.ReplaceAll(s, " ", "_")
	}
	date := "-" // undated
	if !m.Date.IsZero() {
		date = m.Date.Start.Format(model.DateLayout)
		if m.Date.Precision != model.PrecisionDay {
			date += "/" + string(m.Date.Precision)
		}
	}
	return fmt.Sprintf("%s %s %s %s %s %s", m.Type, date, field(m.Place.Country),
		field(m.Place.Name), field(m.Facility), field(strings.Join(m.Perpetrators, ",")))
}
