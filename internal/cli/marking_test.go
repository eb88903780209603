package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wallwatch/wallwatch/internal/model"
	"github.com/wallwatch/wallwatch/internal/store"
)

// TestIngestMarking: ingest marks what it stores; a restricted marking needs an existing
// organisation as its owner.
func TestIngestMarking(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	article := filepath.Join(dir, "note.txt")
	text := "TITLE: Desk note on Harrowgate Camp\nDATE: 2024-05-02\n\nGunmen attacked the Harrowgate Detention Camp in Niger on Monday night. Officials said 12 inmates escaped.\n"
	if err := os.WriteFile(article, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := runWithPassword("long enough pw", "users", "add", "--db", db, "--org", "Kestrel Desk", "ana"); code != exitOK {
		t.Fatalf("users add: code %d", code)
	}
	for _, c := range []struct {
		args    []string
		code    int
		message string
	}{
		{[]string{"--tlp", "BLUE"}, exitUsage, "--tlp"},
		{[]string{"--tlp", "AMBER"}, exitUsage, "--org"},
		{[]string{"--tlp", "RED", "--org", "Nobody"}, exitUsage, "no such organisation"},
		{[]string{"--tlp", "amber+strict", "--org", "Kestrel Desk"}, exitOK, ""},
	} {
		code, _, errOut := runCLI(t, append(append([]string{"ingest", "--db", db}, c.args...), article)...)
		if code != c.code || !strings.Contains(errOut, c.message) {
			t.Errorf("ingest %v: code %d, stderr %q; want %d mentioning %q", c.args, code, errOut, c.code, c.message)
		}
	}
	s, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	docs, err := s.Documents(context.Background(), store.DocumentQuery{})
	if err != nil || len(docs) != 1 || docs[0].TLP != model.TLPAmberStrict || docs[0].Org != "Kestrel Desk" {
		t.Fatalf("stored documents %+v (%v), want one AMBER+STRICT of Kestrel Desk", docs, err)
	}
}
