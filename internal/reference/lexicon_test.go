package reference

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wallwatch/wallwatch/internal/config"
	"github.com/wallwatch/wallwatch/internal/extract"
)

func TestLoadLexicon(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("sw.tsv", "facility\tgereza\n")
	write("notes.txt", "not read")
	c := config.Default()
	c.Lexicon = dir
	ref, err := Load(c)
	if err != nil {
		t.Fatal(err)
	}
	if len(ref.Lexicon) != 1 || filepath.Base(ref.Lexicon[0].Name) != "sw.tsv" {
		t.Fatalf("lexicon files %v, want sw.tsv", ref.Lexicon)
	}
	if _, err := extract.New(ref.ExtractResources()); err != nil {
		t.Fatal(err)
	}

	write("fr.tsv", "facilite\tprison\n")
	if ref, err = Load(c); err != nil {
		t.Fatal(err)
	}
	_, err = extract.New(ref.ExtractResources())
	if want := filepath.Join(dir, "fr.tsv") + `:1: unknown category "facilite"`; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error %v, want %q", err, want)
	}

	c.Lexicon = filepath.Join(dir, "missing")
	if _, err := Load(c); err == nil || !strings.Contains(err.Error(), "load lexicon") {
		t.Errorf("error %v, want a lexicon load error", err)
	}
}
