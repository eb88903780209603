package storetest

import (
	"context"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/wallwatch/wallwatch/internal/store"
)

func TestSeed(t *testing.T) {
	ctx := context.Background()
	s, err := store.Open(ctx, filepath.Join(t.TempDir(), "seed.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	fix, err := Seed(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	if len(fix.Incidents) != len(stories) || fix.XSSDocument == "" {
		t.Fatalf("fixture = %+v", fix)
	}
	// Every quote and span points at its own words in the document text.
	for _, id := range fix.Documents {
		d, err := s.Document(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		ms, err := s.Mentions(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		runes := []rune(d.Text)
		for _, m := range ms {
			if m.IncidentID == "" {
				t.Errorf("%s: mention not linked", id)
			}
			for _, c := range m.Claims {
				if got := string(runes[c.Start:c.End]); got != c.Quote {
					t.Errorf("%s: claim offsets cut %q, want %q", id, got, c.Quote)
				}
			}
			for _, e := range m.Evidence {
				if got := string(runes[e.Start:e.End]); got != e.Text {
					t.Errorf("%s: span offsets cut %q, want %q", id, got, e.Text)
				}
			}
		}
		if utf8.RuneCountInString(d.Text) == len(d.Text) && id == fix.Documents[2] {
			t.Errorf("the Cap-Haïtien story should exercise non-ASCII offsets")
		}
	}
}

func TestSeedMany(t *testing.T) {
	ctx := context.Background()
	s, err := store.Open(ctx, filepath.Join(t.TempDir(), "many.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := SeedMany(ctx, s, 300); err != nil {
		t.Fatal(err)
	}
	if n, err := s.CountIncidents(ctx); err != nil || n != 300 {
		t.Errorf("CountIncidents = %d, %v; want 300", n, err)
	}
}
