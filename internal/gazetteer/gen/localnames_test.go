package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/wallwatch/wallwatch/internal/gazetteer/internal/geonames"
)

// TestTrimLocalNames keeps Arabic and Cyrillic names where their language is spoken or the place
// is large, and every Latin name (invented places and a two-country countryInfo).
func TestTrimLocalNames(t *testing.T) {
	row := func(country string, pop int, names ...string) geonames.Row {
		return geonames.Row{Country: country, Population: pop, Alt: names}
	}
	info := strings.Join([]string{
		"#ISO\tISO3",
		strings.Join([]string{"SY", "SYR", "760", "SY", "Syria", "Damascus", "1", "1", "AS", ".sy", "SYP", "Pound", "963", "", "", "ar-SY,ku", "163843", "", ""}, "\t"),
		strings.Join([]string{"NE", "NER", "562", "NG", "Niger", "Niamey", "1", "1", "AF", ".ne", "XOF", "Franc", "227", "", "", "fr-NE,ha", "2440476", "", ""}, "\t"),
	}, "\n") + "\n"
	path := filepath.Join(t.TempDir(), "countryInfo.txt")
	if err := os.WriteFile(path, []byte(info), 0o644); err != nil {
		t.Fatal(err)
	}
	s := &placeSet{rows: []geonames.Row{
		row("SY", 800, "Tall Abyad", "تل أبيض", "Телль-Абьяд"), // a small Syrian town: Arabic kept
		row("NE", 800, "Tessaroua", "تساروا", "Тессаруа"),      // a small town where neither is spoken
		row("NE", 1_000_000, "Niamey", "نيامي", "Ниамей"),      // a large city: both kept
	}}
	kept, err := s.trimLocalNames(path)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"Tall Abyad", "تل أبيض"}, {"Tessaroua"}, {"Niamey", "نيامي", "Ниамей"}}
	for i, r := range s.rows {
		if !slices.Equal(r.Alt, want[i]) {
			t.Errorf("row %d: names %q, want %q", i, r.Alt, want[i])
		}
	}
	if kept != 3 {
		t.Errorf("kept %d Arabic and Cyrillic names, want 3", kept)
	}
	if _, err := s.trimLocalNames(filepath.Join(t.TempDir(), "missing.txt")); err == nil {
		t.Error("a missing countryInfo.txt: no error")
	}
}
