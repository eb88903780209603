package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/wallwatch/wallwatch/internal/model"
)

// csvMetrics are the metrics whose estimates get best/low/high/contested columns.
var csvMetrics = []model.Metric{model.Escaped, model.Recaptured, model.Killed, model.Wounded, model.Held, model.Attackers}

// acledColumns are ACLED's columns, in ACLED's order (docs/export-csv.md says how each is filled).
var acledColumns = []string{"event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
	"sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
	"civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
	"longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp"}

// Columns are the CSV header: ACLED's columns, then wallwatch's own.
func Columns() []string {
	cols := slices.Clone(acledColumns)
	cols = append(cols, "incident_type", "date_precision", "country_code", "place_precision", "facility",
		"perpetrators", "methods", "campaigns")
	for _, m := range csvMetrics {
		cols = append(cols, string(m)+"_best", string(m)+"_low", string(m)+"_high", string(m)+"_contested")
	}
	return append(cols, "at_large_best", "source_urls", "url", "reviewed", "grade", "tlp")
}

// row is one incident in Columns order.
func row(inc model.Incident, cs countries) []string {
	c := cs[inc.Place.Country]
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
	ev := acledEventOf(inc)
	actor1, assoc1, inter1 := acledActors(inc, c.name)
	timestamp := ""
	if !inc.UpdatedAt.IsZero() {
		timestamp = strconv.FormatInt(inc.UpdatedAt.Unix(), 10)
	}
	r := []string{inc.ID, date, year, intOrEmpty(timePrecision(inc.Date.Precision)), ev.disorder, ev.event, ev.subEvent,
		actor1, assoc1, inter1, "", "", "", interaction(inter1), "", c.numeric, c.continent, c.name, inc.Place.Admin1, "", "",
		location(inc), lat, lon, intOrEmpty(geoPrecision(inc.Place.Precision)), strings.Join(outlets(inc), "; "), "",
		Notes(inc), intOrEmpty(inc.Metrics[model.Killed].Best), strings.Join(tags(inc), "; "), timestamp,
		string(inc.Type), string(inc.Date.Precision), inc.Place.Country, string(inc.Place.Precision), inc.Facility,
		strings.Join(inc.Perpetrators, "; "), strings.Join(inc.Methods, "; "), strings.Join(inc.Campaigns, "; ")}
	for _, m := range csvMetrics {
		e := inc.Metrics[m]
		r = append(r, intOrEmpty(e.Best), intOrEmpty(e.Low), intOrEmpty(e.High), strconv.FormatBool(e.Contested))
	}
	return append(r, intOrEmpty(atLarge(inc)), strings.Join(sourceURLs(inc), " "), IncidentPath(inc.ID),
		strconv.FormatBool(inc.Review.Reviewed), inc.Review.Grade, TLPText(inc.TLP))
}

// sourceURLs are the web addresses of an incident's sources, where known.
func sourceURLs(inc model.Incident) []string {
	var urls []string
	for _, d := range inc.Documents {
		if u := SourceURL(d); u != "" {
			urls = append(urls, u)
		}
	}
	return urls
}

// interaction is ACLED's pair of actor kinds; with no actor2 it is "KIND only".
func interaction(inter1 string) string {
	if inter1 == "" {
		return ""
	}
	return inter1 + " only"
}

// IncidentPath is an incident's page on a wallwatch server, relative to its address.
func IncidentPath(id string) string { return "/incidents/" + id }

// outlets names the publishers of an incident's sources, each once; a source known only as a local
// file is named by its title, never by its path.
func outlets(inc model.Incident) []string {
	var out []string
	for _, d := range inc.Documents {
		name := Outlet(d)
		if name == "" {
			name = SourceLabel(d)
		}
		if !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out
}

// tags flags what ACLED's tags column would: figures the sources disagree on.
func tags(inc model.Incident) []string {
	var out []string
	for _, m := range model.Metrics {
		if inc.Metrics[m].Contested {
			out = append(out, "contested "+string(m))
		}
	}
	return out
}

// atLarge is how many escapees are still free: escaped minus recaptured, by best estimates.
func atLarge(inc model.Incident) *int {
	esc, rec := inc.Metrics[model.Escaped].Best, inc.Metrics[model.Recaptured].Best
	if esc == nil {
		return nil
	}
	n := *esc
	if rec != nil {
		n = max(n-*rec, 0)
	}
	return &n
}

// timePrecision uses ACLED's codes: 1 day, 2 week, 3 month or coarser; nil when the date is unknown.
func timePrecision(p model.Precision) *int {
	switch p {
	case "":
		return nil
	case model.PrecisionDay:
		return ptr(1)
	case model.PrecisionWeek:
		return ptr(2)
	}
	return ptr(3)
}

// geoPrecision uses ACLED's codes: 1 the place itself, 2 near it or a part of a region, 3 a region
// or coarser; nil when the place is unknown.
func geoPrecision(p model.GeoPrecision) *int {
	switch p {
	case model.GeoFacility, model.GeoPlace:
		return ptr(1)
	case model.GeoAdmin1, model.GeoCountry:
		return ptr(3)
	}
	return nil
}

func ptr(n int) *int { return &n }

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
	cs := loadCountries()
	cw := csv.NewWriter(w)
	if err := cw.Write(Columns()); err != nil {
		return err
	}
	for _, inc := range incs {
		if err := cw.Write(row(inc, cs)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
