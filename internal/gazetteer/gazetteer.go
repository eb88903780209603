package gazetteer

import (
	_ "embed"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/wallwatch/wallwatch/internal/gazetteer/internal/compact"
)

// Feature codes of entries that are not GeoNames populated places.
const (
	FeatureCountry = "PCLI" // a country
	FeatureAdmin1  = "ADM1" // a first-level division (province, governorate, state)
	FeatureAdmin2  = "ADM2" // a second-level division (district, territory, LGA)
)

// Entry is one place, division or country.
type Entry struct {
	GeonameID  int64  // 0 for places that do not come from GeoNames (supplement, cities.json)
	Name       string // preferred name, with diacritics
	ASCIIName  string
	Country    string // ISO 3166-1 alpha-2
	Admin1Code string // GeoNames admin1 code within Country ("01"), "" if unknown
	Admin1     string // admin1 name
	Admin2Code string
	Admin2     string
	Lat, Lon   float64 // the place, the division's label point or the country's centroid
	Population int     // 0 when unknown
	Feature    string  // GeoNames feature code: PPLC, PPLA, PPL... or ADM1, ADM2, PCLI
}

// CountryInfo describes a country.
type CountryInfo struct {
	Code, ISO3    string // ISO 3166-1 alpha-2 and alpha-3
	Name, Capital string
	GeonameID     int64
	Population    int
	Lat, Lon      float64 // centroid of the largest polygon (the capital when no map polygon)
}

// Gazetteer answers questions about places. It is immutable after loading and safe for
// concurrent use.
//
// Its bulk holds no pointers, so garbage collection cycles anywhere in the process do not
// walk it: entries are fixed-size records whose strings live in one arena, and the name
// and division indexes are keyTables. Lookup and Resolve build Entry values on demand;
// their strings are substrings of the arena and cost no allocation.
type Gazetteer struct {
	arena     string   // every string of every record, back to back
	records   []record // the entries
	index     keyTable // folded names
	postStart []uint32 // the entries named by folded name k are postings[postStart[k]:postStart[k+1]]
	postings  []int32  // entry indexes, best ranked first within each name
	admins    keyTable // "CC.A1" or "CC.A1.A2"
	adminOf   []int32  // the entry of each admins key

	common      map[string]bool   // folded common English words
	names       map[string]string // folded country name or demonym -> ISO2
	demonyms    map[string]string // demonym as written, lower case -> ISO2: the adjectives, which some languages write in lower case
	acronyms    map[string]string // upper-case country acronym without dots -> ISO2
	codes       map[string]string // three-letter code of an event id (ISO alpha-3 or a dataset's own) -> ISO2
	domains     map[string]string // last label of a web address whose country is not its ISO2 code -> ISO2, "" for a generic one
	abbreviated map[string]int32  // a division's abbreviation in datelines, as written ("Calif.") -> entry
	countries   map[string]int32  // ISO2 -> entry
	info        map[string]CountryInfo
	maxWords    int
}

//go:generate go run ./gen -data ../../../shared/data -out data/places.tsv.gz

var (
	//go:embed data/places.tsv.gz
	placesData string
	//go:embed data/supplement.tsv
	supplementData string
	//go:embed data/countries-extra.tsv
	countriesExtraData string
	//go:embed data/countries-local.tsv
	countriesLocalData string
	//go:embed data/countries-languages.tsv
	countriesLanguagesData string
	//go:embed data/event-id-codes.tsv
	eventIDCodesData string
	//go:embed data/web-domains.tsv
	webDomainsData string
	//go:embed data/admin-abbreviations.tsv
	adminAbbreviationsData string
	//go:embed data/common-words.txt
	commonWordsData string
)

// Load builds the gazetteer from the embedded data and the supplement. It takes about a
// second; build one per process and share it.
func Load() (*Gazetteer, error) {
	b := newBuilder()
	if err := b.read("embedded places", strings.NewReader(placesData), true); err != nil {
		return nil, err
	}
	return b.finish()
}

// LoadFile is Load with the places of a file written by Import (gzipped or not) instead of the
// embedded ones. Countries and divisions still come from the embedded data; admin areas in the
// file replace embedded ones with the same code and add their names. The supplement is kept.
func LoadFile(path string) (*Gazetteer, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	defer f.Close()
	return loadWith(path, f)
}

// loadWith is LoadFile on an open reader.
func loadWith(name string, r io.Reader) (*Gazetteer, error) {
	b := newBuilder()
	if err := b.read("embedded places", strings.NewReader(placesData), false); err != nil {
		return nil, err
	}
	if err := b.read(name, r, true); err != nil {
		return nil, err
	}
	return b.finish()
}

// read adds the records of one compact file; places only when withPlaces is set. It runs in
// three stages, each a goroutine, that hand on batches of records in the file's order: parsing,
// folding the names, adding to the builder.
func (b *builder) read(name string, r io.Reader, withPlaces bool) error {
	parsed, folded := make(chan []readRecord, readAhead), make(chan []readRecord, readAhead)
	var err error
	go func() {
		defer close(parsed)
		batch := make([]readRecord, 0, readBatch)
		send := func(rec readRecord) error {
			if batch = append(batch, rec); len(batch) == readBatch {
				parsed <- batch
				batch = make([]readRecord, 0, readBatch)
			}
			return nil
		}
		v := compact.Visitor{
			Country: func(c compact.Country) error { return send(readRecord{country: &c}) },
			Admin:   func(a compact.Admin) error { return send(readRecord{admin: &a}) },
		}
		if withPlaces {
			v.Place = func(p compact.Place) error { return send(readRecord{place: &p}) }
		}
		err = compact.Read(r, v)
		parsed <- batch
	}()
	go func() {
		defer close(folded)
		for batch := range parsed {
			for i := range batch {
				batch[i].foldNames()
			}
			folded <- batch
		}
	}()
	for batch := range folded {
		for _, rec := range batch {
			b.addRecord(rec)
		}
	}
	if err != nil {
		return fmt.Errorf("gazetteer: read %s: %w", name, err)
	}
	return nil
}

const (
	readBatch = 1024 // records a batch: enough to make a channel's cost vanish
	readAhead = 8    // batches a stage runs ahead of the next: enough to keep the cores busy
)
