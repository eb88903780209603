package extract_test

import "testing"

// TestSwahili reads invented Swahili reports with the Swahili lexicon (data/lexicon/sw.tsv): verb
// forms listed one by one ("walitoroka", "waliuawa"), facility names after the facility word
// ("gereza la Kakwangura"), number words joined by "na" ("ishirini na watano"), months, weekdays
// and relative dates. Swahili puts the noun before the figure ("walinzi 2 waliuawa"), and the side
// of a casualty figure is read only from the words after it: the figures have no side.
func TestSwahili(t *testing.T) {
	x := newExtractor(t)
	tests := []languageCase{
		{
			name: "an attack that frees inmates",
			text: "Watu wenye silaha walishambulia gereza la Kakwangura mjini Butembo tarehe 11 Agosti 2020 na kuwaachilia huru wafungwa 800. " +
				"Walinzi 2 waliuawa, polisi walisema.",
			want:    want{"facility_attack", "2020-08-11", "CD", "Kakwangura", ""},
			place:   "Butembo",
			figures: "escaped=800..800 killed=2..2",
		},
		{
			name:    "a riot with deaths",
			text:    "Ghasia zilizuka katika gereza la Mombasa tarehe 2 Agosti 2024. Wafungwa 3 waliuawa na wengine 11 walijeruhiwa.",
			want:    want{"riot", "2024-08-02", "KE", "Mombasa", ""},
			place:   "Mombasa",
			figures: "killed=3..3 wounded=11..11",
		},
		{
			name: "an escape, some recaptured",
			text: "Wafungwa 12 walitoroka kutoka gereza la Kakamega tarehe 10 Januari 2023. " +
				"Polisi walisema wafungwa 4 wamekamatwa tena.",
			want:    want{"mass_escape", "2023-01-10", "KE", "Kakamega", ""},
			place:   "Kakamega",
			figures: "escaped=12..12 recaptured=4..4",
		},
		{
			name:    "more than a figure, according to the police",
			text:    "Wafungwa zaidi ya 200 walitoroka kutoka gereza la Bunia tarehe 3 Machi 2024, kwa mujibu wa msemaji wa polisi.",
			want:    want{"mass_escape", "2024-03-03", "CD", "Bunia", ""},
			place:   "Bunia",
			figures: "escaped=200..",
		},
		{
			name: "an attack foiled",
			text: "Wanamgambo walishambulia gereza la Bunia tarehe 5 Juni 2022, lakini askari walizima shambulio hilo. " +
				"Hakuna mfungwa aliyetoroka.",
			want:    want{"thwarted_attack", "2022-06-05", "CD", "Bunia", ""},
			place:   "Bunia",
			figures: "",
		},
		{
			name:    "figures in words",
			text:    "Wafungwa ishirini na watano walitoroka kutoka gereza la Arusha tarehe 12 Januari 2024.",
			want:    want{"mass_escape", "2024-01-12", "TZ", "Arusha", ""},
			place:   "Arusha",
			figures: "escaped=25..25",
		},
		{
			name:    "hundreds of inmates, last week",
			text:    "Mamia ya wafungwa walitoroka kutoka gereza la Arusha wiki iliyopita.",
			want:    want{"mass_escape", "2025-05-19", "TZ", "Arusha", ""},
			place:   "Arusha",
			figures: "escaped=200..",
		},
		{
			name:    "last night",
			text:    "Jana usiku wafungwa 7 walitoroka kutoka jela ya Kisumu.",
			want:    want{"mass_escape", "2025-05-31", "KE", "Kisumu", ""},
			place:   "Kisumu",
			figures: "escaped=7..7",
		},
		{
			name:    "on Tuesday night",
			text:    "Siku ya Jumanne usiku wafungwa 9 walitoroka kutoka gereza la Mombasa.",
			want:    want{"mass_escape", "2025-05-27", "KE", "Mombasa", ""},
			place:   "Mombasa",
			figures: "escaped=9..9",
		},
	}
	checkLanguageCases(t, x, "sw", tests, languageChecks{oneMention: true, englishNone: true})
	negatives := []struct{ name, text string }{
		{"a pardon", "Rais alitoa msamaha kwa wafungwa 3000, ambao waliachiliwa huru kutoka gereza la Ukonga jijini Dar es Salaam tarehe 9 Desemba 2024."},
		{"a prison film", "Filamu mpya kuhusu wafungwa waliotoroka kutoka gereza la Arusha itaonyeshwa kwenye sinema mwezi huu. Waigizaji wake ni maarufu."},
		{"a sentence for an escape", "Mahakama ilimhukumu kifungo cha miaka 10 jela kwa kosa la kutoroka kutoka gereza la Mombasa."},
	}
	for _, tt := range negatives {
		t.Run(tt.name, func(t *testing.T) {
			doc := document("2025-06-01", tt.text)
			doc.Language = "sw"
			if ms := x.Extract(doc); len(ms) != 0 {
				t.Errorf("%d mentions, want none: %+v", len(ms), wantOf(ms[0]))
			}
		})
	}
}
