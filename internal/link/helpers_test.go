package link

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// day parses a test date.
func day(t testing.TB, s string) time.Time {
	t.Helper()
	d, err := time.Parse(model.DateLayout, s)
	if err != nil {
		t.Fatalf("bad test date %q: %v", s, err)
	}
	return d
}

// parseMention reads "key=value" fields (values may be double-quoted) into a mention with key
// doc#idx. Fields: type, date, prec, end, country, admin1, place, geo, geonameid, lat, lon,
// facility, perp (repeatable), salience, campaign (repeatable).
func parseMention(key string, fields []string) (model.Mention, error) {
	doc, idx, ok := strings.Cut(key, "#")
	n, err := strconv.Atoi(idx)
	if !ok || err != nil {
		return model.Mention{}, fmt.Errorf("mention key %q: want doc#index", key)
	}
	m := model.Mention{DocumentID: doc, Index: n, Date: model.Date{Precision: model.PrecisionDay}}
	for _, f := range fields {
		k, v, ok := strings.Cut(f, "=")
		if !ok {
			return m, fmt.Errorf("field %q: want key=value", f)
		}
		if err := setField(&m, k, v); err != nil {
			return m, fmt.Errorf("mention %s: %w", key, err)
		}
	}
	return m, nil
}

func setField(m *model.Mention, k, v string) error {
	var err error
	switch k {
	case "type":
		m.Type = model.EventType(v)
	case "date":
		m.Date.Start, err = time.Parse(model.DateLayout, v)
	case "end":
		var e time.Time
		e, err = time.Parse(model.DateLayout, v)
		m.Date.End = &e
	case "prec":
		m.Date.Precision = model.Precision(v)
	case "country":
		m.Place.Country = v
	case "admin1":
		m.Place.Admin1 = v
	case "place":
		m.Place.Name = v
	case "geo":
		m.Place.Precision = model.GeoPrecision(v)
	case "geonameid":
		m.Place.GeonameID, err = strconv.ParseInt(v, 10, 64)
	case "lat":
		m.Place.Lat, err = strconv.ParseFloat(v, 64)
	case "lon":
		m.Place.Lon, err = strconv.ParseFloat(v, 64)
	case "facility":
		m.Facility = v
	case "perp":
		m.Perpetrators = append(m.Perpetrators, v)
	case "campaign":
		m.Campaigns = append(m.Campaigns, v)
	case "salience":
		m.Salience = v
	default:
		return fmt.Errorf("unknown field %q", k)
	}
	if err != nil {
		return fmt.Errorf("field %s=%q: %w", k, v, err)
	}
	return nil
}

// splitQuoted splits a line on spaces outside double quotes and drops the quotes.
func splitQuoted(line string) ([]string, error) {
	var out []string
	var b strings.Builder
	quoted, started := false, false
	for _, r := range line {
		switch {
		case r == '"':
			quoted, started = !quoted, true
		case r == ' ' && !quoted:
			if started {
				out = append(out, b.String())
				b.Reset()
				started = false
			}
		default:
			b.WriteRune(r)
			started = true
		}
	}
	if quoted {
		return nil, fmt.Errorf("unclosed quote in %q", line)
	}
	if started {
		out = append(out, b.String())
	}
	return out, nil
}

// mention builds a mention from one line of the test format: "doc#idx key=value ...".
func mention(t testing.TB, line string) model.Mention {
	t.Helper()
	f, err := splitQuoted(line)
	if err != nil {
		t.Fatal(err)
	}
	m, err := parseMention(f[0], f[1:])
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// testFamily is a small actor-family table for tests.
func testFamily(parents map[string]string) Family {
	return func(actor string) string {
		if p, ok := parents[actor]; ok {
			return p
		}
		return actor
	}
}

var isFamily = testFamily(map[string]string{
	"Islamic State Khorasan Province":       "Islamic State",
	"Islamic State Central Africa Province": "Islamic State",
})

// groupKeys renders clusters as their keys, for comparisons and messages.
func groupKeys(cs [][]model.Mention) string {
	var groups []string
	for _, c := range cs {
		var keys []string
		for _, m := range c {
			keys = append(keys, Key(m))
		}
		groups = append(groups, "["+strings.Join(keys, " ")+"]")
	}
	return strings.Join(groups, " ")
}

func ip(v int) *int { return &v }
