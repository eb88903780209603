package reference

import (
	"strings"
	"sync"
	"testing"

	"github.com/wallwatch/wallwatch/internal/gazetteer"
)

// TestPlacePopulationPolicy: a place outside the document's countries is read from a capitalised
// word only when it is large, a province or a capital of some size; inside them, any town but a
// hamlet.
func TestPlacePopulationPolicy(t *testing.T) {
	ref := gazetteerData(t)
	tests := []struct {
		name      string
		countries []string
		want      string // the country of the place found, "" for none
	}{
		{"Kabul", nil, "AF"},           // a national capital anywhere
		{"Lagos", nil, "NG"},           // a large city anywhere
		{"Vale", nil, ""},              // an alternate name of a capital of 2,000 people: a common word first
		{"Vale", []string{"AI"}, "AI"}, // in a text about Anguilla, its capital
		{"Gembu", nil, ""},             // a small foreign town
		{"Gembu", []string{"NG"}, "NG"},
		{"Bonn", []string{"ML"}, "DE"},   // a large foreign city by its own name
		{"Boni", nil, "DE"},              // an alternate name of one, in a text of no country
		{"Boni", []string{"ML"}, ""},     // but not against the text's own countries
		{"Moscou", []string{"FR"}, "RU"}, // a capital by any of its names
		{"Bayern", nil, "DE"},            // a province by an alternate name, in a text of no country
		{"Bayern", []string{"ML"}, ""},   // but not against the text's own countries
		{"Bavaria", []string{"ML"}, "DE"},
		{"Al Mahrah", []string{"ML"}, "YE"},        // a province's name without its designator is its own
		{"Salto del Guairá", []string{"BR"}, "PY"}, // a provincial seat of several words, abroad
		{"Caballero", []string{"BR"}, ""},          // but not one word of it
		{"الحديدة", []string{"SA"}, "YE"},          // a large city by its name in another script, abroad
	}
	for _, tt := range tests {
		p, ok := ref.place(tt.name, tt.countries)
		got := ""
		if ok {
			got = p.Country
		}
		if got != tt.want {
			t.Errorf("place(%q, %s) = %q (%s), want %q", tt.name, strings.Join(tt.countries, ","), got, p.Name, tt.want)
		}
	}
}

// TestNesting: a town and the division it lies in place a text that names no country, and say
// so; without such a pair, a town of note in one country only is a weaker guess.
func TestNesting(t *testing.T) {
	ref := gazetteerData(t)
	tests := []struct {
		names      []string
		want       string // the first country, "" for none
		wantNested bool
	}{
		{[]string{"Beni", "North Kivu"}, "CD", true},
		{[]string{"Kandahar"}, "AF", false},
		{[]string{"Higüey", "La Altagracia", "La Vega"}, "DO", true}, // the division named without its designator ("Province")
		{[]string{"Friday"}, "", false},
		{[]string{"Zerfaliu"}, "", false}, // a village that is only its commune's seat is no town of note
		// As many pairs in two countries: the one whose towns of note the text names.
		{[]string{"La Victoria", "Victoria", "Santo Domingo Norte", "Santo Domingo"}, "DO", true},
	}
	for _, tt := range tests {
		got, nested := ref.nesting(tt.names)
		first := ""
		if len(got) > 0 {
			first = got[0]
		}
		if first != tt.want || nested != tt.wantNested {
			t.Errorf("nesting(%v) = %v, %v; want %q first, nested %v", tt.names, got, nested, tt.want, tt.wantNested)
		}
	}
}

// TestWithin: a town's namesake in a division the text names wins over a better-known one.
func TestWithin(t *testing.T) {
	ref := gazetteerData(t)
	tests := []struct {
		name       string
		countries  []string
		divisions  []string
		wantAdmin1 string
	}{
		{"Limoeiro", []string{"BR"}, []string{"Pernambuco"}, "Pernambuco"},
		{"Limoeiro", []string{"BR"}, []string{"Agreste", "Limoeiro"}, ""}, // no division of a namesake named: as place does
	}
	for _, tt := range tests {
		p, ok := ref.within(tt.divisions)(tt.name, tt.countries)
		want, wantOK := ref.place(tt.name, tt.countries)
		if tt.wantAdmin1 != "" {
			want.Admin1, wantOK = tt.wantAdmin1, true
		}
		if ok != wantOK || p.Admin1 != want.Admin1 {
			t.Errorf("within(%q, %v, %v) = %s/%s %v, want %s %v", tt.name, tt.countries, tt.divisions, p.Name, p.Admin1, ok, want.Admin1, wantOK)
		}
	}
}

// gazetteerData loads the bundled gazetteer once for the tests that resolve names with it.
func gazetteerData(t *testing.T) Data {
	t.Helper()
	loadOnce.Do(func() { loaded, loadErr = gazetteer.Load() })
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	return Data{Gazetteer: loaded}
}

var (
	loadOnce sync.Once
	loaded   *gazetteer.Gazetteer
	loadErr  error
)
