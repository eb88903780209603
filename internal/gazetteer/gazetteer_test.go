package gazetteer

import (
	"bufio"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/wallwatch/wallwatch/internal/model"
)

// loaded shares one embedded gazetteer between the tests: loading takes about a second.
var loaded = sync.OnceValues(Load)

func gazetteer(tb testing.TB) *Gazetteer {
	tb.Helper()
	g, err := loaded()
	if err != nil {
		tb.Fatalf("Load: %v", err)
	}
	return g
}

func TestLookupRanksBestFirst(t *testing.T) {
	g := gazetteer(t)
	tests := []struct {
		name, country, feature string
		id                     int64
	}{
		{"Hasakah", "SY", "PPLA", 173811},
		{"Hassakeh", "SY", "PPLA", 173811},
		{"al-Hasakah", "SY", "PPLA", 173811},
		{"Deir Ezzor", "SY", "PPLA", 0},
		{"Dayr az Zawr", "SY", "PPLA", 0},
		{"Paris", "FR", "PPLC", 2988507},
		{"Nangarhar", "AF", FeatureAdmin1, 0},
		{"Diyala", "IQ", FeatureAdmin1, 0},
		{"Tillabéri Region", "NE", FeatureAdmin1, 0},
		{"Niger", "NE", FeatureCountry, 0},
		{"Syrie", "SY", FeatureCountry, 0},
		{"Bagram", "AF", "PPL", 0},
		{"Ghweiran", "SY", "PPLX", 0},
		{"Koutoukalé", "NE", "PPL", 0},
		{"Kaloum", "GN", "PPLX", 0},
		{"Atma", "SY", "PPL", 0},
		{"Kéniéba", "ML", FeatureAdmin2, 0}, // "Kenieba Cercle" without its division word
		{"الحسكة", "SY", "PPLA", 173811},    // Arabic, with its article
		{"حلب", "SY", "PPLA", 0},
		{"بنغازي", "LY", "", 0},
		{"Ростов-на-Дону", "RU", "PPLA", 0},
		{"Душанбе", "TJ", "PPLC", 0},
		{"Каир", "EG", "PPLC", 0}, // a foreign capital keeps its Russian name
	}
	for _, tt := range tests {
		got := g.Lookup(tt.name)
		if len(got) == 0 {
			t.Errorf("Lookup(%q) found nothing", tt.name)
			continue
		}
		e := got[0]
		if e.Country != tt.country || (tt.feature != "" && e.Feature != tt.feature) || (tt.id != 0 && e.GeonameID != tt.id) {
			t.Errorf("Lookup(%q)[0] = %s %s %s %d, want %s %s %d", tt.name, e.Name, e.Country, e.Feature, e.GeonameID, tt.country, tt.feature, tt.id)
		}
	}
}

func TestLookupMisses(t *testing.T) {
	g := gazetteer(t)
	for _, name := range []string{"", "Xqzzyvwq", "---"} {
		if got := g.Lookup(name); got != nil {
			t.Errorf("Lookup(%q) = %d entries, want none", name, len(got))
		}
	}
}

func TestLookupHasNoDuplicates(t *testing.T) {
	g := gazetteer(t)
	for _, name := range []string{"Salvador", "Congo", "Niger", "Hasakah", "Paris"} {
		seen := map[Entry]bool{}
		for _, e := range g.Lookup(name) {
			if seen[e] {
				t.Errorf("Lookup(%q) lists %s %s twice", name, e.Name, e.Country)
			}
			seen[e] = true
		}
	}
}

func TestResolve(t *testing.T) {
	g := gazetteer(t)
	tests := []struct {
		name      string
		countries []string
		country   string // "" when Resolve must refuse
		admin1    string
		feature   string
	}{
		{"Beni", []string{"CD"}, "CD", "North Kivu", ""},
		{"Beni", []string{"cd"}, "CD", "North Kivu", ""},
		{"Tikrit", nil, "IQ", "Salah ad Din", "PPLA"},
		{"Jalalabad", []string{"AF"}, "AF", "Nangarhar", "PPLA"},
		{"Jalālābād", []string{"PK", "AF"}, "AF", "Nangarhar", ""},
		{"Hasakah", nil, "SY", "Al-Hasakah", "PPLA"},
		{"Hasakah", []string{"IQ"}, "SY", "Al-Hasakah", "PPLA"},
		{"Dera Ismail Khan", nil, "PK", "Khyber Pakhtunkhwa", ""},
		{"Kuje", nil, "NG", "FCT", ""},
		{"Goma", nil, "CD", "North Kivu", "PPLA"},
		{"Medan", nil, "ID", "", "PPLA"},
		{"Paris", nil, "FR", "Île-de-France", "PPLC"},
		{"Paris", []string{"US"}, "US", "Texas", ""},
		{"Niger", nil, "NE", "", FeatureCountry},
		{"Niger", []string{"NG"}, "NG", "", FeatureAdmin1},
		{"Taji", []string{"IQ"}, "IQ", "Baghdad", ""},
		{"Al-Hol", []string{"SY"}, "SY", "Al-Hasakah", ""},
		{"Al-Hawl", []string{"SY", "IQ"}, "SY", "Al-Hasakah", ""},
		{"Bagram", []string{"AF"}, "AF", "Parwan", "PPL"},
		{"Police", nil, "", "", ""},
		{"Police", []string{"PL"}, "PL", "", ""},
		{"Bar", nil, "", "", ""},
		{"Bar", []string{"ME"}, "ME", "", ""},
		{"Of", nil, "", "", ""},
		{"Mission", nil, "", "", ""},
		{"Union", nil, "", "", ""},
		{"Friday", nil, "", "", ""},
		{"Said", nil, "", "", ""},
		{"Chad", nil, "TD", "", FeatureCountry},
		{"Dili", nil, "TL", "", "PPLC"}, // the capital of that name, not one it is another name of
		{"Xqzzyvwq", nil, "", "", ""},
	}
	for _, tt := range tests {
		e, ok := g.Resolve(tt.name, tt.countries)
		if tt.country == "" {
			if ok {
				t.Errorf("Resolve(%q, %v) = %s %s %s, want refusal", tt.name, tt.countries, e.Name, e.Country, e.Feature)
			}
			continue
		}
		if !ok || e.Country != tt.country || (tt.admin1 != "" && e.Admin1 != tt.admin1) || (tt.feature != "" && e.Feature != tt.feature) {
			t.Errorf("Resolve(%q, %v) = %s %s/%s %s (ok %v), want %s/%s %s", tt.name, tt.countries, e.Name, e.Country, e.Admin1, e.Feature, ok, tt.country, tt.admin1, tt.feature)
		}
	}
}

func TestCountry(t *testing.T) {
	g := gazetteer(t)
	tests := []struct {
		name, want string
	}{
		{"Nigerien", "NE"}, {"Nigérien", "NE"}, {"Niger", "NE"},
		{"Nigerian", "NG"}, {"Nigeria", "NG"},
		{"Congolese", "CD"}, {"DR Congo", "CD"}, {"DRC", "CD"}, {"RDC", "CD"}, {"Democratic Republic of the Congo", "CD"},
		{"Congo-Brazzaville", "CG"}, {"Republic of the Congo", "CG"},
		{"Syrian", "SY"}, {"Syria", "SY"}, {"Syrie", "SY"},
		{"Iraq", "IQ"}, {"Irak", "IQ"}, {"Iraqi", "IQ"},
		{"U.S.", "US"}, {"US", "US"}, {"United States", "US"}, {"American", "US"},
		{"Haiti", "HT"}, {"Haïti", "HT"}, {"Haitian", "HT"},
		{"Afghan", "AF"}, {"Burkinabe", "BF"}, {"Ivory Coast", "CI"}, {"Côte d'Ivoire", "CI"},
		{"Guinea", "GN"}, {"Guinea-Bissau", "GW"}, {"Sudan", "SD"}, {"South Sudanese", "SS"},
		{"Pakistan", "PK"}, {"Philippines", "PH"}, {"Tchad", "TD"},
		{"سوريا", "SY"}, {"سورية", "SY"}, {"العراق", "IQ"}, {"عراقي", "IQ"}, {"الأردن", "JO"}, {"الاردن", "JO"},
		{"Сирия", "SY"}, {"Россия", "RU"}, {"США", "US"}, {"Таджикистан", "TJ"},
		{"Уругвай", "UY"}, {"Эль-Сальвадор", "SV"}, {"الأرجنتين", "AR"}, {"اليونان", "GR"},
		// countries-languages.tsv: other languages' names, and Russian after a preposition
		{"Marruecos", "MA"}, {"Marrocos", "MA"}, {"Ägypten", "EG"}, {"Mesir", "EG"}, {"Afrika Kusini", "ZA"},
		{"Filipinler", "PH"}, {"Pilipinas", "PH"}, {"Египте", "EG"}, {"Suriyeli", "SY"},
	}
	for _, tt := range tests {
		if got, ok := g.Country(tt.name); !ok || got != tt.want {
			t.Errorf("Country(%q) = %q, %v, want %q", tt.name, got, ok, tt.want)
		}
	}
	// Demonyms written in lower case are no country names, capitalised as a town bearing one is.
	for _, name := range []string{"us", "car", "Police", "Hasakah", "", "مالي", "عمان", "Colombianos", "colombianos", "Mısır", "Kanada"} {
		if got, ok := g.Country(name); ok {
			t.Errorf("Country(%q) = %q, want no country", name, got)
		}
	}
}

func TestDemonyms(t *testing.T) {
	d := gazetteer(t).Demonyms()
	for _, tt := range []struct{ word, want string }{
		{"syrian", "SY"}, {"syrienne", "SY"}, {"malien", "ML"}, {"colombienne", "CO"}, {"colombianos", "CO"}, {"mejicanos", "MX"},
		{"syria", ""}, {"mali", ""}, {"police", ""}, // names and other words are no demonyms
	} {
		if got := d[tt.word]; got != tt.want {
			t.Errorf("Demonyms()[%q] = %q, want %q", tt.word, got, tt.want)
		}
	}
}

func TestCountryOfCode(t *testing.T) {
	g := gazetteer(t)
	for _, tt := range []struct{ code, want string }{
		{"KEN", "KE"}, {"SYR", "SY"}, {"NER", "NE"}, {"NGA", "NG"}, // ISO alpha-3
		{"NIG", "NG"}, {"NIR", "NE"}, {"BFO", "BF"}, {"SAF", "ZA"}, // a dataset's own
		{"GTD", ""}, {"RTA", ""}, {"ken", ""}, {"KE", ""}, {"", ""},
	} {
		got, ok := g.CountryOfCode(tt.code)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("CountryOfCode(%q) = %q, %v, want %q", tt.code, got, ok, tt.want)
		}
	}
}

func TestCountryOfDomain(t *testing.T) {
	g := gazetteer(t)
	for _, tt := range []struct{ host, want string }{
		{"www.example.it", "IT"}, {"news.example.co.uk", "GB"}, {"Example.FR.", "FR"}, {"example.cd", "CD"},
		{"example.com", ""}, {"example.org", ""}, {"example.tv", ""}, {"example.io", ""}, // generic
		{"example.zz", ""}, {"localhost", ""}, {"", ""},
	} {
		got, ok := g.CountryOfDomain(tt.host)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("CountryOfDomain(%q) = %q, %v, want %q", tt.host, got, ok, tt.want)
		}
	}
}

func TestCountryInfo(t *testing.T) {
	g := gazetteer(t)
	c, ok := g.CountryInfo("sy")
	if !ok || c.Code != "SY" || c.ISO3 != "SYR" || c.Name != "Syria" || c.Capital != "Damascus" {
		t.Fatalf("CountryInfo(sy) = %+v, %v", c, ok)
	}
	if c.Lat < 32 || c.Lat > 37 || c.Lon < 35 || c.Lon > 42 {
		t.Errorf("Syria centroid = %v,%v, want inside Syria's box", c.Lat, c.Lon)
	}
	if _, ok := g.CountryInfo("ZZ"); ok {
		t.Error("CountryInfo(ZZ) found a country")
	}
}

func TestAdmin1(t *testing.T) {
	g := gazetteer(t)
	tests := []struct {
		country, code, name string
		lat, lon            float64 // expected point, within a degree
	}{
		{"SY", "01", "Al-Hasakah", 36.4, 40.9},
		{"AF", "18", "Nangarhar", 34.3, 70.5},
		{"IQ", "10", "Diyālá", 34, 45},
	}
	for _, tt := range tests {
		e, ok := g.Admin1(tt.country, tt.code)
		if !ok || e.Name != tt.name || e.Feature != FeatureAdmin1 || abs(e.Lat-tt.lat) > 1 || abs(e.Lon-tt.lon) > 1 {
			t.Errorf("Admin1(%s, %s) = %s %v,%v %v, want %s near %v,%v", tt.country, tt.code, e.Name, e.Lat, e.Lon, ok, tt.name, tt.lat, tt.lon)
		}
	}
	if _, ok := g.Admin1("SY", "99"); ok {
		t.Error("Admin1(SY, 99) found a division")
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

func TestToPlace(t *testing.T) {
	g := gazetteer(t)
	city, _ := g.Resolve("Goma", nil)
	admin, _ := g.Resolve("Nangarhar", nil)
	country, _ := g.Resolve("Syria", nil)
	tests := []struct {
		e    Entry
		want model.Place
	}{
		{city, model.Place{Country: "CD", Admin1: "North Kivu", Name: "Goma", GeonameID: city.GeonameID, Lat: city.Lat, Lon: city.Lon, Precision: model.GeoPlace}},
		{admin, model.Place{Country: "AF", Admin1: "Nangarhar", GeonameID: admin.GeonameID, Lat: admin.Lat, Lon: admin.Lon, Precision: model.GeoAdmin1}},
		{country, model.Place{Country: "SY", GeonameID: country.GeonameID, Lat: country.Lat, Lon: country.Lon, Precision: model.GeoCountry}},
		{Entry{Name: "Somewhere", Country: "SY", Admin1Code: "01", Feature: "PPL"}, model.Place{Country: "SY", Admin1: "Al-Hasakah", Name: "Somewhere", Precision: model.GeoPlace}},
	}
	for _, tt := range tests {
		if got := g.ToPlace(tt.e); got != tt.want {
			t.Errorf("ToPlace(%s) = %+v, want %+v", tt.e.Name, got, tt.want)
		}
	}
}

func TestMaxWords(t *testing.T) {
	g := gazetteer(t)
	if got := g.MaxWords(); got < 3 || got > 20 {
		t.Errorf("MaxWords() = %d, want between 3 (Dera Ismail Khan) and 20", got)
	}
}

// TestCountriesExtraCoversEveryCountry keeps the hand-made names file complete.
func TestCountriesExtraCoversEveryCountry(t *testing.T) {
	g := gazetteer(t)
	listed := map[string]bool{}
	sc := bufio.NewScanner(strings.NewReader(countriesExtraData))
	for sc.Scan() {
		if line := sc.Text(); line != "" && line[0] != '#' {
			listed[strings.SplitN(line, "\t", 2)[0]] = true
		}
	}
	for code := range g.info {
		if !listed[code] {
			t.Errorf("countries-extra.tsv has no row for %s (%s)", code, g.info[code].Name)
		}
	}
}

// TestCommonWordsAreNotAlternates checks the stoplist keeps alternates out of the index.
func TestCommonWordsAreNotAlternates(t *testing.T) {
	g := gazetteer(t)
	for _, word := range []string{"Police", "Prison", "Mission", "Union", "Friday", "Said", "Of", "الجزيرة", "بأنه"} {
		for _, e := range g.Lookup(word) {
			if Fold(e.Name) != Fold(word) && Fold(e.ASCIIName) != Fold(word) && e.Feature != FeatureCountry {
				t.Errorf("Lookup(%q) finds %s (%s) through an alternate name", word, e.Name, e.Country)
			}
		}
	}
}

func TestLoadHeap(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the gazetteer: skipped in -short mode")
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	g, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	heap := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	t.Logf("heap after load: %d MiB (%d entries, %d keys)", heap>>20, len(g.records), g.index.count())
	if heap > 300<<20 {
		t.Errorf("heap after load = %d MiB, want < 300 MiB", heap>>20)
	}
	runtime.KeepAlive(g)
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLookup(b *testing.B) {
	g := gazetteer(b)
	for _, name := range []string{"Al-Hasakah", "Deir ez-Zor", "Mosul Central Prison"} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				g.Lookup(name)
			}
		})
	}
}

func BenchmarkResolve(b *testing.B) {
	g := gazetteer(b)
	b.ReportAllocs()
	for b.Loop() {
		g.Resolve("Jalalabad", []string{"AF"})
	}
}

func BenchmarkFold(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Fold("Al Ḩasakah")
	}
}

// TestSupplementRows checks every hand-made place is found by each of its names, in a known
// first-level division.
func TestSupplementRows(t *testing.T) {
	g := gazetteer(t)
	for _, line := range strings.Split(supplementData, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		for _, name := range append([]string{f[0]}, splitList(f[1])...) {
			e, ok := g.Resolve(name, []string{f[2]})
			if !ok || e.Name != f[0] || e.Country != f[2] || e.Admin1 == "" {
				t.Errorf("Resolve(%q, %s) = %s %s/%q %v, want supplement row %s", name, f[2], e.Name, e.Country, e.Admin1, ok, f[0])
			}
		}
	}
}

func TestAbbreviated(t *testing.T) {
	g := gazetteer(t)
	tests := []struct{ abbr, country, admin1 string }{
		{"Calif.", "US", "California"}, {"N.Y.", "US", "New York"}, {"W.Va.", "US", "West Virginia"},
		{"La.", "US", "Louisiana"}, {"Ont.", "CA", "Ontario"}, {"B.C.", "CA", "British Columbia"},
	}
	for _, tt := range tests {
		e, ok := g.Abbreviated(tt.abbr)
		if !ok || e.Country != tt.country || e.Name != tt.admin1 || e.Feature != FeatureAdmin1 {
			t.Errorf("Abbreviated(%q) = %s %q %s, %v; want %s %q", tt.abbr, e.Country, e.Name, e.Feature, ok, tt.country, tt.admin1)
		}
	}
	for _, abbr := range []string{"Calif", "calif.", "CA", "Texas.", ""} {
		if e, ok := g.Abbreviated(abbr); ok {
			t.Errorf("Abbreviated(%q) = %q, want none: abbreviations match as datelines write them", abbr, e.Name)
		}
	}
}
