package compact

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// fieldParser collects the first conversion error so record parsers stay flat.
type fieldParser struct {
	f   []string
	err error
}

func (p *fieldParser) int64(i int, name string) int64 {
	n, err := strconv.ParseInt(p.f[i], 10, 64)
	p.fail(err, name, i)
	return n
}

func (p *fieldParser) int(i int, name string) int {
	if p.f[i] == "" {
		return 0
	}
	n, err := strconv.Atoi(p.f[i])
	p.fail(err, name, i)
	return n
}

func (p *fieldParser) coord(i int, name string, limit float64) float64 {
	x, err := strconv.ParseFloat(p.f[i], 64)
	if err == nil && (math.IsNaN(x) || math.Abs(x) > limit) {
		err = fmt.Errorf("out of range")
	}
	p.fail(err, name, i)
	return x
}

func (p *fieldParser) fail(err error, name string, i int) {
	if err != nil && p.err == nil {
		p.err = fmt.Errorf("%w: %s %q: %v", ErrFormat, name, p.f[i], err)
	}
}

func need(f []string, n int, kind string) error {
	if len(f) != n {
		return fmt.Errorf("%w: %s record has %d fields, want %d", ErrFormat, kind, len(f), n)
	}
	return nil
}

func parseCountry(f []string) (Country, error) {
	if err := need(f, 9, "country"); err != nil {
		return Country{}, err
	}
	p := fieldParser{f: f}
	c := Country{ISO2: f[1], ISO3: f[2], ID: p.int64(3, "id"), Name: f[4], Capital: f[5],
		Population: p.int(6, "population"), Lat: p.coord(7, "lat", 90), Lon: p.coord(8, "lon", 180)}
	if len(c.ISO2) != 2 && p.err == nil {
		p.err = fmt.Errorf("%w: country code %q", ErrFormat, c.ISO2)
	}
	return c, p.err
}

func parseAdmin(f []string) (Admin, error) {
	if err := need(f, 8, "admin"); err != nil {
		return Admin{}, err
	}
	p := fieldParser{f: f}
	a := Admin{Code: f[1], ID: p.int64(2, "id"), Name: f[3], ASCII: orName(f[4], f[3]), Alt: splitAlt(f[7])}
	if f[5] != "" || f[6] != "" {
		a.Lat, a.Lon, a.HasPoint = p.coord(5, "lat", 90), p.coord(6, "lon", 180), true
	}
	if n := strings.Count(a.Code, "."); (n != 1 && n != 2) && p.err == nil {
		p.err = fmt.Errorf("%w: admin code %q", ErrFormat, a.Code)
	}
	return a, p.err
}

func parsePlace(f []string) (Place, error) {
	if err := need(f, 12, "place"); err != nil {
		return Place{}, err
	}
	p := fieldParser{f: f}
	pl := Place{ID: p.int64(1, "id"), Name: f[2], ASCII: orName(f[3], f[2]),
		Lat: p.coord(4, "lat", 90), Lon: p.coord(5, "lon", 180), Feature: f[6], Country: f[7],
		Admin1: f[8], Admin2: f[9], Population: p.int(10, "population"), Alt: splitAlt(f[11])}
	return pl, p.err
}

func orName(ascii, name string) string {
	if ascii == "" {
		return name
	}
	return ascii
}

func splitAlt(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, altSep)
}
