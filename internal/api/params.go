package api

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

// IncidentParams are the query parameters that filter, sort and page incidents, in the API and
// on the web pages alike.
var IncidentParams = []string{"country", "type", "actor", "campaign", "facility", "since", "until", "q", "bbox", "contested", "sort", "cursor", "limit"}

// maxTextParam bounds free-text parameters: longer input is a mistake or an attack.
const maxTextParam = 200

// Limits say how many incidents one request may ask for: Default when limit is absent, at most
// Max (0: no maximum).
type Limits struct{ Default, Max int }

// ParseIncidentQuery reads incident filters from query parameters. A malformed value is a
// *ParamError naming its parameter; parameters it does not know are left to the caller.
func ParseIncidentQuery(v url.Values, lim Limits) (store.IncidentQuery, error) {
	q := store.IncidentQuery{Sort: v.Get("sort"), Cursor: v.Get("cursor"), Limit: lim.Default}
	var err error
	if q.Country, err = country(v.Get("country")); err != nil {
		return q, err
	}
	if q.Type, err = eventType(v.Get("type")); err != nil {
		return q, err
	}
	for _, f := range []struct {
		name string
		dst  *string
	}{{"actor", &q.Actor}, {"campaign", &q.Campaign}, {"facility", &q.Facility}, {"q", &q.Q}} {
		if *f.dst, err = text(f.name, v.Get(f.name)); err != nil {
			return q, err
		}
	}
	if q.Since, err = date("since", v.Get("since")); err != nil {
		return q, err
	}
	if q.Until, err = date("until", v.Get("until")); err != nil {
		return q, err
	}
	if q.Since != nil && q.Until != nil && q.Until.Before(*q.Since) {
		return q, badParam("until", "%s is before since %s", v.Get("until"), v.Get("since"))
	}
	if q.BBox, err = bbox(v.Get("bbox")); err != nil {
		return q, err
	}
	if q.Contested, err = boolParam(v.Get("contested"), "contested"); err != nil {
		return q, err
	}
	if !slices.Contains([]string{"", "date", "-date", "escaped", "killed", "contested"}, q.Sort) {
		return q, badParam("sort", "%q: want date, -date, escaped, killed or contested", q.Sort)
	}
	if s := v.Get("limit"); s != "" {
		if q.Limit, err = limit(s, lim.Max); err != nil {
			return q, err
		}
	}
	return q, nil
}

// checkKnown rejects parameters outside names, so a misspelt filter is an error, not ignored.
func checkKnown(v url.Values, names ...string) error {
	for name := range v {
		if !slices.Contains(names, name) {
			return badParam(name, "unknown parameter; known: %s", strings.Join(names, ", "))
		}
	}
	return nil
}

func country(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	if len(s) != 2 || !isLetters(s) {
		return "", badParam("country", "%q: want an ISO 3166-1 alpha-2 code such as NG", s)
	}
	return strings.ToUpper(s), nil
}

func isLetters(s string) bool {
	for _, r := range s {
		if (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') {
			return false
		}
	}
	return true
}

func eventType(s string) (string, error) {
	if _, ok := model.EventType(s).Info(); s == "" || ok {
		return s, nil
	}
	var names []string
	for _, t := range model.AllEventTypes() {
		names = append(names, string(t))
	}
	return "", badParam("type", "%q: want one of %s", s, strings.Join(names, ", "))
}

func text(name, s string) (string, error) {
	s = strings.TrimSpace(s)
	if len(s) > maxTextParam {
		return "", badParam(name, "longer than %d bytes", maxTextParam)
	}
	return s, nil
}

func date(name, s string) (*time.Time, error) {
	if s == "" {
		return nil, nil
	}
	t, err := time.Parse(model.DateLayout, s)
	if err != nil {
		return nil, badParam(name, "%q: want a date as YYYY-MM-DD", s)
	}
	return &t, nil
}

func bbox(s string) (*[4]float64, error) {
	if s == "" {
		return nil, nil
	}
	parts := strings.Split(s, ",")
	if len(parts) != 4 {
		return nil, badParam("bbox", "%q: want minLon,minLat,maxLon,maxLat", s)
	}
	var b [4]float64
	for i, p := range parts {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil {
			return nil, badParam("bbox", "%q: %q is not a number", s, p)
		}
		b[i] = f
	}
	if b[0] < -180 || b[2] > 180 || b[1] < -90 || b[3] > 90 || b[0] > b[2] || b[1] > b[3] {
		return nil, badParam("bbox", "%q: want -180 <= minLon <= maxLon <= 180 and -90 <= minLat <= maxLat <= 90", s)
	}
	return &b, nil
}

func limit(s string, maxLimit int) (int, error) {
	return bounded("limit", s, maxLimit)
}

// bounded reads parameter name as a whole number from 1 to maxLimit (any positive one when
// maxLimit is 0).
func bounded(name, s string, maxLimit int) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || (maxLimit > 0 && n > maxLimit) {
		if maxLimit > 0 {
			return 0, badParam(name, "%q: want a whole number from 1 to %d", s, maxLimit)
		}
		return 0, badParam(name, "%q: want a positive whole number", s)
	}
	return n, nil
}

// offset reads parameter name as how many items to skip: a whole number, 0 or more.
func offset(name, s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, badParam(name, "%q: want a whole number, 0 or more", s)
	}
	return n, nil
}
