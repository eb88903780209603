package gazetteer

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestFoldMerges(t *testing.T) {
	groups := [][]string{
		{"Hasaka", "Hasakah", "al-Hasakah", "Hassakeh", "Al Ḩasakah", "AL-HASAKAH", "Al Hasaka"},
		{"Deir Ezzor", "Deir ez-Zor", "Dayr az Zawr", "Deir el-Zor", "Dair ez Zor"},
		{"Koutoukalé", "Koutoukale", "Kutukale"},
		{"Jalalabad", "Jalālābād", "JALALABAD"},
		{"Al-Hol", "Al Hawl", "al-Hawl"},
		{"Raqqa", "Ar-Raqqah", "Rakka", "ar Raqqa"},
		{"Ghwayran", "Ghweiran", "Ghweyran"},
		{"Atmeh", "Atma"},
		{"Iraq", "Irak"},
		{"Mazar-e Sharif", "Mazar-i-Sharif", "Mazār-e Sharīf"},
		{"Ma'arrat al-Nu'man", "Maarat an Numan", "Ma‘arrat an-Nu‘man"},
		{"Qamishli", "Kamishli", "Qamishly"},
		{"Djibouti", "Jibouti"},
		{"Baiji", "Bayji", "Beiji"},
		{"Sheikh Maqsoud", "Shaykh Maqsud", "Sheikh Maksoud"},
		{"Abū Ghurayb", "Abu Ghuraib"},
		{"Bosaso", "Boosaaso"},
		{"Łódź", "Lodz"},
		{"Straße", "Strasse"},
		{"St. Louis", "St Louis", "St-Louis"},
		{"الحسكة", "الحسكه", "حسكة", "الـحسكة", "الحَسَكَة"},
		{"أربيل", "اربيل", "إربيل"},
		{"الشافعى", "الشافعي", "شافعي"},
		{"كركوك", "کرکوک"},
		{"Орёл", "Орел", "ОРЁЛ"},
	}
	for _, g := range groups {
		want := Fold(g[0])
		for _, name := range g[1:] {
			if got := Fold(name); got != want {
				t.Errorf("Fold(%q) = %q, want %q (as Fold(%q))", name, got, want, g[0])
			}
		}
	}
}

func TestFoldKeepsApart(t *testing.T) {
	pairs := [][2]string{
		{"Niger", "Nigeria"}, {"Nigerien", "Nigerian"}, {"Bama", "Bamako"}, {"Benin", "Beni"},
		{"Kano", "Kan"}, {"Khan", "Kan"}, {"Dhaka", "Zaka"}, {"Mali", "Malawi"},
		{"Sudan", "South Sudan"}, {"Guinea", "Guinea-Bissau"}, {"Gaza", "Ghazni"},
		{"Assam", "Sam"}, {"Essen", "Sen"}, {"Oman", "Amman"}, {"Iran", "Iraq"},
		{"Kabul", "Kabala"}, {"Goma", "Gomal"}, {"Ain", "Al Ain Ain"},
		{"بغداد", "غداد"}, {"الرمادي", "رمادي الرمادي"}, {"أم", "الأم"},
	}
	for _, p := range pairs {
		if a, b := Fold(p[0]), Fold(p[1]); a == b {
			t.Errorf("Fold(%q) = Fold(%q) = %q, want them apart", p[0], p[1], a)
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"  -- ", ""},
		{"Al", "al"},
		{"Al-", "al"},
		{"Hasakah", "hasaka"},
		{"Deir ez-Zor", "dairzor"},
		{"Dera Ismail Khan", "deraismailkhan"},
		{"Koutoukalé", "kutukale"},
		{"N'Djamena", "njamena"},
		{"Ouagadougou", "uagadugu"},
		{"Москва", "москва"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Al Ḩasakah", "Deir Ezzor", "Jalālābād", "Ma'arrat", "ꪪꪪ", "ahh", "de ir", "aẅ", "\xff", "الالحسكة", "دير الـزور", "Орёл"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Fold(s)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("Fold(%q) = %q, not valid UTF-8", s, got)
		}
		if strings.ContainsAny(got, " -'.\t") {
			t.Fatalf("Fold(%q) = %q, still has spaces or punctuation", s, got)
		}
		if again := Fold(got); again != got {
			t.Fatalf("Fold(Fold(%q)) = %q, want %q (idempotent)", s, again, got)
		}
	})
}
