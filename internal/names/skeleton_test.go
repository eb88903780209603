package names

import (
	"strings"
	"testing"
)

func TestSkeletons(t *testing.T) {
	s, err := newSkeletonTable()
	if err != nil {
		t.Fatal(err)
	}
	same := [][]string{
		{"Tammé", "Tammeh", "Tame", "الطمة", "طمة"},
		{"Sarrouf", "Sarruf", "Sarroufé", "صروف"},
		{"Khorvin", "Хорвин", "Хорвін"}, // Russian and Ukrainian forms keep k-r-v-n
		{"Zaboult", "Zabult", "زابولت"},
		{"Carvelo", "Karvelo"},
	}
	for _, g := range same {
		want := s.Of(Fold(g[0]))
		for _, name := range g[1:] {
			if got := s.Of(Fold(name)); got != want {
				t.Errorf("skeleton of %q = %q, of %q = %q: want them equal", name, got, g[0], want)
			}
		}
	}
	apart := [][2]string{{"Harrow", "Wenlock"}, {"Korvan", "Jadesh"}, {"Tame", "Tarvo"}, {"Tarvo", "Orlin"}}
	for _, p := range apart {
		if a, b := s.Of(Fold(p[0])), s.Of(Fold(p[1])); a == b {
			t.Errorf("skeletons of %q and %q are both %q: want them apart", p[0], p[1], a)
		}
	}
	for _, tt := range []struct{ folded, want string }{
		{"tame", "tm"}, {"", ""}, {"aeiou", ""}, {"x", "x"},
	} {
		if got := s.Of(tt.folded); got != tt.want {
			t.Errorf("Of(%q) = %q, want %q", tt.folded, got, tt.want)
		}
	}
}

func FuzzSkeletons(f *testing.F) {
	s, err := newSkeletonTable()
	if err != nil {
		f.Fatal(err)
	}
	for _, seed := range []string{"Tammeh", "الطمة", "Хорвін", ""} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, name string) {
		if k := s.Of(Fold(name)); strings.ContainsAny(k, "aeiouyhw") {
			t.Errorf("skeleton of %q = %q keeps a vowel or a dropped letter", name, k)
		}
	})
}
