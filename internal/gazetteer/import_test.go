package gazetteer

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wallwatch/wallwatch/internal/gazetteer/internal/compact"
	"github.com/wallwatch/wallwatch/internal/gazetteer/internal/geonames"
)

// dump is a four-line GeoNames extract written for these tests (invented places): a town (with a
// Cyrillic name kept beside its Latin ones), a
// historical place, an ADM1 feature and a mountain.
func dump(t testing.TB) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "dump.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func gzipped(t testing.TB, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestImport(t *testing.T) {
	plain := dump(t)
	want := strings.Join([]string{
		compact.Header,
		"P\t1000001\tTessaroua\t\t14.5\t6.25\tPPLA2\tNE\t01\t\t12000\tTessarova|Тессаруа",
		"A\tNE.01\t1000003\tProvince du Test\t\t17\t8\tTest Province",
	}, "\n") + "\n"
	for name, src := range map[string][]byte{"plain": plain, "gzipped": gzipped(t, plain)} {
		var out bytes.Buffer
		n, err := Import(&out, bytes.NewReader(src))
		if err != nil {
			t.Fatalf("%s: Import: %v", name, err)
		}
		if n != 2 || out.String() != want {
			t.Errorf("%s: Import wrote %d records:\n%s\nwant 2:\n%s", name, n, out.String(), want)
		}
	}
}

func TestImportRejectsBadRows(t *testing.T) {
	tests := []struct{ name, input string }{
		{"few columns", "1\tA\tA\n"},
		{"bad id", strings.Replace(string(dump(t)), "1000001", "x", 1)},
		{"bad latitude", strings.Replace(string(dump(t)), "14.5", "94.5", 1)},
		{"bad population", strings.Replace(string(dump(t)), "12000", "-5", 1)},
	}
	for _, tt := range tests {
		_, err := Import(&bytes.Buffer{}, strings.NewReader(tt.input))
		if !errors.Is(err, geonames.ErrFormat) || !strings.Contains(err.Error(), "line 1") {
			t.Errorf("%s: Import error = %v, want a format error on line 1", tt.name, err)
		}
	}
}

func TestLoadFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "places.tsv.gz")
	var out bytes.Buffer
	if _, err := Import(&out, bytes.NewReader(dump(t))); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, gzipped(t, out.Bytes()), 0o644); err != nil {
		t.Fatal(err)
	}
	g, err := LoadFile(path)
	if err != nil {
		t.Fatalf("LoadFile: %v", err)
	}
	e, ok := g.Resolve("Tessarova", []string{"NE"})
	if !ok || e.GeonameID != 1000001 || e.Admin1 != "Province du Test" {
		t.Errorf("Resolve(Tessarova) = %+v, %v, want the imported town in the imported province", e, ok)
	}
	for _, e := range g.Lookup("Niamey") {
		if e.Feature == "PPLC" {
			t.Errorf("Lookup(Niamey) found the embedded city %+v: embedded places should be replaced", e)
		}
	}
	if got := g.Lookup("Koutoukale"); len(got) == 0 {
		t.Error("Lookup(Koutoukale) found nothing: the supplement should stay loaded")
	}
	if c, ok := g.Country("Nigerien"); !ok || c != "NE" {
		t.Errorf("Country(Nigerien) = %q, %v: countries should stay loaded", c, ok)
	}
	if _, err := LoadFile(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("LoadFile(missing) succeeded")
	}
}

func FuzzImport(f *testing.F) {
	f.Add(dump(f))
	f.Add(gzipped(f, dump(f)))
	f.Add([]byte(""))
	f.Add([]byte("#comment\n\n"))
	f.Add([]byte{0x1f, 0x8b, 0x08})
	f.Add([]byte("1\tA\tA\t\t1\t2\tP\tPPL\tZZ\t\t\t\t\t\t\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		var out bytes.Buffer
		n, err := Import(&out, bytes.NewReader(src))
		if err != nil {
			return
		}
		read := 0
		count := func() error { read++; return nil }
		v := compact.Visitor{
			Admin: func(compact.Admin) error { return count() },
			Place: func(compact.Place) error { return count() },
		}
		if err := compact.Read(&out, v); err != nil {
			t.Fatalf("Import output does not read back: %v\n%q", err, out.String())
		}
		if read != n {
			t.Fatalf("Import reported %d records, output holds %d", n, read)
		}
	})
}

// TestLookupPrefersTheNamesakeSeat: of two towns of one name and one class, the one whose district
// bears its name ranks first, whatever population the other is given.
func TestLookupPrefersTheNamesakeSeat(t *testing.T) {
	rows := strings.Join([]string{
		compact.Header,
		"A\tNE.01\t2000010\tProvince Une\t\t14\t6\t",
		"A\tNE.01.07\t2000011\tTessa\t\t14\t6\t",
		"A\tNE.02\t2000020\tProvince Deux\t\t16\t8\t",
		"A\tNE.02.05\t2000021\tDunmarra\t\t16\t8\t",
		"P\t2000001\tDunmarra\t\t14.1\t6.1\tPPL\tNE\t01\t07\t900000\t",
		"P\t2000002\tDunmarra\t\t16.1\t8.1\tPPL\tNE\t02\t05\t400000\t",
	}, "\n") + "\n"
	path := filepath.Join(t.TempDir(), "places.tsv")
	if err := os.WriteFile(path, []byte(rows), 0o644); err != nil {
		t.Fatal(err)
	}
	g, err := LoadFile(path)
	if err != nil {
		t.Fatalf("LoadFile: %v", err)
	}
	got := g.Lookup("Dunmarra")
	if len(got) < 2 || got[0].GeonameID != 2000002 || got[0].Admin2 != "Dunmarra" {
		t.Fatalf("Lookup(Dunmarra) = %+v, want the seat of Dunmarra district first", got)
	}
}
