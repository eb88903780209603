package main

import (
	"fmt"
	"os"
	"unicode"

	"github.com/wallwatch/wallwatch/internal/gazetteer/internal/geonames"
)

// localScripts are the non-Latin scripts whose alternate names the gazetteer keeps, each with the
// language (ISO 639-1) that reports in it are read in.
var localScripts = map[*unicode.RangeTable]string{unicode.Arabic: "ar", unicode.Cyrillic: "ru"}

// localNameMinPopulation is the size from which a place keeps its Arabic and Cyrillic names
// wherever it lies: reports in those languages name large foreign cities, rarely foreign towns.
// Below it a place keeps them only in a country where the language is spoken, which keeps the
// embedded table's growth to a few hundred kilobytes.
const localNameMinPopulation = 100_000

// trimLocalNames drops the Arabic- and Cyrillic-script alternate names of places that are
// neither in a country speaking the script's language (countryInfo.txt's languages) nor
// populous enough, and returns how many names are kept.
func (s *placeSet) trimLocalNames(infoPath string) (int, error) {
	f, err := os.Open(infoPath)
	if err != nil {
		return 0, fmt.Errorf("local names: %w", err)
	}
	defer f.Close()
	rows, err := geonames.ReadCountryInfo(f)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", infoPath, err)
	}
	spoken := map[string]bool{} // "SY|ar"
	for _, r := range rows {
		for _, l := range r.Languages {
			spoken[r.ISO2+"|"+l] = true
		}
	}
	kept := 0
	for i := range s.rows {
		r := &s.rows[i]
		alt := r.Alt[:0]
		for _, a := range r.Alt {
			script := geonames.LocalScriptName(a)
			if script != nil && r.Population < localNameMinPopulation && !spoken[r.Country+"|"+localScripts[script]] {
				continue
			}
			if script != nil {
				kept++
			}
			alt = append(alt, a)
		}
		r.Alt = alt
	}
	return kept, nil
}
