package store

import (
	"context"
	"database/sql"
	"errors"
	"testing"
)

// TestDocumentTexts reads texts through a DocumentTexts: each text, not found for an unknown id,
// through a connection whose page cache is the small one while it is open, and which the pool
// has back with the page cache of the others once it is closed.
func TestDocumentTexts(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	err := s.InTx(ctx, func(tx *Tx) error {
		for _, d := range []string{"d1", "d2"} {
			if err := tx.InsertDocument(ctx, doc(d, "", "text of "+d, 1)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	cacheOf := func(row *sql.Row) int {
		t.Helper()
		var n int
		if err := row.Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	texts, err := s.DocumentTexts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ id, want string }{{"d1", "text of d1"}, {"d2", "text of d2"}} {
		if got, err := texts.Text(ctx, tc.id); err != nil || got != tc.want {
			t.Errorf("text of %s = %q (%v), want %q", tc.id, got, err, tc.want)
		}
	}
	if _, err := texts.Text(ctx, "d3"); !errors.Is(err, ErrNotFound) {
		t.Errorf("text of d3: %v, want not found", err)
	}
	if got := cacheOf(texts.conn.QueryRowContext(ctx, `PRAGMA cache_size`)); got != -textsCacheKiB {
		t.Errorf("cache of the texts' connection = %d, want %d", got, -textsCacheKiB)
	}
	if err := texts.Close(); err != nil {
		t.Fatal(err)
	}
	if n := s.read.Stats().OpenConnections; n != 1 {
		t.Fatalf("%d readers open, want the one that read the texts", n)
	}
	if got := cacheOf(s.read.QueryRowContext(ctx, `PRAGMA cache_size`)); got != -pageCacheKiB {
		t.Errorf("cache of the reader after the texts = %d, want %d", got, -pageCacheKiB)
	}
}
