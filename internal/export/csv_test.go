package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
)

func TestCSV(t *testing.T) {
	var buf bytes.Buffer
	if err := CSV(&buf, stixFixture()); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 {
		t.Fatalf("got %d rows, want a header and 3 incidents", len(rows))
	}
	got := map[string]string{}
	for i, name := range rows[0] {
		got[name] = rows[1][i]
	}
	tests := []struct{ column, want string }{
		{"event_id_cnty", "inc-0001"}, {"event_date", "2024-02-03"}, {"time_precision", "1"},
		{"disorder_type", "Political violence"}, {"event_type", "Battles"}, {"sub_event_type", "Armed clash"},
		{"actor1", "Sahel Liberation Army"}, {"inter1", "Rebel group"}, {"interaction", "Rebel group only"},
		{"iso", "466"}, {"region", "Africa"}, {"country", "Mali"}, {"country_code", "ML"}, {"geo_precision", "1"},
		{"source", "sahel-wire.example.net; Desk notes"}, {"source_urls", "https://sahel-wire.example.net/gao"},
		{"escaped_best", "62"}, {"escaped_contested", "true"}, {"at_large_best", "62"}, {"tags", "contested escaped"},
		{"facility", "Gao Prison"}, {"campaigns", "Open the Gates"}, {"timestamp", "1719835200"}, {"url", "/incidents/inc-0001"},
	}
	for _, tt := range tests {
		if got[tt.column] != tt.want {
			t.Errorf("column %s = %q, want %q", tt.column, got[tt.column], tt.want)
		}
	}
	if strings.Contains(buf.String(), "local-file.txt") {
		t.Error("the CSV names a local file")
	}
}

func TestGeoJSONPropertiesAreTyped(t *testing.T) {
	var buf bytes.Buffer
	if err := GeoJSON(&buf, stixFixture()); err != nil {
		t.Fatal(err)
	}
	var fc struct {
		Features []struct {
			Properties map[string]any `json:"properties"`
		} `json:"features"`
	}
	if err := json.Unmarshal(buf.Bytes(), &fc); err != nil {
		t.Fatal(err)
	}
	p := fc.Features[0].Properties
	tests := []struct {
		key  string
		want any
	}{
		{"escaped_best", 62.0}, {"escaped_high", 150.0}, {"escaped_contested", true}, {"killed_best", nil},
		{"year", 2024.0}, {"geo_precision", 1.0}, {"uncertainty_km", 10.0}, {"facility", "Gao Prison"},
		{"url", "/incidents/inc-0001"}, {"country", "Mali"},
	}
	for _, tt := range tests {
		if got, ok := p[tt.key]; !ok || got != tt.want {
			t.Errorf("property %s = %#v, want %#v", tt.key, got, tt.want)
		}
	}
	if perps, ok := p["perpetrators"].([]any); !ok || len(perps) != 1 {
		t.Errorf("perpetrators = %#v, want an array of one", p["perpetrators"])
	}
	if strings.Contains(buf.String(), "local-file.txt") {
		t.Error("the GeoJSON names a local file")
	}
}
