package store

import "testing"

// TestWordMemo: a lookup is kept for its audience and word at one change mark only.
func TestWordMemo(t *testing.T) {
	var m wordMemo
	ids := map[string]bool{"inc-1": true}
	m.put("1", "all\x00kolondo", wordMatch{ids, true})
	if w, ok := m.get("1", "all\x00kolondo"); !ok || !w.rare || !w.ids["inc-1"] {
		t.Errorf("get at the same mark = %+v, %v, want the kept lookup", w, ok)
	}
	if _, ok := m.get("1", "AMBER/2\x00kolondo"); ok {
		t.Error("another audience got the lookup of the first")
	}
	if _, ok := m.get("2", "all\x00kolondo"); ok {
		t.Error("a lookup outlived a write to the store")
	}
	m.put("2", "all\x00tarvo", wordMatch{nil, true})
	if _, ok := m.get("2", "all\x00kolondo"); ok {
		t.Error("a new mark kept the lookups of the old one")
	}
	for i := range maxMemoWords + 1 {
		m.put("2", string(rune('a'+i%26))+string(rune(i)), wordMatch{})
	}
	if len(m.found) > maxMemoWords {
		t.Errorf("memo holds %d words, want at most %d", len(m.found), maxMemoWords)
	}
}
