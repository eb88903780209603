package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/wallwatch/wallwatch/internal/model"
)

func openTemp(t testing.TB) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func doc(id, title, text string, fp uint64) model.Document {
	pub := time.Date(2022, 1, 22, 0, 0, 0, 0, time.UTC)
	return model.Document{ID: id, Source: id + ".txt", Title: title, Text: text, ContentHash: "hash-" + id,
		Fingerprint: fp, Published: &pub, IngestedAt: time.Now(), Format: "text", Raw: []byte(text)}
}

func TestMigrationsAreIdempotent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.db")
	for i := 0; i < 2; i++ {
		s, err := Open(context.Background(), path)
		if err != nil {
			t.Fatalf("Open #%d: %v", i, err)
		}
		v, err := s.SchemaVersion(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		ms, _ := migrations()
		if want := ms[len(ms)-1].version; v != want {
			t.Errorf("schema version = %d, want %d", v, want)
		}
		s.Close()
	}
}

func TestDocuments(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	err := s.InTx(ctx, func(tx *Tx) error {
		for _, d := range []model.Document{
			doc("a1", "Gunmen storm jail", "Gunmen stormed the central jail and freed inmates.", 0x1111_2222_3333_4444),
			doc("b2", "Flood season", "Rivers rose across the delta.", 0x9999_8888_7777_6666),
		} {
			if err := tx.InsertDocument(ctx, d); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	err = s.InTx(ctx, func(tx *Tx) error {
		id, err := tx.DocumentIDByHash(ctx, "hash-a1")
		if err != nil || id != "a1" {
			t.Errorf("DocumentIDByHash = %q, %v; want a1", id, err)
		}
		id, _ = tx.DocumentIDByHash(ctx, "hash-none")
		if id != "" {
			t.Errorf("DocumentIDByHash(unknown) = %q, want empty", id)
		}
		fps, err := tx.FingerprintsAfter(ctx, 0)
		if err != nil || len(fps) != 2 || fps[0].Fingerprint != 0x1111_2222_3333_4444 || fps[0].Length == 0 || fps[0].IngestedAt == "" {
			t.Errorf("FingerprintsAfter(0) = %+v, %v; want both documents", fps, err)
		}
		all, err := tx.Fingerprints(ctx)
		if err != nil || !reflect.DeepEqual(all, fps) {
			t.Errorf("Fingerprints = %+v, %v; want %+v (stored in the order they compare)", all, err, fps)
		}
		if len(fps) == 2 {
			rest, err := tx.FingerprintsAfter(ctx, fps[0].RowID)
			if err != nil || len(rest) != 1 || rest[0].ID != fps[1].ID {
				t.Errorf("FingerprintsAfter(first) = %+v, %v; want the second document", rest, err)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		q    string
		want []string
	}{
		{"", []string{"a1", "b2"}},
		{"jail", []string{"a1"}},
		{"stormed JAIL", []string{"a1"}},
		{`"unbalanced`, nil},
		{"rivers", []string{"b2"}},
	}
	for _, tt := range tests {
		got, err := s.Documents(ctx, DocumentQuery{Q: tt.q})
		if err != nil {
			t.Fatalf("Documents(%q): %v", tt.q, err)
		}
		if ids := summaryIDs(got); fmt.Sprint(slices.Sorted(slices.Values(ids))) != fmt.Sprint(tt.want) && !(len(ids) == 0 && len(tt.want) == 0) {
			t.Errorf("Documents(%q) = %v, want %v", tt.q, ids, tt.want)
		}
	}
	d, err := s.Document(ctx, "a1")
	if err != nil || d.Title != "Gunmen storm jail" || d.Published == nil || d.Published.Format("2006-01-02") != "2022-01-22" {
		t.Errorf("Document(a1) = %+v, %v", d, err)
	}
	if _, err := s.Document(ctx, "zz"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Document(zz) error = %v, want ErrNotFound", err)
	}
}

func summaryIDs(ds []DocumentSummary) []string {
	var ids []string
	for _, d := range ds {
		ids = append(ids, d.ID)
	}
	return ids
}

func TestDocumentSearchNewestFirst(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	err := s.InTx(ctx, func(tx *Tx) error {
		for _, id := range []string{"a1", "b2", "c3", "d4"} {
			text := "Gunmen stormed the jail, report " + id + "."
			if id == "c3" {
				text = "Rivers rose across the delta."
			}
			if err := tx.InsertDocument(ctx, doc(id, "Report "+id, text, 0)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		q             DocumentQuery
		want, snippet string
	}{
		{DocumentQuery{Q: "jail"}, "[d4 b2 a1]", "Gunmen stormed the [jail], report d4."},
		{DocumentQuery{Q: "jail", Limit: 1, Offset: 1}, "[b2]", "Gunmen stormed the [jail], report b2."},
		{DocumentQuery{Q: "jail", Offset: 3}, "[]", ""},
	}
	for _, tt := range tests {
		got, err := s.Documents(ctx, tt.q)
		if err != nil {
			t.Fatal(err)
		}
		if ids := fmt.Sprint(summaryIDs(got)); ids != tt.want {
			t.Errorf("Documents(%+v) = %s, want %s", tt.q, ids, tt.want)
		}
		if len(got) > 0 && got[0].Snippet != tt.snippet {
			t.Errorf("Documents(%+v) snippet = %q, want %q", tt.q, got[0].Snippet, tt.snippet)
		}
	}
}
