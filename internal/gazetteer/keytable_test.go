package gazetteer

import (
	"strconv"
	"testing"
)

func TestKeyTable(t *testing.T) {
	keys := []string{"", "a", "ab", "hasaka", "hasakah", "zor"}
	for i := range 1000 {
		keys = append(keys, "k"+strconv.Itoa(i))
	}
	tab := newKeyTable(keys)
	if got := tab.count(); got != len(keys) {
		t.Errorf("count() = %d, want %d", got, len(keys))
	}
	for want, k := range keys {
		if got, ok := tab.find(k); !ok || got != want || tab.key(got) != k {
			t.Errorf("find(%q) = %d, %v, want %d", k, got, ok, want)
		}
	}
	for _, k := range []string{"b", "hasak", "hasakahh", "k1000", "k-1"} {
		if got, ok := tab.find(k); ok {
			t.Errorf("find(%q) = %d, want no key", k, got)
		}
	}
	var empty keyTable
	if _, ok := empty.find("a"); ok {
		t.Error("the zero keyTable found a key")
	}
}
