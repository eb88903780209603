package extract_test

import "testing"

// TestTurkish reads invented Turkish reports with the Turkish lexicon (data/lexicon/tr.tsv), months
// and weekdays included. The Turkish file has no number words yet: the reports give digits.
func TestTurkish(t *testing.T) {
	x := newExtractor(t)
	tests := []languageCase{
		{
			name: "an attack that frees inmates",
			text: "Silahlı kişiler 14 Mart 2025'te Diyarbakır Cezaevi'ne saldırdı ve 23 mahkum firar etti. " +
				"Saldırıda 2 gardiyan hayatını kaybetti, 5 gardiyan yaralandı. Valilik, 9 mahkumun yeniden yakalandığını açıkladı.",
			want:    want{"facility_attack", "2025-03-14", "TR", "Diyarbak", ""},
			figures: "escaped=23..23 killed/security=2..2 wounded/security=5..5 recaptured=9..9",
		},
		{
			name: "a riot among inmates",
			text: "Şanlıurfa Cezaevi'nde 2 Ağustos Cuma günü mahkumlar arasında isyan çıktı. " +
				"İsyanda 3 mahkum hayatını kaybetti, 11 mahkum yaralandı.",
			want:    want{"riot", "2024-08-02", "TR", "Şanlıurfa", ""},
			figures: "killed/prisoners=3..3 wounded/prisoners=11..11",
		},
		{
			name: "an escape through a tunnel",
			text: "Buca Cezaevi'nden 10.01.2023 tarihinde 12 tutuklu tünel kazarak firar etti. " +
				"İzmir jandarması, 4 tutuklunun yakalandığını bildirdi.",
			want:    want{"mass_escape", "2023-01-10", "TR", "Buca", ""},
			figures: "escaped=12..12 recaptured=4..4",
		},
		{
			name:    "an escape from a prison campus, whose name is plural",
			text:    "Kırıkkale Cezaevleri Kampüsü'nden 3 Nisan 2024'te 6 mahkum firar etti.",
			want:    want{"mass_escape", "2024-04-03", "TR", "Kırıkkale", ""},
			figures: "escaped=6..6",
		},
		{
			name:    "an attack driven back",
			text:    "Militanlar 05.06.2022 tarihinde Erzurum Cezaevi'ne saldırdı, saldırı askerler tarafından püskürtüldü. Hiçbir mahkum firar etmedi.",
			want:    want{"thwarted_attack", "2022-06-05", "TR", "Erzurum", ""},
			figures: "",
		},
		{
			name: "numerals take singular nouns, and soldiers fall as martyrs",
			text: "Silahlı kişiler 7 Ekim 2023'te Mardin Cezaevi'ne saldırdı. Vali, saldırıda 3 askerin şehit olduğunu, " +
				"8 kişinin yaralandığını ve 15 firarinin arandığını söyledi.",
			want:    want{"facility_attack", "2023-10-07", "TR", "Mardin", ""},
			figures: "killed/security=3..3 wounded=8..8 escaped=15..15",
		},
	}
	checkLanguageCases(t, x, "tr", tests, languageChecks{englishNone: true})
}
