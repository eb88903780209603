package extract

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoadLexiconsErrors(t *testing.T) {
	tests := []struct {
		name string
		user string // the content of the user's xx.tsv
		want string // a part of the error; "" for none
	}{
		{"valid extension", "facility\tcezaevi\nside:security\tgardiyan", ""},
		{"comments and blank lines", "# words\n\nescape\tfirar*", ""},
		{"unknown category", "facility\tcezaevi\nfacilty\thapishane", `xx.tsv:2: unknown category "facilty"`},
		{"unknown family member", "side:guards\tgardiyan", `xx.tsv:1: unknown category "side:guards"`},
		{"duplicate in a file", "riot\tisyan\n# again\nriot\tİsyan", `xx.tsv:3: riot "İsyan" is already at line 1`},
		{"no tab", "facility cezaevi", "xx.tsv:1: want CATEGORY<TAB>phrase"},
		{"same word in two categories", "escape\tkaçtı\nescaped\tkaçtı", ""},
		{"a word the built-in file has", "facility\tprison", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadLexicons(fstest.MapFS{"xx.tsv": {Data: []byte(tt.user)}})
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
