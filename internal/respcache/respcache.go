// Package respcache keeps encoded responses of read requests for as long as the store they were
// read from has not changed. It is the second layer of the read paths (docs/benchmarks.md): a
// repeated request, the common case of a list many readers poll, is answered from memory, while
// every write to the store (its change mark moves) drops what was kept. Callers build the key from
// everything the response depends on — the reader's audience first, so that no reader is ever
// given a response built for another — and the cache holds at most a fixed number of bytes.
package respcache

import (
	"errors"
	"sync"
)

// Cache keeps response bodies by key, all built at one change mark of the store.
type Cache struct {
	maxBytes, maxEntry int

	mu      sync.Mutex
	mark    string            // the change mark every kept entry was built at
	entries map[string]*entry // by key, built or being built at mark
	bytes   int               // the bodies kept, added up
}

// entry is one key's body. ready closes once the body is built (or its build failed), so that
// concurrent readers of a key wait for one build instead of each making their own.
type entry struct {
	ready chan struct{}
	body  []byte
	err   error
	kept  bool // counted in Cache.bytes; guarded by Cache.mu
}

// New returns a cache that keeps at most maxBytes of bodies in all, none larger than maxEntry.
func New(maxBytes, maxEntry int) *Cache {
	return &Cache{maxBytes: maxBytes, maxEntry: min(maxEntry, maxBytes), entries: map[string]*entry{}}
}

// Get returns the body kept for key at mark, building it first when none is kept. build runs once
// for concurrent readers of one key at one mark; a failed build is not kept, and a reader that
// waited for it builds its own (the error may be the first reader's, such as its request ending).
// A mark other than the one the kept entries were built at drops them all: the store changed.
// A nil cache keeps nothing: every Get builds.
func (c *Cache) Get(key, mark string, build func() ([]byte, error)) ([]byte, error) {
	if c == nil {
		return build()
	}
	c.mu.Lock()
	if mark != c.mark {
		clear(c.entries)
		c.mark, c.bytes = mark, 0
	}
	if e, ok := c.entries[key]; ok {
		c.mu.Unlock()
		<-e.ready
		if e.err != nil {
			return build()
		}
		return e.body, nil
	}
	e := &entry{ready: make(chan struct{}), err: errNotBuilt}
	c.entries[key] = e
	c.mu.Unlock()
	defer c.settle(key, mark, e)
	e.body, e.err = build()
	return e.body, e.err
}

// errNotBuilt is an entry's error until its build returns: a build that panicked leaves it, so
// that the entry is dropped and its waiters build their own.
var errNotBuilt = errors.New("response not built")

// settle keeps a built entry if it may be kept, or drops it, and wakes its waiters.
func (c *Cache) settle(key, mark string, e *entry) {
	c.mu.Lock()
	switch {
	case c.mark != mark || c.entries[key] != e:
		// The store changed while it was built: the entries of mark are gone already.
	case e.err != nil || len(e.body) > c.maxEntry:
		delete(c.entries, key)
	default:
		c.makeRoom(len(e.body))
		c.bytes += len(e.body)
		e.kept = true
	}
	c.mu.Unlock()
	close(e.ready)
}

// makeRoom drops kept entries until n more bytes fit; entries still being built are not counted
// yet and stay.
func (c *Cache) makeRoom(n int) {
	for k, e := range c.entries {
		if c.bytes+n <= c.maxBytes {
			return
		}
		if e.kept {
			delete(c.entries, k)
			c.bytes -= len(e.body)
		}
	}
}
