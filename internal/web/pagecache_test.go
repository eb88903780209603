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
	current := map[string]bool{} // what get said of each key's data the last time
	get := func(key, mark string) int {
		t.Helper()
		v, cur, err := c.get(key, mark, compute)
		if err != nil {
			t.Fatal(err)
		}
		current[key] = cur
		return v
	}
	failed := errors.New("store closed")
	if _, _, err := c.get("a", "1", func() (int, error) { return 0, failed }); !errors.Is(err, failed) {
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
	if !current["a"] || !current["b"] {
		t.Errorf("data computed at the mark asked for is not called current: %v", current)
	}
	if v := get("a", "2"); v != 1 || current["a"] {
		t.Errorf("new mark: %d, current %v; want the kept 1, not current, while it is computed again", v, current["a"])
	}
	c.refreshes.Wait()
	if v := get("a", "2"); v != 3 || !current["a"] {
		t.Errorf("after the background computation: %d, current %v; want 3, current", v, current["a"])
	}
	if computed != 3 {
		t.Errorf("%d computations, want 3", computed)
	}
	if _, _, err := c.get("a", "3", func() (int, error) { return 0, failed }); err != nil {
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
