package link

import (
	"strings"
	"testing"

	"github.com/wallwatch/wallwatch/internal/model"
)

func TestCompatible(t *testing.T) {
	const base = "type=facility_attack date=2020-10-20 country=XA admin1=Vale place=Mareva "
	tests := []struct {
		name string
		a, b string
		want bool
	}{
		{"facility and its town", base + `geo=facility facility="Kolondo prison"`, base + "geo=place", true},
		{"country-level mention", base + `geo=facility facility="Kolondo prison"`, "type=facility_attack date=2020-10-01 prec=month country=XA geo=country", true},
		{"different facilities, same town", base + `facility="Kolondo prison"`, base + `facility="Ivers prison"`, false},
		{"facility named after the town", base + `facility="Kolondo prison"`, base + `facility="Mareva central prison"`, true},
		{"dates outside both tolerances", base + "geo=place", "type=facility_attack date=2020-10-23 country=XA place=Mareva", false},
		{"dates within week tolerance", base + "geo=place", "type=facility_attack date=2020-10-26 prec=week country=XA place=Mareva", true},
		{"contradicting perpetrators", base + "perp=Taliban", base + `perp="Islamic State"`, false},
		{"branch and root", base + `perp="Islamic State Khorasan Province"`, base + `perp="Islamic State"`, true},
		{"one perpetrator unnamed", base + "perp=Taliban", base, true},
		{"riot and mass escape", base + "type=riot", base + "type=mass_escape", true}, // the last type= wins
		{"thwarted and riot", base + "type=thwarted_attack", base + "type=riot", false},
		{"unknown type", base + "type=", base, true},
		{"undated", "type=facility_attack country=XA place=Mareva", base, true},
		{"other countries", base, "type=facility_attack date=2020-10-20 country=XB admin1=Vale place=Mareva", false},
		{"diacritics and articles", base + `facility="al-Sinâ'a prison"`, base + `facility="Sinaa prison"`, true},
		{"one facility name, a misplaced town in the same region",
			`type=mass_escape date=2013-07-11 country=XA admin1=Vale place=Mareva geo=place lat=3.6 lon=98.7 facility="Kolondo penitentiary"`,
			`type=mass_escape date=2013-07-11 country=XA admin1=Vale place=Torre geo=place lat=2.9 lon=99.8 facility="penjara Kolondo"`, true},
		{"related facility names far apart",
			`type=mass_escape date=2013-07-11 country=XA admin1=Vale place=Mareva geo=place lat=3.6 lon=98.7 facility="Kolondo penitentiary"`,
			`type=mass_escape date=2013-07-11 country=XA admin1=Vale place=Torre geo=place lat=2.9 lon=99.8 facility="Kolondo North prison"`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mention(t, "a#0 "+tt.a)
			b := mention(t, "b#0 "+tt.b)
			s, ok := Compatible(a, b, isFamily)
			if ok != tt.want {
				t.Fatalf("Compatible = %v (score %.2f), want %v", ok, s, tt.want)
			}
			s2, ok2 := Compatible(b, a, isFamily)
			if s2 != s || ok2 != ok {
				t.Errorf("not symmetric: %v %.3f vs %v %.3f", ok, s, ok2, s2)
			}
			if s < 0 || s > 1 {
				t.Errorf("score %.3f outside 0..1", s)
			}
		})
	}
}

func TestCompatibleSameDocument(t *testing.T) {
	a := mention(t, "a#0 type=riot date=2020-05-01 country=XA place=Gu")
	b := mention(t, "a#1 type=riot date=2020-05-01 country=XA place=Gu")
	if _, ok := Compatible(a, b, nil); ok {
		t.Errorf("got two mentions of one document compatible, want not")
	}
}

func TestCompatibleScoreOrder(t *testing.T) {
	anchor := mention(t, `a#0 type=facility_attack date=2020-10-20 country=XA place=Mareva geo=facility facility="Kolondo prison"`)
	closer := mention(t, `b#0 type=facility_attack date=2020-10-20 country=XA place=Mareva geo=facility facility="Kolondo prison"`)
	farther := mention(t, `c#0 type=mass_escape date=2020-10-21 country=XA place=Mareva geo=place`)
	s1, _ := Compatible(anchor, closer, nil)
	s2, _ := Compatible(anchor, farther, nil)
	if s1 < 0.9 || s2 >= s1 {
		t.Errorf("got scores %.3f (same facility, day, type) and %.3f (town only, next day, other type), want >= 0.9 and less", s1, s2)
	}
}

func TestWindow(t *testing.T) {
	tests := []struct {
		date, prec, end string
		lo, hi          string
	}{
		{"2020-10-20", "day", "", "2020-10-19", "2020-10-21"},
		{"2020-10-20", "day", "2020-10-25", "2020-10-19", "2020-10-26"},
		{"2020-10-20", "week", "", "2020-10-13", "2020-10-27"},
		{"2020-02-01", "month", "", "2020-01-31", "2020-03-01"},
		{"2020-02-10", "month", "", "2020-01-10", "2020-03-12"},
		{"2020-01-01", "year", "", "2019-12-31", "2021-01-01"},
	}
	for _, tt := range tests {
		d := model.Date{Start: day(t, tt.date), Precision: model.Precision(tt.prec)}
		if tt.end != "" {
			e := day(t, tt.end)
			d.End = &e
		}
		lo, hi, ok := window(d)
		if !ok || lo != dayNumber(day(t, tt.lo)) || hi != dayNumber(day(t, tt.hi)) {
			t.Errorf("window(%s %s %s) = %d..%d, want %s..%s", tt.date, tt.prec, tt.end, lo, hi, tt.lo, tt.hi)
		}
	}
	from, to, ok := Window(model.Date{Start: day(t, "2020-02-01"), Precision: model.PrecisionMonth})
	if !ok || from.Format(model.DateLayout) != "2020-01-31" || to.Format(model.DateLayout) != "2020-03-01" {
		t.Errorf("Window(February 2020) = %v..%v, want 2020-01-31..2020-03-01", from, to)
	}
	if _, _, ok := window(model.Date{}); ok {
		t.Error("got a window for an unknown date, want none")
	}
}

func TestNameTokens(t *testing.T) {
	tests := []struct{ in, want string }{
		{"al-Sina'a prison", "sina"},
		{"Aleppo Central Prison", "alepo"},
		{"Maison Centrale de Conakry", "conakri"},
		{"Kabba Medium Security Custodial Centre", "kaba medium securiti"},
		{"Sabrouni jail", "sabruni"},
		{"the central prison", ""},
		{"Támara", "tamara"},
		{"El-Fasher  Prison", "fasher"},
		{"Sabruni prison", "sabruni"},
	}
	for _, tt := range tests {
		if got := strings.Join(nameTokens(tt.in, facilityStopWords), " "); got != tt.want {
			t.Errorf("nameTokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestKey(t *testing.T) {
	if got := Key(model.Mention{DocumentID: "d1", Index: 3}); got != "d1#3" {
		t.Errorf("Key = %q, want d1#3", got)
	}
}
