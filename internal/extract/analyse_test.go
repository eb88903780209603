package extract

import (
	"fmt"
	"strings"
	"testing"

	"github.com/wallwatch/wallwatch/internal/model"
)

func TestCommentsStart(t *testing.T) {
	tests := []struct {
		text string
		want int // offset of the comment header, or len(text)
	}{
		{"Gunmen freed 40 inmates.\n\n5 comments on this post.\n\n1. Reader: old news", 26},
		{"Gunmen freed 40 inmates.\nLeave a Reply\nName", 25},
		{"Gunmen freed 40 inmates.\n\nComments\n\nA reader", 26},
		{"Gunmen freed 40 inmates, and comments on this post are closed today.", 68},
		{"Officials said 12 responses to the attack were planned.", 55},
	}
	for _, tt := range tests {
		if got := commentsStart(tt.text); got != tt.want {
			t.Errorf("commentsStart(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
}

func TestClauses(t *testing.T) {
	text := "On 20 October IS stormed the Kangbayi prison in Congo and freed 900 inmates, and in early August it attacked Nangarhar prison in Afghanistan and freed 300."
	got := clauses(text, []Sentence{{Start: 0, End: len(text)}})
	if len(got) != 2 {
		t.Fatalf("clauses = %d, want 2: %+v", len(got), got)
	}
	if second := text[got[1].Start:got[1].End]; second[:6] != "and in" {
		t.Errorf("second clause = %q, want it to open with the conjunction", second)
	}
}

func TestFacilityKey(t *testing.T) {
	tests := []struct{ name, want string }{
		{"al-Sina'a prison", "sina"},
		{"Al Sinaa Prison", "sina"},
		{"Sabrouni prison", "sabruni"},
		{"the Sabruni jail", "sabruni"},
		{"the Kuje Medium Security Custodial Centre", "kuje"},
		{"Tasfirat prison", "tasfirat"},
		{"Central Prison", ""},
		{"Abu Ghraib's prison", "abughraib"},
		{"مركز الإصلاح والتأهيل", ""},             // "reform and rehabilitation centre": a kind of prison, no name
		{"cárcel tarvense de Kolondo", "kolondo"}, // an adjective after the facility word describes it
		{"cárcel de Kolondo", "kolondo"},
	}
	x := bareExtractor(t)
	for _, tt := range tests {
		if got := x.facilityKey(tt.name); got != tt.want {
			t.Errorf("facilityKey(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestFoldPhrase(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Deir Ezzor", "deir ezzor"},
		{"al-Sina’a prison", "al-sina'a prison"},
		{"Koutoukalé  Prison", "koutoukale prison"},
		{" Central Jail ", "central jail"},
		{"CERESO No. 3", "cereso no 3"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := foldPhrase(tt.in); got != tt.want {
			t.Errorf("foldPhrase(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestPrefixCues checks that cue prefixes do not swallow common words: "Tuesday" is no death,
// "mortar" no killing and "house" no population.
func TestPrefixCues(t *testing.T) {
	x := bareExtractor(t)
	tests := []struct {
		text string
		want string // categories among killed, wounded, held found, in order
	}{
		{"On Tuesday mortar rounds hit a house in the period before Lukas left", ""},
		{"Cinq détenus ont été tués et deux blessés", "killed wounded"},
		{"the prison houses 600 inmates", "held"},
		{"estimated to house 3,500 of them", "held"},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range x.lex.all.scan(tokenize(tt.text)) {
			switch c.category {
			case killedCue, woundedCue, heldCue:
				got = append(got, c.category.String())
			}
		}
		if s := strings.Join(got, " "); s != tt.want {
			t.Errorf("cues in %q = %q, want %q", tt.text, s, tt.want)
		}
	}
}

func TestWordCount(t *testing.T) {
	for _, s := range []string{"", " ", "one", " two  words ", "tabs\tand\nlines here", "déjà vu, à Niamey"} {
		if got, want := wordCount(s), len(strings.Fields(s)); got != want {
			t.Errorf("wordCount(%q) = %d, want %d", s, got, want)
		}
	}
}

// bareExtractor is an extractor with the built-in lexicons and no places, countries or actors.
func bareExtractor(t *testing.T) *Extractor {
	t.Helper()
	x, err := New(Resources{
		Place:        func(string, []string) (model.Place, bool) { return model.Place{}, false },
		Country:      func(string) (string, bool) { return "", false },
		CountryPlace: func(string) (model.Place, bool) { return model.Place{}, false },
		Actors:       func(string) []ActorMatch { return nil },
	})
	if err != nil {
		t.Fatal(err)
	}
	return x
}

func TestDatelineEnd(t *testing.T) {
	for _, tt := range []struct {
		sentence string
		want     string // the dateline, "" for none
	}{
		{"ABUJA, July 6 (Reuters) - Gunmen attacked a prison.", "ABUJA, July 6 (Reuters) - "},
		{"KOLONDO, Ardovia — Gunmen attacked a prison on Friday.", "KOLONDO, Ardovia — "},
		{"TARVO, 3 March: Inmates rioted.", "TARVO, 3 March: "},
		{"Tarvo, 3 March: Inmates rioted.", ""},                                                                 // not in capitals
		{"Porto Lima, September 5, 2016 (KNA) –Some 23 inmates died.", "Porto Lima, September 5, 2016 (KNA) –"}, // title case, the agency's bracket before the dash
		{"Tarvo, 4 May (Orlin Press)- Gunmen attacked a prison.", "Tarvo, 4 May (Orlin Press)- "},
		{"Tarvo, Monday (Orlin Press)- Gunmen attacked a prison.", ""},                                        // title case needs a day in figures
		{"Tarvo (Kolondo), 4 May - inmates rioted.", ""},                                                      // a bracket inside the place, none after the day
		{"Tarvo, Kolondo and Orlin (all in the north) - the towns where prisons were attacked.", ""},          // a list of towns, not one place
		{"Tarvo, 3 March (KNA) and the ministry said.", ""},                                                   // no dash after the bracket
		{"ABUJA police said on Friday - after a long silence - that ...", ""},                                 // no comma after the place
		{"UN, aid groups and officials met on Friday, the report says, to discuss the jail - at length.", ""}, // no mark in the first 60 bytes
		{"(Kessel News / Orlin Press - 22 January 2022) Gunmen attacked a prison.", "(Kessel News / Orlin Press - 22 January 2022) "},
		{"(Orlin Press) Gunmen attacked a prison on March 3.", ""},           // no day in the bracket: the outlet alone
		{"(" + strings.Repeat("a", 120) + ") Gunmen attacked a prison.", ""}, // too long for a dateline
		{"", ""},
	} {
		if got := tt.sentence[:datelineEnd(tt.sentence)]; got != tt.want {
			t.Errorf("datelineEnd(%q) = %q, want %q", tt.sentence, got, tt.want)
		}
	}
}

// TestFacilityAliasesName: every name of a known facility holds a word of its own beside the
// words that describe any facility; an alias such as "maison centrale" alone would take every
// central prison of French-speaking countries for one of them.
func TestFacilityAliasesName(t *testing.T) {
	x := bareExtractor(t)
	for _, f := range x.facilities {
		for _, name := range append([]string{f.Name}, f.Aliases...) {
			if x.facilityKey(name) == "" {
				t.Errorf("facility %q: name %q is only words any facility has", f.Name, name)
			}
		}
	}
}

func TestInsideLonger(t *testing.T) {
	hits := []cueHit{{first: 2, last: 3}, {first: 2, last: 6}, {first: 8, last: 9}}
	for i, want := range []bool{true, false, false} {
		if got := insideLonger(hits, hits[i]); got != want {
			t.Errorf("insideLonger(hit %d) = %v, want %v", i, got, want)
		}
	}
}

// TestNumberedFacility: a facility's number is part of its name; with a place after it the name
// is a facility's own, without one a title of the prison service, with no key.
func TestNumberedFacility(t *testing.T) {
	x := bareExtractor(t)
	tests := []struct {
		lang, text, name string
		titled           bool
	}{
		{"en", "Inmates rioted at Prison No. 5 on Monday.", "Prison No. 5", true},
		{"es", "Hubo un motín en la Unidad Penal N° 2 de Sierra Alta el lunes.", "Unidad Penal N° 2 de Sierra Alta", false},
		{"es", "Hubo un motín en el Penal nº 9 el lunes.", "Penal nº 9", true},
	}
	for _, tt := range tests {
		a := x.analyse(model.Document{Text: tt.text, Language: tt.lang})
		var got []string
		for _, si := range a.sentences {
			for _, h := range si.facilities {
				got = append(got, fmt.Sprintf("%s titled=%v key=%v", h.name, h.titled, h.key != ""))
			}
			for _, h := range si.titles {
				got = append(got, fmt.Sprintf("%s titled=%v key=%v", h.name, h.titled, h.key != ""))
			}
		}
		want := fmt.Sprintf("%s titled=%v key=%v", tt.name, tt.titled, !tt.titled)
		if len(got) != 1 || got[0] != want {
			t.Errorf("%q: facilities %q, want %q", tt.text, got, want)
		}
	}
}

// TestDatelineMark reads what follows a place opening a sentence as a dateline's end or not.
func TestDatelineMark(t *testing.T) {
	checkPredicate(t, "datelineMark", datelineMark, []predicateCase{
		{": Dozens of inmates escaped", true},
		{" — Gunmen stormed the prison", true},
		{" (ANA) - Gunmen stormed", true},
		{", (Ardovia News Agency - 24th Jun, 2019 ) :One inmate was killed", true}, // the agency and its day after a comma
		{", the capital, on Monday", false},
		{" (Ardovia), where gunmen stormed", false},
		{", (a town near the border) where gunmen stormed", false},
	})
}

// predicateCase is a text and whether a predicate holds for it.
type predicateCase struct {
	text string
	want bool
}

// checkPredicate runs a table of texts through a predicate of one string.
func checkPredicate(t *testing.T, name string, holds func(string) bool, cases []predicateCase) {
	t.Helper()
	for _, c := range cases {
		if got := holds(c.text); got != c.want {
			t.Errorf("%s(%q) = %v, want %v", name, c.text, got, c.want)
		}
	}
}

// TestPersonName reads capitalised runs as people's names or not.
func TestPersonName(t *testing.T) {
	x := bareExtractor(t)
	tests := []struct {
		lang, text, name string
		person           bool
	}{
		{"en", "The warden Ola Kessel said nothing.", "Ola Kessel", true},
		{"en", "Police said Gregory D. Tarvo fled.", "Gregory", true},
		{"es", "El secretario de Gobierno, Ramon Avila, dio a conocer la cifra.", "Ramon Avila", true}, // set off by a comma after a title and its portfolio
		{"en", "The minister of justice, Ines Orlin, said so.", "Ines Orlin", true},
		{"en", "Inmates rioted in Tarvo, Kolondo, on Monday.", "Kolondo", false}, // a town after a town
		{"es", "Un motín en el penal de Mareva, Kolondo, dejó muertos.", "Kolondo", false},
		{"en", "Inmate Ola Hla, who led the break, was shot.", "Ola Hla", true}, // a noun of one person opening the sentence
		{"en", "Police in Ola Hla said so.", "Ola Hla", false},
	}
	for _, tt := range tests {
		a, si, k := spanNamed(t, x, tt.lang, tt.text, tt.name)
		if got := personName(a.text, si.toks, si.spans[k]); got != tt.person {
			t.Errorf("%q: personName(%q) = %v, want %v", tt.text, tt.name, got, tt.person)
		}
	}
}

// TestSpanSkipped reads which capitalised runs are no place whatever the gazetteer says.
func TestSpanSkipped(t *testing.T) {
	x := bareExtractor(t)
	tests := []struct {
		lang, text, name string
		skip             bool
	}{
		{"id", "Sebanyak 16 tahanan Polres Metro Kolondo kabur.", "Metro", true}, // a modifier of office before a name
		{"id", "Sebanyak 16 tahanan kabur dari Lapas Kota Metro.", "Metro", false},
		{"es", "Cuatro reclusos se fugaron del Centro de Corrección y Rehabilitación “Mareva”, de esta ciudad.", "Mareva", true}, // a quoted facility name
		{"es", "Cuatro reclusos se fugaron de la cárcel de Mareva.", "Mareva", false},
	}
	for _, tt := range tests {
		a, si, k := spanNamed(t, x, tt.lang, tt.text, tt.name)
		if got := a.readSpan(si, k).skip; got != tt.skip {
			t.Errorf("%q: %q skipped %v, want %v", tt.text, tt.name, got, tt.skip)
		}
	}
}

// spanNamed analyses a one-sentence text and returns the capitalised run that reads name.
func spanNamed(t *testing.T, x *Extractor, lang, text, name string) (*analysis, *sentenceInfo, int) {
	t.Helper()
	a := x.analyse(model.Document{Text: text, Language: lang})
	for _, si := range a.sentences {
		for k, span := range si.spans {
			if a.text[span.start:span.end] == name {
				return a, si, k
			}
		}
	}
	t.Fatalf("%q: no capitalised run %q", text, name)
	return nil, nil, 0
}

// TestClockTime reads hours of the clock as written in numbers.
func TestClockTime(t *testing.T) {
	checkPredicate(t, "clockTime", clockTime, []predicateCase{
		{"23:45", true},
		{"3h", true},
		{"10h30", true},
		{"9.15", true},
		{"22", false},    // a number alone is no hour
		{"2024", false},  // nor a year
		{"1:2:3", false}, // one separator at most
		{"12345:00", false},
		{"h30", false},
		{"", false},
		{"mesma", false},
	})
}

// TestSameSkeleton: a town's name spelled otherwise keeps its consonants; a nickname does not.
func TestSameSkeleton(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"Gavrin", "Ghavrin", true},
		{"Ghavrin", "Gavrine", true},
		{"Port City", "Tarvo", false},
		{"Ha", "Ha", false}, // one consonant says too little
	} {
		if got := sameSkeleton(tt.a, tt.b); got != tt.want {
			t.Errorf("sameSkeleton(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
