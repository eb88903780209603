package compact

import (
	"bytes"
	"compress/gzip"
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	country := Country{ISO2: "NE", ISO3: "NER", ID: 7, Name: "Niger", Capital: "Niamey", Population: 100, Lat: 17.41904, Lon: 9.38556}
	admin := Admin{Code: "NE.09", ID: 8, Name: "Tillabéri Region", ASCII: "Tillaberi Region", Lat: 14.1, Lon: 1.5, HasPoint: true, Alt: []string{"Tillabéri"}}
	bare := Admin{Code: "NE.09.1", ID: 9, Name: "Kollo", ASCII: "Kollo"}
	place := Place{ID: 10, Name: "Test\tTown", ASCII: "Test\tTown", Lat: -1.234567, Lon: 2.5, Feature: "PPL", Country: "NE", Admin1: "09", Population: 5, Alt: []string{"Testtown", "Bad|Name", ""}}
	var b bytes.Buffer
	w := NewWriter(&b)
	w.Country(country)
	w.Admin(admin)
	w.Admin(bare)
	w.Place(place)
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	var got []any
	err := Read(&b, Visitor{
		Country: func(c Country) error { got = append(got, c); return nil },
		Admin:   func(a Admin) error { got = append(got, a); return nil },
		Place:   func(p Place) error { got = append(got, p); return nil },
	})
	if err != nil {
		t.Fatal(err)
	}
	country.Lat, country.Lon = 17.419, 9.3856
	place.Name, place.ASCII, place.Lat, place.Alt = "Test Town", "Test Town", -1.2346, []string{"Testtown"}
	want := []any{country, admin, bare, place}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("read back\n%+v\nwant\n%+v", got, want)
	}
}

func TestReadGzipAndErrors(t *testing.T) {
	text := Header + "\nP\t1\tA\t\t1\t2\tPPL\tNE\t\t\t0\t\n"
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(text))
	zw.Close()
	n := 0
	if err := Read(&gz, Visitor{Place: func(Place) error { n++; return nil }}); err != nil || n != 1 {
		t.Errorf("Read(gzipped) = %v with %d places, want 1", err, n)
	}
	bad := []string{
		"",
		"P\t1\n",
		Header + "\nX\t1\n",
		Header + "\nP\t1\tA\n",
		Header + "\nP\tx\tA\t\t1\t2\tPPL\tNE\t\t\t0\t\n",
		Header + "\nP\t1\tA\t\t91\t2\tPPL\tNE\t\t\t0\t\n",
		Header + "\nA\tNE\t1\tA\t\t\t\t\n",
		Header + "\nC\tNER\tNER\t1\tNiger\tNiamey\t1\t1\t1\n",
	}
	for _, in := range bad {
		err := Read(strings.NewReader(in), Visitor{Country: func(Country) error { return nil }, Admin: func(Admin) error { return nil }, Place: func(Place) error { return nil }})
		if !errors.Is(err, ErrFormat) {
			t.Errorf("Read(%q) = %v, want ErrFormat", in, err)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add([]byte(Header + "\nC\tNE\tNER\t1\tNiger\tNiamey\t1\t1\t1\nA\tNE.01\t2\tAgadez\t\t\t\t\nP\t1\tA\t\t1\t2\tPPL\tNE\t\t\t0\tB|C\n"))
	f.Add([]byte(Header + "\n#" + Header + "\n"))
	f.Add([]byte{0x1f, 0x8b})
	f.Fuzz(func(t *testing.T, data []byte) {
		ok := func() error { return nil }
		_ = Read(bytes.NewReader(data), Visitor{
			Country: func(Country) error { return ok() },
			Admin: func(a Admin) error {
				if n := strings.Count(a.Code, "."); n != 1 && n != 2 {
					t.Fatalf("admin code %q passed", a.Code)
				}
				return ok()
			},
			Place: func(Place) error { return ok() },
		})
	})
}
