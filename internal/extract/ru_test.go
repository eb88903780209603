package extract_test

import "testing"

// TestRussian reads invented Russian reports with the Russian lexicon (data/lexicon/ru.tsv): cue
// stems with their case endings ("тюрьм*"), declined place names ("в Ростове", "в Махачкале")
// found through case_ending and lemma_ending, genitive month names, number words of the lexicon.
func TestRussian(t *testing.T) {
	x := newExtractor(t)
	tests := []languageCase{
		{
			name: "an attack that frees inmates",
			text: "Вооружённые люди 14 марта 2025 года напали на тюрьму в Челябинске, 23 заключённых совершили побег. " +
				"Погибли 2 охранника, ещё 5 сотрудников получили ранения, сообщили в ФСИН.",
			want:    want{"facility_attack", "2025-03-14", "RU", "", ""},
			place:   "Chelyabinsk",
			figures: "escaped=23..23 killed/security=2..2 wounded/security=5..5",
		},
		{
			name:    "a country's name in the genitive that drops its й",
			text:    "10 января 2023 года 40 заключённых сбежали из тюрьмы в столице Уругвая через подкоп.",
			want:    want{"mass_escape", "2023-01-10", "UY", "", ""},
			place:   "Montevideo",
			figures: "escaped=40..40",
		},
		{
			name: "a toll that rose to a figure is that figure",
			text: "В исправительной колонии под Саратовом 2 августа 2024 года вспыхнул бунт заключённых. " +
				"Позднее число погибших выросло до 46.",
			want:    want{"riot", "2024-08-02", "RU", "", ""},
			place:   "Saratov",
			figures: "killed=46..46",
		},
		{
			name:    "words that open a sentence are no towns",
			text:    "Ровно год назад, 10 января 2023 года, 40 заключённых сбежали из тюрьмы в Таджикистане через подкоп. Но полиция поймала пятерых.",
			want:    want{"mass_escape", "2023-01-10", "TJ", "", ""},
			figures: "escaped=40..40 recaptured=5..5",
		},
		{
			name:    "a prison's name right after the prison word",
			text:    "10 января 2023 года 40 заключённых сбежали из тюрьмы Санта-Роса в Монтевидео через подкоп.",
			want:    want{"mass_escape", "2023-01-10", "UY", "тюрьмы Санта-Роса", ""},
			place:   "Montevideo",
			figures: "escaped=40..40",
		},
		{
			name:    "a span of days in a collective numeral counts no people",
			text:    "В исправительной колонии под Саратовом 2 августа 2024 года вспыхнул бунт, в ходе бунта, продолжавшегося почти двое суток, погибли 3 заключённых.",
			want:    want{"riot", "2024-08-02", "RU", "", ""},
			place:   "Saratov",
			figures: "killed/prisoners=3..3",
		},
		{
			name: "a riot among inmates",
			text: "В исправительной колонии под Саратовом 2 августа 2024 года вспыхнул бунт заключённых. " +
				"Погибли 3 заключённых, ранения получили 11 осуждённых.",
			want:    want{"riot", "2024-08-02", "RU", "", ""},
			place:   "Saratov",
			figures: "killed/prisoners=3..3 wounded/prisoners=11..11",
		},
		{
			name: "a range from one figure to another",
			text: "В исправительной колонии под Саратовом 2 августа 2024 года вспыхнул бунт заключённых. " +
				"Ранения получили, по разным данным, от 80 до 90 заключённых.",
			want:    want{"riot", "2024-08-02", "RU", "", ""},
			place:   "Saratov",
			figures: "wounded/prisoners=80..90",
		},
		{
			name: "an escape through a tunnel",
			text: "10 января 2023 года 12 заключённых сбежали из тюрьмы в Душанбе через подкоп. " +
				"Полиция сообщила, что 4 беглеца пойманы.",
			want:    want{"mass_escape", "2023-01-10", "TJ", "", ""},
			place:   "Dushanbe",
			figures: "escaped=12..12 recaptured=4..4",
		},
		{
			name:    "extremists who freed inmates are the assault, and the inmates they freed a count",
			text:    "14 марта 2025 года экстремисты освободили 120 заключённых из тюрьмы в Душанбе.",
			want:    want{"facility_attack", "2025-03-14", "TJ", "", ""},
			place:   "Dushanbe",
			figures: "escaped=120..120",
		},
		{
			name:    "a part of the escapees is no second count",
			text:    "3 мая 2024 года 30 заключённых сбежали из колонии под Оренбургом, 4 из них осуждены за убийство.",
			want:    want{"mass_escape", "2024-05-03", "RU", "", ""},
			place:   "Orenburg",
			figures: "escaped=30..30",
		},
		{
			name:    "figures in words",
			text:    "12 января 2024 года двадцать пять заключённых сбежали из колонии в Кемерове, погибли трое охранников.",
			want:    want{"mass_escape", "2024-01-12", "RU", "", ""},
			place:   "Kemerovo",
			figures: "escaped=25..25 killed/security=3..3",
		},
		{
			name: "collective numerals as objects",
			text: "12 января 2024 года заключённые сбежали из колонии в Кемерове, по пути они убили четверых охранников. " +
				"Позже полиция задержала шестерых беглецов.",
			want:    want{"mass_escape", "2024-01-12", "RU", "", ""},
			place:   "Kemerovo",
			figures: "killed/security=4..4 recaptured=6..6",
		},
		{
			name:    "a town of note told in Cyrillic alone places a text that names no country",
			text:    "23 августа 2024 года заключённые колонии в Котельниково устроили бунт.",
			want:    want{"riot", "2024-08-23", "RU", "", ""},
			place:   "Kotel",
			figures: "",
		},
		{
			name:    "so does the town declined",
			text:    "23 августа 2024 года заключённые колонии в Урюпинске устроили бунт.",
			want:    want{"riot", "2024-08-23", "RU", "", ""},
			place:   "Uryupinsk",
			figures: "",
		},
		{
			name:    "yesterday",
			text:    "Вчера 7 заключённых сбежали из колонии под Омском.",
			want:    want{"mass_escape", "2025-05-31", "RU", "", ""},
			place:   "Omsk",
			figures: "escaped=7..7",
		},
		{
			name: "a strike on a colony kills prisoners of war",
			text: "В результате ночного удара по исправительной колонии под Саратовом 2 августа 2024 года погибли 40 военнопленных, " +
				"ещё 70 получили ранения.",
			want:    want{"other_attack", "2024-08-02", "RU", "", ""},
			place:   "Saratov",
			figures: "killed/prisoners=40..40 wounded=70..70",
		},
		{
			name:    "an attack driven back",
			text:    "Боевики 5 июня 2022 года атаковали тюрьму в Махачкале, но нападение было отбито. Никто из заключённых не сбежал.",
			want:    want{"thwarted_attack", "2022-06-05", "RU", "", ""},
			place:   "Makhachkala",
			figures: "",
		},
		{
			name: "a break-in, the escapees caught and the guards taken to hospital",
			text: "5 марта 2024 года вооруженные люди ворвались в тюрьму в Бишкеке. " +
				"Как отметили в МВД, 12 сбежавших уже поймали, а 2 охранника госпитализированы.",
			want:    want{"facility_attack", "2024-03-05", "KG", "", ""},
			place:   "Bishkek",
			figures: "recaptured=12..12 wounded/security=2..2",
		},
	}
	checkLanguageCases(t, x, "ru", tests, languageChecks{englishNone: true})
}
