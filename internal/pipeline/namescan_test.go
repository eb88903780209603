package pipeline

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestNameScanner requires the scanner to find exactly the names strings.Contains finds: names
// inside words and inside other names, names sharing beginnings and ends, repeated names and
// bytes of non-ASCII letters.
func TestNameScanner(t *testing.T) {
	names := []string{"amberfield prison", "field prison", "amber", "kirikiri", "kiri", "ri", "kuje prison",
		"prison of kuje", "maison d'arrêt", "arrêt", "şırnak", "amberfield prison"}
	cases := []string{
		"",
		"fighters freed from amberfield prison attacked kuje prison.",
		"the amberfields prison was hit",
		"kirikirikiri",
		"the maison d'arrêt de şırnak",
		"ambe r field",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200 { // random texts of the names' pieces
		var b strings.Builder
		for range 6 {
			n := names[rng.IntN(len(names))]
			i, j := rng.IntN(len(n)+1), rng.IntN(len(n)+1)
			b.WriteString(n[min(i, j):max(i, j)])
		}
		cases = append(cases, b.String())
	}
	s := newNameScanner(names)
	for _, text := range cases {
		var want []int32
		for i, n := range names {
			if strings.Contains(text, n) {
				want = append(want, int32(i))
			}
		}
		if got := s.scan(text); !slices.Equal(got, want) {
			t.Errorf("scan %q: %v, want %v", text, got, want)
		}
	}
}
