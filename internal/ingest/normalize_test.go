package ingest

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "", ""},
		{"trim", "  \n\t text \n\n ", "text"},
		{"spaces and tabs fold", "a  \t b\u00a0\u2003c", "a b c"},
		{"line break kept", "line one\nline two", "line one\nline two"},
		{"paragraphs fold to one break", "para one\n\n\n\n para two", "para one\n\npara two"},
		{"blank line with spaces is a break", "a\n \t \nb", "a\n\nb"},
		{"CRLF is one line break", "a\r\nb\r\n\r\nc", "a\nb\n\nc"},
		{"lone CR", "a\rb", "a\nb"},
		{"line and paragraph separators", "a\u2028b\u2029c", "a\nb\n\nc"},
		{"trailing spaces on lines", "a   \n   b", "a\nb"},
		{"controls dropped", "a\x00b\x07c\x1bd\u0085e", "abcd\ne"},
		{"invisible characters dropped", "pri\u00adson\u200b \ufeffwall\u200e", "prison wall"},
		{"joiners kept", "می\u200cخواهم", "می\u200cخواهم"},
		{"NFC", "e\u0301vasion", "\u00e9vasion"},
		{"invalid bytes replaced", "caf\xc3 \xff\xfeend", "caf\uFFFD \uFFFDend"},
		{"form feed is a line break", "a\fb", "a\nb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"", "a  b\r\n\r\nc", "e\u0301\u200b\xff", "\u2029\u2028\t x", readFixtureString(f, "header.txt")} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got := Normalize(in)
		if !utf8.ValidString(got) {
			t.Fatalf("Normalize(%q) is not valid UTF-8", in)
		}
		if again := Normalize(got); again != got {
			t.Errorf("not idempotent: %q -> %q -> %q", in, got, again)
		}
		if strings.TrimSpace(got) != got || strings.Contains(got, "  ") || strings.Contains(got, "\n\n\n") {
			t.Errorf("Normalize(%q) = %q keeps untrimmed or unfolded space", in, got)
		}
		for _, r := range got {
			if r != '\n' && (unicode.IsControl(r) || r == '\t') {
				t.Errorf("Normalize(%q) keeps control %U", in, r)
			}
		}
	})
}
