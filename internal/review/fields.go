package review

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// Fields lists the incident fields a set action can correct, with the form its value takes.
var Fields = map[string]string{
	"type":           "facility_attack | mass_escape | riot | thwarted_attack | other_attack",
	"date":           "YYYY-MM-DD, or YYYY-MM-DD..YYYY-MM-DD for a span",
	"date_precision": "day | week | month | year",
	"country":        "ISO 3166-1 alpha-2 code",
	"admin1":         "first-level division, empty to clear",
	"place":          "city, town or district, empty to clear",
	"coordinates":    "LAT,LON (geo_precision becomes place unless set)",
	"geo_precision":  "facility | place | admin1 | country",
	"facility":       "facility name, empty to clear",
	"perpetrators":   "comma-separated actor names",
	"methods":        "comma-separated methods",
	"campaigns":      "comma-separated campaign names",
}

// SetField writes a corrected value into an incident's field; a value the field cannot take is
// ErrInvalid.
func SetField(inc *model.Incident, field, value string) error {
	value = strings.TrimSpace(value)
	switch field {
	case "type":
		if !slices.Contains(model.AllEventTypes(), model.EventType(value)) {
			return invalid("type %q: want %s", value, Fields["type"])
		}
		inc.Type = model.EventType(value)
	case "date":
		return setDate(&inc.Date, value)
	case "date_precision":
		p := model.Precision(value)
		if p.Rank() > model.PrecisionYear.Rank() {
			return invalid("date precision %q: want %s", value, Fields["date_precision"])
		}
		inc.Date.Precision = p
	case "country":
		if len(value) != 2 {
			return invalid("country %q: want a two-letter code", value)
		}
		inc.Place.Country = strings.ToUpper(value)
	case "admin1":
		inc.Place.Admin1 = value
	case "place":
		inc.Place.Name = value
	case "coordinates":
		return setCoordinates(&inc.Place, value)
	case "geo_precision":
		if !slices.Contains([]model.GeoPrecision{model.GeoFacility, model.GeoPlace, model.GeoAdmin1, model.GeoCountry}, model.GeoPrecision(value)) {
			return invalid("geo precision %q: want %s", value, Fields["geo_precision"])
		}
		inc.Place.Precision = model.GeoPrecision(value)
	case "facility":
		inc.Facility = value
	case "perpetrators":
		inc.Perpetrators = list(value)
	case "methods":
		inc.Methods = list(value)
	case "campaigns":
		inc.Campaigns = list(value)
	default:
		return invalid("unknown field %q", field)
	}
	return nil
}

func setDate(d *model.Date, value string) error {
	from, to, span := strings.Cut(value, "..")
	start, err := time.Parse(model.DateLayout, from)
	if err != nil {
		return invalid("date %q: want %s", value, Fields["date"])
	}
	d.Start, d.End = start, nil
	if span {
		end, err := time.Parse(model.DateLayout, to)
		if err != nil || end.Before(start) {
			return invalid("date %q: the end must be a day after the start", value)
		}
		d.End = &end
	}
	if d.Precision == "" {
		d.Precision = model.PrecisionDay
	}
	return nil
}

func setCoordinates(p *model.Place, value string) error {
	lat, lon, ok := strings.Cut(value, ",")
	la, err1 := strconv.ParseFloat(strings.TrimSpace(lat), 64)
	lo, err2 := strconv.ParseFloat(strings.TrimSpace(lon), 64)
	if !ok || err1 != nil || err2 != nil || la < -90 || la > 90 || lo < -180 || lo > 180 {
		return invalid("coordinates %q: want %s", value, Fields["coordinates"])
	}
	p.Lat, p.Lon = la, lo
	if p.Precision == "" || p.Precision == model.GeoCountry || p.Precision == model.GeoAdmin1 {
		p.Precision = model.GeoPlace
	}
	return nil
}

// list splits a comma-separated value, dropping empty items; nil when none is left.
func list(value string) []string {
	var out []string
	for _, v := range strings.Split(value, ",") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}
