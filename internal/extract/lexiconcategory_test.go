package extract

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/wallwatch/wallwatch/internal/model"
)

func TestLoadLexiconsErrors(t *testing.T) {
	tests := []struct {
		name string
		file string // the user's file, in /home/u/lexicon
		data string
		want string // a part of the error; "" for none
	}{
		{"valid extension", "xx.tsv", "facility\tcezaevi\nside:security\tgardiyan", ""},
		{"comments and blank lines", "xx.tsv", "# words\n\nescape\tfirar*", ""},
		{"unknown category", "xx.tsv", "facility\tcezaevi\nfacilty\thapishane", `xx.tsv:2: unknown category "facilty"`},
		{"unknown family member", "xx.tsv", "side:guards\tgardiyan", `xx.tsv:1: unknown category "side:guards"`},
		{"duplicate in a file", "xx.tsv", "riot\tisyan\n# again\nriot\tİsyan", `xx.tsv:3: riot "İsyan" is already at line 1`},
		{"no tab", "xx.tsv", "facility cezaevi", "xx.tsv:1: want CATEGORY<TAB>phrase"},
		{"same word in two categories", "xx.tsv", "escape\tkaçtı\nescaped\tkaçtı", ""},
		{"a word the built-in file has", "en.tsv", "facility\tprison", ""},
		{"a short prefix", "xx.tsv", "escape\tka*", `xx.tsv:1: "ka*": a prefix needs 3 letters`},
		{"a prefix in a word category", "xx.tsv", "title\tbaşkan*", `xx.tsv:1: title is looked up word by word`},
		{"a phrase category", "xx.tsv", "vague_number:24\tdüzinelerce\nweekday_before:-1\tgeçen", ""},
		{"a value a phrase category lacks", "xx.tsv", "vague_number:25\tyirmi beş", `xx.tsv:1: unknown category "vague_number:25"`},
		{"a phrase category without its value", "xx.tsv", "date_unit\tgün", `xx.tsv:1: unknown category "date_unit"`},
		{"a value on a plain phrase category", "xx.tsv", "period_part:1\tbaşı", `xx.tsv:1: unknown category "period_part:1"`},
		{"a prefix in a phrase category", "xx.tsv", "date_unit:1\tgün*", `xx.tsv:1: date_unit:1 is looked up word by word`},
		{"several words in a one-word phrase category", "xx.tsv", "ordinal:2\tikinci sıra", `xx.tsv:1: ordinal:2 is looked up one word at a time: "ikinci sıra"`},
		{"a phrase longer than the rules look for", "xx.tsv", "nickname\tknown far and wide to all as", `xx.tsv:1: nickname phrases have at most 5 words: "known far and wide to all as" has 7`},
		{"a next word in a one-word phrase category", "xx.tsv", "date_unit:1\tgün (önce)", `xx.tsv:1: date_unit:1 is looked up one word at a time`},
		{"a next word in a phrase category", "xx.tsv", "vague_number:200\tyüzlerce (kişi)", ""},
		{"not named by a language", "turkish.tsv", "facility\tcezaevi", "lexicon/turkish.tsv: want a file named by a two-letter language code"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadLexicons([]LexiconFile{{Name: "/home/u/lexicon/" + tt.file, Data: []byte(tt.data)}})
			checkError(t, err, tt.want)
		})
	}
}

func TestValidateLexiconMissingCategory(t *testing.T) {
	byLang, err := readLexiconDir(builtinLexicon, "data/lexicon")
	if err != nil {
		t.Fatal(err)
	}
	var entries []lexiconEntry
	for _, es := range byLang {
		for _, e := range es {
			if e.category != "stayed" && e.category != "method:tunnel" {
				entries = append(entries, e)
			}
		}
	}
	err = validateLexicon(entries)
	checkError(t, err, `no file provides category "stayed"`)
	checkError(t, err, `no file provides category "method:tunnel"`)
}

func checkError(t *testing.T, err error, want string) {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Errorf("error %v, want none", err)
	case want != "" && err == nil:
		t.Errorf("no error, want %q", want)
	case want != "" && !strings.Contains(err.Error(), want):
		t.Errorf("error %v, want %q", err, want)
	}
}

// TestEveryCategoryIsRead keeps the category tables and the rules in step: a category no rule
// reads is a word list that does nothing. Rules name cue categories by the constants of
// cuecategory.go (metric cues by their metric, a family's members by the family's test: isSide),
// word and phrase categories by theirs, and the calendar and number families by name.
func TestEveryCategoryIsRead(t *testing.T) {
	code := ruleSource(t)
	cues, err := os.ReadFile("cuecategory.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile(`(\w+Cue): \{name: "(([a-z_]+)(?::[a-z_]+)?)"`).FindAllStringSubmatch(string(cues), -1) {
		c, ok := cueCatNamed(m[2])
		if !ok {
			t.Fatalf("cuecategory.go: %s names no category", m[0])
		}
		family := map[string]string{"side": ".isSide()", "claimant": ".isClaimant()", "method": ".isMethod()"}[m[3]]
		if !strings.Contains(code, m[1]) && c.metric() == "" && (family == "" || !strings.Contains(code, family)) {
			t.Errorf("no rule reads category %s (%s)", c, m[1])
		}
	}
	for _, c := range lexiconCategories {
		read := strings.Contains(code, `"`+c.name+`"`) ||
			c.values != nil && strings.Contains(code, `"`+c.name+`:`) // a family read by its prefix
		if !read && !isMetric(model.Metric(c.name)) {
			t.Errorf("no rule reads category %s", c.name)
		}
	}
	defs, err := os.ReadFile("wordcategory.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile(`(?m)^\t(\w+):\s+"([a-z_]+)",$`).FindAllStringSubmatch(string(defs), -1) {
		if !strings.Contains(code, m[1]) {
			t.Errorf("no rule reads category %s (%s)", m[2], m[1])
		}
	}
	phrases, err := os.ReadFile("phrasecategory.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile(`(?m)^\t(\w+):\s+\{name: "([a-z_]+)"`).FindAllStringSubmatch(string(phrases), -1) {
		if !strings.Contains(code, m[1]) {
			t.Errorf("no rule reads category %s (%s)", m[2], m[1])
		}
	}
}

// ruleSource returns the package's Go code but for tests and the category tables.
func ruleSource(t *testing.T) string {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var code strings.Builder
	for _, f := range files {
		if !strings.HasSuffix(f, "_test.go") && f != "lexiconcategory.go" && f != "cuecategory.go" && f != "wordcategory.go" && f != "phrasecategory.go" {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			code.Write(b)
		}
	}
	return code.String()
}

// TestEveryCategoryIsDocumented keeps data/README.md naming every category of the table.
func TestEveryCategoryIsDocumented(t *testing.T) {
	readme, err := os.ReadFile("data/README.md")
	if err != nil {
		t.Fatal(err)
	}
	names := wordCatNames[:]
	for _, c := range cueCats[noCue+1:] {
		names = append(names, c.name)
	}
	for _, c := range lexiconCategories {
		names = append(names, c.name)
	}
	for _, c := range phraseCats {
		names = append(names, c.name)
	}
	for _, name := range names {
		if !strings.Contains(string(readme), "`"+name) {
			t.Errorf("data/README.md does not document category %s", name)
		}
	}
}
