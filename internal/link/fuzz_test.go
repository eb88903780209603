package link

import (
	"slices"
	"strings"
	"testing"

	"github.com/wallwatch/wallwatch/internal/model"
)

// FuzzCompatible feeds free-form names (they come from documents) through folding and the
// compatibility rules: no panic, a symmetric answer, a score in 0..1, stable folding.
func FuzzCompatible(f *testing.F) {
	f.Add("al-Sina'a prison", "Hasakah", "Sinaa Central Prison", "al-Hasakah")
	f.Add("Maison Centrale de Conakry", "Conakry", "", "Kaloum")
	f.Add("", "", "the prison", "")
	f.Add("\xff\xfe", "Ünïcödé  --  ’’", "Aall", "ELL-el")
	f.Fuzz(func(t *testing.T, facilityA, placeA, facilityB, placeB string) {
		a := model.Mention{DocumentID: "a", Facility: facilityA, Place: model.Place{Country: "XA", Name: placeA}}
		b := model.Mention{DocumentID: "b", Facility: facilityB, Place: model.Place{Country: "XA", Name: placeB}}
		s1, ok1 := Compatible(a, b, nil)
		s2, ok2 := Compatible(b, a, nil)
		if ok1 != ok2 || s1 != s2 || s1 < 0 || s1 > 1 {
			t.Fatalf("Compatible: %v %.3f one way, %v %.3f the other", ok1, s1, ok2, s2)
		}
		once := foldTokens(facilityA)
		if twice := foldTokens(strings.Join(once, " ")); !slices.Equal(once, twice) {
			t.Fatalf("folding %q is not stable: %q then %q", facilityA, once, twice)
		}
	})
}
