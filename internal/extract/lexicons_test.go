package extract

import "testing"

func TestLexiconOfLanguage(t *testing.T) {
	ls, err := loadLexicons(nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		lang, text, want string // want: the categories found, in order ("stormed" is storm* and stormed)
	}{
		{"en", "gunmen stormed the prison", "attack attackers side:perpetrators method:small_arms attack attack facility"},
		{"fr", "gunmen stormed the prison", "facility"},
		{"fr", "des assaillants ont attaqué la prison", "attackers side:perpetrators attack attack facility"},
		{"", "gunmen stormed la prison", "attack attackers side:perpetrators method:small_arms attack attack facility"},
		{"sw", "gunmen stormed the prison", "attack attackers side:perpetrators method:small_arms attack attack facility"},
	}
	for _, tt := range tests {
		var got string
		for _, h := range ls.of(tt.lang).scan(tokenize(tt.text)) {
			if got != "" {
				got += " "
			}
			got += h.category
		}
		if got != tt.want {
			t.Errorf("%s %q: cues %q, want %q", tt.lang, tt.text, got, tt.want)
		}
	}
}
