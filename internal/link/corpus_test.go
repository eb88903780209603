package link

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

// goldRow is the part of a gold annotation row (shared/corpus/README.md) that linking uses.
type goldRow struct {
	Doc           string   `json:"doc"`
	IncidentKey   string   `json:"incident_key"`
	Salience      string   `json:"salience"`
	Type          string   `json:"type"`
	DateStart     string   `json:"date_start"`
	DatePrecision string   `json:"date_precision"`
	Country       string   `json:"country"`
	Admin1        []string `json:"admin1"`
	Place         []string `json:"place"`
	Facility      []string `json:"facility"`
	Perpetrators  []string `json:"perpetrators"`
}

// goldDir finds shared/corpus/gold beside the repository by walking up from the package.
func goldDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for ; ; dir = filepath.Dir(dir) {
		candidate := filepath.Join(dir, "shared", "corpus", "gold")
		if _, err := os.Stat(filepath.Join(candidate, "dev.json")); err == nil {
			return candidate
		}
		if dir == filepath.Dir(dir) {
			t.Skip("shared corpus not found above the package (shared/corpus/gold): skipping gold linking test")
		}
	}
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// goldMention turns a gold row into the mention a perfect extractor would produce.
func goldMention(r goldRow, index int) (model.Mention, error) {
	start, err := time.Parse(model.DateLayout, r.DateStart)
	if err != nil {
		return model.Mention{}, fmt.Errorf("gold row %s/%s: %w", r.Doc, r.IncidentKey, err)
	}
	m := model.Mention{
		DocumentID: r.Doc, Index: index, Salience: r.Salience, Type: model.EventType(r.Type),
		Date:     model.Date{Start: start, Precision: model.Precision(r.DatePrecision)},
		Place:    model.Place{Country: r.Country, Admin1: first(r.Admin1), Name: first(r.Place)},
		Facility: first(r.Facility),
	}
	if p := first(r.Perpetrators); p != "" {
		m.Perpetrators = []string{p}
	}
	switch {
	case m.Facility != "":
		m.Place.Precision = model.GeoFacility
	case m.Place.Name != "":
		m.Place.Precision = model.GeoPlace
	case m.Place.Admin1 != "":
		m.Place.Precision = model.GeoAdmin1
	default:
		m.Place.Precision = model.GeoCountry
	}
	return m, nil
}

// TestClusterGold clusters the gold annotations of the shared corpus as if extraction were
// perfect and checks that the groups are exactly the annotated incidents.
func TestClusterGold(t *testing.T) {
	dir := goldDir(t)
	var ms []model.Mention
	want := map[string][]string{} // incident key -> mention keys
	for _, name := range []string{"seeds.json", "dev.json"} {
		raw, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		var rows []goldRow
		if err := json.Unmarshal(raw, &rows); err != nil {
			t.Fatalf("parse %s: %v", name, err)
		}
		index := map[string]int{}
		for _, r := range rows {
			if r.IncidentKey == "" {
				continue // a negative document: it reports no incident
			}
			m, err := goldMention(r, index[r.Doc])
			if err != nil {
				t.Fatal(err)
			}
			index[r.Doc]++
			ms = append(ms, m)
			want[r.IncidentKey] = append(want[r.IncidentKey], Key(m))
		}
	}
	var wantGroups []string
	for _, keys := range want {
		sort.Strings(keys)
		wantGroups = append(wantGroups, strings.Join(keys, " "))
	}
	var gotGroups []string
	for _, c := range Cluster(ms, isFamily) {
		var keys []string
		for _, m := range c {
			keys = append(keys, Key(m))
		}
		sort.Strings(keys)
		gotGroups = append(gotGroups, strings.Join(keys, " "))
	}
	sort.Strings(wantGroups)
	sort.Strings(gotGroups)
	if strings.Join(gotGroups, "\n") != strings.Join(wantGroups, "\n") {
		t.Errorf("got groups\n%s\nwant\n%s", strings.Join(gotGroups, "\n"), strings.Join(wantGroups, "\n"))
	}
}
