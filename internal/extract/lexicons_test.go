package extract

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
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
		{"ha", "gunmen stormed the prison", "attack attackers side:perpetrators method:small_arms attack attack facility"}, // no Hausa file
	}
	for _, tt := range tests {
		var got string
		for _, h := range ls.of(tt.lang).scan(tokenize(tt.text)) {
			if got != "" {
				got += " "
			}
			got += h.category.String()
		}
		if got != tt.want {
			t.Errorf("%s %q: cues %q, want %q", tt.lang, tt.text, got, tt.want)
		}
	}
}

func TestSplitElisions(t *testing.T) {
	ls, err := loadLexicons(nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		lang, text, want string // want: the tokens' folds and spans, "|" between tokens
	}{
		{"fr", "L’évasion de la maison d'arrêt", "l[0:4]|evasion[4:12]|de[13:15]|la[16:18]|maison[19:25]|d[26:28]|arret[28:34]"},
		{"fr", "Côte d'Ivoire", "cote[0:5]|d[6:8]|ivoire[8:14]"},
		{"fr", "aujourd'hui qu'ils", "aujourd'hui[0:11]|qu[12:15]|ils[15:18]"},
		{"it", "dell'istituto all'interno", "dell[0:5]|istituto[5:13]|all[14:18]|interno[18:25]"},
		{"en", "O'Brien didn't", "o'brien[0:7]|didn't[8:14]"},
		{"fr", "l'", "l[0:1]"},
	}
	for _, tt := range tests {
		var parts []string
		for _, tok := range ls.of(tt.lang).splitElisions(tokenize(tt.text), tt.text) {
			parts = append(parts, fmt.Sprintf("%s[%d:%d]", tok.fold, tok.start, tok.end))
		}
		if got := strings.Join(parts, "|"); got != tt.want {
			t.Errorf("%s %q: %s, want %s", tt.lang, tt.text, got, tt.want)
		}
	}
	// Cue phrases are split the same way, so that they still match.
	hits := ls.of("fr").scan(ls.of("fr").splitElisions(tokenize("la maison d'arrêt"), "la maison d'arrêt"))
	if len(hits) == 0 || hits[0].category != facilityCue {
		t.Errorf("maison d'arrêt: cues %v, want a facility", hits)
	}
}

func TestUserLexicon(t *testing.T) {
	ls, err := loadLexicons([]LexiconFile{
		{Name: "en.tsv", Data: []byte("facility\tclink\n")},
		{Name: "ha.tsv", Data: []byte("facility\tkurkuku\nattack\thari\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ lang, text, want string }{
		{"en", "the clink", "facility"},               // merged over the built-in English words
		{"en", "the prison", "facility"},              // which it keeps
		{"ha", "hari kan kurkuku", "attack facility"}, // a new language
		{"ha", "the prison", ""},
		{"", "the clink, kan kurkuku", "facility facility"},
	}
	for _, tt := range tests {
		var got []string
		for _, h := range ls.of(tt.lang).scan(tokenize(tt.text)) {
			got = append(got, h.category.String())
		}
		if s := strings.Join(got, " "); s != tt.want {
			t.Errorf("%s %q: cues %q, want %q", tt.lang, tt.text, s, tt.want)
		}
	}
}

func TestCalendarNamesOfLanguage(t *testing.T) {
	ls, err := loadLexicons(nil)
	if err != nil {
		t.Fatal(err)
	}
	ref := Ref{Date: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC), Precision: model.PrecisionDay}
	tests := []struct{ lang, text, want string }{
		{"tr", "14 Mart 2025'te", "2025-03-14"},
		{"tr", "Cuma günü", "2025-05-30"},
		{"en", "14 Mart 2025", "2025-01-01"}, // only the year
		{"fr", "le 3 déc. 2024", "2024-12-03"},
		{"en", "on Dec. 3, 2024", "2024-12-03"},
		{"en", "they may march", ""}, // English month names count capitalised
		{"pt", "em 7 de setembro de 2024", "2024-09-07"},
		{"pt", "na madrugada de 21 de maio", "2025-05-21"},
		{"pt", "1º de janeiro de 2017", "2017-01-01"},
		{"pt", "3 de dez. de 2024", "2024-12-03"},
		{"", "14 Mart 2025 and 3 déc. 2024", "2025-03-14 2024-12-03"},
		{"it", "il 12 gennaio 2021 e il 3 giugno 2020", "2021-01-12 2020-06-03"},
		{"id", "pada 5 April 2020 dan 3 September 2019", "2020-04-05 2019-09-03"},
		{"id", "pada akhir Mac 2020", "2020-03-01"}, // Malay, which reads as Indonesian
	}
	for _, tt := range tests {
		if got := datesIn(ls.of(tt.lang), tt.text, ref); got != tt.want {
			t.Errorf("%s %q: dates %q, want %q", tt.lang, tt.text, got, tt.want)
		}
	}
}

// TestEveryMonthOfLanguage checks that a language file naming months names all twelve: a month
// left out reads its dates as their years alone.
func TestEveryMonthOfLanguage(t *testing.T) {
	ls, err := loadLexicons(nil)
	if err != nil {
		t.Fatal(err)
	}
	for lang, lx := range ls.byLang {
		if len(lx.months) == 0 {
			continue
		}
		seen := map[int]bool{}
		for _, m := range lx.months {
			seen[m.month] = true
		}
		for month := 1; month <= 12; month++ {
			if !seen[month] {
				t.Errorf("%s: no name for month %d", lang, month)
			}
		}
	}
}

// datesIn returns the dates a lexicon reads in a text, resolved against ref, as YYYY-MM-DD.
func datesIn(lx *lexicon, text string, ref Ref) string {
	var got []string
	for _, d := range resolveDates(scanDateExprs(lx, text, scanPieces(text)), ref) {
		got = append(got, d.Date.Start.Format(model.DateLayout))
	}
	return strings.Join(got, " ")
}

// TestPhrasesOfLanguage reads figures and dates with the phrase categories of one language: a
// language's vague numbers, multipliers, ordinals and units of "ago" come from its file, so that a
// new language brings its own (here Swahili words in a user file, merged over the built-in sw.tsv).
func TestPhrasesOfLanguage(t *testing.T) {
	ls, err := loadLexicons([]LexiconFile{{Name: "sw.tsv", Data: []byte(
		"vague_number:20\tmakumi ya\nvague_number:200\tmamia (ya)\nfigure_multiplier:1000\telfu\n" +
			"ordinal:2\tpili\ndate_unit:1\tsiku\nago_after\tzilizopita\nmore_than_after\tau zaidi\n")}})
	if err != nil {
		t.Fatal(err)
	}
	ref := Ref{Date: time.Date(2025, 6, 10, 0, 0, 0, 0, time.UTC), Precision: model.PrecisionDay}
	tests := []struct{ lang, text, want string }{
		{"sw", "mamia ya wafungwa", "vague 200-"},
		{"sw", "mamia", ""}, // needs "ya" after it
		{"sw", "makumi ya wafungwa", "vague 24-"},
		{"sw", "3 elfu", "exact 3000-3000"},
		{"sw", "50 au zaidi", "more_than 50-"},
		{"sw", "pili", "exact 2-2 ordinal"},
		{"en", "mamia ya wafungwa, dozens of inmates", "vague 24-"},
		{"en", "3 elfu", "exact 3-3"},
		{"fr", "des centaines de détenus, hundreds of inmates", "vague 200-"},
	}
	for _, tt := range tests {
		lx := ls.of(tt.lang)
		ps := scanPieces(tt.text)
		var got []string
		for _, q := range numbersIn(lx, tt.text, ps, scanDateExprs(lx, tt.text, ps)) {
			s := q.Qualifier + " "
			if q.Low != nil {
				s += fmt.Sprint(*q.Low)
			}
			s += "-"
			if q.High != nil {
				s += fmt.Sprint(*q.High)
			}
			if q.Kind != "count" {
				s += " " + q.Kind
			}
			got = append(got, s)
		}
		if s := strings.Join(got, "; "); s != tt.want {
			t.Errorf("%s %q: figures %q, want %q", tt.lang, tt.text, s, tt.want)
		}
	}
	dates := []struct{ lang, text, want string }{
		{"sw", "3 siku zilizopita", "2025-06-07"},
		{"en", "3 days ago", "2025-06-07"},
		{"en", "3 siku zilizopita", ""},
	}
	for _, tt := range dates {
		if got := datesIn(ls.of(tt.lang), tt.text, ref); got != tt.want {
			t.Errorf("%s %q: dates %q, want %q", tt.lang, tt.text, got, tt.want)
		}
	}
}
