package main

import (
	"fmt"
	"math"
	"os"
	"sort"
	"strings"

	"github.com/wallwatch/wallwatch/internal/gazetteer"
	"github.com/wallwatch/wallwatch/internal/gazetteer/internal/compact"
	"github.com/wallwatch/wallwatch/internal/gazetteer/internal/geonames"
)

func buildCountries(infoPath, mapPath string, places *placeSet) ([]compact.Country, error) {
	f, err := os.Open(infoPath)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := geonames.ReadCountryInfo(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", infoPath, err)
	}
	centroids, err := countryCentroids(mapPath)
	if err != nil {
		return nil, err
	}
	capitals := map[string]point{}
	for _, r := range places.rows {
		if r.Feature == "PPLC" {
			capitals[r.Country] = point{lat: r.Lat, lon: r.Lon}
		}
	}
	var out []compact.Country
	for _, r := range rows {
		at, ok := centroids[r.Numeric]
		if !ok {
			at, ok = centroids[r.Name]
		}
		if !ok {
			at, ok = capitals[r.ISO2]
		}
		if !ok {
			fmt.Fprintf(os.Stderr, "countries: no point for %s %s\n", r.ISO2, r.Name)
		}
		out = append(out, compact.Country{ISO2: r.ISO2, ISO3: r.ISO3, ID: r.ID, Name: r.Name,
			Capital: r.Capital, Population: r.Population, Lat: at.lat, Lon: at.lon})
	}
	return out, nil
}

func buildAdmins(admin1Path, admin2Path, labelPath string, places *placeSet) ([]compact.Admin, error) {
	a1, err := readCodes(admin1Path)
	if err != nil {
		return nil, err
	}
	a2, err := readCodes(admin2Path)
	if err != nil {
		return nil, err
	}
	labels, err := admin1Labels(labelPath)
	if err != nil {
		return nil, err
	}
	seats1, seats2 := places.seats()
	spreads := places.spreads()
	var out []compact.Admin
	for _, c := range a1 {
		a := compact.Admin{Code: c.Code, ID: c.ID, Name: c.Name, ASCII: c.ASCII}
		l, labelled := labels[c.Code]
		sameName := labelled && sameDivision(l.names, c.Name, c.ASCII)
		if sameName {
			a.Alt = newNames(l.names, c.Name, c.ASCII)
		}
		if seat, ok := seats1[c.Code]; ok {
			a.Lat, a.Lon, a.HasPoint = seat.lat, seat.lon, true
		}
		if labelled && (sameName || spreads[c.Code].covers(l.at)) {
			a.Lat, a.Lon, a.HasPoint = l.at.lat, l.at.lon, true
		} else if labelled {
			fmt.Fprintf(os.Stderr, "admin1: %s %s: Natural Earth %q looks like another division, using the seat\n", c.Code, c.Name, l.names)
		}
		out = append(out, a)
	}
	for _, c := range a2 {
		a := compact.Admin{Code: c.Code, ID: c.ID, Name: c.Name, ASCII: c.ASCII}
		if p, ok := seats2[c.Code]; ok {
			a.Lat, a.Lon, a.HasPoint = p.lat, p.lon, true
		}
		out = append(out, a)
	}
	return out, nil
}

func readCodes(path string) ([]geonames.Code, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, err := compact.Decompress(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	codes, err := geonames.ReadCodes(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return codes, nil
}

// seats picks a point for every admin1 and admin2 code: its seat (PPLA, PPLA2) when the place
// table has one, else its most populous place.
func (s *placeSet) seats() (admin1, admin2 map[string]point) {
	rows := append([]geonames.Row(nil), s.rows...)
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].Population > rows[j].Population })
	best1, best2 := map[string]candidate{}, map[string]candidate{}
	for _, r := range rows {
		if r.Admin1 == "" {
			continue
		}
		c1 := r.Country + "." + r.Admin1
		offer(best1, c1, r, "PPLA")
		if r.Admin2 != "" {
			offer(best2, c1+"."+r.Admin2, r, "PPLA2")
		}
	}
	return points(best1), points(best2)
}

// spread is where the places of one division lie: their mean point and root-mean-square
// distance from it, in degrees.
type spread struct {
	mean point
	rms  float64
	n    int
}

// covers reports whether p plausibly lies in the division: within 1.5 rms (at least half a
// degree) of its places' mean.
func (s spread) covers(p point) bool {
	if s.n == 0 {
		return false
	}
	return math.Hypot(p.lat-s.mean.lat, p.lon-s.mean.lon) <= math.Max(0.5, 1.5*s.rms)
}

// spreads computes the spread of every admin1 code's places.
func (s *placeSet) spreads() map[string]spread {
	sum := map[string]spread{}
	for _, r := range s.rows {
		k := r.Country + "." + r.Admin1
		sp := sum[k]
		sp.mean.lat += r.Lat
		sp.mean.lon += r.Lon
		sp.n++
		sum[k] = sp
	}
	for k, sp := range sum {
		sp.mean = point{lat: sp.mean.lat / float64(sp.n), lon: sp.mean.lon / float64(sp.n)}
		sum[k] = sp
	}
	sq := map[string]float64{}
	for _, r := range s.rows {
		k := r.Country + "." + r.Admin1
		d := math.Hypot(r.Lat-sum[k].mean.lat, r.Lon-sum[k].mean.lon)
		sq[k] += d * d
	}
	for k, sp := range sum {
		sp.rms = math.Sqrt(sq[k] / float64(sp.n))
		sum[k] = sp
	}
	return sum
}

// candidate is the best point found so far for one division.
type candidate struct {
	at   point
	seat bool
}

// offer keeps r for code when nothing is kept yet or r is the seat and the kept one is not;
// rows come most populous first.
func offer(best map[string]candidate, code string, r geonames.Row, seatFeature string) {
	cur, ok := best[code]
	isSeat := r.Feature == seatFeature
	if !ok || (isSeat && !cur.seat) {
		best[code] = candidate{at: point{lat: r.Lat, lon: r.Lon}, seat: isSeat}
	}
}

func points(m map[string]candidate) map[string]point {
	out := make(map[string]point, len(m))
	for k, c := range m {
		out[k] = c.at
	}
	return out
}

// sameDivision guards the Natural Earth join: gn_a1_code is sometimes stale (France's
// départements carry region codes, Vietnam's provinces were renumbered), so its names are
// used only when one of them resembles the GeoNames name.
func sameDivision(neNames []string, name, ascii string) bool {
	for _, n := range neNames {
		a := gazetteer.Fold(n)
		for _, gn := range []string{name, ascii} {
			b := gazetteer.Fold(gn)
			if a == b || (len(a) >= 4 && len(b) >= 4 && (strings.Contains(a, b) || strings.Contains(b, a))) {
				return true
			}
		}
	}
	return false
}

// newNames keeps the useful names that fold differently from the division's own names.
func newNames(names []string, name, ascii string) []string {
	seen := map[string]bool{gazetteer.Fold(name): true, gazetteer.Fold(ascii): true}
	var out []string
	for _, n := range names {
		n = strings.TrimSpace(n)
		if k := gazetteer.Fold(n); geonames.UsefulName(n) && !seen[k] {
			seen[k] = true
			out = append(out, n)
		}
	}
	return out
}
