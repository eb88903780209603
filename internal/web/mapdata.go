package web

import (
	"encoding/json"
	"html"
	"html/template"
	"strings"

	"github.com/wallwatch/wallwatch/internal/export"
	"github.com/wallwatch/wallwatch/internal/model"
)

// mapPoint is one incident on a map, as the map script reads it.
type mapPoint struct {
	ID      string  `json:"id"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
	Type    string  `json:"type"`
	Escaped int     `json:"escaped"`
	Label   string  `json:"label"`
	Date    string  `json:"date"`
	Figure  string  `json:"figure"`
	// Precision (facility, place, admin1, country) and the radius it leaves open: a centroid is
	// drawn as a ring with that radius, never as a dot as precise as a facility's.
	Precision     string `json:"precision"`
	UncertaintyKm int    `json:"uncertainty_km"`
}

// mapView is what the map partial needs: the points as JSON in a data attribute (escaped here,
// the script parses it: article text never meets innerHTML) and the assets to draw with.
type mapView struct {
	// PointsAttr is the whole data-points attribute, escaped once when the map is built:
	// html/template escaping half a megabyte of points on every view of a kept page cost more
	// than the rest of the page.
	PointsAttr template.HTMLAttr
	Count      int
	Unplaced   int // incidents without coordinates, not drawn
	Boundaries string
	TileURL    string
	HasBundle  bool
	Large      bool
	AreaFilter string // the incident list URL without an area, to which the map adds its visible one; "" for none
}

// mapLimit bounds the incidents one map draws.
const mapLimit = 2000

func (w *Web) mapOf(incs []model.Incident, large bool) mapView {
	points := []mapPoint{}
	unplaced := 0
	for _, inc := range incs {
		if inc.Place.Precision == "" {
			unplaced++
			continue
		}
		p := mapPoint{ID: inc.ID, Lat: inc.Place.Lat, Lon: inc.Place.Lon, Type: string(inc.Type),
			Label: incidentTitle(inc), Date: formatDate(inc.Date), Precision: string(inc.Place.Precision),
			UncertaintyKm: export.UncertaintyKm(inc.Place.Precision)}
		if e, ok := inc.Metrics[model.Escaped]; ok && e.Best != nil {
			p.Escaped = *e.Best
			p.Figure = estimateText(e) + " escaped"
		}
		points = append(points, p)
	}
	b, _ := json.Marshal(points) // plain values: cannot fail
	return mapView{PointsAttr: template.HTMLAttr(`data-points="` + html.EscapeString(string(b)) + `"`), Count: len(points), Unplaced: unplaced, Boundaries: w.assets.Boundaries(),
		TileURL: w.cfg.TileURL, HasBundle: w.assets.HasBundle(), Large: large}
}

// incidentTitle names an incident for people: what happened where.
func incidentTitle(inc model.Incident) string {
	what := typeLabel(inc.Type)
	if inc.Facility != "" {
		return what + " at " + inc.Facility
	}
	if place := placeLabel(inc); place != "" {
		return what + " in " + place
	}
	return what
}

// placeLabel is the finest known place of an incident with its country.
func placeLabel(inc model.Incident) string {
	var parts []string
	for _, s := range []string{inc.Place.Name, inc.Place.Admin1} {
		if s != "" {
			parts = append(parts, s)
			break
		}
	}
	if inc.Place.Country != "" {
		parts = append(parts, countryName(inc.Place.Country))
	}
	return strings.Join(parts, ", ")
}
