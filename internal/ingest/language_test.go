package ingest

import (
	"regexp"
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
		{"tagalog", "Sinalakay ng mga armadong lalaki ang kulungan noong Linggo at pinalaya ang mga bilanggo, ayon sa pulisya.", "tl"},
		{"swahili", "Watu wenye silaha walishambulia gereza hilo usiku wa Jumapili na kuwaachia wafungwa wengi, kwa mujibu wa polisi.", "sw"},
		{"russian", "Вооружённые люди напали на тюрьму в воскресенье и освободили десятки заключённых, как сообщила полиция.", "ru"},
		{"arabic, words glued to their prepositions", "أحبطت قوات الأمن هجوما على السجن ببنغازي ولم يتمكن أي سجين من الفرار، وقال مسؤولون إن المهاجمين فروا.", "ar"},
		{"russian, short", "Боевики атаковали тюрьму в Махачкале, но нападение было отбито, сообщили в полиции.", "ru"},
		{"greek script", "Ένοπλοι επιτέθηκαν στη φυλακή την Κυριακή.", "el"},
		{"too short", "Prison attack", ""},
		{"only words several languages use", "Ratusan tahanan di Lapas Tarvo di Kolondo.", ""},
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

// TestStopwordsOnce checks that no language lists a word twice: a word listed twice would count
// twice for it.
func TestStopwordsOnce(t *testing.T) {
	for lang, words := range stopwords {
		seen := map[string]bool{}
		for _, w := range words {
			if seen[w] {
				t.Errorf("%s lists %q twice", lang, w)
			}
			seen[w] = true
		}
	}
}

func TestLetterLanguage(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"arabic", "هجوم على السجن", "ar"},
		{"persian letters", "حمله به زندان گروه", ""},
		{"russian", "Побег из тюрьмы", "ru"},
		{"ukrainian", "Втеча з в'язниці", "uk"},
		{"bulgarian", "Бягство от затвора", ""},
		{"latin", "Prison attack", ""},
	}
	for _, tt := range tests {
		if got := letterLanguage(tt.text); got != tt.want {
			t.Errorf("%s: letterLanguage(%q) = %q, want %q", tt.name, tt.text, got, tt.want)
		}
	}
}

// TestGuessLanguageCorpus checks every seed and dev article's language against its file name: the
// corpus names a report not in English with a language suffix ("...-fr.txt", only codes of
// languages the guesser knows count: "-ap.txt" names an agency); others are English.
func TestGuessLanguageCorpus(t *testing.T) {
	suffix := regexp.MustCompile(`-([a-z]{2})\.txt$`)
	for _, d := range corpusDocuments(t, "seeds", "dev") {
		want := "en"
		if m := suffix.FindStringSubmatch(d.Source); m != nil && stopwords[m[1]] != nil {
			want = m[1]
		}
		if d.Language != want {
			t.Errorf("%s: got language %q, want %q", d.Source, d.Language, want)
		}
	}
}
