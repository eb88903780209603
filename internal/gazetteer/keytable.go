package gazetteer

import "hash/maphash"

// keyTable numbers a fixed set of distinct strings and finds a string's number. It holds
// no pointers but its one string, so the garbage collector never walks its hundreds of
// thousands of keys, as it would walk a map[string]T: an open-addressing hash table of
// (hash tag, number) slots over the keys stored back to back. A tag match is confirmed by
// comparing the key itself, so hash collisions cannot give a wrong answer.
type keyTable struct {
	seed  maphash.Seed
	text  string    // every key, back to back
	ends  []uint32  // key i is text[ends[i]:ends[i+1]]
	slots []keySlot // len is a power of two, at most half full
	mask  uint64    // len(slots) - 1
}

type keySlot struct {
	tag uint32 // high half of the key's hash
	key uint32 // key number + 1; 0 marks an empty slot
}

// newKeyTable numbers keys 0, 1, ... in order. The keys must be distinct.
func newKeyTable(keys []string) keyTable {
	size := 0
	for _, k := range keys {
		size += len(k)
	}
	text := make([]byte, 0, size)
	ends := make([]uint32, 1, len(keys)+1)
	for _, k := range keys {
		text = append(text, k...)
		ends = append(ends, uint32(len(text)))
	}
	n := 8
	for n < 2*len(keys) {
		n *= 2
	}
	t := keyTable{seed: maphash.MakeSeed(), text: string(text), ends: ends,
		slots: make([]keySlot, n), mask: uint64(n - 1)}
	for i, k := range keys {
		h := maphash.String(t.seed, k)
		j := h & t.mask
		for t.slots[j].key != 0 {
			j = (j + 1) & t.mask
		}
		t.slots[j] = keySlot{tag: uint32(h >> 32), key: uint32(i) + 1}
	}
	return t
}

// find returns key's number.
func (t *keyTable) find(key string) (int, bool) {
	if len(t.slots) == 0 {
		return 0, false
	}
	h := maphash.String(t.seed, key)
	tag := uint32(h >> 32)
	for j := h & t.mask; ; j = (j + 1) & t.mask {
		s := t.slots[j]
		if s.key == 0 {
			return 0, false
		}
		if s.tag == tag && t.key(int(s.key-1)) == key {
			return int(s.key - 1), true
		}
	}
}

// key returns key number i.
func (t *keyTable) key(i int) string { return t.text[t.ends[i]:t.ends[i+1]] }

// count is the number of keys.
func (t *keyTable) count() int { return len(t.ends) - 1 }
