package reference

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wallwatch/wallwatch/internal/config"
	"github.com/wallwatch/wallwatch/internal/extract"
	"github.com/wallwatch/wallwatch/internal/model"
)

func TestLoadLexicon(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("sw.tsv", "facility\tgereza\nattack\twalishambulia\nescape\twalitoroka\nescaped\twalitoroka\ninmate\twafungwa\n")
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
	x, err := extract.New(ref.ExtractResources())
	if err != nil {
		t.Fatal(err)
	}
	// Swahili is no built-in language: the user's file adds it.
	doc := model.Document{ID: "sw1", Language: "sw",
		Text: "Watu wenye silaha walishambulia gereza la Kakamega, Kenya, tarehe 14.03.2025 na wafungwa 40 walitoroka."}
	ms := x.Extract(doc)
	if len(ms) != 1 || ms[0].Type != model.FacilityAttack || ms[0].Place.Country != "KE" || len(ms[0].Claims) != 1 ||
		ms[0].Claims[0].Metric != model.Escaped || ms[0].Claims[0].Low == nil || *ms[0].Claims[0].Low != 40 {
		t.Errorf("Swahili report read as %+v, want one facility attack in Kenya with 40 escaped", ms)
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
