package extract

import (
	"os"
	"slices"
	"testing"
)

// TestLexiconSplitKeepsCues checks that the files of every language together hold exactly the
// cues of the single file they were split from.
func TestLexiconSplitKeepsCues(t *testing.T) {
	f, err := os.Open("data/cues.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	old, err := readLexiconFile(f, "cues.tsv")
	if err != nil {
		t.Fatal(err)
	}
	byLang, err := readLexiconDir(builtinLexicon, "data/lexicon")
	if err != nil {
		t.Fatal(err)
	}
	var split []lexiconEntry
	for _, es := range byLang {
		split = append(split, es...)
	}
	if got, want := cueSet(split), cueSet(old); !slices.Equal(got, want) {
		t.Errorf("split cues differ:\n got %d %v\nwant %d", len(got), missing(got, want), len(want))
	}
}

func cueSet(entries []lexiconEntry) []string {
	var out []string
	for _, e := range entries {
		out = append(out, e.category+"\t"+e.phrase)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func missing(a, b []string) []string {
	var out []string
	for _, s := range b {
		if !slices.Contains(a, s) {
			out = append(out, "-"+s)
		}
	}
	for _, s := range a {
		if !slices.Contains(b, s) {
			out = append(out, "+"+s)
		}
	}
	return out
}
