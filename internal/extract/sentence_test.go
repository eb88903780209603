package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/wallwatch/wallwatch/internal/model"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"plain", "Gunmen attacked the jail. Dozens escaped! Why? Nobody knows.",
			[]string{"Gunmen attacked the jail.", "Dozens escaped!", "Why?", "Nobody knows."}},
		{"abbreviations", "Mr. Bello and Gen. Musa met Lt. Col. Ade (Rtd.) on Sept. 27 in St. Louis. They left.",
			[]string{"Mr. Bello and Gen. Musa met Lt. Col. Ade (Rtd.) on Sept. 27 in St. Louis.", "They left."}},
		{"acronyms", "The U.S. State Department and the U.N. agreed. In the U.S. The vote failed.",
			[]string{"The U.S. State Department and the U.N. agreed.", "In the U.S.", "The vote failed."}},
		{"an ordinal day before a month", "Am 14. März 2025 griffen Bewaffnete das Gefängnis an. Am 3. Mai kamen sie wieder. Die Zahl stieg auf 14. May God help them.",
			[]string{"Am 14. März 2025 griffen Bewaffnete das Gefängnis an.", "Am 3. Mai kamen sie wieder.", "Die Zahl stieg auf 14.", "May God help them."}},
		{"initials", "He was moved to D.I. Khan jail. It was 11 p.m. Monday when they came.",
			[]string{"He was moved to D.I. Khan jail.", "It was 11 p.m. Monday when they came."}},
		{"numbers", "It held No. 3 wing and 3.5 per cent of the 1,300 inmates. Done.",
			[]string{"It held No. 3 wing and 3.5 per cent of the 1,300 inmates.", "Done."}},
		{"e.g.", "Some groups, e.g. Ansaru, did. Others did not.",
			[]string{"Some groups, e.g. Ansaru, did.", "Others did not."}},
		{"a missing space after a period", "Dans la journée 12 ont été repris.Le bilan est de 3 morts. Seen at www.example.Org and i.e.There.",
			[]string{"Dans la journée 12 ont été repris.", "Le bilan est de 3 morts.", "Seen at www.example.Org and i.e.There."}},
		{"a missing space after a period in a script without capitals", "فر 12 سجينا من السجن.وقالت الشرطة إن د.أحمد قال \"ذلك\".وتابعت",
			[]string{"فر 12 سجينا من السجن.", "وقالت الشرطة إن د.أحمد قال \"ذلك\".", "وتابعت"}},
		{"a missing space after a year in a script without capitals", "حكمت الجماعة المنطقة حتى 2014.وهرب السجناء ليلا",
			[]string{"حكمت الجماعة المنطقة حتى 2014.", "وهرب السجناء ليلا"}},
		{"quotes", `He said: "We freed them all." Police denied it. “It is over,” she said.`,
			[]string{`He said: "We freed them all."`, "Police denied it.", "“It is over,” she said."}},
		{"question in quotes", "“Where are they?” he asked. Nobody knew.",
			[]string{"“Where are they?” he asked.", "Nobody knew."}},
		{"blank line", "A heading without a stop\n\nThe text follows. More",
			[]string{"A heading without a stop", "The text follows.", "More"}},
		{"heading line", "RECENT EVENTS\nThe attack began at night.",
			[]string{"RECENT EVENTS", "The attack began at night."}},
		{"list items", "Casualties:\n- 12 guards\n• 3 civilians\n1. First item\n2) Second item",
			[]string{"Casualties:", "12 guards", "3 civilians", "First item", "Second item"}},
		{"soft wrap lower case", "The prison in Kagara was\nattacked on Monday.",
			[]string{"The prison in Kagara was\nattacked on Monday."}},
		{"soft wrap function word", "The prison in\nKagara was attacked.",
			[]string{"The prison in\nKagara was attacked."}},
		{"ellipsis", "They waited… Then they ran. The end...",
			[]string{"They waited…", "Then they ran.", "The end..."}},
		{"french", "Le 13 mai, M. Bazoum a parlé. Aucun détenu n’a fui.",
			[]string{"Le 13 mai, M. Bazoum a parlé.", "Aucun détenu n’a fui."}},
		{"empty", "  \n\n ", nil},
		{"footnotes", "It freed 721 prisoners.[4] Over thirty returned.[3][5] Al-Hawl is a camp.1 It is large.",
			[]string{"It freed 721 prisoners.[4]", "Over thirty returned.[3][5]", "Al-Hawl is a camp.1", "It is large."}},
		{"no-break space", "The guards fled.\u00a0 Nobody stayed.\u00a0", []string{"The guards fled.", "Nobody stayed."}},
		{"lone marks", "They left. … Then ran.\n|\n", []string{"They left.", "Then ran."}},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range Sentences(tt.text) {
			got = append(got, tt.text[s.Start:s.End])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: Sentences(%q)\ngot  %q\nwant %q", tt.name, tt.text, got, tt.want)
		}
	}
}

func TestSentencesHardWrapped(t *testing.T) {
	text := "Guards foil raid on prison, two dead\n" +
		"Soldiers drove back a dawn raid on the\n" +
		"Kagara prison on Monday, the interior\n" +
		"minister said, adding that two of the\n" +
		"attackers were killed.\n" +
		"The prison holds some 800 inmates,\n" +
		"many of them convicted of armed\n" +
		"robbery."
	want := []string{
		"Guards foil raid on prison, two dead",
		"Soldiers drove back a dawn raid on the\nKagara prison on Monday, the interior\nminister said, adding that two of the\nattackers were killed.",
		"The prison holds some 800 inmates,\nmany of them convicted of armed\nrobbery.",
	}
	var got []string
	for _, s := range Sentences(text) {
		got = append(got, text[s.Start:s.End])
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestSections(t *testing.T) {
	ref := Ref{Date: calendarDay(2022, 1, 22), Precision: model.PrecisionDay}
	text := "Intro text.\nUPDATE (23 JANUARY)\nMore news.\nUpdate, Jan. 24: the siege goes on.\n" +
		"UPDATE 2 — January 25\nStill more.\nUpdated on 26 January 2022\nEnd.\nMise à jour, 7 février :\nFin.\n" +
		"UPDATE\nUndated.\nFOOTNOTES\nA note.\nUpdates to the figures came later."
	want := []struct {
		header, date string
	}{
		{"", ""},
		{"UPDATE (23 JANUARY)", "2022-01-23"},
		{"Update, Jan. 24:", "2022-01-24"},
		{"UPDATE 2 — January 25", "2022-01-25"},
		{"Updated on 26 January 2022", "2022-01-26"},
		{"Mise à jour, 7 février :", "2022-02-07"},
		{"UPDATE", ""},
		{"FOOTNOTES", ""},
	}
	got := Sections(text, ref)
	if len(got) != len(want) {
		t.Fatalf("got %d sections %+v, want %d", len(got), got, len(want))
	}
	for i, s := range got {
		date := ""
		if !s.Date.IsZero() {
			date = s.Date.Start.Format(model.DateLayout)
		}
		if s.Header != want[i].header || date != want[i].date {
			t.Errorf("section %d: got %q %q, want %q %q", i, s.Header, date, want[i].header, want[i].date)
		}
		if i > 0 && s.Start != got[i-1].End || i == 0 && s.Start != 0 {
			t.Errorf("section %d starts at %d, previous ends at %d", i, s.Start, got[max(i-1, 0)].End)
		}
		if s.Header != "" && !strings.HasPrefix(text[s.Start:], s.Header) {
			t.Errorf("section %d does not start with its header: %q", i, text[s.Start:min(s.End, s.Start+30)])
		}
	}
	if last := got[len(got)-1]; last.End != len(text) {
		t.Errorf("last section ends at %d, want %d", last.End, len(text))
	}
}

func TestSectionsWithoutHeaders(t *testing.T) {
	got := Sections("Just one paragraph. Updated figures follow.", Ref{})
	if len(got) != 1 || got[0].Start != 0 || got[0].End != 43 || !got[0].Date.IsZero() {
		t.Errorf("got %+v, want one undated section over the text", got)
	}
}

// checkSentences reports spans that overlap, leave the text, split runes or are not trimmed.
func checkSentences(t *testing.T, text string, ss []Sentence) {
	t.Helper()
	last := 0
	for _, s := range ss {
		if s.Start < last || s.Start >= s.End || s.End > len(text) {
			t.Fatalf("bad sentence span %d-%d (previous end %d, len %d)", s.Start, s.End, last, len(text))
		}
		if utf8.ValidString(text) && (!utf8.RuneStart(text[s.Start]) || s.End < len(text) && !utf8.RuneStart(text[s.End])) {
			t.Fatalf("sentence %d-%d splits a rune", s.Start, s.End)
		}
		if isSpaceByte(text[s.Start]) || isSpaceByte(text[s.End-1]) {
			t.Fatalf("sentence %q is not trimmed", text[s.Start:s.End])
		}
		last = s.End
	}
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{"A. B. C.", "Mr. X said “no.” Then\n\n- item\n1. one", "U.S.\nThe", "…", "\xffa. B",
		"UPDATE (23 JANUARY)\ntext", "a\nb\nc\nd\ne"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkSentences(t, text, Sentences(text))
		secs := Sections(text, Ref{Date: calendarDay(2022, 1, 22), Precision: model.PrecisionDay})
		if len(secs) == 0 || secs[0].Start != 0 || secs[len(secs)-1].End != len(text) {
			t.Fatalf("sections %+v do not cover the text", secs)
		}
		for i := 1; i < len(secs); i++ {
			if secs[i].Start != secs[i-1].End || secs[i].Start >= secs[i].End {
				t.Fatalf("sections %+v are not contiguous", secs)
			}
		}
	})
}

// TestCorpusRobustness runs the sentence, date and number readers over every corpus article
// and checks that they do not panic and return valid spans.
func TestCorpusRobustness(t *testing.T) {
	dir := numberTestCorpus(t)
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	if len(files) == 0 {
		t.Skipf("no articles under %s", dir)
	}
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatalf("read %s: %v", file, err)
		}
		text := string(b)
		ref, _ := inferRef(builtinUnion(), text)
		checkSentences(t, text, Sentences(text))
		checkDates(t, text, FindDates(text, ref))
		checkQuantities(t, text, FindNumbers(text))
		for _, s := range Sentences(text) {
			sentence := text[s.Start:s.End]
			checkDates(t, sentence, FindDates(sentence, ref))
			checkQuantities(t, sentence, FindNumbers(sentence))
		}
	}
}

func BenchmarkSentences(b *testing.B) {
	b.SetBytes(int64(len(benchmarkArticle)))
	for b.Loop() {
		Sentences(benchmarkArticle)
	}
}

func calendarDay(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// benchmarkArticle is a made-up report of about 5 KB, written for these tests.
var benchmarkArticle = strings.Repeat(`Gunmen storm Kagara prison, free hundreds
Armed men attacked the Kagara central prison late on Sunday, freeing more than 400 of the 1,020 inmates held there, officials said on Monday. The attackers, estimated at between 80 and 100, arrived at about 11 p.m. in 15 pickup trucks and blew a hole in the outer wall with explosives, according to Lt. Col. Adamu Bello, a spokesman for the army.
"They came prepared. They knew exactly where the cells were," a warder told reporters. Two warders and a soldier were killed, and at least 14 people were wounded in a gunfight that lasted nearly three hours.
By Tuesday, security forces had recaptured 62 escapees, and 11 more returned on their own, the state's correctional service said. Some 300 remain at large, it said, including dozens of men awaiting trial on terrorism charges.
The raid is the third on a prison in the region since early August 2021. On Sept. 27 last year, a similar attack on the Dukku jail freed around 240 prisoners; in 2019, gunmen killed four guards at the same facility.
UPDATE (14 MARCH)
The correctional service revised its figures on Wednesday: 437 inmates escaped, and 98 had been recaptured by 8 p.m. A reward of 5 million naira was offered for information. The U.S. embassy condemned the attack.
`, 4)

func TestSectionHeaderEnd(t *testing.T) {
	text := "Gunmen stormed the jail on Saturday.\n\n  UPDATE, March 7: The service said 140 were recaptured."
	secs := Sections(text, Ref{Date: time.Date(2023, 3, 5, 0, 0, 0, 0, time.UTC), Precision: model.PrecisionDay})
	if len(secs) != 2 {
		t.Fatalf("got %d sections, want 2", len(secs))
	}
	if got := text[secs[1].Start:secs[1].HeaderEnd]; got != "UPDATE, March 7:" {
		t.Errorf("header = %q, want %q", got, "UPDATE, March 7:")
	}
	if secs[0].HeaderEnd != secs[0].Start {
		t.Errorf("a section without a header ends its header at its start, got %d", secs[0].HeaderEnd)
	}
}
