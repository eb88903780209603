// Package compact reads and writes the gazetteer's compact on-disk format: one tab-separated
// record per line (countries, admin areas, places), optionally gzipped. The generator, Import
// and the loader share it, so the format is defined once.
package compact

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// Header is the first line of every compact file; Read checks it so a wrong file fails early.
const Header = "#wallwatch-gazetteer\t1"

// Record kinds: the first field of each line.
const (
	kindCountry = "C"
	kindAdmin   = "A"
	kindPlace   = "P"
)

// altSep separates alternate names inside one field. Names holding it are dropped on write.
const altSep = "|"

// Country is one country row.
type Country struct {
	ISO2, ISO3    string
	ID            int64 // GeoNames id, 0 if unknown
	Name, Capital string
	Population    int
	Lat, Lon      float64
}

// Admin is a first- or second-level administrative division. Code is "CC.A1" or "CC.A1.A2".
type Admin struct {
	Code        string
	ID          int64
	Name, ASCII string
	Lat, Lon    float64
	HasPoint    bool // Lat/Lon are known
	Alt         []string
}

// Place is a populated place.
type Place struct {
	ID                      int64 // GeoNames id, 0 if the place does not come from GeoNames
	Name, ASCII             string
	Lat, Lon                float64
	Feature                 string
	Country, Admin1, Admin2 string
	Population              int
	Alt                     []string
}

// Visitor receives the records of a file in file order. Nil funcs skip that kind.
type Visitor struct {
	Country func(Country) error
	Admin   func(Admin) error
	Place   func(Place) error
}

// ErrFormat is wrapped by every error about malformed content.
var ErrFormat = errors.New("compact: bad format")

// Writer writes records; call Flush (or Close on the underlying gzip writer after Flush) at the end.
type Writer struct {
	w   *bufio.Writer
	err error
}

// NewWriter writes the header and returns a Writer.
func NewWriter(w io.Writer) *Writer {
	cw := &Writer{w: bufio.NewWriterSize(w, 1<<16)}
	cw.line(Header)
	return cw
}

// Country writes a country record.
func (w *Writer) Country(c Country) {
	w.line(kindCountry, c.ISO2, c.ISO3, itoa64(c.ID), field(c.Name), field(c.Capital),
		strconv.Itoa(c.Population), coord(c.Lat), coord(c.Lon))
}

// Admin writes an admin record.
func (w *Writer) Admin(a Admin) {
	lat, lon := "", ""
	if a.HasPoint {
		lat, lon = coord(a.Lat), coord(a.Lon)
	}
	w.line(kindAdmin, field(a.Code), itoa64(a.ID), field(a.Name), asciiField(a.Name, a.ASCII),
		lat, lon, alts(a.Alt))
}

// Place writes a place record.
func (w *Writer) Place(p Place) {
	w.line(kindPlace, itoa64(p.ID), field(p.Name), asciiField(p.Name, p.ASCII), coord(p.Lat),
		coord(p.Lon), field(p.Feature), field(p.Country), field(p.Admin1), field(p.Admin2),
		strconv.Itoa(p.Population), alts(p.Alt))
}

// Flush writes buffered data and reports the first error met while writing.
func (w *Writer) Flush() error {
	if w.err != nil {
		return w.err
	}
	return w.w.Flush()
}

func (w *Writer) line(fields ...string) {
	if w.err != nil {
		return
	}
	_, w.err = w.w.WriteString(strings.Join(fields, "\t") + "\n")
}

// field makes a value safe for a tab-separated line.
func field(s string) string {
	if strings.ContainsAny(s, "\t\n\r") {
		s = strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\t' || r == '\n' || r == '\r' }), " ")
	}
	return s
}

// asciiField leaves the ASCII name empty when it equals the name, which most rows do.
func asciiField(name, ascii string) string {
	if ascii == name {
		return ""
	}
	return field(ascii)
}

func alts(names []string) string {
	kept := make([]string, 0, len(names))
	for _, n := range names {
		n = field(n)
		if n != "" && !strings.Contains(n, altSep) {
			kept = append(kept, n)
		}
	}
	return strings.Join(kept, altSep)
}

// coord rounds to 4 decimals (about 11 m), plenty for a place point.
func coord(f float64) string {
	return strconv.FormatFloat(math.Round(f*1e4)/1e4, 'f', -1, 64)
}

func itoa64(i int64) string { return strconv.FormatInt(i, 10) }

// Read parses a compact file, gzipped or not, and hands each record to v.
func Read(r io.Reader, v Visitor) error {
	br, err := Decompress(r)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(br)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<22)
	if !sc.Scan() || sc.Text() != Header {
		if err := sc.Err(); err != nil {
			return fmt.Errorf("read header: %w", err)
		}
		return fmt.Errorf("%w: missing header %q", ErrFormat, Header)
	}
	for n := 2; sc.Scan(); n++ {
		if err := readLine(sc.Text(), v); err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read: %w", err)
	}
	return nil
}

// Decompress returns a reader over r's content, gunzipping it when it starts with the gzip magic.
func Decompress(r io.Reader) (io.Reader, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	magic, err := br.Peek(2)
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("peek: %w", err)
	}
	if len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("gunzip: %w", err)
		}
		return zr, nil
	}
	return br, nil
}

func readLine(line string, v Visitor) error {
	if line == "" || line[0] == '#' {
		return nil
	}
	f := strings.Split(line, "\t")
	switch f[0] {
	case kindCountry:
		return visit(v.Country, f, parseCountry)
	case kindAdmin:
		return visit(v.Admin, f, parseAdmin)
	case kindPlace:
		return visit(v.Place, f, parsePlace)
	}
	return fmt.Errorf("%w: unknown record kind %q", ErrFormat, f[0])
}

func visit[T any](fn func(T) error, f []string, parse func([]string) (T, error)) error {
	if fn == nil {
		return nil
	}
	rec, err := parse(f)
	if err != nil {
		return err
	}
	return fn(rec)
}
