package extract

import (
	"strings"
	"testing"
	"unicode"
)

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

func TestHeadlineOfAddress(t *testing.T) {
	for _, tt := range []struct{ address, want string }{
		{"https://www.radio.xc/fr/breves/20220508-belmark-un-mort", "Fr Breves Belmark Un Mort"},
		{"https://news.example/2019/04/02/jailbreak-in-north_vale", "Jailbreak In North Vale"},
		{"https://news.example/a/%C3%A9vad%C3%A9s-%D9%81%D8%B1%D8%A7%D8%B1", "A Évadés فرار"}, // escapes decoded; a script without capitals kept as it is
		{"https://news.example/p/2019/0412/k5521-774031.html", "P K Html"},
		{"https://news.example", ""},
		{"case.txt", ""}, // a file, no web address
		{"", ""},
		{"http://[::1", ""}, // unparsable
	} {
		if got := headlineOfAddress(tt.address); got != tt.want {
			t.Errorf("headlineOfAddress(%q) = %q, want %q", tt.address, got, tt.want)
		}
	}
}

// FuzzHeadlineOfAddress reads arbitrary addresses: it must not panic, and what it returns holds
// letters and single spaces only.
func FuzzHeadlineOfAddress(f *testing.F) {
	f.Add("https://www.radio.xc/fr/breves/20220508-belmark-un-mort")
	f.Add("https://news.example/a/%C3%A9vad%C3%A9s-%D9%81%D8%B1%D8%A7%D8%B1")
	f.Add("http://[::1")
	f.Fuzz(func(t *testing.T, address string) {
		h := headlineOfAddress(address)
		if strings.Contains(h, "  ") || strings.HasPrefix(h, " ") || strings.HasSuffix(h, " ") {
			t.Fatalf("headlineOfAddress(%q) = %q: stray spaces", address, h)
		}
		for _, r := range h {
			if r != ' ' && !unicode.IsLetter(r) {
				t.Fatalf("headlineOfAddress(%q) = %q: %q is no letter", address, h, r)
			}
		}
	})
}
