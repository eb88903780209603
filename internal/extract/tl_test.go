package extract_test

import "testing"

// TestTagalog reads invented Tagalog (Filipino) reports with the Tagalog lexicon
// (data/lexicon/tl.tsv): verb forms listed one by one ("sinalakay", "tumakas"), nouns and number
// words with the linker ("bilanggong", "tatlong"), facility names in English as Filipino news
// writes them ("Davao City Jail"), dates written month first ("Enero 4, 2017"), weekdays and
// relative dates.
func TestTagalog(t *testing.T) {
	x := newExtractor(t)
	tests := []languageCase{
		{
			name: "an attack that frees inmates",
			text: "Sinalakay ng mga armadong lalaki ang Leyte Provincial Jail sa Tacloban noong Enero 4, 2017 at pinalaya ang 150 bilanggo. " +
				"Dalawang jail guard ang nasawi, ayon sa BJMP.",
			want:    want{"facility_attack", "2017-01-04", "PH", "Leyte Provincial Jail", ""},
			place:   "Tacloban",
			figures: "escaped=150..150 killed/security=2..2",
		},
		{
			name:    "a riot with deaths",
			text:    "Nagkaroon ng riot sa Davao City Jail noong Agosto 2, 2024. Tatlong bilanggo ang nasawi at 11 ang sugatan.",
			want:    want{"riot", "2024-08-02", "PH", "Davao City Jail", ""},
			place:   "Davao",
			figures: "killed/prisoners=3..3 wounded=11..11",
		},
		{
			name: "an escape, some recaptured",
			text: "Tumakas ang 12 bilanggo mula sa piitan ng Tacloban noong Marso 10, 2023. " +
				"Ayon sa pulisya, 4 na bilanggo ang muling nahuli.",
			want:    want{"mass_escape", "2023-03-10", "PH", "Tacloban", ""},
			place:   "Tacloban",
			figures: "escaped=12..12 recaptured=4..4",
		},
		{
			name:    "more than a figure",
			text:    "Mahigit 200 bilanggo ang tumakas mula sa kulungan sa Zamboanga noong Marso 3, 2024.",
			want:    want{"mass_escape", "2024-03-03", "PH", "Zamboanga", ""},
			place:   "Zamboanga",
			figures: "escaped=200..",
		},
		{
			name: "an attack driven back",
			text: "Sinalakay ng mga rebelde ang kulungan sa Zamboanga noong Hunyo 5, 2022 ngunit naitaboy sila ng mga sundalo. " +
				"Walang bilanggong nakatakas.",
			want:    want{"thwarted_attack", "2022-06-05", "PH", "Zamboanga", ""},
			place:   "Zamboanga",
			figures: "",
		},
		{
			name:    "figures in words",
			text:    "Dalawampu at limang bilanggo ang tumakas mula sa kulungan sa Cebu noong Enero 12, 2024.",
			want:    want{"mass_escape", "2024-01-12", "PH", "Cebu", ""},
			place:   "Cebu",
			figures: "escaped=25..25",
		},
		{
			name:    "hundreds in words, with the linker",
			text:    "Limang daang bilanggo ang tumakas mula sa kulungan sa Cebu noong Enero 12, 2024.",
			want:    want{"mass_escape", "2024-01-12", "PH", "Cebu", ""},
			place:   "Cebu",
			figures: "escaped=500..500",
		},
		{
			name:    "hundreds of inmates, last week",
			text:    "Daan-daang bilanggo ang tumakas mula sa kulungan sa Cebu noong nakaraang linggo.",
			want:    want{"mass_escape", "2025-05-19", "PH", "Cebu", ""},
			place:   "Cebu",
			figures: "escaped=200..",
		},
		{
			name:    "last night",
			text:    "Kagabi, 7 bilanggo ang tumakas mula sa kulungan sa Davao.",
			want:    want{"mass_escape", "2025-05-31", "PH", "Davao", ""},
			place:   "Davao",
			figures: "escaped=7..7",
		},
		{
			name:    "on Tuesday night",
			text:    "Noong Martes ng gabi, 9 na bilanggo ang tumakas mula sa kulungan sa Iloilo.",
			want:    want{"mass_escape", "2025-05-27", "PH", "Iloilo", ""},
			place:   "Iloilo",
			figures: "escaped=9..9",
		},
	}
	checkLanguageCases(t, x, "tl", tests, languageChecks{oneMention: true})
	negatives := []struct{ name, text string }{
		{"a clemency", "Pinalaya ang 3,000 bilanggo mula sa Iwahig Prison and Penal Farm sa Puerto Princesa noong Disyembre 9, 2024 dahil sa executive clemency ng Pangulo."},
		{"a prison film", "Ipapalabas ngayong buwan sa mga sinehan ang bagong pelikula tungkol sa mga bilanggong tumakas sa kulungan sa Cebu. Bida rito ang sikat na aktor."},
	}
	for _, tt := range negatives {
		t.Run(tt.name, func(t *testing.T) {
			doc := document("2025-06-01", tt.text)
			doc.Language = "tl"
			if ms := x.Extract(doc); len(ms) != 0 {
				t.Errorf("%d mentions, want none: %+v", len(ms), wantOf(ms[0]))
			}
		})
	}
}
