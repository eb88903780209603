package extract

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestProcliticForms(t *testing.T) {
	lx := builtinUnion()
	tests := []struct {
		word string
		want []string
	}{
		{"والسجناء", []string{"السجناء", "سجناء"}},
		{"للسجن", []string{"سجن", "لسجن"}},
		{"بغداد", []string{"غداد"}},
		{"من", nil},     // too short to lose a letter
		{"prison", nil}, // Latin words carry no proclitics
	}
	for _, tt := range tests {
		got := lx.procliticForms(foldWord(tt.word), nil)
		for _, w := range tt.want {
			if !slices.Contains(got, foldWord(w)) {
				t.Errorf("procliticForms(%q) = %q, want it to hold %q", tt.word, got, w)
			}
		}
		if tt.want == nil && len(got) > 0 {
			t.Errorf("procliticForms(%q) = %q, want none", tt.word, got)
		}
	}
}

func TestCaselessSpans(t *testing.T) {
	lx := builtinUnion()
	tests := []struct {
		text string
		want []string // the names offered, in order
	}{
		{"هاجموا السجن في مدينة حلب أمس", []string{"حلب أمس", "حلب"}},
		{"وقع الهجوم ببنغازي", []string{"ببنغازي", "بنغازي"}}, // as written first, then after "in"
		{"من نظارة عدلية بعبدا", []string{"بعبدا", "عبدا"}},   // a name that starts with the proclitic's letter
		{"وقع الهجوم في بغداد", []string{"بغداد", "غداد"}},    // as written first
		{"وصلوا بعد الهجوم", nil},                             // "بعد" is no ب + name
		{"في بيان للشرطة", nil},                               // a statement is no place
		{"attacked the prison in Aleppo", nil},                // capitals mark Latin names
	}
	for _, tt := range tests {
		toks := tokenize(tt.text)
		lx.markWords(toks)
		var got []string
		for _, s := range caselessSpans(lx, tt.text, toks, 2) {
			got = append(got, tt.text[s.start:s.end])
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("caselessSpans(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestInflectedForms(t *testing.T) {
	lx := builtinUnion()
	tests := []struct{ name, want string }{
		{"Ростове", "ростов"},
		{"Москве", "москва"},
		{"Сирии", "сирия"},
		{"Твери", "тверь"},
		{"Нижнем Новгороде", "Нижнем новгород"},
		{"الفلسطينيين", "الفلسطيني"},
	}
	for _, tt := range tests {
		if got := lx.inflectedForms(tt.name); !slices.Contains(got, tt.want) {
			t.Errorf("inflectedForms(%q) = %q, want it to hold %q", tt.name, got, tt.want)
		}
	}
	if got := lx.inflectedForms("Ура"); got != nil {
		t.Errorf("inflectedForms(Ура) = %q, want none: too short", got)
	}
	// A place's name never sheds an adjective's ending: "القناة" (the canal) is no "قنا".
	if got := lx.placeForms("القناة"); slices.ContainsFunc(got, func(f string) bool { return strings.HasSuffix(f, "قنا") }) {
		t.Errorf("placeForms(القناة) = %q, want no form without the feminine ending", got)
	}
	if got := lx.placeForms("Ростове"); !slices.Contains(got, "ростов") {
		t.Errorf("placeForms(Ростове) = %q, want it to hold ростов", got)
	}
}

func TestArabicIndicDigits(t *testing.T) {
	tests := []struct{ text, want string }{
		{"٢٠٢١", "2021"},
		{"۱۴۰۰", "1400"},
		{"٦/٩", "6"},
	}
	for _, tt := range tests {
		p, ok := arabicIndicPiece(tt.text, 0)
		if !ok || p.low != tt.want || p.kind != pieceDigits {
			t.Errorf("arabicIndicPiece(%q) = %+v, %v, want digits %q", tt.text, p, ok, tt.want)
		}
	}
	if _, ok := arabicIndicPiece("2021", 0); ok {
		t.Error("arabicIndicPiece(2021): ASCII digits are read elsewhere")
	}
}

// FuzzScript checks the readings of outside text script.go and lexnumber.go add: pieces of
// Arabic-Indic digits, caseless place candidates, inflected forms, figures in Arabic and Russian
// words stay inside the text and never panic.
func FuzzScript(f *testing.F) {
	for _, s := range []string{"هاجموا السجن ببغداد يوم ٢ آب ٢٠٢٤", "в Ростове-на-Дону", "ـــ، في", "\xd9", "٠",
		"هرب خمسة وعشرون سجينا", "около двадцати пяти тысяч человек", "أكثر من ٣٠٠"} {
		f.Add(s)
	}
	lx := builtinUnion()
	f.Fuzz(func(t *testing.T, text string) {
		for _, p := range appendPieces(nil, text, asciiLower(text)) {
			if p.start >= p.end || p.end > len(text) {
				t.Fatalf("piece %+v outside %q", p, text)
			}
			if p.kind == pieceDigits && strings.Trim(p.low, "0123456789") != "" {
				t.Fatalf("digits piece %q of %q", p.low, text)
			}
		}
		toks := tokenize(text)
		lx.markWords(toks)
		for _, s := range caselessSpans(lx, text, toks, 3) {
			if s.start < toks[s.first].start || s.end > toks[s.last].end || s.start >= s.end || !utf8.ValidString(text[s.start:s.end]) && utf8.ValidString(text) {
				t.Fatalf("span %+v outside its tokens in %q", s, text)
			}
		}
		for _, w := range strings.Fields(text) {
			lx.inflectedForms(w)
		}
		for _, q := range FindNumbers(text) { // number words and qualifiers of the lexicon
			if q.Start < 0 || q.Start > q.End || q.End > len(text) {
				t.Fatalf("quantity %+v outside %q", q, text)
			}
		}
	})
}

func TestCaselessName(t *testing.T) {
	lx := builtinUnion()
	tests := []struct {
		text string
		want bool
	}{
		{"هربوا من سجن جلبوع", true},
		{"هربوا من سجن المدينة المركزي", false}, // the city prison names no one prison
		{"وهو معتقل منذ عام", false},            // detained since a year
		{"هربوا من السجن المركزي", false},
		{"هربوا من سجن و", false},
	}
	for _, tt := range tests {
		toks := tokenize(tt.text)
		lx.markWords(toks)
		si := &sentenceInfo{lex: lx, toks: toks, cues: lx.scan(toks)}
		head := slices.IndexFunc(toks, func(t token) bool { return lx.has(facilityHeadFirstWords, t.fold) })
		if got := head >= 0 && head+1 < len(toks) && caselessName(si, head, head+1); got != tt.want {
			t.Errorf("caselessName(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestLexiconQualifier(t *testing.T) {
	lx := builtinUnion()
	tests := []struct{ text, want string }{
		{"сбежали более 20 заключённых", "more_than"},
		{"около 300 человек", "approx"},
		{"не менее 10 охранников", "more_than"},
		{"هرب أكثر من 20 سجينا", "more_than"},
		{"نحو ٣٠٠ سجين", "approx"},
		{"هرب 20 سجينا", ""},
		{"more than 20 inmates", "more_than"},
		{"jusqu'à 20 détenus", "up_to"},
		{"entre 20 et 30 détenus", "between"},
		{"20 inmates", ""},
	}
	for _, tt := range tests {
		ps := scanPieces(tt.text)
		first := slices.IndexFunc(ps, func(p piece) bool { return p.kind == pieceDigits })
		if got, _ := lx.qualifierBefore(ps, first); got != tt.want {
			t.Errorf("qualifierBefore(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
	q := FindNumbers("سجن يضم نحو ٣٠٠ سجين")
	if len(q) != 1 || q[0].Qualifier != "approx" || q[0].Low == nil || *q[0].Low != 300 {
		t.Errorf("FindNumbers(نحو ٣٠٠ سجين) = %+v, want one approximate 300", q)
	}
}
