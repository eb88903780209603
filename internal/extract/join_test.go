package extract

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// TestJoinFacilityStories checks that one document's mentions of one facility, however spelt,
// become one mention, and that mentions of other facilities, other weeks or incompatible types
// stay apart.
func TestJoinFacilityStories(t *testing.T) {
	lex, err := loadLexicons(nil)
	if err != nil {
		t.Fatal(err)
	}
	x := &Extractor{lex: lex}
	day, n := dayOf(t), intOf
	mention := func(typ model.EventType, date, facility string, claims ...model.Claim) model.Mention {
		return model.Mention{Type: typ, Date: day(date), Place: model.Place{Country: "XA"}, Facility: facility, Claims: claims}
	}
	escaped30 := model.Claim{Metric: model.Escaped, Low: n(30), High: n(30), Start: 10, End: 12}
	escaped80 := model.Claim{Metric: model.Escaped, Low: n(80), High: n(80), Start: 90, End: 92}
	tests := []struct {
		name string
		in   []model.Mention
		want []string // type and facility of each mention out, with its claim count
	}{
		{"an abbreviation and its expansion are one facility",
			[]model.Mention{mention(model.MassEscape, "2019-05-11", "Rutan Kelas IIB Kolondo", escaped30),
				mention(model.Riot, "2019-05-11", "Rumah Tahanan Kelas IIB Kolondo", escaped30, escaped80)},
			[]string{"mass_escape Rutan Kelas IIB Kolondo 2"}},
		{"the more informative type wins",
			[]model.Mention{mention(model.Riot, "2019-05-11", "Kolondo prison"), mention(model.FacilityAttack, "2019-05-12", "prison of Kolondo")},
			[]string{"facility_attack Kolondo prison 0"}},
		{"another facility stays apart",
			[]model.Mention{mention(model.Riot, "2019-05-11", "Kolondo prison"), mention(model.Riot, "2019-05-11", "Tarvo prison")},
			[]string{"riot Kolondo prison 0", "riot Tarvo prison 0"}},
		{"another week stays apart",
			[]model.Mention{mention(model.Riot, "2019-05-11", "Kolondo prison"), mention(model.Riot, "2019-06-11", "Kolondo prison")},
			[]string{"riot Kolondo prison 0", "riot Kolondo prison 0"}},
		{"types no incident is told as stay apart",
			[]model.Mention{mention(model.MassEscape, "2019-05-11", "Kolondo prison"), mention(model.ThwartedAttack, "2019-05-11", "Kolondo prison")},
			[]string{"mass_escape Kolondo prison 0", "thwarted_attack Kolondo prison 0"}},
		{"a slip of the pen in a name keeps one facility",
			[]model.Mention{mention(model.Riot, "2019-05-11", "Sarovia prison"), mention(model.Riot, "2019-05-12", "Sarobia prison")},
			[]string{"riot Sarovia prison 0"}},
		{"a word of bearing before a name joins the name told without it, and the name with it tells where",
			[]model.Mention{mention(model.FacilityAttack, "2019-05-11", "Kolondo jail"), mention(model.FacilityAttack, "2019-05-11", "North Kolondo District Jail", escaped30)},
			[]string{"facility_attack North Kolondo District Jail 1"}},
		{"opposite bearings stay apart",
			[]model.Mention{mention(model.Riot, "2019-05-11", "North Kolondo jail"), mention(model.Riot, "2019-05-11", "South Kolondo jail")},
			[]string{"riot North Kolondo jail 0", "riot South Kolondo jail 0"}},
		{"no facility, no join",
			[]model.Mention{mention(model.Riot, "2019-05-11", ""), mention(model.Riot, "2019-05-11", "")},
			[]string{"riot  0", "riot  0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, m := range joinFacilityStories(tt.in, x.facilityKey, x.bearing) {
				got = append(got, string(m.Type)+" "+m.Facility+" "+strconv.Itoa(len(m.Claims)))
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("mention %d: got %q, want %q", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// TestJoinLedes checks that a mention without figures joins the document's story: a lede close by
// within a week, or one placed in no town that names a facility, into the story of its type a day
// apart at most; other mentions stay apart.
func TestJoinLedes(t *testing.T) {
	day, n := dayOf(t), intOf
	escaped := model.Claim{Metric: model.Escaped, Low: n(600), High: n(600)}
	town := model.Place{Country: "XA", Name: "Tarvo", Lat: 1, Lon: 1, Precision: model.GeoPlace}
	country := model.Place{Country: "XA", Precision: model.GeoCountry}
	story := model.Mention{Type: model.MassEscape, Date: day("2015-09-28"), Place: town, Facility: "Tarvo central prison", Claims: []model.Claim{escaped}}
	mention := func(typ model.EventType, date string, place model.Place, facility string) model.Mention {
		return model.Mention{Type: typ, Date: day(date), Place: place, Facility: facility}
	}
	tests := []struct {
		name string
		in   []model.Mention
		want int // mentions out
	}{
		{"a misspelt prison placed nowhere joins the story", []model.Mention{story, mention(model.MassEscape, "2015-09-28", country, "central prison of Kolondi")}, 1},
		{"a day apart still joins", []model.Mention{mention(model.MassEscape, "2015-09-29", country, "central prison of Kolondi"), story}, 1},
		{"another type stays apart", []model.Mention{story, mention(model.Riot, "2015-09-28", country, "central prison of Kolondi")}, 2},
		{"another week stays apart", []model.Mention{story, mention(model.MassEscape, "2015-10-08", country, "central prison of Kolondi")}, 2},
		{"no facility named, no join", []model.Mention{story, mention(model.MassEscape, "2015-09-28", country, "")}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := joinLedes(tt.in); len(got) != tt.want {
				t.Errorf("got %d mentions, want %d: %+v", len(got), tt.want, got)
			}
		})
	}
}

// dayOf returns a reader of days ("2019-05-11") as dates of day precision that fails t on a bad one.
func dayOf(t *testing.T) func(string) model.Date {
	return func(s string) model.Date {
		d, err := time.Parse(model.DateLayout, s)
		if err != nil {
			t.Fatal(err)
		}
		return model.Date{Start: d, Precision: model.PrecisionDay}
	}
}

// intOf returns a pointer to v, as claims hold their bounds.
func intOf(v int) *int { return &v }

// TestJoinUnplacedStory checks that the country-level mention of a two-mention document joins the
// placed one of its week and a compatible type, pooling claims, and that round-ups, other
// divisions, other weeks and other types stay apart.
func TestJoinUnplacedStory(t *testing.T) {
	day, n := dayOf(t), intOf
	town := model.Place{Country: "XA", Name: "Tarvo", Admin1: "South Vale", Precision: model.GeoPlace}
	country := model.Place{Country: "XA", Precision: model.GeoCountry}
	division := model.Place{Country: "XA", Admin1: "North Vale", Precision: model.GeoAdmin1}
	wounded := model.Claim{Metric: model.Wounded, Low: n(9), High: n(9), Start: 40, End: 45}
	killed := model.Claim{Metric: model.Killed, Low: n(2), High: n(2), Start: 10, End: 15}
	mention := func(typ model.EventType, date string, place model.Place, facility string, claims ...model.Claim) model.Mention {
		return model.Mention{Type: typ, Date: day(date), Place: place, Facility: facility, Claims: claims}
	}
	riot := mention(model.Riot, "2011-04-02", town, "Tarvo prison", wounded)
	tests := []struct {
		name string
		in   []model.Mention
		want []string // type, date, place and claim count of each mention out
	}{
		{"the unplaced story told first joins the placed one, which keeps its place and date",
			[]model.Mention{mention(model.OtherAttack, "2011-04-06", country, "", killed), riot},
			[]string{"riot 2011-04-02 Tarvo 2"}},
		{"a claim read twice is kept once",
			[]model.Mention{riot, mention(model.Riot, "2011-04-03", country, "", wounded)},
			[]string{"riot 2011-04-02 Tarvo 1"}},
		{"a mention placed in a division is another story",
			[]model.Mention{riot, mention(model.Riot, "2011-04-03", division, "", killed)},
			[]string{"riot 2011-04-02 Tarvo 1", "riot 2011-04-03  1"}},
		{"a mention that names a facility is another story",
			[]model.Mention{riot, mention(model.Riot, "2011-04-03", country, "Orlin jail", killed)},
			[]string{"riot 2011-04-02 Tarvo 1", "riot 2011-04-03  1"}},
		{"another month stays apart",
			[]model.Mention{riot, mention(model.Riot, "2011-05-20", country, "", killed)},
			[]string{"riot 2011-04-02 Tarvo 1", "riot 2011-05-20  1"}},
		{"types no incident is told as stay apart",
			[]model.Mention{mention(model.MassEscape, "2011-04-02", town, "Tarvo prison"), mention(model.ThwartedAttack, "2011-04-02", country, "", killed)},
			[]string{"mass_escape 2011-04-02 Tarvo 0", "thwarted_attack 2011-04-02  1"}},
		{"a round-up of three stays as told",
			[]model.Mention{riot, mention(model.Riot, "2011-04-03", country, "", killed), mention(model.Riot, "2011-04-03", town, "Orlin jail")},
			[]string{"riot 2011-04-02 Tarvo 1", "riot 2011-04-03  1", "riot 2011-04-03 Tarvo 0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, m := range joinUnplacedStory(tt.in) {
				got = append(got, fmt.Sprintf("%s %s %s %d", m.Type, m.Date.Start.Format(time.DateOnly), m.Place.Name, len(m.Claims)))
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
