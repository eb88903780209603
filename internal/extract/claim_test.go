package extract

import (
	"strings"
	"testing"
)

// FuzzLastAsideOpener checks the one backward scan for an aside's opener against a search for
// each opener: the last of them, and its length.
func FuzzLastAsideOpener(f *testing.F) {
	for _, s := range []string{"", " ", " -", " - ", "a - b (c", "six people – five (inmates", "x — y - z", "(", " ( - ", "\xff - "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, wantWidth := -1, 0
		for _, m := range []string{" - ", " – ", " — ", " ("} {
			if i := strings.LastIndex(s, m); i > want {
				want, wantWidth = i, len(m)
			}
		}
		if got, width := lastAsideOpener(s); got != want || width != wantWidth {
			t.Errorf("lastAsideOpener(%q) = %d, %d; want %d, %d", s, got, width, want, wantWidth)
		}
	})
}
