package ingest

import (
	"maps"
	"testing"
)

func TestGuessLanguage(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"english", "Gunmen attacked the prison on Sunday and freed dozens of inmates, the police said.", "en"},
		{"french", "Des hommes armés ont attaqué la prison dans la nuit de dimanche et libéré des dizaines de détenus, selon la police.", "fr"},
		{"spanish", "Hombres armados atacaron la cárcel el domingo y liberaron a decenas de presos, según la policía del estado.", "es"},
		{"portuguese", "Homens armados atacaram a prisão no domingo e libertaram dezenas de presos, segundo a polícia do estado.", "pt"},
		{"indonesian", "Sekitar 100 narapidana kabur dari penjara yang penuh sesak itu setelah kerusuhan pada hari Kamis, kata polisi.", "id"},
		{"german", "Bewaffnete Männer haben das Gefängnis am Sonntag angegriffen und Dutzende Häftlinge befreit, teilte die Polizei mit.", "de"},
		{"arabic", "هاجم مسلحون السجن في ليلة الأحد وأطلقوا سراح عشرات السجناء، على حد قول الشرطة التي وصلت بعد ذلك.", "ar"},
		{"persian", "افراد مسلح شب یکشنبه به زندان حمله کردند و ده\u200cها زندانی را آزاد کردند، پلیس این را اعلام کرد.", "fa"},
		{"russian", "Вооружённые люди напали на тюрьму в воскресенье и освободили десятки заключённых, как сообщила полиция.", "ru"},
		{"greek script", "Ένοπλοι επιτέθηκαν στη φυλακή την Κυριακή.", "el"},
		{"too short", "Prison attack", ""},
		{"numbers only", "12 34 56 2020-01-01", ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := GuessLanguage(tt.text); got != tt.want {
				t.Errorf("GuessLanguage(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestGuessLanguageCorpus checks the corpus's languages: the seeds are English, the dev set
// holds seventeen English, two French and one Indonesian report.
func TestGuessLanguageCorpus(t *testing.T) {
	tests := []struct {
		dir  string
		want map[string]int
	}{
		{"seeds", map[string]int{"en": 5}},
		{"dev", map[string]int{"en": 17, "fr": 2, "id": 1}},
	}
	for _, tt := range tests {
		got := map[string]int{}
		for _, d := range corpusDocuments(t, tt.dir) {
			got[d.Language]++
		}
		if !maps.Equal(got, tt.want) {
			t.Errorf("%s: got languages %v, want %v", tt.dir, got, tt.want)
		}
	}
}
