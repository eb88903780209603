package cli

import (
	"testing"

	"github.com/wallwatch/wallwatch/internal/config"
	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/reference"
)

func TestTextMatcher(t *testing.T) {
	ref, err := reference.Load(config.Default())
	if err != nil {
		t.Fatal(err)
	}
	koutoukale := model.Incident{Facility: "Koutoukalé prison", Place: model.Place{Name: "Koutoukalé", Country: "NE", Precision: model.GeoPlace, Lat: 13.645, Lon: 1.795}}
	sinaa := model.Incident{Facility: "al-Sina'a prison", Place: model.Place{Name: "Al-Hasakah", Country: "SY", Precision: model.GeoFacility, Lat: 36.502, Lon: 40.748},
		Perpetrators: []string{"Islamic State"}}
	culiacan := model.Incident{Facility: "Culiacán prison", Place: model.Place{Name: "Culiacán", Admin1: "Sinaloa", Country: "MX", Precision: model.GeoPlace, Lat: 24.8, Lon: -107.4}}
	iswap := model.Incident{Facility: "Kuje prison", Perpetrators: []string{"Islamic State West Africa Province"}, Place: model.Place{Name: "Kuje", Country: "NG", Precision: model.GeoPlace}}
	tests := []struct {
		q    string
		inc  model.Incident
		want bool
	}{
		{"Koutoukale", koutoukale, true},
		{"koutoukalé prison", koutoukale, true},
		{"Sinaa", sinaa, true},
		{"Sinaa", culiacan, false},
		{"Ghwayran", sinaa, true},
		{"Daesh", sinaa, true},
		{"ISIS", iswap, true},
		{"ISIS", culiacan, false},
		{"sinal", culiacan, true},
		{"Kuje Niamey", iswap, false},
	}
	for _, tt := range tests {
		if got := newTextMatcher(ref, tt.q).matches(tt.inc); got != tt.want {
			t.Errorf("%q matches %s: got %v, want %v", tt.q, tt.inc.Facility, got, tt.want)
		}
	}
}
