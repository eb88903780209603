package extract

import (
	"strings"
	"testing"
)

// TestParseFacilities checks the facility list's format: columns found by the header, aliases
// split, comments skipped, and each bad row an error naming the file and line.
func TestParseFacilities(t *testing.T) {
	const header = "name\taliases\ttown\tadmin1\tcountry\tlat\tlon\tkind\tsource\n"
	tests := []struct {
		name, input string
		want        string // name|aliases|town|country|kind of each row, or the error's text
	}{
		{"rows", header + "# a comment\nHollin prison\tHollin jail|Hollin central prison\tKakamega\tKakamega\tKE\t0.282\t34.752\tprison\tinvented\n",
			"Hollin prison|Hollin jail,Hollin central prison|Kakamega|KE|prison"},
		{"columns in another order", "country\tname\nKE\tHollin prison\n", "Hollin prison|||KE|"},
		{"no name column", "country\tlat\nKE\t1\n", "list.tsv:1: header must name a 'name' column"},
		{"bad latitude", "name\tlat\nHollin prison\tnorth\n", `list.tsv:2: lat "north": strconv.ParseFloat: parsing "north": invalid syntax`},
		{"same facility twice", header + "Hollin prison\t\tKakamega\t\tKE\t\t\tprison\t\n\nHollin prison\t\tKisumu\t\tKE\t\t\tprison\t\n",
			`list.tsv:4: "Hollin prison" in KE is listed already on line 2`},
		{"same name in two countries", header + "Model prison\t\tTarvo\t\tKE\t\t\tprison\t\nModel prison\t\tOrlin\t\tUG\t\t\tprison\t\n",
			"Model prison||Tarvo|KE|prison Model prison||Orlin|UG|prison"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs, err := ParseFacilities(strings.NewReader(tt.input), "list.tsv")
			var got []string
			for _, f := range fs {
				got = append(got, strings.Join([]string{f.Name, strings.Join(f.Aliases, ","), f.Town, f.Country, f.Kind}, "|"))
			}
			if err != nil {
				got = []string{err.Error()}
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("got %q, want %q", g, tt.want)
			}
		})
	}
}

// FuzzParseFacilities reads arbitrary facility lists: it must not panic, every error must name the
// file, and every facility read must have a name.
func FuzzParseFacilities(f *testing.F) {
	f.Add("name\taliases\ttown\tcountry\tlat\tlon\nHollin prison\tHollin jail|Hollin gaol\tKakamega\tKE\t0.282\t34.752\n")
	f.Add("name\tlat\nHollin prison\tnorth\n")
	f.Add("# comment\n\nname\nA\nA\n")
	f.Fuzz(func(t *testing.T, input string) {
		fs, err := ParseFacilities(strings.NewReader(input), "list.tsv")
		if err != nil {
			if !strings.Contains(err.Error(), "list.tsv") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		for _, fac := range fs {
			if fac.Name == "" {
				t.Fatalf("facility without a name read from %q", input)
			}
		}
	})
}
