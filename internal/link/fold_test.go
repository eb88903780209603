package link

import (
	"strings"
	"testing"
)

func TestGenericWords(t *testing.T) {
	words, err := readGenericWords(genericWordsData)
	if err != nil {
		t.Fatal(err)
	}
	if len(words["place"]) == 0 || len(words["facility"]) == 0 {
		t.Fatalf("generic words: %d place, %d facility, want both", len(words["place"]), len(words["facility"]))
	}
	for _, w := range []string{"prison", "السجن", "тюрьма", "lapas"} {
		if got := nameTokens(w+" Tarvo", facilityStopWords); strings.Join(got, " ") != "tarvo" {
			t.Errorf("tokens of %q: %q, want only tarvo", w+" Tarvo", got)
		}
	}
	for _, tt := range []struct{ data, err string }{
		{"place\tcity\n", ""},
		{"# a comment\n\nfacility\tjail\n", ""},
		{"town\tcity\n", "generic-words.tsv:1: want place, facility, grade or same"},
		{"place city\n", "generic-words.tsv:1: want place, facility, grade or same"},
		{"place\t\n", "generic-words.tsv:1: want place, facility, grade or same"},
		{"place\tcity\nplace\tcity\n", `generic-words.tsv:2: place "city" twice`},
		{"same\tpolizia\tpolice\n", ""},
		{"same\tpolizia\n", "generic-words.tsv:1: a same word and the words it stands for"},
		{"place\tcity\ttown\n", "generic-words.tsv:1: a same word and the words it stands for"},
	} {
		_, err := readGenericWords(tt.data)
		if ok := tt.err == "" && err == nil || tt.err != "" && err != nil && strings.HasPrefix(err.Error(), tt.err); !ok {
			t.Errorf("readGenericWords(%q): %v, want %q", tt.data, err, tt.err)
		}
	}
}

// TestFacilityTokens: a lower-case elided word before an apostrophe is no part of a name, a
// capital one is; a Roman class and the capital letter after it are one word, however they are
// spaced, while other capitals after a numeral and lower-case words are left alone. Words of a
// police station are read in English, whatever the language.
func TestFacilityTokens(t *testing.T) {
	for _, tt := range []struct{ name, want string }{
		{"prison d'Orlin", "orlin"},
		{"carcere dell'Orlin", "orlin"},
		{"prison d’Orlin", "orlin"},
		{"N'Tarvo prison", "ntarvo"},
		{"Ma'arvo prison", "marvo"},
		{"Lapas Kelas II B Tarvo", "ib tarvo"},
		{"Lapas Kelas IIB Tarvo", "ib tarvo"},
		{"Block IV C", "block ivc"},
		{"Tarvo Prison B", "b tarvo"},
		{"II Tarvo", "i tarvo"},
		{"ii b", "b i"},
		{"estación policial", "police station"},
		{"stazione di polizia", "police station"},
		{"comisaría de Tarvo", "police station tarvo"},
		{"Tarvo police station", "police station tarvo"},
		{"police headquarters", "headkuarters police"},
	} {
		if got := strings.Join(facilityTokens(tt.name), " "); got != tt.want {
			t.Errorf("tokens of %q: %q, want %q", tt.name, got, tt.want)
		}
	}
}
