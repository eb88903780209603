package extract

import (
	"strings"
	"testing"
)

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

func TestUserLexicon(t *testing.T) {
	ls, err := loadLexicons([]LexiconFile{
		{Name: "en.tsv", Data: []byte("facility\tclink\n")},
		{Name: "sw.tsv", Data: []byte("facility\tgereza\nattack\tshambulio\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ lang, text, want string }{
		{"en", "the clink", "facility"},                  // merged over the built-in English words
		{"en", "the prison", "facility"},                 // which it keeps
		{"sw", "shambulio la gereza", "attack facility"}, // a new language
		{"sw", "the prison", ""},
		{"", "the clink, la gereza", "facility facility"},
	}
	for _, tt := range tests {
		var got []string
		for _, h := range ls.of(tt.lang).scan(tokenize(tt.text)) {
			got = append(got, h.category)
		}
		if s := strings.Join(got, " "); s != tt.want {
			t.Errorf("%s %q: cues %q, want %q", tt.lang, tt.text, s, tt.want)
		}
	}
}
