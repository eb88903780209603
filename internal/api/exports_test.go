package api

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"
)

var exportScenarios = []scenario{
	{"json contract", "GET", "/api/v1/export.json?country=NG", "", "/api/v1/export.json", 200, func(t *testing.T, a testAPI, r response) {
		if got := len(r.json(t).([]any)); got != 2 {
			t.Errorf("%d incidents, want 2", got)
		}
	}},
	{"csv", "GET", "/api/v1/export.csv", "", "/api/v1/export.csv", 200, func(t *testing.T, a testAPI, r response) {
		rows, err := csv.NewReader(bytes.NewReader(r.body)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 1+len(a.fix.Incidents) || rows[0][0] != "event_id_cnty" {
			t.Errorf("%d rows, header %v; want a header and %d incidents", len(rows), rows[0], len(a.fix.Incidents))
		}
		if got := r.header.Get("Content-Disposition"); !strings.Contains(got, "wallwatch-incidents.csv") {
			t.Errorf("Content-Disposition = %q", got)
		}
	}},
	{"geojson", "GET", "/api/v1/export.geojson?type=riot", "", "/api/v1/export.geojson", 200, func(t *testing.T, _ testAPI, r response) {
		v := r.json(t)
		if got := fmt.Sprint(path(v, "features", 0, "geometry", "coordinates")); got != "[29.2911 0.1419]" {
			t.Errorf("riot coordinates = %s", got)
		}
	}},
	{"stix", "GET", "/api/v1/export.stix?campaign=open+the+gates", "", "/api/v1/export.stix", 200, func(t *testing.T, _ testAPI, r response) {
		count := map[string]int{}
		for _, o := range path(r.json(t), "objects").([]any) {
			count[path(o, "type").(string)]++
		}
		if count["incident"] != 3 || count["campaign"] != 1 || count["threat-actor"] != 1 {
			t.Errorf("object counts %v, want 3 incidents, 1 campaign, 1 threat actor", count)
		}
	}},
	{"limit", "GET", "/api/v1/export.json?limit=1", "", "/api/v1/export.json", 200, func(t *testing.T, _ testAPI, r response) {
		if got := len(r.json(t).([]any)); got != 1 {
			t.Errorf("%d incidents, want 1", got)
		}
	}},
	{"bad filter", "GET", "/api/v1/export.csv?until=yesterday", "", "/api/v1/export.csv", 400, wantParam("until")},
	{"facets are not an export parameter", "GET", "/api/v1/export.json?facets=true", "", "/api/v1/export.json", 400, wantParam("facets")},
}

func TestExportScenarios(t *testing.T) { runScenarios(t, newTestAPI(t, nil), exportScenarios) }
