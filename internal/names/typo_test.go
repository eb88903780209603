package names

import "testing"

func TestMisspelt(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"sarovia", "sarobia", true},                  // a letter changed
		{"central kolondo", "central kolondoo", true}, // a letter added
		{"tarvoski", "tarvski", true},                 // a letter dropped
		{"sarovia", "sarovia", false},                 // the same name is no slip
		{"sarovia", "saborai", false},                 // three edits apart
		{"kuje", "kuja", false},                       // too short to tell a slip from another name
		{"cereso 2", "cereso 3", false},               // numbers name other places
		{"cereso 12", "cereso 13", false},
		{"ancon i", "ancon ii", false}, // roman numerals too
		{"ancon iiii", "ancon iiiii", false},
		{"mareva north", "mareva", false}, // a word more is another name
		{"harrow south", "wenlock south", false},
		{"tarvo mareva", "tarva mareve", false}, // two words changed
		{"", "", false},
	} {
		if got := Misspelt(tt.a, tt.b); got != tt.want {
			t.Errorf("Misspelt(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := Misspelt(tt.b, tt.a); got != tt.want {
			t.Errorf("Misspelt(%q, %q) = %v, want %v (symmetric)", tt.b, tt.a, got, tt.want)
		}
	}
}

func FuzzMisspelt(f *testing.F) {
	f.Add("sarovia", "sarobia")
	f.Add("ancon i", "ancon ii")
	f.Fuzz(func(t *testing.T, a, b string) {
		if Misspelt(a, b) != Misspelt(b, a) {
			t.Errorf("Misspelt(%q, %q) is not symmetric", a, b)
		}
		if Misspelt(a, a) {
			t.Errorf("Misspelt(%q, itself) = true", a)
		}
	})
}
