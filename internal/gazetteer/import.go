package gazetteer

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/wallwatch/wallwatch/internal/gazetteer/internal/compact"
	"github.com/wallwatch/wallwatch/internal/gazetteer/internal/geonames"
)

// Import converts a GeoNames main-table dump (allCountries.txt, cities500.txt... optionally
// gzipped; a .zip must be unzipped first) into the compact format LoadFile reads, and returns
// how many records it wrote. It keeps populated places (feature class P, except historical,
// abandoned and destroyed ones) as places and ADM1/ADM2 features as admin areas, with their
// Latin-, Arabic- and Cyrillic-script alternate names (one spelling per folded key). The output
// is not compressed; gzip it if you like, LoadFile reads both.
func Import(dst io.Writer, src io.Reader) (int, error) {
	r, err := compact.Decompress(src)
	if err != nil {
		return 0, fmt.Errorf("import: %w", err)
	}
	w := compact.NewWriter(dst)
	br := bufio.NewReaderSize(r, 1<<16)
	n := 0
	for line := 1; ; line++ {
		s, readErr := br.ReadString('\n')
		if readErr != nil && !errors.Is(readErr, io.EOF) {
			return n, fmt.Errorf("import line %d: %w", line, readErr)
		}
		wrote, err := importLine(w, s)
		if err != nil {
			return n, fmt.Errorf("import line %d: %w", line, err)
		}
		if wrote {
			n++
		}
		if readErr != nil {
			break
		}
	}
	if err := w.Flush(); err != nil {
		return n, fmt.Errorf("import: write: %w", err)
	}
	return n, nil
}

// importLine converts one dump line and reports whether it wrote a record.
func importLine(w *compact.Writer, line string) (bool, error) {
	line = strings.TrimRight(line, "\r\n")
	if strings.TrimSpace(line) == "" || line[0] == '#' {
		return false, nil
	}
	row, err := geonames.ParseRow(line)
	if err != nil {
		return false, err
	}
	name := row.Name
	if name == "" {
		name = row.ASCII
	}
	if name == "" {
		return false, nil
	}
	alt := keptAltNames(name, row.ASCII, row.Alt)
	switch {
	case row.Class == "P" && !skippedPlaceFeatures[row.Feature]:
		w.Place(compact.Place{ID: row.ID, Name: name, ASCII: row.ASCII, Lat: row.Lat, Lon: row.Lon,
			Feature: row.Feature, Country: row.Country, Admin1: row.Admin1, Admin2: row.Admin2,
			Population: row.Population, Alt: alt})
	case row.Class == "A" && adminCode(row) != "":
		w.Admin(compact.Admin{Code: adminCode(row), ID: row.ID, Name: name, ASCII: row.ASCII,
			Lat: row.Lat, Lon: row.Lon, HasPoint: true, Alt: alt})
	default:
		return false, nil
	}
	return true, nil
}

// skippedPlaceFeatures are populated-place codes for places that no longer exist as such.
var skippedPlaceFeatures = map[string]bool{"PPLH": true, "PPLQ": true, "PPLW": true, "PPLCH": true}

// adminCode is "CC.A1" for an ADM1 feature and "CC.A1.A2" for an ADM2 one, "" otherwise.
func adminCode(r geonames.Row) string {
	if r.Country == "" || r.Admin1 == "" || strings.ContainsAny(r.Country+r.Admin1+r.Admin2, ".\t") {
		return ""
	}
	switch {
	case r.Feature == "ADM1":
		return r.Country + "." + r.Admin1
	case r.Feature == "ADM2" && r.Admin2 != "":
		return r.Country + "." + r.Admin1 + "." + r.Admin2
	}
	return ""
}

// keptAltNames keeps the useful alternate names, one spelling per folded key not already
// covered by the name or the ASCII name.
func keptAltNames(name, ascii string, alts []string) []string {
	seen := map[string]bool{Fold(name): true, Fold(ascii): true}
	var kept []string
	for _, a := range alts {
		a = strings.TrimSpace(a)
		if !geonames.UsefulName(a) && geonames.LocalScriptName(a) == nil {
			continue
		}
		if k := Fold(a); k != "" && !seen[k] {
			seen[k] = true
			kept = append(kept, a)
		}
	}
	return kept
}
