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

// TestTokenizeKeepsMarks checks that a combining mark stays in its word: Arabic short vowels and
// accents written decomposed would otherwise cut a word in two.
func TestTokenizeKeepsMarks(t *testing.T) {
	tests := []struct{ text, want string }{
		{"قُتل أربعة نزلاء", "قتل|اربعه|نزلاء"},
		{"l'e\u0301vasion de 12 de\u0301tenus", "l'evasion|de|12|detenus"},
		{"al-Marwa'a prison", "al-marwa'a|prison"},
	}
	for _, tt := range tests {
		var got []string
		for _, tk := range tokenize(tt.text) {
			got = append(got, tk.fold)
		}
		if strings.Join(got, "|") != tt.want {
			t.Errorf("tokenize(%q) = %q, want %q", tt.text, strings.Join(got, "|"), tt.want)
		}
	}
}
