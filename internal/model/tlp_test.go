package model

import "testing"

func TestParseTLP(t *testing.T) {
	for _, c := range []struct {
		in   string
		want TLP
		ok   bool
	}{
		{"CLEAR", TLPClear, true}, {"tlp:white", TLPClear, true}, {" green ", TLPGreen, true},
		{"TLP:AMBER", TLPAmber, true}, {"amber+strict", TLPAmberStrict, true}, {"Red", TLPRed, true},
		{"", "", false}, {"AMBER STRICT", "", false}, {"blue", "", false},
	} {
		got, err := ParseTLP(c.in)
		if got != c.want || (err == nil) != c.ok {
			t.Errorf("ParseTLP(%q) = %q, %v; want %q, ok %v", c.in, got, err, c.want, c.ok)
		}
	}
}

func TestTLPRank(t *testing.T) {
	for i, m := range TLPs {
		if m.Rank() != i {
			t.Errorf("%s rank %d, want %d", m, m.Rank(), i)
		}
	}
	if TLP("bogus").Rank() != TLPRed.Rank() {
		t.Error("an unknown marking must rank as RED")
	}
	if TLPGreen.Restricted() || !TLPAmber.Restricted() || !TLPRed.Restricted() {
		t.Error("Restricted: AMBER and above only")
	}
}
