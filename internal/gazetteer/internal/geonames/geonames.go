// Package geonames parses the GeoNames dump formats the gazetteer is built from: the main
// table (allCountries.txt, cities500.txt...), admin code lists and countryInfo.txt. It also
// decides which alternate names are worth keeping.
package geonames

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode"
)

// ErrFormat is wrapped by every error about malformed content.
var ErrFormat = errors.New("geonames: bad format")

// Row is one row of the main GeoNames table.
type Row struct {
	ID                      int64
	Name, ASCII             string
	Alt                     []string
	Lat, Lon                float64
	Class, Feature          string
	Country, Admin1, Admin2 string
	Population              int
}

// Main-table column indexes.
const (
	colID = iota
	colName
	colASCII
	colAlt
	colLat
	colLon
	colClass
	colFeature
	colCountry
	colCC2
	colAdmin1
	colAdmin2
	colAdmin3
	colAdmin4
	colPopulation
	minColumns // the columns after population (elevation, timezone...) are not needed
)

// ParseRow parses one tab-separated line of the main table.
func ParseRow(line string) (Row, error) {
	f := strings.Split(strings.TrimRight(line, "\r\n"), "\t")
	if len(f) < minColumns {
		return Row{}, fmt.Errorf("%w: %d columns, want at least %d", ErrFormat, len(f), minColumns)
	}
	id, err := strconv.ParseInt(f[colID], 10, 64)
	if err != nil || id < 0 {
		return Row{}, fmt.Errorf("%w: geonameid %q", ErrFormat, f[colID])
	}
	lat, err1 := parseCoord(f[colLat], 90)
	lon, err2 := parseCoord(f[colLon], 180)
	if err := errors.Join(err1, err2); err != nil {
		return Row{}, err
	}
	pop, err := parsePopulation(f[colPopulation])
	if err != nil {
		return Row{}, err
	}
	return Row{ID: id, Name: strings.TrimSpace(f[colName]), ASCII: strings.TrimSpace(f[colASCII]),
		Alt: splitAlt(f[colAlt]), Lat: lat, Lon: lon, Class: f[colClass], Feature: f[colFeature],
		Country: f[colCountry], Admin1: f[colAdmin1], Admin2: f[colAdmin2], Population: pop}, nil
}

func parseCoord(s string, limit float64) (float64, error) {
	x, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(x) || math.Abs(x) > limit {
		return 0, fmt.Errorf("%w: coordinate %q", ErrFormat, s)
	}
	return x, nil
}

func parsePopulation(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 || n > math.MaxInt32 {
		return 0, fmt.Errorf("%w: population %q", ErrFormat, s)
	}
	return int(n), nil
}

func splitAlt(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// Code is one row of admin1CodesASCII.txt or admin2Codes.txt.
type Code struct {
	Code        string // CC.A1 or CC.A1.A2
	Name, ASCII string
	ID          int64
}

// ReadCodes parses an admin code list; lines starting with '#' are comments.
func ReadCodes(r io.Reader) ([]Code, error) {
	var codes []Code
	err := eachLine(r, func(f []string) error {
		if len(f) < 4 {
			return fmt.Errorf("%w: %d columns, want 4", ErrFormat, len(f))
		}
		id, err := strconv.ParseInt(f[3], 10, 64)
		if err != nil {
			return fmt.Errorf("%w: geonameid %q", ErrFormat, f[3])
		}
		codes = append(codes, Code{Code: f[0], Name: f[1], ASCII: f[2], ID: id})
		return nil
	})
	return codes, err
}

// CountryRow is the part of a countryInfo.txt row the gazetteer keeps.
type CountryRow struct {
	ISO2, ISO3, Numeric string
	Name, Capital       string
	Population          int
	ID                  int64
	Languages           []string // ISO 639 codes of the languages spoken, regional tags dropped ("ar-SY" is "ar")
}

// ReadCountryInfo parses countryInfo.txt.
func ReadCountryInfo(r io.Reader) ([]CountryRow, error) {
	var rows []CountryRow
	err := eachLine(r, func(f []string) error {
		if len(f) < 17 {
			return fmt.Errorf("%w: %d columns, want at least 17", ErrFormat, len(f))
		}
		pop, err := parsePopulation(f[7])
		if err != nil {
			return err
		}
		id, err := strconv.ParseInt(f[16], 10, 64)
		if err != nil {
			return fmt.Errorf("%w: geonameid %q", ErrFormat, f[16])
		}
		var langs []string
		for l := range strings.SplitSeq(f[15], ",") {
			if l, _, _ = strings.Cut(strings.TrimSpace(l), "-"); l != "" {
				langs = append(langs, l)
			}
		}
		rows = append(rows, CountryRow{ISO2: f[0], ISO3: f[1], Numeric: f[2], Name: f[4],
			Capital: f[5], Population: pop, ID: id, Languages: langs})
		return nil
	})
	return rows, err
}

// eachLine calls fn with the tab-separated fields of every non-comment, non-empty line.
func eachLine(r io.Reader, fn func([]string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<22)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		if err := fn(strings.Split(line, "\t")); err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
	}
	return sc.Err()
}

// UsefulName reports whether an alternate name is worth keeping: Latin script, with an upper
// case letter (lower-case-only entries are mostly machine transliterations), no digits, links,
// codes (airport, ISO, postal: all capitals) or brackets, and of a plausible length.
func UsefulName(s string) bool {
	n, upper, lower := 0, false, false
	for _, r := range s {
		n++
		switch {
		case unicode.IsUpper(r):
			upper = true
		case unicode.IsLower(r):
			lower = true
		}
		if !latinNameRune(r) {
			return false
		}
	}
	return upper && lower && n >= 2 && n <= 60 && !strings.Contains(s, "http")
}

// LocalScriptName reports an alternate name written in Arabic or Cyrillic letters, the scripts
// of reports the extractor reads besides Latin ones, and which script: unicode.Arabic or
// unicode.Cyrillic (nil when the name is not one). Spaces, hyphens and combining marks may
// join the letters; one script only, and of a plausible length.
func LocalScriptName(s string) *unicode.RangeTable {
	var script *unicode.RangeTable
	n := 0
	for _, r := range s {
		n++
		switch {
		case r == ' ', r == '-', unicode.Is(unicode.Mn, r):
			continue
		case unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r) && script != unicode.Cyrillic:
			script = unicode.Arabic
		case unicode.Is(unicode.Cyrillic, r) && unicode.IsLetter(r) && script != unicode.Arabic:
			script = unicode.Cyrillic
		default:
			return nil
		}
	}
	if n < 2 || n > 60 {
		return nil
	}
	return script
}

// latinNameRune allows Latin letters, combining marks, spaces and the punctuation found inside
// real place names.
func latinNameRune(r rune) bool {
	switch {
	case unicode.Is(unicode.Latin, r), unicode.Is(unicode.Mn, r):
		return true
	case r == ' ', r == '-', r == '\'', r == '.', r == '`', r == '’', r == '‘', r == 'ʿ', r == 'ʾ', r == 'ʼ', r == 'ʻ':
		return true
	}
	return false
}

// FormatRow writes r as a line of the main table (19 columns, unknown ones empty), the
// inverse of ParseRow for the columns it keeps.
func FormatRow(r Row) string {
	f := make([]string, 19)
	f[colID] = strconv.FormatInt(r.ID, 10)
	f[colName], f[colASCII] = r.Name, r.ASCII
	f[colAlt] = strings.Join(r.Alt, ",")
	f[colLat] = strconv.FormatFloat(r.Lat, 'f', -1, 64)
	f[colLon] = strconv.FormatFloat(r.Lon, 'f', -1, 64)
	f[colClass], f[colFeature], f[colCountry] = r.Class, r.Feature, r.Country
	f[colAdmin1], f[colAdmin2] = r.Admin1, r.Admin2
	f[colPopulation] = strconv.Itoa(r.Population)
	return strings.Join(f, "\t")
}
