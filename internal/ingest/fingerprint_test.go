package ingest

import (
	"context"
	"math/bits"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wallwatch/wallwatch/internal/model"
)

func TestNearDuplicate(t *testing.T) {
	original := readFixtureString(t, "dedup/original.txt")
	tests := []struct {
		name string
		a, b string
		want bool
	}{
		{"same text", original, original, true},
		{"syndicated copy: other headline, byline and boilerplate", original, readFixtureString(t, "dedup/syndicated.txt"), true},
		{"different story on the same subject", original, readFixtureString(t, "dedup/other.txt"), false},
		{"syndicated copy against the other story", readFixtureString(t, "dedup/syndicated.txt"), readFixtureString(t, "dedup/other.txt"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := Fingerprint(Normalize(tt.a)), Fingerprint(Normalize(tt.b))
			if got := NearDuplicate(a, b); got != tt.want {
				t.Errorf("got %v (distance %d), want %v", got, bits.OnesCount64(a^b), tt.want)
			}
		})
	}
}

func TestFingerprint(t *testing.T) {
	tests := []struct {
		name string
		a, b string
	}{
		{"case, punctuation and spacing do not count", "The prison's WALL fell, officials said.", "the prison’s wall  fell officials said"},
		{"short texts hash their words", "Jailbreak", "JAILBREAK!"},
		{"a headline and a byline do not count", "Guards repel raid on Eastgate jail\nBy Staff | 14:05\n\nGuards repelled a raid on the jail at dawn, police said.",
			"Guards repelled a raid on the jail at dawn, police said."},
	}
	for _, tt := range tests {
		if Fingerprint(tt.a) != Fingerprint(tt.b) {
			t.Errorf("%s: got %x and %x, want equal", tt.name, Fingerprint(tt.a), Fingerprint(tt.b))
		}
	}
	if got := Fingerprint(" ,. "); got != 0 {
		t.Errorf("fingerprint of no words: got %x, want 0", got)
	}
	if Fingerprint("Jailbreak") == Fingerprint("Riot") {
		t.Errorf("different words got the same fingerprint")
	}
}

// TestNearDuplicateCalibration checks NearDuplicateDistance against the shared corpus: every pair
// of distinct articles (some report the same incident) stays apart, and copies with another
// headline and byline, or with boilerplate appended, stay together.
func TestNearDuplicateCalibration(t *testing.T) {
	docs := corpusDocuments(t, "seeds", "dev")
	for i := range docs {
		for j := i + 1; j < len(docs); j++ {
			if d := bits.OnesCount64(docs[i].Fingerprint ^ docs[j].Fingerprint); d <= NearDuplicateDistance {
				t.Errorf("%s and %s: distance %d, want > %d", docs[i].Source, docs[j].Source, d, NearDuplicateDistance)
			}
		}
	}
	const boilerplate = "Subscribe to our daily newsletter for the latest headlines. Follow us on social media. " +
		"Read more: Security stepped up at border crossings. Share this article on your favourite network."
	for _, d := range docs {
		variants := []string{
			"A different headline for this story\n\nBy Staff Reporter | Updated 14:05\n\n" + d.Text,
			d.Text + "\n\n" + boilerplate,
		}
		for _, v := range variants {
			if dist := bits.OnesCount64(d.Fingerprint ^ Fingerprint(Normalize(v))); dist > NearDuplicateDistance {
				t.Errorf("%s: copy %q...: distance %d, want <= %d", d.Source, v[:30], dist, NearDuplicateDistance)
			}
		}
	}
}

// corpusDir returns a directory of the shared corpus, skipping the test when it is absent.
func corpusDir(t *testing.T, name string) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "corpus", name)
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		t.Skipf("shared corpus not found at %s (it sits beside the repository as ../shared): %v", dir, err)
	}
	return dir
}

// corpusDocuments loads the .txt articles of some corpus directories.
func corpusDocuments(t *testing.T, names ...string) []model.Document {
	t.Helper()
	var dirs []string
	for _, name := range names {
		dirs = append(dirs, corpusDir(t, name))
	}
	x := Expand(dirs)
	if len(x.Errs) != 0 {
		t.Fatal(x.Errs)
	}
	l := NewLoader(Options{}, nil)
	var docs []model.Document
	for _, in := range x.Inputs {
		if !strings.HasSuffix(in, ".txt") {
			continue
		}
		l.Load(context.Background(), in, func(d model.Document) { docs = append(docs, d) }, func(err error) { t.Error(err) })
	}
	return docs
}
