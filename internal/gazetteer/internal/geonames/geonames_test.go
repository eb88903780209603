package geonames

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode"
)

const row = "1000001\tTessaroua\tTessaroua\tTessarova,Tessa-Roua\t14.5\t6.25\tP\tPPLA2\tNE\t\t01\t02\t\t\t12000\t\t400\tAfrica/Niamey\t2024-01-01"

func TestParseRowAndFormat(t *testing.T) {
	got, err := ParseRow(row + "\r\n")
	if err != nil {
		t.Fatal(err)
	}
	want := Row{ID: 1000001, Name: "Tessaroua", ASCII: "Tessaroua", Alt: []string{"Tessarova", "Tessa-Roua"},
		Lat: 14.5, Lon: 6.25, Class: "P", Feature: "PPLA2", Country: "NE", Admin1: "01", Admin2: "02", Population: 12000}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ParseRow = %+v, want %+v", got, want)
	}
	again, err := ParseRow(FormatRow(got))
	if err != nil || !reflect.DeepEqual(again, want) {
		t.Errorf("ParseRow(FormatRow(r)) = %+v, %v, want %+v", again, err, want)
	}
}

func TestParseRowErrors(t *testing.T) {
	for _, in := range []string{"", "1\t2", strings.Replace(row, "14.5", "NaN", 1), strings.Replace(row, "6.25", "181", 1), strings.Replace(row, "12000", "9999999999", 1), strings.Replace(row, "1000001", "-1", 1)} {
		if _, err := ParseRow(in); !errors.Is(err, ErrFormat) {
			t.Errorf("ParseRow(%q) = %v, want ErrFormat", in, err)
		}
	}
}

func TestUsefulName(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"Al Ḩasakah", true},
		{"Ma'arrat an-Nu'man", true},
		{"Sant Julià de Lòria", true},
		{"alhskt", false},   // lower-case machine transliteration
		{"الحسكة", false},   // Arabic script
		{"Тессаруа", false}, // Cyrillic
		{"OSDI", false},     // a code
		{"12345", false},    // a postal code
		{"Zone 4", false},   // digits
		{"Hasaka (Al Haksa)", false},
		{"http://x.org/Hasaka", false},
		{"A", false},
		{strings.Repeat("Ab", 31), false},
	}
	for _, tt := range tests {
		if got := UsefulName(tt.name); got != tt.want {
			t.Errorf("UsefulName(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestLocalScriptName(t *testing.T) {
	tests := []struct {
		name string
		want *unicode.RangeTable
	}{
		{"الحسكة", unicode.Arabic},
		{"دير الزور", unicode.Arabic},
		{"الحَسَكَة", unicode.Arabic},
		{"Ростов-на-Дону", unicode.Cyrillic},
		{"Тессаруа", unicode.Cyrillic},
		{"Al Ḩasakah", nil},    // Latin: UsefulName's
		{"الحسكة Hasaka", nil}, // two scripts
		{"Ростов دون", nil},
		{"١٢٣", nil}, // digits
		{"ا", nil},
		{"(الحسكة)", nil},
		{strings.Repeat("аб", 31), nil},
	}
	for _, tt := range tests {
		if got := LocalScriptName(tt.name); got != tt.want {
			t.Errorf("LocalScriptName(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestReadCodesAndCountryInfo(t *testing.T) {
	codes, err := ReadCodes(strings.NewReader("#code\tname\tascii\tid\nNE.01\tAgadez\tAgadez\t2448083\n\n"))
	if err != nil || len(codes) != 1 || codes[0] != (Code{Code: "NE.01", Name: "Agadez", ASCII: "Agadez", ID: 2448083}) {
		t.Errorf("ReadCodes = %+v, %v", codes, err)
	}
	if _, err := ReadCodes(strings.NewReader("NE.01\tAgadez\n")); !errors.Is(err, ErrFormat) {
		t.Errorf("ReadCodes(short row) = %v, want ErrFormat", err)
	}
	info := "#ISO\n" + strings.Join([]string{"NE", "NER", "562", "NG", "Niger", "Niamey", "1267000", "22442948", "AF", ".ne", "XOF", "Franc", "227", "####", "^(\\d{4})$", "fr-NE,ha,kr", "2440476", "TD,BJ", ""}, "\t") + "\n"
	rows, err := ReadCountryInfo(strings.NewReader(info))
	want := CountryRow{ISO2: "NE", ISO3: "NER", Numeric: "562", Name: "Niger", Capital: "Niamey", Population: 22442948, ID: 2440476, Languages: []string{"fr", "ha", "kr"}}
	if err != nil || len(rows) != 1 || !reflect.DeepEqual(rows[0], want) {
		t.Errorf("ReadCountryInfo = %+v, %v, want %+v", rows, err, want)
	}
}
