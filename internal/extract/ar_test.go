package extract_test

import "testing"

// TestArabic reads invented Arabic reports with the Arabic lexicon (data/lexicon/ar.tsv): words
// with proclitics ("والسجناء", "بالسجن"), places without capitals found after a locative
// ("في مدينة كركوك", "ببغداد") through the gazetteer's Arabic names, Arabic-Indic digits and the
// Levantine month names. Number words come from the lexicon, the unit before the tens ("خمسة وعشرون").
func TestArabic(t *testing.T) {
	x := newExtractor(t)
	tests := []languageCase{
		{
			name: "an attack that frees inmates",
			text: "هاجم مسلحون فجر يوم الأحد 14 مارس 2025 السجن المركزي في مدينة كركوك، وتمكن 23 سجينا من الفرار. " +
				"وقال مسؤولون إن الهجوم أسفر عن مقتل 3 حراس وإصابة 5 جنود.",
			want:    want{"facility_attack", "2025-03-14", "IQ", "", ""},
			place:   "Kirkuk",
			figures: "escaped=23..23 killed/security=3..3 wounded/security=5..5",
		},
		{
			name:    "the noun for a camp is no town that bears it as a name",
			text:    "هاجم مسلحون فجر يوم الأحد 14 مارس 2025 سجنا داخل معسكر للجيش في مدينة كركوك، وتمكن 23 سجينا من الفرار.",
			want:    want{"facility_attack", "2025-03-14", "IQ", "", ""},
			place:   "Kirkuk",
			figures: "escaped=23..23",
		},
		{
			name:    "the capital of a country named after it",
			text:    "تمكن 40 سجينا من الفرار من سجن في عاصمة الأرجنتين يوم الأحد 14 مارس 2025.",
			want:    want{"mass_escape", "2025-03-14", "AR", "", ""},
			place:   "Buenos Aires",
			figures: "escaped=40..40",
		},
		{
			name:    "a noun of people in the dual counts two; freeing in the plural",
			text:    "هاجم مسلحون مجهولون فجر يوم الاثنين 22 يوليو 2019 سجنا في مدينة كركوك، وأطلقوا سراح نحو 100 سجين. وقتل حارسان خلال الهجوم.",
			want:    want{"facility_attack", "2019-07-22", "IQ", "", ""},
			place:   "Kirkuk",
			figures: "escaped=100..100 killed/security=2..2",
		},
		{
			name: "an Arabic comma ends a clause: a part of those who escaped is no second count",
			text: "هاجم مسلحون فجر يوم الأحد 14 مارس 2025 السجن المركزي في مدينة كركوك، وتمكن 12 سجينا من الفرار. " +
				"وقال مسؤولون إن السجناء تمكنوا من الهروب عبر نفق، وإن 5 منهم ينتمون إلى جماعة مسلحة.",
			want:    want{"facility_attack", "2025-03-14", "IQ", "", ""},
			place:   "Kirkuk",
			figures: "escaped=12..12",
		},
		{
			name:    "a riot dated in Arabic-Indic digits",
			text:    "اندلع تمرد داخل سجن حماة المركزي في سوريا يوم ٢ آب ٢٠٢٤، وأسفرت أعمال الشغب عن مقتل ٣ سجناء وإصابة ١١ سجينا.",
			want:    want{"riot", "2024-08-02", "SY", "Hama Central Prison", ""},
			place:   "Hama",
			figures: "killed/prisoners=3..3 wounded/prisoners=11..11",
		},
		{
			name:    "a preposition written onto the facility word is no part of the name: a known prison by its alias",
			text:    "اندلعت أعمال شغب بسجن تدمر في سوريا يوم ٢ آب ٢٠٢٤، وأسفرت عن مقتل ٣ سجناء.",
			want:    want{"riot", "2024-08-02", "SY", "Palmyra prison", ""},
			place:   "Palmyra",
			figures: "killed/prisoners=3..3",
		},
		{
			name:    "a preposition written onto the facility word is no part of the name: a prison named by its town",
			text:    "اندلعت أعمال شغب بسجن زحلة في لبنان يوم ٢ آب ٢٠٢٤، وأسفرت عن مقتل ٣ سجناء.",
			want:    want{"riot", "2024-08-02", "LB", "سجن زحلة", ""},
			place:   "Zahl",
			figures: "killed/prisoners=3..3",
		},
		{
			name: "an escape through a tunnel",
			text: "هرب 12 معتقلا عبر نفق حفروه تحت سجن زحلة في لبنان بتاريخ 10/01/2023. " +
				"وأعلنت الشرطة القبض على 4 معتقلين.",
			want:    want{"mass_escape", "2023-01-10", "LB", "سجن زحلة", ""},
			place:   "Zahl",
			figures: "escaped=12..12 recaptured=4..4",
		},
		{
			name:    "figures in words, the unit before the tens",
			text:    "هرب خمسة وعشرون سجينا من سجن الحلة في العراق يوم 12 يناير 2024، وقتل ثلاثة حراس.",
			want:    want{"mass_escape", "2024-01-12", "IQ", "سجن الحلة", ""},
			place:   "Ḩillah",
			figures: "escaped=25..25 killed/security=3..3",
		},
		{
			name:    "yesterday",
			text:    "هاجم مسلحون أمس سجن كربلاء في العراق وتمكن 7 سجناء من الفرار.",
			want:    want{"facility_attack", "2025-05-31", "IQ", "سجن كربلاء", ""},
			place:   "Karbal",
			figures: "escaped=7..7",
		},
		{
			name:    "an attack driven back",
			text:    "أحبطت قوات الأمن يوم 05/06/2022 هجوما شنه مسلحون على السجن ببنغازي، ولم يتمكن أي سجين من الفرار.",
			want:    want{"thwarted_attack", "2022-06-05", "LY", "", ""},
			place:   "Benghazi",
			figures: "",
		},
		{
			name:    "detainees named as those stopped, and a car bomb at the gate",
			text:    "انفجرت سيارة مفخخة يوم السبت 9 نوفمبر 2024 عند بوابة سجن في مدينة كركوك، وفر 40 موقوفا حسب مصدر أمني.",
			want:    want{"facility_attack", "2024-11-09", "IQ", "", ""},
			place:   "Kirkuk",
			figures: "escaped=40..40",
		},
		{
			name:    "inmates who fled after an attack launched by gunmen were freed by it",
			text:    "قال مصدر أمني إن 40 سجينا فروا من سجن في مدينة كركوك يوم الأحد 9 مايو 2021 بعد هجوم شنه مسلحون مجهولون.",
			want:    want{"facility_attack", "2021-05-09", "IQ", "", ""},
			place:   "Kirkuk",
			figures: "escaped=40..40",
		},
	}
	checkLanguageCases(t, x, "ar", tests, languageChecks{exactFacility: true, englishNone: true})
}
