package export

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/wallwatch/wallwatch/internal/model"
)

// csvMetrics are the metrics whose estimates get their own CSV columns.
var csvMetrics = []model.Metric{model.Escaped, model.Recaptured, model.Killed}

// Columns are the CSV header: ACLED's names where ACLED has the concept, then ours.
func Columns() []string {
	cols := []string{"event_id", "event_date", "year", "time_precision", "event_type", "actor1", "country",
		"admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities"}
	for _, m := range csvMetrics {
		cols = append(cols, string(m)+"_best", string(m)+"_low", string(m)+"_high", string(m)+"_contested")
	}
	return cols
}

// row is one incident as CSV/GeoJSON properties, in Columns order.
func row(inc model.Incident) []string {
	date, year := "", ""
	if !inc.Date.IsZero() {
		date = inc.Date.Start.Format(model.DateLayout)
		year = strconv.Itoa(inc.Date.Start.Year())
	}
	lat, lon := "", ""
	if inc.Place.Precision != "" {
		lat = strconv.FormatFloat(inc.Place.Lat, 'f', 4, 64)
		lon = strconv.FormatFloat(inc.Place.Lon, 'f', 4, 64)
	}
	var sources []string
	for _, d := range inc.Documents {
		sources = append(sources, d.Source)
	}
	r := []string{inc.ID, date, year, timePrecision(inc.Date.Precision), string(inc.Type),
		strings.Join(inc.Perpetrators, "; "), inc.Place.Country, inc.Place.Admin1, location(inc), lat, lon,
		geoPrecision(inc.Place.Precision), strings.Join(sources, "; "), Notes(inc), intOrEmpty(inc.Metrics[model.Killed].Best)}
	for _, m := range csvMetrics {
		e := inc.Metrics[m]
		r = append(r, intOrEmpty(e.Best), intOrEmpty(e.Low), intOrEmpty(e.High), strconv.FormatBool(e.Contested))
	}
	return r
}

// timePrecision uses ACLED's codes: 1 day, 2 week, 3 month or coarser.
func timePrecision(p model.Precision) string {
	switch p {
	case model.PrecisionDay:
		return "1"
	case model.PrecisionWeek:
		return "2"
	case "":
		return ""
	}
	return "3"
}

// geoPrecision uses ACLED's codes: 1 the place itself, 2 near it or a part of a region, 3 a region or coarser.
func geoPrecision(p model.GeoPrecision) string {
	switch p {
	case model.GeoFacility, model.GeoPlace:
		return "1"
	case model.GeoAdmin1:
		return "3"
	case model.GeoCountry:
		return "3"
	}
	return ""
}

func location(inc model.Incident) string {
	if inc.Place.Name != "" {
		return inc.Place.Name
	}
	return inc.Place.Admin1
}

// Notes is a one-line human summary of an incident, as in ACLED's notes column.
func Notes(inc model.Incident) string {
	var b strings.Builder
	b.WriteString(strings.ReplaceAll(string(inc.Type), "_", " "))
	if inc.Facility != "" {
		fmt.Fprintf(&b, " at %s", inc.Facility)
	}
	if loc := location(inc); loc != "" {
		fmt.Fprintf(&b, " in %s", loc)
	}
	if len(inc.Perpetrators) > 0 {
		fmt.Fprintf(&b, " by %s", strings.Join(inc.Perpetrators, ", "))
	}
	for _, m := range model.Metrics {
		e, ok := inc.Metrics[m]
		if !ok || e.Best == nil {
			continue
		}
		fmt.Fprintf(&b, "; %s %d", m, *e.Best)
		if e.Low != nil && e.High != nil && *e.Low != *e.High {
			fmt.Fprintf(&b, " (%d-%d)", *e.Low, *e.High)
		}
		if e.Contested {
			b.WriteString(" contested")
		}
	}
	fmt.Fprintf(&b, "; %d source(s)", len(inc.Documents))
	return b.String()
}

func intOrEmpty(v *int) string {
	if v == nil {
		return ""
	}
	return strconv.Itoa(*v)
}

// CSV writes incidents with a header row.
func CSV(w io.Writer, incs []model.Incident) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(Columns()); err != nil {
		return err
	}
	for _, inc := range incs {
		if err := cw.Write(row(inc)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

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

// GeoJSON writes a FeatureCollection of incident points; an incident without coordinates has a
// null geometry rather than being dropped.
func GeoJSON(w io.Writer, incs []model.Incident) error {
	fc := struct {
		Type     string    `json:"type"`
		Features []feature `json:"features"`
	}{Type: "FeatureCollection", Features: []feature{}}
	cols := Columns()
	for _, inc := range incs {
		props := map[string]any{}
		for i, v := range row(inc) {
			if v != "" {
				props[cols[i]] = v
			}
		}
		f := feature{Type: "Feature", ID: inc.ID, Properties: props}
		if inc.Place.Precision != "" {
			f.Geometry = &point{Type: "Point", Coordinates: [2]float64{inc.Place.Lon, inc.Place.Lat}}
		}
		fc.Features = append(fc.Features, f)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(fc)
}
