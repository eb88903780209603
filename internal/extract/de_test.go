package extract_test

import (
	"testing"

	"github.com/wallwatch/wallwatch/internal/ingest"
)

// TestGerman reads invented German reports with the German lexicon (data/lexicon/de.tsv): compound
// nouns listed one by one ("Zentralgefängnis", "Haftanstalt"), separable verbs whose finite form
// comes first ("griffen ... an"), participles at the end of the clause ("sind ... geflohen"),
// number words, relative dates and weekdays, dates in digits ("14.03.2025") and with an ordinal
// day ("am 14. März 2025", whose period ends no sentence). Each report is also one the ingest
// language guess reads as German.
func TestGerman(t *testing.T) {
	x := newExtractor(t)
	tests := []languageCase{
		{
			name: "an attack that frees inmates",
			text: "Bewaffnete haben am 14.03.2025 das Zentralgefängnis in Sokoto angegriffen und 200 Häftlinge befreit. " +
				"Zwei Wärter wurden getötet, fünf Wärter wurden verletzt, teilte die Polizei mit.",
			want:    want{"facility_attack", "2025-03-14", "NG", "Sokoto", ""},
			place:   "Sokoto",
			figures: "escaped=200..200 killed/security=2..2 wounded/security=5..5",
		},
		{
			name: "a blast at a prison that frees nobody is an attack from afar",
			text: "In der Nacht zum 14. März 2025 erschütterte eine Explosion die Justizvollzugsanstalt Kassel. " +
				"Niemand wurde verletzt, kein Gefangener kam frei, teilte die Polizei mit.",
			want:    want{"other_attack", "2025-03-14", "DE", "Kassel", ""},
			place:   "Kassel",
			figures: "wounded=0..0",
		},
		{
			name: "an ordinal day before a month",
			text: "Bewaffnete haben am 14. März 2025 das Zentralgefängnis in Sokoto angegriffen und 200 Häftlinge befreit. " +
				"Zwei Wärter wurden getötet, teilte die Polizei mit.",
			want:    want{"facility_attack", "2025-03-14", "NG", "Sokoto", ""},
			place:   "Sokoto",
			figures: "escaped=200..200 killed/security=2..2",
		},
		{
			name: "a riot with deaths",
			text: "Bei einer Meuterei in der Haftanstalt von Lagos sind am 28.09.2021 mindestens 31 Häftlinge getötet worden. " +
				"14 Gefangene wurden verletzt, sagte ein Sprecher der Gefängnisbehörde.",
			want:    want{"riot", "2021-09-28", "NG", "Lagos", ""},
			place:   "Lagos",
			figures: "killed/prisoners=31.. wounded/prisoners=14..14",
		},
		{
			name: "a riot that breaks out, figures in words",
			text: "Im Gefängnis von Lomé brach am 03.04.2024 ein Aufstand aus. " +
				"Bei Kämpfen zwischen Häftlingen starben elf Gefangene, zwanzig wurden verletzt.",
			want:    want{"riot", "2024-04-03", "TG", "Lomé", ""},
			place:   "Lomé",
			figures: "killed/prisoners=11..11 wounded=20..20",
		},
		{
			name:    "a death in a relative clause opened by an article",
			text:    "Im Gefängnis von Kampala kam es am Dienstag zu einer Schlägerei zwischen Häftlingen, bei der zwei Insassen starben.",
			want:    want{"riot", "2025-05-27", "UG", "Kampala", ""},
			place:   "Kampala",
			figures: "killed/prisoners=2..2",
		},
		{
			name: "an escape and a recapture",
			text: "Am 10.01.2023 sind zwölf Häftlinge aus dem Gefängnis von Port-au-Prince geflohen. " +
				"Vier von ihnen wurden wieder gefasst, sagte die Polizei.",
			want:    want{"mass_escape", "2023-01-10", "HT", "Port-au-Prince", ""},
			place:   "Port-au-Prince",
			figures: "escaped=12..12 recaptured=4..4",
		},
		{
			name:    "figures in words with a qualifier",
			text:    "Etwa dreihundert Häftlinge flohen am 02.08.2024 aus dem Gefängnis von Bamako, drei Wärter starben.",
			want:    want{"mass_escape", "2024-08-02", "ML", "Bamako", ""},
			place:   "Bamako",
			figures: "escaped=300..300 killed/security=3..3",
		},
		{
			name:    "an attack driven back",
			text:    "Extremisten griffen am 05.06.2022 die Haftanstalt in Kano an, doch der Angriff wurde von Soldaten abgewehrt. Kein Häftling ist entkommen.",
			want:    want{"thwarted_attack", "2022-06-05", "NG", "", ""},
			place:   "Kano",
			figures: "escaped=0..0", // "kein Häftling": a determiner of zero before a singular noun
		},
		{
			name:    "an attack foiled",
			text:    "Die Polizei hat am Freitag einen Angriff auf das Gefängnis in Bamako vereitelt.",
			want:    want{"thwarted_attack", "2025-05-30", "ML", "", ""},
			place:   "Bamako",
			figures: "",
		},
		{
			name: "a part of the escapees recaptured",
			text: "Bewaffnete haben am 14.03.2025 das Gefängnis in Sokoto angegriffen. " +
				"Von den 200 entflohenen Häftlingen wurden 150 wieder gefasst.",
			want:    want{"facility_attack", "2025-03-14", "NG", "Sokoto", ""},
			place:   "Sokoto",
			figures: "escaped=200..200 recaptured=150..150",
		},
		{
			name:    "a country in the genitive and a vague figure",
			text:    "Dutzende Häftlinge sind am Montag aus einem Gefängnis im Süden Haitis entkommen, teilten die Behörden mit.",
			want:    want{"mass_escape", "2025-05-26", "HT", "", ""},
			place:   "",
			figures: "escaped=24..",
		},
		{
			name:    "a vague figure capitalised inside the sentence",
			text:    "Am Montag sind Dutzende Häftlinge aus einem Gefängnis im Süden Haitis entkommen, teilten die Behörden mit.",
			want:    want{"mass_escape", "2025-05-26", "HT", "", ""},
			place:   "",
			figures: "escaped=24..",
		},
		{
			name:    "weeks ago",
			text:    "Vor zwei Wochen sind 40 Häftlinge aus dem Gefängnis in Kinshasa geflohen.",
			want:    want{"mass_escape", "2025-05-18", "CD", "", ""},
			place:   "Kinshasa",
			figures: "escaped=40..40",
		},
		{
			name:    "yesterday",
			text:    "Gestern sind sieben Häftlinge aus dem Gefängnis in Kampala geflohen.",
			want:    want{"mass_escape", "2025-05-31", "UG", "", ""},
			place:   "Kampala",
			figures: "escaped=7..7",
		},
		{
			name:    "a weekday and more than a figure in words",
			text:    "Mehr als zwanzig Häftlinge sind am Samstag aus der Haftanstalt in Lusaka ausgebrochen, berichtete die Zeitung.",
			want:    want{"mass_escape", "2025-05-31", "ZM", "", ""},
			place:   "Lusaka",
			figures: "escaped=20..",
		},
		{
			name:    "last week and nearly a hundred",
			text:    "Fast hundert Häftlinge sind in der vergangenen Woche aus dem Gefängnis in Kinshasa entkommen.",
			want:    want{"mass_escape", "2025-05-19", "CD", "", ""},
			place:   "Kinshasa",
			figures: "escaped=..100",
		},
	}
	checkLanguageCases(t, x, "de", tests, languageChecks{englishNone: true, guessed: true})
}

// TestGermanNoIncident reads German texts that tell of no incident: a pardon and the release that
// follows it, a film about a prison break, and a court trying an attack of years before.
func TestGermanNoIncident(t *testing.T) {
	x := newExtractor(t)
	for _, text := range []string{
		"Der Präsident hat am Sonntag 500 Häftlinge begnadigt, die am Montag aus dem Gefängnis in Nairobi freigelassen wurden.",
		"Der neue Film des Regisseurs erzählt von einem Gefängnisausbruch in Marseille. Der Thriller kommt im Mai in die Kinos, " +
			"die Hauptrolle spielt ein bekannter Schauspieler.",
		"Ein Gericht in Kano verurteilte am Montag zwölf Männer wegen des Angriffs auf das Gefängnis in Jos im Jahr 2022.",
	} {
		if got := ingest.GuessLanguage(text); got != "de" {
			t.Errorf("%q: ingest guesses language %q, want de", text, got)
		}
		doc := document("2025-06-01", text)
		doc.Language = "de"
		if ms := x.Extract(doc); len(ms) != 0 {
			t.Errorf("%q: %d mentions (%+v), want none", text, len(ms), wantOf(ms[0]))
		}
	}
}

// TestGermanClaimants reads who a German report says gave its figures: a claimant noun after a
// claim verb ("sagte ein Sprecher der Polizei"), after "laut" and "nach Angaben", and after a
// separable verb whose particle ends the clause ("teilte das Justizministerium mit").
func TestGermanClaimants(t *testing.T) {
	x := newExtractor(t)
	tests := []struct {
		text, claimant, role string
	}{
		{"Bewaffnete haben am 14.03.2025 das Gefängnis in Sokoto angegriffen und 200 Häftlinge befreit, sagte ein Sprecher der Polizei.", "Polizei", "defender"},
		{"Nach Angaben der Behörden wurden am 14.03.2025 bei dem Angriff auf das Gefängnis in Sokoto zwei Wärter getötet.", "Behörden", "defender"},
		{"Laut Augenzeugen wurden am 14.03.2025 bei dem Angriff auf das Gefängnis in Sokoto zwei Wärter getötet.", "Augenzeugen", "independent"},
		{"Bei dem Angriff auf das Gefängnis in Sokoto wurden am 14.03.2025 zwei Wärter getötet, teilte das Justizministerium mit.", "Justizministerium", "government"},
	}
	for _, tt := range tests {
		doc := document("2025-06-01", tt.text)
		doc.Language = "de"
		ms := x.Extract(doc)
		if len(ms) != 1 || len(ms[0].Claims) != 1 {
			t.Errorf("%q: want one mention with one claim, got %d mentions", tt.text, len(ms))
			continue
		}
		if c := ms[0].Claims[0]; c.Claimant != tt.claimant || string(c.ClaimantRole) != tt.role {
			t.Errorf("%q: claimant %q (%s), want %q (%s)", tt.text, c.Claimant, c.ClaimantRole, tt.claimant, tt.role)
		}
	}
}
