package web

import (
	"errors"
	"testing"
)

// TestPageCache checks that a key is computed once, then served as kept while the store's mark
// stands, and once more in the background when it moves, the kept data served meanwhile; a failed
// first computation is not kept.
func TestPageCache(t *testing.T) {
	c := newPageCache[int]()
	computed := 0
	compute := func() (int, error) { computed++; return computed, nil }
	get := func(key, mark string) int {
		t.Helper()
		v, err := c.get(key, mark, compute)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	failed := errors.New("store closed")
	if _, err := c.get("a", "1", func() (int, error) { return 0, failed }); !errors.Is(err, failed) {
		t.Fatalf("a failed first computation returned %v", err)
	}
	if v := get("a", "1"); v != 1 {
		t.Fatalf("first get after a failure: %d, want 1", v)
	}
	if v := get("a", "1"); v != 1 {
		t.Errorf("same mark: %d, want the kept 1", v)
	}
	if v := get("b", "1"); v != 2 {
		t.Errorf("another key: %d, want its own computation 2", v)
	}
	if v := get("a", "2"); v != 1 {
		t.Errorf("new mark: %d, want the kept 1 while it is computed again", v)
	}
	c.refreshes.Wait()
	if v := get("a", "2"); v != 3 {
		t.Errorf("after the background computation: %d, want 3", v)
	}
	if computed != 3 {
		t.Errorf("%d computations, want 3", computed)
	}
	if _, err := c.get("a", "3", func() (int, error) { return 0, failed }); err != nil {
		t.Errorf("a failed background computation reached the reader: %v", err)
	}
	c.refreshes.Wait()
	if v := get("a", "3"); v != 3 {
		t.Errorf("after a failed background computation: %d, want the kept 3", v)
	}
	c.refreshes.Wait()
	if v := get("a", "3"); v != 4 {
		t.Errorf("the next reader: %d, want a new computation 4", v)
	}
}
