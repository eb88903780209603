package extract

import "testing"

func TestEventIDCode(t *testing.T) {
	for _, tt := range []struct{ name, want string }{
		{"KEN544.txt", "KEN"},
		{"10454RTA.txt", "RTA"},
		{"7641IND", "IND"},
		{"HTI-20240329-4987a5.txt", "HTI"},
		{"GTD-200609070004.txt", "GTD"},
		{"ABC.txt", ""},                    // no number
		{"12ABC34.txt", ""},                // digits on both sides
		{"KENYA544.txt", ""},               // not three letters
		{"Ken544.txt", ""},                 // not capitals
		{"211-prison-attack-2021.txt", ""}, // an article's name
		{"USA-today.txt", ""},              // no digits after the code
		{"report-KEN544.txt", ""},          // the code must come first
		{"", ""},
	} {
		if got := eventIDCode(tt.name); got != tt.want {
			t.Errorf("eventIDCode(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}
