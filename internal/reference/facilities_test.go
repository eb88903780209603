package reference

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/config"
	"github.com/wallwatch/wallwatch/internal/extract"
	"github.com/wallwatch/wallwatch/internal/model"
)

func TestLoadFacilities(t *testing.T) {
	file := filepath.Join(t.TempDir(), "prisons.tsv")
	write := func(content string) {
		t.Helper()
		if err := os.WriteFile(file, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	published := time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC)
	doc := model.Document{ID: "f1", Language: "en", Published: &published,
		Text: "Forty inmates escaped from the Hollin Correctional Centre on 3 March 2025, officials said."}
	read := func(c config.Config) []model.Mention {
		t.Helper()
		ref, err := Load(c)
		if err != nil {
			t.Fatal(err)
		}
		x, err := extract.New(ref.ExtractResources())
		if err != nil {
			t.Fatal(err)
		}
		return x.Extract(doc)
	}
	c := config.Default()
	if ms := read(c); len(ms) == 1 && ms[0].Place.Country == "KE" {
		t.Fatalf("the built-in list already places the facility: %+v", ms[0])
	}

	// The user's list names the facility and its town: the report is placed there.
	write("name\taliases\ttown\tadmin1\tcountry\tlat\tlon\tkind\tsource\n" +
		"Hollin Correctional Centre\tHollin prison\tKakamega\tKakamega\tKE\t0.282\t34.752\tprison\tinvented\n")
	c.Facilities = file
	ms := read(c)
	if len(ms) != 1 || ms[0].Type != model.MassEscape || ms[0].Place.Country != "KE" || ms[0].Place.Name != "Kakamega" ||
		ms[0].Facility != "Hollin Correctional Centre" {
		t.Errorf("report read as %+v, want one mass escape at Hollin Correctional Centre, Kakamega, Kenya", ms)
	}

	write("name\tcountry\tlat\nHollin Correctional Centre\tKE\tnorth\n")
	if _, err := Load(c); err == nil || !strings.Contains(err.Error(), file+`:2: lat "north"`) {
		t.Errorf("error %v, want one naming %s:2", err, file)
	}
	c.Facilities = filepath.Join(t.TempDir(), "missing.tsv")
	if _, err := Load(c); err == nil || !strings.Contains(err.Error(), "load facilities") {
		t.Errorf("error %v, want a facility list load error", err)
	}
}
