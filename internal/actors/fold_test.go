package actors

import "testing"

func TestFoldKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"al-Nusra", "al nusra"},
		{"Al Nusrah", "al nusra"},
		{"Da'esh", "daesh"},
		{"Da’esh", "daesh"},
		{"Daesh's", "daesh"},
		{"État islamique", "etat islamique"},
		{"l'EI", "l ei"},
		{"Shabaab", "shabab"},
		{"Qa'ida", "qaida"},
		{"Al-Qaïda", "al qaida"},
		{"ʿAmaq", "amaq"},
		{"CPI(Maoist)", "cpi maoist"},
		{"400 Mawozo", "400 mawozo"},
		{"Straße", "strase"}, {"Strasse", "strase"},
		{"U.S.", "u s"},
		{"الإسلامية", "الاسلامية"}, {"أفريقيا", "افريقيا"}, {"إفريقيا", "افريقيا"},
		{"الأقصى", "الاقصي"}, {"داعـــش", "داعش"}, {"دَاعِش", "داعش"},
		{"  ", ""},
	}
	for _, tt := range tests {
		if got := foldKey(tt.in); got != tt.want {
			t.Errorf("foldKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTokenizeJoins(t *testing.T) {
	tests := []struct {
		text string
		want []bool // joined flag of each word
	}{
		{"al-Qaeda in Iraq", []bool{false, true, true, true}},
		{"al-Qaeda, in Iraq", []bool{false, true, false, true}},
		{"Iraq. Al", []bool{false, false}},
		{"U.S. forces", []bool{false, true, true}},
		{"Actualite.cd reports", []bool{false, true, true}},
		{"State's West", []bool{false, true}},
		{"PKK/SDF", []bool{false, false}},
	}
	for _, tt := range tests {
		toks, _ := tokenize(tt.text, nil, nil)
		if len(toks) != len(tt.want) {
			t.Errorf("tokenize(%q) = %d words, want %d", tt.text, len(toks), len(tt.want))
			continue
		}
		for i, tok := range toks {
			if tok.joined != tt.want[i] {
				t.Errorf("tokenize(%q) word %d joined = %v, want %v", tt.text, i, tok.joined, tt.want[i])
			}
		}
	}
}
