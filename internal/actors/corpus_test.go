package actors

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// goldRow is the part of a gold annotation this package can check.
type goldRow struct {
	Doc          string   `json:"doc"`
	Salience     string   `json:"salience"`
	Perpetrators []string `json:"perpetrators"`
}

// corpusDir returns the shared corpus beside the repository, or skips the test.
func corpusDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "..", "shared", "corpus"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "gold")); err != nil {
		t.Skipf("shared corpus not found at %s: %v", dir, err)
	}
	return dir
}

func readGold(t *testing.T, dir string) []goldRow {
	t.Helper()
	var all []goldRow
	for _, name := range []string{"seeds.json", "dev.json"} {
		b, err := os.ReadFile(filepath.Join(dir, "gold", name))
		if err != nil {
			t.Fatalf("read gold: %v", err)
		}
		var rows []goldRow
		if err := json.Unmarshal(b, &rows); err != nil {
			t.Fatalf("parse gold %s: %v", name, err)
		}
		all = append(all, rows...)
	}
	return all
}

// TestCorpusPerpetratorNames checks that every perpetrator name the annotators accept is known.
func TestCorpusPerpetratorNames(t *testing.T) {
	d := loadT(t)
	for _, row := range readGold(t, corpusDir(t)) {
		for _, name := range row.Perpetrators {
			if _, ok := d.Get(name); !ok {
				t.Errorf("%s: perpetrator %q is not in the dictionary", row.Doc, name)
			}
		}
	}
}

// TestCorpusPerpetratorsFound checks that Find spots, in each document, an actor of the family
// of the perpetrators annotated for its incidents.
func TestCorpusPerpetratorsFound(t *testing.T) {
	d := loadT(t)
	dir := corpusDir(t)
	for _, row := range readGold(t, dir) {
		if len(row.Perpetrators) == 0 || row.Salience == "mention" {
			continue
		}
		text := readDoc(t, dir, row.Doc)
		if !anySameFamily(d, d.Find(text), row.Perpetrators[0]) {
			t.Errorf("%s: no actor of the family of %q found", row.Doc, row.Perpetrators[0])
		}
	}
}

func readDoc(t *testing.T, dir, name string) string {
	t.Helper()
	for _, sub := range []string{"seeds", "dev"} {
		if b, err := os.ReadFile(filepath.Join(dir, sub, name)); err == nil {
			return string(b)
		}
	}
	t.Fatalf("document %s not found", name)
	return ""
}

func anySameFamily(d *Dictionary, ms []Match, name string) bool {
	for _, m := range ms {
		if d.SameFamily(m.Actor.Name, name) {
			return true
		}
	}
	return false
}
