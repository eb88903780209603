package cli

import "testing"

func TestDefaultNote(t *testing.T) {
	for _, tt := range []struct{ value, want string }{
		{"", ""}, {"false", ""}, {"0", ""}, {"100", " (default 100)"}, {"table", ` (default "table")`},
	} {
		if got := defaultNote(tt.value); got != tt.want {
			t.Errorf("defaultNote(%q) = %q, want %q", tt.value, got, tt.want)
		}
	}
}
