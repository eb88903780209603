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

func TestHeadlineOfAddress(t *testing.T) {
	for _, tt := range []struct{ address, want string }{
		{"https://www.radio.xc/fr/breves/20220508-belmark-un-mort", "Fr Breves Belmark Un Mort"},
		{"https://news.example/2018/09/26/80-escape-in-north_vale", "Escape In North Vale"},
		{"https://news.example/a/lib%C3%A9r%C3%A9s-%D8%B3%D8%AC%D9%86", "A Libérés سجن"}, // escapes decoded; a script without capitals kept as it is
		{"https://news.example/n3/2018/0903/c90000-9496597.html", "N C Html"},
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
