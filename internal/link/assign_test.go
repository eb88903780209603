package link

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/wallwatch/wallwatch/internal/model"
)

func TestProfileCodeRoundTrip(t *testing.T) {
	for _, line := range []string{
		`a#0 type=facility_attack date=2020-08-02 country=XA admin1=Nolan place=Edrin geo=facility facility="Nolan Central Prison" perp="Islamic State" lat=1.25 lon=-3.5`,
		`b#1 type=mass_escape date=2020-08-01 prec=month country=XA place=Edrin geo=place geonameid=42`,
		`c#0 country=XA geo=country`,
		`d#2 facility="the prison"`,
	} {
		m := mention(t, line)
		want := newProfile(m, isFamily)
		want.doc = ""
		got, err := decodeProfile(ProfileCode(m, isFamily))
		if err != nil {
			t.Fatalf("%s: %v", line, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\ngot  %+v\nwant %+v", line, got, want)
		}
	}
	if _, err := decodeProfile("XA\tonly two"); err == nil {
		t.Error("a code of two fields decoded without error")
	}
	// A code stored before the titled-only mark reads as not titled only.
	legacy := "XA\tfacility_attack\t\t\t\tedrin\t\t0\t \t"
	if p, err := decodeProfile(legacy); err != nil || p.titledOnly || !reflect.DeepEqual(p.place, []string{"edrin"}) {
		t.Errorf("legacy code: %+v, %v", p, err)
	}
	// A code stored before police-station words were read in English reads them so.
	spanish := "XA	riot			estacion policial	edrin		0	 		"
	if p, err := decodeProfile(spanish); err != nil || !reflect.DeepEqual(p.facility, []string{"police", "station"}) {
		t.Errorf("code with a Spanish police station: %+v, %v", p, err)
	}
}

func TestAssign(t *testing.T) {
	member := func(line string, count int) Member {
		return Member{Code: ProfileCode(mention(t, line), isFamily), Count: count}
	}
	kuje := Candidate{ID: "inc-kuje", First: "k", Members: []Member{
		member(`k#0 type=facility_attack date=2022-07-05 country=XA place=Kuje geo=facility facility="Kuje custodial centre"`, 40),
		member(`k#1 type=mass_escape date=2022-07-06 country=XA place=Kuje geo=place`, 3),
	}}
	owerri := Candidate{ID: "inc-owerri", First: "o", Members: []Member{
		member(`o#0 type=facility_attack date=2022-07-05 country=XA place=Owerri geo=place`, 1),
	}}
	country := Candidate{ID: "inc-country", First: "c", Members: []Member{
		member(`c#0 type=mass_escape date=2022-07-05 country=XA geo=country`, 1),
	}}
	tests := []struct {
		name  string
		lines []string
		cands []Candidate
		want  []string
	}{
		{"a report of the facility joins its incident", []string{`n#0 type=facility_attack date=2022-07-06 country=XA place=Kuje geo=facility facility="Kuje prison"`},
			[]Candidate{kuje, owerri}, []string{"inc-kuje"}},
		{"a report elsewhere starts an incident", []string{`n#0 type=facility_attack date=2022-07-06 country=XA place=Lagos geo=place`},
			[]Candidate{kuje, owerri}, []string{""}},
		{"a date outside any member's window starts an incident", []string{`n#0 type=facility_attack date=2022-09-06 country=XA place=Kuje geo=place`},
			[]Candidate{kuje}, []string{""}},
		{"two mentions of a document never share an incident", []string{
			`n#0 type=facility_attack date=2022-07-05 country=XA place=Kuje geo=place`,
			`n#1 type=facility_attack date=2022-07-05 country=XA place=Kuje geo=place`,
		}, []Candidate{kuje}, []string{"inc-kuje", ""}},
		{"a coarse mention compatible with two incidents joins neither", []string{`n#0 type=facility_attack date=2022-07-05 country=XA geo=country`},
			[]Candidate{kuje, owerri, country}, []string{"inc-country"}},
		{"a coarse mention compatible with one incident joins it", []string{`n#0 type=facility_attack date=2022-07-05 country=XA geo=country`},
			[]Candidate{owerri, country}, []string{"inc-owerri"}},
	}
	for _, tt := range tests {
		var ms []model.Mention
		for _, l := range tt.lines {
			ms = append(ms, mention(t, l))
		}
		got, err := Assign(ms, tt.cands, isFamily)
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Assign = %q, %v; want %q", tt.name, got, err, tt.want)
		}
		// Decoded once and placing twice: AssignDecoded leaves the candidates as they were.
		var decoded []*Decoded
		for _, c := range tt.cands {
			d, err := Decode(c)
			if err != nil {
				t.Fatal(err)
			}
			decoded = append(decoded, d)
		}
		for round := range 2 {
			if got := AssignDecoded(ms, decoded, isFamily); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%s, round %d: AssignDecoded = %q; want %q", tt.name, round, got, tt.want)
			}
		}
	}
}

// TestTallyInParts: a tally kept by adding one mention's votes at a time decides what the tally
// of all the votes at once decides, in any order.
func TestTallyInParts(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	ms := randomMentions(rng, 40)
	var all []Vote
	for _, m := range ms {
		all = append(all, Votes(m, true)...)
	}
	want := Decide(Tally(all), isFamily)
	for round := range 5 {
		rng.Shuffle(len(ms), func(i, j int) { ms[i], ms[j] = ms[j], ms[i] })
		var kept []Vote
		for _, m := range ms {
			kept = Tally(append(kept, Votes(m, true)...))
		}
		if got := Decide(kept, isFamily); !reflect.DeepEqual(got, want) {
			t.Errorf("round %d: %+v, want %+v", round, got, want)
		}
	}
}

func TestSupersedes(t *testing.T) {
	at := func(s string) Position { return Position{Reported: day(t, s)} }
	tests := []struct {
		p             Position
		latest        string
		none          bool
		replace, join bool
	}{
		{at("2022-01-22"), "", true, true, false},
		{at("2022-01-23"), "2022-01-22", false, true, false},
		{at("2022-01-22"), "2022-01-22", false, false, true},
		{at("2022-01-21"), "2022-01-22", false, false, false},
	}
	for _, tt := range tests {
		var latest Position
		if tt.latest != "" {
			latest = at(tt.latest)
		}
		replace, join := Supersedes(tt.p, latest.Reported, tt.none)
		if replace != tt.replace || join != tt.join {
			t.Errorf("Supersedes(%s, %s, %v) = %v, %v; want %v, %v", tt.p.Reported, tt.latest, tt.none, replace, join, tt.replace, tt.join)
		}
	}
}
