package web

import (
	"errors"
	"testing"
	"time"
)

// TestPageCache checks that a page's data is computed again when the store's mark moves, except
// within maxStale of the last computation, and never kept after an error.
func TestPageCache(t *testing.T) {
	clock := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	c := newPageCache[int]()
	c.now = func() time.Time { return clock }
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
	if v := get("a", "1"); v != 1 {
		t.Fatalf("first get: %d, want 1", v)
	}
	if v := get("a", "1"); v != 1 {
		t.Errorf("same mark: %d, want the kept 1", v)
	}
	if v := get("a", "2"); v != 1 {
		t.Errorf("new mark within maxStale: %d, want the kept 1", v)
	}
	if v := get("b", "2"); v != 2 {
		t.Errorf("another key: %d, want its own computation 2", v)
	}
	clock = clock.Add(c.maxStale)
	if v := get("a", "2"); v != 3 {
		t.Errorf("new mark after maxStale: %d, want a new computation 3", v)
	}
	clock = clock.Add(c.maxStale)
	if v := get("a", "2"); v != 3 {
		t.Errorf("same mark after maxStale: %d, want the kept 3", v)
	}
	failed := errors.New("store closed")
	if _, err := c.get("a", "3", func() (int, error) { return 0, failed }); !errors.Is(err, failed) {
		t.Errorf("a failed computation returned %v", err)
	}
	if v := get("a", "3"); v != 4 {
		t.Errorf("after a failure: %d, want a new computation 4", v)
	}
}
