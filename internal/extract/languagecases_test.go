package extract_test

import (
	"strings"
	"testing"

	"github.com/wallwatch/wallwatch/internal/extract"
	"github.com/wallwatch/wallwatch/internal/ingest"
)

// languageCase is an invented report written in one language, read with that language's lexicon.
type languageCase struct {
	name    string
	text    string
	want    want
	place   string // the mention's place name contains it
	figures string
}

// languageChecks says what else a language's cases assert besides the first mention's fields,
// place and figures.
type languageChecks struct {
	oneMention    bool // the report tells exactly one incident
	exactFacility bool // the facility is want.facility exactly, not only containing it
	englishNone   bool // the English lexicon reads no incident in the report
	guessed       bool // the ingest language guess reads the report as the language
}

// checkLanguageCases runs the cases of one language, each as a subtest.
func checkLanguageCases(t *testing.T, x *extract.Extractor, lang string, cases []languageCase, c languageChecks) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			if got := ingest.GuessLanguage(tt.text); c.guessed && got != lang {
				t.Errorf("ingest guesses language %q, want %s", got, lang)
			}
			doc := document("2025-06-01", tt.text)
			doc.Language = lang
			ms := x.Extract(doc)
			if len(ms) == 0 || c.oneMention && len(ms) != 1 {
				t.Fatalf("%d mentions, want 1", len(ms))
			}
			m := ms[0]
			if got := wantOf(m); !got.matches(tt.want) {
				t.Errorf("mention %+v, want %+v (facility and perpetrator contained)", got, tt.want)
			}
			if c.exactFacility && m.Facility != tt.want.facility {
				t.Errorf("facility %q, want %q exactly", m.Facility, tt.want.facility)
			}
			if !strings.Contains(m.Place.Name, tt.place) {
				t.Errorf("place %q, want one containing %q", m.Place.Name, tt.place)
			}
			if got := figures(m); got != tt.figures {
				t.Errorf("figures %q, want %q", got, tt.figures)
			}
			if c.englishNone {
				doc.Language = "en"
				if ms := x.Extract(doc); len(ms) != 0 {
					t.Errorf("read with the English lexicon: %d mentions, want none", len(ms))
				}
			}
		})
	}
}
