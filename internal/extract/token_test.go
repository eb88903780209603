package extract

import (
	"strings"
	"testing"
)

// FuzzContainsAny checks containsAny against strings.ContainsAny, invalid UTF-8 included.
func FuzzContainsAny(f *testing.F) {
	for _, s := range []string{"", " ", ", ", " — ", "، ", "a;b", "\xff", "\xef\xbf\xbd", "long text without a mark in it"} {
		for _, chars := range []string{clauseMarks, clauseMarks + ":()", clauseMarks + "—–", "'’", ";:؛", "(),:;\n", ""} {
			f.Add(s, chars)
		}
	}
	f.Fuzz(func(t *testing.T, s, chars string) {
		if got, want := containsAny(s, chars), strings.ContainsAny(s, chars); got != want {
			t.Errorf("containsAny(%q, %q) = %v, want %v", s, chars, got, want)
		}
	})
}
