package export

import (
	"bufio"
	"bytes"
	_ "embed"
	"strings"
)

//go:embed data/countries.tsv
var countriesTSV []byte

// country is what the CSV export says of a country besides its ISO alpha-2 code.
type country struct {
	numeric, name, continent string
}

// countries maps ISO alpha-2 codes to their numeric code, English name and continent.
type countries map[string]country

// loadCountries parses the embedded country table; a malformed line is skipped, since the table
// is ours and tested.
func loadCountries() countries {
	out := countries{}
	sc := bufio.NewScanner(bytes.NewReader(countriesTSV))
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 4 || strings.HasPrefix(f[0], "#") {
			continue
		}
		out[f[0]] = country{numeric: strings.TrimLeft(f[1], "0"), name: f[2], continent: f[3]}
	}
	return out
}
