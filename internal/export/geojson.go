package export

import (
	"encoding/json"
	"io"

	"github.com/wallwatch/wallwatch/internal/model"
)

type feature struct {
	Type       string         `json:"type"`
	ID         string         `json:"id"`
	Geometry   *point         `json:"geometry"`
	Properties map[string]any `json:"properties"`
}

type point struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"`
}

// UncertaintyKm is roughly how far an incident may be from its point, by how precisely its place
// is known: a facility or town is where it says, a division's or a country's centroid is not.
func UncertaintyKm(p model.GeoPrecision) int {
	switch p {
	case model.GeoFacility:
		return 1
	case model.GeoPlace:
		return 10
	case model.GeoAdmin1:
		return 100
	case model.GeoCountry:
		return 400
	}
	return 0
}

// GeoJSON writes a FeatureCollection of incident points with typed properties (numbers as
// numbers, flags as booleans, lists as arrays, null when unknown), so GIS tools can style and
// filter on them; an incident without coordinates has a null geometry rather than being dropped.
func GeoJSON(w io.Writer, incs []model.Incident) error {
	cs := loadCountries()
	fc := struct {
		Type     string    `json:"type"`
		Features []feature `json:"features"`
	}{Type: "FeatureCollection", Features: []feature{}}
	for _, inc := range incs {
		f := feature{Type: "Feature", ID: inc.ID, Properties: properties(inc, cs)}
		if inc.Place.Precision != "" {
			f.Geometry = &point{Type: "Point", Coordinates: [2]float64{inc.Place.Lon, inc.Place.Lat}}
		}
		fc.Features = append(fc.Features, f)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(fc)
}

// properties are one incident's GeoJSON properties; docs/export-csv.md describes the columns they
// share with the CSV.
func properties(inc model.Incident, cs countries) map[string]any {
	ev := acledEventOf(inc)
	var year any
	if !inc.Date.IsZero() {
		year = inc.Date.Start.Year()
	}
	p := map[string]any{
		"id": inc.ID, "url": IncidentPath(inc.ID), "type": string(inc.Type), "event_date": day(inc.Date.Start),
		"year": year, "date_precision": optional(string(inc.Date.Precision)), "time_precision": timePrecision(inc.Date.Precision),
		"disorder_type": optional(ev.disorder), "event_type": optional(ev.event), "sub_event_type": optional(ev.subEvent),
		"country_code": optional(inc.Place.Country), "country": optional(cs[inc.Place.Country].name),
		"admin1": optional(inc.Place.Admin1), "location": optional(location(inc)), "facility": optional(inc.Facility),
		"place_precision": optional(string(inc.Place.Precision)), "geo_precision": geoPrecision(inc.Place.Precision),
		"uncertainty_km": UncertaintyKm(inc.Place.Precision), "perpetrators": nonNil(inc.Perpetrators),
		"methods": nonNil(inc.Methods), "campaigns": nonNil(inc.Campaigns), "sources": nonNil(outlets(inc)),
		"source_urls": nonNil(sourceURLs(inc)), "notes": Notes(inc), "fatalities": inc.Metrics[model.Killed].Best,
		"at_large_best": atLarge(inc), "reviewed": inc.Review.Reviewed, "grade": optional(inc.Review.Grade),
		"tlp": TLPText(inc.TLP),
	}
	for _, m := range csvMetrics {
		e := inc.Metrics[m]
		p[string(m)+"_best"], p[string(m)+"_low"], p[string(m)+"_high"] = e.Best, e.Low, e.High
		p[string(m)+"_contested"] = e.Contested
	}
	return p
}
